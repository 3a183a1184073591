#include "TrayNotifier.h"

#include "ExpiryNotifier.h"
#include "LinkResultPanel.h"
#include "Settings.h"
#include "Ticker.h"

#include <QSystemTrayIcon>
#include <QWidget>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

// An expiry warning stays in the status bar this long; the expiry itself stays.
constexpr int NotifyWarningStatusMs = 60000;

} // namespace

TrayNotifier::TrayNotifier(const Settings& settings, Ticker& ticker, const LinkResultPanel& result, QWidget& window)
    : QObject(&window)
    , m_settings(settings)
    , m_result(result)
    , m_window(window)
    // The token's clock: the server's expiry compared with the skew-corrected time.
    , m_notifier(new ExpiryNotifier([&result] { return result.tokenNow(); }, this))
{
    // While a countdown runs, its tick checks too: that re-arms the notifier's own timer
    // every second, so it never fires and the app wakes once a second, not 61 times a minute.
    connect(&ticker, &Ticker::tick, m_notifier, &ExpiryNotifier::check);
    connect(&settings, &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::Notify)
            applySettings();
    });
    // Only the label names the link: notifications show on locked screens and in shares.
    connect(m_notifier, &ExpiryNotifier::warning, this, [this](int minutesLeft) {
        const QString label = m_result.label();
        notify(label.isEmpty() ? tr("The link expires in %1 min").arg(minutesLeft)
                               : tr("The link “%1” expires in %2 min").arg(label, QString::number(minutesLeft)),
               false);
    });
    connect(m_notifier, &ExpiryNotifier::expired, this, [this] {
        const QString label = m_result.label();
        notify(label.isEmpty() ? tr("The link has expired; generate a new one")
                               : tr("The link “%1” has expired; generate a new one").arg(label),
               true);
    });
    applySettings();
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::start()
{
    m_started = true;
    updateTrayIcon();
}

void TrayNotifier::applySettings()
{
    m_notifier->setLeadTime(std::chrono::minutes(m_settings.notifyLeadMinutes()));
    if (!m_settings.notifyEnabled())
        m_notifier->stop();
    else if (m_result.hasLiveToken() && !m_notifier->isWatching())
        m_notifier->setToken(m_result.token()->expiresAt());

    if (m_started)
        updateTrayIcon();
}

void TrayNotifier::watchResult()
{
    if (m_settings.notifyEnabled() && m_result.hasLiveToken())
        m_notifier->setToken(m_result.token()->expiresAt());
    else
        m_notifier->stop();
}

void TrayNotifier::check()
{
    m_notifier->check();
}

void TrayNotifier::updateIcon()
{
    if (m_trayIcon)
        m_trayIcon->setIcon(m_window.windowIcon());
}

void TrayNotifier::updateTrayIcon()
{
    const bool tray = m_settings.notifyEnabled() && QSystemTrayIcon::isSystemTrayAvailable();
    if (tray && !m_trayIcon) {
        m_trayIcon = new QSystemTrayIcon(m_window.windowIcon(), this);
        m_trayIcon->setObjectName(u"trayIcon"_s);
        m_trayIcon->setToolTip(tr("FaultShare"));
        const auto bringBack = [this] {
            m_window.showNormal();
            m_window.raise();
            m_window.activateWindow();
        };
        connect(m_trayIcon, &QSystemTrayIcon::activated, this, bringBack);
        connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, bringBack);
        m_trayIcon->show();
    } else if (!tray && m_trayIcon) {
        delete m_trayIcon;
        m_trayIcon = nullptr;
    }
}

void TrayNotifier::notify(const QString& text, bool expired)
{
    // The status bar always: it is where the window says things, and where there is no tray.
    Q_EMIT message(text, expired ? 0 : NotifyWarningStatusMs);
    if (m_trayIcon)
        m_trayIcon->showMessage(tr("FaultShare"), text, expired ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

} // namespace faultshare
