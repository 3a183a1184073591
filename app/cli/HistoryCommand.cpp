#include "Cli.h"

#include "Countdown.h"
#include "CredentialStore.h"
#include "History.h"
#include "HistoryMigration.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <optional>
#include <utility>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

using namespace Cli;

struct Request
{
    bool all = false;
    bool json = false;
    QString profile; // empty: every profile
};

std::optional<Request> parseArguments(const QStringList& arguments, int* exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("Cli", "List the links issued on this computer, newest first: label, profile, expiry, time left\n"
           "and the short link (opened with the history's key from the keychain). Tokens are never shown. Links are forgotten\n"
           "some days after they expired (Settings, History)."));
    parser.addPositionalArgument(u"history"_s, QCoreApplication::translate("Cli", "List the issued links."));
    const QCommandLineOption all(u"all"_s, QCoreApplication::translate("Cli", "Also list expired links."));
    const QCommandLineOption format(u"format"_s, QCoreApplication::translate("Cli", "Output: text or json (default: text)."), QCoreApplication::translate("Cli", "FORMAT"), u"text"_s);
    const QCommandLineOption profile(u"profile"_s, QCoreApplication::translate("Cli", "Only the links of this profile."), QCoreApplication::translate("Cli", "NAME"));
    parser.addOptions({all, format, profile});

    const auto usage = [exitCode](const QString& message) -> std::optional<Request> {
        *exitCode = usageError(message, u"history"_s);
        return std::nullopt;
    };
    if (const std::optional<int> code = parseCommandLine(parser, arguments, u"history"_s)) {
        *exitCode = *code;
        return std::nullopt;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != "history"_L1)
        return usage(QCoreApplication::translate("Cli", "Unexpected argument: %1.").arg(positional.mid(1).join(u' ')));

    Request request;
    request.all = parser.isSet(all);
    const QString formatName = parser.value(format);
    if (formatName != "text"_L1 && formatName != "json"_L1)
        return usage(QCoreApplication::translate("Cli", "Unknown format \"%1\"; use text or json.").arg(formatName));
    request.json = formatName == "json"_L1;
    if (parser.isSet(profile)) {
        request.profile = parser.value(profile);
        if (request.profile.isEmpty())
            return usage(QCoreApplication::translate("Cli", "The profile name must not be empty."));
    }
    return request;
}

// Seconds left, rounded up like the countdown text (0 once expired).
qint64 remainingSeconds(const QDateTime& now, const QDateTime& expiresAt)
{
    const qint64 msecs = Countdown::remaining(now, expiresAt).count();
    return msecs > 0 ? (msecs + 999) / 1000 : 0;
}

// How long a run waits for the history of an earlier version to be moved into the file
// (each keychain step of it has its own deadline, KeychainTimeout), and how often it looks.
// What is not moved by then is moved by the next run.
constexpr std::chrono::milliseconds MigrationWait = 3 * KeychainTimeout;
constexpr std::chrono::milliseconds MigrationPoll{50};

// One run: purge, read the links of the listed rows one at a time, print, quit.
class HistoryCommand final : public QObject
{
public:
    explicit HistoryCommand(Request request)
        : m_request(std::move(request))
        , m_secrets(u"FaultShare"_s)
        , m_history(HistoryFile::defaultPath(), &m_secrets, &m_store)
    {
        m_secrets.setTimeout(KeychainTimeout);
        connect(&m_history, &History::tokenReady, this, [this](const QString& id, const EmbedToken& token) {
            m_links.insert(id, token.shortLink().toString(QUrl::FullyEncoded));
            fetchNext();
        });
        connect(&m_history, &History::tokenFailed, this, [this](const QString& id, const ApiError& error) {
            const qsizetype index = m_history.indexOf(id);
            if (error.kind() == ApiError::Kind::Keychain) {
                // The key of them all: one sentence, and the rows are listed without links.
                printError(QCoreApplication::translate("Cli", "The links are not shown (%1): unlock the keychain and run the command again.")
                               .arg(error.userMessage()));
                m_linksHidden = true;
            } else if (index >= 0) {
                const QString label = m_history.entries().at(index).label;
                printError(QCoreApplication::translate("Cli", "The link of \"%1\" is not shown: %2")
                               .arg(label.isEmpty() ? id : label, error.userMessage()));
            }
            // A row that is gone went with a file set aside (a sentence said so) or was
            // forgotten elsewhere: it is not listed.
            fetchNext();
        });
        connect(&m_history, &History::forgetFailed, this, [this](const QString&, const ApiError& error) {
            if (!std::exchange(m_purgeReported, true))
                printError(QCoreApplication::translate("Cli", "Expired links stay in the history for now: %1").arg(error.userMessage()));
        });
        connect(&m_history, &History::problem, this, [this](const QString& sentence) {
            printError(sentence);
            // Whatever it says, old history is not waited for any more in this run.
            m_migrationOver = true;
        });
    }

    void start()
    {
        m_now = QDateTime::currentDateTimeUtc();
        m_migrationDeadline.setRemainingTime(MigrationWait);
        // Old history waiting to be moved in makes History read the key now.
        m_history.load();
        m_history.purge(m_now, Settings(m_store).historyPurgeDays());
        fetchNext();
    }

private:
    // The rows to list: those of the history as it is now (the key read may have set the
    // file aside, or moved old history in).
    QList<HistoryEntry> listed() const
    {
        QList<HistoryEntry> rows;
        for (const HistoryEntry& entry : m_history.entries()) {
            if (!m_request.profile.isEmpty() && entry.profile != m_request.profile)
                continue;
            if (entry.isExpired(m_now) && !m_request.all)
                continue;
            rows << entry;
        }
        return rows;
    }

    // Whether history of an earlier version is still being moved into the file.
    bool migrating()
    {
        return !m_migrationOver && !m_migrationDeadline.hasExpired() && HistoryMigration::isNeeded(m_store);
    }

    // One link at a time: the key is read at the first, the rest are opened with it. Once
    // every listed row was asked for and no old history is moving in, the list is printed.
    void fetchNext()
    {
        if (!m_linksHidden) {
            for (const HistoryEntry& entry : listed()) {
                if (entry.isExpired(m_now) || m_asked.contains(entry.id))
                    continue;
                m_asked.insert(entry.id);
                m_history.fetch(entry.id);
                return;
            }
        }
        if (migrating()) {
            QTimer::singleShot(MigrationPoll, this, &HistoryCommand::fetchNext);
            return;
        }
        finish();
    }

    void finish()
    {
        if (std::exchange(m_printed, true))
            return;
        m_listed = listed();
        QCoreApplication::exit(writeStdout(m_request.json ? json() : text()) ? Ok : Usage);
    }

    QByteArray json() const
    {
        QJsonArray rows;
        for (const HistoryEntry& entry : m_listed) {
            QJsonObject row{
                {u"id"_s, entry.id},
                {u"label"_s, entry.label},
                {u"profile"_s, entry.profile},
                {u"issued_at"_s, entry.issuedAt.isValid() ? entry.issuedAt.toString(Qt::ISODateWithMs) : QString()},
                {u"expires_at"_s, entry.expiresAt.toString(Qt::ISODateWithMs)},
                {u"expired"_s, entry.isExpired(m_now)},
                {u"remaining_seconds"_s, remainingSeconds(m_now, entry.expiresAt)},
            };
            if (const auto link = m_links.constFind(entry.id); link != m_links.cend())
                row.insert(u"short_link"_s, *link);
            rows.append(row);
        }
        return QJsonDocument(rows).toJson(QJsonDocument::Indented);
    }

    QByteArray text() const
    {
        if (m_listed.isEmpty())
            return QCoreApplication::translate("Cli", "No links.").toUtf8() + '\n';
        const QString none = u"—"_s;
        QList<QStringList> table{{QCoreApplication::translate("Cli", "LABEL"), QCoreApplication::translate("Cli", "PROFILE"), QCoreApplication::translate("Cli", "EXPIRES"), QCoreApplication::translate("Cli", "REMAINING"), QCoreApplication::translate("Cli", "LINK")}};
        for (const HistoryEntry& entry : m_listed) {
            const QDateTime local = entry.expiresAt.toLocalTime();
            table << QStringList{
                entry.label.isEmpty() ? none : entry.label,
                entry.profile,
                local.toString(u"yyyy-MM-dd HH:mm "_s) + local.timeZoneAbbreviation(),
                entry.isExpired(m_now) ? QCoreApplication::translate("Cli", "Expired") : Countdown::text(Countdown::remaining(m_now, entry.expiresAt)),
                m_links.value(entry.id, none),
            };
        }
        const QString out = alignedTable(table);
        return out.toUtf8();
    }

    Request m_request;
    QSettings m_store;
    CredentialStore m_secrets;
    History m_history;
    QDateTime m_now;
    QList<HistoryEntry> m_listed;
    QSet<QString> m_asked;           // ids whose link was asked for
    bool m_linksHidden = false;      // the keychain did not give the key: no links this run
    bool m_migrationOver = false;    // a problem was reported: old history is not waited for
    QDeadlineTimer m_migrationDeadline;
    QHash<QString, QString> m_links; // id -> short link, for the rows it could be read of
    bool m_purgeReported = false;
    bool m_printed = false;
};

} // namespace

int Cli::runHistory(const QStringList& arguments)
{
    return runInEventLoop<HistoryCommand>(arguments, parseArguments);
}

} // namespace faultshare
