#include "Countdown.h"

#include <QTest>

using namespace faultshare;

using namespace std::chrono;
using Countdown::Phase;

class tst_Countdown final : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_issued = QDateTime(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);
    const QDateTime m_expires = m_issued.addSecs(3600);

private Q_SLOTS:
    void remaining_isExpiryMinusNow()
    {
        QCOMPARE(Countdown::remaining(m_issued.addSecs(600), m_expires), milliseconds(50min));
        QCOMPARE(Countdown::remaining(m_expires.addSecs(5), m_expires), milliseconds(-5s));
    }

    void fraction_runsFromOneToZeroAndClamps()
    {
        QCOMPARE(Countdown::fraction(m_issued, m_issued, m_expires), 1.0);
        QCOMPARE(Countdown::fraction(m_issued.addSecs(900), m_issued, m_expires), 0.75);
        QCOMPARE(Countdown::fraction(m_expires, m_issued, m_expires), 0.0);
        QCOMPARE(Countdown::fraction(m_expires.addDays(1), m_issued, m_expires), 0.0);
        QCOMPARE(Countdown::fraction(m_issued.addSecs(-60), m_issued, m_expires), 1.0);
    }

    void phase_data()
    {
        QTest::addColumn<int>("secondsAfterIssue");
        QTest::addColumn<Phase>("expected");
        QTest::newRow("start") << 0 << Phase::Fresh;
        QTest::newRow("just before a quarter left") << 2699 << Phase::Fresh;
        QTest::newRow("a quarter left") << 2700 << Phase::Warning;
        QTest::newRow("just before a tenth left") << 3239 << Phase::Warning;
        QTest::newRow("a tenth left") << 3240 << Phase::Critical;
        QTest::newRow("last second") << 3599 << Phase::Critical;
        QTest::newRow("at expiry") << 3600 << Phase::Expired;
        QTest::newRow("long after") << 90000 << Phase::Expired;
    }

    void phase()
    {
        QFETCH(int, secondsAfterIssue);
        QFETCH(Phase, expected);
        QCOMPARE(Countdown::phase(m_issued.addSecs(secondsAfterIssue), m_issued, m_expires), expected);
    }

    void phase_lastMinuteOfLongTokenIsCritical()
    {
        const QDateTime expires = m_issued.addDays(30);
        QCOMPARE(Countdown::phase(expires.addSecs(-59), m_issued, expires), Phase::Critical);
        QCOMPARE(Countdown::phase(expires.addDays(-10), m_issued, expires), Phase::Fresh);
    }

    void text_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("expired") << qint64(0) << QStringLiteral("Expired");
        QTest::newRow("negative") << qint64(-5000) << QStringLiteral("Expired");
        QTest::newRow("1 ms rounds up") << qint64(1) << QStringLiteral("0:01");
        QTest::newRow("59.5 s") << qint64(59500) << QStringLiteral("1:00");
        QTest::newRow("59 min 59 s") << qint64(3599000) << QStringLiteral("59:59");
        QTest::newRow("1 h") << qint64(3600000) << QStringLiteral("1:00:00");
        QTest::newRow("8 h shift") << qint64(8 * 3600000 - 1000) << QStringLiteral("7:59:59");
        QTest::newRow("7 days") << qint64(7LL * 86400000) << QStringLiteral("7 d 00:00:00");
        QTest::newRow("30 days less 1 s") << qint64(30LL * 86400000 - 1000) << QStringLiteral("29 d 23:59:59");
    }

    void text()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(Countdown::text(milliseconds(ms)), expected);
    }

    void text_changesEverySecond()
    {
        QString previous;
        for (int s = 3600; s > 3590; --s) {
            const QString now = Countdown::text(seconds(s));
            QVERIFY2(now != previous, qPrintable(now));
            previous = now;
        }
    }

    void expiryText_showsLocalAndUtc()
    {
        const QString text = Countdown::expiryText(m_expires);
        QVERIFY2(text.contains(QStringLiteral("2025-10-21 13:00 UTC")), qPrintable(text));
    }

    void lifetimeText_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 min") << 1 << QStringLiteral("1 min");
        QTest::newRow("15 min") << 15 << QStringLiteral("15 min");
        QTest::newRow("90 min") << 90 << QStringLiteral("1 h 30 min");
        QTest::newRow("8 h") << 480 << QStringLiteral("8 h");
        QTest::newRow("26 h") << 1560 << QStringLiteral("1 d 2 h");
        QTest::newRow("30 d") << 43200 << QStringLiteral("30 d");
        QTest::newRow("1 d 1 min") << 1441 << QStringLiteral("1 d 1 min");
    }

    void lifetimeText()
    {
        QFETCH(int, minutes);
        QFETCH(QString, expected);
        QCOMPARE(Countdown::lifetimeText(minutes), expected);
    }

    void skewText_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("ahead") << qint64(125000) << QStringLiteral("2 min 5 s");
        QTest::newRow("behind") << qint64(-61000) << QStringLiteral("1 min 1 s");
        QTest::newRow("hours drop seconds") << qint64(3723000) << QStringLiteral("1 h 2 min");
    }

    void skewText()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);
        QCOMPARE(Countdown::skewText(milliseconds(ms)), expected);
    }

    void phaseName_isDistinctPerPhase()
    {
        const QStringList names{Countdown::phaseName(Phase::Fresh), Countdown::phaseName(Phase::Warning),
                                Countdown::phaseName(Phase::Critical), Countdown::phaseName(Phase::Expired)};
        for (const QString& name : names) {
            QVERIFY(!name.isEmpty());
            QCOMPARE(names.count(name), 1);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Countdown)
#include "tst_countdown.moc"
