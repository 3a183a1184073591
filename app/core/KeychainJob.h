#pragma once

#include "ApiError.h"

#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace faultshare {

// One keychain operation on one entry (CredentialStore makes them). It ends in exactly
// one of its signals, always after the call that made it has returned, then deletes
// itself. It is a child of the object that asked, so a caller that goes away takes its
// pending answer with it: nobody else ever sees it, and nobody filters by entry name.
class KeychainJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainJob)

public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)

    ~KeychainJob() override;

    QString entry() const { return m_entry; }
    Operation operation() const { return m_operation; }

Q_SIGNALS:
    // Read: the secret and the origin it was bound to (empty for a secret stored without
    // one). Write and Remove: both empty; a removal also succeeds when there was nothing.
    void succeeded(const QString& secret, const QString& origin);
    // Read found no entry: not an error (no key yet: the first-run panel shows).
    void missing();
    // Kind Keychain with a detail saying what the keychain answered (never the secret).
    void failed(const ApiError& error);

private:
    friend class CredentialStore;
    KeychainJob(Operation operation, const QString& service, const QString& entry, QObject* caller);
    // secret and origin: what a Write stores (origin binds the secret, see CredentialStore).
    void start(std::chrono::milliseconds timeout, const QString& secret = {}, const QString& origin = {});

    template <typename Job, typename OnSuccess>
    void run(Job* job, std::chrono::milliseconds timeout, const QString& secret, OnSuccess onSuccess);
    // The one outcome: emits it and deletes the job later; later outcomes are dropped.
    template <typename Emit>
    void finish(Emit emitOutcome);
    void fail(const QString& detail);
    // libsecret answers a read of an entry in a locked keyring "not found", and its
    // removal "done", when the unlock prompt cannot be shown or is dismissed: these ask
    // the Secret Service whether the entry is there, locked, before saying so.
    void reportMissing();
    void reportRemoved();

    const Operation m_operation;
    const QString m_service;
    const QString m_entry;
    bool m_done = false;
};

} // namespace faultshare
