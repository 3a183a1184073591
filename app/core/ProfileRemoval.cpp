#include "ProfileRemoval.h"

#include "CredentialStore.h"
#include "KeychainJob.h"
#include "Logging.h"
#include "Profiles.h"
#include "Settings.h"

#include <QSettings>

namespace faultshare {

ProfileRemoval::ProfileRemoval(QSettings& store, const CredentialStore& keys, const QString& name, QObject* caller)
    : QObject(caller)
    , m_store(store)
    , m_keys(keys)
    , m_name(name)
{
}

ProfileRemoval::~ProfileRemoval() = default;

ProfileRemoval::Refusal ProfileRemoval::check(QSettings& store, const QString& name, const QString& inUse)
{
    if (name == Settings::defaultProfile())
        return Refusal::Default;
    if (name == inUse)
        return Refusal::InUse;
    const Profiles profiles(store);
    if (!profiles.contains(name))
        return Refusal::NoProfile;
    if (profiles.isManaged(name))
        return Refusal::Managed;
    return Refusal::None;
}

ProfileRemoval::Refusal ProfileRemoval::start(const QString& inUse)
{
    const Refusal refusal = check(m_store, m_name, inUse);
    if (refusal != Refusal::None) {
        deleteLater();
        return refusal;
    }
    qCInfo(lcKeychain) << "Removing a profile with its secrets";
    removeEntry(CredentialStore::apiKeyEntry(m_name),
                [this] { removeEntry(CredentialStore::proxyEntry(m_name), [this] { removeSettings(); }); });
    return Refusal::None;
}

template <typename Next>
void ProfileRemoval::removeEntry(const QString& entry, Next next)
{
    KeychainJob* job = m_keys.remove(entry, this);
    connect(job, &KeychainJob::succeeded, this, next);
    connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
        qCWarning(lcKeychain) << "Profile kept: a secret of it could not be removed";
        Q_EMIT failed(error);
        deleteLater();
    });
}

void ProfileRemoval::removeSettings()
{
    Profiles(m_store).remove(m_name);
    Q_EMIT removed();
    deleteLater();
}

} // namespace faultshare
