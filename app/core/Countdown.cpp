#include "Countdown.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <cstdlib>

namespace faultshare {

using namespace std::chrono;

namespace Countdown {

milliseconds remaining(const QDateTime& now, const QDateTime& expiresAt)
{
    return milliseconds(now.msecsTo(expiresAt));
}

double fraction(const QDateTime& now, const QDateTime& issuedAt, const QDateTime& expiresAt)
{
    const qint64 total = issuedAt.msecsTo(expiresAt);
    const qint64 left = now.msecsTo(expiresAt);
    if (total <= 0 || left <= 0)
        return 0.0;
    return std::min(1.0, double(left) / double(total));
}

Phase phase(const QDateTime& now, const QDateTime& issuedAt, const QDateTime& expiresAt)
{
    const milliseconds left = remaining(now, expiresAt);
    if (left <= 0ms)
        return Phase::Expired;
    const double share = fraction(now, issuedAt, expiresAt);
    if (share <= 0.10 || left <= 1min)
        return Phase::Critical;
    if (share <= 0.25)
        return Phase::Warning;
    return Phase::Fresh;
}

QString text(milliseconds left)
{
    if (left <= 0ms)
        return QCoreApplication::translate("Countdown", "Expired");
    // Round up: a countdown shows 0:00 only when it is over.
    const qint64 total = (left.count() + 999) / 1000;
    const qint64 days = total / 86400;
    const qint64 hours = (total % 86400) / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 seconds = total % 60;
    const auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (days > 0)
        return QCoreApplication::translate("Countdown", "%1 d %2:%3:%4")
            .arg(days).arg(two(hours), two(minutes), two(seconds));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(two(minutes), two(seconds));
    return QStringLiteral("%1:%2").arg(minutes).arg(two(seconds));
}

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Fresh:
        return QCoreApplication::translate("Countdown", "Valid");
    case Phase::Warning:
        return QCoreApplication::translate("Countdown", "Expiring soon");
    case Phase::Critical:
        return QCoreApplication::translate("Countdown", "About to expire");
    case Phase::Expired:
        return QCoreApplication::translate("Countdown", "Expired");
    }
    return {};
}

QString lifetimeText(int minutes)
{
    const int days = minutes / (24 * 60);
    const int hours = minutes / 60 % 24;
    const int rest = minutes % 60;
    QStringList parts;
    if (days > 0)
        parts << QCoreApplication::translate("Countdown", "%1 d").arg(days);
    if (hours > 0)
        parts << QCoreApplication::translate("Countdown", "%1 h").arg(hours);
    if (rest > 0 || parts.isEmpty())
        parts << QCoreApplication::translate("Countdown", "%1 min").arg(rest);
    return parts.join(QLatin1Char(' '));
}

QString skewText(milliseconds skew)
{
    const qint64 total = std::abs(skew.count()) / 1000;
    const qint64 hours = total / 3600;
    const qint64 minutes = total / 60 % 60;
    const qint64 secs = total % 60;
    QStringList parts;
    if (hours > 0)
        parts << QCoreApplication::translate("Countdown", "%1 h").arg(hours);
    if (minutes > 0)
        parts << QCoreApplication::translate("Countdown", "%1 min").arg(minutes);
    // Seconds matter only while the difference is small.
    if ((secs > 0 && hours == 0) || parts.isEmpty())
        parts << QCoreApplication::translate("Countdown", "%1 s").arg(secs);
    return parts.join(QLatin1Char(' '));
}

QString expiryText(const QDateTime& expiresAt)
{
    const QString utc = expiresAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QDateTime local = expiresAt.toLocalTime();
    // On a machine that runs on UTC (servers, many wall displays) once is enough.
    if (local.offsetFromUtc() == 0)
        return QCoreApplication::translate("Countdown", "%1 UTC").arg(utc);
    return QCoreApplication::translate("Countdown", "%1 %2 (%3 UTC)")
        .arg(QLocale().toString(local, QLocale::ShortFormat), local.timeZoneAbbreviation(), utc);
}

QString clockText(const QDateTime& when)
{
    // The long format has the seconds, and the zone ("t"), which is left out.
    QString format = QLocale().timeFormat(QLocale::LongFormat);
    format.remove(QLatin1Char('t'));
    return QLocale().toString(when.toLocalTime().time(), format.trimmed());
}

} // namespace Countdown

} // namespace faultshare
