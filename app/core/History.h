#pragma once

#include "ApiError.h"
#include "EmbedToken.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <utility>

#include <optional>

class QSettings;

namespace faultshare {

class CredentialStore;

// What the history shows of one issued link; nothing in it is secret.
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

    bool isExpired(const QDateTime& now) const { return now >= expiresAt; }
};

// The links issued on this computer. The non-secret metadata of each lives in QSettings
// (group "history/links/<id>": label, profile, issuedAt, expiresAt, receivedAt); the token and the
// link themselves in the keychain entry CredentialStore::historyEntry(id) (security
// rule 8). Without a QSettings (demo mode) everything, tokens included, is kept in
// memory for the session only and nothing touches the keychain.
//
// Entries are kept newest first (by issuedAt). Tokens added or fetched in this session
// are cached in memory, so repeated actions on a row do not ask the keychain again.
class History final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(History)

public:
    // store and secrets may both be null (memory only); the caller keeps them alive.
    History(QSettings* store, const CredentialStore* secrets, QObject* parent = nullptr);
    ~History() override;

    bool isPersistent() const { return m_store != nullptr; }

    // (Re)reads the metadata from the settings; no keychain access. Rows that cannot be
    // read (no valid expiresAt) are skipped. Emits reset().
    void load();
    // load() again when another process (faultshare generate, another window) changed the
    // settings file since this object last read or wrote it. True when it reloaded.
    bool reloadIfChanged();
    const QList<HistoryEntry>& entries() const { return m_entries; }
    qsizetype indexOf(const QString& id) const;

    // Keeps a newly issued token: the metadata at once, the secret asynchronously (kept or
    // keepFailed follows). Returns the new entry's id.
    QString add(const EmbedToken& token, const QString& label, const QString& profile);
    // Removes the keychain entry, then (once the keychain confirms) the row and its
    // metadata: forgotten(id). When the keychain refuses, the row stays, the id joins a
    // pending-removal list tried again at the next load(), and forgetFailed(id) says why.
    // In memory (no keychain) the row goes at once.
    void forget(const QString& id);
    // Whether forget(id) is waiting for the keychain.
    bool isRemoving(const QString& id) const;
    // Forgets every entry whose expiry lies more than days before now. Returns how many.
    int purge(const QDateTime& now, int days);

    // Asks for the token of id: from memory, else from the keychain. Exactly one of
    // tokenReady / tokenFailed follows, always after fetch() has returned.
    void fetch(const QString& id);

    // The keychain form of a token (the API's JSON body plus when it was received and
    // the server's Date), and back; fromSecret returns nullopt for anything else.
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
    // Kind Keychain (the keychain failed or no longer holds it: "forget" the row).
    void tokenFailed(const QString& id, const ApiError& error);
    // The token and link of id are in the keychain (in memory: right after add()).
    void kept(const QString& id);
    // The token could not be kept in the keychain; the row stays (it says when the
    // link expires) but cannot be copied or shown after a restart.
    void keepFailed(const QString& id, const ApiError& error);
    // The row of id is gone, its token and link with it.
    void forgotten(const QString& id);
    // The keychain did not remove the token and link of id: the row stays, and removal is
    // tried again at the next start.
    void forgetFailed(const QString& id, const ApiError& error);

private:
    // Writes and re-reads the settings file, and notes how it looks now.
    void syncStore();
    void insertSorted(const HistoryEntry& entry);
    void removeAt(qsizetype index);
    bool isPendingRemoval(const QString& id) const;
    void finishForget(const QString& id);
    void deferForget(const QString& id, const ApiError& error);
    // Emits the answer to every fetch(id) waiting for the keychain.
    void answerFetch(const QString& id, const std::optional<EmbedToken>& token, const ApiError& error);

    QSettings* m_store;
    std::pair<QDateTime, qint64> m_fileStamp; // the file's time and size after our last sync
    const CredentialStore* m_secrets;
    QList<HistoryEntry> m_entries;
    QHash<QString, EmbedToken> m_tokens; // this session's cache
    QHash<QString, int> m_pendingReads;  // id -> fetches waiting for the keychain
    QSet<QString> m_removing;            // ids whose secret is being removed
};

} // namespace faultshare
