#include "Ticker.h"

#include <QTimer>

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

void Ticker::setReference(const QDateTime& reference)
{
    m_reference = reference;
    if (isRunning())
        schedule();
}

void Ticker::hold(QObject* consumer)
{
    if (!consumer || m_consumers.contains(consumer))
        return;
    m_consumers.insert(consumer);
    connect(consumer, &QObject::destroyed, this, [this, consumer] { release(consumer); });
    if (m_consumers.size() == 1)
        schedule();
}

void Ticker::release(QObject* consumer)
{
    if (!m_consumers.remove(consumer))
        return;
    disconnect(consumer, &QObject::destroyed, this, nullptr);
    if (m_consumers.isEmpty())
        m_timer->stop();
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
    const qint64 referenceMs = m_reference.isValid() ? m_reference.toMSecsSinceEpoch() : 0;
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
