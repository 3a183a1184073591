#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "ApiClient.h"
#include "Clipboard.h"
#include "CredentialStore.h"
#include "ErrorLine.h"
#include "ExpiryForm.h"
#include "History.h"
#include "KeyPage.h"
#include "LinkSession.h"
#include "HistoryDock.h"
#include "HistoryPanel.h"
#include "LinkResultPanel.h"
#include "Logging.h"
#include "Origin.h"
#include "Presentation.h"
#include "PresentWindow.h"
#include "PreviewDialog.h"
#include "Profiles.h"
#include "RenewControl.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "ShareActions.h"
#include "Ticker.h"
#include "TrayNotifier.h"

#include <QCloseEvent>
#include <QGroupBox>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace faultshare {

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
    , m_session(new LinkSession(api, keys, settings, this))
    , m_clipboard(new Clipboard(this))
    , m_ticker(new Ticker(this))
{
    m_ui->setupUi(this);
    updateTitle();

    m_ui->demoBar->hide();

    m_ui->cancelButton->hide();
    m_ui->busyBar->hide();
    m_error = new ErrorLine(*m_ui->errorLabel, this);
    m_ui->pages->setCurrentWidget(m_ui->mainPage);

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
    setUpSession();
    setUpRenewing();
    setUpHistory();
    refreshProfiles();
    updateColours();

    connect(m_ui->generateButton, &QPushButton::clicked, this, &MainWindow::generate);
    connect(m_ui->cancelButton, &QPushButton::clicked, m_session, &LinkSession::cancel);
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
    m_session->cancel();
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
    connect(m_ui->cancelAction, &QAction::triggered, m_session, &LinkSession::cancel);
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

KeyPage& MainWindow::keyPage()
{
    if (m_keyPage)
        return *m_keyPage;
    m_keyPage = new KeyPage;
    m_ui->pages->insertWidget(0, m_keyPage);
    connect(m_keyPage, &KeyPage::saveRequested, this, [this](const QString& key) {
        m_keyPage->setBusy(true);
        statusBar()->showMessage(tr("Storing the key in %1…").arg(CredentialStore::backendName()));
        m_session->storeKey(key);
    });
    connect(m_keyPage, &KeyPage::retryRequested, m_session, &LinkSession::readKey);
    connect(m_keyPage, &KeyPage::demoRequested, this, &MainWindow::demoRequested);
    return *m_keyPage;
}

bool MainWindow::onKeyPage() const
{
    return m_keyPage && m_ui->pages->currentWidget() == m_keyPage;
}

void MainWindow::setUpSession()
{
    m_session->setMinutesSource([this] {
        // "Until…" may have passed since it was checked; the minutes are counted from now.
        m_expiryForm->validate();
        return m_expiryForm->selectedMinutes();
    });
    connect(m_session, &LinkSession::stateChanged, this, [this] {
        showKeyRead();
        // A renewal in the background leaves the form (and the focus) as they are.
        setBusy(m_session->isBusy() && !(m_session->isRenewalInFlight() && m_result->hasLiveLink()));
        if (!m_session->isHeld())
            m_error->clear(ErrorLine::Cause::Hold);
    });
    connect(m_session, &LinkSession::keyNeeded, this, &MainWindow::showKeyPage);
    connect(m_session, &LinkSession::keyReady, this, [this] {
        showMainPage();
        updateKeyMode();
    });
    connect(m_session, &LinkSession::keyStored, this, [this] {
        keyPage().setBusy(false);
        keyPage().clearKey();
        statusBar()->showMessage(tr("The key is stored in %1.").arg(CredentialStore::backendName()), StatusMessageMs);
    });
    connect(m_session, &LinkSession::keyStoreFailed, this, [this](const ApiError& error) {
        // The typed key stays in the field so the operator can retry.
        statusBar()->clearMessage();
        keyPage().setBusy(false);
        keyPage().showProblem(error.userMessage());
        keyPage().focusKey();
    });
    connect(m_session, &LinkSession::keyConfirmationNeeded, this, &MainWindow::confirmKeyOrigin);
    connect(m_session, &LinkSession::connectionProblems, this, [this](const QStringList& problems) {
        // The problems of the connection before go with it.
        m_error->clear(ErrorLine::Cause::Connection);
        m_error->show(problems.join(u' '), ErrorLine::Cause::Connection);
    });
    connect(m_session, &LinkSession::issued, this, &MainWindow::onIssued);
    connect(m_session, &LinkSession::failed, this, &MainWindow::onFailed);
    connect(m_session, &LinkSession::historyProblem, this, [this](const QString& message) {
        statusBar()->showMessage(message, StatusMessageMs);
        m_historyDock->showNotice(message);
    });
    connect(&m_settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::Profile) {
            m_expiryForm->applyDefault(m_settings.defaultMinutes());
            refreshProfiles();
        }
    });
}

void MainWindow::setUpRenewing()
{
    m_renew = new RenewControl(
        *m_session, m_settings,
        [this]() -> std::optional<EmbedToken> {
            return m_result->hasLiveToken() ? m_result->token() : std::nullopt;
        },
        [this] { return m_ui->labelEdit->text().simplified(); }, this);
    m_ui->newLinkForm->addRow(m_renew);
    m_renew->setTabOrder(m_ui->labelEdit, m_ui->generateButton);
    m_result->addBesideCountdown(m_renew->statusLabel());
    addAction(m_renew->action());
    m_ui->viewMenu->addAction(m_renew->action());
    const auto followLifetime = [this] { m_renew->setLifetime(m_expiryForm->selectedMinutes()); };
    connect(m_expiryForm, &ExpiryForm::validityChanged, m_renew, followLifetime);
    followLifetime();
    connect(m_renew, &RenewControl::statusChanged, this, [this] {
        if (m_presentWindow)
            m_presentWindow->setRenewalStatus(m_renew->statusLine(), m_session->isRenewing());
    });
    connect(m_session, &LinkSession::renewalExpired, this, [this](const ApiError& error) {
        m_error->show(tr("The link expired before a new one could be made: %1").arg(error.userMessage()));
    });
}

void MainWindow::setExpiryMinutes(int minutes)
{
    m_expiryForm->applyDefault(minutes);
}

void MainWindow::start()
{
    // After the first frame: the history's panel, the tray icon (asking the desktop
    // whether it has a tray takes round trips), then the session.
    historyPanel();
    m_tray->start();
    m_session->start();
}

void MainWindow::showEvent(QShowEvent* event)
{
    // The first frame shows the page the settings already know is right: the first-run
    // page when no key is stored, rather than the main page for a moment before start().
    if (!m_session->isStarted() && m_session->keySource() == LinkSession::KeySource::None
        && m_settings.keyStored() == std::optional<bool>(false))
        showKeyPage();
    QMainWindow::showEvent(event);
}

void MainWindow::useApiUrl(const QUrl& url)
{
    m_session->setApiUrlOverride(url);
}

void MainWindow::useSessionKey(const QString& key)
{
    m_session->useSessionKey(key);
}

void MainWindow::useDemo(const QUrl& apiUrl, const QString& key)
{
    m_session->useDemo(apiUrl, key);
    m_historyDock->setHistory(&m_session->history());
}

bool MainWindow::isDemo() const
{
    return m_session->isDemo();
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

void MainWindow::updateKeyMode()
{
    const bool demo = isDemo();
    if (demo && m_ui->demoBadge->styleSheet().isEmpty()) {
        // Set when the badge is first shown, not in the form: a style sheet gives its
        // widget a style of its own (parsed, polished), about 0.2 ms before the first
        // frame of every start that shows no badge.
        m_ui->demoBadge->setStyleSheet(
            u"QLabel { background: #f9a825; color: #000; border-radius: 3px; padding: 2px 8px; font-weight: bold; }"_s);
    }
    m_ui->demoBar->setVisible(demo);
    m_share->setSaveChoices(!demo);
    if (m_settingsDialog)
        m_settingsDialog->setKeyMode(demo ? SettingsDialog::KeyMode::Demo
                                     : m_session->keySource() == LinkSession::KeySource::Session ? SettingsDialog::KeyMode::Session
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

void MainWindow::showKeyPage(const QString& why, bool canRetry)
{
    if (m_presentWindow && !m_presentWindow->hasToken()) {
        const QString none = tr("No API key or token is stored for this profile: enter it in the window, or store it with faultshare key set.");
        m_presentWindow->showWaiting(why.isEmpty() ? none : why);
    }
    m_ui->pages->setCurrentWidget(&keyPage());
    keyPage().showProblem(why, canRetry);
    keyPage().focusKey();
    updateKeyMode();
}

void MainWindow::showMainPage()
{
    const bool wasKeyPage = onKeyPage();
    m_ui->pages->setCurrentWidget(m_ui->mainPage);
    if (wasKeyPage || !m_ui->mainPage->isAncestorOf(focusWidget()))
        m_expiryForm->focusChoice();
    updateGenerateEnabled();
}

void MainWindow::updateGenerateEnabled()
{
    const bool ready = m_session->canGenerate() && m_expiryForm->selectedMinutes().has_value()
        && m_ui->pages->currentWidget() == m_ui->mainPage;
    m_ui->generateButton->setEnabled(ready);
    m_ui->generateAction->setEnabled(ready);
}

void MainWindow::generate()
{
    m_expiryForm->validate();
    if (!m_ui->generateButton->isEnabled())
        return;
    statusBar()->clearMessage();
    m_session->generate(m_ui->labelEdit->text().simplified());
}

void MainWindow::showKeyRead()
{
    if (m_session->isReadingKey() == m_showsKeyRead)
        return;
    m_showsKeyRead = m_session->isReadingKey();
    if (!m_showsKeyRead) {
        statusBar()->clearMessage();
        return;
    }
    statusBar()->showMessage(tr("Reading the API key or token from %1…").arg(CredentialStore::backendName()));
    // The window keeps waiting (an operator may be typing the keyring's password), and
    // says where the answer may be held up.
    QTimer::singleShot(KeychainHintDelay, this, [this] {
        if (m_session->isReadingKey())
            statusBar()->showMessage(tr("No answer yet from %1: a prompt to unlock it may be waiting on the screen.")
                                         .arg(CredentialStore::backendName()));
    });
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
    else if (focusWidget() && (!focusWidget()->isEnabled() || !focusWidget()->isVisibleTo(this)))
        // The work took the focus (Cancel) and ends: Generate. Before the first show
        // nothing has the focus yet: showMainPage gives it to the validity.
        m_ui->generateButton->setFocus();
}

void MainWindow::onIssued(const EmbedToken& token, const QString& label, const QString& historyId)
{
    m_error->clearAll();
    showToken(token, label);
    historyPanel()->select(historyId);
}

void MainWindow::showToken(const EmbedToken& token, const QString& label)
{
    m_result->showToken(token, label);
    m_tray->watchResult();
    // An open present window follows the newest link.
    if (m_presentWindow)
        m_presentWindow->updateToken(token, label);
}

void MainWindow::onFailed(const ApiError& error, std::chrono::seconds holdFor)
{
    if (error.kind() == ApiError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Cancelled"), StatusMessageMs);
        return;
    }
    QString message = error.userMessage();
    // The server's message says how long; for longer waits also say until when, within
    // the same sentence.
    if (holdFor >= 60s && message.endsWith(u'.')) {
        const QTime until = QTime::currentTime().addSecs(int(holdFor.count()));
        message = message.chopped(1) + u' ' + tr("(at %1).").arg(QLocale().toString(until, QLocale::ShortFormat));
    }
    m_error->show(message, holdFor.count() > 0 ? ErrorLine::Cause::Hold : ErrorLine::Cause::Request);
    if (m_presentWindow && !m_presentWindow->hasToken())
        m_presentWindow->showWaiting(message);
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
    // Demo mode leaves the settings alone: the screen choice is not remembered.
    makePresentWindow()->present(isDemo() ? nullptr : &m_settings);
}

PresentWindow* MainWindow::presentOn(QScreen* screen)
{
    if (!m_presentWindow)
        makePresentWindow();
    m_presentWindow->showOn(screen);
    return m_presentWindow;
}

PresentWindow* MainWindow::presentWindow() const
{
    return m_presentWindow;
}

PresentWindow* MainWindow::makePresentWindow()
{
    auto* window = m_result->hasLiveLink() ? new PresentWindow(*m_result->token(), m_result->label(), this, m_ticker)
                                           : new PresentWindow(this, m_ticker);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setRenewAction(m_renew->action());
    window->setRenewalStatus(m_renew->statusLine(), m_session->isRenewing());
    m_presentWindow = window;
    return window;
}

QrCode MainWindow::currentQrCode() const
{
    return m_result->currentQrCode();
}

bool MainWindow::exportQr(const QString& path, int pixelSize)
{
    return m_share->exportQr(path, pixelSize);
}

bool MainWindow::printQr(QPaintDevice& printer)
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
    // The dialog edits the settings and the keychain; the session follows them.
    auto* dialog = new SettingsDialog(m_settings, m_keys, this);
    dialog->setObjectName(u"settingsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    updateKeyMode();
    connect(dialog, &SettingsDialog::keyReplaced, m_session, &LinkSession::keyReplaced);
    connect(dialog, &SettingsDialog::keyForgotten, m_session, &LinkSession::keyForgotten);
    connect(dialog, &SettingsDialog::connectionSaved, m_session, &LinkSession::reconnect);
    connect(dialog, &SettingsDialog::profilesChanged, this, &MainWindow::refreshProfiles);
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
    m_error->updateColours();
    if (m_keyPage)
        m_keyPage->updateColours();
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        updateColours();
    // The application sets its icon after the first frame; the tray follows it.
    if (event->type() == QEvent::WindowIconChange)
        m_tray->updateIcon();
}

History& MainWindow::history() const
{
    return m_session->history();
}

void MainWindow::setUpHistory()
{
    m_historyDock = new HistoryDock(*m_ticker, *m_ui->historyAction, this);
    m_historyDock->setHistory(&m_session->history());
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
    switch (action) {
    case HistoryPanel::Action::CopyLink:
        m_share->copyLinkOf(token, label);
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
    m_session->preparePreview(
        token, profile, this,
        [this, tokenText, label](ApiClient& api, ApiClient* own, const QString& warning) {
            if (!warning.isEmpty())
                m_error->show(warning);
            auto* dialog = new PreviewDialog(api, tokenText, label, this);
            dialog->setObjectName(u"previewDialog"_s);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            if (own)
                own->setParent(dialog); // the dialog keeps the client of another profile
            dialog->show();
        },
        [this](const QString& why) { statusBar()->showMessage(why, StatusMessageMs); });
}

void MainWindow::refreshProfiles()
{
    const QStringList names = Profiles(m_settings.store()).names();
    QSignalBlocker block(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    m_ui->profileCombo->addItems(names);
    m_ui->profileCombo->setCurrentText(m_settings.profile());
    const bool fixed = isDemo() || m_session->keySource() == LinkSession::KeySource::Session;
    m_ui->profileCombo->setEnabled(!fixed && names.size() > 1);
    // One profile needs no switcher; the demo has none of its own.
    m_ui->newLinkForm->setRowVisible(m_ui->profileCombo, names.size() > 1 && !isDemo());
    m_ui->profileCombo->setToolTip(fixed ? tr("The profile cannot change in demo mode or with FAULTSHARE_API_KEY")
                                         : tr("The profile (API URL, key, CA file) the next link is made with"));
    connect(m_ui->profileCombo, &QComboBox::textActivated, this, &MainWindow::switchProfile, Qt::UniqueConnection);
    updateTitle();
}

void MainWindow::switchProfile(const QString& profile)
{
    m_session->switchProfile(profile);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_session->stopRenewing();
    m_session->cancel();
    // Demo mode leaves the settings alone altogether.
    if (!isDemo())
        m_settings.setWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::confirmKeyOrigin(const QString& key, const QString& storedFor, const QString& current)
{
    const QString profile = m_settings.profile();
    KeyPage::askKeyOrigin(this, profile, storedFor, current, [this, key, current, profile](bool use) {
        if (profile != m_settings.profile() || Origin::of(m_api.apiUrl()) != current)
            return; // the profile or its API changed meanwhile: the next Generate asks again
        m_session->confirmKey(key, use);
    });
}

} // namespace faultshare
