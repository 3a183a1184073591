#include "MainWindow.h"
#include "ui_KeyPage.h"
#include "ui_LinkDetails.h"
#include "ui_MainWindow.h"

#include "ApiClient.h"
#include "Clipboard.h"
#include "CredentialStore.h"
#include "ExpiryNotifier.h"
#include "History.h"
#include "HistoryPanel.h"
#include "Jwt.h"
#include "Logging.h"
#include "Presentation.h"
#include "PresentWindow.h"
#include "PreviewDialog.h"
#include "Origin.h"
#include "Profiles.h"
#include "QrCode.h"
#include "QrPrintout.h"
#include "SecretLineEdit.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "ShareFormats.h"
#include "Ticker.h"

#include <QAccessible>
#include <QCloseEvent>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QGroupBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Item data of "Custom…" and "Until…" in the preset combo (the others hold their minutes).
constexpr int CustomPreset = 0;
constexpr int UntilPreset = -1;
constexpr auto CopyFeedbackTime = 2s;
constexpr int StatusMessageMs = 5000;
// A keychain read that takes longer than this gets a hint in the status bar.
constexpr std::chrono::milliseconds KeychainHintDelay{3000};
// Copy QR image: about this many pixels per side, in whole modules.
constexpr int ClipboardQrPixels = 512;
constexpr int MaxQrExportPixels = 20000;
// An expiry warning stays in the status bar this long; the expiry itself stays.
constexpr int NotifyWarningStatusMs = 60000;

} // namespace

MainWindow::MainWindow(ApiClient& api, CredentialStore& keys, Settings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_api(api)
    , m_keys(keys)
    , m_settings(settings)
    , m_clipboard(new Clipboard(this))
    , m_ticker(new Ticker(this))
    , m_retryTimer(new QTimer(this))
    , m_copyFeedbackTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    updateTitle();

    QFont countdownFont = m_ui->countdownLabel->font();
    countdownFont.setPointSizeF(countdownFont.pointSizeF() * 2.0);
    countdownFont.setBold(true);
    m_ui->countdownLabel->setFont(countdownFont);
    QFont titleOfLink = m_ui->resultTitleLabel->font();
    titleOfLink.setPointSizeF(titleOfLink.pointSizeF() * 1.3);
    titleOfLink.setBold(true);
    m_ui->resultTitleLabel->setFont(titleOfLink);
    QFont linkFont = Presentation::linkFont();
    linkFont.setPointSizeF(m_ui->shortLinkLabel->font().pointSizeF() * 1.2);
    m_ui->shortLinkLabel->setFont(linkFont);
    QFont badgeFont = m_ui->demoBadge->font();
    badgeFont.setBold(true);
    m_ui->demoBadge->setFont(badgeFont);
    m_ui->demoBadge->setStyleSheet(
        u"QLabel { background: #f9a825; color: #000; border-radius: 3px; padding: 2px 8px; }"_s);
    m_ui->demoBar->hide();

    m_ui->cancelButton->hide();
    m_ui->busyBar->hide();
    m_ui->errorLabel->hide();
    m_ui->copyFeedbackLabel->hide();
    m_ui->resultStack->setCurrentWidget(m_ui->emptyResultPage);
    m_ui->pages->setCurrentWidget(m_ui->mainPage);
    m_ui->countdownBar->setRange(0, 1000);

    connect(m_ticker, &Ticker::tick, this, &MainWindow::updateCountdown);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_errorIsRateLimit)
            clearError();
        updateGenerateEnabled();
    });
    m_copyFeedbackTimer->setSingleShot(true);
    connect(m_copyFeedbackTimer, &QTimer::timeout, m_ui->copyFeedbackLabel, &QWidget::hide);

    setUpExpiryForm();
    setUpActions();
    setUpSharing();
    connectKeychain();
    connectProxyKeychain();
    setUpNotifications();
    setUpHistory();
    refreshProfiles();
    updateColours();

    connect(m_ui->generateButton, &QPushButton::clicked, this, &MainWindow::generate);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &MainWindow::cancel);
    connect(m_ui->labelEdit, &QLineEdit::returnPressed, this, &MainWindow::generate);
    connect(m_ui->copyLinkButton, &QPushButton::clicked, this, &MainWindow::copyLink);
    connect(m_ui->openLinkButton, &QPushButton::clicked, this, &MainWindow::openLink);

    const QByteArray geometry = m_settings.windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        resize(1000, 820);
        resizeDocks({m_historyDock}, {200}, Qt::Vertical);
    }
    updateGenerateEnabled();
}

MainWindow::~MainWindow()
{
    if (m_request)
        m_request->cancel();
    m_pendingKey.clear();
    // QWidget's destructor hides the children, and a hidden dock reports it: by then this
    // is no MainWindow any more.
    m_historyDock->disconnect(this);
}

void MainWindow::setUpExpiryForm()
{
    auto* combo = m_ui->expiryPresetCombo;
    combo->addItem(tr("15 minutes"), 15);
    combo->addItem(tr("1 hour"), 60);
    combo->addItem(tr("8 hours (a shift)"), 8 * 60);
    combo->addItem(tr("12 hours"), 12 * 60);
    combo->addItem(tr("24 hours"), 24 * 60);
    combo->addItem(tr("7 days"), 7 * 24 * 60);
    combo->addItem(tr("30 days"), 30 * 24 * 60);
    combo->addItem(tr("Custom…"), CustomPreset);
    combo->addItem(tr("Until…"), UntilPreset);

    m_ui->customUnitCombo->addItem(tr("minutes"), 1);
    m_ui->customUnitCombo->addItem(tr("hours"), 60);
    m_ui->customUnitCombo->addItem(tr("days"), 24 * 60);
    m_ui->customValueSpin->setRange(0, 99999);

    applyDefaultExpiry();

    connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::onPresetChanged);
    connect(m_ui->customValueSpin, &QSpinBox::valueChanged, this, &MainWindow::validateExpiry);
    connect(m_ui->customUnitCombo, &QComboBox::currentIndexChanged, this, &MainWindow::validateExpiry);
    // Wall-clock date and time; expiryChoice() resolves them in the system zone itself.
    m_ui->untilEdit->setTimeSpec(Qt::LocalTime);
    connect(m_ui->untilEdit, &QDateTimeEdit::dateTimeChanged, this, &MainWindow::validateExpiry);
    onPresetChanged();
}

void MainWindow::applyDefaultExpiry()
{
    auto* combo = m_ui->expiryPresetCombo;
    // The default validity: a preset when one matches, else Custom in the largest
    // unit that divides it.
    const int defaultMinutes = std::clamp(m_settings.defaultMinutes(), ApiClient::MinMinutes, ApiClient::MaxMinutes);
    const int preset = combo->findData(defaultMinutes);
    combo->setCurrentIndex(preset >= 0 ? preset : combo->findData(CustomPreset));
    int unitIndex = 0;
    for (int i = m_ui->customUnitCombo->count() - 1; i >= 0; --i) {
        if (defaultMinutes % m_ui->customUnitCombo->itemData(i).toInt() == 0) {
            unitIndex = i;
            break;
        }
    }
    m_ui->customUnitCombo->setCurrentIndex(unitIndex);
    m_ui->customValueSpin->setValue(defaultMinutes / m_ui->customUnitCombo->itemData(unitIndex).toInt());
}

void MainWindow::setUpActions()
{
    m_ui->generateAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return),
                                        QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    QList<QKeySequence> settingsKeys{QKeySequence(Qt::CTRL | Qt::Key_Comma)};
    const QKeySequence preferences(QKeySequence::Preferences);
    if (!preferences.isEmpty() && !settingsKeys.contains(preferences))
        settingsKeys << preferences;
    m_ui->settingsAction->setShortcuts(settingsKeys);
    m_ui->cancelAction->setEnabled(false);
    // Window-wide, so the shortcuts work from any field (and with a native menu bar).
    addActions({m_ui->generateAction, m_ui->cancelAction, m_ui->copyLinkAction, m_ui->openLinkAction,
                m_ui->copyTokenAction, m_ui->settingsAction, m_ui->quitAction});
    setResultActionsEnabled(false, false);

    connect(m_ui->generateAction, &QAction::triggered, this, &MainWindow::generate);
    connect(m_ui->cancelAction, &QAction::triggered, this, &MainWindow::cancel);
    connect(m_ui->copyLinkAction, &QAction::triggered, this, &MainWindow::copyLink);
    connect(m_ui->openLinkAction, &QAction::triggered, this, &MainWindow::openLink);
    connect(m_ui->copyTokenAction, &QAction::triggered, this, &MainWindow::copyToken);
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    addAction(m_ui->presentAction);
    connect(m_ui->presentAction, &QAction::triggered, this, &MainWindow::present);
    addAction(m_ui->previewAction);
    const auto previewCurrent = [this] {
        if (m_token && !m_expired)
            preview(*m_token, m_ui->resultTitleLabel->text(), {});
    };
    connect(m_ui->previewAction, &QAction::triggered, this, previewCurrent);
    connect(m_ui->previewButton, &QPushButton::clicked, this, previewCurrent);
}

Ui::KeyPage& MainWindow::keyUi()
{
    if (m_keyUi)
        return *m_keyUi;
    m_keyUi = std::make_unique<Ui::KeyPage>();
    m_keyPage = new QWidget;
    m_keyUi->setupUi(m_keyPage);
    m_ui->pages->insertWidget(0, m_keyPage);

    QFont titleFont = m_keyUi->keyTitleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_keyUi->keyTitleLabel->setFont(titleFont);
    m_keyUi->keyPanel->setMinimumWidth(420);
    m_keyUi->keychainLabel->setText(
        tr("The key is stored in %1 on this computer, never in a file.").arg(CredentialStore::backendName()));
    m_keyUi->keyErrorLabel->hide();
    Presentation::setTextColour(m_keyUi->keyErrorLabel, Presentation::errorColour(palette()));
    m_keyUi->retryKeychainButton->hide();

    connect(m_keyUi->saveKeyButton, &QPushButton::clicked, this, &MainWindow::saveKey);
    connect(m_keyUi->apiKeyEdit, &QLineEdit::returnPressed, this, &MainWindow::saveKey);
    connect(m_keyUi->apiKeyEdit, &QLineEdit::textEdited, this, [this] {
        if (!m_savingKey)
            m_keyUi->keyErrorLabel->hide();
    });
    connect(m_keyUi->retryKeychainButton, &QPushButton::clicked, this, &MainWindow::readKeyFromKeychain);
    connect(m_keyUi->tryDemoButton, &QPushButton::clicked, this, &MainWindow::demoRequested);
    return *m_keyUi;
}

Ui::LinkDetails& MainWindow::detailsUi()
{
    if (m_detailsUi)
        return *m_detailsUi;
    m_detailsUi = std::make_unique<Ui::LinkDetails>();
    m_detailsGroup = new QGroupBox;
    m_detailsUi->setupUi(m_detailsGroup);
    m_detailsGroup->hide(); // until there is a link (showResult)
    // Between the form and the spacer below it, taking the column's spare height.
    m_ui->leftColumnLayout->insertWidget(1, m_detailsGroup, 1);
    connect(m_detailsUi->copyTokenButton, &QPushButton::clicked, this, &MainWindow::copyToken);
    // Ctrl+C, Ctrl+Insert and Copy in the token field: the same secret copy as the button.
    connect(m_detailsUi->tokenEdit, &SecretLineEdit::copyRequested, this, &MainWindow::copyToken);
    connect(m_detailsUi->revealTokenButton, &QPushButton::toggled, this, &MainWindow::setTokenRevealed);
    return *m_detailsUi;
}

bool MainWindow::onKeyPage() const
{
    return m_keyPage && m_ui->pages->currentWidget() == m_keyPage;
}

void MainWindow::connectKeychain()
{
    // Whatever the keychain says of any profile's key is noted for the next start
    // (Settings::keyStored); a removed key is forgotten rather than noted, so that noting
    // never brings back the settings of a profile being removed.
    const auto note = [this](const QString& entry, std::optional<bool> stored) {
        const QString profile = CredentialStore::profileOfApiKeyEntry(entry);
        if (!profile.isEmpty())
            Settings(m_settings.store(), profile).setKeyStored(stored);
    };
    connect(&m_keys, &CredentialStore::secretRead, this, [note](const QString& entry) { note(entry, true); });
    connect(&m_keys, &CredentialStore::secretWritten, this, [note](const QString& entry) { note(entry, true); });
    connect(&m_keys, &CredentialStore::secretMissing, this, [note](const QString& entry) { note(entry, false); });
    connect(&m_keys, &CredentialStore::secretRemoved, this,
            [note](const QString& entry) { note(entry, std::nullopt); });

    connect(&m_keys, &CredentialStore::secretRead, this,
            [this](const QString& entry, const QString& key, const QString& origin) {
        if (entry != CredentialStore::apiKeyEntry(m_settings.profile()) || !m_readingKey)
            return;
        m_readingKey = false;
        statusBar()->clearMessage();
        if (m_keySource == KeySource::Session || m_keySource == KeySource::Demo)
            return;
        // The key goes only to the API it was stored for; a changed URL (the profile's, or
        // --api-url) asks first.
        const QString current = Origin::of(m_api.apiUrl());
        if (!origin.isEmpty() && origin != current) {
            confirmKeyOrigin(key, origin, current);
            return;
        }
        // Stored before keys were bound: bound now, to the API it is used with.
        if (origin.isEmpty())
            m_keys.write(entry, key, current);
        useKeychainKey(key);
    });
    connect(&m_keys, &CredentialStore::secretMissing, this, [this](const QString& entry) {
        if (entry != CredentialStore::apiKeyEntry(m_settings.profile()) || !m_readingKey)
            return;
        m_readingKey = false;
        m_generateAfterRead = false;
        statusBar()->clearMessage();
        if (m_keySource == KeySource::Keychain && !m_api.hasApiKey()) {
            // It was there when last asked: removed since, outside FaultShare.
            setKeySource(KeySource::None);
            showKeyPage();
            keyUi().keyErrorLabel->setText(tr("The key of this profile is no longer in %1; enter it again.")
                                             .arg(CredentialStore::backendName()));
            keyUi().keyErrorLabel->show();
        } else if (m_keySource == KeySource::None) {
            showKeyPage();
        }
    });
    connect(&m_keys, &CredentialStore::secretWritten, this, [this](const QString& entry) {
        if (entry != CredentialStore::apiKeyEntry(m_settings.profile()) || !m_savingKey)
            return;
        m_savingKey = false;
        m_api.setApiKey(m_pendingKey);
        m_pendingKey.clear();
        keyUi().apiKeyEdit->clear();
        keyUi().saveKeyButton->setEnabled(true);
        keyUi().apiKeyEdit->setEnabled(true);
        setKeySource(KeySource::Keychain);
        showMainPage();
        statusBar()->showMessage(tr("The key is stored in %1.").arg(CredentialStore::backendName()),
                                 StatusMessageMs);
    });
    connect(&m_keys, &CredentialStore::secretRemoved, this, [this](const QString& entry) {
        if (entry != CredentialStore::apiKeyEntry(m_settings.profile()) || m_keySource != KeySource::Keychain)
            return;
        // The window was using the key that is gone.
        m_api.setApiKey({});
        setKeySource(KeySource::None);
        showKeyPage();
    });
    connect(&m_keys, &CredentialStore::failed, this,
            [this](const QString& entry, CredentialStore::Operation operation, const ApiError& error) {
                if (entry != CredentialStore::apiKeyEntry(m_settings.profile()))
                    return;
                if (operation == CredentialStore::Operation::Read && m_readingKey) {
                    m_readingKey = false;
                    m_generateAfterRead = false;
                    statusBar()->clearMessage();
                    if (m_keySource != KeySource::None && m_api.hasApiKey())
                        return;
                    // No key to work with: not read yet (start, or the first Generate).
                    setKeySource(KeySource::None);
                    showKeyPage();
                    keyUi().keyErrorLabel->setText(error.userMessage());
                    keyUi().keyErrorLabel->show();
                    keyUi().retryKeychainButton->show();
                } else if (operation == CredentialStore::Operation::Write && m_savingKey) {
                    // The typed key stays in the field so the operator can retry.
                    m_savingKey = false;
                    m_pendingKey.clear();
                    keyUi().saveKeyButton->setEnabled(true);
                    keyUi().apiKeyEdit->setEnabled(true);
                    keyUi().keyErrorLabel->setText(error.userMessage());
                    keyUi().keyErrorLabel->show();
                    keyUi().apiKeyEdit->setFocus();
                }
            });
}

void MainWindow::start()
{
    // After the first frame: the history's panel and metadata, the tray icon (asking the
    // desktop whether it has a tray takes round trips), then the key.
    historyPanel();
    m_history->load();
    m_history->purge(now(), m_settings.historyPurgeDays());
    m_started = true;
    updateTrayIcon();
    applyCaFile();
    applyProxy();
    if (m_keySource != KeySource::None) {
        showMainPage();
        return;
    }
    useStoredKey();
}

void MainWindow::showEvent(QShowEvent* event)
{
    // The first frame shows the page the settings already know is right: the first-run
    // page when no key is stored, rather than the main page for a moment before start().
    if (!m_started && m_keySource == KeySource::None && m_settings.keyStored() == std::optional<bool>(false))
        showKeyPage();
    QMainWindow::showEvent(event);
}

void MainWindow::useStoredKey()
{
    // What the keychain last said of this profile's key picks the page; the key itself is
    // read at the first Generate. Asking the keychain loads its client libraries (on Linux
    // libsecret, GIO, libgcrypt) and may prompt, so it waits until the key is needed.
    const std::optional<bool> stored = m_settings.keyStored();
    if (!stored) {
        readKeyFromKeychain();
    } else if (*stored) {
        setKeySource(KeySource::Keychain);
        showMainPage();
    } else {
        showKeyPage();
    }
}

void MainWindow::readKeyFromKeychain()
{
    // A read still running for another profile is answered for that entry, and ignored.
    m_readingKey = true;
    if (m_keyUi) {
        m_keyUi->keyErrorLabel->hide();
        m_keyUi->retryKeychainButton->hide();
    }
    statusBar()->showMessage(tr("Reading the API key or token from %1…").arg(CredentialStore::backendName()));
    m_keys.read(CredentialStore::apiKeyEntry(m_settings.profile()));
    updateGenerateEnabled();
    // The window keeps waiting (an operator may be typing the keyring's password), and
    // says where the answer may be held up.
    QTimer::singleShot(KeychainHintDelay, this, [this] {
        if (m_readingKey)
            statusBar()->showMessage(tr("No answer yet from %1: a prompt to unlock it may be waiting on the screen.")
                                         .arg(CredentialStore::backendName()));
    });
}

void MainWindow::applyCaFile()
{
    // Never skipped silently: with a file that cannot be used only the system store is
    // trusted, and the operator has to know why a company server is then refused.
    const QString caFile = m_settings.caFile();
    if (isDemo() || m_api.setCaFile(caFile))
        return;
    m_caFileProblem = tr("The CA file of this profile (%1) %2, so only the system's certificates are trusted; "
                         "choose another file in Settings.")
                          .arg(QDir::toNativeSeparators(caFile), ApiClient::checkCaFile(caFile));
    showError(m_caFileProblem);
    qCWarning(lcUi) << "the profile's CA file cannot be used; only the system store is trusted";
}

void MainWindow::applyProxy()
{
    // The demo server is on this computer: no proxy of a profile applies to it.
    if (isDemo())
        return;
    const ProxySettings proxy = m_settings.proxy();
    if (!proxy.needsPassword()) {
        m_readingProxyPassword = false;
        m_api.setProxy(proxy);
        updateGenerateEnabled();
        return;
    }
    m_readingProxyPassword = true;
    m_keys.read(CredentialStore::proxyEntry(m_settings.profile()));
    updateGenerateEnabled();
}

void MainWindow::connectProxyKeychain()
{
    const auto done = [this](const QString& password) {
        m_readingProxyPassword = false;
        ProxySettings proxy = m_settings.proxy();
        proxy.password = password;
        m_api.setProxy(proxy);
        updateGenerateEnabled();
    };
    connect(&m_keys, &CredentialStore::secretRead, this,
            [this, done](const QString& entry, const QString& password, const QString& origin) {
        if (!m_readingProxyPassword || entry != CredentialStore::proxyEntry(m_settings.profile()))
            return;
        // The password goes only to the proxy it was stored for.
        const QString current = Origin::ofProxy(m_settings.proxy());
        if (!origin.isEmpty() && origin != current) {
            done({});
            showError(tr("The proxy password of profile “%1” was stored for %2, and the proxy is now %3: enter the password "
                         "again in Settings.")
                          .arg(m_settings.profile(), Origin::hostText(origin), Origin::hostText(current)));
            return;
        }
        done(password);
    });
    // No password stored: the proxy's answer says whether it needs one.
    connect(&m_keys, &CredentialStore::secretMissing, this, [this, done](const QString& entry) {
        if (m_readingProxyPassword && entry == CredentialStore::proxyEntry(m_settings.profile()))
            done({});
    });
    connect(&m_keys, &CredentialStore::failed, this,
            [this, done](const QString& entry, CredentialStore::Operation operation, const ApiError& error) {
                if (!m_readingProxyPassword || operation != CredentialStore::Operation::Read
                    || entry != CredentialStore::proxyEntry(m_settings.profile()))
                    return;
                done({});
                showError(error.userMessage());
            });
}

void MainWindow::useSessionKey(const QString& key)
{
    m_api.setApiKey(key);
    if (m_keySource != KeySource::Demo)
        setKeySource(KeySource::Session);
    qCInfo(lcUi) << "using the API key from the environment for this session";
    showMainPage();
}

void MainWindow::useDemo(const QUrl& apiUrl, const QString& key)
{
    m_api.setApiUrl(apiUrl);
    m_api.setApiKey(key);
    ProxySettings direct;
    direct.mode = ProxySettings::Mode::None;
    m_readingProxyPassword = false;
    m_api.setProxy(direct);
    setKeySource(KeySource::Demo);
    if (!m_demoHistory) {
        m_demoHistory = new History(nullptr, nullptr, this);
        if (m_historyPanel)
            m_historyPanel->setHistory(m_demoHistory);
    }
    qCInfo(lcUi) << "demo mode on" << apiUrl.toString();
    showMainPage();
}

bool MainWindow::isDemo() const
{
    return m_keySource == KeySource::Demo;
}

void MainWindow::setClock(Clock clock)
{
    m_ticker->setClock(std::move(clock));
    validateExpiry();
    if (m_token && !m_expired)
        updateCountdown();
    if (m_presentWindow)
        m_presentWindow->refresh();
    m_notifier->check();
}

void MainWindow::setKeySource(KeySource source)
{
    m_keySource = source;
    const bool demo = source == KeySource::Demo;
    m_ui->demoBar->setVisible(demo);
    if (m_settingsDialog)
        m_settingsDialog->setKeyMode(demo ? SettingsDialog::KeyMode::Demo
                                          : source == KeySource::Session ? SettingsDialog::KeyMode::Session
                                                                         : SettingsDialog::KeyMode::Stored);
    refreshProfiles(); // the switcher is fixed in demo mode and with a session key
    updateGenerateEnabled();
}

void MainWindow::updateTitle()
{
    // Never a token, key or link here: titles end up in task switchers and screen shares.
    if (isDemo())
        setWindowTitle(tr("FaultShare — Demo"));
    else if (m_ui->profileCombo->count() > 1)
        setWindowTitle(tr("FaultShare — %1").arg(m_settings.profile()));
    else
        setWindowTitle(tr("FaultShare"));
}

void MainWindow::showKeyPage()
{
    keyUi();
    m_ui->pages->setCurrentWidget(m_keyPage);
    keyUi().keyErrorLabel->hide();
    keyUi().retryKeychainButton->hide();
    keyUi().apiKeyEdit->setFocus();
    updateGenerateEnabled();
}

void MainWindow::showMainPage()
{
    const bool wasKeyPage = onKeyPage();
    m_ui->pages->setCurrentWidget(m_ui->mainPage);
    if (wasKeyPage || !m_ui->mainPage->isAncestorOf(focusWidget()))
        m_ui->expiryPresetCombo->setFocus();
    updateGenerateEnabled();
}

void MainWindow::saveKey()
{
    if (m_savingKey)
        return;
    const QString key = keyUi().apiKeyEdit->text().trimmed();
    const QString reason = ApiClient::checkApiKey(key);
    if (!reason.isEmpty()) {
        keyUi().keyErrorLabel->setText(reason);
        keyUi().keyErrorLabel->show();
        keyUi().apiKeyEdit->setFocus();
        return;
    }
    m_savingKey = true;
    m_pendingKey = key;
    keyUi().keyErrorLabel->hide();
    keyUi().retryKeychainButton->hide();
    keyUi().saveKeyButton->setEnabled(false);
    keyUi().apiKeyEdit->setEnabled(false);
    statusBar()->showMessage(tr("Storing the key in %1…").arg(CredentialStore::backendName()));
    m_keys.write(CredentialStore::apiKeyEntry(m_settings.profile()), key, Origin::of(m_api.apiUrl()));
}

ExpiryInput::ExpiryChoice MainWindow::expiryChoice() const
{
    const int preset = m_ui->expiryPresetCombo->currentData().toInt();
    if (preset == UntilPreset) {
        const QDateTime until = m_ui->untilEdit->dateTime();
        return ExpiryInput::untilLocal(now(), until.date(), until.time(), QTimeZone::systemTimeZone());
    }
    if (preset != CustomPreset)
        return ExpiryInput::fromValue(preset, ExpiryInput::Unit::Minutes);
    const int unitMinutes = m_ui->customUnitCombo->currentData().toInt();
    const ExpiryInput::Unit unit = unitMinutes == ExpiryInput::minutesPerUnit(ExpiryInput::Unit::Days)
        ? ExpiryInput::Unit::Days
        : unitMinutes == ExpiryInput::minutesPerUnit(ExpiryInput::Unit::Hours) ? ExpiryInput::Unit::Hours
                                                                              : ExpiryInput::Unit::Minutes;
    return ExpiryInput::fromValue(m_ui->customValueSpin->value(), unit);
}

std::optional<int> MainWindow::selectedMinutes() const
{
    const ExpiryInput::ExpiryChoice choice = expiryChoice();
    if (!choice.isValid())
        return std::nullopt;
    return choice.minutes;
}

void MainWindow::onPresetChanged()
{
    const int preset = m_ui->expiryPresetCombo->currentData().toInt();
    const bool custom = preset == CustomPreset;
    const bool until = preset == UntilPreset;
    m_ui->customValueSpin->setEnabled(custom && !m_request);
    m_ui->customUnitCombo->setEnabled(custom && !m_request);
    m_ui->customLabel->setEnabled(custom);
    if (until && m_ui->untilEdit->dateTime() <= now().toLocalTime()) {
        // A sensible start: an hour from now, on the minute.
        const QDateTime start = now().toLocalTime().addSecs(3600);
        const QSignalBlocker blocker(m_ui->untilEdit);
        m_ui->untilEdit->setDateTime(QDateTime(start.date(), QTime(start.time().hour(), start.time().minute())));
    }
    m_ui->expiryForm->setRowVisible(m_ui->untilEdit, until);
    m_ui->untilEdit->setEnabled(until && !m_request);
    validateExpiry();
}

void MainWindow::validateExpiry()
{
    const ExpiryInput::ExpiryChoice choice = expiryChoice();
    if (choice.isValid()) {
        m_ui->expiryHintLabel->setPalette(QPalette());
        const QDateTime until = choice.until.isValid() ? choice.until : now().addSecs(60LL * choice.minutes);
        const QDateTime local = until.toTimeZone(QTimeZone::systemTimeZone());
        QString text = tr("The link works for %1 (until %2)")
                           .arg(Countdown::lifetimeText(choice.minutes), QLocale().toString(local, QLocale::ShortFormat));
        if (!choice.note.isEmpty())
            text += u'\n' + choice.note;
        m_ui->expiryHintLabel->setText(text);
    } else {
        Presentation::setTextColour(m_ui->expiryHintLabel, Presentation::errorColour(palette()));
        m_ui->expiryHintLabel->setText(choice.whyNot);
    }
    updateGenerateEnabled();
}

void MainWindow::updateGenerateEnabled()
{
    // With the stored key not read yet, Generate reads it first.
    const bool haveKey = m_api.hasApiKey() || m_keySource == KeySource::Keychain;
    const bool ready = !m_request && !m_readingKey && !m_readingProxyPassword && selectedMinutes().has_value() && haveKey
        && !m_retryTimer->isActive() && m_ui->pages->currentWidget() == m_ui->mainPage;
    m_ui->generateButton->setEnabled(ready);
    m_ui->generateAction->setEnabled(ready);
}

void MainWindow::generate()
{
    // "Until…" may have passed since it was checked; the minutes are counted from now.
    validateExpiry();
    if (!m_ui->generateButton->isEnabled())
        return;
    if (!m_api.hasApiKey()) {
        // The stored key is read now (useStoredKey); Generate goes on with its answer.
        m_generateAfterRead = true;
        readKeyFromKeychain();
        return;
    }
    const std::optional<int> minutes = selectedMinutes();
    m_pendingLabel = m_ui->labelEdit->text().simplified();
    m_request = m_api.requestToken(*minutes);
    connect(m_request, &TokenRequest::finished, this, &MainWindow::onTokenReceived);
    connect(m_request, &TokenRequest::failed, this, &MainWindow::onTokenFailed);
    statusBar()->clearMessage();
    setBusy(true);
}

void MainWindow::cancel()
{
    if (!m_request)
        return;
    // Leave the busy state now: whatever the request still reports is no longer ours.
    TokenRequest* request = m_request;
    m_request = nullptr;
    request->disconnect(this);
    request->cancel();
    setBusy(false);
    statusBar()->showMessage(tr("Cancelled"), StatusMessageMs);
}

void MainWindow::setBusy(bool busy)
{
    const bool custom = m_ui->expiryPresetCombo->currentData().toInt() == CustomPreset;
    m_ui->expiryPresetCombo->setEnabled(!busy);
    m_ui->customValueSpin->setEnabled(!busy && custom);
    m_ui->customUnitCombo->setEnabled(!busy && custom);
    m_ui->untilEdit->setEnabled(!busy && m_ui->expiryPresetCombo->currentData().toInt() == UntilPreset);
    m_ui->labelEdit->setEnabled(!busy);
    m_ui->busyBar->setVisible(busy);
    m_ui->cancelButton->setVisible(busy);
    m_ui->cancelAction->setEnabled(busy);
    updateGenerateEnabled();
    if (busy)
        m_ui->cancelButton->setFocus();
    else if (!focusWidget() || !focusWidget()->isEnabled() || !focusWidget()->isVisible())
        m_ui->generateButton->setFocus();
}

void MainWindow::onTokenReceived(const EmbedToken& token)
{
    m_request = nullptr;
    setBusy(false);
    clearError();
    history().purge(now(), m_settings.historyPurgeDays());
    const QString id = history().add(token, m_pendingLabel, isDemo() ? tr("Demo") : m_settings.profile());
    showToken(token, m_pendingLabel);
    historyPanel()->select(id);
    qCInfo(lcUi) << "token received, valid for" << token.expiresInMinutes() << "minutes";
}

void MainWindow::showToken(const EmbedToken& token, const QString& label)
{
    m_token = token;
    m_ui->resultTitleLabel->setText(label);
    m_ui->resultTitleLabel->setVisible(!label.isEmpty());
    showResult();
    if (m_settings.notifyEnabled() && !m_expired)
        m_notifier->setToken(token.expiresAt());
    else
        m_notifier->stop();
    // An open present window follows the newest link.
    if (m_presentWindow)
        m_presentWindow->updateToken(token, label);
}

void MainWindow::onTokenFailed(const ApiError& error)
{
    m_request = nullptr;
    setBusy(false);
    if (error.kind() == ApiError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Cancelled"), StatusMessageMs);
        return;
    }
    QString message = error.userMessage();
    m_errorIsRateLimit = false;
    if (error.kind() == ApiError::Kind::RateLimited && error.retryAfter()) {
        const std::chrono::seconds wait = std::max(*error.retryAfter(), std::chrono::seconds(1));
        m_retryTimer->start(wait);
        // The server's message says how long; for longer waits also say until when, within
        // the same sentence.
        if (wait >= 60s && message.endsWith(u'.')) {
            const QTime until = QTime::currentTime().addSecs(int(wait.count()));
            message = message.chopped(1) + u' ' + tr("(at %1).").arg(QLocale().toString(until, QLocale::ShortFormat));
        }
        m_errorIsRateLimit = true;
        updateGenerateEnabled();
    }
    showError(message);
    qCInfo(lcUi) << "token request failed, kind" << int(error.kind()) << "status" << error.httpStatus();
}

void MainWindow::showError(const QString& message)
{
    Presentation::setTextColour(m_ui->errorLabel, Presentation::errorColour(palette()));
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        // Screen readers announce it: the focus stays where it was.
        QAccessibleEvent alert(m_ui->errorLabel, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void MainWindow::clearError()
{
    m_errorIsRateLimit = false;
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
}

void MainWindow::showResult()
{
    const EmbedToken& token = *m_token;
    const QUrl link = token.shortLink();
    m_link = EmbedToken::isShareableUrl(link) ? link.toString(QUrl::FullyEncoded) : QString();
    m_expired = false;
    m_phase.reset();

    if (!m_link.isEmpty()) {
        showQrCode();
        m_ui->shortLinkLabel->setText(m_link);
        m_ui->shortLinkLabel->setToolTip(m_link);
    } else {
        // The token was made all the same: it stays, below, for whoever can use it.
        m_ui->qrView->clear(tr("The API sent no link to share (%1); the token below is all there is.").arg(token.linkProblem()));
        m_ui->shortLinkLabel->clear();
    }
    m_ui->shortLinkLabel->setVisible(!m_link.isEmpty());
    setResultActionsEnabled(!m_link.isEmpty(), true);
    m_ui->copyFeedbackLabel->hide();
    m_ui->expiryLabel->setText(tr("Expires %1").arg(Countdown::expiryText(token.expiresAt())));

    detailsUi().revealTokenButton->setChecked(false);
    setTokenRevealed(false);
    detailsUi().tokenEdit->setText(token.token());
    detailsUi().tokenEdit->setCursorPosition(0);

    const std::optional<Jwt> jwt = Jwt::decode(token.token().toUtf8());
    const QString algorithm = jwt ? jwt->header.value(u"alg").toString() : QString();
    detailsUi().tokenTypeLabel->setText(algorithm.isEmpty() ? token.type()
                                                      : tr("%1 (%2)").arg(token.type(), algorithm));
    if (jwt) {
        QString claims = QString::fromUtf8(QJsonDocument(jwt->claims).toJson(QJsonDocument::Indented)).trimmed();
        QStringList readable;
        for (const QLatin1StringView name : {"iat"_L1, "nbf"_L1, "exp"_L1}) {
            const QDateTime when = jwt->timeClaim(name);
            if (when.isValid())
                readable << tr("%1: %2").arg(name, Countdown::expiryText(when));
        }
        if (!readable.isEmpty())
            claims += u"\n\n"_s + readable.join(u'\n');
        detailsUi().claimsView->setPlainText(claims);
    } else {
        detailsUi().claimsView->setPlainText(tr("The token is not a JWT whose claims can be read."));
    }

    if (!token.serverDate().isValid())
        detailsUi().clockSkewLabel->setText(tr("Unknown: the server did not send its time"));
    else if (token.hasSignificantSkew())
        // Short enough for one line of the details: the direction in words, not a sign.
        detailsUi().clockSkewLabel->setText((token.clockSkew() > 0ms ? tr("Server %1 ahead; countdown follows it")
                                                               : tr("Server %1 behind; countdown follows it"))
                                          .arg(Countdown::skewText(token.clockSkew())));
    else
        detailsUi().clockSkewLabel->setText(tr("In sync"));

    m_ui->resultStack->setCurrentWidget(m_ui->resultPanel);
    detailsUi();
    m_detailsGroup->show();
    m_ticker->setReference(this, token.localExpiresAt());
    updateCountdown();
}

QDateTime MainWindow::now() const
{
    return m_ticker->now();
}

QDateTime MainWindow::tokenNow() const
{
    const QDateTime local = now();
    return m_token && m_token->hasSignificantSkew() ? m_token->serverNow(local) : local;
}

void MainWindow::updateCountdown()
{
    if (!m_token || m_expired)
        return;
    const QDateTime current = tokenNow();
    const QDateTime issuedAt = m_token->issuedAt();
    const QDateTime expiresAt = m_token->expiresAt();
    const std::chrono::milliseconds remaining = Countdown::remaining(current, expiresAt);
    const Countdown::Phase phase = Countdown::phase(current, issuedAt, expiresAt);

    m_ui->countdownLabel->setText(Countdown::text(remaining));
    m_ui->countdownBar->setValue(qRound(std::clamp(Countdown::fraction(current, issuedAt, expiresAt), 0.0, 1.0) * 1000));
    m_ui->phaseLabel->setText(Countdown::phaseName(phase));
    applyPhase(phase);

    if (phase == Countdown::Phase::Expired || remaining <= 0ms) {
        takeDown();
        return;
    }
    m_ticker->hold(this);
}

void MainWindow::applyPhase(Countdown::Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    const QColor colour = Presentation::phaseColour(phase, Presentation::isDark(palette()));
    Presentation::setTextColour(m_ui->phaseLabel, colour);
    Presentation::setTextColour(m_ui->countdownLabel, colour);
    m_ui->countdownBar->setStyleSheet(
        u"QProgressBar { border: 1px solid palette(mid); border-radius: 3px; background: palette(base);"
        " min-height: 8px; max-height: 8px; }"
        " QProgressBar::chunk { background-color: %1; border-radius: 2px; }"_s.arg(colour.name()));
}

void MainWindow::takeDown()
{
    m_expired = true;
    m_ticker->release(this);
    m_ui->qrView->clear(tr("Expired — generate a new link"));
    setResultActionsEnabled(false, false);
    m_ui->copyFeedbackLabel->hide();
    m_ui->countdownBar->setValue(0);
    qCInfo(lcUi) << "link expired; QR code taken down";
}

void MainWindow::setResultActionsEnabled(bool link, bool token)
{
    m_ui->copyLinkButton->setEnabled(link);
    m_ui->copyLinkAction->setEnabled(link);
    m_ui->openLinkButton->setEnabled(link);
    m_ui->openLinkAction->setEnabled(link);
    m_ui->presentAction->setEnabled(link);
    m_ui->previewButton->setEnabled(token);
    m_ui->previewAction->setEnabled(token);
    if (m_detailsUi)
        m_detailsUi->copyTokenButton->setEnabled(token);
    m_ui->copyTokenAction->setEnabled(token);
    setSharingEnabled(link);
}

void MainWindow::copyLink()
{
    if (m_link.isEmpty() || m_expired)
        return;
    m_clipboard->copyText(m_link);
    showCopied();
}

void MainWindow::showCopied()
{
    m_ui->copyFeedbackLabel->setText(tr("Copied"));
    m_ui->copyFeedbackLabel->show();
    m_copyFeedbackTimer->start(CopyFeedbackTime);
}

void MainWindow::openLink()
{
    if (m_link.isEmpty() || m_expired)
        return;
    const QUrl url(m_link, QUrl::StrictMode);
    if (!EmbedToken::isShareableUrl(url))
        return;
    if (!QDesktopServices::openUrl(url))
        statusBar()->showMessage(tr("No web browser could open the link; copy it instead."), StatusMessageMs);
}

void MainWindow::copyToken()
{
    if (!m_token || m_expired)
        return;
    const std::chrono::seconds delay = m_settings.clipboardClearDelay();
    m_clipboard->copySecret(m_token->token(), delay);
    statusBar()->showMessage(tr("Token copied; the clipboard is cleared in %1 s.").arg(delay.count()),
                             StatusMessageMs);
}

void MainWindow::setTokenRevealed(bool revealed)
{
    detailsUi().tokenEdit->setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    detailsUi().revealTokenButton->setText(revealed ? tr("Hid&e") : tr("&Reveal"));
    detailsUi().revealTokenButton->setAccessibleName(revealed ? tr("Hide token") : tr("Reveal token"));
}

void MainWindow::present()
{
    if (!m_token || m_link.isEmpty() || m_expired)
        return;
    if (m_presentWindow) {
        m_presentWindow->raise();
        m_presentWindow->activateWindow();
        return;
    }
    auto* window = new PresentWindow(*m_token, m_ui->resultTitleLabel->text(), this, m_ticker);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_presentWindow = window;
    // Demo mode leaves the settings alone: the screen choice is not remembered.
    window->present(isDemo() ? nullptr : &m_settings);
}

void MainWindow::setUpSharing()
{
    auto* copyAsMenu = new QMenu(this);
    copyAsMenu->setObjectName(u"copyAsMenu"_s);
    copyAsMenu->addActions({m_ui->copyLinkAction, m_ui->copyMarkdownAction, m_ui->copyHtmlAction,
                            m_ui->copyIframeAction});
    m_ui->copyAsButton->setMenu(copyAsMenu);
    auto* qrMenu = new QMenu(this);
    qrMenu->setObjectName(u"qrMenu"_s);
    qrMenu->addActions({m_ui->saveQrAction, m_ui->copyQrImageAction, m_ui->printQrAction});
    m_ui->qrMenuButton->setMenu(qrMenu);
    m_iframeSize = m_settings.iframeSize();
    m_qrExportPixels = m_settings.qrExportPixels();
    addActions({m_ui->copyMarkdownAction, m_ui->copyHtmlAction, m_ui->copyIframeAction, m_ui->saveQrAction,
                m_ui->copyQrImageAction, m_ui->printQrAction});

    connect(m_ui->copyMarkdownAction, &QAction::triggered, this, [this] { copyAs(CopyFormat::Markdown); });
    connect(m_ui->copyHtmlAction, &QAction::triggered, this, [this] { copyAs(CopyFormat::Html); });
    connect(m_ui->copyIframeAction, &QAction::triggered, this, &MainWindow::askIframeSizeAndCopy);
    connect(m_ui->saveQrAction, &QAction::triggered, this, &MainWindow::saveQrWithDialogs);
    connect(m_ui->copyQrImageAction, &QAction::triggered, this, &MainWindow::copyQrImage);
    connect(m_ui->printQrAction, &QAction::triggered, this, &MainWindow::printQrWithDialog);

    // The share of each level's codewords that may be lost and still be recovered.
    auto* combo = m_ui->errorCorrectionCombo;
    combo->addItem(tr("L (7%)"), int(QrCode::ErrorCorrection::Low));
    combo->addItem(tr("M (15%)"), int(QrCode::ErrorCorrection::Medium));
    combo->addItem(tr("Q (25%)"), int(QrCode::ErrorCorrection::Quartile));
    combo->addItem(tr("H (30%)"), int(QrCode::ErrorCorrection::High));
    combo->setCurrentIndex(combo->findData(int(m_settings.qrErrorCorrection())));
    connect(combo, &QComboBox::currentIndexChanged, this, &MainWindow::onErrorCorrectionChanged);
}

void MainWindow::setSharingEnabled(bool enabled)
{
    m_ui->copyAsButton->setEnabled(enabled);
    m_ui->qrMenuButton->setEnabled(enabled);
    for (QAction* action : {m_ui->copyMarkdownAction, m_ui->copyHtmlAction, m_ui->copyIframeAction,
                            m_ui->saveQrAction, m_ui->copyQrImageAction, m_ui->printQrAction})
        action->setEnabled(enabled);
}

QrCode MainWindow::currentQrCode() const
{
    if (m_link.isEmpty() || m_expired)
        return {};
    return QrCode(m_link, QrCode::ErrorCorrection(m_ui->errorCorrectionCombo->currentData().toInt()));
}

void MainWindow::onErrorCorrectionChanged()
{
    // Demo mode leaves the settings alone; the combo keeps the choice for the session.
    if (!isDemo())
        m_settings.setQrErrorCorrection(QrCode::ErrorCorrection(m_ui->errorCorrectionCombo->currentData().toInt()));
    if (!m_link.isEmpty() && !m_expired)
        showQrCode();
}

void MainWindow::showQrCode()
{
    const QrCode code = currentQrCode();
    if (code.isNull())
        m_ui->qrView->clear(tr("The link is too long for a QR code (%1 bytes) at this error correction; copy the link instead, or choose a lower level.")
                                .arg(m_link.toUtf8().size()));
    else
        m_ui->qrView->setQrCode(code);
}

void MainWindow::copyAs(CopyFormat format)
{
    if (m_link.isEmpty() || m_expired)
        return;
    const QUrl link(m_link, QUrl::StrictMode);
    const QString label = m_ui->resultTitleLabel->text();
    const QString text = format == CopyFormat::Markdown ? ShareFormats::markdownLink(link, label)
                                                        : ShareFormats::htmlAnchor(link, label);
    if (text.isEmpty())
        return;
    m_clipboard->copyText(text);
    showCopied();
}

void MainWindow::askIframeSizeAndCopy()
{
    if (m_link.isEmpty() || m_expired)
        return;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"iframeSizeDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Embed size"));
    const QSize remembered = m_iframeSize;
    const auto makeSpin = [dialog](const char* name, int value, const QString& accessibleName) {
        auto* spin = new QSpinBox(dialog);
        spin->setObjectName(QLatin1StringView(name));
        spin->setRange(ShareFormats::MinIframeSide, ShareFormats::MaxIframeSide);
        spin->setValue(value);
        spin->setSuffix(tr(" px"));
        spin->setAccessibleName(accessibleName);
        return spin;
    };
    QSpinBox* width = makeSpin("iframeWidthSpin", remembered.width(), tr("Embed width"));
    QSpinBox* height = makeSpin("iframeHeightSpin", remembered.height(), tr("Embed height"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->setObjectName(u"buttonBox"_s);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Copy"));
    auto* form = new QFormLayout(dialog);
    form->addRow(tr("&Width:"), width);
    form->addRow(tr("&Height:"), height);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, dialog, [this, width, height] {
        const QSize size(width->value(), height->value());
        m_iframeSize = size;
        if (!isDemo())
            m_settings.setIframeSize(size);
        // The link may have expired while the dialog was open.
        if (m_link.isEmpty() || m_expired)
            return;
        const QString text = ShareFormats::iframeSnippet(QUrl(m_link, QUrl::StrictMode), size.width(),
                                                         size.height(), m_ui->resultTitleLabel->text());
        if (text.isEmpty())
            return;
        m_clipboard->copyText(text);
        showCopied();
    });
    dialog->open();
}

bool MainWindow::exportQr(const QString& path, int pixelSize)
{
    const QrCode code = currentQrCode();
    if (code.isNull()) {
        statusBar()->showMessage(tr("There is no live link whose QR code could be saved."), StatusMessageMs);
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"png"_s && suffix != u"svg"_s) {
        statusBar()->showMessage(tr("Choose a file name ending in .png or .svg."), StatusMessageMs);
        return false;
    }
    if (pixelSize < code.sizeWithQuietZone() || pixelSize > MaxQrExportPixels) {
        statusBar()->showMessage(tr("Choose a size between %1 and %2 pixels for this QR code.")
                                     .arg(code.sizeWithQuietZone())
                                     .arg(MaxQrExportPixels),
                                 StatusMessageMs);
        return false;
    }
    const int moduleSize = code.moduleSizeFor(QSize(pixelSize, pixelSize));
    QSaveFile file(path);
    bool written = file.open(QIODevice::WriteOnly);
    // The code alone grants read access to fault data: owner-only, as the CLI's --output.
    if (written)
        written = file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (written && suffix == u"svg"_s) {
        const QByteArray svg = code.toSvg(moduleSize);
        written = file.write(svg) == svg.size();
    } else if (written) {
        written = code.toImage(moduleSize).save(&file, "PNG");
    }
    if (written)
        written = file.commit();
    else
        file.cancelWriting();
    const QString where = QDir::toNativeSeparators(path);
    if (!written) {
        statusBar()->showMessage(tr("Could not save the QR code to %1: %2").arg(where, file.errorString()),
                                 StatusMessageMs);
        qCWarning(lcUi) << "saving the QR code failed:" << file.errorString();
        return false;
    }
    statusBar()->showMessage(tr("QR code saved to %1").arg(where), StatusMessageMs);
    return true;
}

void MainWindow::saveQrWithDialogs()
{
    if (currentQrCode().isNull())
        return;
    // First the size (it applies to both formats: SVG declares it as its width and height),
    // then the file; both dialogs are window-modal and asynchronous.
    auto* sizeDialog = new QDialog(this);
    sizeDialog->setObjectName(u"qrSizeDialog"_s);
    sizeDialog->setAttribute(Qt::WA_DeleteOnClose);
    sizeDialog->setWindowTitle(tr("QR code size"));
    auto* size = new QSpinBox(sizeDialog);
    size->setObjectName(u"qrSizeSpin"_s);
    size->setRange(100, MaxQrExportPixels);
    size->setSingleStep(100);
    size->setValue(m_qrExportPixels);
    size->setSuffix(tr(" px"));
    size->setAccessibleName(tr("QR code size in pixels"));
    size->setToolTip(tr("Width and height; rounded down to whole modules"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, sizeDialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose file…"));
    auto* form = new QFormLayout(sizeDialog);
    form->addRow(tr("&Size:"), size);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, sizeDialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, sizeDialog, &QDialog::reject);
    connect(sizeDialog, &QDialog::accepted, this, [this, size] {
        const int pixels = size->value();
        m_qrExportPixels = pixels;
        if (!isDemo())
            m_settings.setQrExportPixels(pixels);
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        auto* fileDialog = new QFileDialog(this, tr("Save QR code"), QDir(pictures).filePath(u"faultshare-qr.png"_s));
        fileDialog->setObjectName(u"qrFileDialog"_s);
        fileDialog->setAttribute(Qt::WA_DeleteOnClose);
        fileDialog->setAcceptMode(QFileDialog::AcceptSave);
        const QString pngFilter = tr("PNG image (*.png)");
        fileDialog->setNameFilters({pngFilter, tr("SVG image (*.svg)")});
        fileDialog->setDefaultSuffix(u"png"_s);
        connect(fileDialog, &QFileDialog::filterSelected, fileDialog, [fileDialog, pngFilter](const QString& filter) {
            fileDialog->setDefaultSuffix(filter == pngFilter ? u"png"_s : u"svg"_s);
        });
        connect(fileDialog, &QFileDialog::fileSelected, this,
                [this, pixels](const QString& path) { exportQr(path, pixels); });
        fileDialog->open();
    });
    sizeDialog->open();
}

void MainWindow::copyQrImage()
{
    const QrCode code = currentQrCode();
    if (code.isNull())
        return;
    // RGB rather than grayscale: what every application accepts when pasting.
    m_clipboard->copyImage(code.toImage(code.moduleSizeFor(QSize(ClipboardQrPixels, ClipboardQrPixels)))
                               .convertToFormat(QImage::Format_RGB32));
    showCopied();
}

void MainWindow::printQrWithDialog()
{
    if (currentQrCode().isNull())
        return;
    if (!m_printer)
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
    auto* dialog = new QPrintDialog(m_printer.get(), this);
    dialog->setObjectName(u"printQrDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { printQr(*m_printer); });
    dialog->open();
}

bool MainWindow::printQr(QPrinter& printer)
{
    const QrCode code = currentQrCode();
    if (code.isNull())
        return false;
    switch (QrPrintout(code, m_ui->resultTitleLabel->text(), font()).print(printer)) {
    case QrPrintout::Result::Printed:
        statusBar()->showMessage(tr("QR code sent to the printer"), StatusMessageMs);
        return true;
    case QrPrintout::Result::NotStarted:
        statusBar()->showMessage(tr("The printer could not be started; check it and try again."), StatusMessageMs);
        return false;
    case QrPrintout::Result::Failed:
        break;
    }
    statusBar()->showMessage(tr("Printing the QR code failed."), StatusMessageMs);
    return false;
}

void MainWindow::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto* dialog = new SettingsDialog(m_settings, m_keys, m_api, this);
    dialog->setObjectName(u"settingsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setKeyMode(m_keySource == KeySource::Demo      ? SettingsDialog::KeyMode::Demo
                       : m_keySource == KeySource::Session ? SettingsDialog::KeyMode::Session
                                                           : SettingsDialog::KeyMode::Stored);
    connect(dialog, &SettingsDialog::keyReplaced, this, [this] {
        // In Stored mode the dialog handed the new key to the ApiClient already.
        if (m_keySource == KeySource::None || m_keySource == KeySource::Keychain) {
            setKeySource(KeySource::Keychain);
            showMainPage();
        }
    });
    connect(dialog, &SettingsDialog::profilesChanged, this, &MainWindow::refreshProfiles);
    connect(dialog, &QDialog::accepted, this, [this] {
        // The dialog applied a usable CA file, or none.
        if (!m_caFileProblem.isEmpty() && m_ui->errorLabel->text() == m_caFileProblem)
            clearError();
        m_caFileProblem.clear();
        // The dialog stored a changed proxy password before it closed.
        applyProxy();
        applyNotifySettings();
        history().purge(now(), m_settings.historyPurgeDays());
    });
    m_settingsDialog = dialog;
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(this);
    box->setObjectName(u"aboutBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Information);
    box->setWindowTitle(tr("About FaultShare"));
    box->setTextFormat(Qt::PlainText);
    box->setText(tr("FaultShare %1").arg(QCoreApplication::applicationVersion()));
    box->setInformativeText(tr("Share short-lived, read-only Altostrat fault links as links and QR codes."));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

void MainWindow::setUpNotifications()
{
    // The token's clock: the server's expiry compared with the skew-corrected time.
    m_notifier = new ExpiryNotifier([this] { return tokenNow(); }, this);
    // While a countdown runs, its tick checks too: that re-arms the notifier's own timer
    // every second, so it never fires and the app wakes once a second, not 61 times a minute.
    connect(m_ticker, &Ticker::tick, m_notifier, &ExpiryNotifier::check);
    // Only the label names the link: notifications show on locked screens and in shares.
    connect(m_notifier, &ExpiryNotifier::warning, this, [this](int minutesLeft) {
        const QString label = m_ui->resultTitleLabel->text();
        notify(label.isEmpty() ? tr("The link expires in %1 min").arg(minutesLeft)
                               : tr("The link “%1” expires in %2 min").arg(label, QString::number(minutesLeft)),
               false);
    });
    connect(m_notifier, &ExpiryNotifier::expired, this, [this] {
        const QString label = m_ui->resultTitleLabel->text();
        notify(label.isEmpty() ? tr("The link has expired; generate a new one")
                               : tr("The link “%1” has expired; generate a new one").arg(label),
               true);
    });
    applyNotifySettings();
}

void MainWindow::applyNotifySettings()
{
    const bool enabled = m_settings.notifyEnabled();
    m_notifier->setLeadTime(std::chrono::minutes(m_settings.notifyLeadMinutes()));
    if (!enabled)
        m_notifier->stop();
    else if (m_token && !m_expired && !m_notifier->isWatching())
        m_notifier->setToken(m_token->expiresAt());

    if (m_started)
        updateTrayIcon();
}

void MainWindow::updateTrayIcon()
{
    const bool tray = m_settings.notifyEnabled() && QSystemTrayIcon::isSystemTrayAvailable();
    if (tray && !m_trayIcon) {
        m_trayIcon = new QSystemTrayIcon(windowIcon(), this);
        m_trayIcon->setObjectName(u"trayIcon"_s);
        m_trayIcon->setToolTip(tr("FaultShare"));
        const auto bringBack = [this] {
            showNormal();
            raise();
            activateWindow();
        };
        connect(m_trayIcon, &QSystemTrayIcon::activated, this, bringBack);
        connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, bringBack);
        m_trayIcon->show();
    } else if (!tray && m_trayIcon) {
        delete m_trayIcon;
        m_trayIcon = nullptr;
    }
}

void MainWindow::notify(const QString& text, bool expired)
{
    // The status bar always: it is where the window says things, and where there is no tray.
    statusBar()->showMessage(text, expired ? 0 : NotifyWarningStatusMs);
    if (m_trayIcon)
        m_trayIcon->showMessage(tr("FaultShare"), text,
                                expired ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

void MainWindow::updateColours()
{
    const bool dark = Presentation::isDark(palette());
    if (m_ui->errorLabel->isVisible() || !m_ui->errorLabel->text().isEmpty())
        Presentation::setTextColour(m_ui->errorLabel, Presentation::errorColour(palette()));
    if (!selectedMinutes())
        Presentation::setTextColour(m_ui->expiryHintLabel, Presentation::errorColour(palette()));
    if (m_keyUi)
        Presentation::setTextColour(m_keyUi->keyErrorLabel, Presentation::errorColour(palette()));
    Presentation::setTextColour(m_ui->copyFeedbackLabel, Presentation::phaseColour(Countdown::Phase::Fresh, dark));
    if (m_phase) {
        const Countdown::Phase phase = *m_phase;
        m_phase.reset();
        applyPhase(phase);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
    // The application sets its icon after the first frame; the tray follows it.
    if (event->type() == QEvent::WindowIconChange && m_trayIcon)
        m_trayIcon->setIcon(windowIcon());
    // Links made meanwhile by `faultshare generate` show when the operator comes back.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_history && m_started)
        m_history->reloadIfChanged();
}

History& MainWindow::history() const
{
    return m_demoHistory ? *m_demoHistory : *m_history;
}

HistoryPanel* MainWindow::historyPanel()
{
    if (m_historyPanel)
        return m_historyPanel;
    m_historyPanel = new HistoryPanel(*m_ticker, this);
    m_historyPanel->setHistory(&history());
    connect(m_historyPanel, &HistoryPanel::actionReady, this,
            [this](HistoryPanel::Action action, const EmbedToken& token, const QString& label, const QString& profile) {
                onHistoryAction(int(action), token, label, profile);
            });
    connect(m_historyPanel, &HistoryPanel::actionFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, StatusMessageMs); });
    QWidget* placeholder = m_historyDock->widget();
    m_historyDock->setWidget(m_historyPanel);
    delete placeholder;
    return m_historyPanel;
}

void MainWindow::setUpHistory()
{
    m_history = new History(&m_settings.store(), &m_keys, this);
    connect(m_history, &History::keepFailed, this, [this](const QString&, const ApiError& error) {
        statusBar()->showMessage(tr("The link was not kept in the history: %1").arg(error.userMessage()),
                                 StatusMessageMs);
    });
    connect(m_history, &History::forgetFailed, this, [this](const QString&, const ApiError& error) {
        statusBar()->showMessage(tr("The link stays in the history until the keychain removes it; FaultShare tries again at "
                                    "the next start: %1")
                                     .arg(error.userMessage()),
                                 StatusMessageMs);
    });

    // The dock is in the first frame; its panel (a table, its header, a filter) is built
    // after it, by start(), or when first asked for.
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(new QWidget(m_historyDock));
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                               | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    m_ui->historyAction->setChecked(true);
    connect(m_ui->historyAction, &QAction::toggled, m_historyDock, &QDockWidget::setVisible);
    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Tabbed away counts as hidden for the view, not for the menu.
        if (visible || m_historyDock->isHidden())
            m_ui->historyAction->setChecked(visible);
    });
    addAction(m_ui->historyAction);
}

void MainWindow::onHistoryAction(int action, const EmbedToken& token, const QString& label, const QString& profile)
{
    const QUrl link = token.shortLink();
    switch (HistoryPanel::Action(action)) {
    case HistoryPanel::Action::CopyLink:
        if (!EmbedToken::isShareableUrl(link))
            return;
        m_clipboard->copyText(link.toString(QUrl::FullyEncoded));
        statusBar()->showMessage(label.isEmpty() ? tr("Link copied.") : tr("Link of \"%1\" copied.").arg(label),
                                 StatusMessageMs);
        return;
    case HistoryPanel::Action::ShowQr:
        showToken(token, label);
        return;
    case HistoryPanel::Action::Present:
        showToken(token, label);
        present();
        return;
    case HistoryPanel::Action::Preview:
        preview(token, label, isDemo() ? QString() : profile);
        return;
    }
}

void MainWindow::preview(const EmbedToken& token, const QString& label, const QString& profile)
{
    const QString tokenText = token.token();
    // own: an ApiClient of another profile, which the dialog then keeps.
    const auto open = [this, tokenText, label](ApiClient& api, ApiClient* own) {
        auto* dialog = new PreviewDialog(api, tokenText, label, this);
        dialog->setObjectName(u"previewDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (own)
            own->setParent(dialog);
        dialog->show();
    };
    // A link goes back only to the API that issued it (kept with the token; links kept
    // before that was noted belong to their profile's API).
    const Profiles profiles(m_settings.store());
    const QString rowProfile = profile.isEmpty() ? m_settings.profile() : profile;
    const QUrl issuerUrl = !token.apiUrl().isEmpty() ? token.apiUrl()
        : profiles.contains(rowProfile)          ? Settings(m_settings.store(), rowProfile).apiUrl()
                                                 : m_api.apiUrl();
    const bool windowsApi = Origin::same(issuerUrl, m_api.apiUrl());
    if (windowsApi && (m_api.hasApiKey() || isDemo())) {
        open(m_api, nullptr);
        return;
    }
    // The profile that reaches that API: the row's own, else any other that does.
    QString issuer;
    if (profiles.contains(rowProfile) && Origin::same(Settings(m_settings.store(), rowProfile).apiUrl(), issuerUrl))
        issuer = rowProfile;
    for (const QString& name : profiles.names()) {
        if (issuer.isEmpty() && Origin::same(Settings(m_settings.store(), name).apiUrl(), issuerUrl))
            issuer = name;
    }
    if (issuer.isEmpty()) {
        statusBar()->showMessage(tr("No profile uses %1, the API that made this link; add a profile for it to preview the link.")
                                     .arg(Origin::hostText(Origin::of(issuerUrl))),
                                 StatusMessageMs);
        return;
    }
    // That profile's CA file, proxy and key (none stored: the API is asked without).
    Settings other(m_settings.store(), issuer);
    auto* own = new ApiClient(this);
    own->setApiUrl(issuerUrl);
    own->setCaFile(other.caFile());
    const ProxySettings proxy = other.proxy();
    own->setProxy(proxy);
    // Readers of their own: the window's reads of the profile in use go on undisturbed.
    // A secret bound to another origin than the one it would go to is not used.
    const auto read = [this, own](const QString& entry, const QString& origin, std::function<void(const QString&)> then) {
        auto* reader = new CredentialStore(m_keys.service(), own);
        const auto done = [reader, then](const QString& secret) {
            reader->disconnect();
            reader->deleteLater();
            then(secret);
        };
        connect(reader, &CredentialStore::secretRead, own,
                [done, origin](const QString&, const QString& secret, const QString& bound) {
                    done(bound.isEmpty() || bound == origin ? secret : QString());
                });
        connect(reader, &CredentialStore::secretMissing, own, [done] { done({}); });
        connect(reader, &CredentialStore::failed, own,
                [this, done](const QString&, CredentialStore::Operation, const ApiError& error) {
                    showError(error.userMessage());
                    done({});
                });
        reader->read(entry);
    };
    const auto readKey = [read, issuer, issuerUrl, own, open] {
        read(CredentialStore::apiKeyEntry(issuer), Origin::of(issuerUrl), [own, open](const QString& key) {
            if (ApiClient::checkApiKey(key).isEmpty())
                own->setApiKey(key);
            open(*own, own);
        });
    };
    if (!proxy.needsPassword()) {
        readKey();
        return;
    }
    read(CredentialStore::proxyEntry(issuer), Origin::ofProxy(proxy), [own, proxy, readKey](const QString& password) {
        ProxySettings withPassword = proxy;
        withPassword.password = password;
        own->setProxy(withPassword);
        readKey();
    });
}

void MainWindow::refreshProfiles()
{
    const QStringList names = Profiles(m_settings.store()).names();
    QSignalBlocker block(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItems(names);
    m_ui->profileCombo->setCurrentText(m_settings.profile());
    const bool fixed = m_keySource == KeySource::Demo || m_keySource == KeySource::Session;
    m_ui->profileCombo->setEnabled(!fixed && names.size() > 1);
    // One profile needs no switcher; the demo has none of its own.
    m_ui->expiryForm->setRowVisible(m_ui->profileCombo, names.size() > 1 && m_keySource != KeySource::Demo);
    m_ui->profileCombo->setToolTip(fixed ? tr("The profile cannot change in demo mode or with FAULTSHARE_API_KEY")
                                         : tr("The profile (API URL, key, CA file) the next link is made with"));
    connect(m_ui->profileCombo, &QComboBox::textActivated, this, &MainWindow::switchProfile, Qt::UniqueConnection);
    updateTitle();
}

void MainWindow::switchProfile(const QString& profile)
{
    if (profile == m_settings.profile() || isDemo() || m_keySource == KeySource::Session
        || !Profiles(m_settings.store()).contains(profile))
        return;
    cancel();
    m_settings.setProfile(profile);
    m_settings.setLastProfile(profile);
    qCInfo(lcUi) << "profile switched to" << profile;
    m_api.setApiKey({});
    m_api.setApiUrl(m_settings.apiUrl());
    if (!m_caFileProblem.isEmpty() && m_ui->errorLabel->text() == m_caFileProblem)
        clearError();
    m_caFileProblem.clear();
    m_api.setCaFile({});
    applyCaFile();
    applyProxy();
    applyDefaultExpiry();
    setKeySource(KeySource::None);
    useStoredKey();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    cancel();
    // Demo mode leaves the settings alone altogether.
    if (!isDemo())
        m_settings.setWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::useKeychainKey(const QString& key)
{
    m_api.setApiKey(key);
    setKeySource(KeySource::Keychain);
    showMainPage();
    if (std::exchange(m_generateAfterRead, false))
        generate();
}

void MainWindow::confirmKeyOrigin(const QString& key, const QString& storedFor, const QString& current)
{
    const QString newHost = Origin::hostText(current);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Send the key to another API?"),
                                tr("The API key or token of profile “%1” was stored for %2, and the profile now points to %3. "
                                   "Send it to %3?")
                                    .arg(m_settings.profile(), Origin::hostText(storedFor), newHost),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"keyOriginConfirm"_s);
    // Host and profile names are the operator's or an imported file's words, not markup.
    box->setTextFormat(Qt::PlainText);
    QPushButton* use = box->addButton(tr("&Use it for %1").arg(newHost), QMessageBox::AcceptRole);
    use->setObjectName(u"useKeyForNewApiButton"_s);
    box->addButton(tr("&Enter a new key"), QMessageBox::RejectRole)->setObjectName(u"enterNewKeyButton"_s);
    box->setDefaultButton(qobject_cast<QPushButton*>(box->buttons().constLast()));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString profile = m_settings.profile();
    connect(box, &QMessageBox::finished, this, [this, box, use, key, current, profile, newHost] {
        if (profile != m_settings.profile() || Origin::of(m_api.apiUrl()) != current)
            return; // the profile or its API changed meanwhile: the next Generate asks again
        if (box->clickedButton() == use) {
            m_keys.write(CredentialStore::apiKeyEntry(profile), key, current);
            useKeychainKey(key);
            return;
        }
        m_generateAfterRead = false;
        setKeySource(KeySource::None);
        showKeyPage();
        keyUi().keyErrorLabel->setText(tr("Enter the API key or token for %1.").arg(newHost));
        keyUi().keyErrorLabel->show();
    });
    box->open();
}
