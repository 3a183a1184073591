#include "ApiKeyPage.h"
#include "ui_ApiKeyPage.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "KeychainJob.h"
#include "Origin.h"
#include "Presentation.h"
#include "Settings.h"

#include <QMessageBox>
#include <QPushButton>

namespace faultshare {

using namespace Qt::StringLiterals;

ApiKeyPage::ApiKeyPage(Settings& settings, const CredentialStore& keys, std::function<QUrl()> enteredApiUrl,
                       QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ApiKeyPage>())
    , m_settings(settings)
    , m_keys(keys)
    , m_enteredApiUrl(std::move(enteredApiUrl))
{
    m_ui->setupUi(this);
    m_ui->keyStoreLabel->setText(
        tr("The key of this profile is stored in %1, never in a file.").arg(CredentialStore::backendName()));
    m_ui->keyStatusLabel->hide();

    connect(m_ui->replaceKeyEdit, &QLineEdit::returnPressed, this, &ApiKeyPage::replaceKey);
    connect(m_ui->replaceKeyEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_busy)
            m_ui->keyStatusLabel->hide();
    });
    connect(m_ui->replaceKeyButton, &QPushButton::clicked, this, &ApiKeyPage::replaceKey);
    connect(m_ui->forgetKeyButton, &QPushButton::clicked, this, &ApiKeyPage::confirmForgetKey);
}

ApiKeyPage::~ApiKeyPage() = default;

void ApiKeyPage::setKeyMode(SettingsKeyMode mode)
{
    m_keyMode = mode;
    setBusy(m_busy);
    if (mode == SettingsKeyMode::Demo)
        showStatus(tr("Demo mode: the connection and the key belong to the demo server and cannot be "
                      "changed."),
                   false);
}

void ApiKeyPage::replaceKey()
{
    if (m_keyMode == SettingsKeyMode::Demo || m_busy)
        return;
    const QString key = m_ui->replaceKeyEdit->text().trimmed();
    if (const QString reason = ApiClient::checkApiKey(key); !reason.isEmpty()) {
        showStatus(reason, true);
        return;
    }
    setBusy(true);
    showStatus(tr("Storing the key in %1…").arg(CredentialStore::backendName()), false);
    // Bound to the API it is entered for: the URL in the form, which OK is about to save.
    const QUrl typed = m_enteredApiUrl();
    const QUrl apiUrl = ApiClient::checkApiUrl(typed).isEmpty() ? typed : m_settings.apiUrl();
    KeychainJob* job = m_keys.write(CredentialStore::apiKeyEntry(m_settings.profile()), key, Origin::of(apiUrl), this);
    connect(job, &KeychainJob::succeeded, this, [this, key] {
        // Noted for the next start, which then opens on the right page without asking.
        m_settings.setKeyStored(true);
        m_ui->replaceKeyEdit->clear();
        setBusy(false);
        showStatus(m_keyMode == SettingsKeyMode::Stored
                       ? tr("The new key is stored in %1 and in use.").arg(CredentialStore::backendName())
                       : tr("The new key is stored in %1; this session keeps using the key from "
                            "FAULTSHARE_API_KEY.")
                             .arg(CredentialStore::backendName()),
                   false);
        Q_EMIT keyStored(key);
    });
    connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
        // The typed key stays in the field for another try.
        setBusy(false);
        showStatus(error.userMessage(), true);
    });
}

void ApiKeyPage::confirmForgetKey()
{
    if (m_keyMode == SettingsKeyMode::Demo || m_busy)
        return;
    if (m_forgetConfirm) {
        m_forgetConfirm->raise();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Forget the stored key?"),
                                tr("Remove the API key or token of profile “%1” from %2? You will need to paste "
                                   "it again to create links.")
                                    .arg(m_settings.profile(), CredentialStore::backendName()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"forgetKeyConfirm"_s);
    // The profile name may come from an imported file: shown as it is, never as markup.
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("&Forget key"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            forgetKey();
    });
    m_forgetConfirm = box;
    box->open();
}

void ApiKeyPage::forgetKey()
{
    setBusy(true);
    showStatus(tr("Removing the key from %1…").arg(CredentialStore::backendName()), false);
    KeychainJob* job = m_keys.remove(CredentialStore::apiKeyEntry(m_settings.profile()), this);
    connect(job, &KeychainJob::succeeded, this, [this] {
        // Not known any more rather than "missing": a key stored elsewhere is read at start.
        m_settings.setKeyStored(std::nullopt);
        setBusy(false);
        showStatus(tr("The stored key was removed from %1.").arg(CredentialStore::backendName()), false);
        Q_EMIT keyForgotten();
    });
    connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
        setBusy(false);
        showStatus(error.userMessage(), true);
    });
}

void ApiKeyPage::setBusy(bool busy)
{
    m_busy = busy;
    const bool enabled = !busy && m_keyMode != SettingsKeyMode::Demo;
    m_ui->replaceKeyEdit->setEnabled(enabled);
    m_ui->replaceKeyButton->setEnabled(enabled);
    m_ui->forgetKeyButton->setEnabled(enabled);
}

void ApiKeyPage::showStatus(const QString& text, bool isError)
{
    Presentation::showStatus(m_ui->keyStatusLabel, text, isError);
}

} // namespace faultshare
