// The expiry notifier against a fake wall clock. Its timer is real but never waited for:
// "letting it fire" restarts it with no delay, which runs the same connection a timeout
// would, at whatever time the fake clock says.

#include "ExpiryNotifier.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace faultshare;

using namespace std::chrono;

class tst_ExpiryNotifier final : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_start = QDateTime(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);
    const QDateTime m_expires = m_start.addSecs(30 * 60);
    std::shared_ptr<QDateTime> m_now;
    std::unique_ptr<ExpiryNotifier> m_notifier;

    void setNow(const QDateTime& now) { *m_now = now; }
    // Fires the pending timer at the fake clock's time, as after a (possibly long) wait.
    bool fire()
    {
        auto* timer = m_notifier->findChild<QTimer*>(QStringLiteral("expiryCheckTimer"));
        if (!timer || !timer->isActive())
            return false;
        // Connected after the notifier, so the notifier has handled the timeout when it returns.
        QSignalSpy timedOut(timer, &QTimer::timeout);
        timer->start(0);
        return timedOut.wait(1000);
    }

private Q_SLOTS:
    void init()
    {
        m_now = std::make_shared<QDateTime>(m_start);
        m_notifier = std::make_unique<ExpiryNotifier>([now = m_now] { return *now; });
    }

    void cleanup() { m_notifier.reset(); }

    void warning_firesOnceAtLeadTime()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        QCOMPARE(m_notifier->leadTime(), 10min);
        m_notifier->setToken(m_expires);
        QCOMPARE(warning.count(), 0);

        setNow(m_expires.addSecs(-10 * 60 - 1));
        QVERIFY(fire());
        QCOMPARE(warning.count(), 0);
        // Armed for exactly the second that is left until the lead moment.
        QCOMPARE(m_notifier->nextCheckIn(), std::optional<milliseconds>(1s));

        setNow(m_expires.addSecs(-10 * 60));
        QVERIFY(fire());
        QCOMPARE(warning.count(), 1);
        QCOMPARE(warning.first().first().toInt(), 10);

        setNow(m_expires.addSecs(-5 * 60));
        QVERIFY(fire());
        m_notifier->check();
        QCOMPARE(warning.count(), 1);
        QCOMPARE(expired.count(), 0);
    }

    void expired_firesOnceAndStops()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        m_notifier->setToken(m_expires);
        setNow(m_expires.addSecs(-10 * 60));
        QVERIFY(fire());
        setNow(m_expires.addMSecs(-1));
        QVERIFY(fire());
        QCOMPARE(expired.count(), 0);
        QCOMPARE(m_notifier->nextCheckIn(), std::optional<milliseconds>(1ms));

        setNow(m_expires);
        QVERIFY(fire());
        QCOMPARE(expired.count(), 1);
        QCOMPARE(m_notifier->nextCheckIn(), std::nullopt);
        setNow(m_expires.addSecs(3600));
        m_notifier->check();
        QCOMPARE(expired.count(), 1);
        QCOMPARE(warning.count(), 1);
    }

    void sleepPastBoth_givesOnlyExpired()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        m_notifier->setToken(m_expires);
        QVERIFY(m_notifier->nextCheckIn().has_value());
        // The machine sleeps with the timer pending; the wall clock moves on, the timer not.
        setNow(m_expires.addSecs(2 * 3600));
        QVERIFY(fire());
        QCOMPARE(expired.count(), 1);
        QCOMPARE(warning.count(), 0);
    }

    void sleepIntoLeadTime_warnsWithMinutesLeft()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        m_notifier->setToken(m_expires);
        setNow(m_expires.addSecs(-(7 * 60 + 30)));
        QVERIFY(fire());
        QCOMPARE(warning.count(), 1);
        QCOMPARE(warning.first().first().toInt(), 8);
    }

    void rearm_neverWaitsMoreThanAMinute_data()
    {
        QTest::addColumn<qint64>("lifetimeSeconds");
        QTest::addColumn<qint64>("elapsedSeconds");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("30 days, fresh") << qint64(30 * 86400) << qint64(0) << qint64(60000);
        QTest::newRow("30 min, fresh") << qint64(1800) << qint64(0) << qint64(60000);
        QTest::newRow("15 s before the warning") << qint64(1800) << qint64(1185) << qint64(15000);
        QTest::newRow("after the warning") << qint64(1800) << qint64(1300) << qint64(60000);
        QTest::newRow("20 s before expiry") << qint64(1800) << qint64(1780) << qint64(20000);
    }

    void rearm_neverWaitsMoreThanAMinute()
    {
        QFETCH(qint64, lifetimeSeconds);
        QFETCH(qint64, elapsedSeconds);
        QFETCH(qint64, expectedMs);
        m_notifier->setToken(m_start.addSecs(lifetimeSeconds));
        setNow(m_start.addSecs(elapsedSeconds));
        QVERIFY(fire());
        const std::optional<milliseconds> next = m_notifier->nextCheckIn();
        QVERIFY(next.has_value());
        QVERIFY(*next <= duration_cast<milliseconds>(ExpiryNotifier::MaxStep));
        QCOMPARE(next->count(), expectedMs);
    }

    void leadZero_givesNoWarning()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        m_notifier->setLeadTime(0min);
        m_notifier->setToken(m_expires);
        for (const int secondsLeft : {600, 300, 30}) {
            setNow(m_expires.addSecs(-secondsLeft));
            QVERIFY(fire());
        }
        QCOMPARE(warning.count(), 0);
        QCOMPARE(m_notifier->nextCheckIn(), std::optional<milliseconds>(30s));
        setNow(m_expires);
        QVERIFY(fire());
        QCOMPARE(expired.count(), 1);
        QCOMPARE(warning.count(), 0);
    }

    void newToken_resets()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        m_notifier->setToken(m_expires);
        setNow(m_expires.addSecs(-60));
        QVERIFY(fire());
        setNow(m_expires);
        QVERIFY(fire());
        QCOMPARE(warning.count(), 1);
        QCOMPARE(expired.count(), 1);

        m_notifier->setToken(m_expires.addSecs(3600));
        QVERIFY(m_notifier->nextCheckIn().has_value());
        setNow(m_expires.addSecs(3600 - 600));
        QVERIFY(fire());
        QCOMPARE(warning.count(), 2);
        setNow(m_expires.addSecs(3600));
        QVERIFY(fire());
        QCOMPARE(expired.count(), 2);
    }

    void tokenAlreadyInsideLeadTime_onlyExpires()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        m_notifier->setToken(m_start.addSecs(5 * 60));
        QCOMPARE(m_notifier->nextCheckIn(), std::optional<milliseconds>(60s));
        setNow(m_start.addSecs(5 * 60));
        QVERIFY(fire());
        QCOMPARE(warning.count(), 0);
        QCOMPARE(expired.count(), 1);
    }

    void stop_silences()
    {
        QSignalSpy warning(m_notifier.get(), &ExpiryNotifier::warning);
        QSignalSpy expired(m_notifier.get(), &ExpiryNotifier::expired);
        m_notifier->setToken(m_expires);
        m_notifier->stop();
        QCOMPARE(m_notifier->nextCheckIn(), std::nullopt);
        setNow(m_expires.addSecs(60));
        m_notifier->check();
        QCOMPARE(warning.count() + expired.count(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ExpiryNotifier)
#include "tst_expirynotifier.moc"
