#pragma once

#include <QDateTime>
#include <QObject>
#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace faultshare {

// Says when a token is about to expire and when it has. Nothing here counts down: every
// check reads the (possibly skew-corrected) wall clock, and the one timer is re-armed in
// steps of at most a minute, because its monotonic clock stops while the machine sleeps.
// After a wake-up, what became due is reported within a minute: expired() alone when both
// the warning and the expiry passed during the sleep.
class ExpiryNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExpiryNotifier)

public:
    using Clock = std::function<QDateTime()>;

    static constexpr std::chrono::minutes DefaultLeadTime{10};
    // The longest the timer is armed for: how late a wake-up from sleep may be noticed.
    static constexpr std::chrono::seconds MaxStep{60};

    explicit ExpiryNotifier(Clock clock, QObject* parent = nullptr);
    ~ExpiryNotifier() override;

    // How long before expiry warning() comes; 0 disables it. A change applies to the
    // current token from now on.
    void setLeadTime(std::chrono::minutes lead);
    std::chrono::minutes leadTime() const { return m_lead; }

    // Watches a new token (forgetting everything about the previous one). A token that is
    // already inside the lead time gets no warning, only expired(): its operator has just
    // seen how long it lives.
    void setToken(const QDateTime& expiresAt);
    void stop();
    bool isWatching() const { return m_expiresAt.isValid(); }

    // Reads the clock now, reports what is due and re-arms; e.g. after the clock changed.
    void check();

    // Tests: the interval the timer is armed with, none when nothing is pending.
    std::optional<std::chrono::milliseconds> nextCheckIn() const;

Q_SIGNALS:
    // minutesLeft is rounded up, so it never says 0 before the expiry.
    void warning(int minutesLeft);
    void expired();

private:
    void arm(std::chrono::milliseconds untilDue);
    bool warningPending(const QDateTime& now) const;

    Clock m_clock;
    QTimer* m_timer;
    std::chrono::minutes m_lead = DefaultLeadTime;
    QDateTime m_expiresAt;
    bool m_warned = false; // given, or skipped for this token
    bool m_expired = false;
};

} // namespace faultshare
