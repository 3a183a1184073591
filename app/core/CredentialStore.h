#pragma once

#include "ApiError.h"

#include <QObject>
#include <QString>

// The API key of each profile, in the OS keychain (Secret Service, macOS Keychain,
// Windows Credential Manager) through QtKeychain. Every operation is an asynchronous
// job that ends in exactly one signal; the insecure plain-text fallback is never
// enabled, so a failing keychain is reported, never worked around.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    // service names the keychain entries ("FaultShare"); tests pass their own.
    explicit CredentialStore(const QString& service, QObject* parent = nullptr);
    ~CredentialStore() override;

    QString service() const { return m_service; }
    // The keychain entry's key for a profile: "api-key/<profile>".
    static QString entryKey(const QString& profile);
    // Where keys are kept, to complete "stored in %1": "your keyring (Secret Service)",
    // "the macOS Keychain", "the Windows Credential Manager".
    static QString backendName();

    void readKey(const QString& profile);
    void writeKey(const QString& profile, const QString& key);
    void removeKey(const QString& profile);

Q_SIGNALS:
    void keyRead(const QString& profile, const QString& key);
    // Read found no entry: not an error, the first-run panel shows.
    void keyMissing(const QString& profile);
    void keyWritten(const QString& profile);
    // Remove succeeded, or there was nothing to remove.
    void keyRemoved(const QString& profile);
    // Kind Keychain with a detail saying what the keychain answered (never the key).
    void failed(const QString& profile, CredentialStore::Operation operation,
                const ApiError& error);

private:
    // Starts job for profile; onSuccess(job) emits the outcome (now or later) and returns
    // true, or returns false to report the job's error as failed().
    template <typename Job, typename OnSuccess>
    void run(Job* job, const QString& profile, Operation operation, const QString& secret,
             OnSuccess onSuccess);
    void fail(const QString& profile, Operation operation, const QString& detail);
    // libsecret answers a read of an entry in a locked keyring "not found", and its
    // removal "done", when the unlock prompt cannot be shown or is dismissed: these ask
    // the Secret Service whether the entry is there, locked, before saying so.
    void reportMissing(const QString& profile);
    void reportRemoved(const QString& profile);

    QString m_service;
};
