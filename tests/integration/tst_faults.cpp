// The fault matrix against the real ApiClient and QNetworkAccessManager: a raw loopback
// peer misbehaves after reading the request; every row must end in the right error kind,
// one actionable sentence and the right exit code, never in a token or a hang.

#include "ApiClient.h"
#include "FaultMatrix.h"
#include "RequestOutcome.h"
#include "ScriptedServer.h"

#include <QSignalSpy>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace faultshare;

using namespace std::chrono_literals;
using FaultMatrix::Row;
using Kind = ApiError::Kind;
using TestSupport::Outcome;
using TestSupport::waitFor;

namespace {

constexpr int OutcomeTimeoutMs = 10000;

QUrl refusingUrl()
{
    ScriptedServer probe;
    if (!probe.listen())
        return {};
    return probe.url(); // closed again on return: nothing listens there now
}

} // namespace

class tst_Faults final : public QObject
{
    Q_OBJECT

private:
    const QString m_key = QStringLiteral("faultTok:team42:s3cretValue");

private Q_SLOTS:
    void matrix_data()
    {
        QTest::addColumn<Row>("row");
        for (const Row& row : FaultMatrix::rows())
            QTest::newRow(row.name.constData()) << row;
    }

    void matrix()
    {
        QFETCH(Row, row);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFault(row.fault);
        QSignalSpy ended(&server, &ScriptedServer::faultEnded);
        ApiClient client;
        client.setApiUrl(row.listen ? server.url() : refusingUrl());
        client.setApiKey(m_key);
        client.setTimeout(row.timeout);

        const Outcome outcome = waitFor(client.requestToken(60));
        QVERIFY2(!outcome.token, "a token came out of a faulty answer");
        QVERIFY2(outcome.error, "no answer in time");
        const ApiError& error = *outcome.error;
        const QString message = error.userMessage();
        QVERIFY2(error.kind() == row.kind, qPrintable(QStringLiteral("kind %1: %2").arg(int(error.kind())).arg(message)));
        QCOMPARE(error.exitCode(), row.exitCode);
        QCOMPARE(error.httpStatus(), row.httpStatus);
        const QString why = FaultMatrix::whyNotOneSentence(message);
        QVERIFY2(why.isEmpty(), qPrintable(why + QStringLiteral(": ") + message));
        QVERIFY2(message.contains(row.mustContain), qPrintable(message));
        QVERIFY(!message.contains(m_key) && !message.contains(QStringLiteral("s3cretValue")));
        // A POST is never sent twice behind the operator's back.
        QVERIFY2(server.requests().size() <= 1, qPrintable(QString::number(server.requests().size())));

        if (row.maxBytesSent >= 0) {
            // The client hung up before the fault was over: nothing more was read or held.
            QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), OutcomeTimeoutMs);
            QVERIFY2(!server.faultCompleted(), "the whole fault was sent: the client did not hang up");
            QVERIFY2(server.faultBytesSent() <= row.maxBytesSent,
                     qPrintable(QString::number(server.faultBytesSent())));
        }
    }

    // The reference marks no member of the answer as required: a token the server made
    // is never thrown away for a member it can do without.
    void toleratedAnswer_keepsTheToken_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("linkKept");
        for (const FaultMatrix::Tolerated& answer : FaultMatrix::toleratedAnswers())
            QTest::newRow(answer.name.constData()) << answer.body << answer.linkKept;
    }

    void toleratedAnswer_keepsTheToken()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, linkKept);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, body));
        ApiClient client;
        client.setApiUrl(server.url());
        client.setApiKey(m_key);
        const Outcome outcome = waitFor(client.requestToken(60));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer in time");
        const EmbedToken& token = *outcome.token;
        QCOMPARE(token.token(), QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString());
        QVERIFY(!token.type().isEmpty());
        QVERIFY(token.expiresInMinutes() >= 1 && token.expiresInMinutes() <= 43200);
        QVERIFY(token.expiresAt() > QDateTime::currentDateTimeUtc());
        QCOMPARE(token.hasShortLink(), linkKept);
        QCOMPARE(token.linkProblem().isEmpty(), linkKept);
        QCOMPARE(token.apiUrl(), server.url());
    }

    // The controls: the valid answer the malformed rows start from is accepted, also
    // when it arrives slowly but within the deadline, so each row fails for its fault.
    void control_validAnswerIsAccepted_data()
    {
        QTest::addColumn<bool>("drip");
        QTest::newRow("at once") << false;
        QTest::newRow("dripped within the deadline") << true;
    }

    void control_validAnswerIsAccepted()
    {
        QFETCH(bool, drip);
        const QByteArray body = FaultMatrix::json(FaultMatrix::validAnswer());
        ScriptedServer::Fault fault;
        fault.bytes = ScriptedServer::head(200, body.size()) + body.left(body.size() - 4);
        if (drip) {
            fault.chunk = " "; // the last bytes come one by one; JSON allows trailing spaces
            fault.bytes = ScriptedServer::head(200, body.size() + 5) + body;
            fault.chunks = 5;
            fault.interval = 20ms;
        } else {
            fault.bytes += body.right(4);
        }
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFault(fault);
        ApiClient client;
        client.setApiUrl(server.url());
        client.setApiKey(m_key);
        client.setTimeout(5s);
        const Outcome outcome = waitFor(client.requestToken(60));
        QVERIFY2(outcome.token, outcome.error ? qPrintable(outcome.error->userMessage()) : "no answer");
        QCOMPARE(outcome.token->shortLink(), QUrl(QStringLiteral("https://altostr.at/aBcDeFg")));
        QVERIFY(server.faultCompleted());
    }

    // The body that refuses Qt's silent re-send still goes again, whole, after a 307/308
    // redirect the client followed.
    void control_sameOriginRedirect_sendsBodyAgain_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("307") << 307;
        QTest::newRow("308") << 308;
    }

    void control_sameOriginRedirect_sendsBodyAgain()
    {
        QFETCH(int, status);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponses({ScriptedServer::response(status, {}, {}, {"Location: /v2/fault/token"}),
                             ScriptedServer::response(401, {})});
        ApiClient client;
        client.setApiUrl(server.url());
        client.setApiKey(m_key);
        const Outcome outcome = waitFor(client.requestToken(15));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->kind(), Kind::Unauthorized);
        QCOMPARE(server.requests().size(), 2);
        for (const QByteArray& request : server.requests())
            QVERIFY2(request.endsWith(R"({"expire_after_minutes":15})"), request.constData());
        QCOMPARE(server.header(1, "Content-Length"), QByteArray("27"));
    }

    // Quitting while an answer drips in: the client goes first, and its connection with it.
    void clientDestroyedMidRequest_closesConnectionWithoutCrash()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        ScriptedServer::Fault drip;
        drip.bytes = ScriptedServer::head(200, 100000);
        drip.chunk = "a";
        drip.chunks = 300;
        drip.interval = 50ms;
        drip.end = ScriptedServer::Fault::End::Hold;
        server.setFault(drip);
        QSignalSpy ended(&server, &ScriptedServer::faultEnded);
        auto client = std::make_unique<ApiClient>();
        client->setApiUrl(server.url());
        client->setApiKey(m_key);
        client->requestToken(60);
        QTRY_VERIFY_WITH_TIMEOUT(server.faultBytesSent() > drip.bytes.size(), OutcomeTimeoutMs);
        client.reset();
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), OutcomeTimeoutMs);
        QVERIFY(!server.faultCompleted());
    }

    // Every row's rule checker rejects what it must: it can fail.
    void control_sentenceCheckerRejects_data()
    {
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString();
        QTest::newRow("two sentences") << QStringLiteral("It failed. Try again.");
        QTest::newRow("no full stop") << QStringLiteral("It failed: try again");
        QTest::newRow("line break") << QStringLiteral("It failed:\ntry again.");
        QTest::newRow("html") << QStringLiteral("It failed (<html>): try again.");
        QTest::newRow("no action") << QStringLiteral("It failed.");
        QTest::newRow("too long") << QStringLiteral("It failed: try again") + QString(300, QLatin1Char('!')) + QLatin1Char('.');
    }

    void control_sentenceCheckerRejects()
    {
        QFETCH(QString, message);
        QVERIFY(!FaultMatrix::whyNotOneSentence(message).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
