#pragma once

#include <QDateTime>
#include <QString>
#include <chrono>

namespace faultshare {

// The countdown of a token, as pure functions of the time. Nothing here counts down:
// every tick recomputes from the (possibly skew-corrected) wall clock, so it is right
// after the machine sleeps.
namespace Countdown {

enum class Phase { Fresh, Warning, Critical, Expired };

std::chrono::milliseconds remaining(const QDateTime& now, const QDateTime& expiresAt);

// Share of the lifetime left, 1.0 at issuedAt, 0.0 at and after expiry.
double fraction(const QDateTime& now, const QDateTime& issuedAt, const QDateTime& expiresAt);

// Fresh while more than a quarter of the lifetime is left; Warning from there;
// Critical in the last tenth or the last minute; Expired from expiresAt on.
Phase phase(const QDateTime& now, const QDateTime& issuedAt, const QDateTime& expiresAt);

// "59:07", "7:59:07", "6 d 23:59:07", "Expired". Seconds are always shown, so the
// text changes on every tick. Rounds up, so 0:00 appears only when expired.
QString text(std::chrono::milliseconds remaining);

// A short phrase for the phase ("Valid", "Expiring soon", "About to expire", "Expired").
QString phaseName(Phase phase);

// "30 d", "1 d 2 h", "8 h", "1 h 30 min", "15 min": a lifetime in whole minutes.
QString lifetimeText(int minutes);

// "2 min 5 s", "1 h 3 min": how far the server's clock is from ours, without the
// direction (the caller says "ahead" or "behind").
QString skewText(std::chrono::milliseconds skew);

// "21/10/2025 15:00 CEST (2025-10-21 13:00 UTC)": local time with UTC beside it;
// just the UTC part when local time is UTC.
QString expiryText(const QDateTime& expiresAt);

// "14:05:10" (or "2:05:10 PM"): a moment of today in local time to the second, in the
// locale's time format without the zone, for what happens next ("Renews at 14:05:10").
QString clockText(const QDateTime& when);

} // namespace Countdown

} // namespace faultshare
