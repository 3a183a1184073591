#include "CredentialStore.h"

#include "Logging.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

// A fixed phrase per error code, for when the keychain's own words cannot be used.
QString describe(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::AccessDeniedByUser:
        return CredentialStore::tr("access was denied by the user");
    case QKeychain::AccessDenied:
        return CredentialStore::tr("access was denied (is the keyring locked?)");
    case QKeychain::NoBackendAvailable:
        return CredentialStore::tr("no keychain service is available");
    case QKeychain::NotImplemented:
        return CredentialStore::tr("the keychain does not support this operation");
    case QKeychain::CouldNotDeleteEntry:
        return CredentialStore::tr("the entry could not be deleted");
    case QKeychain::EntryNotFound:
        return CredentialStore::tr("the entry was not found");
    case QKeychain::NoError:
    case QKeychain::OtherError:
        break;
    }
    return CredentialStore::tr("the keychain reported an error");
}

// The keychain's message goes into error text and logs, so it must not carry the key
// even if a backend were to echo what it was given.
QString safeDetail(const QKeychain::Job& job, const QString& secret)
{
    constexpr qsizetype maxLength = 200;
    const QString message = job.errorString().simplified();
    if (message.isEmpty() || (!secret.isEmpty() && message.contains(secret)))
        return describe(job.error());
    return message.left(maxLength);
}

} // namespace

CredentialStore::CredentialStore(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::entryKey(const QString& profile)
{
    return u"api-key/"_s + profile;
}

QString CredentialStore::backendName()
{
#if defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("the Windows Credential Manager");
#else
    return tr("your keyring (Secret Service)");
#endif
}

// Jobs get no parent: a backend may still call back into a running job, so a job must
// outlive this store and delete itself when it finishes. The connection's context
// object drops the result if the store is gone by then.
template <typename Job, typename OnSuccess>
void CredentialStore::run(Job* job, const QString& profile, Operation operation,
                          const QString& secret, OnSuccess onSuccess)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(profile));
    // The lambda holds the secret (if any) only to keep it out of an error detail.
    connect(job, &QKeychain::Job::finished, this, [this, job, profile, operation, secret, onSuccess] {
        if (onSuccess(*job))
            return;
        const QString detail = safeDetail(*job, secret);
        qCWarning(lcKeychain) << operation << "failed for profile" << profile << ":" << detail;
        Q_EMIT failed(profile, operation, ApiError(ApiError::Kind::Keychain, detail));
    });
    qCInfo(lcKeychain) << operation << "started for profile" << profile;
    job->start();
}

void CredentialStore::readKey(const QString& profile)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    run(job, profile, Operation::Read, {}, [this, profile](const QKeychain::ReadPasswordJob& done) {
        if (done.error() == QKeychain::NoError)
            Q_EMIT keyRead(profile, done.textData());
        else if (done.error() == QKeychain::EntryNotFound)
            Q_EMIT keyMissing(profile);
        else
            return false;
        return true;
    });
}

void CredentialStore::writeKey(const QString& profile, const QString& key)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(key);
    run(job, profile, Operation::Write, key, [this, profile](const QKeychain::WritePasswordJob& done) {
        if (done.error() != QKeychain::NoError)
            return false;
        Q_EMIT keyWritten(profile);
        return true;
    });
}

void CredentialStore::removeKey(const QString& profile)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    run(job, profile, Operation::Remove, {}, [this, profile](const QKeychain::DeletePasswordJob& done) {
        // libsecret answers NoError for a missing entry, other backends EntryNotFound.
        if (done.error() != QKeychain::NoError && done.error() != QKeychain::EntryNotFound)
            return false;
        Q_EMIT keyRemoved(profile);
        return true;
    });
}
