// Rotation against the real demo API on loopback (renewal) and a raw ScriptedServer
// (429, 503, refusal, an answer that never comes), on the real clock: one-minute links
// renewed 58 s before their end give a renewal every two seconds.
#include "ApiClient.h"
#include "DemoServer.h"
#include "FaultMatrix.h"
#include "History.h"
#include "LinkIssuer.h"
#include "Rotation.h"
#include "ScriptedServer.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int TimeoutMs = 20000;

// A 200 answer whose link expires secondsLeft from now (the API's minimum is a minute;
// only a scripted server can hand out a link this short).
QByteArray shortLivedAnswer(int secondsLeft)
{
    QJsonObject answer = FaultMatrix::validAnswer();
    answer.insert(u"expires_in_minutes"_s, 1);
    answer.insert(u"expires_at"_s, FaultMatrix::timestamp(QDateTime::currentDateTimeUtc().addSecs(secondsLeft)));
    answer.insert(u"short_link"_s, QString(u"http://127.0.0.1/"_s + QUuid::createUuid().toString(QUuid::Id128).left(8)));
    return ScriptedServer::response(200, FaultMatrix::json(answer));
}

Rotation::Plan plan(int count = 0, std::chrono::seconds renewBefore = 58s)
{
    Rotation::Plan plan;
    plan.minutes = 1;
    plan.renewBefore = renewBefore;
    plan.count = count;
    plan.label = u"NOC wall 2"_s;
    plan.profile = u"default"_s;
    return plan;
}

} // namespace

class RotationTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ApiError>();
        qRegisterMetaType<EmbedToken>();
    }

    void init()
    {
        m_client = std::make_unique<ApiClient>();
        m_history = std::make_unique<History>();
        m_issuer = std::make_unique<LinkIssuer>(*m_client, m_history.get());
        m_rotation = std::make_unique<Rotation>(*m_issuer);
    }

    void cleanup()
    {
        m_rotation.reset();
        m_issuer.reset();
        m_history.reset();
        m_client.reset();
        m_demo.reset();
        m_scripted.reset();
    }

    void parseDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: refused
        QTest::newRow("seconds") << u"90s"_s << qint64(90);
        QTest::newRow("minutes") << u"10m"_s << qint64(600);
        QTest::newRow("hours") << u"2h"_s << qint64(7200);
        QTest::newRow("combined") << u"1h30m"_s << qint64(5400);
        QTest::newRow("spaces and case") << u" 1H 5S "_s << qint64(3605);
        QTest::newRow("no unit") << u"90"_s << qint64(-1);
        QTest::newRow("unknown unit") << u"2d"_s << qint64(-1);
        QTest::newRow("negative") << u"-5m"_s << qint64(-1);
        QTest::newRow("fraction") << u"1.5h"_s << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("over 30 days") << u"721h"_s << qint64(-1);
        QTest::newRow("huge number") << u"9999999h"_s << qint64(-1);
    }

    void parseDuration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const std::optional<std::chrono::seconds> parsed = Rotation::parseDuration(text);
        QCOMPARE(parsed.has_value(), seconds >= 0);
        if (parsed) {
            QCOMPARE(parsed->count(), seconds);
            // What durationText writes, parseDuration reads back.
            QCOMPARE(Rotation::parseDuration(Rotation::durationText(*parsed)), parsed);
        }
    }

    void durationText()
    {
        QCOMPARE(Rotation::durationText(90s), u"1m30s"_s);
        QCOMPARE(Rotation::durationText(3600s), u"1h"_s);
        QCOMPARE(Rotation::durationText(3661s), u"1h1m1s"_s);
        QCOMPARE(Rotation::durationText(0s), u"0s"_s);
    }

    void defaultRenewBefore()
    {
        QCOMPARE(Rotation::defaultRenewBefore(1), 6s);      // a minute allows no minute
        QCOMPARE(Rotation::defaultRenewBefore(2), 60s);     // at least a minute
        QCOMPARE(Rotation::defaultRenewBefore(60), 360s);   // a tenth
        QCOMPARE(Rotation::defaultRenewBefore(43200), 259200s);
        for (const int minutes : {1, 2, 5, 9, 10, 11, 60, 43200}) {
            Rotation::Plan plan;
            plan.minutes = minutes;
            plan.renewBefore = Rotation::defaultRenewBefore(minutes);
            QVERIFY2(Rotation::checkPlan(plan).isEmpty(), qPrintable(QString::number(minutes)));
        }
    }

    void checkPlan()
    {
        Rotation::Plan plan;
        plan.minutes = 10;
        plan.renewBefore = 10min;
        QVERIFY(Rotation::checkPlan(plan).contains(u"10m"_s));
        plan.renewBefore = 0s;
        QVERIFY(!Rotation::checkPlan(plan).isEmpty());
        plan.renewBefore = 9min + 59s;
        QVERIFY(Rotation::checkPlan(plan).isEmpty());
        plan.minutes = 0;
        QVERIFY(!Rotation::checkPlan(plan).isEmpty());
        plan.minutes = 43201;
        QVERIFY(!Rotation::checkPlan(plan).isEmpty());
        plan.minutes = 10;
        plan.count = -1;
        QVERIFY(!Rotation::checkPlan(plan).isEmpty());
    }

    // Each link is replaced while it still lives, with no more than R left, by one that
    // outlives it; every one is in the history with the label and the rotation's mark.
    void renewsBeforeTheEnd()
    {
        useDemo();
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        QSignalSpy finished(m_rotation.get(), &Rotation::finished);
        QSignalSpy failed(m_rotation.get(), &Rotation::renewFailed);
        QList<QDateTime> renewedAt;
        QList<std::optional<EmbedToken>> previous;
        connect(m_rotation.get(), &Rotation::renewed, this, [&] { renewedAt << QDateTime::currentDateTimeUtc(); });
        std::optional<EmbedToken> last;
        connect(m_rotation.get(), &Rotation::renewed, this, [&](const EmbedToken& token) {
            previous << last;
            last = token;
        });

        m_rotation->start(plan(3));
        QVERIFY(m_rotation->isRunning());
        QVERIFY(m_rotation->isMinting()); // no link given: one is minted at once
        QVERIFY(!m_rotation->nextRenewal().isValid());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, TimeoutMs);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(renewed.size(), 3);
        QVERIFY(!m_rotation->isRunning());
        QCOMPARE(m_rotation->minted(), 3);

        QSet<QString> links;
        for (int i = 0; i < 3; ++i) {
            const auto token = renewed.at(i).at(0).value<EmbedToken>();
            QCOMPARE(renewed.at(i).at(2).toInt(), i + 1);
            links << token.shortLink().toString();
            if (i > 0) {
                const EmbedToken& before = *previous.at(i);
                QVERIFY(token.expiresAt() > before.expiresAt());
                // Renewed while the one before still lived, with no more than R left.
                QVERIFY(renewedAt.at(i) < before.localExpiresAt());
                QVERIFY2(renewedAt.at(i).msecsTo(before.localExpiresAt()) <= 58'000 + 500,
                         qPrintable(QString::number(renewedAt.at(i).msecsTo(before.localExpiresAt()))));
            }
        }
        QCOMPARE(links.size(), 3);

        QCOMPARE(m_history->entries().size(), 3);
        for (const HistoryEntry& entry : m_history->entries()) {
            QCOMPARE(entry.label, u"NOC wall 2"_s);
            QCOMPARE(entry.rotation.id, m_rotation->id());
        }
        // Newest first.
        QCOMPARE(m_history->entries().at(0).rotation.number, 3);
        QCOMPARE(m_history->entries().at(2).rotation.number, 1);
        QCOMPARE(m_demo->tokenRequestCount(), 3);
    }

    // Given the link on screen, the first renewal falls R before its end, not at once.
    void startsFromTheCurrentLink()
    {
        useDemo();
        QSignalSpy issued(m_issuer.get(), &LinkIssuer::issued);
        m_issuer->issue(1, {}, u"default"_s);
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        const auto current = issued.at(0).at(0).value<EmbedToken>();

        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        m_rotation->start(plan(0, 30s), current);
        QVERIFY(!m_rotation->isMinting());
        QCOMPARE(m_rotation->current()->token(), current.token());
        QCOMPARE(m_rotation->nextRenewal(), current.localExpiresAt().addSecs(-30));
        QCOMPARE(m_demo->tokenRequestCount(), 1);

        // renewNow: the operator wants a fresh one.
        m_rotation->renewNow();
        QVERIFY(m_rotation->isMinting());
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, TimeoutMs);
        const auto next = renewed.at(0).at(0).value<EmbedToken>();
        QVERIFY(next.token() != current.token());
        QCOMPARE(m_rotation->nextRenewal(), next.localExpiresAt().addSecs(-30));
    }

    // A link that another caller of the issuer made (the window's Generate) becomes the
    // current one: the next renewal follows it, and it is not counted as the rotation's.
    void followsALinkIssuedBesideIt()
    {
        useDemo();
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        m_rotation->start(plan(0, 30s));
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, TimeoutMs);

        QSignalSpy issued(m_issuer.get(), &LinkIssuer::issued);
        QSignalSpy changed(m_rotation.get(), &Rotation::scheduleChanged);
        m_issuer->issue(1, u"by hand"_s, u"default"_s);
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        const auto byHand = issued.at(0).at(0).value<EmbedToken>();
        QCOMPARE(m_rotation->current()->token(), byHand.token());
        QCOMPARE(m_rotation->nextRenewal(), byHand.localExpiresAt().addSecs(-30));
        QVERIFY(changed.size() >= 1);
        QCOMPARE(renewed.size(), 1);
        QCOMPARE(m_rotation->minted(), 1);
    }

    // A 429 waits for the longer of Retry-After and the backoff; the current link stays.
    void rateLimitedRenewalWaitsForRetryAfter()
    {
        useScripted();
        const QByteArray limited = ScriptedServer::response(
            429, R"({"message":"Too Many Attempts."})", "application/json", {"Retry-After: 9"});
        m_scripted->setResponses({shortLivedAnswer(60), limited, shortLivedAnswer(60)});
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        QSignalSpy failed(m_rotation.get(), &Rotation::renewFailed);
        m_rotation->start(plan());
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, TimeoutMs);
        const auto first = renewed.at(0).at(0).value<EmbedToken>();

        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, TimeoutMs);
        const QDateTime failedAt = QDateTime::currentDateTimeUtc();
        const auto error = failed.at(0).at(0).value<ApiError>();
        QCOMPARE(error.kind(), ApiError::Kind::RateLimited);
        const QDateTime retryAt = failed.at(0).at(1).toDateTime();
        QCOMPARE(m_rotation->nextRenewal(), retryAt);
        // 9 s (Retry-After), not the 5 s of the first backoff step.
        QVERIFY2(failedAt.msecsTo(retryAt) > 8'000, qPrintable(QString::number(failedAt.msecsTo(retryAt))));
        QVERIFY(failedAt.msecsTo(retryAt) <= 9'000);
        QVERIFY(m_rotation->current());
        QCOMPARE(m_rotation->current()->token(), first.token());
    }

    // A failure without Retry-After is tried again after the first backoff step, and
    // succeeds; the link lived on meanwhile.
    void failedRenewalIsRetried()
    {
        useScripted();
        m_scripted->setResponses({shortLivedAnswer(60), ScriptedServer::response(503, {}), shortLivedAnswer(60)});
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        QSignalSpy failed(m_rotation.get(), &Rotation::renewFailed);
        QSignalSpy expired(m_rotation.get(), &Rotation::expired);
        m_rotation->start(plan());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, TimeoutMs);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Server);
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 2, TimeoutMs);
        QCOMPARE(renewed.at(1).at(2).toInt(), 2);
        QCOMPARE(expired.size(), 0);
        QCOMPARE(m_scripted->requests().size(), 3);
    }

    // The link runs out while the API refuses: expired() with the last failure, the
    // current link is gone, and the rotation keeps trying.
    void expiryWithNoSuccessor()
    {
        useScripted();
        m_scripted->setResponses({shortLivedAnswer(4), ScriptedServer::response(503, {})});
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        QSignalSpy failed(m_rotation.get(), &Rotation::renewFailed);
        QSignalSpy expired(m_rotation.get(), &Rotation::expired);
        m_rotation->start(plan());
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, TimeoutMs);
        const auto only = renewed.at(0).at(0).value<EmbedToken>();
        // Less than R left on arrival: renewed halfway through, not at once.
        QVERIFY(m_rotation->nextRenewal() > QDateTime::currentDateTimeUtc());
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, TimeoutMs);
        QVERIFY(m_rotation->current());

        QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, TimeoutMs);
        QVERIFY(QDateTime::currentDateTimeUtc() >= only.localExpiresAt());
        QCOMPARE(expired.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Server);
        QVERIFY(!m_rotation->current());
        QVERIFY(m_rotation->isRunning());
        QVERIFY(m_rotation->nextRenewal().isValid() || m_rotation->isMinting());
        m_rotation->stop();
    }

    // Nothing listens: each try fails as a network error, with growing waits.
    void unreachableApiBacksOff()
    {
        {
            ScriptedServer gone;
            QVERIFY(gone.listen());
            m_client->setApiUrl(gone.url());
        } // the port is closed now: connections are refused
        m_client->setApiKey(DemoServer::generateApiKey());
        QSignalSpy failed(m_rotation.get(), &Rotation::renewFailed);
        m_rotation->start(plan());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, TimeoutMs);
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Network);
        const QDateTime firstRetry = failed.at(0).at(1).toDateTime();
        QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(firstRetry) > 4'000);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, TimeoutMs);
        // The second wait is twice the first.
        QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(failed.at(1).at(1).toDateTime()) > 9'000);
        QVERIFY(!m_rotation->current());
    }

    // stop() cancels the mint in flight, and nothing is signalled after it.
    void stopCancelsTheMintInFlight()
    {
        useScripted();
        m_scripted->setSilent(true);
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        QSignalSpy failed(m_rotation.get(), &Rotation::renewFailed);
        QSignalSpy issuerFailed(m_issuer.get(), &LinkIssuer::failed);
        m_rotation->start(plan());
        QTRY_COMPARE_WITH_TIMEOUT(m_scripted->requests().size(), 1, TimeoutMs);
        QVERIFY(m_rotation->isMinting());
        m_rotation->stop();
        QVERIFY(!m_rotation->isRunning());
        QVERIFY(!m_rotation->isMinting());
        QVERIFY(!m_issuer->isBusy());
        QCOMPARE(issuerFailed.size(), 1);
        QCOMPARE(issuerFailed.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Cancelled);
        QVERIFY(!m_rotation->nextRenewal().isValid());
        QTRY_COMPARE_WITH_TIMEOUT(m_scripted->openConnections(), 0, TimeoutMs);
        QCoreApplication::processEvents();
        QCOMPARE(renewed.size(), 0);
        QCOMPARE(failed.size(), 0);
        // The object holds no timer that could wake it.
        const QList<QTimer*> timers = m_rotation->findChildren<QTimer*>();
        for (const QTimer* timer : timers)
            QVERIFY(!timer->isActive());
    }

    // Stopped while it waits for the next renewal: no timer left, the link kept.
    void stopWhileWaiting()
    {
        useDemo();
        QSignalSpy renewed(m_rotation.get(), &Rotation::renewed);
        m_rotation->start(plan(0, 30s));
        QTRY_COMPARE_WITH_TIMEOUT(renewed.size(), 1, TimeoutMs);
        QVERIFY(m_rotation->nextRenewal().isValid());
        m_rotation->stop();
        QVERIFY(!m_rotation->nextRenewal().isValid());
        QVERIFY(m_rotation->current());
        for (const QTimer* timer : m_rotation->findChildren<QTimer*>())
            QVERIFY(!timer->isActive());
        m_rotation->renewNow(); // stopped: does nothing
        QVERIFY(!m_issuer->isBusy());
    }

private:
    void useDemo()
    {
        m_demo = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        QVERIFY(m_demo->listen());
        m_client->setApiUrl(m_demo->url());
        m_client->setApiKey(m_demo->apiKey());
    }

    void useScripted()
    {
        m_scripted = std::make_unique<ScriptedServer>();
        QVERIFY(m_scripted->listen());
        m_client->setApiUrl(m_scripted->url());
        m_client->setApiKey(DemoServer::generateApiKey());
    }

    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<ScriptedServer> m_scripted;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<History> m_history;
    std::unique_ptr<LinkIssuer> m_issuer;
    std::unique_ptr<Rotation> m_rotation;
};

QTEST_GUILESS_MAIN(RotationTest)
#include "tst_rotation.moc"
