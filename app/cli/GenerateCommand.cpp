#include "Cli.h"
#include "LinkOutput.h"
#include "LinkSource.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "History.h"
#include "LinkIssuer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>
#include <optional>

namespace faultshare {

namespace {

using namespace Cli;

struct Request
{
    LinkSource source;
    QString format;
    QString output;
};

// Parses and checks everything that can be checked before a request is sent.
std::optional<Request> parseArguments(const QStringList& arguments, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Create a short-lived, read-only Altostrat fault link.\n\n"
           "The API key or token is taken from the FAULTSHARE_API_KEY environment variable, then from\n"
           "standard input with --api-key-stdin, then from the profile's keychain entry.\n\n"
           "Exit codes: 0 ok, 2 invalid input, 3 key missing or rejected, 4 rate limited,\n"
           "5 network, TLS or timeout, 6 server error or invalid response."));
    parser.addPositionalArgument(QStringLiteral("generate"), QCoreApplication::translate("Cli", "Create a link."));
    const LinkSourceOptions source(
        QCoreApplication::translate("Cli", "Lifetime in minutes, 1 to 43200 (default: the profile's)."),
        QCoreApplication::translate("Cli", "A name for the link, e.g. \"NOC wall 2\"."),
        QCoreApplication::translate("Cli", "Do not keep the link in the history (faultshare history)."));
    source.addTo(parser);
    const QCommandLineOption format(QStringLiteral("format"), QCoreApplication::translate("Cli", "Output: text, json, link, qr-ansi, qr-png or qr-svg (default: text)."), QCoreApplication::translate("Cli", "FORMAT"), QStringLiteral("text"));
    const QCommandLineOption output(QStringLiteral("output"), QCoreApplication::translate("Cli", "Write to FILE (owner-only permissions) instead of standard output."), QCoreApplication::translate("Cli", "FILE"));
    parser.addOptions({format, output});

    const auto usage = [exitCode](const QString& message) -> std::optional<Request> {
        *exitCode = usageError(message, QStringLiteral("generate"));
        return std::nullopt;
    };
    if (const std::optional<int> code = parseCommandLine(parser, arguments, QStringLiteral("generate"))) {
        *exitCode = *code;
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != QLatin1StringView("generate"))
        return usage(QCoreApplication::translate("Cli", "Unexpected argument: %1.").arg(positional.mid(1).join(QLatin1Char(' '))));

    Request request;
    std::optional<LinkSource> read = source.read(parser, QStringLiteral("generate"), exitCode);
    if (!read)
        return std::nullopt;
    request.source = std::move(*read);
    request.format = parser.value(format);
    if (!linkFormats().contains(request.format))
        return usage(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use one of %2.").arg(request.format, linkFormats().join(QStringLiteral(", "))));
    request.output = parser.value(output);
    const bool binary = request.format == QLatin1StringView("qr-png");
    if (binary && request.output.isEmpty() && stdoutIsTerminal())
        return usage(QCoreApplication::translate("Cli", "A PNG is not for the terminal: add --output FILE or redirect standard output."));
    return request;
}

// One run: configure the connection, get the key, issue the link, write the output, quit
// with the exit code once the history has kept the link.
class GenerateCommand final : public QObject
{
public:
    explicit GenerateCommand(Request request)
        : m_request(std::move(request))
        , m_keychain(QStringLiteral("FaultShare"))
        , m_keyed(m_client, m_keychain)
        , m_issuer(m_client, nullptr)
    {
        m_keychain.setTimeout(KeychainTimeout);
        connect(&m_keyed, &KeyedClient::ready, this, &GenerateCommand::issue);
        connect(&m_keyed, &KeyedClient::failed, this, [this](int code, const QString& message) { quit(code, message); });
        connect(&m_issuer, &LinkIssuer::issued, this, &GenerateCommand::write);
        connect(&m_issuer, &LinkIssuer::failed, this, [this](const ApiError& error) { quit(error); });
    }

    void start() { m_keyed.start(m_request.source); }

private:
    void issue()
    {
        const LinkSource& source = m_request.source;
        if (source.keepHistory) {
            m_history = std::make_unique<History>(HistoryFile::defaultPath(), &m_keychain, nullptr);
            // Adding needs only the file's first line (History::prepare reads it while the
            // API answers); the keychain is asked only when there is no file yet.
            connect(m_history.get(), &History::problem, this, [](const QString& sentence) { printError(sentence); });
            m_issuer.setHistory(m_history.get());
        }
        m_issuer.issue(source.minutes, source.label, source.profile);
    }

    // The link is in the history already (its secret on the way to the keychain).
    void write(const EmbedToken& token, const QString&, const QString& historyId)
    {
        const Rendered rendered = render(token, m_request.format, m_request.source.label);
        // A token the API made is kept even when it cannot be shown in this format.
        if (!rendered.error.isEmpty()) {
            finish(historyId, 6, rendered.error);
        } else if (!m_request.output.isEmpty()) {
            QString error;
            const bool written = writePrivateFile(m_request.output, rendered.bytes, &error);
            finish(historyId, written ? Ok : Usage, error);
        } else {
            finish(historyId, writeStdout(rendered.bytes) ? Ok : Usage, {});
        }
    }

    // Quits with code and message once the history has the link. The result was
    // delivered already, so a failure to keep it is reported but does not change the code.
    void finish(const QString& historyId, int code, const QString& message)
    {
        if (historyId.isEmpty()) {
            quit(code, message);
            return;
        }
        connect(m_history.get(), &History::kept, this, [this, historyId, code, message](const QString& id) {
            if (id == historyId)
                quit(code, message);
        });
        connect(m_history.get(), &History::keepFailed, this,
                [this, historyId, code, message](const QString& id, const ApiError& error) {
                    if (id != historyId)
                        return;
                    printError(QCoreApplication::translate("Cli", "the link was not kept in the history: %1").arg(error.userMessage()));
                    quit(code, message);
                });
    }

    void quit(const ApiError& error) { quit(error.exitCode(), error.userMessage()); }
    void quit(int code, const QString& message)
    {
        if (!message.isEmpty())
            printError(message);
        QCoreApplication::exit(code);
    }

    Request m_request;
    ApiClient m_client;
    CredentialStore m_keychain;
    KeyedClient m_keyed;
    LinkIssuer m_issuer;
    std::unique_ptr<History> m_history;
};

} // namespace

int Cli::runGenerate(const QStringList& arguments)
{
    return runInEventLoop<GenerateCommand>(arguments, parseArguments);
}

} // namespace faultshare
