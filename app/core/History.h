#pragma once

#include "ApiError.h"
#include "EmbedToken.h"
#include "HistoryFile.h"
#include "HistoryKey.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QFileSystemWatcher;
class QSettings;
class QTimer;

namespace faultshare {

class CredentialStore;
class HistoryMigration;

// The links issued on this computer, in one file (HistoryFile) whose tokens and links are
// sealed with a key kept in the keychain (HistoryKey, keychain entry
// CredentialStore::historyKeyEntry()). Without a file (demo mode) everything is kept in
// memory for the session only and nothing touches the keychain or the disk.
//
// - Adding a link needs only the file's public key: no keychain (except the very first
//   time, when the key is made).
// - The key is read once, when a link is first asked for (fetch) or old history is to be
//   moved in. Then every entry is opened: one that fails to open (a changed file, a key
//   that no longer matches) sets the whole file aside, never deleted, and the history
//   starts empty, with a sentence (problem) saying so. A damaged file is set aside the
//   same way as soon as it is read.
// - A keychain that is locked or does not answer only delays the links: rows stay, fetch
//   fails with a sentence, and the next fetch asks again.
// - Links kept in the keychain one by one and their metadata in the settings (before the
//   file existed) are moved into the file once the key is read; see HistoryMigration.
//
// Entries are kept newest first.
class History final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(History)

public:
    // Memory only.
    explicit History(QObject* parent = nullptr);
    // The file at filePath, its key in keychain. legacy: the settings that may hold the
    // metadata of links kept before the file (null: nothing to move in). The caller keeps
    // keychain and legacy alive.
    History(const QString& filePath, const CredentialStore* keychain, QSettings* legacy, QObject* parent = nullptr);
    ~History() override;

    bool isPersistent() const { return m_file.has_value(); }
    // The file, or empty in memory.
    QString filePath() const { return m_file ? m_file->path() : QString(); }

    // What is kept of the entries read while the key is not: all of them (a command that
    // opens them next), or their rows until the key is read (a window, which may never open
    // a link: a 1000-link history's boxes and metadata are about 1 MB it would keep for
    // nothing). With the key, the file is read again whole.
    enum class Keep { All, RowsUntilKey };

    // (Re)reads the file; no keychain access unless old history is waiting to be moved in.
    // A damaged file is set aside (problem). Emits reset() the first time, and later when
    // the rows changed. keep holds for every later read too (a reload, the key).
    void load(Keep keep = Keep::All);
    // Reloads whenever another process (faultshare generate, another window) changes the
    // file, on every platform (a watcher on its folder).
    void watch();

    const QList<HistoryEntry>& entries() const { return m_entries; }
    qsizetype indexOf(const QString& id) const;

    // A link is about to be added: when there is no file to add it to yet, the key (made
    // the first time) is read now, while the API answers, instead of after.
    void prepare();
    // Keeps a newly issued token. kept(id) or keepFailed(id) follows, always after add()
    // has returned. Returns the new entry's id.
    QString add(const EmbedToken& token, const QString& label, const QString& profile,
                const RotationMark& rotation = {});
    // Removes the entry from the file: forgotten(id), or forgetFailed(id) and the row stays.
    void forget(const QString& id);
    // Forgets every entry whose expiry lies more than days before now, in one change of
    // the file. Returns how many.
    int purge(const QDateTime& now, int days);

    // Reads the key (once; the keychain may prompt) and opens every entry, after moving
    // old history in: unlocked() or unlockFailed() follows, always after unlock() has
    // returned.
    void unlock();
    // Once unlocked: the short link of id alone, cheaper than fetch() for a listing; empty
    // when the entry has none.
    QUrl link(const QString& id) const;

    // Asks for the token of id. Exactly one of tokenReady / tokenFailed follows, always
    // after fetch() has returned.
    void fetch(const QString& id);

    // The sealed form of a token (the API's JSON body plus when it was received, the
    // server's Date and the issuing API), and back; fromSecret returns nullopt for
    // anything else. The per-link keychain entries of earlier versions hold this form.
    static QString toSecret(const EmbedToken& token);
    static std::optional<EmbedToken> fromSecret(const QString& secret);

Q_SIGNALS:
    // Around every change of entries(), for a model: index is the position in entries().
    void aboutToInsert(qsizetype index);
    void inserted(qsizetype index);
    void aboutToRemove(qsizetype index);
    void removed(qsizetype index);
    void reset();

    void tokenReady(const QString& id, const EmbedToken& token);
    // The link cannot be had now (Kind Keychain: the key is not readable yet) or at all.
    void tokenFailed(const QString& id, const ApiError& error);
    // The link is in the file (in memory: right after add()).
    void kept(const QString& id);
    // The link could not be kept; the row stays for this session.
    void keepFailed(const QString& id, const ApiError& error);
    // The row of id is gone, its token and link with it.
    void forgotten(const QString& id);
    // The file could not be changed: the row stays.
    void forgetFailed(const QString& id, const ApiError& error);
    void unlocked();
    // Kind Keychain (locked, no answer) or HistoryFile; the rows stay, without links.
    void unlockFailed(const ApiError& error);
    // Something the operator should know, as one sentence: a file set aside, a key that no
    // longer matches, history that could not be moved in yet.
    void problem(const QString& sentence);

private:
    enum class KeyState { Unread, Reading, Storing, Ready, Failed };
    struct Pending
    {
        HistoryEntry entry;
        QByteArray plain;
    };

    // HistoryKeyring.cpp: the key's life, and old history moved in.
    void readKey();
    void makeKey();
    void useKey(const HistoryKey& key);
    void keyFailed(const ApiError& error);
    // Takes in what the file holds: a damaged file, or (with the key) one sealed with
    // another key or with an entry that does not open, is set aside. Emits reset().
    void apply(HistoryFile::Read read);
    // With the key: opens every record, or sets the file aside when one does not open
    // (or the file is sealed for another key); boxes sealed ones under the data key.
    void openAll();
    // entries() from the records and the adds waiting for a file; reset() if they changed.
    void showEntries();
    // Rewrites sealed records as those boxes (cheaper to open next time).
    void compact(const QHash<QString, QByteArray>& reboxed);
    // Keeps the file that had fingerprint as "<file>.<reason>-<time>" and starts it again;
    // sentence (with %1 for the copy's path) says so. Without a reason nothing is kept.
    void setAside(size_t fingerprint, const QString& reason, const QString& sentence);
    // Adds the record of entry to the file; false with an empty error when that takes the
    // key, which this process does not have yet.
    bool writeRecord(const HistoryEntry& entry, const QByteArray& plain, QString* error);
    void writePending();
    void removeFromFile(const QStringList& ids);
    void answerFetches();
    void answerFetch(const QString& id);
    // Starts moving old history in, when there is any and the key is there: true when it
    // started (unlocked() follows once it is done: the old links in the file, their old
    // entries removed).
    bool startMigration();
    void insertSorted(const HistoryEntry& entry);
    // The file as m_keep says: rows only while there is no key to open them with.
    HistoryFile::Read readFile() const;
    // An error of the history file whose detail is one of our sentences.
    static ApiError fileError(const QString& why);
    void removeAt(qsizetype index);
    // Keeps a record as the file's latest (ties of arrival time are shown newest first).
    void keepRecord(HistoryRecord record);

    std::optional<HistoryFile> m_file;
    const CredentialStore* m_keychain = nullptr;
    QSettings* m_legacy = nullptr;
    QList<HistoryEntry> m_entries;
    QHash<QString, HistoryRecord> m_records; // id -> the record as read from the file
    QHash<QString, EmbedToken> m_tokens;     // opened, or added in this session
    QHash<QString, QByteArray> m_plain;      // id -> its opened box (toSecret form), once unlocked
    QStringList m_fetches;                   // ids waiting for the key
    QList<Pending> m_pending;                // adds waiting for the key (no usable file yet)
    QByteArray m_publicKey;
    size_t m_fingerprint = 0;                // of the file as last read or written
    qint64 m_lastOrder = 0;                  // HistoryRecord::order of the latest record kept
    bool m_readOnly = false;                 // a newer FaultShare's file
    bool m_loaded = false;                   // reset() was emitted at least once
    Keep m_keep = Keep::All;
    bool m_rowsOnly = false;                 // m_records were read without their boxes
    std::optional<HistoryKey> m_key;
    KeyState m_keyState = KeyState::Unread;
    bool m_migrationWaits = false; // old history waits for the key
    bool m_missingConfirmed = false; // the keychain said "no key" twice for this file
    HistoryMigration* m_migration = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_reloadTimer = nullptr;
};

} // namespace faultshare
