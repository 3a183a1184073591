#include "ExpiryInput.h"

#include "ApiClient.h"

#include <QCoreApplication>
#include <QList>

#include <algorithm>

namespace faultshare {

namespace ExpiryInput {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ExpiryInput", text);
}

ExpiryChoice checked(qint64 minutes)
{
    ExpiryChoice choice;
    if (minutes < ApiClient::MinMinutes)
        choice.whyNot = tr("At least 1 minute");
    else if (minutes > ApiClient::MaxMinutes)
        choice.whyNot = tr("At most 30 days (%1 minutes)").arg(ApiClient::MaxMinutes);
    else
        choice.minutes = int(minutes);
    return choice;
}

// Every instant whose local time in zone is date time: none in a DST gap, two in a
// fold, else one; earliest first. Qt 6.4 answers a gap with an invalid QDateTime and a
// fold with the later instant, so the offsets in effect a day either side are tried
// instead of relying on that.
QList<QDateTime> instantsOf(const QDate& date, const QTime& time, const QTimeZone& zone)
{
    const QDateTime wall(date, time, Qt::UTC);
    QList<int> offsets{zone.offsetFromUtc(wall.addDays(-1)), zone.offsetFromUtc(wall.addDays(1))};
    const QDateTime resolved(date, time, zone);
    if (resolved.isValid())
        offsets << resolved.offsetFromUtc();
    QList<QDateTime> instants;
    for (const int offset : std::as_const(offsets)) {
        const QDateTime instant = wall.addSecs(-offset);
        if (zone.offsetFromUtc(instant) == offset && !instants.contains(instant))
            instants << instant;
    }
    std::sort(instants.begin(), instants.end());
    return instants;
}

} // namespace

int minutesPerUnit(Unit unit)
{
    switch (unit) {
    case Unit::Minutes:
        return 1;
    case Unit::Hours:
        return 60;
    case Unit::Days:
        return 24 * 60;
    }
    return 1;
}

ExpiryChoice fromValue(qint64 value, Unit unit)
{
    // Anything above the maximum in minutes is too much in any unit; no overflow below.
    if (value > ApiClient::MaxMinutes)
        return checked(qint64(ApiClient::MaxMinutes) + 1);
    return checked(value * minutesPerUnit(unit));
}

ExpiryChoice untilLocal(const QDateTime& now, const QDate& date, const QTime& time, const QTimeZone& zone)
{
    ExpiryChoice choice;
    if (!now.isValid() || !date.isValid() || !time.isValid() || !zone.isValid()) {
        choice.whyNot = tr("Choose a date and time");
        return choice;
    }
    const QTime wallTime(time.hour(), time.minute(), time.second());
    const QList<QDateTime> instants = instantsOf(date, wallTime, zone);
    const QString hhmm = wallTime.toString(QStringLiteral("HH:mm"));
    if (instants.isEmpty()) {
        choice.whyNot = tr("%1 does not exist on that day (clocks go forward); choose another time").arg(hhmm);
        return choice;
    }
    const QDateTime until = instants.first();
    const qint64 msecs = now.msecsTo(until);
    if (msecs <= 0) {
        choice.whyNot = tr("That time has passed");
        return choice;
    }
    // Rounded up: the link lives at least until the chosen time.
    const qint64 minutes = (msecs + 60 * 1000 - 1) / (60 * 1000);
    choice = checked(minutes);
    choice.until = until;
    if (instants.size() > 1 && choice.isValid())
        choice.note = tr("%1 happens twice on that day (clocks go back); the earlier one is used").arg(hhmm);
    return choice;
}

} // namespace ExpiryInput

} // namespace faultshare
