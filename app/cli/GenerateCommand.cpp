#include "Cli.h"
#include "LinkOutput.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "History.h"
#include "LinkIssuer.h"
#include "Origin.h"
#include "ProfileConnection.h"
#include "Profiles.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QSettings>

#include <memory>
#include <optional>

namespace faultshare {

namespace {

using namespace Cli;

struct Request
{
    int minutes = 0;
    QString profile;
    QUrl apiUrl;
    QString format;
    QString output;
    QString label;
    QString caFile;
    ProxySettings proxy; // without its password, which comes from the keychain
    bool keyFromStdin = false;
    bool keepHistory = true;
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
    const QCommandLineOption minutes(QStringLiteral("minutes"), QCoreApplication::translate("Cli", "Lifetime in minutes, 1 to 43200 (default: the profile's)."), QCoreApplication::translate("Cli", "N"));
    const QCommandLineOption profile(QStringLiteral("profile"), QCoreApplication::translate("Cli", "Settings and keychain profile (default: default)."), QCoreApplication::translate("Cli", "NAME"), Settings::defaultProfile());
    const QCommandLineOption apiUrl(QStringLiteral("api-url"), QCoreApplication::translate("Cli", "API base URL (default: the profile's)."), QCoreApplication::translate("Cli", "URL"));
    const QCommandLineOption format(QStringLiteral("format"), QCoreApplication::translate("Cli", "Output: text, json, link, qr-ansi, qr-png or qr-svg (default: text)."), QCoreApplication::translate("Cli", "FORMAT"), QStringLiteral("text"));
    const QCommandLineOption output(QStringLiteral("output"), QCoreApplication::translate("Cli", "Write to FILE (owner-only permissions) instead of standard output."), QCoreApplication::translate("Cli", "FILE"));
    const QCommandLineOption label(QStringLiteral("label"), QCoreApplication::translate("Cli", "A name for the link, e.g. \"NOC wall 2\"."), QCoreApplication::translate("Cli", "TEXT"));
    const QCommandLineOption keyFromStdin(QStringLiteral("api-key-stdin"), QCoreApplication::translate("Cli", "Read the API key or token from the first line of standard input."));
    const QCommandLineOption noHistory(QStringLiteral("no-history"), QCoreApplication::translate("Cli", "Do not keep the link in the history (faultshare history)."));
    parser.addOptions({minutes, profile, apiUrl, format, output, label, keyFromStdin, noHistory});

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
    request.profile = parser.value(profile);
    if (request.profile.isEmpty())
        return usage(QCoreApplication::translate("Cli", "The profile name must not be empty."));
    QSettings store;
    if (!Profiles(store).contains(request.profile)) {
        printError(QCoreApplication::translate("Cli", "No profile named \"%1\"; faultshare profiles lists them.").arg(request.profile));
        *exitCode = Usage;
        return std::nullopt;
    }
    const Settings settings(store, request.profile);

    request.minutes = settings.defaultMinutes();
    if (parser.isSet(minutes)) {
        bool ok = false;
        request.minutes = parser.value(minutes).toInt(&ok);
        if (!ok || request.minutes < ApiClient::MinMinutes || request.minutes > ApiClient::MaxMinutes)
            return usage(QCoreApplication::translate("Cli", "--minutes must be a whole number from 1 to 43200 (30 days)."));
    }
    request.format = parser.value(format);
    if (!linkFormats().contains(request.format))
        return usage(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use one of %2.").arg(request.format, linkFormats().join(QStringLiteral(", "))));
    request.output = parser.value(output);
    const bool binary = request.format == QLatin1StringView("qr-png");
    if (binary && request.output.isEmpty() && stdoutIsTerminal())
        return usage(QCoreApplication::translate("Cli", "A PNG is not for the terminal: add --output FILE or redirect standard output."));
    request.apiUrl = parser.isSet(apiUrl) ? QUrl(parser.value(apiUrl), QUrl::StrictMode) : settings.apiUrl();
    if (const QString why = ApiClient::checkApiUrl(request.apiUrl); !why.isEmpty())
        return usage(why);
    request.label = parser.value(label).simplified();
    request.caFile = settings.caFile();
    request.proxy = settings.proxy();
    if (const QString why = request.proxy.check(); !why.isEmpty()) {
        printError(QCoreApplication::translate("Cli", "The proxy of profile \"%1\" cannot be used: %2 Fix it in Settings.")
                       .arg(request.profile, why));
        *exitCode = Usage;
        return std::nullopt;
    }
    request.keyFromStdin = parser.isSet(keyFromStdin);
    request.keepHistory = !parser.isSet(noHistory);
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
        , m_connection(m_keychain, m_client)
        , m_issuer(m_client, nullptr)
    {
        m_keychain.setTimeout(KeychainTimeout);
        connect(&m_connection, &ProfileConnection::configured, this, [this](const QList<ApiError>& problems) {
            // A CA file that cannot be used is a configuration error (exit 2, nothing
            // sent): going on with the system store alone would report a TLS failure,
            // which scripts treat as a network problem worth retrying.
            if (!problems.isEmpty())
                quit(problems.first());
            else if (const std::optional<QString> key = givenKey(m_request.keyFromStdin))
                useKey(*key);
            else
                m_connection.readKey();
        });
        connect(&m_connection, &ProfileConnection::keyFound, this, &GenerateCommand::useKey);
        connect(&m_connection, &ProfileConnection::keyBoundElsewhere, this, [this](const QString&, const QString& storedFor) {
            quit(Key, keyBoundElsewhere(m_request.profile, storedFor, Origin::of(m_request.apiUrl)));
        });
        connect(&m_connection, &ProfileConnection::keyMissing, this, [this] {
            quit(Key, QCoreApplication::translate("Cli", "No API key or token for profile \"%1\": set FAULTSHARE_API_KEY, use --api-key-stdin, or save one in the FaultShare window.")
                          .arg(m_request.profile));
        });
        connect(&m_connection, &ProfileConnection::keyFailed, this, [this](const ApiError& error) { quit(error); });
        connect(&m_issuer, &LinkIssuer::issued, this, &GenerateCommand::write);
        connect(&m_issuer, &LinkIssuer::failed, this, [this](const ApiError& error) { quit(error); });
    }

    void start() { m_connection.configure({m_request.profile, m_request.apiUrl, m_request.caFile, m_request.proxy}); }

private:
    void useKey(const QString& key)
    {
        if (key.isEmpty()) {
            quit(ApiError(ApiError::Kind::NoApiKey));
            return;
        }
        if (const QString why = ApiClient::checkApiKey(key); !why.isEmpty()) {
            quit(Key, why);
            return;
        }
        m_client.setApiKey(key);
        if (m_request.keepHistory) {
            m_history = std::make_unique<History>(HistoryFile::defaultPath(), &m_keychain, nullptr);
            // Adding needs only the file's first line (History::prepare reads it while the
            // API answers); the keychain is asked only when there is no file yet.
            connect(m_history.get(), &History::problem, this, [](const QString& sentence) { printError(sentence); });
            m_issuer.setHistory(m_history.get());
        }
        m_issuer.issue(m_request.minutes, m_request.label, m_request.profile);
    }

    // The link is in the history already (its secret on the way to the keychain).
    void write(const EmbedToken& token, const QString&, const QString& historyId)
    {
        const Rendered rendered = render(token, m_request.format, m_request.label);
        // A token the API made is kept even when it cannot be shown in this format.
        if (!rendered.error.isEmpty())
            finish(historyId, 6, rendered.error);
        else if (!m_request.output.isEmpty())
            finish(historyId, writeFile(rendered.bytes) ? Ok : Usage, m_writeError);
        else
            finish(historyId, writeStdout(rendered.bytes) ? Ok : Usage, {});
    }

    bool writeFile(const QByteArray& bytes)
    {
        QSaveFile file(m_request.output);
        if (file.open(QIODevice::WriteOnly)) {
            // The link alone grants read access to fault data: keep the file private.
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            file.write(bytes);
            if (file.commit())
                return true;
        }
        m_writeError = QCoreApplication::translate("Cli", "Cannot write %1: %2.").arg(m_request.output, file.errorString());
        return false;
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
    ProfileConnection m_connection;
    LinkIssuer m_issuer;
    std::unique_ptr<History> m_history;
    QString m_writeError;
};

} // namespace

int Cli::runGenerate(const QStringList& arguments)
{
    return runInEventLoop<GenerateCommand>(arguments, parseArguments);
}

} // namespace faultshare
