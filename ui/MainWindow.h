#pragma once

#include "EmbedToken.h"
#include "HistoryPanel.h"
#include "QrCode.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QPaintDevice;
class QScreen;
class QTimer;
namespace Ui {
class MainWindow;
}

namespace faultshare {

class ApiClient;
class ApiError;
class Clipboard;
class CredentialStore;
class ErrorLine;
class ExpiryForm;
class History;
class HistoryDock;
class KeyPage;
class LinkResultPanel;
class LinkSession;
class PresentWindow;
class RenewControl;
class Settings;
class SettingsDialog;
class ShareActions;
class Ticker;
class TrayNotifier;


// The operator's window: the first-run key panel, and the main page composed of the
// expiry form (ExpiryForm), the result (LinkResultPanel), what can be done with it
// (ShareActions), expiry notifications (TrayNotifier) and the history (HistoryDock).
// The key, the connection and the requests are the LinkSession's: the window shows what
// it says and passes on what the operator does. Nothing here blocks.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    using Clock = std::function<QDateTime()>;

    MainWindow(ApiClient& api, CredentialStore& keys, Settings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // After the first frame: the history and the tray, then the session (the profile's
    // connection, and the key page when no key is stored).
    void start();
    // --api-url: this API instead of the profile's, until the profile or its URL changes.
    void useApiUrl(const QUrl& url);
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

    // The window's state of work (the key, the requests, the one rotation of "Keep
    // renewing"), for a kiosk start that drives it.
    LinkSession& session() const { return *m_session; }
    // "Keep renewing": the switch, its renew-before and the line beside the countdown.
    RenewControl& renewControl() const { return *m_renew; }
    // The form's validity becomes minutes (a kiosk's --minutes).
    void setExpiryMinutes(int minutes);
    // Generate, as the button does (when it is enabled).
    void generateLink() { generate(); }
    // Present mode on screen (fullscreen; in a window when null) without asking, also
    // without a link yet: it then says "Making a link…" until one comes.
    PresentWindow* presentOn(QScreen* screen);
    PresentWindow* presentWindow() const;

public Q_SLOTS:
    // ShareActions::exportQr, saying in the status bar what happened.
    bool exportQr(const QString& path, int pixelSize);
    // ShareActions::printQr.
    bool printQr(QPaintDevice& printer);

Q_SIGNALS:
    // The operator chose "Try the demo server"; the composition root answers with useDemo().
    void demoRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setUpExpiryForm();
    void setUpActions();
    void setUpSession();
    void setUpRenewing();

    // Built when first needed, since the first frame does not show it.
    KeyPage& keyPage();
    bool onKeyPage() const;
    void showKeyPage(const QString& why = {}, bool canRetry = false);
    void showMainPage();
    void updateKeyMode();
    // The stored key was bound to storedFor, and the profile now points to current: asks
    // the operator (both hosts named) whether to send it there or enter a new one.
    void confirmKeyOrigin(const QString& key, const QString& storedFor, const QString& current);

    void updateGenerateEnabled();
    void generate();
    // The status bar says while the keychain is asked for the key.
    void showKeyRead();
    void setBusy(bool busy);
    void onIssued(const EmbedToken& token, const QString& label, const QString& historyId);
    void onFailed(const ApiError& error, std::chrono::seconds holdFor);
    QDateTime now() const;

    void present();
    PresentWindow* makePresentWindow();
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
    ApiClient& m_api;
    CredentialStore& m_keys;
    Settings& m_settings;
    LinkSession* m_session;
    Clipboard* m_clipboard;
    Ticker* m_ticker; // the one countdown clock of the window, present mode and history
    KeyPage* m_keyPage = nullptr;
    ExpiryForm* m_expiryForm = nullptr;
    LinkResultPanel* m_result = nullptr;
    ShareActions* m_share = nullptr;
    TrayNotifier* m_tray = nullptr;
    RenewControl* m_renew = nullptr;
    HistoryDock* m_historyDock = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QPointer<PresentWindow> m_presentWindow;
    ErrorLine* m_error = nullptr;
    bool m_showsKeyRead = false;
};

} // namespace faultshare
