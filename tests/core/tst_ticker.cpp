// The app's one ticker: runs only while someone holds it, aims at whole seconds from its
// reference on its own clock, and carries that clock's "now" in every tick.

#include "Ticker.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace faultshare;

using namespace std::chrono_literals;

class TestTicker : public QObject
{
    Q_OBJECT

private:
    QTimer* timerOf(Ticker& ticker) { return ticker.findChild<QTimer*>(QStringLiteral("tickTimer")); }

private Q_SLOTS:
    void runsOnlyWhileHeld();
    void oneTimerForManyConsumers();
    void destroyedConsumerReleases();
    void aimsAtWholeSecondsFromReference_data();
    void aimsAtWholeSecondsFromReference();
    void latestReferenceApplies_untilItsConsumerGoes();
    void ticksCarryTheClocksNow();
};

void TestTicker::runsOnlyWhileHeld()
{
    Ticker ticker;
    QObject consumer;
    QVERIFY(!ticker.isRunning());
    QVERIFY(!timerOf(ticker)->isActive());
    ticker.hold(&consumer);
    QVERIFY(ticker.isRunning());
    QVERIFY(timerOf(ticker)->isActive());
    ticker.release(&consumer);
    QVERIFY(!ticker.isRunning());
    QVERIFY(!timerOf(ticker)->isActive());
}

void TestTicker::oneTimerForManyConsumers()
{
    Ticker ticker;
    std::vector<std::unique_ptr<QObject>> consumers;
    for (int i = 0; i < 100; ++i) {
        consumers.push_back(std::make_unique<QObject>());
        ticker.hold(consumers.back().get());
        ticker.hold(consumers.back().get()); // idempotent
    }
    // One timer, aimed at the next second, however many consumers.
    QCOMPARE(ticker.findChildren<QTimer*>().size(), 1);
    QVERIFY(timerOf(ticker)->isActive());
    QVERIFY(timerOf(ticker)->isSingleShot());
    QVERIFY(timerOf(ticker)->interval() <= 1005);
    for (std::size_t i = 0; i < consumers.size() - 1; ++i)
        ticker.release(consumers[i].get());
    QVERIFY(ticker.isRunning());
    ticker.release(consumers.back().get());
    QVERIFY(!ticker.isRunning());
}

void TestTicker::destroyedConsumerReleases()
{
    Ticker ticker;
    auto consumer = std::make_unique<QObject>();
    ticker.hold(consumer.get());
    QVERIFY(ticker.isRunning());
    consumer.reset();
    QVERIFY(!ticker.isRunning());
    QVERIFY(!timerOf(ticker)->isActive());
}

void TestTicker::aimsAtWholeSecondsFromReference_data()
{
    QTest::addColumn<qint64>("referenceOffsetMs");
    QTest::addColumn<int>("expectedIntervalMs");
    // The timer fires 5 ms after now + interval - 5 lies a whole number of seconds from
    // the reference.
    QTest::newRow("no reference: wall-clock seconds") << qint64(-1) << 1000 - 250 + 5;
    QTest::newRow("reference 2.3 s ahead") << qint64(2300) << 300 + 5;
    QTest::newRow("reference on a whole second") << qint64(3000) << 1000 + 5;
    QTest::newRow("reference 0.7 s past") << qint64(-700) << 300 + 5;
    QTest::newRow("reference 10.001 s ahead") << qint64(10001) << 1 + 5;
}

void TestTicker::aimsAtWholeSecondsFromReference()
{
    QFETCH(qint64, referenceOffsetMs);
    QFETCH(int, expectedIntervalMs);
    // A fixed now 250 ms into a wall-clock second.
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'250, Qt::UTC);
    Ticker ticker;
    ticker.setClock([now] { return now; });
    QObject consumer;
    if (referenceOffsetMs != -1)
        ticker.setReference(&consumer, now.addMSecs(referenceOffsetMs));
    ticker.hold(&consumer);
    QCOMPARE(timerOf(ticker)->interval(), expectedIntervalMs);
}

// The main window's link and an older one presented on the wall: the one set last sets
// the phase, and the other's applies again once that window is gone.
void TestTicker::latestReferenceApplies_untilItsConsumerGoes()
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'250, Qt::UTC);
    Ticker ticker;
    ticker.setClock([now] { return now; });
    QObject window;
    ticker.setReference(&window, now.addMSecs(2300));
    ticker.hold(&window);
    QCOMPARE(timerOf(ticker)->interval(), 300 + 5);

    auto present = std::make_unique<QObject>();
    ticker.setReference(present.get(), now.addMSecs(10001));
    ticker.hold(present.get());
    QCOMPARE(timerOf(ticker)->interval(), 1 + 5);

    // Setting the window's reference again (a new link) makes it the latest.
    ticker.setReference(&window, now.addMSecs(4700));
    QCOMPARE(timerOf(ticker)->interval(), 700 + 5);
    ticker.setReference(present.get(), now.addMSecs(10001));
    QCOMPARE(timerOf(ticker)->interval(), 1 + 5);

    present.reset();
    QVERIFY(ticker.isRunning());
    QCOMPARE(timerOf(ticker)->interval(), 700 + 5);

    // Released (its link expired): no reference is left, so whole wall-clock seconds.
    QObject row;
    ticker.hold(&row);
    ticker.release(&window);
    QVERIFY(ticker.isRunning());
    QCOMPARE(timerOf(ticker)->interval(), 1000 - 250 + 5);

    // An invalid instant withdraws a reference, too.
    ticker.setReference(&row, now.addMSecs(2300));
    QCOMPARE(timerOf(ticker)->interval(), 300 + 5);
    ticker.setReference(&row, {});
    QCOMPARE(timerOf(ticker)->interval(), 1000 - 250 + 5);
}

void TestTicker::ticksCarryTheClocksNow()
{
    QDateTime now = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
    Ticker ticker;
    ticker.setClock([&now] { return now; });
    QSignalSpy ticks(&ticker, &Ticker::tick);
    ticker.tickNow();
    QCOMPARE(ticks.size(), 1);
    QCOMPARE(ticks.at(0).at(0).toDateTime(), now);
    now = now.addSecs(3600);
    QObject consumer;
    ticker.hold(&consumer);
    QVERIFY(ticks.wait(2000));
    QCOMPARE(ticks.last().at(0).toDateTime(), now);
}

QTEST_GUILESS_MAIN(TestTicker)
#include "tst_ticker.moc"
