#include "Cli.h"

#include "Countdown.h"
#include "CredentialStore.h"
#include "History.h"
#include "HistoryMigration.h"
#include "Settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <algorithm>
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
        connect(&m_history, &History::unlocked, this, [this] { finish(true); });
        connect(&m_history, &History::unlockFailed, this, [this](const ApiError& error) {
            // The key of them all: one sentence, and the rows are listed without links.
            printError(QCoreApplication::translate("Cli", "The links are not shown (%1): unlock the keychain and run the command again.")
                           .arg(error.detail().isEmpty() ? error.userMessage() : error.detail()));
            finish(false);
        });
        connect(&m_history, &History::forgetFailed, this, [this](const QString&, const ApiError& error) {
            if (!std::exchange(m_purgeReported, true))
                printError(QCoreApplication::translate("Cli", "Expired links stay in the history for now: %1").arg(error.userMessage()));
        });
        connect(&m_history, &History::problem, this, [](const QString& sentence) { printError(sentence); });
    }

    void start()
    {
        m_now = QDateTime::currentDateTimeUtc();
        m_history.load();
        m_history.purge(m_now, Settings(m_store).historyPurgeDays());
        // The key is read only when a live link is to be shown, or old history is to be
        // moved in (its links are listed in this run too).
        const auto live = [this](const HistoryEntry& entry) { return shown(entry) && !entry.isExpired(m_now); };
        if (std::any_of(m_history.entries().cbegin(), m_history.entries().cend(), live) || HistoryMigration::isNeeded(m_store))
            m_history.unlock();
        else
            finish(false);
    }

private:
    bool shown(const HistoryEntry& entry) const
    {
        return (m_request.profile.isEmpty() || entry.profile == m_request.profile)
            && (m_request.all || !entry.isExpired(m_now));
    }

    // Lists the rows (opening the key may have set a damaged file aside) and quits.
    void finish(bool unlocked)
    {
        for (const HistoryEntry& entry : m_history.entries()) {
            if (!shown(entry))
                continue;
            m_listed << entry;
            if (!unlocked || entry.isExpired(m_now))
                continue;
            if (const QUrl link = m_history.link(entry.id); !link.isEmpty())
                m_links.insert(entry.id, link.toString(QUrl::FullyEncoded));
            else
                printError(QCoreApplication::translate("Cli", "The link of \"%1\" is not shown: %2")
                               .arg(entry.label.isEmpty() ? entry.id : entry.label,
                                    QCoreApplication::translate("Cli", "it was not kept in the history")));
        }
        QCoreApplication::exit(writeStdout(m_request.json ? json() : text()) ? Ok : Usage);
    }

    // The rows as QJsonDocument's indented form would print them (sorted members, four
    // spaces), written directly: building a thousand QJsonObjects costs more than the
    // rest of the command (docs/PERFORMANCE.md).
    QByteArray json() const
    {
        if (m_listed.isEmpty())
            return "[\n]\n";
        QByteArray out = "[\n";
        out.reserve(qsizetype(m_listed.size()) * 360);
        const auto name = [&out](const char* member) {
            out += "        \"";
            out += member;
            out += "\": ";
        };
        const auto end = [&out](bool last) { out += last ? "\n" : ",\n"; };
        const auto string = [&](const char* member, QStringView value, bool last = false) {
            name(member);
            appendJsonString(out, value);
            end(last);
        };
        const auto number = [&](const char* member, qint64 value, bool last = false) {
            name(member);
            out += QByteArray::number(value);
            end(last);
        };
        for (const HistoryEntry& entry : m_listed) {
            const auto link = m_links.constFind(entry.id);
            out += "    {\n";
            name("expired");
            out += entry.isExpired(m_now) ? "true" : "false";
            end(false);
            string("expires_at", HistoryFile::timeText(entry.expiresAt));
            string("id", entry.id);
            string("issued_at", HistoryFile::timeText(entry.issuedAt));
            string("label", entry.label);
            string("profile", entry.profile);
            const bool rotated = !entry.rotation.isNull();
            number("remaining_seconds", remainingSeconds(m_now, entry.expiresAt), !rotated && link == m_links.cend());
            if (rotated) {
                string("rotation", entry.rotation.id);
                number("rotation_number", entry.rotation.number, link == m_links.cend());
            }
            if (link != m_links.cend())
                string("short_link", *link, true);
            out += &entry == &m_listed.constLast() ? "    }\n" : "    },\n";
        }
        out += "]\n";
        return out;
    }

    // Appends text as a JSON string, escaped as RFC 8259 asks and as QJsonDocument does
    // (UTF-8; quote, backslash and control characters escaped), a run of plain bytes at a time.
    static void appendJsonString(QByteArray& out, QStringView text)
    {
        const QByteArray utf8 = text.toUtf8();
        out += '"';
        qsizetype plain = 0; // the first byte not yet written
        for (qsizetype i = 0; i < utf8.size(); ++i) {
            const uchar c = uchar(utf8.at(i));
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            out.append(utf8.constData() + plain, i - plain);
            plain = i + 1;
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += "0123456789abcdef"[c >> 4];
                out += "0123456789abcdef"[c & 0xf];
            }
        }
        out.append(utf8.constData() + plain, utf8.size() - plain);
        out += '"';
    }

    QByteArray text() const
    {
        if (m_listed.isEmpty())
            return QCoreApplication::translate("Cli", "No links.").toUtf8() + '\n';
        const QString none = u"—"_s;
        QList<QStringList> table{{QCoreApplication::translate("Cli", "LABEL"), QCoreApplication::translate("Cli", "PROFILE"), QCoreApplication::translate("Cli", "EXPIRES"), QCoreApplication::translate("Cli", "REMAINING"), QCoreApplication::translate("Cli", "LINK")}};
        for (const HistoryEntry& entry : m_listed) {
            const QDateTime local = entry.expiresAt.toLocalTime();
            QString label = entry.label.isEmpty() ? none : entry.label;
            // The links of one `faultshare rotate` (or "Keep renewing") share their label:
            // the number tells them apart, as in the window's history.
            if (!entry.rotation.isNull())
                label = QCoreApplication::translate("Cli", "%1 · renewal %2").arg(label).arg(entry.rotation.number);
            table << QStringList{
                label,
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
    QHash<QString, QString> m_links; // id -> short link, for the rows it could be read of
    bool m_purgeReported = false;
};

} // namespace

int Cli::runHistory(const QStringList& arguments)
{
    return runInEventLoop<HistoryCommand>(arguments, parseArguments);
}

} // namespace faultshare
