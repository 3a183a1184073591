#include "KioskStart.h"

#include "ApiClient.h"
#include "Countdown.h"
#include "LinkSession.h"
#include "Logging.h"
#include "MainWindow.h"
#include "PresentWindow.h"
#include "RenewControl.h"
#include "Rotation.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QTimer>

namespace faultshare {

using namespace Qt::StringLiterals;

std::optional<KioskStart::Options> KioskStart::parse(bool rotate, const QString& minutes, const QString& renewBefore,
                                                     const QString& screen, int defaultMinutes, QString* why)
{
    const auto fail = [why](const QString& sentence) -> std::optional<Options> {
        if (why)
            *why = sentence;
        return std::nullopt;
    };
    Options options;
    options.rotate = rotate;
    options.screen = screen.trimmed();
    if (!minutes.isEmpty()) {
        bool ok = false;
        const int value = minutes.trimmed().toInt(&ok);
        if (!ok || value < ApiClient::MinMinutes || value > ApiClient::MaxMinutes)
            return fail(QCoreApplication::translate("main", "--minutes must be a whole number from 1 to 43200 (30 days)."));
        options.minutes = value;
    }
    if (!renewBefore.isEmpty()) {
        if (!rotate)
            return fail(QCoreApplication::translate("main", "--renew-before needs --rotate."));
        options.renewBefore = Rotation::parseDuration(renewBefore);
        if (!options.renewBefore) {
            return fail(QCoreApplication::translate("main", "--renew-before: \"%1\" is not a duration such as 90s, 10m or 2h.")
                            .arg(renewBefore));
        }
    }
    if (rotate) {
        Rotation::Plan plan;
        plan.minutes = options.minutes.value_or(defaultMinutes);
        plan.renewBefore = options.renewBefore.value_or(Rotation::defaultRenewBefore(plan.minutes));
        const QString problem = Rotation::checkPlan(plan);
        if (!problem.isEmpty())
            return fail(problem);
    }
    return options;
}

QScreen* KioskStart::screenFor(const QString& name, const QString& remembered, QString* why)
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    const auto named = [&screens](const QString& wanted) -> QScreen* {
        for (QScreen* screen : screens) {
            if (screen->name() == wanted)
                return screen;
        }
        return nullptr;
    };
    if (name.isEmpty()) {
        QScreen* screen = remembered.isEmpty() ? nullptr : named(remembered);
        return screen ? screen : QGuiApplication::primaryScreen();
    }
    if (QScreen* screen = named(name))
        return screen;
    if (why) {
        QStringList names;
        for (const QScreen* screen : screens)
            names << u'"' + screen->name() + u'"';
        *why = QCoreApplication::translate("main", "--screen: no screen is named \"%1\"; the screens are: %2.")
                   .arg(name, names.join(u", "_s));
    }
    return nullptr;
}

KioskStart::KioskStart(MainWindow& window, const Options& options, QScreen* screen, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_options(options)
    , m_screen(screen)
    , m_keyRetry(new QTimer(this))
{
    if (m_options.minutes)
        m_window.setExpiryMinutes(*m_options.minutes);
    if (m_options.renewBefore)
        m_window.renewControl().setRenewBefore(*m_options.renewBefore, false);
    m_keyRetry->setSingleShot(true);
    m_keyRetry->setInterval(KeyRetry);
    connect(m_keyRetry, &QTimer::timeout, this, [this] {
        qCInfo(lcUi) << "kiosk: asking for the key again";
        m_window.session().readKey();
    });
    LinkSession& session = m_window.session();
    connect(&session, &LinkSession::stateChanged, this, &KioskStart::makeLinkWhenReady);
    connect(&session, &LinkSession::keyReady, this, &KioskStart::makeLinkWhenReady);
    connect(&session, &LinkSession::keyNeeded, this, &KioskStart::onKeyNeeded);
}

KioskStart::~KioskStart() = default;

PresentWindow* KioskStart::present()
{
    m_present = m_window.presentOn(m_screen);
    // Esc or a double-click leaves present mode: the window comes up, renewing goes on.
    m_present->installEventFilter(this);
    return m_present;
}

void KioskStart::start()
{
    m_wantsLink = true;
    m_window.start();
    makeLinkWhenReady();
}

void KioskStart::setKeyRetry(std::chrono::milliseconds delay)
{
    m_keyRetry->setInterval(delay);
}

void KioskStart::makeLinkWhenReady()
{
    LinkSession& session = m_window.session();
    // Once the key is there (or known to be stored) and the connection configured.
    if (!m_wantsLink || !session.canGenerate())
        return;
    m_wantsLink = false;
    m_keyRetry->stop();
    if (m_options.rotate) {
        qCInfo(lcUi) << "kiosk: keep renewing";
        m_window.renewControl().setOn(true);
    } else {
        qCInfo(lcUi) << "kiosk: one link";
        m_window.generateLink();
    }
}

void KioskStart::onKeyNeeded()
{
    // The window said why in present mode (MainWindow::showKeyPage). Without --rotate that
    // stays; with it the key is asked for again in a while.
    m_wantsLink = m_options.rotate;
    if (!m_options.rotate)
        return;
    m_keyRetry->start();
    if (m_present && !m_present->hasToken()) {
        const QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(m_keyRetry->interval());
        m_present->setRenewalStatus(tr("Trying again at %1").arg(Countdown::clockText(at)), true);
    }
}

bool KioskStart::eventFilter(QObject* watched, QEvent* event)
{
    // The type first: while the window is being destroyed (child events), m_present's
    // downcast would name an object that is no longer a PresentWindow.
    if (event->type() == QEvent::Close && watched == m_present) {
        // Queued: the window comes up once present mode has gone.
        QMetaObject::invokeMethod(&m_window, [window = &m_window] {
            window->show();
            window->raise();
            window->activateWindow();
        }, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace faultshare
