#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <functional>

class QTimer;

namespace faultshare {

// The one clock tick of the app: every live countdown (the main window, present mode,
// every history row) redraws from it, so a window full of countdowns costs one timer
// wake-up per second, and none when nothing counts down. Consumers say while they need
// ticks (hold / release); the ticks fall just after whole seconds counted from a
// reference instant, so a countdown to that instant flips its seconds, and takes its
// link down, on time. tick() carries "now" from the ticker's clock: consumers
// recompute from it, never count ticks.
class Ticker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Ticker)

public:
    using Clock = std::function<QDateTime()>;

    explicit Ticker(QObject* parent = nullptr);
    ~Ticker() override;

    // Tests: where "now" comes from. Defaults to the system clock (UTC).
    void setClock(Clock clock);
    QDateTime now() const;

    // Ticks fall 5 ms after now == reference + n seconds (by default whole wall-clock
    // seconds). A countdown sets its expiry instant here. One timer serves one phase:
    // the reference set last applies (the link just made, or just put on the wall), and
    // when its consumer is released the one set before it applies again. An invalid
    // instant withdraws consumer's reference.
    void setReference(QObject* consumer, const QDateTime& reference);

    // consumer needs ticks until release(consumer) or its destruction. Idempotent.
    void hold(QObject* consumer);
    // Also withdraws consumer's reference.
    void release(QObject* consumer);
    bool isRunning() const;

    // Ticks now (consumers redraw at once, e.g. after the clock was changed in a test)
    // and re-aims the next tick.
    void tickNow();

Q_SIGNALS:
    void tick(const QDateTime& now);

private:
    struct Reference
    {
        QObject* consumer;
        QDateTime instant;
    };

    // Releases consumer when it is destroyed; once for each consumer known.
    void watch(QObject* consumer);
    bool isKnown(QObject* consumer) const;
    bool withdrawReference(QObject* consumer);
    void schedule();
    void onTimeout();

    Clock m_clock;
    QTimer* m_timer;
    QList<Reference> m_references; // in the order set; the last applies
    QSet<QObject*> m_consumers;
};

} // namespace faultshare
