#include "Cli.h"
#include "LinkOutput.h"
#include "RotationHook.h"
#include "StopSignals.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "History.h"
#include "LinkIssuer.h"
#include "Origin.h"
#include "ProfileConnection.h"
#include "Profiles.h"
#include "Rotation.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QSet>
#include <QSettings>

#include <memory>
#include <optional>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

using namespace Cli;

struct Request
{
    Rotation::Plan plan;
    QUrl apiUrl;
    QString format;
    QString output; // absolute, or empty for standard output
    QString exec;
    QString caFile;
    ProxySettings proxy; // without its password, which comes from the keychain
    bool keyFromStdin = false;
    bool keepHistory = true;
    int purgeDays = 0;
};

const QStringList& rotateFormats()
{
    static const QStringList formats{u"link"_s, u"json"_s, u"qr-png"_s, u"qr-svg"_s};
    return formats;
}

bool isImage(const QString& format)
{
    return format.startsWith("qr-"_L1);
}

// Parses and checks everything that can be checked before a request is sent.
std::optional<Request> parseArguments(const QStringList& arguments, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "Keep a short-lived Altostrat fault link alive: make a link, then a new one shortly before\n"
           "each expires, until stopped (SIGINT, SIGTERM) or --count links were made. Each new link is\n"
           "printed as one line, or replaces the --output file atomically, and --exec runs a command.\n\n"
           "The API key or token is taken from the FAULTSHARE_API_KEY environment variable, then from\n"
           "standard input with --api-key-stdin, then from the profile's keychain entry.\n\n"
           "Exit codes: 0 stopped or --count reached, 2 invalid input, and when the first link cannot be\n"
           "made: 3 key missing or rejected, 4 rate limited, 5 network, TLS or timeout, 6 server error or\n"
           "invalid response. Later failures are reported on standard error and retried."));
    parser.addPositionalArgument(u"rotate"_s, QCoreApplication::translate("Cli", "Keep renewing a link."));
    const QCommandLineOption minutes(u"minutes"_s, QCoreApplication::translate("Cli", "Lifetime of each link in minutes, 1 to 43200 (default: the profile's)."), QCoreApplication::translate("Cli", "N"));
    const QCommandLineOption renewBefore(u"renew-before"_s, QCoreApplication::translate("Cli", "Make the next link when the current one has this much left, e.g. 90s, 10m or 2h (default: a tenth of the lifetime, at least 1m where the lifetime allows)."), QCoreApplication::translate("Cli", "DURATION"));
    const QCommandLineOption count(u"count"_s, QCoreApplication::translate("Cli", "Stop after K links (default: run until stopped)."), QCoreApplication::translate("Cli", "K"));
    const QCommandLineOption profile(u"profile"_s, QCoreApplication::translate("Cli", "Settings and keychain profile (default: default)."), QCoreApplication::translate("Cli", "NAME"), Settings::defaultProfile());
    const QCommandLineOption apiUrl(u"api-url"_s, QCoreApplication::translate("Cli", "API base URL (default: the profile's)."), QCoreApplication::translate("Cli", "URL"));
    const QCommandLineOption format(u"format"_s, QCoreApplication::translate("Cli", "Output: link, json (one object a line), qr-png or qr-svg (these need --output) (default: link)."), QCoreApplication::translate("Cli", "FORMAT"), u"link"_s);
    const QCommandLineOption output(u"output"_s, QCoreApplication::translate("Cli", "Replace FILE (owner-only permissions) with each new link instead of printing it; removed while there is no live link."), QCoreApplication::translate("Cli", "FILE"));
    const QCommandLineOption exec(u"exec"_s, QCoreApplication::translate("Cli", "Run COMMAND with /bin/sh after each new link, with FAULTSHARE_LINK, FAULTSHARE_EXPIRES_AT, FAULTSHARE_LABEL and FAULTSHARE_QR_FILE set (FAULTSHARE_PROBLEM when the link expired with no successor)."), QCoreApplication::translate("Cli", "COMMAND"));
    const QCommandLineOption label(u"label"_s, QCoreApplication::translate("Cli", "A name for the links, e.g. \"NOC wall 2\"."), QCoreApplication::translate("Cli", "TEXT"));
    const QCommandLineOption keyFromStdin(u"api-key-stdin"_s, QCoreApplication::translate("Cli", "Read the API key or token from the first line of standard input."));
    const QCommandLineOption noHistory(u"no-history"_s, QCoreApplication::translate("Cli", "Do not keep the links in the history (faultshare history)."));
    parser.addOptions({minutes, renewBefore, count, profile, apiUrl, format, output, exec, label, keyFromStdin, noHistory});

    const auto usage = [exitCode](const QString& message) -> std::optional<Request> {
        *exitCode = usageError(message, u"rotate"_s);
        return std::nullopt;
    };
    if (const std::optional<int> code = parseCommandLine(parser, arguments, u"rotate"_s)) {
        *exitCode = *code;
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != "rotate"_L1)
        return usage(QCoreApplication::translate("Cli", "Unexpected argument: %1.").arg(positional.mid(1).join(u' ')));

    Request request;
    Rotation::Plan& plan = request.plan;
    plan.profile = parser.value(profile);
    if (plan.profile.isEmpty())
        return usage(QCoreApplication::translate("Cli", "The profile name must not be empty."));
    QSettings store;
    if (!Profiles(store).contains(plan.profile)) {
        printError(QCoreApplication::translate("Cli", "No profile named \"%1\"; faultshare profiles lists them.").arg(plan.profile));
        *exitCode = Usage;
        return std::nullopt;
    }
    const Settings settings(store, plan.profile);

    plan.minutes = settings.defaultMinutes();
    if (parser.isSet(minutes)) {
        bool ok = false;
        plan.minutes = parser.value(minutes).toInt(&ok);
        if (!ok || plan.minutes < ApiClient::MinMinutes || plan.minutes > ApiClient::MaxMinutes)
            return usage(QCoreApplication::translate("Cli", "--minutes must be a whole number from 1 to 43200 (30 days)."));
    }
    plan.renewBefore = Rotation::defaultRenewBefore(plan.minutes);
    if (parser.isSet(renewBefore)) {
        const std::optional<std::chrono::seconds> duration = Rotation::parseDuration(parser.value(renewBefore));
        if (!duration)
            return usage(QCoreApplication::translate("Cli", "--renew-before must be a duration such as 90s, 10m or 2h."));
        plan.renewBefore = *duration;
    }
    if (parser.isSet(count)) {
        bool ok = false;
        plan.count = parser.value(count).toInt(&ok);
        if (!ok || plan.count < 1)
            return usage(QCoreApplication::translate("Cli", "--count must be a whole number of at least 1."));
    }
    if (const QString why = Rotation::checkPlan(plan); !why.isEmpty())
        return usage(QCoreApplication::translate("Cli", "--renew-before: %1").arg(why));

    request.format = parser.value(format);
    if (!rotateFormats().contains(request.format))
        return usage(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use one of %2.").arg(request.format, rotateFormats().join(u", "_s)));
    if (parser.isSet(output)) {
        if (parser.value(output).isEmpty())
            return usage(QCoreApplication::translate("Cli", "--output must name a file."));
        request.output = QFileInfo(parser.value(output)).absoluteFilePath();
    }
    // One image after another on a stream is of no use to anyone.
    if (isImage(request.format) && request.output.isEmpty())
        return usage(QCoreApplication::translate("Cli", "--format %1 needs --output FILE: each new QR code replaces the file.").arg(request.format));
    if (parser.isSet(exec)) {
        request.exec = parser.value(exec);
        if (request.exec.trimmed().isEmpty())
            return usage(QCoreApplication::translate("Cli", "--exec must name a command."));
    }
    request.apiUrl = parser.isSet(apiUrl) ? QUrl(parser.value(apiUrl), QUrl::StrictMode) : settings.apiUrl();
    if (const QString why = ApiClient::checkApiUrl(request.apiUrl); !why.isEmpty())
        return usage(why);
    plan.label = parser.value(label).simplified();
    request.caFile = settings.caFile();
    request.proxy = settings.proxy();
    if (const QString why = request.proxy.check(); !why.isEmpty()) {
        printError(QCoreApplication::translate("Cli", "The proxy of profile \"%1\" cannot be used: %2 Fix it in Settings.")
                       .arg(plan.profile, why));
        *exitCode = Usage;
        return std::nullopt;
    }
    request.keyFromStdin = parser.isSet(keyFromStdin);
    request.keepHistory = !parser.isSet(noHistory);
    request.purgeDays = settings.historyPurgeDays();
    return request;
}

// A time of this computer's clock for a line on standard error: "10:42:05 UTC".
QString clockText(const QDateTime& time)
{
    const QDateTime local = time.toLocalTime();
    return local.toString(u"HH:mm:ss "_s) + local.timeZoneAbbreviation();
}

// One run: configure the connection, get the key, then let the Rotation mint link after
// link; each is written (stdout or --output) and handed to the hook. Ends with exit code 0
// after --count links or a stop signal, once the history has kept what it was given and the
// hook has ended; with the first mint's own code when that one fails.
class RotateCommand final : public QObject
{
public:
    explicit RotateCommand(Request request)
        : m_request(std::move(request))
        , m_keychain(u"FaultShare"_s)
        , m_connection(m_keychain, m_client)
        , m_issuer(m_client, nullptr)
        , m_rotation(m_issuer)
        , m_signals([this](int) { onStopSignal(); })
    {
        m_keychain.setTimeout(KeychainTimeout);
        if (!m_request.exec.isEmpty())
            m_hook = std::make_unique<RotationHook>(m_request.exec, [](const QString& problem) { printError(problem); });
        connect(&m_connection, &ProfileConnection::configured, this, [this](const QList<ApiError>& problems) {
            if (!problems.isEmpty()) {
                end(problems.first());
                return;
            }
            const std::optional<QString> key = givenKey(m_request.keyFromStdin);
            // Read once: no hook (or anything else this process starts) inherits it.
            qunsetenv("FAULTSHARE_API_KEY");
            if (key)
                useKey(*key);
            else
                m_connection.readKey();
        });
        connect(&m_connection, &ProfileConnection::keyFound, this, &RotateCommand::useKey);
        connect(&m_connection, &ProfileConnection::keyBoundElsewhere, this, [this](const QString&, const QString& storedFor) {
            end(Key, keyBoundElsewhere(m_request.plan.profile, storedFor, Origin::of(m_request.apiUrl)));
        });
        connect(&m_connection, &ProfileConnection::keyMissing, this, [this] {
            end(Key, QCoreApplication::translate("Cli", "No API key or token for profile \"%1\": set FAULTSHARE_API_KEY, use --api-key-stdin, or save one in the FaultShare window.")
                         .arg(m_request.plan.profile));
        });
        connect(&m_connection, &ProfileConnection::keyFailed, this, [this](const ApiError& error) { end(error); });
        connect(&m_rotation, &Rotation::renewed, this, &RotateCommand::onRenewed);
        connect(&m_rotation, &Rotation::renewFailed, this, &RotateCommand::onRenewFailed);
        connect(&m_rotation, &Rotation::expired, this, &RotateCommand::onExpired);
        connect(&m_rotation, &Rotation::finished, this, [this] { end(Ok, {}); });
    }

    void start()
    {
        m_connection.configure({m_request.plan.profile, m_request.apiUrl, m_request.caFile, m_request.proxy});
    }

private:
    void useKey(const QString& key)
    {
        if (key.isEmpty()) {
            end(ApiError(ApiError::Kind::NoApiKey));
            return;
        }
        if (const QString why = ApiClient::checkApiKey(key); !why.isEmpty()) {
            end(Key, why);
            return;
        }
        m_client.setApiKey(key);
        if (m_request.keepHistory) {
            m_history = std::make_unique<History>(HistoryFile::defaultPath(), &m_keychain, nullptr);
            connect(m_history.get(), &History::problem, this, [](const QString& sentence) { printError(sentence); });
            connect(m_history.get(), &History::kept, this, [this](const QString& id) {
                m_unkept.remove(id);
                tryExit();
            });
            connect(m_history.get(), &History::keepFailed, this, [this](const QString& id, const ApiError& error) {
                m_unkept.remove(id);
                printError(QCoreApplication::translate("Cli", "the link was not kept in the history: %1").arg(error.userMessage()));
                tryExit();
            });
            m_issuer.setHistory(m_history.get());
        }
        m_rotation.start(m_request.plan);
    }

    void onRenewed(const EmbedToken& token, const QString& historyId, int number)
    {
        if (!historyId.isEmpty()) {
            m_unkept.insert(historyId);
            // A rotation that runs for weeks keeps its own old rows in check, as the window
            // and `faultshare history` do.
            m_history->purge(QDateTime::currentDateTimeUtc(), m_request.purgeDays);
        }
        const bool first = !m_delivered;
        Rendered rendered;
        if (m_request.format == "json"_L1) {
            QJsonObject object = jsonOf(token, m_request.plan.label);
            object.insert(u"number"_s, number);
            rendered.bytes = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        } else {
            rendered = render(token, m_request.format, m_request.plan.label);
        }
        // A token the API made is kept even when it cannot be shown in this format.
        if (!rendered.error.isEmpty()) {
            if (first) {
                end(6, rendered.error);
            } else {
                printError(rendered.error);
                takeDown(rendered.error);
            }
            return;
        }
        QString error;
        const bool written = m_request.output.isEmpty() ? writeStdout(rendered.bytes) : writeFile(rendered.bytes, &error);
        if (!written) {
            // No reader (standard output closed), or a file that cannot be written from the
            // start: nothing of this run would ever arrive. Later the next link tries again.
            if (first || m_request.output.isEmpty()) {
                end(Usage, error);
                return;
            }
            printError(error);
        }
        m_delivered = true;
        if (!m_hook)
            return;
        QProcessEnvironment env = hookEnvironment();
        env.insert(u"FAULTSHARE_LINK"_s, token.shortLink().toString(QUrl::FullyEncoded));
        env.insert(u"FAULTSHARE_EXPIRES_AT"_s, token.expiresAt().toUTC().toString(Qt::ISODate));
        if (isImage(m_request.format))
            env.insert(u"FAULTSHARE_QR_FILE"_s, written ? m_request.output : QString());
        // --format json prints a token without a link too; the hook has nothing to show.
        if (!token.hasShortLink())
            env.insert(u"FAULTSHARE_PROBLEM"_s, render(token, u"link"_s, m_request.plan.label).error);
        m_hook->run(env);
    }

    void onRenewFailed(const ApiError& error, const QDateTime& retryAt)
    {
        if (!m_delivered) {
            // The very first link: a script hears at once, with the error's own code.
            end(error);
            return;
        }
        if (const std::optional<EmbedToken> current = m_rotation.current()) {
            printError(QCoreApplication::translate("Cli", "The link was not renewed (the current one stays until %1; next try at %2): %3")
                           .arg(clockText(current->localExpiresAt()), clockText(retryAt), error.userMessage()));
        } else {
            printError(QCoreApplication::translate("Cli", "Still no new link (next try at %1): %2")
                           .arg(clockText(retryAt), error.userMessage()));
        }
    }

    void onExpired(const ApiError& lastError)
    {
        const QString sentence = QCoreApplication::translate("Cli", "The link expired and no new one could be made: %1")
                                     .arg(lastError.userMessage());
        printError(sentence);
        takeDown(sentence);
    }

    // No live link: the file goes (a reader must never show a dead link; it comes back
    // with the next one), and the hook hears why.
    void takeDown(const QString& problem)
    {
        if (!m_request.output.isEmpty()) {
            QFile file(m_request.output);
            if (file.exists() && !file.remove())
                printError(QCoreApplication::translate("Cli", "Cannot remove %1: %2.").arg(m_request.output, file.errorString()));
        }
        if (!m_hook)
            return;
        QProcessEnvironment env = hookEnvironment();
        env.insert(u"FAULTSHARE_LINK"_s, QString());
        env.insert(u"FAULTSHARE_EXPIRES_AT"_s, QString());
        if (isImage(m_request.format))
            env.insert(u"FAULTSHARE_QR_FILE"_s, QString());
        env.insert(u"FAULTSHARE_PROBLEM"_s, problem);
        m_hook->run(env);
    }

    // Ours without any FAULTSHARE_ variable of our own, FAULTSHARE_API_KEY above all, and
    // with the label; the caller adds the rest.
    QProcessEnvironment hookEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& name : {u"FAULTSHARE_API_KEY"_s, u"FAULTSHARE_LINK"_s, u"FAULTSHARE_EXPIRES_AT"_s,
                                    u"FAULTSHARE_LABEL"_s, u"FAULTSHARE_QR_FILE"_s, u"FAULTSHARE_PROBLEM"_s})
            env.remove(name);
        env.insert(u"FAULTSHARE_LABEL"_s, m_request.plan.label);
        return env;
    }

    bool writeFile(const QByteArray& bytes, QString* error)
    {
        // Written beside the old one and renamed over it: a reader sees the old link or
        // the new one, never part of a file.
        QSaveFile file(m_request.output);
        if (file.open(QIODevice::WriteOnly)) {
            // The link alone grants read access to fault data: keep the file private.
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            file.write(bytes);
            if (file.commit())
                return true;
        }
        *error = QCoreApplication::translate("Cli", "Cannot write %1: %2.").arg(m_request.output, file.errorString());
        return false;
    }

    void onStopSignal()
    {
        if (m_exitCode) {
            // A second signal while ending: the history write or the hook is taking too long
            // for whoever asked.
            QCoreApplication::exit(*m_exitCode);
            return;
        }
        end(Ok, {}, true);
    }

    void end(const ApiError& error) { end(error.exitCode(), error.userMessage()); }
    // Stops the rotation and exits with code once the history has kept what it was given
    // and the hook has ended: within its deadline after --count links, at once (with a
    // short grace) on a signal or an error.
    void end(int code, const QString& message, bool signalled = false)
    {
        if (m_exitCode)
            return;
        m_exitCode = code;
        m_rotation.stop();
        m_connection.abandon();
        if (!message.isEmpty())
            printError(message);
        if (m_hook) {
            const auto done = [this] { tryExit(); };
            if (code == Ok && !signalled)
                m_hook->drain(done);
            else
                m_hook->stop(done);
        }
        tryExit();
    }

    void tryExit()
    {
        if (m_exitCode && m_unkept.isEmpty() && (!m_hook || m_hook->isIdle()))
            QCoreApplication::exit(*m_exitCode);
    }

    Request m_request;
    ApiClient m_client;
    CredentialStore m_keychain;
    ProfileConnection m_connection;
    // Before the issuer: it is destroyed after the issuer and the rotation.
    std::unique_ptr<History> m_history;
    LinkIssuer m_issuer;
    Rotation m_rotation;
    std::unique_ptr<RotationHook> m_hook;
    StopSignals m_signals;
    QSet<QString> m_unkept; // history ids not kept (or failed) yet
    bool m_delivered = false; // the first link was written
    std::optional<int> m_exitCode; // ending
};

} // namespace

int Cli::runRotate(const QStringList& arguments)
{
    return runInEventLoop<RotateCommand>(arguments, parseArguments);
}

} // namespace faultshare
