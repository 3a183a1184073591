#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "ApiKeyPage.h"
#include "ConnectionPage.h"
#include "CredentialStore.h"
#include "GeneralPage.h"
#include "ProfilesPage.h"
#include "Settings.h"

#include <QDialogButtonBox>
#include <QPushButton>

namespace faultshare {

SettingsDialog::SettingsDialog(Settings& settings, CredentialStore& keys, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_keys(keys)
{
    m_ui->setupUi(this);

    m_profilesPage = new ProfilesPage(m_settings, m_keys, m_ui->profileTab);
    m_connectionPage = new ConnectionPage(m_settings, m_keys, m_ui->profileTab);
    m_apiKeyPage = new ApiKeyPage(
        m_settings, m_keys, [page = m_connectionPage] { return page->enteredApiUrl(); }, m_ui->profileTab);
    m_generalPage = new GeneralPage(m_settings, m_ui->generalTab);
    m_pages = {m_profilesPage, m_connectionPage, m_apiKeyPage, m_generalPage};
    // Above the Profile tab's spacer, in the order of the tab order.
    int row = 0;
    for (QWidget* page : {static_cast<QWidget*>(m_profilesPage), static_cast<QWidget*>(m_connectionPage),
                          static_cast<QWidget*>(m_apiKeyPage)})
        m_ui->profileTabLayout->insertWidget(row++, page);
    m_ui->generalTabLayout->addWidget(m_generalPage);
    // The pages came after the button box: OK and Cancel go back to the end of the tab order.
    QWidget* last = previousInFocusChain();
    QList<QWidget*> buttons;
    for (QWidget* next = m_ui->buttonBox->nextInFocusChain(); m_ui->buttonBox->isAncestorOf(next);
         next = next->nextInFocusChain())
        buttons << next;
    for (QWidget* button : std::as_const(buttons)) {
        setTabOrder(last, button);
        last = button;
    }

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_connectionPage, &ConnectionPage::completeChanged, this, &SettingsDialog::updateOkButton);
    connect(m_connectionPage, &ConnectionPage::proxyPasswordSaved, this, &SettingsDialog::saveAndClose);
    connect(m_apiKeyPage, &ApiKeyPage::keyStored, this, &SettingsDialog::keyReplaced);
    connect(m_apiKeyPage, &ApiKeyPage::keyForgotten, this, &SettingsDialog::keyForgotten);
    connect(m_profilesPage, &ProfilesPage::profilesChanged, this, &SettingsDialog::profilesChanged);
    connect(m_profilesPage, &ProfilesPage::profileInUseImported, this, [this] {
        // The profile in use changed underneath: its new values show, and OK applies them.
        if (m_keyMode == KeyMode::Demo)
            return;
        m_connectionPage->load();
        m_generalPage->loadDefaultMinutes();
    });

    for (ISettingsPage* page : m_pages)
        page->load();
    updateOkButton();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setKeyMode(KeyMode mode)
{
    m_keyMode = mode;
    for (ISettingsPage* page : m_pages)
        page->setKeyMode(mode);
}

void SettingsDialog::accept()
{
    // OK again while the keychain is still at work: its answer closes the dialog.
    if (m_connectionPage->isBusy())
        return;
    for (ISettingsPage* page : m_pages) {
        if (!page->check())
            return;
    }
    // The keychain first: the settings are saved, and the window re-applies the proxy,
    // only once the password the proxy needs is where the window will read it.
    if (m_connectionPage->storeProxyPassword())
        return;
    saveAndClose();
}

bool SettingsDialog::createProfile(const QString& name)
{
    return m_profilesPage->createProfile(name);
}

void SettingsDialog::removeProfile(const QString& name)
{
    m_profilesPage->removeProfile(name);
}

bool SettingsDialog::exportProfilesTo(const QString& path)
{
    return m_profilesPage->exportProfilesTo(path);
}

bool SettingsDialog::importProfilesFrom(const QString& path)
{
    return m_profilesPage->importProfilesFrom(path);
}

void SettingsDialog::saveAndClose()
{
    for (ISettingsPage* page : m_pages)
        page->save();
    if (m_keyMode != KeyMode::Demo)
        Q_EMIT connectionSaved();
    QDialog::accept();
}

void SettingsDialog::updateOkButton()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_connectionPage->isComplete());
}

} // namespace faultshare
