#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "ApiClient.h"
#include "ApiKeyPage.h"
#include "ConnectionPage.h"
#include "CredentialStore.h"
#include "GeneralPage.h"
#include "Origin.h"
#include "ProfilesPage.h"
#include "Settings.h"

#include <QDialogButtonBox>
#include <QPushButton>

SettingsDialog::SettingsDialog(Settings& settings, CredentialStore& keys, ApiClient& api, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_keys(keys)
    , m_api(api)
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
    connect(m_apiKeyPage, &ApiKeyPage::keyStored, this, [this](const QString& key) {
        applyToClient(ClientChange::KeyStored, key);
        Q_EMIT keyReplaced();
    });
    connect(m_apiKeyPage, &ApiKeyPage::keyForgotten, this, [this] {
        applyToClient(ClientChange::KeyForgotten);
        Q_EMIT keyForgotten();
    });
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
    applyToClient(ClientChange::Connection);
    for (ISettingsPage* page : m_pages)
        page->save();
    QDialog::accept();
}

void SettingsDialog::updateOkButton()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_connectionPage->isComplete());
}

// The one place the dialog changes the ApiClient, and tells the window what it cannot yet
// learn from Settings::changed or from this dialog's signals. Once the window's session
// layer reconfigures the client when the settings change, this function, m_api and its
// three calls go, in one step.
void SettingsDialog::applyToClient(ClientChange change, const QString& key)
{
    switch (change) {
    case ClientChange::Connection: {
        if (m_keyMode == KeyMode::Demo)
            return;
        // ConnectionPage::check() made sure the file holds a certificate, or is none.
        m_api.setCaFile(m_connectionPage->enteredCaFile());
        if (const std::optional<QUrl> url = m_connectionPage->changedApiUrl()) {
            // A stored key goes only where it was stored for: dropped from memory, it is
            // read again at the next Generate, which asks before sending it elsewhere.
            if (m_keyMode == KeyMode::Stored && !Origin::same(*url, m_api.apiUrl()))
                m_api.setApiKey({});
            m_api.setApiUrl(*url);
        }
        return;
    }
    case ClientChange::KeyStored:
        if (m_keyMode == KeyMode::Stored)
            m_api.setApiKey(key);
        return;
    case ClientChange::KeyForgotten:
        // The window drops the key it uses, and shows its key page, when the store says
        // the entry is gone: it does not listen to keyForgotten() yet.
        Q_EMIT m_keys.secretRemoved(CredentialStore::apiKeyEntry(m_settings.profile()));
        return;
    }
}
