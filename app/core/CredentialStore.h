#pragma once

#include "KeychainJob.h"

#include <QObject>
#include <QString>

#include <chrono>

namespace faultshare {

// Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential
// Manager) through QtKeychain: the API key of each profile, the proxy passwords, and the
// history file's key (HistoryKey). Every operation is a KeychainJob on one entry, a child
// of the object that asked, which alone hears its one answer; the insecure plain-text
// fallback is never enabled, so a failing keychain is reported, never worked around.
class CredentialStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    // service names the keychain entries ("FaultShare"); tests pass their own.
    explicit CredentialStore(const QString& service, QObject* parent = nullptr);
    ~CredentialStore() override;

    QString service() const { return m_service; }
    // The entry that holds a profile's API key: "api-key/<profile>".
    static QString apiKeyEntry(const QString& profile);
    // The profile whose API key entry is named entry; empty for any other entry.
    static QString profileOfApiKeyEntry(const QString& entry);
    // The entry that held the token and link of history item id before the history file:
    // "history/<id>" (HistoryMigration moves them into it).
    static QString historyEntry(const QString& id);
    // The entry that holds the history file's key (HistoryKey): "history-key".
    static QString historyKeyEntry();
    // The entry that holds the password of a profile's proxy: "proxy/<profile>".
    static QString proxyEntry(const QString& profile);
    // Where keys are kept, to complete "stored in %1": "your keyring (Secret Service)",
    // "the macOS Keychain", "the Windows Credential Manager".
    static QString backendName();

    // A job not answered within timeout fails with "no answer" (a prompt may be waiting
    // on a screen nobody looks at); its late answer is dropped. Zero (the default): wait
    // as long as it takes, for a window whose operator may be typing a password.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // One operation on entry; its job is a child of caller and ends in one of its signals.
    KeychainJob* read(const QString& entry, QObject* caller) const;
    // origin (Origin::of) binds the secret to where it may be sent; a read gives it back.
    // Empty: not bound (history entries, which hold their issuer themselves).
    KeychainJob* write(const QString& entry, const QString& secret, const QString& origin, QObject* caller) const;
    KeychainJob* remove(const QString& entry, QObject* caller) const;

private:
    KeychainJob* start(KeychainJob::Operation operation, const QString& entry, QObject* caller,
                       const QString& secret = {}, const QString& origin = {}) const;

    QString m_service;
    std::chrono::milliseconds m_timeout{0};
};

} // namespace faultshare
