#pragma once

#include "Profiles.h"
#include "ProxySettings.h"

#include <QDialog>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <memory>

class ApiClient;
class CredentialStore;
class Settings;
class QFileDialog;
class QInputDialog;
class QMessageBox;

namespace Ui {
class SettingsDialog;
}

// The profile's settings: API URL and CA file (applied to the ApiClient on OK), its proxy
// (settings, and the password in the keychain, written or removed on OK: the dialog
// closes, and accepted() follows, only once the keychain has done it), the
// stored key (replaced or forgotten right away, through the keychain), the default
// validity, the clipboard clear delay and the expiry notifications. Also the list of
// all profiles: create, remove (with its key), export and import, applied right away.
// Nothing here blocks: the keychain answers with signals and the confirmation and file
// dialogs are opened, never exec()'d.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // Where the window's key comes from: the keychain, the environment (this session
    // only) or the demo server (nothing of the connection may be changed then).
    enum class KeyMode { Stored, Session, Demo };

    SettingsDialog(Settings& settings, CredentialStore& keys, ApiClient& api, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setKeyMode(KeyMode mode);
    KeyMode keyMode() const { return m_keyMode; }

    // Writes the settings and applies the API URL and CA file, unless one is invalid
    // (then the dialog stays open with the reason beside the field). A typed proxy password
    // is written to the keychain first (a stored one removed when no longer wanted); the
    // dialog closes when that is done, or stays open with the keychain's answer.
    void accept() override;

    // Profile management, as the buttons do it once their dialog is answered (tests call
    // these directly). Each shows its outcome in the profiles status line.
    // Creates a profile with default settings; false (with the reason shown) when the
    // name is invalid or taken.
    bool createProfile(const QString& name);
    // Removes the key of a profile from the keychain, then its settings; never "default"
    // or the profile in use. Asynchronous: profilesChanged() follows when it is gone; when
    // the keychain fails the profile is kept and the reason shown.
    void removeProfile(const QString& name);
    // Writes every profile (never a key) as JSON to path.
    bool exportProfilesTo(const QString& path);
    // Imports the profiles of an exported file, all or none.
    // Imports the profiles of a file; changes to existing profiles are listed first and
    // made only when the operator confirms them (true: imported, or asking).
    bool importProfilesFrom(const QString& path);

Q_SIGNALS:
    // A new key is in the keychain (and, in Stored mode, in use by the ApiClient).
    void keyReplaced();
    // The stored key was removed from the keychain.
    void keyForgotten();
    // A profile was created, removed or imported.
    void profilesChanged();

private:
    bool applyImport(const QByteArray& json);
    QUrl enteredApiUrl() const;
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
    // Saves every setting and closes the dialog (after the keychain work of accept()).
    void saveAndClose();
    void updateDefaultExpiryHint();
    void replaceKey();
    void confirmForgetKey();
    void browseCaFile();
    void setKeyBusy(bool busy);
    void showKeyStatus(const QString& text, bool isError);
    void refreshProfiles(const QString& select = {});
    QString selectedProfile() const;
    void updateProfileButtons();
    static QString managedProfileText(const QString& name);
    void askNewProfile();
    void confirmRemoveProfile();
    void browseExportProfiles();
    void browseImportProfiles();
    void showProfileStatus(const QString& text, bool isError);

    const std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings& m_settings;
    Profiles m_profiles;
    CredentialStore& m_keys;
    ApiClient& m_api;
    KeyMode m_keyMode = KeyMode::Stored;
    QUrl m_initialApiUrl;
    QString m_initialCaFile;
    QString m_pendingKey; // only until the keychain confirms the write
    bool m_writingKey = false;
    bool m_removingKey = false;
    QPointer<QMessageBox> m_forgetConfirm;
    QPointer<QFileDialog> m_caFileDialog;
    QString m_removingProfile; // until the keychain confirms its key is gone
    QPointer<QInputDialog> m_newProfileDialog;
    QPointer<QMessageBox> m_removeProfileConfirm;
    QPointer<QFileDialog> m_profilesFileDialog;
    // What the keychain holds for this profile's proxy, as far as the dialog knows.
    enum class ProxyPassword { Unknown, Stored, Missing, Unreadable };
    ProxyPassword m_proxyPassword = ProxyPassword::Unknown;
    bool m_keychainAllowed = false; // from the first event loop turn: the key mode is set
    bool m_readingProxyPassword = false;
    bool m_forgetProxyPassword = false; // the operator asked to remove it on OK
    // The keychain operation OK waits for before closing.
    enum class ProxyOperation { None, Write, Remove };
    ProxyOperation m_proxyOperation = ProxyOperation::None;
};
