#include "ConnectionPage.h"
#include "ui_ConnectionPage.h"

#include "ApiClient.h"
#include "CredentialStore.h"
#include "KeychainJob.h"
#include "Logging.h"
#include "Origin.h"
#include "Presentation.h"
#include "Settings.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace faultshare {

using namespace Qt::StringLiterals;
using Presentation::lowerFirst;

namespace {

// What the port field shows before a proxy was set: the usual HTTP proxy port.
constexpr int DefaultProxyPort = 8080;

void setError(QLabel* label, const QString& text)
{
    Presentation::showStatus(label, text, true);
}

} // namespace

ConnectionPage::ConnectionPage(Settings& settings, const CredentialStore& keys, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionPage>())
    , m_settings(settings)
    , m_keys(keys)
    , m_initialApiUrl(settings.apiUrl())
{
    m_ui->setupUi(this);
    m_ui->profileLabel->setText(m_settings.profile());
    m_ui->apiUrlEdit->setPlaceholderText(ApiClient::defaultApiUrl().toString());
    using Mode = ProxySettings::Mode;
    m_ui->proxyModeCombo->addItem(tr("Use the system settings"), ProxySettings::modeName(Mode::System));
    m_ui->proxyModeCombo->addItem(tr("No proxy (direct)"), ProxySettings::modeName(Mode::None));
    m_ui->proxyModeCombo->addItem(tr("HTTP proxy"), ProxySettings::modeName(Mode::Http));
    m_ui->proxyModeCombo->addItem(tr("SOCKS5 proxy"), ProxySettings::modeName(Mode::Socks5));
    m_ui->apiUrlErrorLabel->hide();
    m_ui->caFileErrorLabel->hide();
    m_ui->proxyErrorLabel->hide();
    m_ui->proxyNoteLabel->hide();

    connect(m_ui->apiUrlEdit, &QLineEdit::textChanged, this, &ConnectionPage::validate);
    connect(m_ui->caFileEdit, &QLineEdit::textChanged, this, [this] { m_ui->caFileErrorLabel->hide(); });
    connect(m_ui->caFileBrowseButton, &QPushButton::clicked, this, &ConnectionPage::browseCaFile);
    connect(m_ui->proxyModeCombo, &QComboBox::currentIndexChanged, this, [this] {
        updateProxyFields();
        validate();
    });
    connect(m_ui->proxyHostEdit, &QLineEdit::textChanged, this, &ConnectionPage::validate);
    connect(m_ui->proxyPortSpin, &QSpinBox::valueChanged, this, &ConnectionPage::validate);
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
    connect(m_ui->forgetProxyPasswordButton, &QPushButton::clicked, this, &ConnectionPage::forgetProxyPassword);

    // After the caller has set the key mode: the demo never touches the keychain.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_keychainAllowed = true;
            updateProxyFields();
        },
        Qt::QueuedConnection);
}

ConnectionPage::~ConnectionPage() = default;

void ConnectionPage::setKeyMode(SettingsKeyMode mode)
{
    m_keyMode = mode;
    const bool demo = mode == SettingsKeyMode::Demo;
    // The demo server is throwaway: its address is not a setting.
    m_ui->apiUrlEdit->setEnabled(!demo);
    m_ui->caFileEdit->setEnabled(!demo);
    m_ui->caFileBrowseButton->setEnabled(!demo);
    if (demo) {
        m_ui->proxyNoteLabel->setText(tr("Demo mode: the demo server is reached without a proxy."));
        m_ui->proxyNoteLabel->show();
    }
    updateProxyFields();
    validate();
}

void ConnectionPage::load()
{
    m_ui->apiUrlEdit->setText(m_settings.apiUrl().toString());
    m_ui->caFileEdit->setText(m_settings.caFile());
    showProxy(m_settings.proxy());
    if (const QString caFile = m_settings.caFile(); !caFile.isEmpty()) {
        if (const QString why = ApiClient::checkCaFile(caFile); !why.isEmpty())
            setError(m_ui->caFileErrorLabel,
                     tr("The file %1, so only the system's certificates are trusted; choose another or clear the field.")
                         .arg(why));
    }
    updateProxyPasswordHint();
    updateProxyFields();
    validate();
}

bool ConnectionPage::check()
{
    if (m_keyMode == SettingsKeyMode::Demo)
        return true;
    if (const QString why = ApiClient::checkApiUrl(enteredApiUrl()); !why.isEmpty()) {
        setError(m_ui->apiUrlErrorLabel, why);
        m_ui->apiUrlEdit->setFocus();
        return false;
    }
    // The CA file is read again even when its name did not change: the file may have
    // been fixed or replaced since it was applied.
    const QString caFile = enteredCaFile();
    if (!caFile.isEmpty() && !QFileInfo(caFile).isReadable()) {
        setError(m_ui->caFileErrorLabel, tr("The file cannot be read; choose an existing PEM file."));
        m_ui->caFileEdit->setFocus();
        return false;
    }
    if (!caFile.isEmpty() && !ApiClient::checkCaFile(caFile).isEmpty()) {
        setError(m_ui->caFileErrorLabel, tr("The file holds no PEM certificate; choose the CA bundle your IT provides."));
        m_ui->caFileEdit->setFocus();
        return false;
    }
    if (const QString why = checkProxy(); !why.isEmpty()) {
        setError(m_ui->proxyErrorLabel, why);
        m_ui->proxyHostEdit->setFocus();
        return false;
    }
    return true;
}

bool ConnectionPage::storeProxyPassword()
{
    if (m_keyMode == SettingsKeyMode::Demo || isBusy())
        return false;
    const ProxySettings proxy = enteredProxy();
    const QString entry = CredentialStore::proxyEntry(m_settings.profile());
    const QString password = m_ui->proxyPasswordEdit->text();
    if (proxy.needsPassword() && !password.isEmpty()) {
        m_proxyOperation = ProxyOperation::Write;
        setProxyBusy(true, tr("Storing the proxy password in %1…").arg(CredentialStore::backendName()));
        KeychainJob* job = m_keys.write(entry, password, Origin::ofProxy(proxy), this);
        connect(job, &KeychainJob::succeeded, this, [this] {
            m_proxyPassword = ProxyPassword::Stored;
            m_ui->proxyPasswordEdit->clear();
            setProxyBusy(false);
            Q_EMIT proxyPasswordSaved();
        });
        connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
            setProxyBusy(false);
            // Everything stays as typed, so OK can be pressed again.
            setError(m_ui->proxyErrorLabel,
                     tr("The proxy password could not be stored: %1").arg(lowerFirst(error.userMessage())));
        });
        return true;
    }
    // A password no longer needed (no named proxy, or no user name) is not kept.
    const bool unwanted = !proxy.needsPassword()
                       && (m_proxyPassword == ProxyPassword::Stored || m_proxyPassword == ProxyPassword::Reading);
    if (!m_forgetProxyPassword && !unwanted)
        return false;
    m_proxyOperation = ProxyOperation::Remove;
    setProxyBusy(true, tr("Removing the proxy password from %1…").arg(CredentialStore::backendName()));
    KeychainJob* job = m_keys.remove(entry, this);
    connect(job, &KeychainJob::succeeded, this, [this] {
        m_proxyPassword = ProxyPassword::Missing;
        m_forgetProxyPassword = false;
        setProxyBusy(false);
        Q_EMIT proxyPasswordSaved();
    });
    connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
        setProxyBusy(false);
        setError(m_ui->proxyErrorLabel,
                 tr("The stored proxy password could not be removed: %1").arg(lowerFirst(error.userMessage())));
    });
    return true;
}

void ConnectionPage::save()
{
    if (m_keyMode == SettingsKeyMode::Demo)
        return;
    m_settings.setCaFile(enteredCaFile());
    if (const std::optional<QUrl> url = changedApiUrl()) {
        m_settings.setApiUrl(*url);
        qCInfo(lcUi) << "API URL changed in settings";
    }
    m_settings.setProxy(enteredProxy());
    m_ui->proxyPasswordEdit->clear();
}

QUrl ConnectionPage::enteredApiUrl() const
{
    return QUrl(m_ui->apiUrlEdit->text().trimmed(), QUrl::StrictMode);
}

std::optional<QUrl> ConnectionPage::changedApiUrl() const
{
    const QUrl url = enteredApiUrl();
    return url != m_initialApiUrl ? std::optional<QUrl>(url) : std::nullopt;
}

QString ConnectionPage::enteredCaFile() const
{
    return m_ui->caFileEdit->text().trimmed();
}

ProxySettings ConnectionPage::enteredProxy() const
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

QString ConnectionPage::checkProxy() const
{
    const ProxySettings proxy = enteredProxy();
    if (const QString why = proxy.check(); !why.isEmpty())
        return why;
    if (proxy.isExplicit() && proxy.user.isEmpty() && !m_ui->proxyPasswordEdit->text().isEmpty())
        return tr("Enter the user name that goes with the proxy password, or clear the password.");
    return {};
}

void ConnectionPage::showProxy(const ProxySettings& proxy)
{
    m_ui->proxyModeCombo->setCurrentIndex(
        std::max(0, m_ui->proxyModeCombo->findData(ProxySettings::modeName(proxy.mode))));
    m_ui->proxyHostEdit->setText(proxy.host);
    m_ui->proxyPortSpin->setValue(proxy.port >= 1 && proxy.port <= 65535 ? proxy.port : DefaultProxyPort);
    m_ui->proxyUserEdit->setText(proxy.user);
}

void ConnectionPage::updateProxyFields()
{
    const bool demo = m_keyMode == SettingsKeyMode::Demo;
    // The demo server is on this computer: no proxy applies to it.
    m_ui->networkGroup->setEnabled(!demo);
    const bool idle = !isBusy();
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

void ConnectionPage::readProxyPassword()
{
    if (m_keyMode == SettingsKeyMode::Demo || !m_keychainAllowed)
        return;
    m_proxyPassword = ProxyPassword::Reading;
    KeychainJob* job = m_keys.read(CredentialStore::proxyEntry(m_settings.profile()), this);
    const auto known = [this](ProxyPassword password) {
        m_proxyPassword = password;
        updateProxyPasswordHint();
        updateProxyFields();
    };
    connect(job, &KeychainJob::succeeded, this, [known](const QString& secret) {
        known(secret.isEmpty() ? ProxyPassword::Missing : ProxyPassword::Stored);
    });
    connect(job, &KeychainJob::missing, this, [known] { known(ProxyPassword::Missing); });
    // Not knowing only changes the hint; OK still writes a typed password.
    connect(job, &KeychainJob::failed, this, [this] { m_proxyPassword = ProxyPassword::Unreadable; });
}

void ConnectionPage::updateProxyPasswordHint()
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

void ConnectionPage::forgetProxyPassword()
{
    if (m_proxyPassword != ProxyPassword::Stored || isBusy())
        return;
    m_forgetProxyPassword = true;
    m_ui->proxyPasswordEdit->clear();
    m_ui->proxyNoteLabel->setText(
        tr("The stored proxy password will be removed from %1 when you press OK.").arg(CredentialStore::backendName()));
    m_ui->proxyNoteLabel->show();
    updateProxyPasswordHint();
    updateProxyFields();
}

void ConnectionPage::setProxyBusy(bool busy, const QString& status)
{
    if (!busy)
        m_proxyOperation = ProxyOperation::None;
    m_ui->proxyNoteLabel->setText(status);
    m_ui->proxyNoteLabel->setVisible(!status.isEmpty());
    updateProxyFields();
    validate();
}

void ConnectionPage::validate()
{
    QString reason;
    QString proxyReason;
    if (m_keyMode != SettingsKeyMode::Demo) {
        reason = ApiClient::checkApiUrl(enteredApiUrl());
        proxyReason = checkProxy();
    }
    setError(m_ui->apiUrlErrorLabel, reason);
    setError(m_ui->proxyErrorLabel, proxyReason);
    const bool complete = reason.isEmpty() && proxyReason.isEmpty() && !isBusy();
    if (complete != m_complete) {
        m_complete = complete;
        Q_EMIT completeChanged(complete);
    }
}

void ConnectionPage::browseCaFile()
{
    if (m_caFileDialog) {
        m_caFileDialog->raise();
        return;
    }
    auto* dialog = new QFileDialog(this, tr("Choose a CA certificate file"), QFileInfo(m_ui->caFileEdit->text()).absolutePath(),
                                   tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    dialog->setObjectName(u"caFileDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString& path) { m_ui->caFileEdit->setText(QDir::toNativeSeparators(path)); });
    m_caFileDialog = dialog;
    dialog->open();
}

} // namespace faultshare
