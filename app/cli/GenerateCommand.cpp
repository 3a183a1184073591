#include "Cli.h"

#include "ApiClient.h"
#include "Countdown.h"
#include "CredentialStore.h"
#include "History.h"
#include "Logging.h"
#include "Origin.h"
#include "Profiles.h"
#include "QrCode.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>

#include <memory>
#include <optional>

namespace {

using namespace Cli;

const QStringList Formats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("link"),
                          QStringLiteral("qr-ansi"), QStringLiteral("qr-png"), QStringLiteral("qr-svg")};

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

// What to write for token, or an error (exit 6) when the format needs a link or a QR code
// that the answer does not allow.
struct Rendered
{
    QByteArray bytes;
    QString error;
};

Rendered render(const EmbedToken& token, const Request& request)
{
    const QString link = token.shortLink().toString(QUrl::FullyEncoded);
    if (request.format == QLatin1StringView("json")) {
        QJsonObject object{
            {QStringLiteral("token"), token.token()},
            {QStringLiteral("type"), token.type()},
            {QStringLiteral("expires_in_minutes"), token.expiresInMinutes()},
            {QStringLiteral("expires_at"), token.expiresAt().toString(Qt::ISODateWithMs)},
            {QStringLiteral("short_link"), link.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(link)},
        };
        if (!request.label.isEmpty())
            object.insert(QStringLiteral("label"), request.label);
        return {QJsonDocument(object).toJson(QJsonDocument::Indented), {}};
    }
    if (request.format == QLatin1StringView("text")) {
        // For a person reading a terminal.
        QString text;
        if (!request.label.isEmpty())
            text += QCoreApplication::translate("Cli", "Label:   %1\n").arg(request.label);
        text += link.isEmpty()
            ? QCoreApplication::translate("Cli", "Link:    none (%1)\n").arg(token.linkProblem())
            : QCoreApplication::translate("Cli", "Link:    %1\n").arg(link);
        text += QCoreApplication::translate("Cli", "Expires: %1\n").arg(Countdown::expiryText(token.expiresAt()));
        text += QCoreApplication::translate("Cli", "Token:   %1\n").arg(token.token());
        return {text.toUtf8(), {}};
    }
    if (link.isEmpty()) {
        return {{}, QCoreApplication::translate("Cli", "The API created a token but sent no link to share (%1): "
                                                       "use --format text or json to get the token.")
                        .arg(token.linkProblem())};
    }
    if (request.format == QLatin1StringView("link"))
        return {link.toUtf8() + '\n', {}};
    const QrCode qr(link);
    if (qr.isNull()) {
        return {{}, QCoreApplication::translate("Cli", "The link is too long for a QR code (%1 bytes): use --format link instead.")
                        .arg(link.toUtf8().size())};
    }
    if (request.format == QLatin1StringView("qr-ansi"))
        return {qr.toTerminalText().toUtf8(), {}};
    if (request.format == QLatin1StringView("qr-svg"))
        return {qr.toSvg(), {}};
    return {qr.toPng(8), {}};
}

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
    if (!Formats.contains(request.format))
        return usage(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use one of %2.").arg(request.format, Formats.join(QStringLiteral(", "))));
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

// One run: get the key, request the token, write the output, quit with the exit code.
class GenerateCommand final : public QObject
{
public:
    explicit GenerateCommand(Request request)
        : m_request(std::move(request))
        , m_store(QStringLiteral("FaultShare"))
    {
        m_client.setApiUrl(m_request.apiUrl);
        m_store.setTimeout(KeychainTimeout);
        m_proxySecrets.setTimeout(KeychainTimeout);
    }

    // Reads the proxy password from the keychain when the profile's proxy has a user, then
    // gets the key and sends the request.
    void start()
    {
        if (!m_request.proxy.needsPassword()) {
            m_client.setProxy(m_request.proxy);
            startWithProxySet();
            return;
        }
        const QString entry = CredentialStore::proxyEntry(m_request.profile);
        const auto useProxy = [this](const QString& password) {
            ProxySettings proxy = m_request.proxy;
            proxy.password = password;
            m_client.setProxy(proxy);
            startWithProxySet();
        };
        connect(&m_proxySecrets, &CredentialStore::secretRead, this,
                [this, entry, useProxy](const QString& read, const QString& password, const QString& origin) {
                    if (read != entry)
                        return;
                    const QString why = boundElsewhere(QCoreApplication::translate("Cli", "proxy password"), m_request.profile, origin,
                                                       Origin::ofProxy(m_request.proxy), Secret::ProxyPassword);
                    if (!why.isEmpty())
                        quit(Key, why);
                    else
                        useProxy(password);
                });
        // No password stored: the proxy's answer says whether it needs one.
        connect(&m_proxySecrets, &CredentialStore::secretMissing, this, [entry, useProxy](const QString& read) {
            if (read == entry)
                useProxy({});
        });
        connect(&m_proxySecrets, &CredentialStore::failed, this,
                [this, entry](const QString& failed, CredentialStore::Operation, const ApiError& error) {
                    if (failed == entry)
                        quit(error.exitCode(), error.userMessage());
                });
        m_proxySecrets.read(entry);
    }

private:
    void startWithProxySet()
    {
        // A CA file the profile names but that cannot be used is a configuration error
        // (exit 2, nothing sent): going on with the system store alone would report a TLS
        // failure, which scripts treat as a network problem worth retrying.
        if (!m_client.setCaFile(m_request.caFile)) {
            quit(Usage, QCoreApplication::translate("Cli", "The CA file of profile \"%1\" (%2) %3; fix it, or clear it in Settings.")
                            .arg(m_request.profile, m_request.caFile, ApiClient::checkCaFile(m_request.caFile)));
            return;
        }
        if (const QString key = qEnvironmentVariable("FAULTSHARE_API_KEY").trimmed(); !key.isEmpty()) {
            useKey(key);
            return;
        }
        if (m_request.keyFromStdin) {
            QFile in;
            in.open(stdin, QIODevice::ReadOnly);
            // Room for one byte more than a key may have, so that a longer one is refused.
            useKey(QString::fromUtf8(in.readLine(ApiClient::MaxApiKeyBytes + 3)).trimmed());
            return;
        }
        connect(&m_store, &CredentialStore::secretRead, this,
                [this](const QString&, const QString& key, const QString& origin) {
                    // The stored key goes only where it was stored for (--api-url included).
                    const QString why = boundElsewhere(QCoreApplication::translate("Cli", "API key or token"), m_request.profile, origin,
                                                       Origin::of(m_request.apiUrl), Secret::ApiKey);
                    if (!why.isEmpty())
                        quit(Key, why);
                    else
                        useKey(key);
                });
        connect(&m_store, &CredentialStore::secretMissing, this, [this](const QString&) {
            quit(Key, QCoreApplication::translate("Cli", "No API key or token for profile \"%1\": set FAULTSHARE_API_KEY, use --api-key-stdin, or save one in the FaultShare window.")
                          .arg(m_request.profile));
        });
        connect(&m_store, &CredentialStore::failed, this,
                [this](const QString&, CredentialStore::Operation, const ApiError& error) {
                    quit(error.exitCode(), error.userMessage());
                });
        m_store.read(CredentialStore::apiKeyEntry(m_request.profile));
    }

    void useKey(const QString& key)
    {
        if (key.isEmpty()) {
            quit(Key, ApiError(ApiError::Kind::NoApiKey).userMessage());
            return;
        }
        if (const QString why = ApiClient::checkApiKey(key); !why.isEmpty()) {
            quit(Key, why);
            return;
        }
        m_client.setApiKey(key);
        TokenRequest* request = m_client.requestToken(m_request.minutes);
        connect(request, &TokenRequest::finished, this, &GenerateCommand::write);
        connect(request, &TokenRequest::failed, this,
                [this](const ApiError& error) { quit(error.exitCode(), error.userMessage()); });
    }

    void write(const EmbedToken& token)
    {
        const Rendered rendered = render(token, m_request);
        // A token the API made is kept even when it cannot be shown in this format.
        if (!rendered.error.isEmpty()) {
            keep(token, 6, rendered.error);
            return;
        }
        if (m_request.output.isEmpty()) {
            if (writeStdout(rendered.bytes))
                keep(token);
            else
                quit(Usage, {});
            return;
        }
        QSaveFile file(m_request.output);
        if (!file.open(QIODevice::WriteOnly)) {
            quit(Usage, QCoreApplication::translate("Cli", "Cannot write %1: %2.").arg(m_request.output, file.errorString()));
            return;
        }
        // The link alone grants read access to fault data: keep the file private.
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(rendered.bytes);
        if (!file.commit()) {
            quit(Usage, QCoreApplication::translate("Cli", "Cannot write %1: %2.").arg(m_request.output, file.errorString()));
            return;
        }
        keep(token);
    }

    // Keeps the link in the history (metadata in the settings, token and link in the
    // keychain), then quits with code and message once the keychain has answered. The
    // result was delivered already, so a keychain failure is reported but does not change
    // the exit code.
    void keep(const EmbedToken& token, int code = Ok, const QString& message = {})
    {
        if (!m_request.keepHistory) {
            quit(code, message);
            return;
        }
        m_settings = std::make_unique<QSettings>();
        // A store of its own: the key's store quits on any of its failures.
        m_historySecrets = std::make_unique<CredentialStore>(QStringLiteral("FaultShare"));
        m_historySecrets->setTimeout(KeychainTimeout);
        m_history = std::make_unique<History>(m_settings.get(), m_historySecrets.get());
        const QString entry = CredentialStore::historyEntry(m_history->add(token, m_request.label, m_request.profile));
        connect(m_historySecrets.get(), &CredentialStore::secretWritten, this,
                [this, entry, code, message](const QString& written) {
                    if (written == entry)
                        quit(code, message);
                });
        connect(m_historySecrets.get(), &CredentialStore::failed, this,
                [this, entry, code, message](const QString& failed, CredentialStore::Operation, const ApiError& error) {
                    if (failed != entry)
                        return;
                    printError(QCoreApplication::translate("Cli", "the link was not kept in the history: %1").arg(error.userMessage()));
                    quit(code, message);
                });
    }

    void quit(int code, const QString& message)
    {
        if (!message.isEmpty())
            printError(message);
        QCoreApplication::exit(code);
    }

    Request m_request;
    ApiClient m_client;
    CredentialStore m_store;
    CredentialStore m_proxySecrets{QStringLiteral("FaultShare")};
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<CredentialStore> m_historySecrets;
    std::unique_ptr<History> m_history;
};

} // namespace

int Cli::runGenerate(const QStringList& arguments)
{
    return runInEventLoop<GenerateCommand>(arguments, parseArguments);
}
