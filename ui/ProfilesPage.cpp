#include "ProfilesPage.h"
#include "ui_ProfilesPage.h"

#include "CredentialStore.h"
#include "Presentation.h"
#include "ProfileRemoval.h"
#include "ProfileTransfer.h"
#include "Profiles.h"
#include "Settings.h"

#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>

namespace faultshare {

using namespace Qt::StringLiterals;

ProfilesPage::ProfilesPage(Settings& settings, const CredentialStore& keys, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ProfilesPage>())
    , m_settings(settings)
    , m_keys(keys)
{
    m_ui->setupUi(this);
    m_ui->profileStatusLabel->hide();

    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &ProfilesPage::updateProfileButtons);
    connect(m_ui->newProfileButton, &QPushButton::clicked, this, &ProfilesPage::askNewProfile);
    connect(m_ui->removeProfileButton, &QPushButton::clicked, this, &ProfilesPage::confirmRemoveProfile);
    connect(m_ui->exportProfilesButton, &QPushButton::clicked, this, &ProfilesPage::browseExportProfiles);
    connect(m_ui->importProfilesButton, &QPushButton::clicked, this, &ProfilesPage::browseImportProfiles);
}

ProfilesPage::~ProfilesPage() = default;

void ProfilesPage::load()
{
    refreshProfiles(m_settings.profile());
}

void ProfilesPage::refreshProfiles(const QString& select)
{
    const QString keep = select.isEmpty() ? selectedProfile() : select;
    const QSignalBlocker blocker(m_ui->profileList);
    m_ui->profileList->clear();
    for (const QString& name : Profiles(m_settings.store()).names()) {
        const bool active = name == m_settings.profile();
        auto* item = new QListWidgetItem(active ? tr("%1 (in use)").arg(name) : name, m_ui->profileList);
        item->setData(Qt::UserRole, name);
        if (active) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            item->setToolTip(tr("The profile in use: this dialog edits its settings"));
        }
        if (name == keep)
            m_ui->profileList->setCurrentItem(item);
    }
    updateProfileButtons();
}

QString ProfilesPage::selectedProfile() const
{
    const QListWidgetItem* item = m_ui->profileList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ProfilesPage::updateProfileButtons()
{
    const QString name = selectedProfile();
    const bool managed = !name.isEmpty() && Profiles(m_settings.store()).isManaged(name);
    m_ui->removeProfileButton->setEnabled(m_removal.isNull() && !name.isEmpty() && !managed
                                          && name != Settings::defaultProfile() && name != m_settings.profile());
    // A tooltip takes markup when it looks like some: the name is escaped into a paragraph.
    m_ui->removeProfileButton->setToolTip(
        managed ? u"<p>"_s + managedProfileText(name).toHtmlEscaped() + u"</p>"_s : QString());
}

QString ProfilesPage::managedProfileText(const QString& name)
{
    return tr("Profile “%1” is set up for everyone on this computer by its administrator; it cannot be "
              "removed here.")
        .arg(name);
}

void ProfilesPage::showStatus(const QString& text, bool isError)
{
    Presentation::showStatus(m_ui->profileStatusLabel, text, isError);
}

void ProfilesPage::askNewProfile()
{
    if (m_newProfileDialog) {
        m_newProfileDialog->raise();
        return;
    }
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(u"newProfileDialog"_s);
    dialog->setWindowTitle(tr("New profile"));
    dialog->setLabelText(tr("Name of the new profile (for example “staging”):"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& name) { createProfile(name); });
    m_newProfileDialog = dialog;
    dialog->open();
}

bool ProfilesPage::createProfile(const QString& name)
{
    if (const QString why = Profiles::checkName(name); !why.isEmpty()) {
        showStatus(tr("That profile name %1; choose another.").arg(why), true);
        return false;
    }
    Profiles profiles(m_settings.store());
    if (profiles.contains(name)) {
        showStatus(tr("A profile named “%1” already exists; choose another name.").arg(name), true);
        return false;
    }
    profiles.add(name);
    refreshProfiles(name);
    showStatus(tr("Profile “%1” was created; switch to it in the main window to set its API URL and key.").arg(name),
               false);
    Q_EMIT profilesChanged();
    return true;
}

void ProfilesPage::confirmRemoveProfile()
{
    const QString name = selectedProfile();
    if (!m_removeProfileConfirm.isNull()) {
        m_removeProfileConfirm->raise();
        return;
    }
    if (!m_removal.isNull() || name.isEmpty())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove the profile?"),
                                tr("Remove profile “%1” with its settings and its API key or token in %2?")
                                    .arg(name, CredentialStore::backendName()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"removeProfileConfirm"_s);
    box->setTextFormat(Qt::PlainText); // the name as it is, never as markup
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Remove profile"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, name](int result) {
        if (result == QMessageBox::Yes)
            removeProfile(name);
    });
    m_removeProfileConfirm = box;
    box->open();
}

void ProfilesPage::removeProfile(const QString& name)
{
    if (!m_removal.isNull())
        return;
    auto* removal = new ProfileRemoval(m_settings.store(), m_keys, name, this);
    switch (removal->start(m_settings.profile())) {
    case ProfileRemoval::Refusal::None:
        break;
    case ProfileRemoval::Refusal::Default:
        showStatus(tr("The profile “%1” cannot be removed; it is always there.").arg(name), true);
        return;
    case ProfileRemoval::Refusal::InUse:
        showStatus(tr("Profile “%1” is in use; switch to another profile first to remove it.").arg(name), true);
        return;
    case ProfileRemoval::Refusal::NoProfile:
        showStatus(tr("There is no profile named “%1”; it may have been removed already.").arg(name), true);
        refreshProfiles();
        return;
    case ProfileRemoval::Refusal::Managed:
        showStatus(managedProfileText(name), true);
        return;
    }
    m_removal = removal;
    connect(removal, &ProfileRemoval::removed, this, [this, name] {
        m_removal = nullptr;
        refreshProfiles(m_settings.profile());
        showStatus(tr("Profile “%1” and its key were removed.").arg(name), false);
        Q_EMIT profilesChanged();
    });
    connect(removal, &ProfileRemoval::failed, this, [this, name](const ApiError& error) {
        // Kept, and listed, so the removal can be tried again.
        m_removal = nullptr;
        updateProfileButtons();
        showStatus(tr("Profile “%1” was kept because its key or proxy password could not be removed from the keychain: %2")
                       .arg(name, Presentation::lowerFirst(error.userMessage())),
                   true);
    });
    updateProfileButtons();
    showStatus(tr("Removing the key of profile “%1” from %2…").arg(name, CredentialStore::backendName()), false);
}

void ProfilesPage::browseExportProfiles()
{
    if (m_profilesFileDialog) {
        m_profilesFileDialog->raise();
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Export profiles"), QDir::homePath() + u"/faultshare-profiles.json"_s,
                                   tr("JSON files (*.json);;All files (*)"));
    dialog->setObjectName(u"exportProfilesDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"json"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { exportProfilesTo(path); });
    m_profilesFileDialog = dialog;
    dialog->open();
}

void ProfilesPage::browseImportProfiles()
{
    if (m_profilesFileDialog) {
        m_profilesFileDialog->raise();
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Import profiles"), QDir::homePath(),
                                   tr("JSON files (*.json);;All files (*)"));
    dialog->setObjectName(u"importProfilesDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { importProfilesFrom(path); });
    m_profilesFileDialog = dialog;
    dialog->open();
}

bool ProfilesPage::exportProfilesTo(const QString& path)
{
    const QStringList names = Profiles(m_settings.store()).names();
    if (const ProfileTransfer::FileResult written = ProfileTransfer(m_settings.store()).exportTo(path, names);
        !written.ok()) {
        showStatus(tr("The profiles could not be written to %1 (%2); choose another place.")
                       .arg(QDir::toNativeSeparators(path), written.reason),
                   true);
        return false;
    }
    showStatus(tr("%n profile(s) exported to %1, without keys.", nullptr, int(names.size()))
                   .arg(QDir::toNativeSeparators(path)),
               false);
    return true;
}

bool ProfilesPage::importProfilesFrom(const QString& path)
{
    const ProfileTransfer::Import check =
        ProfileTransfer(m_settings.store()).importFrom(path, Profiles::ImportMode::Check);
    if (check.file.error == ProfileTransfer::FileError::TooLarge) {
        showStatus(tr("The file %1 is too large to be a profiles export; choose a file made by Export.")
                       .arg(QDir::toNativeSeparators(path)),
                   true);
        return false;
    }
    if (!check.file.ok()) {
        showStatus(tr("The file %1 cannot be read (%2); choose another.")
                       .arg(QDir::toNativeSeparators(path), check.file.reason),
                   true);
        return false;
    }
    if (!check.profiles.error.isEmpty()) {
        showStatus(check.profiles.error, true);
        return false;
    }
    if (check.profiles.changes.isEmpty())
        return applyImport(check.json);
    // Changes to profiles that exist are listed, and made only on OK: a shared file must
    // not quietly point a profile, and its stored key, somewhere else.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Change existing profiles?"),
                                tr("The file changes profiles that exist:\n\n%1\n\n%2")
                                    .arg(check.profiles.changes.join(u'\n'),
                                         check.profiles.retargets ? tr("A profile pointed at another API or proxy keeps its stored key or "
                                                              "password only once you confirm it there.")
                                                         : QString())
                                    .trimmed(),
                                QMessageBox::Ok | QMessageBox::Cancel, this);
    box->setObjectName(u"importChangesConfirm"_s);
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Ok)->setText(tr("&Apply changes"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, json = check.json](int result) {
        if (result == QMessageBox::Ok)
            applyImport(json);
        else
            showStatus(tr("Nothing was imported."), false);
    });
    box->open();
    return true;
}

bool ProfilesPage::applyImport(const QByteArray& json)
{
    const Profiles::ImportResult result = ProfileTransfer(m_settings.store()).apply(json);
    if (!result.error.isEmpty()) {
        showStatus(result.error, true);
        return false;
    }
    if (result.imported.isEmpty()) {
        showStatus(tr("The file holds no profile, so nothing changed."), false);
        return true;
    }
    if (result.imported.contains(m_settings.profile()))
        Q_EMIT profileInUseImported();
    refreshProfiles();
    showStatus(tr("Imported %1; their keys are not in the file, so store them after switching to each.")
                   .arg(result.imported.join(u", "_s)),
               false);
    Q_EMIT profilesChanged();
    return true;
}

} // namespace faultshare
