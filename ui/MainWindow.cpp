#include "MainWindow.h"
#include "ui_KeyPage.h"
#include "ui_MainWindow.h"

#include "ApiClient.h"
#include "Clipboard.h"
#include "CredentialStore.h"
#include "ExpiryForm.h"
#include "History.h"
#include "HistoryDock.h"
#include "HistoryPanel.h"
#include "LinkResultPanel.h"
#include "Logging.h"
#include "Origin.h"
#include "Presentation.h"
#include "PresentWindow.h"
#include "PreviewDialog.h"
#include "Profiles.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "ShareActions.h"
#include "Ticker.h"
#include "TrayNotifier.h"

#include <QAccessible>
#include <QCloseEvent>
#include <QDir>
#include <QGroupBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int StatusMessageMs = 5000;
// A keychain read that takes longer than this gets a hint in the status bar.
constexpr std::chrono::milliseconds KeychainHintDelay{3000};

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
{
    m_ui->setupUi(this);
    updateTitle();

    QFont badgeFont = m_ui->demoBadge->font();
    badgeFont.setBold(true);
    m_ui->demoBadge->setFont(badgeFont);
    m_ui->demoBadge->setStyleSheet(
        u"QLabel { background: #f9a825; color: #000; border-radius: 3px; padding: 2px 8px; }"_s);
    m_ui->demoBar->hide();

    m_ui->cancelButton->hide();
    m_ui->busyBar->hide();
    m_ui->errorLabel->hide();
    m_ui->pages->setCurrentWidget(m_ui->mainPage);

    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_errorIsRateLimit)
            clearError();
        updateGenerateEnabled();
    });

    setUpExpiryForm();
    // The token details go under the form, taking the column's spare height.
    m_result = new LinkResultPanel(
        *m_ticker, [this](QGroupBox* details) { m_ui->leftColumnLayout->insertWidget(1, details, 1); }, this);
    m_ui->mainPageLayout->addWidget(m_result, 1);
    m_result->setErrorCorrection(m_settings.qrErrorCorrection());
    connect(m_result, &LinkResultPanel::errorCorrectionChanged, this, [this](QrCode::ErrorCorrection level) {
        // Demo mode leaves the settings alone; the combo keeps the choice for the session.
        if (!isDemo())
            m_settings.setQrErrorCorrection(level);
    });
    m_share = new ShareActions(*m_result, *m_clipboard, m_settings,
                               {m_ui->copyLinkAction, m_ui->copyMarkdownAction, m_ui->copyHtmlAction,
                                m_ui->copyIframeAction, m_ui->openLinkAction, m_ui->copyTokenAction, m_ui->saveQrAction,
                                m_ui->copyQrImageAction, m_ui->printQrAction},
                               *this);
    connect(m_share, &ShareActions::message, statusBar(), &QStatusBar::showMessage);
    m_tray = new TrayNotifier(m_settings, *m_ticker, *m_result, *this);
    connect(m_tray, &TrayNotifier::message, statusBar(), &QStatusBar::showMessage);
    setUpActions();
    connectKeychain();
    connectProxyKeychain();
    setUpHistory();
    refreshProfiles();
    updateColours();

    connect(m_ui->generateButton, &QPushButton::clicked, this, &MainWindow::generate);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &MainWindow::cancel);
    connect(m_ui->labelEdit, &QLineEdit::returnPressed, this, &MainWindow::generate);

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
}

void MainWindow::setUpExpiryForm()
{
    m_expiryForm = new ExpiryForm(*m_ticker, this);
    m_ui->newLinkForm->insertRow(1, m_expiryForm);
    m_expiryForm->setTabOrderAfter(m_ui->profileCombo);
    // The window's rows and the expiry form's share one label column, as in one form.
    const int labelWidth = std::max({m_ui->profileLabel->sizeHint().width(), m_ui->labelLabel->sizeHint().width(),
                                     m_expiryForm->labelWidth()});
    m_ui->profileLabel->setMinimumWidth(labelWidth);
    m_ui->labelLabel->setMinimumWidth(labelWidth);
    m_expiryForm->setLabelWidth(labelWidth);
    m_expiryForm->applyDefault(m_settings.defaultMinutes());
    connect(m_expiryForm, &ExpiryForm::validityChanged, this, &MainWindow::updateGenerateEnabled);
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
                m_ui->copyTokenAction, m_ui->settingsAction, m_ui->quitAction, m_ui->copyMarkdownAction,
                m_ui->copyHtmlAction, m_ui->copyIframeAction, m_ui->saveQrAction, m_ui->copyQrImageAction,
                m_ui->printQrAction});

    connect(m_ui->generateAction, &QAction::triggered, this, &MainWindow::generate);
    connect(m_ui->cancelAction, &QAction::triggered, this, &MainWindow::cancel);
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    addAction(m_ui->presentAction);
    connect(m_ui->presentAction, &QAction::triggered, this, &MainWindow::present);
    addAction(m_ui->previewAction);
    const auto previewCurrent = [this] {
        if (m_result->hasLiveToken())
            preview(*m_result->token(), m_result->label(), {});
    };
    connect(m_ui->previewAction, &QAction::triggered, this, previewCurrent);
    connect(m_result, &LinkResultPanel::previewClicked, this, previewCurrent);
    const auto updateResultActions = [this] {
        m_ui->presentAction->setEnabled(m_result->hasLiveLink());
        m_ui->previewAction->setEnabled(m_result->hasLiveToken());
    };
    connect(m_result, &LinkResultPanel::stateChanged, this, updateResultActions);
    updateResultActions();
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
    m_tray->start();
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
        m_historyDock->setHistory(m_demoHistory);
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
    m_expiryForm->validate();
    m_result->refresh();
    if (m_presentWindow)
        m_presentWindow->refresh();
    m_tray->check();
}

void MainWindow::setKeySource(KeySource source)
{
    m_keySource = source;
    const bool demo = source == KeySource::Demo;
    m_ui->demoBar->setVisible(demo);
    m_share->setSaveChoices(!demo);
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
        m_expiryForm->focusChoice();
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

void MainWindow::updateGenerateEnabled()
{
    // With the stored key not read yet, Generate reads it first.
    const bool haveKey = m_api.hasApiKey() || m_keySource == KeySource::Keychain;
    const bool ready = !m_request && !m_readingKey && !m_readingProxyPassword && m_expiryForm->selectedMinutes().has_value() && haveKey
        && !m_retryTimer->isActive() && m_ui->pages->currentWidget() == m_ui->mainPage;
    m_ui->generateButton->setEnabled(ready);
    m_ui->generateAction->setEnabled(ready);
}

void MainWindow::generate()
{
    // "Until…" may have passed since it was checked; the minutes are counted from now.
    m_expiryForm->validate();
    if (!m_ui->generateButton->isEnabled())
        return;
    if (!m_api.hasApiKey()) {
        // The stored key is read now (useStoredKey); Generate goes on with its answer.
        m_generateAfterRead = true;
        readKeyFromKeychain();
        return;
    }
    const std::optional<int> minutes = m_expiryForm->selectedMinutes();
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
    m_expiryForm->setBusy(busy);
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
    m_result->showToken(token, label);
    m_tray->watchResult();
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

QDateTime MainWindow::now() const
{
    return m_ticker->now();
}

void MainWindow::present()
{
    if (!m_result->hasLiveLink())
        return;
    if (m_presentWindow) {
        m_presentWindow->raise();
        m_presentWindow->activateWindow();
        return;
    }
    auto* window = new PresentWindow(*m_result->token(), m_result->label(), this, m_ticker);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_presentWindow = window;
    // Demo mode leaves the settings alone: the screen choice is not remembered.
    window->present(isDemo() ? nullptr : &m_settings);
}

QrCode MainWindow::currentQrCode() const
{
    return m_result->currentQrCode();
}

bool MainWindow::exportQr(const QString& path, int pixelSize)
{
    return m_share->exportQr(path, pixelSize);
}

bool MainWindow::printQr(QPrinter& printer)
{
    return m_share->printQr(printer);
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
        m_tray->applySettings();
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

void MainWindow::updateColours()
{
    if (m_ui->errorLabel->isVisible() || !m_ui->errorLabel->text().isEmpty())
        Presentation::setTextColour(m_ui->errorLabel, Presentation::errorColour(palette()));
    if (m_keyUi)
        Presentation::setTextColour(m_keyUi->keyErrorLabel, Presentation::errorColour(palette()));
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
    // The application sets its icon after the first frame; the tray follows it.
    if (event->type() == QEvent::WindowIconChange)
        m_tray->updateIcon();
    // Links made meanwhile by `faultshare generate` show when the operator comes back.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_history && m_started)
        m_history->reloadIfChanged();
}

History& MainWindow::history() const
{
    return m_demoHistory ? *m_demoHistory : *m_history;
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

    m_historyDock = new HistoryDock(*m_ticker, *m_ui->historyAction, this);
    m_historyDock->setHistory(m_history);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    addAction(m_ui->historyAction);
    connect(m_historyDock, &HistoryDock::actionReady, this, &MainWindow::onHistoryAction);
    connect(m_historyDock, &HistoryDock::actionFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, StatusMessageMs); });
}

HistoryPanel* MainWindow::historyPanel()
{
    return m_historyDock->panel();
}

void MainWindow::onHistoryAction(HistoryPanel::Action action, const EmbedToken& token, const QString& label,
                                 const QString& profile)
{
    const QUrl link = token.shortLink();
    switch (action) {
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
    m_ui->newLinkForm->setRowVisible(m_ui->profileCombo, names.size() > 1 && m_keySource != KeySource::Demo);
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
    m_expiryForm->applyDefault(m_settings.defaultMinutes());
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
