#include "ExpiryNotifier.h"

#include "Logging.h"

#include <QTimer>

#include <algorithm>

namespace faultshare {

using namespace std::chrono;

ExpiryNotifier::ExpiryNotifier(Clock clock, QObject* parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("expiryCheckTimer"));
    m_timer->setSingleShot(true);
    // Coarse timers may fire early; a precise one keeps the number of wake-ups down.
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &ExpiryNotifier::check);
}

ExpiryNotifier::~ExpiryNotifier() = default;

void ExpiryNotifier::setLeadTime(minutes lead)
{
    m_lead = std::max(lead, minutes(0));
    if (!isWatching() || m_expired)
        return;
    // Like a new token: a lead moment that is already behind us is not reported.
    m_warned = !warningPending(m_clock());
    check();
}

bool ExpiryNotifier::warningPending(const QDateTime& now) const
{
    return m_lead > 0min && now < m_expiresAt.addMSecs(-duration_cast<milliseconds>(m_lead).count());
}

void ExpiryNotifier::setToken(const QDateTime& expiresAt)
{
    m_timer->stop();
    m_expiresAt = expiresAt;
    m_expired = false;
    if (!expiresAt.isValid())
        return;
    m_warned = !warningPending(m_clock());
    check();
}

void ExpiryNotifier::stop()
{
    m_timer->stop();
    m_expiresAt = QDateTime();
}

void ExpiryNotifier::check()
{
    m_timer->stop();
    if (!isWatching() || m_expired)
        return;
    const milliseconds left(m_clock().msecsTo(m_expiresAt));
    if (left <= 0ms) {
        // After a long sleep the warning is stale: only the expiry is worth saying.
        m_expired = true;
        m_warned = true;
        qCInfo(lcUi) << "expiry notification: expired";
        Q_EMIT expired();
        return;
    }
    const milliseconds lead = m_lead;
    if (!m_warned && left <= lead) {
        m_warned = true;
        const int minutesLeft = int((left.count() + 59999) / 60000);
        qCInfo(lcUi) << "expiry notification: warning," << minutesLeft << "min left";
        Q_EMIT warning(minutesLeft);
        // A receiver may have stopped us or set another token.
        if (!isWatching() || m_expired || m_timer->isActive())
            return;
    }
    arm(m_warned ? left : left - lead);
}

void ExpiryNotifier::arm(milliseconds untilDue)
{
    m_timer->start(std::clamp(untilDue, 1ms, duration_cast<milliseconds>(MaxStep)));
}

std::optional<milliseconds> ExpiryNotifier::nextCheckIn() const
{
    if (!m_timer->isActive())
        return std::nullopt;
    return m_timer->intervalAsDuration();
}

} // namespace faultshare
