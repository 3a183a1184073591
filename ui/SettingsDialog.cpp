#include "SettingsDialog.h"
#include "Countdown.h"
#include "ui_SettingsDialog.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "Origin.h"
#include "Language.h"
#include "Logging.h"
#include "Presentation.h"
#include "Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// An exported profiles file is small; anything much larger is not one.
constexpr qint64 MaxProfilesFileBytes = 4 * 1024 * 1024;
// What the port field shows before a proxy was set: the usual HTTP proxy port.
constexpr int DefaultProxyPort = 8080;

// "The system keychain ..." -> "the system keychain ...", to follow a colon.
QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

void setError(QLabel* label, const QString& text)
{
    Presentation::setTextColour(label, Presentation::errorColour(label->parentWidget()->palette()));
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

SettingsDialog::SettingsDialog(Settings& settings, CredentialStore& keys, ApiClient& api, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
    , m_profiles(settings.store())
    , m_keys(keys)
    , m_api(api)
{
    m_ui->setupUi(this);

    m_initialApiUrl = m_settings.apiUrl();
    m_initialCaFile = m_settings.caFile();

    m_ui->profileLabel->setText(m_settings.profile());
    m_ui->apiUrlEdit->setPlaceholderText(ApiClient::defaultApiUrl().toString());
    m_ui->apiUrlEdit->setText(m_initialApiUrl.toString());
    m_ui->caFileEdit->setText(m_initialCaFile);
    m_ui->defaultExpirySpin->setRange(ApiClient::MinMinutes, ApiClient::MaxMinutes);
    m_ui->defaultExpirySpin->setValue(m_settings.defaultMinutes());
    m_ui->clipboardDelaySpin->setValue(int(m_settings.clipboardClearDelay().count()));
    m_ui->notifyCheck->setChecked(m_settings.notifyEnabled());
    m_ui->notifyLeadSpin->setRange(0, Settings::MaxNotifyLeadMinutes);
    m_ui->notifyLeadSpin->setValue(m_settings.notifyLeadMinutes());
    m_ui->notifyLeadSpin->setEnabled(m_ui->notifyCheck->isChecked());
    m_ui->historyPurgeSpin->setRange(0, Settings::MaxHistoryPurgeDays);
    m_ui->historyPurgeSpin->setValue(m_settings.historyPurgeDays());
    // Each language in its own name; the choice applies from the next start.
    m_ui->languageCombo->addItem(tr("System default"), QString());
    for (const QString& language : Language::available())
        m_ui->languageCombo->addItem(Language::nativeName(language), language);
    m_ui->languageCombo->setCurrentIndex(
        std::max(0, m_ui->languageCombo->findData(Language::setting(m_settings.store()))));
    using Mode = ProxySettings::Mode;
    m_ui->proxyModeCombo->addItem(tr("Use the system settings"), ProxySettings::modeName(Mode::System));
    m_ui->proxyModeCombo->addItem(tr("No proxy (direct)"), ProxySettings::modeName(Mode::None));
    m_ui->proxyModeCombo->addItem(tr("HTTP proxy"), ProxySettings::modeName(Mode::Http));
    m_ui->proxyModeCombo->addItem(tr("SOCKS5 proxy"), ProxySettings::modeName(Mode::Socks5));
    showProxy(m_settings.proxy());
    m_ui->keyStoreLabel->setText(
        tr("The key of this profile is stored in %1, never in a file.").arg(CredentialStore::backendName()));
    m_ui->apiUrlErrorLabel->hide();
    m_ui->caFileErrorLabel->hide();
    m_ui->keyStatusLabel->hide();
    m_ui->profileStatusLabel->hide();
    m_ui->proxyErrorLabel->hide();
    m_ui->proxyNoteLabel->hide();
    refreshProfiles(m_settings.profile());
    updateDefaultExpiryHint();
    if (!m_initialCaFile.isEmpty()) {
        if (const QString why = ApiClient::checkCaFile(m_initialCaFile); !why.isEmpty())
            setError(m_ui->caFileErrorLabel,
                     tr("The file %1, so only the system's certificates are trusted; choose another or clear the field.")
                         .arg(why));
    }

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->apiUrlEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, [this] { m_ui->caFileErrorLabel->hide(); });
    connect(m_ui->caFileBrowseButton, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    connect(m_ui->defaultExpirySpin, &QSpinBox::valueChanged, this, &SettingsDialog::updateDefaultExpiryHint);
    connect(m_ui->notifyCheck, &QCheckBox::toggled, m_ui->notifyLeadSpin, &QWidget::setEnabled);
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateProxyFields();
        validate();
    });
    connect(m_ui->proxyHostEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, &SettingsDialog::validate);
    connect(m_ui->proxyUserEdit, &QLineEdit::textChanged, this, [this] {
        updateProxyFields();
        validate();
    });
    connect(m_ui->proxyPasswordEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        // A typed password replaces the stored one instead of removing it.
        if (!text.isEmpty() && m_forgetProxyPassword) {
            m_forgetProxyPassword = false;
            m_ui->proxyNoteLabel->hide();
            updateProxyPasswordHint();
        }
        updateProxyFields();
        validate();
    });
    connect(m_ui->forgetProxyPasswordButton, &QPushButton::clicked, this, &SettingsDialog::forgetProxyPassword);
    connect(m_ui->replaceKeyEdit, &QLineEdit::returnPressed, this, &SettingsDialog::replaceKey);
    connect(m_ui->replaceKeyEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_writingKey && !m_removingKey)
            m_ui->keyStatusLabel->hide();
    });
    connect(m_ui->replaceKeyButton, &QPushButton::clicked, this, &SettingsDialog::replaceKey);
    connect(m_ui->forgetKeyButton, &QPushButton::clicked, this, &SettingsDialog::confirmForgetKey);
    connect(m_ui->profileList, &QListWidget::currentRowChanged, this, &SettingsDialog::updateProfileButtons);
    connect(m_ui->newProfileButton, &QPushButton::clicked, this, &SettingsDialog::askNewProfile);
    connect(m_ui->removeProfileButton, &QPushButton::clicked, this, &SettingsDialog::confirmRemoveProfile);
    connect(m_ui->exportProfilesButton, &QPushButton::clicked, this, &SettingsDialog::browseExportProfiles);
    connect(m_ui->importProfilesButton, &QPushButton::clicked, this, &SettingsDialog::browseImportProfiles);

    connect(&m_keys, &CredentialStore::secretWritten, this, [this](const QString& entry) {
        if (!m_writingKey || entry != CredentialStore::apiKeyEntry(m_settings.profile()))
            return;
        if (m_keyMode == KeyMode::Stored)
            m_api.setApiKey(m_pendingKey);
        m_pendingKey.clear();
        m_ui->replaceKeyEdit->clear();
        setKeyBusy(false);
        showKeyStatus(m_keyMode == KeyMode::Stored
                          ? tr("The new key is stored in %1 and in use.").arg(CredentialStore::backendName())
                          : tr("The new key is stored in %1; this session keeps using the key from "
                               "FAULTSHARE_API_KEY.")
                                .arg(CredentialStore::backendName()),
                      false);
        Q_EMIT keyReplaced();
    });
    connect(&m_keys, &CredentialStore::secretRemoved, this, [this](const QString& entry) {
        if (m_removingProfile.isEmpty())
            return;
        // The API key first, then the proxy password; the settings last.
        if (entry == CredentialStore::apiKeyEntry(m_removingProfile)) {
            m_keys.remove(CredentialStore::proxyEntry(m_removingProfile));
            return;
        }
        if (entry != CredentialStore::proxyEntry(m_removingProfile))
            return;
        const QString name = std::exchange(m_removingProfile, QString());
        m_profiles.remove(name);
        refreshProfiles(m_settings.profile());
        showProfileStatus(tr("Profile “%1” and its key were removed.").arg(name), false);
        Q_EMIT profilesChanged();
    });
    connect(&m_keys, &CredentialStore::failed, this,
            [this](const QString& entry, CredentialStore::Operation operation, const ApiError& error) {
                if (m_removingProfile.isEmpty() || operation != CredentialStore::Operation::Remove
                    || (entry != CredentialStore::apiKeyEntry(m_removingProfile)
                        && entry != CredentialStore::proxyEntry(m_removingProfile)))
                    return;
                // Keeping the settings keeps the profile listed, so the removal can be
                // retried: a profile of that name created later must not find an old key.
                const QString name = std::exchange(m_removingProfile, QString());
                updateProfileButtons();
                showProfileStatus(tr("Profile “%1” was kept because its key or proxy password could not be removed from the keychain: %2")
                                      .arg(name, lowerFirst(error.userMessage())),
                                  true);
            });
    connect(&m_keys, &CredentialStore::secretRemoved, this, [this](const QString& entry) {
        if (!m_removingKey || entry != CredentialStore::apiKeyEntry(m_settings.profile()))
            return;
        setKeyBusy(false);
        showKeyStatus(tr("The stored key was removed from %1.").arg(CredentialStore::backendName()), false);
        Q_EMIT keyForgotten();
    });
    connect(&m_keys, &CredentialStore::failed, this,
            [this](const QString& entry, CredentialStore::Operation operation, const ApiError& error) {
                if (entry != CredentialStore::apiKeyEntry(m_settings.profile()))
                    return;
                if ((operation == CredentialStore::Operation::Write && m_writingKey)
                    || (operation == CredentialStore::Operation::Remove && m_removingKey)) {
                    m_pendingKey.clear();
                    setKeyBusy(false);
                    showKeyStatus(error.userMessage(), true);
                }
            });

    // The proxy password: whether one is stored (never the password itself, which stays
    // in the keychain), and the outcome of the write or removal OK waits for.
    connect(&m_keys, &CredentialStore::secretRead, this, [this](const QString& entry, const QString& secret) {
        if (!m_readingProxyPassword || entry != CredentialStore::proxyEntry(m_settings.profile()))
            return;
        m_readingProxyPassword = false;
        m_proxyPassword = secret.isEmpty() ? ProxyPassword::Missing : ProxyPassword::Stored;
        updateProxyPasswordHint();
        updateProxyFields();
    });
    connect(&m_keys, &CredentialStore::secretMissing, this, [this](const QString& entry) {
        if (!m_readingProxyPassword || entry != CredentialStore::proxyEntry(m_settings.profile()))
            return;
        m_readingProxyPassword = false;
        m_proxyPassword = ProxyPassword::Missing;
        updateProxyPasswordHint();
        updateProxyFields();
    });
    connect(&m_keys, &CredentialStore::secretWritten, this, [this](const QString& entry) {
        if (m_proxyOperation != ProxyOperation::Write || entry != CredentialStore::proxyEntry(m_settings.profile()))
            return;
        m_proxyPassword = ProxyPassword::Stored;
        m_ui->proxyPasswordEdit->clear();
        setProxyBusy(false);
        saveAndClose();
    });
    connect(&m_keys, &CredentialStore::secretRemoved, this, [this](const QString& entry) {
        if (m_proxyOperation != ProxyOperation::Remove || entry != CredentialStore::proxyEntry(m_settings.profile()))
            return;
        m_proxyPassword = ProxyPassword::Missing;
        m_forgetProxyPassword = false;
        setProxyBusy(false);
        saveAndClose();
    });
    connect(&m_keys, &CredentialStore::failed, this,
            [this](const QString& entry, CredentialStore::Operation operation, const ApiError& error) {
                if (entry != CredentialStore::proxyEntry(m_settings.profile()))
                    return;
                if (operation == CredentialStore::Operation::Read && m_readingProxyPassword) {
                    // Not knowing only changes the hint; OK still writes a typed password.
                    m_readingProxyPassword = false;
                    m_proxyPassword = ProxyPassword::Unreadable;
                    return;
                }
                const bool writing = operation == CredentialStore::Operation::Write
                                  && m_proxyOperation == ProxyOperation::Write;
                const bool removing = operation == CredentialStore::Operation::Remove
                                   && m_proxyOperation == ProxyOperation::Remove;
                if (!writing && !removing)
                    return;
                setProxyBusy(false);
                // The dialog stays open with everything as typed, so OK can be pressed again.
                setError(m_ui->proxyErrorLabel,
                         writing ? tr("The proxy password could not be stored: %1").arg(lowerFirst(error.userMessage()))
                                 : tr("The stored proxy password could not be removed: %1")
                                       .arg(lowerFirst(error.userMessage())));
            });

    updateProxyPasswordHint();
    updateProxyFields();
    validate();
    // After the caller has set the key mode: the demo never touches the keychain.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_keychainAllowed = true;
            updateProxyFields();
        },
        Qt::QueuedConnection);
}

SettingsDialog::~SettingsDialog()
{
    m_pendingKey.clear();
}

void SettingsDialog::setKeyMode(KeyMode mode)
{
    m_keyMode = mode;
    const bool demo = mode == KeyMode::Demo;
    // The demo server is throwaway: its address and key are not settings.
    m_ui->apiUrlEdit->setEnabled(!demo);
    m_ui->caFileEdit->setEnabled(!demo);
    m_ui->caFileBrowseButton->setEnabled(!demo);
    m_ui->replaceKeyEdit->setEnabled(!demo);
    m_ui->replaceKeyButton->setEnabled(!demo);
    m_ui->forgetKeyButton->setEnabled(!demo);
    if (demo) {
        showKeyStatus(tr("Demo mode: the connection and the key belong to the demo server and cannot be "
                         "changed."),
                      false);
        m_ui->proxyNoteLabel->setText(
            tr("Demo mode: the demo server is reached without a proxy."));
        m_ui->proxyNoteLabel->show();
    }
    updateProxyFields();
    validate();
}

QUrl SettingsDialog::enteredApiUrl() const
{
    return QUrl(m_ui->apiUrlEdit->text().trimmed(), QUrl::StrictMode);
}

ProxySettings SettingsDialog::enteredProxy() const
{
    ProxySettings proxy = m_settings.proxy();
    proxy.mode = ProxySettings::modeFromName(m_ui->proxyModeCombo->currentData().toString())
                     .value_or(ProxySettings::Mode::System);
    // Fields that do not apply keep what was stored, so switching the mode back and forth
    // loses nothing, and a port never chosen is not written.
    if (proxy.isExplicit()) {
        proxy.host = m_ui->proxyHostEdit->text().trimmed();
        proxy.port = m_ui->proxyPortSpin->value();
        proxy.user = m_ui->proxyUserEdit->text().trimmed();
    }
    return proxy;
}

QString SettingsDialog::checkProxy() const
{
    const ProxySettings proxy = enteredProxy();
    if (const QString why = proxy.check(); !why.isEmpty())
        return why;
    if (proxy.isExplicit() && proxy.user.isEmpty() && !m_ui->proxyPasswordEdit->text().isEmpty())
        return tr("Enter the user name that goes with the proxy password, or clear the password.");
    return {};
}

void SettingsDialog::showProxy(const ProxySettings& proxy)
{
    m_ui->proxyModeCombo->setCurrentIndex(
        std::max(0, m_ui->proxyModeCombo->findData(ProxySettings::modeName(proxy.mode))));
    m_ui->proxyHostEdit->setText(proxy.host);
    m_ui->proxyPortSpin->setValue(proxy.port >= 1 && proxy.port <= 65535 ? proxy.port : DefaultProxyPort);
    m_ui->proxyUserEdit->setText(proxy.user);
}

void SettingsDialog::updateProxyFields()
{
    const bool demo = m_keyMode == KeyMode::Demo;
    // The demo server is on this computer: no proxy applies to it.
    m_ui->networkGroup->setEnabled(!demo);
    const bool idle = m_proxyOperation == ProxyOperation::None;
    const ProxySettings proxy = enteredProxy();
    const bool named = proxy.isExplicit() && idle;
    m_ui->proxyModeCombo->setEnabled(idle);
    for (QWidget* widget : {static_cast<QWidget*>(m_ui->proxyHostLabel), static_cast<QWidget*>(m_ui->proxyHostEdit),
                            static_cast<QWidget*>(m_ui->proxyPortLabel), static_cast<QWidget*>(m_ui->proxyPortSpin),
                            static_cast<QWidget*>(m_ui->proxyUserLabel), static_cast<QWidget*>(m_ui->proxyUserEdit),
                            static_cast<QWidget*>(m_ui->proxyPasswordLabel),
                            static_cast<QWidget*>(m_ui->proxyPasswordEdit)})
        widget->setEnabled(named);
    m_ui->forgetProxyPasswordButton->setEnabled(named && m_proxyPassword == ProxyPassword::Stored
                                                && !m_forgetProxyPassword);
    // Whether a password is stored matters once a user name is there to go with it.
    if (!demo && proxy.needsPassword() && m_proxyPassword == ProxyPassword::Unknown)
        readProxyPassword();
}

void SettingsDialog::readProxyPassword()
{
    if (m_keyMode == KeyMode::Demo || m_readingProxyPassword || !m_keychainAllowed)
        return;
    m_readingProxyPassword = true;
    m_keys.read(CredentialStore::proxyEntry(m_settings.profile()));
}

void SettingsDialog::updateProxyPasswordHint()
{
    QString hint;
    if (m_forgetProxyPassword)
        hint = tr("Removed from %1 when you press OK").arg(CredentialStore::backendName());
    else if (m_proxyPassword == ProxyPassword::Stored)
        hint = tr("Stored in %1; unchanged unless you type a new one").arg(CredentialStore::backendName());
    else if (m_proxyPassword == ProxyPassword::Missing)
        hint = tr("None stored");
    else
        hint = tr("Unchanged unless you type one");
    m_ui->proxyPasswordEdit->setPlaceholderText(hint);
}

void SettingsDialog::forgetProxyPassword()
{
    if (m_proxyPassword != ProxyPassword::Stored || m_proxyOperation != ProxyOperation::None)
        return;
    m_forgetProxyPassword = true;
    m_ui->proxyPasswordEdit->clear();
    m_ui->proxyNoteLabel->setText(
        tr("The stored proxy password will be removed from %1 when you press OK.").arg(CredentialStore::backendName()));
    m_ui->proxyNoteLabel->show();
    updateProxyPasswordHint();
    updateProxyFields();
}

void SettingsDialog::setProxyBusy(bool busy, const QString& status)
{
    if (!busy)
        m_proxyOperation = ProxyOperation::None;
    m_ui->proxyNoteLabel->setText(status);
    m_ui->proxyNoteLabel->setVisible(!status.isEmpty());
    updateProxyFields();
    validate();
}

void SettingsDialog::validate()
{
    QString reason;
    QString proxyReason;
    if (m_keyMode != KeyMode::Demo) {
        reason = ApiClient::checkApiUrl(enteredApiUrl());
        proxyReason = checkProxy();
    }
    setError(m_ui->apiUrlErrorLabel, reason);
    setError(m_ui->proxyErrorLabel, proxyReason);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(reason.isEmpty() && proxyReason.isEmpty() && m_proxyOperation == ProxyOperation::None);
}

void SettingsDialog::updateDefaultExpiryHint()
{
    m_ui->defaultExpiryHintLabel->setText(Countdown::lifetimeText(m_ui->defaultExpirySpin->value()));
}

void SettingsDialog::replaceKey()
{
    if (m_keyMode == KeyMode::Demo || m_writingKey || m_removingKey)
        return;
    const QString key = m_ui->replaceKeyEdit->text().trimmed();
    const QString reason = ApiClient::checkApiKey(key);
    if (!reason.isEmpty()) {
        showKeyStatus(reason, true);
        return;
    }
    m_pendingKey = key;
    m_writingKey = true;
    setKeyBusy(true);
    showKeyStatus(tr("Storing the key in %1…").arg(CredentialStore::backendName()), false);
    // Bound to the API it is entered for: the URL in the form, which OK is about to save.
    const QUrl typed(m_ui->apiUrlEdit->text().trimmed(), QUrl::StrictMode);
    const QUrl apiUrl = ApiClient::checkApiUrl(typed).isEmpty() ? typed : m_settings.apiUrl();
    m_keys.write(CredentialStore::apiKeyEntry(m_settings.profile()), key, Origin::of(apiUrl));
}

void SettingsDialog::confirmForgetKey()
{
    if (m_keyMode == KeyMode::Demo || m_writingKey || m_removingKey)
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
        if (result != QMessageBox::Yes)
            return;
        m_removingKey = true;
        setKeyBusy(true);
        showKeyStatus(tr("Removing the key from %1…").arg(CredentialStore::backendName()), false);
        m_keys.remove(CredentialStore::apiKeyEntry(m_settings.profile()));
    });
    m_forgetConfirm = box;
    box->open();
}

void SettingsDialog::browseCaFile()
{
    if (m_caFileDialog) {
        m_caFileDialog->raise();
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Choose a CA certificate file"),
                                   QFileInfo(m_ui->caFileEdit->text()).absolutePath(),
                                   tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    dialog->setObjectName(u"caFileDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& path) { m_ui->caFileEdit->setText(QDir::toNativeSeparators(path)); });
    m_caFileDialog = dialog;
    dialog->open();
}

void SettingsDialog::setKeyBusy(bool busy)
{
    if (!busy) {
        m_writingKey = false;
        m_removingKey = false;
    }
    const bool enabled = !busy && m_keyMode != KeyMode::Demo;
    m_ui->replaceKeyEdit->setEnabled(enabled);
    m_ui->replaceKeyButton->setEnabled(enabled);
    m_ui->forgetKeyButton->setEnabled(enabled);
}

void SettingsDialog::showKeyStatus(const QString& text, bool isError)
{
    if (isError) {
        setError(m_ui->keyStatusLabel, text);
        return;
    }
    m_ui->keyStatusLabel->setPalette(QPalette());
    m_ui->keyStatusLabel->setText(text);
    m_ui->keyStatusLabel->setVisible(!text.isEmpty());
}

void SettingsDialog::accept()
{
    // OK again while the keychain is still at work: its answer closes the dialog.
    if (m_proxyOperation != ProxyOperation::None)
        return;
    if (m_keyMode != KeyMode::Demo) {
        const QUrl url = enteredApiUrl();
        const QString urlProblem = ApiClient::checkApiUrl(url);
        if (!urlProblem.isEmpty()) {
            setError(m_ui->apiUrlErrorLabel, urlProblem);
            m_ui->apiUrlEdit->setFocus();
            return;
        }
        // The CA file is read again even when its name did not change: the file may have
        // been fixed or replaced since it was applied.
        const QString caFile = m_ui->caFileEdit->text().trimmed();
        if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable()) {
            setError(m_ui->caFileErrorLabel, tr("The file cannot be read; choose an existing PEM file."));
            m_ui->caFileEdit->setFocus();
            return;
        }
        if (!m_api.setCaFile(caFile)) {
            setError(m_ui->caFileErrorLabel,
                     tr("The file holds no PEM certificate; choose the CA bundle your IT provides."));
            m_ui->caFileEdit->setFocus();
            return;
        }
        if (const QString why = checkProxy(); !why.isEmpty()) {
            setError(m_ui->proxyErrorLabel, why);
            m_ui->proxyHostEdit->setFocus();
            return;
        }
        // The keychain first: the settings are saved, and the window re-applies the proxy,
        // only once the password the proxy needs is where the window will read it.
        const ProxySettings proxy = enteredProxy();
        const QString entry = CredentialStore::proxyEntry(m_settings.profile());
        const QString password = m_ui->proxyPasswordEdit->text();
        if (proxy.needsPassword() && !password.isEmpty()) {
            m_proxyOperation = ProxyOperation::Write;
            setProxyBusy(true, tr("Storing the proxy password in %1…").arg(CredentialStore::backendName()));
            m_keys.write(entry, password, Origin::ofProxy(proxy));
            return;
        }
        // A password no longer needed (no named proxy, or no user name) is not kept.
        const bool unwanted = !proxy.needsPassword()
                           && (m_proxyPassword == ProxyPassword::Stored || m_readingProxyPassword);
        if (m_forgetProxyPassword || unwanted) {
            m_proxyOperation = ProxyOperation::Remove;
            setProxyBusy(true, tr("Removing the proxy password from %1…").arg(CredentialStore::backendName()));
            m_keys.remove(entry);
            return;
        }
    }
    saveAndClose();
}

void SettingsDialog::saveAndClose()
{
    if (m_keyMode != KeyMode::Demo) {
        m_settings.setCaFile(m_ui->caFileEdit->text().trimmed());
        // Only what the operator changed is applied, so a session override
        // (--api-url) survives opening and closing the dialog.
        const QUrl url = enteredApiUrl();
        if (url != m_initialApiUrl) {
            // A stored key goes only where it was stored for: dropped from memory, it is
            // read again at the next Generate, which asks before sending it elsewhere.
            if (m_keyMode == KeyMode::Stored && !Origin::same(url, m_api.apiUrl()))
                m_api.setApiKey({});
            m_api.setApiUrl(url);
            m_settings.setApiUrl(url);
            qCInfo(lcUi) << "API URL changed in settings";
        }
        m_settings.setProxy(enteredProxy());
        m_ui->proxyPasswordEdit->clear();
    }
    m_settings.setDefaultMinutes(m_ui->defaultExpirySpin->value());
    m_settings.setClipboardClearDelay(std::chrono::seconds(m_ui->clipboardDelaySpin->value()));
    m_settings.setNotifyEnabled(m_ui->notifyCheck->isChecked());
    m_settings.setNotifyLeadMinutes(m_ui->notifyLeadSpin->value());
    m_settings.setHistoryPurgeDays(m_ui->historyPurgeSpin->value());
    Language::setSetting(m_settings.store(), m_ui->languageCombo->currentData().toString());
    QDialog::accept();
}

void SettingsDialog::refreshProfiles(const QString& select)
{
    const QString keep = select.isEmpty() ? selectedProfile() : select;
    const QSignalBlocker blocker(m_ui->profileList);
    m_ui->profileList->clear();
    for (const QString& name : m_profiles.names()) {
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

QString SettingsDialog::selectedProfile() const
{
    const QListWidgetItem* item = m_ui->profileList->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SettingsDialog::updateProfileButtons()
{
    const QString name = selectedProfile();
    const bool managed = !name.isEmpty() && m_profiles.isManaged(name);
    m_ui->removeProfileButton->setEnabled(m_removingProfile.isEmpty() && !name.isEmpty() && !managed
                                          && name != Settings::defaultProfile() && name != m_settings.profile());
    // A tooltip takes markup when it looks like some: the name is escaped into a paragraph.
    m_ui->removeProfileButton->setToolTip(
        managed ? u"<p>"_s + managedProfileText(name).toHtmlEscaped() + u"</p>"_s : QString());
}

QString SettingsDialog::managedProfileText(const QString& name)
{
    return tr("Profile “%1” is set up for everyone on this computer by its administrator; it cannot be "
              "removed here.")
        .arg(name);
}

void SettingsDialog::showProfileStatus(const QString& text, bool isError)
{
    if (isError) {
        setError(m_ui->profileStatusLabel, text);
        return;
    }
    m_ui->profileStatusLabel->setPalette(QPalette());
    m_ui->profileStatusLabel->setText(text);
    m_ui->profileStatusLabel->setVisible(!text.isEmpty());
}

void SettingsDialog::askNewProfile()
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

bool SettingsDialog::createProfile(const QString& name)
{
    if (const QString why = Profiles::checkName(name); !why.isEmpty()) {
        showProfileStatus(tr("That profile name %1; choose another.").arg(why), true);
        return false;
    }
    if (m_profiles.contains(name)) {
        showProfileStatus(tr("A profile named “%1” already exists; choose another name.").arg(name), true);
        return false;
    }
    m_profiles.add(name);
    refreshProfiles(name);
    showProfileStatus(tr("Profile “%1” was created; switch to it in the main window to set its API URL and key.")
                          .arg(name),
                      false);
    Q_EMIT profilesChanged();
    return true;
}

void SettingsDialog::confirmRemoveProfile()
{
    const QString name = selectedProfile();
    if (!m_removeProfileConfirm.isNull()) {
        m_removeProfileConfirm->raise();
        return;
    }
    if (!m_removingProfile.isEmpty() || name.isEmpty())
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

void SettingsDialog::removeProfile(const QString& name)
{
    if (!m_removingProfile.isEmpty())
        return;
    if (name == Settings::defaultProfile()) {
        showProfileStatus(tr("The profile “%1” cannot be removed; it is always there.").arg(name), true);
        return;
    }
    if (name == m_settings.profile()) {
        showProfileStatus(tr("Profile “%1” is in use; switch to another profile first to remove it.").arg(name), true);
        return;
    }
    if (!m_profiles.contains(name)) {
        showProfileStatus(tr("There is no profile named “%1”; it may have been removed already.").arg(name), true);
        refreshProfiles();
        return;
    }
    if (m_profiles.isManaged(name)) {
        showProfileStatus(managedProfileText(name), true);
        return;
    }
    // The key goes first: the profile (and the chance to retry) stays until it is gone.
    m_removingProfile = name;
    updateProfileButtons();
    showProfileStatus(tr("Removing the key of profile “%1” from %2…").arg(name, CredentialStore::backendName()), false);
    m_keys.remove(CredentialStore::apiKeyEntry(name));
}

void SettingsDialog::browseExportProfiles()
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

void SettingsDialog::browseImportProfiles()
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

bool SettingsDialog::exportProfilesTo(const QString& path)
{
    const QStringList names = m_profiles.names();
    const QByteArray json = m_profiles.exportJson(names);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        showProfileStatus(tr("The profiles could not be written to %1 (%2); choose another place.")
                              .arg(QDir::toNativeSeparators(path), file.errorString()),
                          true);
        return false;
    }
    showProfileStatus(tr("%n profile(s) exported to %1, without keys.", nullptr, int(names.size()))
                          .arg(QDir::toNativeSeparators(path)),
                      false);
    return true;
}

bool SettingsDialog::importProfilesFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showProfileStatus(tr("The file %1 cannot be read (%2); choose another.")
                              .arg(QDir::toNativeSeparators(path), file.errorString()),
                          true);
        return false;
    }
    const QByteArray json = file.read(MaxProfilesFileBytes + 1);
    if (json.size() > MaxProfilesFileBytes) {
        showProfileStatus(tr("The file %1 is too large to be a profiles export; choose a file made by Export.")
                              .arg(QDir::toNativeSeparators(path)),
                          true);
        return false;
    }
    const Profiles::ImportResult check = m_profiles.importJson(json, Profiles::ImportMode::Check);
    if (!check.error.isEmpty()) {
        showProfileStatus(check.error, true);
        return false;
    }
    if (check.changes.isEmpty())
        return applyImport(json);
    // Changes to profiles that exist are listed, and made only on OK: a shared file must
    // not quietly point a profile, and its stored key, somewhere else.
    auto* box = new QMessageBox(QMessageBox::Question, tr("Change existing profiles?"),
                                tr("The file changes profiles that exist:\n\n%1\n\n%2")
                                    .arg(check.changes.join(u'\n'),
                                         check.retargets ? tr("A profile pointed at another API or proxy keeps its stored key or "
                                                              "password only once you confirm it there.")
                                                         : QString())
                                    .trimmed(),
                                QMessageBox::Ok | QMessageBox::Cancel, this);
    box->setObjectName(u"importChangesConfirm"_s);
    box->setTextFormat(Qt::PlainText);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Ok)->setText(tr("&Apply changes"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, json](int result) {
        if (result == QMessageBox::Ok)
            applyImport(json);
        else
            showProfileStatus(tr("Nothing was imported."), false);
    });
    box->open();
    return true;
}

bool SettingsDialog::applyImport(const QByteArray& json)
{
    const Profiles::ImportResult result = m_profiles.importJson(json, Profiles::ImportMode::Apply);
    if (!result.error.isEmpty()) {
        showProfileStatus(result.error, true);
        return false;
    }
    if (result.imported.isEmpty()) {
        showProfileStatus(tr("The file holds no profile, so nothing changed."), false);
        return true;
    }
    if (result.imported.contains(m_settings.profile()) && m_keyMode != KeyMode::Demo) {
        // The profile in use changed underneath: show its new values, which OK applies.
        m_ui->apiUrlEdit->setText(m_settings.apiUrl().toString());
        m_ui->caFileEdit->setText(m_settings.caFile());
        m_ui->defaultExpirySpin->setValue(m_settings.defaultMinutes());
        showProxy(m_settings.proxy());
    }
    refreshProfiles();
    showProfileStatus(tr("Imported %1; their keys are not in the file, so store them after switching to each.")
                          .arg(result.imported.join(u", "_s)),
                      false);
    Q_EMIT profilesChanged();
    return true;
}
