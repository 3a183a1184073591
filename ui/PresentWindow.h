#pragma once

#include "Countdown.h"
#include "EmbedToken.h"

#include <QDateTime>
#include <QString>
#include <QWidget>
#include <chrono>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QScreen;
class QTimer;

namespace faultshare {

class QrView;
class Settings;
class Ticker;

// Present mode: the link's QR code for a wall display, as large as the screen allows,
// with the short link, the label and the live countdown below it. Always dark on light,
// whatever the desktop theme. Once the link expires the QR code is taken down, so
// nobody scans a dead link. Esc or a double-click closes it; the cursor hides when idle.
// Under the countdown, while the window's links are renewed, when the next one comes.
// A newer link replaces the QR code in one paint: same layout, the new code.
class PresentWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresentWindow)

public:
    using Clock = std::function<QDateTime()>;

    static constexpr std::chrono::milliseconds CursorIdleDelay{3000};

    // A top-level window even with a parent (the parent only owns it). The countdown
    // follows ticker (the app's one ticker; the window makes its own when null).
    PresentWindow(const EmbedToken& token, const QString& label, QWidget* parent = nullptr,
                  Ticker* ticker = nullptr);
    // Without a link yet (a kiosk start): a sentence in place of the QR code
    // (showWaiting()) until updateToken().
    explicit PresentWindow(QWidget* parent = nullptr, Ticker* ticker = nullptr);
    ~PresentWindow() override;

    // Where "now" comes from (tests): sets the ticker's clock. Defaults to the system
    // clock; recomputes at once, showing the QR code again if the link is live on it.
    void setClock(Clock clock);
    // Recomputes from the ticker's clock, which someone else changed.
    void refresh() { showToken(); }
    // Follows a newer link: QR code, link, label and countdown start over.
    void updateToken(const EmbedToken& token, const QString& label);
    // No link to show (none made yet): sentence in place of the QR code ("Making a
    // link…", or why there is none).
    void showWaiting(const QString& sentence);
    bool hasToken() const { return m_token.has_value(); }
    bool hasLiveLink() const { return !shownLink().isEmpty(); }

    // The window's "Keep renewing" switch, in the context menu and on its key.
    void setRenewAction(QAction* action);
    // The line under the countdown ("Renews at 14:05:10", or why the last renewal failed
    // and when it is tried again); renewing: whether links are being renewed.
    void setRenewalStatus(const QString& line, bool renewing);
    QString renewalStatus() const;

    // Shows the window where the operator wants it. With several screens a picker opens
    // first (not modal), the remembered choice preselected; with one screen, fullscreen
    // on it (or in a window if that was chosen before). settings may be null (demo mode):
    // then nothing is remembered.
    void present(Settings* settings);
    // Fullscreen on screen, or in an ordinary window that can be dragged to a display
    // when screen is null.
    void showOn(QScreen* screen);
    bool isInWindow() const;

    // How long the mouse rests before the cursor hides (tests shorten it).
    void setCursorIdleDelay(std::chrono::milliseconds delay);

    // The short link shown and encoded, empty when the token has none or it expired.
    QString shownLink() const;
    bool isExpired() const { return m_expired; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showToken();
    void updateCountdown();
    void takeDown();
    QDateTime tokenNow() const;
    void updateFonts();
    void fitLinkFont();
    void wakeCursor();
    void setInWindow(bool inWindow);

    std::optional<EmbedToken> m_token;
    QString m_link;
    Ticker* m_ticker;
    bool m_expired = false;
    std::optional<Countdown::Phase> m_phase;

    QrView* m_qrView;
    QLabel* m_linkLabel;
    QLabel* m_titleLabel;
    QLabel* m_countdownLabel;
    QLabel* m_renewLabel;
    bool m_renewing = false;
    QTimer* m_cursorTimer; // hides the cursor when the mouse rests
    QAction* m_inWindowAction;
    QAction* m_closeAction;
};

} // namespace faultshare
