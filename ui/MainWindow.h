#pragma once

#include "Countdown.h"
#include "EmbedToken.h"
#include "ExpiryInput.h"
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
class Settings;
class PresentWindow;
class SettingsDialog;
class Ticker;
class TokenRequest;
class QPrinter;
class QTimer;
class QSystemTrayIcon;
class ExpiryNotifier;
class History;
class HistoryPanel;
class QDockWidget;
class QGroupBox;

namespace Ui {
class MainWindow;
class KeyPage;
class LinkDetails;
}

// The operator's window: the first-run key panel, the expiry form, and the result (QR
// code, short link, live countdown, masked token, details). Everything that waits
// (keychain, network) is asynchronous; the window never blocks.
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
    // Writes the QR code of the current link to path: SVG when the name ends in .svg,
    // else PNG. pixelSize is the side in pixels, rounded down to whole modules (quiet
    // zone included). Says in the status bar what happened; false when nothing was written.
    bool exportQr(const QString& path, int pixelSize);
    // Prints the QR code centred on one page with whole printer-pixel modules, the label
    // and the link below it. False when there is no live link or the printer failed.
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

    // Built when first needed, since the first frame shows neither: the first-run key page
    // (KeyPage.ui) and the token details under the form (LinkDetails.ui).
    Ui::KeyPage& keyUi();
    Ui::LinkDetails& detailsUi();
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

    // The validity the form holds now: a preset, Custom (value and unit) or Until (a local
    // date and time in the system zone, counted from the window's clock).
    ExpiryInput::ExpiryChoice expiryChoice() const;
    std::optional<int> selectedMinutes() const;
    void onPresetChanged();
    void validateExpiry();
    void updateGenerateEnabled();

    void generate();
    void cancel();
    void setBusy(bool busy);
    void onTokenReceived(const EmbedToken& token);
    void onTokenFailed(const ApiError& error);
    void showError(const QString& message);
    void clearError();

    void showResult();
    void updateCountdown();
    void applyPhase(Countdown::Phase phase);
    void takeDown();
    QDateTime now() const;
    QDateTime tokenNow() const;

    void setResultActionsEnabled(bool link, bool token);
    void copyLink();
    void openLink();
    void copyToken();
    void setTokenRevealed(bool revealed);

    enum class CopyFormat { Markdown, Html };
    void setUpSharing();
    void setSharingEnabled(bool enabled);
    void showCopied();
    void copyAs(CopyFormat format);
    void askIframeSizeAndCopy();
    void onErrorCorrectionChanged();
    // The key read from the keychain goes into use (and a pending Generate goes on).
    void useKeychainKey(const QString& key);
    // The stored key was bound to storedFor, and the profile now points to current: asks
    // the operator (both hosts named) whether to send it there or enter a new one.
    void confirmKeyOrigin(const QString& key, const QString& storedFor, const QString& current);
    // The QR code of the link at the chosen error correction, or why there is none.
    void showQrCode();
    void saveQrWithDialogs();
    void copyQrImage();
    void printQrWithDialog();

    void present();
    // Shows the faults token exposes, asking the API of profile (the window's when empty).
    void preview(const EmbedToken& token, const QString& label, const QString& profile);
    // The window's result becomes token (generated now or taken from the history).
    void showToken(const EmbedToken& token, const QString& label);
    void setUpHistory();
    void onHistoryAction(int action, const EmbedToken& token, const QString& label, const QString& profile);
    void applyDefaultExpiry();
    void openSettings();
    void showAbout();
    void updateTitle();
    void updateColours();

    // Expiry notifications: the tray icon (where the desktop has a tray) and the status bar.
    void setUpNotifications();
    void applyNotifySettings();
    // The tray icon while notifications are on and the desktop has a tray; from start()
    // on, since asking the desktop takes round trips.
    void updateTrayIcon();
    void notify(const QString& text, bool expired);

    const std::unique_ptr<Ui::MainWindow> m_ui;
    std::unique_ptr<Ui::KeyPage> m_keyUi;
    std::unique_ptr<Ui::LinkDetails> m_detailsUi;
    QWidget* m_keyPage = nullptr;         // the form's root, with m_keyUi
    QGroupBox* m_detailsGroup = nullptr;  // the form's root, with m_detailsUi
    ApiClient& m_api;
    CredentialStore& m_keys;
    Settings& m_settings;
    Clipboard* m_clipboard;
    Ticker* m_ticker; // the one countdown clock of the window, present mode and history

    KeySource m_keySource = KeySource::None;
    bool m_readingKey = false;
    bool m_generateAfterRead = false; // Generate waits for the stored key (useStoredKey)
    bool m_readingProxyPassword = false;
    bool m_savingKey = false;
    QString m_pendingKey; // typed on the key page, only until the keychain confirms

    QPointer<TokenRequest> m_request;
    QString m_pendingLabel;
    QTimer* m_retryTimer;       // Retry-After of a 429
    QTimer* m_copyFeedbackTimer;
    bool m_errorIsRateLimit = false;

    std::optional<EmbedToken> m_token;
    QString m_link; // the shareable short link of m_token, empty when it has none
    bool m_expired = false;
    std::optional<Countdown::Phase> m_phase;

    std::unique_ptr<QPrinter> m_printer; // created on first use, keeps the choices between prints
    // Sharing choices of this session; written to the settings too, except in demo mode.
    QSize m_iframeSize;
    int m_qrExportPixels = 0;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<PresentWindow> m_presentWindow;
    QString m_caFileProblem; // shown in the error label until Settings are accepted
    ExpiryNotifier* m_notifier = nullptr; // watches m_token on the window's clock
    History* m_history = nullptr;     // persistent: settings + keychain
    bool m_started = false;           // start() ran: the history is loaded, the tray asked
    History* m_demoHistory = nullptr; // demo mode: memory only
    HistoryPanel* m_historyPanel = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QSystemTrayIcon* m_trayIcon = nullptr; // only while wanted and a tray exists
};
