// The expiry the operator enters, turned into minutes: units and limits, and "until a
// local time" in fixed zones across both DST transitions (EU and US rules), so the
// results do not depend on the machine's zone.

#include "ExpiryInput.h"

#include <QTest>

using namespace faultshare;

using namespace Qt::StringLiterals;
using ExpiryInput::Unit;

namespace {

const QString Passed = u"That time has passed"_s;
const QString TooShort = u"At least 1 minute"_s;
const QString TooLong = u"At most 30 days (43200 minutes)"_s;

QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

} // namespace

class tst_ExpiryInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const QByteArray& id : {"Europe/Berlin"_ba, "America/New_York"_ba}) {
            if (!QTimeZone(id).isValid())
                QFAIL(qPrintable(u"time zone %1 is missing: install tzdata"_s.arg(QString::fromLatin1(id))));
        }
    }

    void fromValue_checksLimits_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addColumn<Unit>("unit");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("whyNot");
        QTest::newRow("0 minutes") << qint64(0) << Unit::Minutes << 0 << TooShort;
        QTest::newRow("0 days") << qint64(0) << Unit::Days << 0 << TooShort;
        QTest::newRow("-1 hours") << qint64(-1) << Unit::Hours << 0 << TooShort;
        QTest::newRow("1 minute") << qint64(1) << Unit::Minutes << 1 << QString();
        QTest::newRow("43200 minutes") << qint64(43200) << Unit::Minutes << 43200 << QString();
        QTest::newRow("43201 minutes") << qint64(43201) << Unit::Minutes << 0 << TooLong;
        QTest::newRow("30 days") << qint64(30) << Unit::Days << 43200 << QString();
        QTest::newRow("31 days") << qint64(31) << Unit::Days << 0 << TooLong;
        QTest::newRow("720 hours") << qint64(720) << Unit::Hours << 43200 << QString();
        QTest::newRow("721 hours") << qint64(721) << Unit::Hours << 0 << TooLong;
        QTest::newRow("8 hours") << qint64(8) << Unit::Hours << 480 << QString();
        QTest::newRow("huge days, no overflow") << std::numeric_limits<qint64>::max() << Unit::Days << 0 << TooLong;
    }

    void fromValue_checksLimits()
    {
        QFETCH(qint64, value);
        QFETCH(Unit, unit);
        QFETCH(int, minutes);
        QFETCH(QString, whyNot);
        const ExpiryInput::ExpiryChoice choice = ExpiryInput::fromValue(value, unit);
        QCOMPARE(choice.whyNot, whyNot);
        QCOMPARE(choice.isValid(), whyNot.isEmpty());
        if (choice.isValid())
            QCOMPARE(choice.minutes, minutes);
        QVERIFY(choice.note.isEmpty());
    }

    void untilLocal_convertsAndChecks_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("whyNot");
        QTest::addColumn<QDateTime>("until"); // the instant chosen, when usable
        QTest::addColumn<QString>("note");

        const QByteArray berlin = "Europe/Berlin"_ba;
        const QByteArray newYork = "America/New_York"_ba;
        const QString twiceBerlin = u"02:30 happens twice on that day (clocks go back); the earlier one is used"_s;
        const QString twiceNewYork = u"01:30 happens twice on that day (clocks go back); the earlier one is used"_s;

        // Winter, CET = UTC+1.
        QTest::newRow("ordinary")
            << berlin << utc(2025, 1, 15, 10, 0) << QDate(2025, 1, 15) << QTime(12, 0) << 60 << QString()
            << utc(2025, 1, 15, 11, 0) << QString();
        QTest::newRow("seconds round up")
            << berlin << utc(2025, 1, 15, 10, 0, 30) << QDate(2025, 1, 15) << QTime(12, 0) << 60 << QString()
            << utc(2025, 1, 15, 11, 0) << QString();
        QTest::newRow("a millisecond past a minute rounds up")
            << berlin << utc(2025, 1, 15, 10, 0, 59, 999) << QDate(2025, 1, 15) << QTime(11, 2) << 2 << QString()
            << utc(2025, 1, 15, 10, 2) << QString();
        QTest::newRow("less than a minute ahead is one minute")
            << berlin << utc(2025, 1, 15, 10, 59, 59) << QDate(2025, 1, 15) << QTime(12, 0) << 1 << QString()
            << utc(2025, 1, 15, 11, 0) << QString();
        // 00:00 CET to 04:00 CEST on 30 March: four hours on the wall, three in reality.
        QTest::newRow("Berlin across spring forward")
            << berlin << utc(2025, 3, 29, 23, 0) << QDate(2025, 3, 30) << QTime(4, 0) << 180 << QString()
            << utc(2025, 3, 30, 2, 0) << QString();
        // 01:00 CEST to 04:00 CET on 26 October: three hours on the wall, four in reality.
        QTest::newRow("Berlin across fall back")
            << berlin << utc(2025, 10, 25, 23, 0) << QDate(2025, 10, 26) << QTime(4, 0) << 240 << QString()
            << utc(2025, 10, 26, 3, 0) << QString();
        QTest::newRow("Berlin nonexistent 02:30")
            << berlin << utc(2025, 3, 29, 23, 0) << QDate(2025, 3, 30) << QTime(2, 30) << 0
            << u"02:30 does not exist on that day (clocks go forward); choose another time"_s << QDateTime()
            << QString();
        // 02:30 CEST (00:30 UTC) and 02:30 CET (01:30 UTC): the earlier one.
        QTest::newRow("Berlin ambiguous 02:30 is the earlier")
            << berlin << utc(2025, 10, 25, 22, 0) << QDate(2025, 10, 26) << QTime(2, 30) << 150 << QString()
            << utc(2025, 10, 26, 0, 30) << twiceBerlin;
        QTest::newRow("in the past")
            << berlin << utc(2025, 1, 15, 10, 0) << QDate(2025, 1, 15) << QTime(10, 59) << 0 << Passed
            << QDateTime() << QString();
        QTest::newRow("exactly now has passed")
            << berlin << utc(2025, 1, 15, 10, 0) << QDate(2025, 1, 15) << QTime(11, 0) << 0 << Passed
            << QDateTime() << QString();
        QTest::newRow("exactly 30 days")
            << berlin << utc(2025, 1, 1, 0, 0) << QDate(2025, 1, 31) << QTime(1, 0) << 43200 << QString()
            << utc(2025, 1, 31, 0, 0) << QString();
        QTest::newRow("30 days and a minute")
            << berlin << utc(2025, 1, 1, 0, 0) << QDate(2025, 1, 31) << QTime(1, 1) << 0 << TooLong
            << QDateTime() << QString();
        QTest::newRow("30 days and a second rounds up to too long")
            << berlin << utc(2025, 1, 1, 0, 0) << QDate(2025, 1, 31) << QTime(1, 0, 1) << 0 << TooLong
            << QDateTime() << QString();
        // 30 wall-clock days that include spring forward are one hour short of 30 real days.
        QTest::newRow("30 wall days across spring forward fit")
            << berlin << utc(2025, 3, 15, 11, 0) << QDate(2025, 4, 14) << QTime(12, 0) << 43200 - 60 << QString()
            << utc(2025, 4, 14, 10, 0) << QString();
        QTest::newRow("30 wall days and an hour across spring forward are 30 days")
            << berlin << utc(2025, 3, 15, 11, 0) << QDate(2025, 4, 14) << QTime(13, 0) << 43200 << QString()
            << utc(2025, 4, 14, 11, 0) << QString();

        // New York: EST = UTC-5, EDT = UTC-4; 9 March 02:00 -> 03:00, 2 November 02:00 -> 01:00.
        QTest::newRow("New York across spring forward")
            << newYork << utc(2025, 3, 9, 5, 0) << QDate(2025, 3, 9) << QTime(3, 0) << 120 << QString()
            << utc(2025, 3, 9, 7, 0) << QString();
        QTest::newRow("New York across fall back")
            << newYork << utc(2025, 11, 2, 4, 0) << QDate(2025, 11, 2) << QTime(3, 0) << 240 << QString()
            << utc(2025, 11, 2, 8, 0) << QString();
        QTest::newRow("New York nonexistent 02:30")
            << newYork << utc(2025, 3, 9, 5, 0) << QDate(2025, 3, 9) << QTime(2, 30) << 0
            << u"02:30 does not exist on that day (clocks go forward); choose another time"_s << QDateTime()
            << QString();
        // 01:30 EDT (05:30 UTC) and 01:30 EST (06:30 UTC): the earlier one.
        QTest::newRow("New York ambiguous 01:30 is the earlier")
            << newYork << utc(2025, 11, 2, 4, 0) << QDate(2025, 11, 2) << QTime(1, 30) << 90 << QString()
            << utc(2025, 11, 2, 5, 30) << twiceNewYork;
        QTest::newRow("New York ambiguous and already half past")
            << newYork << utc(2025, 11, 2, 6, 0) << QDate(2025, 11, 2) << QTime(1, 30) << 0 << Passed
            << QDateTime() << QString();
    }

    void untilLocal_convertsAndChecks()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, now);
        QFETCH(QDate, date);
        QFETCH(QTime, time);
        QFETCH(int, minutes);
        QFETCH(QString, whyNot);
        QFETCH(QDateTime, until);
        QFETCH(QString, note);
        const QTimeZone tz(zone);
        QVERIFY(tz.isValid());
        const ExpiryInput::ExpiryChoice choice = ExpiryInput::untilLocal(now, date, time, tz);
        QCOMPARE(choice.whyNot, whyNot);
        QCOMPARE(choice.isValid(), whyNot.isEmpty());
        QCOMPARE(choice.note, note);
        if (!choice.isValid())
            return;
        QCOMPARE(choice.minutes, minutes);
        QCOMPARE(choice.until, until);
        // The link lives at least until the chosen time, and less than a minute longer.
        const QDateTime expires = now.addSecs(60LL * choice.minutes);
        QVERIFY(expires >= choice.until);
        QVERIFY(now.addSecs(60LL * (choice.minutes - 1)) < choice.until);
        // The chosen instant reads back as the local time that was entered.
        QCOMPARE(choice.until.toTimeZone(tz).date(), date);
        QCOMPARE(choice.until.toTimeZone(tz).time(), time);
    }

    void untilLocal_invalidInput_asksForDateAndTime()
    {
        const QTimeZone berlin("Europe/Berlin");
        const QDateTime now = utc(2025, 1, 15, 10, 0);
        QCOMPARE(ExpiryInput::untilLocal(now, QDate(), QTime(12, 0), berlin).whyNot, u"Choose a date and time"_s);
        QCOMPARE(ExpiryInput::untilLocal(now, QDate(2025, 1, 15), QTime(), berlin).whyNot,
                 u"Choose a date and time"_s);
        QCOMPARE(ExpiryInput::untilLocal(now, QDate(2025, 1, 15), QTime(12, 0), QTimeZone()).whyNot,
                 u"Choose a date and time"_s);
    }
};

QTEST_GUILESS_MAIN(tst_ExpiryInput)
#include "tst_expiryinput.moc"
