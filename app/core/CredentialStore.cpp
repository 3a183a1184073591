#include "CredentialStore.h"

#include "KeychainJob.h"

namespace faultshare {

using namespace Qt::StringLiterals;

CredentialStore::CredentialStore(const QString& service, QObject* parent)
    : QObject(parent)
    , m_service(service)
{
}

CredentialStore::~CredentialStore() = default;

QString CredentialStore::apiKeyEntry(const QString& profile)
{
    return u"api-key/"_s + profile;
}

QString CredentialStore::profileOfApiKeyEntry(const QString& entry)
{
    return entry.startsWith("api-key/"_L1) ? entry.mid(8) : QString();
}

QString CredentialStore::historyEntry(const QString& id)
{
    return u"history/"_s + id;
}

QString CredentialStore::historyKeyEntry()
{
    return u"history-key"_s;
}

QString CredentialStore::proxyEntry(const QString& profile)
{
    return u"proxy/"_s + profile;
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

KeychainJob* CredentialStore::start(KeychainJob::Operation operation, const QString& entry, QObject* caller,
                                    const QString& secret, const QString& origin) const
{
    auto* job = new KeychainJob(operation, m_service, entry, caller);
    job->start(m_timeout, secret, origin);
    return job;
}

KeychainJob* CredentialStore::read(const QString& entry, QObject* caller) const
{
    return start(KeychainJob::Operation::Read, entry, caller);
}

KeychainJob* CredentialStore::write(const QString& entry, const QString& secret, const QString& origin,
                                    QObject* caller) const
{
    return start(KeychainJob::Operation::Write, entry, caller, secret, origin);
}

KeychainJob* CredentialStore::remove(const QString& entry, QObject* caller) const
{
    return start(KeychainJob::Operation::Remove, entry, caller);
}

} // namespace faultshare
