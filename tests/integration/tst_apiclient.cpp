#include "ApiClient.h"
#include "ApiRequestLog.h"
#include "DemoServer.h"
#include "RequestOutcome.h"
#include "ScriptedServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace faultshare;

using namespace std::chrono;
using Kind = ApiError::Kind;
using TestSupport::Outcome;
using TestSupport::waitFor;

class tst_ApiClient final : public QObject
{
    Q_OBJECT

private:
    const QString m_key = DemoServer::generateApiKey();

    std::unique_ptr<ApiClient> clientFor(const QUrl& apiUrl, const QString& key = {}) const
    {
        auto client = std::make_unique<ApiClient>();
        client->setApiUrl(apiUrl);
        client->setApiKey(key.isEmpty() ? m_key : key);
        return client;
    }

private Q_SLOTS:
    void demoServer_success_returnsValidatedToken()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        const auto client = clientFor(demo.url());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const Outcome outcome = waitFor(client->requestToken(90));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        const EmbedToken& token = *outcome.token;
        QCOMPARE(token.expiresInMinutes(), 90);
        QCOMPARE(token.type(), QStringLiteral("jwt"));
        QCOMPARE(token.shortLink().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(token.shortLink().port(), demo.url().port());
        QVERIFY(qAbs(before.addSecs(90 * 60).secsTo(token.expiresAt())) <= 2);
        QVERIFY(token.serverDate().isValid());
        QCOMPARE(demo.tokenRequestCount(), 1);
    }

    void demoServer_wrongKey_isUnauthorized()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        const auto client = clientFor(demo.url(), QStringLiteral("abc:def:wrong"));
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Unauthorized);
        QCOMPARE(outcome.error->httpStatus(), 401);
    }

    void demoServer_rateLimit_isRateLimitedWithRetryAfter()
    {
        DemoServer demo(m_key);
        demo.setRateLimit(2);
        QVERIFY(demo.listen());
        const auto client = clientFor(demo.url());
        QVERIFY(waitFor(client->requestToken(5)).token);
        QVERIFY(waitFor(client->requestToken(5)).token);
        const Outcome third = waitFor(client->requestToken(5));
        QVERIFY(third.error);
        QCOMPARE(third.error->kind(), Kind::RateLimited);
        QVERIFY(third.error->retryAfter());
        QVERIFY(*third.error->retryAfter() >= 1s && *third.error->retryAfter() <= 60s);
    }

    void serverValidationError_showsServerMessage()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(
            400, R"({"message":"The expire after minutes field must be an integer.","errors":{"expire_after_minutes":["The expire after minutes field must be an integer."]}})"));
        const auto client = clientFor(server.url());
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Validation);
        QVERIFY(outcome.error->userMessage().contains(QStringLiteral("must be an integer")));
    }

    void request_sendsBearerKeyJsonBodyAndPath()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(500, {}));
        QUrl base = server.url();
        base.setPath(QStringLiteral("/v1/"));
        const auto client = clientFor(base);
        const Outcome outcome = waitFor(client->requestToken(15));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Server);
        QCOMPARE(server.requests().size(), 1);
        const QByteArray request = server.requests().first();
        QVERIFY(request.startsWith("POST /v1/fault/token HTTP/1.1\r\n"));
        QCOMPARE(server.header(0, "Authorization"), "Bearer " + m_key.toUtf8());
        QCOMPARE(server.header(0, "Content-Type"), QByteArray("application/json"));
        QVERIFY(request.endsWith(R"({"expire_after_minutes":15})"));
    }

    void invalidMinutes_failsWithoutSendingAnything_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::newRow("zero") << 0;
        QTest::newRow("negative") << -1;
        QTest::newRow("over 30 days") << 43201;
    }

    void invalidMinutes_failsWithoutSendingAnything()
    {
        QFETCH(int, minutes);
        ScriptedServer server;
        QVERIFY(server.listen());
        const auto client = clientFor(server.url());
        const TestSupport::ApiRequestLog requests;
        const Outcome outcome = waitFor(client->requestToken(minutes));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::InvalidInput);
        QCOMPARE(outcome.error->exitCode(), 2);
        // Refused before a request was made, so nothing can reach the server later.
        QCOMPARE(requests.count(), 0);
        QVERIFY(server.requests().isEmpty());
    }

    void plainHttpToRemoteHost_refusedBeforeConnecting()
    {
        // Never contacted: the check happens before any socket is opened.
        const auto client = clientFor(QUrl(QStringLiteral("http://api.example.invalid")));
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::InvalidInput);
        QVERIFY(outcome.error->userMessage().contains(QStringLiteral("https://")));
    }

    void noKey_failsWithNoApiKey()
    {
        ApiClient client;
        client.setApiUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        const Outcome outcome = waitFor(client.requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::NoApiKey);
    }

    void cancel_endsWithCancelled()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        const auto client = clientFor(server.url());
        TokenRequest* request = client->requestToken(60);
        QSignalSpy failed(request, &TokenRequest::failed);
        QSignalSpy received(&server, &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        request->cancel();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Cancelled);
    }

    void silentServer_timesOut()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        const auto client = clientFor(server.url());
        client->setTimeout(300ms);
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Timeout);
        QCOMPARE(outcome.error->exitCode(), 5);
    }

    void connectionRefused_isNetworkError()
    {
        quint16 port = 0;
        {
            ScriptedServer probe;
            QVERIFY(probe.listen());
            port = probe.port();
        } // closed again: nothing listens there now
        const auto client = clientFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Network);
    }

    void redirectToOtherPort_dropsAuthorization()
    {
        ScriptedServer other;
        QVERIFY(other.listen());
        other.setResponse(ScriptedServer::response(200, "{}"));
        ScriptedServer api;
        QVERIFY(api.listen());
        api.setResponse(ScriptedServer::response(
            307, {}, {}, {"Location: " + other.url().toEncoded() + "/fault/token"}));
        auto client = clientFor(api.url());
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::InvalidResponse);
        // The client gone, both servers have read all it sent once its connections close.
        client.reset();
        QCoreApplication::processEvents();
        QTRY_COMPARE_WITH_TIMEOUT(api.openConnections(), qsizetype(0), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(other.openConnections(), qsizetype(0), 10000);
        QCOMPARE(api.requests().size(), 1);
        for (const QByteArray& request : other.requests())
            QVERIFY(!request.contains(m_key.toUtf8()));
    }

    void redirectWithinOrigin_isFollowedWithKey()
    {
        ScriptedServer api;
        QVERIFY(api.listen());
        const auto client = clientFor(api.url());
        // Same origin, other path: followed, with the key.
        api.setResponses({ScriptedServer::response(308, {}, {}, {"Location: /v2/fault/token"}),
                          ScriptedServer::response(503, {})});
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Server);
        QCOMPARE(api.requests().size(), 2);
        QVERIFY(api.requests().at(1).startsWith("POST /v2/fault/token "));
        QCOMPARE(api.header(1, "Authorization"), "Bearer " + m_key.toUtf8());
    }

    void oversizedBody_isInvalidResponse()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, QByteArray(2 * 1024 * 1024, 'x')));
        const auto client = clientFor(server.url());
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::InvalidResponse);
        QVERIFY(outcome.error->userMessage().contains(QStringLiteral("larger than")));
    }

    void malformedSuccessBody_isInvalidResponse()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, "<html>ok</html>", "text/html"));
        const auto client = clientFor(server.url());
        const Outcome outcome = waitFor(client->requestToken(60));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::InvalidResponse);
        QCOMPARE(outcome.error->exitCode(), 6);
    }

    // An API key, a JWT or any other bearer string is accepted; refused is only what can
    // never be a header value.
    void checkApiKey_acceptsAnyBearerString_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("ok");
        QTest::newRow("api key") << m_key << true;
        QTest::newRow("jwt") << QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWFtIn0.c2lnbmF0dXJl") << true;
        QTest::newRow("opaque") << QStringLiteral("only-one-part") << true;
        QTest::newRow("empty part") << QStringLiteral("a::c") << true;
        QTest::newRow("non-ascii") << QStringLiteral("cl\u00e9") << true;
        QTest::newRow("8 KiB") << QString(8 * 1024, QLatin1Char('k')) << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("blank") << QStringLiteral("   ") << false;
        QTest::newRow("space inside") << QStringLiteral("a:b c:d") << false;
        QTest::newRow("tab inside") << QStringLiteral("a\tb") << false;
        QTest::newRow("newline inside") << QStringLiteral("a\r\nX-Injected: 1") << false;
        QTest::newRow("nul inside") << QString(QStringLiteral("a")) + QChar(0) + QStringLiteral("b") << false;
        QTest::newRow("no-break space") << QStringLiteral("a\u00a0b") << false;
        QTest::newRow("8 KiB and one") << QString(8 * 1024 + 1, QLatin1Char('k')) << false;
    }

    void checkApiKey_acceptsAnyBearerString()
    {
        QFETCH(QString, key);
        QFETCH(bool, ok);
        const QString why = ApiClient::checkApiKey(key);
        QVERIFY2(why.isEmpty() == ok, qPrintable(why));
        if (!ok) {
            QVERIFY(why.contains(QStringLiteral("API key or token")));
            QVERIFY(key.size() < 3 || !why.contains(key.left(3)));
        }
    }

    // What is accepted goes out unchanged.
    void jwtCredential_isSentUnchanged()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(401, R"({"message":"Token revoked."})"));
        ApiClient client;
        client.setApiUrl(server.url());
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWFtIn0.c2lnbmF0dXJl");
        client.setApiKey(jwt);
        const auto outcome = waitFor(client.requestToken(5));
        QVERIFY(outcome.error);
        QCOMPARE(server.header(0, "Authorization"), QByteArray("Bearer " + jwt.toUtf8()));
        // The server's own words after ours.
        QCOMPARE(outcome.error->userMessage(),
                 QStringLiteral("The API rejected the API key or token (401: “Token revoked.”): check or replace it in Settings."));
    }
};

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
