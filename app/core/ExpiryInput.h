#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace faultshare {

// A link's validity as the operator enters it, as pure functions: "N minutes, hours or
// days" or "until a local date and time", turned into the whole minutes the API takes
// (ApiClient::MinMinutes..MaxMinutes) or into a sentence that says why not.
namespace ExpiryInput {

enum class Unit { Minutes, Hours, Days };

struct ExpiryChoice
{
    int minutes = 0;  // meaningful only when whyNot is empty
    QString whyNot;   // one sentence for the inline hint; empty when usable
    QString note;     // something the operator should know about a usable choice, or empty
    QDateTime until;  // the instant the operator chose ("until" only; UTC)

    bool isValid() const { return whyNot.isEmpty(); }
};

int minutesPerUnit(Unit unit);

// value units, checked against 1..43200 minutes.
ExpiryChoice fromValue(qint64 value, Unit unit);

// "Until date time in zone", from now: whole minutes rounded up, so the link lives at
// least until then. A local time skipped by a DST change is refused; one that happens
// twice resolves to the earlier instant (the link must not outlive what the operator
// expects) and says so in note.
ExpiryChoice untilLocal(const QDateTime& now, const QDate& date, const QTime& time, const QTimeZone& zone);

} // namespace ExpiryInput

} // namespace faultshare
