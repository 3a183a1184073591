#pragma once

#include "ISettingsPage.h"
#include "ProxySettings.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <memory>
#include <optional>

class QFileDialog;
namespace Ui {
class ConnectionPage;
}

namespace faultshare {

class CredentialStore;
class Settings;


// How the profile in use reaches the API: its URL, an extra CA file and its proxy, with
// the proxy password in the keychain (whether one is stored is read, never the password).
// Everything is saved on OK; a typed proxy password is written to the keychain first, or
// a stored one removed when no longer wanted (storeProxyPassword()). In Demo mode the
// connection belongs to the demo server: nothing here may be changed.
class ConnectionPage final : public QWidget, public ISettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionPage)

public:
    ConnectionPage(Settings& settings, const CredentialStore& keys, QWidget* parent = nullptr);
    ~ConnectionPage() override;

    QWidget* widget() override { return this; }
    void setKeyMode(SettingsKeyMode mode) override;
    void load() override;
    bool check() override;
    void save() override;

    QUrl enteredApiUrl() const;
    // The URL entered when it differs from the one in effect when the dialog opened: only
    // what the operator changed is applied, so a session override (--api-url) survives.
    std::optional<QUrl> changedApiUrl() const;
    QString enteredCaFile() const;
    // Whether the fields can be saved as they are, and no keychain work is under way.
    bool isComplete() const { return m_complete; }
    bool isBusy() const { return m_proxyOperation != ProxyOperation::None; }

    // The keychain part of OK: writes a typed proxy password, or removes the stored one
    // when it is no longer wanted. True when that started: proxyPasswordSaved() follows,
    // or the reason shows beside the proxy and the page stays as typed. False: nothing to do.
    bool storeProxyPassword();

Q_SIGNALS:
    void completeChanged(bool complete);
    // The keychain holds the proxy password as the fields say: OK can save and close.
    void proxyPasswordSaved();

private:
    // The proxy as the fields say (without the password).
    ProxySettings enteredProxy() const;
    // Why the proxy fields cannot be used, as one sentence, or empty.
    QString checkProxy() const;
    void validate();
    void showProxy(const ProxySettings& proxy);
    void updateProxyFields();
    void readProxyPassword();
    void updateProxyPasswordHint();
    void forgetProxyPassword();
    void setProxyBusy(bool busy, const QString& status = {});
    void browseCaFile();

    const std::unique_ptr<Ui::ConnectionPage> m_ui;
    Settings& m_settings;
    const CredentialStore& m_keys;
    SettingsKeyMode m_keyMode = SettingsKeyMode::Stored;
    const QUrl m_initialApiUrl;
    bool m_complete = false;
    QPointer<QFileDialog> m_caFileDialog;
    // What the keychain holds for this profile's proxy, as far as the page knows.
    enum class ProxyPassword { Unknown, Reading, Stored, Missing, Unreadable };
    ProxyPassword m_proxyPassword = ProxyPassword::Unknown;
    bool m_keychainAllowed = false; // from the first event loop turn: the key mode is set
    bool m_forgetProxyPassword = false; // the operator asked to remove it on OK
    // The keychain operation OK waits for.
    enum class ProxyOperation { None, Write, Remove };
    ProxyOperation m_proxyOperation = ProxyOperation::None;
};

} // namespace faultshare
