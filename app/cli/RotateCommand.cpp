#include "Cli.h"
#include "LinkOutput.h"
#include "LinkSource.h"
#include "RotationHook.h"
#include "StopSignals.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "History.h"
#include "LinkIssuer.h"
#include "Rotation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSet>

#include <memory>
#include <optional>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

using namespace Cli;

struct Request
{
    LinkSource source;
    Rotation::Plan plan;
    QString format;
    QString output; // absolute, or empty for standard output
    QString exec;
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
    const LinkSourceOptions source(
        QCoreApplication::translate("Cli", "Lifetime of each link in minutes, 1 to 43200 (default: the profile's)."),
        QCoreApplication::translate("Cli", "A name for the links, e.g. \"NOC wall 2\"."),
        QCoreApplication::translate("Cli", "Do not keep the links in the history (faultshare history)."));
    source.addTo(parser);
    const QCommandLineOption renewBefore(u"renew-before"_s, QCoreApplication::translate("Cli", "Make the next link when the current one has this much left, e.g. 90s, 10m or 2h (default: a tenth of the lifetime, at least 1m where the lifetime allows)."), QCoreApplication::translate("Cli", "DURATION"));
    const QCommandLineOption count(u"count"_s, QCoreApplication::translate("Cli", "Stop after K links (default: run until stopped)."), QCoreApplication::translate("Cli", "K"));
    const QCommandLineOption format(u"format"_s, QCoreApplication::translate("Cli", "Output: link, json (one object a line), qr-png or qr-svg (these need --output) (default: link)."), QCoreApplication::translate("Cli", "FORMAT"), u"link"_s);
    const QCommandLineOption output(u"output"_s, QCoreApplication::translate("Cli", "Replace FILE (owner-only permissions) with each new link instead of printing it; removed while there is no live link."), QCoreApplication::translate("Cli", "FILE"));
    const QCommandLineOption exec(u"exec"_s, QCoreApplication::translate("Cli", "Run COMMAND with /bin/sh after each new link, with FAULTSHARE_LINK, FAULTSHARE_EXPIRES_AT, FAULTSHARE_LABEL and FAULTSHARE_QR_FILE set (FAULTSHARE_PROBLEM when the link expired with no successor)."), QCoreApplication::translate("Cli", "COMMAND"));
    parser.addOptions({renewBefore, count, format, output, exec});

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
    std::optional<LinkSource> read = source.read(parser, u"rotate"_s, exitCode);
    if (!read)
        return std::nullopt;
    request.source = std::move(*read);
    Rotation::Plan& plan = request.plan;
    plan.profile = request.source.profile;
    plan.minutes = request.source.minutes;
    plan.label = request.source.label;
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
        , m_keyed(m_client, m_keychain)
        , m_issuer(m_client, nullptr)
        , m_rotation(m_issuer)
        , m_signals([this](int) { onStopSignal(); })
    {
        m_keychain.setTimeout(KeychainTimeout);
        if (!m_request.exec.isEmpty())
            m_hook = std::make_unique<RotationHook>(m_request.exec, [](const QString& problem) { printError(problem); });
        connect(&m_keyed, &KeyedClient::ready, this, &RotateCommand::startRotation);
        connect(&m_keyed, &KeyedClient::failed, this, [this](int code, const QString& message) { end(code, message); });
        connect(&m_rotation, &Rotation::renewed, this, &RotateCommand::onRenewed);
        connect(&m_rotation, &Rotation::renewFailed, this, &RotateCommand::onRenewFailed);
        connect(&m_rotation, &Rotation::expired, this, &RotateCommand::onExpired);
        connect(&m_rotation, &Rotation::finished, this, [this] { end(Ok, {}); });
    }

    void start()
    {
        m_keyed.start(m_request.source);
    }

private:
    void startRotation()
    {
        if (m_request.source.keepHistory) {
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
            m_history->purge(QDateTime::currentDateTimeUtc(), m_request.source.purgeDays);
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
        const bool written = m_request.output.isEmpty() ? writeStdout(rendered.bytes) : writePrivateFile(m_request.output, rendered.bytes, &error);
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
        m_keyed.abandon();
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
    KeyedClient m_keyed;
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
