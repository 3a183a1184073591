#include "Ticker.h"

#include <QTimer>

#include <algorithm>

namespace faultshare {

using namespace std::chrono_literals;

namespace {
// Wake just after the boundary, so the recomputed text has already flipped.
constexpr qint64 SlackMs = 5;
} // namespace

Ticker::Ticker(QObject* parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_timer(new QTimer(this))
{
    m_timer->setObjectName(QStringLiteral("tickTimer"));
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Ticker::onTimeout);
}

Ticker::~Ticker() = default;

void Ticker::setClock(Clock clock)
{
    m_clock = std::move(clock);
    if (isRunning())
        schedule();
}

QDateTime Ticker::now() const
{
    return m_clock();
}

void Ticker::setReference(QObject* consumer, const QDateTime& reference)
{
    if (!consumer)
        return;
    withdrawReference(consumer);
    if (reference.isValid()) {
        watch(consumer);
        m_references.append({consumer, reference});
    }
    if (isRunning())
        schedule();
}

void Ticker::hold(QObject* consumer)
{
    if (!consumer || m_consumers.contains(consumer))
        return;
    watch(consumer);
    m_consumers.insert(consumer);
    if (m_consumers.size() == 1)
        schedule();
}

void Ticker::release(QObject* consumer)
{
    const bool withdrawn = withdrawReference(consumer);
    const bool held = m_consumers.remove(consumer);
    if (!withdrawn && !held)
        return;
    disconnect(consumer, &QObject::destroyed, this, nullptr);
    if (m_consumers.isEmpty())
        m_timer->stop();
    else if (withdrawn)
        schedule();
}

void Ticker::watch(QObject* consumer)
{
    if (!isKnown(consumer))
        connect(consumer, &QObject::destroyed, this, [this, consumer] { release(consumer); });
}

bool Ticker::isKnown(QObject* consumer) const
{
    return m_consumers.contains(consumer)
        || std::any_of(m_references.cbegin(), m_references.cend(),
                       [consumer](const Reference& reference) { return reference.consumer == consumer; });
}

bool Ticker::withdrawReference(QObject* consumer)
{
    return m_references.removeIf([consumer](const Reference& reference) { return reference.consumer == consumer; })
        > 0;
}

bool Ticker::isRunning() const
{
    return !m_consumers.isEmpty();
}

void Ticker::tickNow()
{
    Q_EMIT tick(now());
    if (isRunning())
        schedule();
}

void Ticker::schedule()
{
    const qint64 nowMs = now().toMSecsSinceEpoch();
    const qint64 referenceMs = m_references.isEmpty() ? 0 : m_references.constLast().instant.toMSecsSinceEpoch();
    // Milliseconds until (reference - now) is next a whole number of seconds.
    qint64 toBoundary = (referenceMs - nowMs) % 1000;
    if (toBoundary <= 0)
        toBoundary += 1000;
    m_timer->start(std::chrono::milliseconds(toBoundary + SlackMs));
}

void Ticker::onTimeout()
{
    if (!isRunning())
        return;
    schedule();
    Q_EMIT tick(now());
}

} // namespace faultshare
