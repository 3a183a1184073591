#pragma once

#include "ISettingsPage.h"

#include <QDialog>
#include <QString>

#include <array>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace faultshare {

class ApiKeyPage;
class ConnectionPage;
class CredentialStore;
class GeneralPage;
class ProfilesPage;
class Settings;


// The Settings dialog: a shell around its pages (ISettingsPage). The Profile tab holds
// the list of profiles (ProfilesPage), the connection of the profile in use (ConnectionPage)
// and its stored key (ApiKeyPage); the General tab the rest (GeneralPage). The profiles and
// the key change at once; the rest is checked and saved on OK, which waits for the
// keychain when a proxy password is to be written or removed (accepted() follows only once
// it is done). Nothing here blocks: the keychain answers with signals and the
// confirmation and file dialogs are opened, never exec()'d.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // Where the window's key comes from (see SettingsKeyMode).
    using KeyMode = SettingsKeyMode;

    SettingsDialog(Settings& settings, CredentialStore& keys, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setKeyMode(KeyMode mode);
    KeyMode keyMode() const { return m_keyMode; }

    // Checks every page (a problem stays beside its field and the dialog open), writes or
    // removes the proxy password in the keychain, then saves every page and closes.
    void accept() override;

    // Profile management as the buttons do it once their dialog is answered (tests call
    // these directly); each shows its outcome in the profiles status line.
    // Creates a profile with default settings; false (with the reason shown) when the
    // name is invalid or taken.
    bool createProfile(const QString& name);
    // Removes the secrets of a profile from the keychain, then its settings; never
    // "default" or the profile in use. Asynchronous: profilesChanged() follows when it is
    // gone; when the keychain fails the profile is kept and the reason shown.
    void removeProfile(const QString& name);
    // Writes every profile (never a key) as JSON to path.
    bool exportProfilesTo(const QString& path);
    // Imports the profiles of a file, all or none; changes to existing profiles are listed
    // first and made only when the operator confirms them (true: imported, or asking).
    bool importProfilesFrom(const QString& path);

Q_SIGNALS:
    // key is in the keychain now, for the profile.
    void keyReplaced(const QString& key);
    // The stored key was removed from the keychain.
    void keyForgotten();
    // OK saved the connection (URL, CA file, proxy and its password in the keychain): the
    // files and secrets it names are to be read again, even where no setting changed.
    void connectionSaved();
    // A profile was created, removed or imported.
    void profilesChanged();

private:
    // Saves every page and closes (after the keychain work of accept()).
    void saveAndClose();
    void updateOkButton();

    const std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings& m_settings;
    CredentialStore& m_keys;
    KeyMode m_keyMode = KeyMode::Stored;
    ProfilesPage* m_profilesPage = nullptr;
    ConnectionPage* m_connectionPage = nullptr;
    ApiKeyPage* m_apiKeyPage = nullptr;
    GeneralPage* m_generalPage = nullptr;
    std::array<ISettingsPage*, 4> m_pages{};
};

} // namespace faultshare
