#pragma once

#include "ISettingsPage.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QFileDialog;
class QInputDialog;
class QMessageBox;
namespace Ui {
class ProfilesPage;
}

namespace faultshare {

class CredentialStore;
class ProfileRemoval;
class Settings;


// Every profile: created, removed (with its secrets, through ProfileRemoval), exported
// and imported (through ProfileTransfer), each at once, never on OK. Each outcome shows in
// the page's status line. The profile in use is never removed here.
class ProfilesPage final : public QWidget, public ISettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)

public:
    ProfilesPage(Settings& settings, const CredentialStore& keys, QWidget* parent = nullptr);
    ~ProfilesPage() override;

    QWidget* widget() override { return this; }
    void setKeyMode(SettingsKeyMode) override {}
    void load() override;
    bool check() override { return true; }
    void save() override {}

    // As the buttons do it once their dialog is answered (see SettingsDialog).
    bool createProfile(const QString& name);
    void removeProfile(const QString& name);
    bool exportProfilesTo(const QString& path);
    bool importProfilesFrom(const QString& path);

Q_SIGNALS:
    // A profile was created, removed or imported.
    void profilesChanged();
    // An import changed the profile in use: the other pages show its new values.
    void profileInUseImported();

private:
    bool applyImport(const QByteArray& json);
    void refreshProfiles(const QString& select = {});
    QString selectedProfile() const;
    void updateProfileButtons();
    static QString managedProfileText(const QString& name);
    void askNewProfile();
    void confirmRemoveProfile();
    void browseExportProfiles();
    void browseImportProfiles();
    void showStatus(const QString& text, bool isError);

    const std::unique_ptr<Ui::ProfilesPage> m_ui;
    Settings& m_settings;
    const CredentialStore& m_keys;
    QPointer<ProfileRemoval> m_removal; // until the keychain has answered
    QPointer<QInputDialog> m_newProfileDialog;
    QPointer<QMessageBox> m_removeProfileConfirm;
    QPointer<QFileDialog> m_profilesFileDialog;
};

} // namespace faultshare
