#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace faultshare {

class ExpiryNotifier;
class LinkResultPanel;
class Settings;
class Ticker;

// Expiry notifications of the shown link: a warning before it expires and a word when it
// has, in the status bar (message()) and from the tray icon, which is there while
// notifications are on and the desktop has a tray. Clicking the icon or a notification
// brings the window back.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    // result: the link watched, on its own (skew-corrected) clock; ticker: while a
    // countdown runs, its ticks check too.
    TrayNotifier(const Settings& settings, Ticker& ticker, const LinkResultPanel& result, QWidget& window);
    ~TrayNotifier() override;

    // From now on the tray icon, since asking the desktop for a tray takes round trips
    // (the window calls it after its first frame).
    void start();
    // Applies the notification settings (it does so by itself when they change).
    void applySettings();
    // The result shows another link: it is watched from now on (unless notifications are off).
    void watchResult();
    // Checks at once (after the clock was changed).
    void check();
    // The window's icon changed: the tray follows it.
    void updateIcon();

Q_SIGNALS:
    // One sentence for the status bar; 0 keeps it there.
    void message(const QString& text, int timeoutMs);

private:
    void updateTrayIcon();
    void notify(const QString& text, bool expired);

    const Settings& m_settings;
    const LinkResultPanel& m_result;
    QWidget& m_window;
    ExpiryNotifier* m_notifier;
    QSystemTrayIcon* m_trayIcon = nullptr; // only while wanted and a tray exists
    bool m_started = false;
};

} // namespace faultshare
