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
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("Secret Service");
#endif
}

// Logging is printf-style: the streaming form needs an empty __VA_ARGS__, which
// -Wpedantic rejects before C++20.
//
// Jobs get no parent: a backend may still call back into a running job, so a job must
// outlive this store and delete itself when it finishes. The connection's context
// object drops the result if the store is gone by then.

void CredentialStore::readKey(const QString& profile)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(profile));
    connect(job, &QKeychain::Job::finished, this, [this, job, profile] {
        switch (job->error()) {
        case QKeychain::NoError:
            qCInfo(lcKeychain, "read finished for profile %s", qUtf8Printable(profile));
            Q_EMIT keyRead(profile, job->textData());
            return;
        case QKeychain::EntryNotFound:
            qCInfo(lcKeychain, "read found no key for profile %s", qUtf8Printable(profile));
            Q_EMIT keyMissing(profile);
            return;
        default: {
            const QString detail = safeDetail(*job, {});
            qCWarning(lcKeychain, "read failed for profile %s: %s", qUtf8Printable(profile),
                      qUtf8Printable(detail));
            Q_EMIT failed(profile, Operation::Read, ApiError(ApiError::Kind::Keychain, detail));
            return;
        }
        }
    });
    qCInfo(lcKeychain, "read started for profile %s", qUtf8Printable(profile));
    job->start();
}

void CredentialStore::writeKey(const QString& profile, const QString& key)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(profile));
    job->setTextData(key);
    // The lambda holds the key only to keep it out of an error detail.
    connect(job, &QKeychain::Job::finished, this, [this, job, profile, key] {
        if (job->error() == QKeychain::NoError) {
            qCInfo(lcKeychain, "write finished for profile %s", qUtf8Printable(profile));
            Q_EMIT keyWritten(profile);
            return;
        }
        const QString detail = safeDetail(*job, key);
        qCWarning(lcKeychain, "write failed for profile %s: %s", qUtf8Printable(profile),
                  qUtf8Printable(detail));
        Q_EMIT failed(profile, Operation::Write, ApiError(ApiError::Kind::Keychain, detail));
    });
    qCInfo(lcKeychain, "write started for profile %s", qUtf8Printable(profile));
    job->start();
}

void CredentialStore::removeKey(const QString& profile)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(entryKey(profile));
    connect(job, &QKeychain::Job::finished, this, [this, job, profile] {
        switch (job->error()) {
        case QKeychain::NoError:
        case QKeychain::EntryNotFound:
            qCInfo(lcKeychain, "remove finished for profile %s", qUtf8Printable(profile));
            Q_EMIT keyRemoved(profile);
            return;
        default: {
            const QString detail = safeDetail(*job, {});
            qCWarning(lcKeychain, "remove failed for profile %s: %s", qUtf8Printable(profile),
                      qUtf8Printable(detail));
            Q_EMIT failed(profile, Operation::Remove, ApiError(ApiError::Kind::Keychain, detail));
            return;
        }
        }
    });
    qCInfo(lcKeychain, "remove started for profile %s", qUtf8Printable(profile));
    job->start();
}
