#pragma once

#include "ApiError.h"
#include "ProxySettings.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

namespace faultshare {

class ApiClient;
class CredentialStore;
class KeychainJob;
class Settings;

// What a request to a profile's API needs, from its settings and the keychain: the API
// URL, the CA file and the proxy (with its password), then the API key. One mechanism for
// the window and every command; each secret goes only to the origin it was stored for
// (DESIGN.md, security rule 9). Nothing here blocks: the keychain answers with signals.
class ProfileConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileConnection)

public:
    // The part of a profile's settings a connection uses; apiUrl may be overridden
    // (--api-url, a link's issuer).
    struct Profile
    {
        QString name;
        QUrl apiUrl;
        QString caFile;
        ProxySettings proxy; // without its password, which is in the keychain
    };
    static Profile profileOf(const Settings& settings);

    // keychain and client outlive this object.
    ProfileConnection(const CredentialStore& keychain, ApiClient& client, QObject* parent = nullptr);
    ~ProfileConnection() override;

    const Profile& profile() const { return m_profile; }

    // Points the client at profile: URL, CA file and proxy, the proxy's password read from
    // the keychain first when it has a user. Ends in configured(), always after this call
    // has returned. A configure() still reading is dropped (its answer never applies).
    void configure(const Profile& profile);
    bool isConfiguring() const { return m_proxyRead != nullptr; }

    // Reads the profile's key from the keychain. Ends in exactly one of keyFound,
    // keyBoundElsewhere, keyMissing and keyFailed. A key stored before keys were bound is
    // found, and bound now to the client's origin when bindsUnboundKeys() (the window
    // does; a command leaves the keychain as it is).
    void readKey();
    bool isReadingKey() const { return m_keyRead != nullptr; }
    void setBindsUnboundKeys(bool binds) { m_bindsUnbound = binds; }
    // Drops a readKey() still waiting: none of its signals follows.
    void abandonKeyRead();
    // Drops everything still waiting (configure() and readKey()): the client stays as it is.
    void abandon();

Q_SIGNALS:
    // The client is configured. problems: what of the profile could not be used, each
    // with its sentence; the client goes on without it (only the system's certificates
    // trusted; no proxy password sent). A command treats any problem as an error.
    void configured(const QList<ApiError>& problems);

    // key is bound to the client's origin (or was stored before binding).
    void keyFound(const QString& key);
    // The key was stored for storedFor (an origin), and the client points elsewhere now:
    // it is not used unless the operator says so.
    void keyBoundElsewhere(const QString& key, const QString& storedFor);
    void keyMissing();
    void keyFailed(const ApiError& error);

private:
    const CredentialStore& m_keychain;
    ApiClient& m_client;
    Profile m_profile;
    QPointer<KeychainJob> m_proxyRead;
    QPointer<KeychainJob> m_keyRead;
    bool m_bindsUnbound = false;
};

} // namespace faultshare
