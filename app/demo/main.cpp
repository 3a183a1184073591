#include "DemoServer.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int kExitUsage = 2;
constexpr int kExitListenFailed = 1;

// Scripts and tests read stdout line by line while the server runs: flush each line.
void printLine(FILE* stream, const QString& line)
{
    const QByteArray bytes = QString(line + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int usageError(const QString& message)
{
    printLine(stderr, QCoreApplication::applicationName() + u": "_s + message);
    return kExitUsage;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"faultshare-demo-api"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTSHARE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Demo Altostrat fault API on a loopback address: POST /fault/token, "
        u"GET /fault/token/{token} and short links, with sample faults.\n"
        u"The API key is read from the FAULTSHARE_DEMO_API_KEY environment variable "
        u"(preferred: the command line is visible to other users) or --api-key, which wins "
        u"when both are set. Without either, a throwaway key is generated and printed.\n"
        u"The first line on stdout is \"listening on <url>\"."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"TCP port to listen on; 0 picks a free port."_s, u"N"_s,
                                        u"0"_s);
    const QCommandLineOption addressOption(u"address"_s,
                                           u"Loopback address to listen on: 127.0.0.1 or ::1."_s,
                                           u"ADDRESS"_s, u"127.0.0.1"_s);
    const QCommandLineOption apiKeyOption(
        u"api-key"_s, u"API key or token to accept (any opaque string: tokenId:teamId:secret, a JWT, ...). "
                       u"Prefer FAULTSHARE_DEMO_API_KEY."_s,
        u"KEY"_s);
    const QCommandLineOption rateLimitOption(
        u"rate-limit"_s, u"Token requests allowed per key per rolling minute (default 60)."_s, u"N"_s,
        u"60"_s);
    parser.addOptions({portOption, addressOption, apiKeyOption, rateLimitOption});

    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption) || parser.isSet(u"help-all"_s))
        parser.showHelp(0);
    if (parser.isSet(versionOption))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(u"unexpected argument: "_s + parser.positionalArguments().constFirst());

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        return usageError(u"--port must be a number from 0 to 65535"_s);

    bool rateOk = false;
    const int rateLimit = parser.value(rateLimitOption).toInt(&rateOk);
    if (!rateOk || rateLimit < 1)
        return usageError(u"--rate-limit must be a number of at least 1"_s);

    const QHostAddress address(parser.value(addressOption));
    if (address.isNull() || !address.isLoopback())
        return usageError(u"--address must be a loopback address (127.0.0.1 or ::1)"_s);

    QString apiKey = qEnvironmentVariable("FAULTSHARE_DEMO_API_KEY");
    if (parser.isSet(apiKeyOption)) {
        apiKey = parser.value(apiKeyOption);
        if (apiKey.isEmpty())
            return usageError(u"--api-key must not be empty"_s);
    }
    const bool generatedKey = apiKey.isEmpty();
    if (generatedKey)
        apiKey = DemoServer::generateApiKey();

    DemoServer server(apiKey);
    server.setRateLimit(rateLimit);
    if (!server.listen(address, quint16(port))) {
        printLine(stderr, QCoreApplication::applicationName() + u": cannot listen on "_s + address.toString()
                              + u" port "_s + QString::number(port));
        return kExitListenFailed;
    }

    printLine(stdout, u"listening on "_s + server.url().toString());
    // A throwaway key made up just now: printing it is the only way to use it.
    if (generatedKey)
        printLine(stdout, u"api key: "_s + apiKey);

    return QCoreApplication::exec();
}
