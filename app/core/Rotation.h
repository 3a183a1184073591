#pragma once

#include "ApiError.h"
#include "EmbedToken.h"
#include "HistoryFile.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <chrono>
#include <optional>

class QTimer;

namespace faultshare {

class LinkIssuer;

// Keeps a link alive by replacing it before it expires: given a lifetime L and a
// renew-before R (R < L), it mints the next link when the current one has R left, so a
// wall display or a dashboard never shows a dead one while every link stays short-lived.
// `faultshare rotate`, the window's "Keep renewing" and `--present --rotate` run on it.
//
// - A mint that fails while the current link still lives keeps that link and is tried
//   again with backoff (5 s, doubling, at most 60 s), or after the API's Retry-After when
//   that is longer (a 429 without one waits a minute: the reference documents no
//   rate-limit window, and older pages speak of requests per minute).
// - When the current link expires with no successor, expired() says so (every display
//   takes its QR code down and says why), and the retries go on.
// - Every link is minted through the issuer, so it is in the history (if the issuer has
//   one) before anyone hears of it, with the plan's label and a RotationMark.
// - Times come from the system clock and are recomputed on every wake-up (at most a
//   minute apart), never counted down, so a suspended or re-clocked machine renews on
//   time; expiry follows the link's own clock correction (EmbedToken::localExpiresAt).
class Rotation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Rotation)

public:
    struct Plan
    {
        int minutes = 60;                     // each link's lifetime L, 1 to 43200
        std::chrono::seconds renewBefore{360}; // R: renew when this much is left; 0 < R < L
        int count = 0;                        // stop after this many links; 0: no end
        QString label;                        // each link's label in the history
        QString profile;                      // the profile it is issued for
    };

    static constexpr std::chrono::seconds FirstRetry{5};
    static constexpr std::chrono::seconds LongestRetry{60};
    // How long a 429 without Retry-After holds the next try (a per-minute limit's window).
    static constexpr std::chrono::seconds RateLimitWait{60};

    // A tenth of the lifetime, at least a minute where the lifetime allows (a lifetime of
    // one minute renews 6 s before the end).
    static std::chrono::seconds defaultRenewBefore(int minutes);
    // "90s", "10m", "2h", "1h30m" (spaces and case ignored): seconds; nullopt when it is
    // not such a duration, or longer than 30 days.
    static std::optional<std::chrono::seconds> parseDuration(const QString& text);
    // The shortest form parseDuration() reads back: "90s" -> "1m30s", 3600 -> "1h".
    static QString durationText(std::chrono::seconds duration);
    // Why plan cannot run, as one sentence; empty when it can.
    static QString checkPlan(const Plan& plan);

    // issuer (and its client and history) outlive the rotation.
    explicit Rotation(LinkIssuer& issuer, QObject* parent = nullptr);
    ~Rotation() override;

    // Starts renewing. With a live current link (the one on screen) the first renewal
    // falls R before its end; without one a link is minted at once. A running rotation
    // starts over with the new plan. plan must pass checkPlan().
    void start(const Plan& plan, const std::optional<EmbedToken>& current = std::nullopt);
    // Stops at once: a mint in flight is cancelled, no timer stays, and nothing is
    // signalled after this call. The current link stays valid until its own end.
    void stop();
    // Mints the next link now (the operator asked for a fresh one); no-op while minting.
    void renewNow();

    bool isRunning() const { return m_running; }
    bool isMinting() const { return m_minting; }
    const Plan& plan() const { return m_plan; }
    // The live link: the last one minted (or given to start()), until it expires.
    std::optional<EmbedToken> current() const { return m_current; }
    // When the next mint is due (UTC, this computer's clock): the planned renewal or the
    // next retry. Invalid while a mint is in flight or the rotation is stopped.
    QDateTime nextRenewal() const;
    // Links minted since start().
    int minted() const { return m_minted; }
    // The mark every link of this run carries in the history (its id changes at start()).
    QString id() const { return m_id; }

Q_SIGNALS:
    // A new link replaces the current one. number counts from 1 since start(); historyId
    // as LinkIssuer::issued.
    void renewed(const EmbedToken& token, const QString& historyId, int number);
    // A mint failed; the next try is at retryAt. current() says whether a link still lives.
    void renewFailed(const ApiError& error, const QDateTime& retryAt);
    // The current link expired and no successor could be minted (lastError: the last
    // failure; Timeout when the mint in flight has not been answered yet). Retries go on.
    void expired(const ApiError& lastError);
    // nextRenewal() or isMinting() changed.
    void scheduleChanged();
    // plan().count links were minted: the rotation has stopped.
    void finished();

private:
    void onIssued(const EmbedToken& token, const QString& historyId);
    void onFailed(const ApiError& error);
    void wake();
    void arm();
    void mint();
    QDateTime dueAfter(const EmbedToken& token, const QDateTime& now) const;

    LinkIssuer& m_issuer;
    QTimer* m_timer;
    Plan m_plan;
    QString m_id;
    bool m_running = false;
    bool m_minting = false;
    int m_minted = 0;
    int m_failures = 0; // since the last link minted
    std::optional<EmbedToken> m_current;
    std::optional<ApiError> m_lastError;
    QDateTime m_due; // the next mint (UTC)
};

} // namespace faultshare
