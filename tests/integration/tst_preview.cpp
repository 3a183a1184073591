// GET /fault/token/{token} through the real ApiClient: the demo API on loopback for what
// a link shows and for dead links, a raw loopback peer for what goes on the wire (no key,
// the token as one escaped path segment) and for what comes back broken.

#include "ApiClient.h"
#include "DemoServer.h"
#include "FaultMatrix.h"
#include "RequestOutcome.h"
#include "ScriptedServer.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace faultshare;

using namespace std::chrono;
using Kind = ApiError::Kind;
using Severity = Fault::Severity;
using TestSupport::FaultsOutcome;
using TestSupport::waitFor;

namespace {

// Everything logged while it lives, every category and level enabled.
class LogCapture final
{
public:
    LogCapture()
    {
        s_lines.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("*=true"));
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules({});
    }
    QStringList lines() const
    {
        QMutexLocker lock(&s_mutex);
        return s_lines;
    }

private:
    static void handler(QtMsgType, const QMessageLogContext& context, const QString& message)
    {
        QMutexLocker lock(&s_mutex);
        s_lines << QString::fromUtf8(context.category ? context.category : "") + QLatin1Char(' ') + message;
    }
    static inline QMutex s_mutex;
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class tst_Preview final : public QObject
{
    Q_OBJECT

private:
    const QString m_key = DemoServer::generateApiKey();

    // A token minted by demo through the same client code the app uses.
    QString mint(const DemoServer& demo, int minutes = 60) const
    {
        ApiClient client;
        client.setApiUrl(demo.url());
        client.setApiKey(m_key);
        const auto outcome = waitFor(client.requestToken(minutes));
        return outcome.token ? outcome.token->token() : QString();
    }

    static std::unique_ptr<ApiClient> clientFor(const QUrl& url)
    {
        auto client = std::make_unique<ApiClient>();
        client->setApiUrl(url);
        return client;
    }

    static QString eyJ() { return QStringLiteral("eyJ"); }

private Q_SLOTS:
    void demoServer_listsTheSampleFaults()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        const QString token = mint(demo);
        QVERIFY(!token.isEmpty());
        const auto client = clientFor(demo.url());
        client->setApiKey(m_key);
        const FaultsOutcome outcome = waitFor(client->requestFaults(token));
        QVERIFY2(outcome.faults, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        const QList<Fault>& faults = *outcome.faults;
        QCOMPARE(faults.size(), 7);
        QCOMPARE(outcome.unreadable, 0);
        const QMap<Severity, int> counts = Fault::countBySeverity(faults);
        QCOMPARE(counts.value(Severity::Critical), 1);
        QCOMPARE(counts.value(Severity::High), 2);
        QCOMPARE(counts.value(Severity::Medium), 2);
        QCOMPARE(counts.value(Severity::Warning), 1);
        QCOMPARE(counts.value(Severity::Low), 1);
        QCOMPARE(counts.value(Severity::Unknown), 0);
        const auto resolved = std::count_if(faults.cbegin(), faults.cend(), [](const Fault& f) { return f.isResolved(); });
        QCOMPARE(resolved, 3);
        for (const Fault& fault : faults) {
            QVERIFY(fault.id.startsWith(QStringLiteral("flt_")));
            QVERIFY(!fault.message.isEmpty());
            QVERIFY(fault.createdAt.isValid() && fault.createdAt <= QDateTime::currentDateTimeUtc());
            QCOMPARE(fault.isResolved(), fault.status == QStringLiteral("resolved"));
            QCOMPARE(fault.resolvedAt.isValid(), fault.isResolved());
            QVERIFY(fault.site().startsWith(QStringLiteral("site_")));
            QCOMPARE(fault.device(), fault.resourceId);
            QVERIFY(!fault.microserviceId.isEmpty() && !fault.customerId.isEmpty() && fault.ttl);
        }
        QVERIFY(std::any_of(faults.cbegin(), faults.cend(), [](const Fault& f) { return f.comments.size() >= 2; }));
        QCOMPARE(demo.tokenRequestCount(), 1); // the preview is no token request
    }

    // The reference's GET inherits Bearer auth: without a key the demo answers 401, which
    // says a key is needed; a wrong key is a rejected key.
    void demoServer_withoutKey_saysAKeyIsNeeded()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        const QString token = mint(demo);
        QVERIFY(!token.isEmpty());
        const auto client = clientFor(demo.url());
        FaultsOutcome outcome = waitFor(client->requestFaults(token));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::KeyRequired);
        QCOMPARE(outcome.error->httpStatus(), 401);
        QCOMPARE(outcome.error->exitCode(), 3);
        QVERIFY2(outcome.error->userMessage().contains(QStringLiteral("wants an API key or token")),
                 qPrintable(outcome.error->userMessage()));

        client->setApiKey(DemoServer::generateApiKey());
        outcome = waitFor(client->requestFaults(token));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Unauthorized);
        QCOMPARE(outcome.error->exitCode(), 3);
        // The server's own words follow ours.
        QVERIFY2(outcome.error->userMessage().contains(QStringLiteral("“Unauthenticated.”")),
                 qPrintable(outcome.error->userMessage()));
    }

    void demoServer_jwtCredential_isSentUnchanged()
    {
        const QString jwtKey = QString::fromLatin1(FaultMatrix::jwt());
        QVERIFY(ApiClient::checkApiKey(jwtKey).isEmpty());
        DemoServer demo(jwtKey);
        QVERIFY(demo.listen());
        ApiClient client;
        client.setApiUrl(demo.url());
        client.setApiKey(jwtKey);
        const auto minted = waitFor(client.requestToken(5));
        QVERIFY2(minted.token, minted.error ? qPrintable(minted.error->userMessage()) : "no answer");
        const FaultsOutcome outcome = waitFor(client.requestFaults(minted.token->token()));
        QVERIFY2(outcome.faults, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.faults->size(), 7);
    }

    void demoServer_expiredToken_saysTheLinkIsUnknownOrExpired()
    {
        DemoServer demo(m_key);
        QDateTime now = QDateTime::currentDateTimeUtc();
        demo.setClock([&now] { return now; });
        QVERIFY(demo.listen());
        const QString token = mint(demo, 1);
        QVERIFY(!token.isEmpty());
        now = now.addSecs(120);
        const auto client = clientFor(demo.url());
        client->setApiKey(m_key);
        const FaultsOutcome outcome = waitFor(client->requestFaults(token));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::LinkInvalid);
        QCOMPARE(outcome.error->httpStatus(), 404);
        QCOMPARE(outcome.error->exitCode(), 3);
        const QString message = outcome.error->userMessage();
        QVERIFY2(message.contains(QStringLiteral("does not know this link, or it has expired")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("“Token expired.”")), qPrintable(message));
        const QString why = FaultMatrix::whyNotOneSentence(message);
        QVERIFY2(why.isEmpty(), qPrintable(why + QStringLiteral(": ") + message));
    }

    void demoServer_tamperedToken_isLinkInvalid()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        QString token = mint(demo);
        QVERIFY(!token.isEmpty());
        token[token.size() - 2] = token.at(token.size() - 2) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const auto client = clientFor(demo.url());
        client->setApiKey(m_key);
        const FaultsOutcome outcome = waitFor(client->requestFaults(token));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::LinkInvalid);
        QCOMPARE(outcome.error->httpStatus(), 404);
        QVERIFY(!outcome.error->userMessage().contains(token));
    }

    void unreadableFault_isSkippedAndCounted()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(
            200, R"([{"id":"flt_1","severity":"LOW","message":"m","created_at":"2025-10-21T12:00:00Z","resolved_at":null,"ttl":"x"},)"
                 R"(null,{"severity":"HIGH"},{"id":"flt_2","status":null,"severity":5,"created_at":"yesterday","comments":{}}])"));
        const auto client = clientFor(server.url());
        const FaultsOutcome outcome = waitFor(client->requestFaults(QStringLiteral("abc")));
        QVERIFY2(outcome.faults, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.faults->size(), 2);
        QCOMPARE(outcome.unreadable, 2);
    }

    void tokenNeverLogged_norInErrors()
    {
        DemoServer demo(m_key);
        QVERIFY(demo.listen());
        const QString token = mint(demo);
        QVERIFY(!token.isEmpty());
        const auto client = clientFor(demo.url());
        client->setApiKey(m_key);
        LogCapture log;
        QVERIFY(waitFor(client->requestFaults(token)).faults);
        const FaultsOutcome bad = waitFor(client->requestFaults(token + QStringLiteral("x")));
        QVERIFY(bad.error);
        const QStringList lines = log.lines();
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QStringLiteral("faultshare.api")), "lcApi logged nothing");
        const QString signature = token.section(QLatin1Char('.'), 2);
        for (const QString& line : lines) {
            // The demo's HTTP server logs its requests whole: that is the server's side.
            if (line.startsWith(QStringLiteral("qt.httpserver")))
                continue;
            QVERIFY2(!line.contains(token) && !line.contains(signature) && !line.contains(eyJ()), qPrintable(line));
            QVERIFY2(!line.contains(m_key), qPrintable(line));
        }
        QVERIFY(!bad.error->userMessage().contains(signature));
        QVERIFY(!bad.error->detail().contains(signature));
    }

    void request_isAGetWithTheKeyAndTheTokenIsOnePathSegment()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, "[]"));
        QUrl base = server.url();
        base.setPath(QStringLiteral("/v1/"));
        const auto client = clientFor(base);
        client->setApiKey(m_key);
        const QString token = QStringLiteral("ab/c?d#e f%2F.g~h_i-j\u00e9");
        const FaultsOutcome outcome = waitFor(client->requestFaults(token));
        QVERIFY2(outcome.faults, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QVERIFY(outcome.faults->isEmpty());
        QCOMPARE(server.requests().size(), 1);
        const QByteArray request = server.requests().first();
        QVERIFY2(request.startsWith("GET /v1/fault/token/ab%2Fc%3Fd%23e%20f%252F.g~h_i-j%C3%A9 HTTP/1.1\r\n"),
                 request.constData());
        QCOMPARE(server.header(0, "Authorization"), QByteArray("Bearer " + m_key.toUtf8()));
        QCOMPARE(server.header(0, "Accept"), QByteArray("application/json"));
        QVERIFY(server.header(0, "Content-Length").isEmpty() || server.header(0, "Content-Length") == "0");

        // Without a key the API is asked without one.
        client->setApiKey({});
        QVERIFY(waitFor(client->requestFaults(QStringLiteral("abc"))).faults);
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.header(1, "Authorization").isEmpty());
        QVERIFY(!server.requests().at(1).toLower().contains("authorization"));
    }

    void exactlyOneSignal_afterTheCallReturned_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("no token") << QString();
        QTest::newRow("token too long") << QString(ApiClient::MaxPreviewTokenLength + 1, QLatin1Char('a'));
        QTest::newRow("answered") << QStringLiteral("a.b.c");
    }

    void exactlyOneSignal_afterTheCallReturned()
    {
        QFETCH(QString, token);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(404, R"({"message":"Not found."})"));
        const auto client = clientFor(server.url());
        FaultsRequest* request = client->requestFaults(token);
        QSignalSpy finished(request, &FaultsRequest::finished);
        QSignalSpy failed(request, &FaultsRequest::failed);
        QCOMPARE(finished.size() + failed.size(), 0);
        const QPointer<FaultsRequest> alive(request);
        QVERIFY(failed.wait(10000));
        // Gone after its answer: it can say nothing more, so a second signal is counted now.
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), 10000);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 1);
        const ApiError error = failed.first().first().value<ApiError>();
        if (token.size() == 5) {
            QCOMPARE(error.kind(), Kind::LinkInvalid);
            QCOMPARE(error.httpStatus(), 404);
        } else {
            QCOMPARE(error.kind(), Kind::InvalidInput);
            QVERIFY(server.requests().isEmpty());
            const QString why = FaultMatrix::whyNotOneSentence(error.userMessage());
            QVERIFY2(why.isEmpty(), qPrintable(why + QStringLiteral(": ") + error.userMessage()));
        }
    }

    void errorStatuses_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mustContain");
        // Without a key: 401 says one is needed; 403 and 404 say the link does not work.
        const QList<std::tuple<int, Kind, QString>> statuses{
            {401, Kind::KeyRequired, QStringLiteral("wants an API key or token")},
            {403, Kind::LinkInvalid, QStringLiteral("refused to show this link")},
            {404, Kind::LinkInvalid, QStringLiteral("does not know this link")}};
        for (const auto& [status, statusKind, text] : statuses) {
            const QByteArray name = QByteArray::number(status);
            QTest::newRow(QByteArray(name + " JSON").constData()) << ScriptedServer::response(status, R"({"message":"Invalid token."})")
                                          << statusKind << status << QStringLiteral("(%1: “Invalid token.”)").arg(status);
            QTest::newRow(QByteArray(name + " HTML").constData()) << ScriptedServer::response(status, FaultMatrix::htmlPage(status, "Error"), "text/html")
                                          << statusKind << status << text;
            QTest::newRow(QByteArray(name + " empty").constData()) << ScriptedServer::response(status, {}, {}) << statusKind << status << text;
        }
        QTest::newRow("500 with the server's words")
            << ScriptedServer::response(500, R"({"message":"Database unavailable."})") << Kind::Server << 500
            << QStringLiteral("HTTP 500: “Database unavailable.”");
        QTest::newRow("HTML 502 from a proxy")
            << ScriptedServer::response(502, FaultMatrix::htmlPage(502, "Bad Gateway"), "text/html") << Kind::Server << 502
            << QStringLiteral("HTTP 502");
        QTest::newRow("429") << ScriptedServer::response(429, {}, {}, {"Retry-After: 30"}) << Kind::RateLimited << 429
                             << QStringLiteral("30 seconds");
        QTest::newRow("200 object, not a list")
            << ScriptedServer::response(200, FaultMatrix::json(FaultMatrix::validAnswer())) << Kind::InvalidResponse << 0
            << QStringLiteral("not a JSON array");
        QTest::newRow("200 HTML") << ScriptedServer::response(200, FaultMatrix::htmlPage(200, "OK"), "text/html")
                                  << Kind::InvalidResponse << 0 << QStringLiteral("not JSON");
        QTest::newRow("302 to another host")
            << ScriptedServer::response(302, {}, {}, {"Location: http://127.0.0.2:9/fault/token/x"}) << Kind::InvalidResponse
            << 0 << QStringLiteral("another host");
    }

    void errorStatuses()
    {
        QFETCH(QByteArray, response);
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QString, mustContain);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(response);
        const auto client = clientFor(server.url());
        const QString token = QString::fromLatin1(FaultMatrix::jwt());
        const FaultsOutcome outcome = waitFor(client->requestFaults(token));
        QVERIFY2(!outcome.faults, "faults came out of an error");
        QVERIFY2(outcome.error, "no answer in time");
        const QString message = outcome.error->userMessage();
        QVERIFY2(outcome.error->kind() == kind, qPrintable(message));
        QCOMPARE(outcome.error->httpStatus(), status);
        QVERIFY2(message.contains(mustContain), qPrintable(message));
        const QString why = FaultMatrix::whyNotOneSentence(message);
        QVERIFY2(why.isEmpty(), qPrintable(why + QStringLiteral(": ") + message));
        QVERIFY(!message.contains(token.section(QLatin1Char('.'), 2)));
        QCOMPARE(server.requests().size(), 1);
    }

    void sameOriginRedirect_isFollowedWithTheKey()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponses({ScriptedServer::response(308, {}, {}, {"Location: /v2/fault/token/abc"}),
                             ScriptedServer::response(200, "[]")});
        const auto client = clientFor(server.url());
        client->setApiKey(m_key);
        const FaultsOutcome outcome = waitFor(client->requestFaults(QStringLiteral("abc")));
        QVERIFY2(outcome.faults, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(server.requests().size(), 2);
        QVERIFY(server.requests().at(1).startsWith("GET /v2/fault/token/abc "));
        QCOMPARE(server.header(1, "Authorization"), QByteArray("Bearer " + m_key.toUtf8()));
    }

    void oversizedBody_isInvalidResponse_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("200") << 200 << Kind::InvalidResponse;
        // The status says more than its page: the link is dead, however long the page.
        QTest::newRow("404") << 404 << Kind::LinkInvalid;
    }

    void oversizedBody_isInvalidResponse()
    {
        QFETCH(int, status);
        QFETCH(Kind, kind);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(status, "[" + QByteArray(256 * 1024, ' ') + "]"));
        const auto client = clientFor(server.url());
        client->setMaxFaultListBytes(64 * 1024);
        const FaultsOutcome outcome = waitFor(client->requestFaults(QStringLiteral("a.b.c")));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), kind);
        if (kind == Kind::InvalidResponse)
            QVERIFY2(outcome.error->userMessage().contains(QStringLiteral("larger than 64 KiB")),
                     qPrintable(outcome.error->userMessage()));
    }

    void longListWithinTheDefaultCap_isAccepted()
    {
        // Far above the token answer's 1 MiB cap, well within the list's own.
        QByteArray body = "[";
        for (int i = 0; i < 12000; ++i) {
            if (i)
                body += ',';
            // Not a raw string: moc 6.4 misreads one ending in f)".
            body += "{\"id\":\"f" + QByteArray::number(i)
                + "\",\"severity\":\"HIGH\",\"message\":\"A fault message of some ordinary length, as NOCs see them\","
                  "\"cause\":\"c\",\"site\":\"s\",\"resource\":\"r\",\"created_at\":\"2025-10-21T12:00:00.000000Z\","
                  "\"resolved_at\":null}";
        }
        body += ']';
        QVERIFY(body.size() > ApiClient::DefaultMaxResponseBytes);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, body));
        const auto client = clientFor(server.url());
        const FaultsOutcome outcome = waitFor(client->requestFaults(QStringLiteral("a.b.c")), 30000);
        QVERIFY2(outcome.faults, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.faults->size(), 12000);
    }

    void cancel_endsWithCancelled()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        const auto client = clientFor(server.url());
        FaultsRequest* request = client->requestFaults(QStringLiteral("a.b.c"));
        QSignalSpy failed(request, &FaultsRequest::failed);
        QSignalSpy finished(request, &FaultsRequest::finished);
        QSignalSpy received(&server, &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        request->cancel();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), Kind::Cancelled);
        QCOMPARE(finished.size(), 0);
    }

    void silentServer_timesOut()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        const auto client = clientFor(server.url());
        client->setTimeout(300ms);
        const FaultsOutcome outcome = waitFor(client->requestFaults(QStringLiteral("a.b.c")));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Timeout);
    }

    void plainHttpToRemoteHost_refusedBeforeConnecting()
    {
        const auto client = clientFor(QUrl(QStringLiteral("http://api.example.invalid")));
        const FaultsOutcome outcome = waitFor(client->requestFaults(QStringLiteral("a.b.c")));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::InvalidInput);
        QVERIFY(outcome.error->userMessage().contains(QStringLiteral("https://")));
    }

    void clientDestroyedMidRequest_noCrash()
    {
        ScriptedServer server;
        server.setSilent(true);
        QVERIFY(server.listen());
        auto client = clientFor(server.url());
        QPointer<FaultsRequest> request = client->requestFaults(QStringLiteral("a.b.c"));
        QSignalSpy received(&server, &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        client.reset();
        QVERIFY(request.isNull());
    }
};

QTEST_GUILESS_MAIN(tst_Preview)
#include "tst_preview.moc"
