#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

class QScreen;
class QTimer;

namespace faultshare {

class MainWindow;
class PresentWindow;

// A wall-display box that starts FaultShare after login:
//
//     faultshare --present [--rotate] [--minutes N] [--renew-before D] [--screen NAME]
//
// Present mode fullscreen on the chosen screen from the first frame, saying "Making a
// link…" until the first link is there; that link is made once the first frame is up (as
// the window's start() waits for it); with --rotate it is renewed for as long as FaultShare
// runs. The window (hidden) does the work: its LinkSession with the keychain's key or
// FAULTSHARE_API_KEY, its one Rotation. What goes wrong (no key, a locked keychain, the
// API unreachable) is said in place of the QR code; with --rotate it keeps trying (the
// rotation's retries, the key again every minute). Leaving present mode (Esc) shows the
// window, where renewing goes on.
class KioskStart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskStart)

public:
    struct Options
    {
        bool rotate = false;
        std::optional<int> minutes;                     // nullopt: the profile's default
        std::optional<std::chrono::seconds> renewBefore; // nullopt: a tenth of the lifetime
        QString screen;                                 // QScreen::name(); empty: see screenFor()
    };

    // How long a key that could not be had waits before it is asked for again (--rotate).
    static constexpr std::chrono::seconds KeyRetry{60};

    // The options as the command line gives them (minutes and renewBefore as typed, empty
    // when not given), checked as `faultshare rotate` checks them (Rotation::parseDuration,
    // Rotation::checkPlan, with defaultMinutes when --minutes is not given). nullopt with
    // *why (one sentence) when they cannot be used.
    static std::optional<Options> parse(bool rotate, const QString& minutes, const QString& renewBefore,
                                        const QString& screen, int defaultMinutes, QString* why);
    // The screen to present on: the one named name (QScreen::name()), else (name empty) the
    // one remembered for present mode, else the primary. Null when no screen is named name,
    // with *why listing the names there are.
    static QScreen* screenFor(const QString& name, const QString& remembered, QString* why);

    // window outlives this object.
    KioskStart(MainWindow& window, const Options& options, QScreen* screen, QObject* parent = nullptr);
    ~KioskStart() override;

    // Present mode now (before the first frame): fullscreen on the screen, "Making a link…".
    PresentWindow* present();
    // After the first frame: the window's session starts and the first link is made.
    void start();

    // Tests: the wait before the key is asked for again.
    void setKeyRetry(std::chrono::milliseconds delay);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void makeLinkWhenReady();
    void onKeyNeeded();

    MainWindow& m_window;
    Options m_options;
    QScreen* m_screen;
    QPointer<PresentWindow> m_present;
    QTimer* m_keyRetry;
    bool m_wantsLink = false;
};

} // namespace faultshare
