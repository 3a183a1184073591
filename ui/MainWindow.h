#pragma once

#include "EmbedToken.h"
#include "HistoryPanel.h"
#include "QrCode.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class ApiClient;
class ApiError;
class Clipboard;
class CredentialStore;
class ExpiryForm;
class History;
class HistoryDock;
class LinkResultPanel;
class PresentWindow;
class QPrinter;
class QTimer;
class Settings;
class SettingsDialog;
class ShareActions;
class Ticker;
class TokenRequest;
class TrayNotifier;

namespace Ui {
class MainWindow;
class KeyPage;
}

// The operator's window: the first-run key panel, and the main page composed of the
// expiry form (ExpiryForm), the result (LinkResultPanel), what can be done with it
// (ShareActions), expiry notifications (TrayNotifier) and the history (HistoryDock).
// The window holds the key and the requests. Everything that waits (keychain, network)
// is asynchronous; the window never blocks.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    using Clock = std::function<QDateTime()>;

    MainWindow(ApiClient& api, CredentialStore& keys, Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Applies the profile's CA file (saying inline when it cannot be used) and reads the
    // profile's key from the keychain (asynchronously) unless a session or demo key is in
    // use; shows the first-run key page when there is none.
    void start();
    // A key for this session only (FAULTSHARE_API_KEY): used, never stored.
    void useSessionKey(const QString& key);
    // Demo mode: the API URL and key go to the ApiClient only; nothing touches the
    // keychain or the settings. Shows the DEMO badge.
    void useDemo(const QUrl& apiUrl, const QString& key);
    bool isDemo() const;

    // Tests: where "now" comes from (countdown, expiry). Defaults to the system clock.
    void setClock(Clock clock);

    // The QR code of the current link at the chosen error-correction level; null when
    // there is no live link.
    QrCode currentQrCode() const;

    // The history the window keeps links in: the persistent one, or in demo mode one in
    // memory for the session.
    History& history() const;
    // The history's panel in its dock, built on first use (start() does after the first
    // frame).
    HistoryPanel* historyPanel();
    Ticker& ticker() const { return *m_ticker; }

    // Makes profile (an existing one) the window's: its API URL, CA file, default expiry
    // and key (read from the keychain; the first-run page when it has none). The shown
    // link stays. Not in demo mode or with a session key.
    void switchProfile(const QString& profile);
    // Rereads the profile list into the switcher (after Settings changed it).
    void refreshProfiles();

public Q_SLOTS:
    // ShareActions::exportQr, saying in the status bar what happened.
    bool exportQr(const QString& path, int pixelSize);
    // ShareActions::printQr.
    bool printQr(QPrinter& printer);

Q_SIGNALS:
    // The operator chose "Try the demo server"; the composition root answers with useDemo().
    void demoRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    enum class KeySource { None, Keychain, Session, Demo };

    void setUpExpiryForm();
    void setUpActions();
    void connectKeychain();

    // Built when first needed, since the first frame does not show it: the first-run key
    // page (KeyPage.ui).
    Ui::KeyPage& keyUi();
    bool onKeyPage() const;

    void showKeyPage();
    void showMainPage();
    void setKeySource(KeySource source);
    void saveKey();
    void readKeyFromKeychain();
    // Shows the page for the profile's key as last noted (Settings::keyStored), reading the
    // keychain only when that is unknown.
    void useStoredKey();
    void applyCaFile();
    // Gives the profile's proxy to the ApiClient, with its password read from the keychain
    // first when it has a user; Generate waits for it.
    void applyProxy();
    void connectProxyKeychain();
    // The key read from the keychain goes into use (and a pending Generate goes on).
    void useKeychainKey(const QString& key);
    // The stored key was bound to storedFor, and the profile now points to current: asks
    // the operator (both hosts named) whether to send it there or enter a new one.
    void confirmKeyOrigin(const QString& key, const QString& storedFor, const QString& current);

    void updateGenerateEnabled();
    void generate();
    void cancel();
    void setBusy(bool busy);
    void onTokenReceived(const EmbedToken& token);
    void onTokenFailed(const ApiError& error);
    void showError(const QString& message);
    void clearError();
    QDateTime now() const;

    void present();
    // Shows the faults token exposes, asking the API of profile (the window's when empty).
    void preview(const EmbedToken& token, const QString& label, const QString& profile);
    // The window's result becomes token (generated now or taken from the history).
    void showToken(const EmbedToken& token, const QString& label);
    void setUpHistory();
    void onHistoryAction(HistoryPanel::Action action, const EmbedToken& token, const QString& label,
                         const QString& profile);
    void openSettings();
    void showAbout();
    void updateTitle();
    void updateColours();

    const std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Ui::KeyPage> m_keyUi;
    QWidget* m_keyPage = nullptr; // the form's root, with m_keyUi
    ApiClient& m_api;
    CredentialStore& m_keys;
    Settings& m_settings;
    Clipboard* m_clipboard;
    Ticker* m_ticker; // the one countdown clock of the window, present mode and history
    ExpiryForm* m_expiryForm = nullptr;
    LinkResultPanel* m_result = nullptr;
    ShareActions* m_share = nullptr;
    TrayNotifier* m_tray = nullptr;
    HistoryDock* m_historyDock = nullptr;

    KeySource m_keySource = KeySource::None;
    bool m_readingKey = false;
    bool m_generateAfterRead = false; // Generate waits for the stored key (useStoredKey)
    bool m_readingProxyPassword = false;
    bool m_savingKey = false;
    QString m_pendingKey; // typed on the key page, only until the keychain confirms

    QPointer<TokenRequest> m_request;
    QString m_pendingLabel;
    QTimer* m_retryTimer; // Retry-After of a 429
    bool m_errorIsRateLimit = false;

    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<PresentWindow> m_presentWindow;
    QString m_caFileProblem; // shown in the error label until Settings are accepted
    History* m_history = nullptr;     // persistent: settings + keychain
    bool m_started = false;           // start() ran: the history is loaded, the tray asked
    History* m_demoHistory = nullptr; // demo mode: memory only
};
