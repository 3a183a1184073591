#include "ProfileConnection.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "KeychainJob.h"
#include "Origin.h"
#include "Settings.h"

#include <QDir>
#include <QTimer>

namespace faultshare {

ProfileConnection::Profile ProfileConnection::profileOf(const Settings& settings)
{
    return {settings.profile(), settings.apiUrl(), settings.caFile(), settings.proxy()};
}

ProfileConnection::ProfileConnection(const CredentialStore& keychain, ApiClient& client, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_client(client)
{
}

ProfileConnection::~ProfileConnection() = default;

namespace {

// Drops job's answer: it still ends (a backend may be mid-call) but reaches nobody.
void drop(QPointer<KeychainJob>& job, QObject* receiver)
{
    if (job) {
        job->disconnect(receiver);
        job->deleteLater();
    }
    job = nullptr;
}

} // namespace

void ProfileConnection::configure(const Profile& profile)
{
    drop(m_proxyRead, this);
    m_profile = profile;
    m_client.setApiUrl(profile.apiUrl);

    QList<ApiError> problems;
    // Never skipped silently: with a file that cannot be used only the system store is
    // trusted, and the operator has to know why a company server is then refused.
    if (!m_client.setCaFile(profile.caFile)) {
        m_client.setCaFile({}); // never the certificates of the profile before
        problems << ApiError::ofSentence(ApiError::Kind::InvalidInput,
                                         tr("The CA file of profile “%1” (%2) %3, so only the system's certificates are trusted; choose another file in Settings, or clear it.")
                                 .arg(profile.name, QDir::toNativeSeparators(profile.caFile),
                                      ApiClient::checkCaFile(profile.caFile)));
    }
    if (!profile.proxy.needsPassword()) {
        m_client.setProxy(profile.proxy);
        // Later, like an answer from the keychain.
        QTimer::singleShot(0, this, [this, problems] { Q_EMIT configured(problems); });
        return;
    }
    const auto useProxy = [this](const QString& password, QList<ApiError> problems) {
        m_proxyRead = nullptr;
        ProxySettings proxy = m_profile.proxy;
        proxy.password = password;
        m_client.setProxy(proxy);
        Q_EMIT configured(problems);
    };
    m_proxyRead = m_keychain.read(CredentialStore::proxyEntry(profile.name), this);
    connect(m_proxyRead, &KeychainJob::succeeded, this,
            [this, useProxy, problems](const QString& password, const QString& storedFor) mutable {
                // The password goes only to the proxy it was stored for.
                const QString current = Origin::ofProxy(m_profile.proxy);
                if (storedFor.isEmpty() || storedFor == current) {
                    useProxy(password, problems);
                    return;
                }
                problems << ApiError::ofSentence(ApiError::Kind::SecretElsewhere,
                                                 tr("The proxy password of profile “%1” was stored for %2, and the proxy is now %3: "
                                        "enter the password again in Settings.")
                                         .arg(m_profile.name, Origin::hostText(storedFor), Origin::hostText(current)));
                useProxy({}, problems);
            });
    // No password stored: the proxy's answer says whether it needs one.
    connect(m_proxyRead, &KeychainJob::missing, this, [useProxy, problems] { useProxy({}, problems); });
    connect(m_proxyRead, &KeychainJob::failed, this, [useProxy, problems](const ApiError& error) mutable {
        problems << error;
        useProxy({}, problems);
    });
}

void ProfileConnection::readKey()
{
    abandonKeyRead();
    const QString entry = CredentialStore::apiKeyEntry(m_profile.name);
    m_keyRead = m_keychain.read(entry, this);
    connect(m_keyRead, &KeychainJob::succeeded, this, [this, entry](const QString& key, const QString& storedFor) {
        m_keyRead = nullptr;
        // The key goes only to the API it was stored for; a changed URL (the profile's, or
        // --api-url) is the caller's question.
        const QString current = Origin::of(m_client.apiUrl());
        if (!storedFor.isEmpty() && storedFor != current) {
            Q_EMIT keyBoundElsewhere(key, storedFor);
            return;
        }
        // Stored before keys were bound: bound now, to the API it is used with.
        if (storedFor.isEmpty() && m_bindsUnbound)
            m_keychain.write(entry, key, current, this);
        Q_EMIT keyFound(key);
    });
    connect(m_keyRead, &KeychainJob::missing, this, [this] {
        m_keyRead = nullptr;
        Q_EMIT keyMissing();
    });
    connect(m_keyRead, &KeychainJob::failed, this, [this](const ApiError& error) {
        m_keyRead = nullptr;
        Q_EMIT keyFailed(error);
    });
}

void ProfileConnection::abandonKeyRead()
{
    drop(m_keyRead, this);
}

void ProfileConnection::abandon()
{
    drop(m_proxyRead, this);
    drop(m_keyRead, this);
}

} // namespace faultshare
