#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace faultshare {

// What the history shows of one issued link; nothing in it is secret.
// Which rotation (faultshare rotate, "Keep renewing") minted a link, and its place there.
struct RotationMark
{
    QString id;     // the same for every link one rotation mints (a UUID without braces)
    int number = 0; // 1 for the rotation's first link

    bool isNull() const { return id.isEmpty(); }
};

struct HistoryEntry
{
    QString id;          // unique and stable (a UUID without braces)
    QString label;       // may be empty
    QString profile;     // the profile that issued it
    QDateTime issuedAt;  // UTC (EmbedToken::issuedAt)
    QDateTime expiresAt; // UTC
    // When this computer received it (UTC, to the millisecond): orders the history, as the
    // server's issue time has whole seconds only. Invalid for rows kept without one.
    QDateTime receivedAt;
    QUrl apiUrl;         // the API that issued it; empty for links kept before it was noted
    RotationMark rotation; // the rotation that minted it, if one did

    bool isExpired(const QDateTime& now) const { return now >= expiresAt; }
};

// One line of the history file: an entry's metadata (a compact JSON object) and, unless
// it was kept without one, its token and link in a box (see HistoryKey), after a tab.
struct HistoryRecord
{
    enum class Secret { None, Sealed, Boxed };

    HistoryEntry entry;
    QByteArray metadata; // the JSON object exactly as in the file, unknown members included
    Secret secret = Secret::None;
    QByteArray box; // base64, as in the file (HistoryKey::fromBase64 gives its bytes)
    qint64 order = 0; // where this process saw it in the file, later is newer (not written)

    // What the box is bound to: the metadata, byte for byte.
    QByteArray associatedData() const { return "FaultShare history 1\n" + metadata; }
    QByteArray toLine() const;
    // A record of entry with the given box.
    static HistoryRecord of(const HistoryEntry& entry, Secret secret = Secret::None, const QByteArray& box = {});
};

// The history file: a line a link, written whole and atomically (QSaveFile) under a lock
// (QLockFile), so the window and the command line never lose each other's entries. The
// first line names the format and holds the public key; each other line is an entry's
// metadata, then (after a tab) how its box was made and the box:
//
//   {"format":"faultshare-history","public_key":"<base64>","version":1}
//   {"api_url":"…","expires_at":"…","id":"…","issued_at":"…","label":"…",…}<TAB>sealed<TAB><base64>
//
// The box stays out of the JSON: reading a thousand entries parses only their metadata.
// Nothing here needs the key; History decides what to seal, open and set aside.
class HistoryFile final
{
    Q_DECLARE_TR_FUNCTIONS(faultshare::HistoryFile)

public:
    static constexpr int Version = 1;

    // The file of this user: "history.jsonl" in the application's data folder.
    static QString defaultPath();

    explicit HistoryFile(QString path);
    const QString& path() const { return m_path; }

    // What a read keeps of each entry: everything, or its row only (entry and secret kind,
    // no metadata bytes and no box), for a reader that opens no link yet.
    enum class Parts { All, Rows };

    struct Contents
    {
        QByteArray publicKey;
        bool keyPending = false;
        QDateTime createdAt;
        QList<HistoryRecord> records;
        Parts parts = Parts::All;
    };
    struct Header
    {
        enum class Status { Missing, Ok, Damaged, Newer };
        Status status = Status::Missing;
        QByteArray publicKey;
        bool keyPending = false;
        QDateTime createdAt;
    };

    struct Read
    {
        enum class Status { Missing, Ok, Damaged, Newer, Unreadable };
        Status status = Status::Missing;
        Contents contents;
        QString problem; // Damaged, Newer, Unreadable: what is wrong, for a sentence
        size_t fingerprint = 0;
    };
    // Reads and parses the whole file (no lock: every write replaces it whole).
    Read read(Parts parts = Parts::All) const;
    // Tells whether the file changed (a hash of its size and last bytes, read without
    // reading the whole file); 0 when it cannot be read. fingerprintOf() of the bytes read
    // is the same value.
    size_t fingerprint() const;

    // The one way to change the file: under the lock, change gets what the file holds now
    // (empty when there is none) and returns what it should hold, or nullopt to leave it.
    // False (and why) when the lock was not had in time or the file could not be written.
    bool update(const std::function<std::optional<QByteArray>(const QByteArray& current)>& change, QString* error) const;

    // Adding one line: under the lock, line gets the file's first line and returns the
    // line to add (or nullopt, and why, to add nothing), which is appended to the file
    // whole, in one write: the cost does not grow with the file. When the file is
    // missing, damaged or a newer FaultShare's, nothing is done and NeedsRewrite says that
    // update() must decide. fingerprint (if given) gets the file's fingerprint right after
    // the line was added, before the lock is let go.
    enum class Appended { Yes, NeedsRewrite, Failed };
    Appended append(const std::function<std::optional<QByteArray>(const Header& header)>& line, QString* error,
                    size_t* fingerprint = nullptr) const;

    // Inside a change: keeps bytes (what the file held) in a file of their own next to it,
    // "<file>.<reason>-<UTC time>", never to be deleted by FaultShare. Returns its path, or
    // empty (and why).
    QString saveAside(const QByteArray& bytes, const QString& reason, QString* error) const;

    // A UTC time as the file holds it ("2026-12-03T04:35:50.000Z", Qt::ISODateWithMs),
    // without QDateTime's general formatter; empty for an invalid time.
    static QString timeText(const QDateTime& time);
    // And back: that form fast, any other ISO 8601 through QDateTime; invalid for
    // anything else.
    static QDateTime timeFrom(const QString& text);

    // The first line. keyPending: the process that made the key has not stored it in the
    // keychain yet (others wait for it rather than think it lost).
    static QByteArray headerLine(const QByteArray& publicKey, bool keyPending = false,
                                 const QDateTime& createdAt = QDateTime::currentDateTimeUtc());
    static QByteArray serialize(const Contents& contents);

    // The first line of the file whose bytes are current (and whether the file ends with a
    // whole line: one that does not is Damaged).
    static Header headerOf(const QByteArray& current);
    // The same, reading only the first line of the file.
    Header readHeader() const;
    static Read parse(const QByteArray& bytes, Parts parts = Parts::All);
    static size_t fingerprintOf(const QByteArray& bytes);

private:
    QString m_path;
};

} // namespace faultshare
