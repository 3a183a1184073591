#include "ApiError.h"

#include <QTest>

using namespace faultshare;

using namespace std::chrono;
using Kind = ApiError::Kind;

class tst_ApiError final : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);

private Q_SLOTS:
    void status_mapsToKindAndExitCode_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("400") << 400 << Kind::Validation << 2;
        QTest::newRow("422") << 422 << Kind::Validation << 2;
        QTest::newRow("401") << 401 << Kind::Unauthorized << 3;
        QTest::newRow("403") << 403 << Kind::Forbidden << 3;
        QTest::newRow("404") << 404 << Kind::NotFound << 6;
        QTest::newRow("429") << 429 << Kind::RateLimited << 4;
        QTest::newRow("500") << 500 << Kind::Server << 6;
        QTest::newRow("502") << 502 << Kind::Server << 6;
        QTest::newRow("503") << 503 << Kind::Server << 6;
        QTest::newRow("418") << 418 << Kind::Server << 6;
    }

    void status_mapsToKindAndExitCode()
    {
        QFETCH(int, status);
        QFETCH(Kind, kind);
        QFETCH(int, exitCode);
        const ApiError error = ApiError::fromHttpStatus(status, {}, {}, m_now);
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.httpStatus(), status);
        QCOMPARE(error.exitCode(), exitCode);
    }

    void transportKinds_mapToExitCodes()
    {
        QCOMPARE(ApiError(Kind::InvalidInput).exitCode(), 2);
        QCOMPARE(ApiError(Kind::NoApiKey).exitCode(), 3);
        QCOMPARE(ApiError(Kind::Keychain).exitCode(), 3);
        QCOMPARE(ApiError(Kind::Network).exitCode(), 5);
        QCOMPARE(ApiError(Kind::Tls).exitCode(), 5);
        QCOMPARE(ApiError(Kind::Timeout).exitCode(), 5);
        QCOMPARE(ApiError(Kind::InvalidResponse).exitCode(), 6);
    }

    void validation_showsServerMessage()
    {
        const QByteArray body = R"({"message":"The given data was invalid.","errors":{"expire_after_minutes":["The expire after minutes must not be greater than 43200."]}})";
        const ApiError error = ApiError::fromHttpStatus(422, body, {}, m_now);
        QCOMPARE(error.serverMessage(), QStringLiteral("The expire after minutes must not be greater than 43200."));
        QVERIFY2(error.userMessage().contains(error.serverMessage()), qPrintable(error.userMessage()));
    }

    void serverMessage_ignoresHtmlAndEmptyBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html><h1>502 Bad Gateway</h1></html>");
        QTest::newRow("array") << QByteArray(R"(["message"])");
        QTest::newRow("number message") << QByteArray(R"({"message":42})");
    }

    void serverMessage_ignoresHtmlAndEmptyBodies()
    {
        QFETCH(QByteArray, body);
        const ApiError error = ApiError::fromHttpStatus(400, body, {}, m_now);
        QVERIFY(error.serverMessage().isEmpty());
        QVERIFY(!error.userMessage().isEmpty());
        QVERIFY(!error.userMessage().contains(QLatin1Char('<')));
    }

    void serverMessage_isCleanedAndShortened()
    {
        const QByteArray body = "{\"message\":\"line one\\nline\\u0007two " + QByteArray(500, 'x') + "\"}";
        const QString message = ApiError::serverMessageFrom(body);
        QVERIFY(message.startsWith(QStringLiteral("line one line two ")));
        QVERIFY(message.size() <= 200);
        QVERIFY(!message.contains(QLatin1Char('\n')));
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("expected"); // -1: none
        QTest::newRow("seconds") << QByteArray("30") << 30;
        QTest::newRow("padded") << QByteArray(" 7 ") << 7;
        QTest::newRow("http date") << QByteArray("Tue, 21 Oct 2025 12:01:30 GMT") << 90;
        QTest::newRow("date in past") << QByteArray("Tue, 21 Oct 2025 11:00:00 GMT") << 0;
        QTest::newRow("negative") << QByteArray("-5") << -1;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
        QTest::newRow("huge") << QByteArray("99999999999999999999") << -1;
        QTest::newRow("empty") << QByteArray() << -1;
    }

    void retryAfter()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, expected);
        const auto parsed = ApiError::parseRetryAfter(header, m_now);
        if (expected < 0)
            QVERIFY(!parsed);
        else
            QCOMPARE(parsed.value_or(seconds(-1)), seconds(expected));
    }

    void rateLimited_messageNamesTheWait()
    {
        const ApiError error = ApiError::fromHttpStatus(429, R"({"message":"Too Many Attempts."})", "42", m_now);
        QCOMPARE(error.retryAfter().value_or(0s), 42s);
        QVERIFY2(error.userMessage().contains(QStringLiteral("42 seconds")), qPrintable(error.userMessage()));
        const ApiError noHeader = ApiError::fromHttpStatus(429, {}, {}, m_now);
        QVERIFY(!noHeader.retryAfter());
        QVERIFY(noHeader.userMessage().contains(QStringLiteral("wait a minute")));
    }

    // ALTOSTRAT-API.md: read X-RateLimit-Reset when present. Its meaning is not settled,
    // so both readings are taken: a Unix time, or seconds from now. Retry-After wins.
    void rateLimited_withoutRetryAfter_waitsUntilTheReset()
    {
        const QByteArray inNinetySeconds = QByteArray::number(m_now.toSecsSinceEpoch() + 90);
        QCOMPARE(ApiError::fromHttpStatus(429, {}, {}, m_now, {}, inNinetySeconds).retryAfter().value_or(-1s), 90s);
        QCOMPARE(ApiError::fromHttpStatus(429, {}, {}, m_now, {}, "45").retryAfter().value_or(-1s), 45s);
        const QByteArray past = QByteArray::number(m_now.toSecsSinceEpoch() - 5);
        QCOMPARE(ApiError::fromHttpStatus(429, {}, {}, m_now, {}, past).retryAfter().value_or(-1s), 0s);
        QCOMPARE(ApiError::fromHttpStatus(429, {}, "30", m_now, {}, inNinetySeconds).retryAfter().value_or(-1s), 30s);
        QCOMPARE(ApiError::fromHttpStatus(429, {}, "soon", m_now, {}, "45").retryAfter().value_or(-1s), 45s);
        for (const QByteArray& odd : {QByteArray("later"), QByteArray("-5"), QByteArray("12345678901"), QByteArray()})
            QVERIFY2(!ApiError::fromHttpStatus(429, {}, {}, m_now, {}, odd).retryAfter(), odd.constData());
        // Only a rate limit waits for its reset.
        QVERIFY(!ApiError::fromHttpStatus(500, {}, {}, m_now, {}, "45").retryAfter());
        const ApiError limited = ApiError::fromHttpStatus(429, {}, {}, m_now, "60", "45");
        QCOMPARE(limited.userMessage(), QStringLiteral("Too many requests (the API allows 60 in its period); try again in 45 seconds."));
    }

    // The reference documents no rate limit: a number only when the API sends one.
    void rateLimited_namesTheLimitOnlyWhenTheApiSendsIt()
    {
        const ApiError withLimit = ApiError::fromHttpStatus(429, {}, "30", m_now, "120");
        QCOMPARE(withLimit.rateLimit(), std::optional<int>(120));
        QCOMPARE(withLimit.userMessage(), QStringLiteral("Too many requests (the API allows 120 in its period); try again in 30 seconds."));
        const ApiError without = ApiError::fromHttpStatus(429, {}, "30", m_now);
        QVERIFY(!without.rateLimit());
        QCOMPARE(without.userMessage(), QStringLiteral("Too many requests; try again in 30 seconds."));
        for (const QByteArray& odd : {QByteArray("lots"), QByteArray("0"), QByteArray("-5")})
            QVERIFY(!ApiError::fromHttpStatus(429, {}, {}, m_now, odd).rateLimit());
        QVERIFY(!without.userMessage().contains(QStringLiteral("60")));
    }

    // The server's own words follow ours, quoted, for every status that has them.
    void serverWords_followOurs_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("401") << 401 << QStringLiteral("The API rejected the API key or token (401: “Token revoked.”): check or replace it in Settings.");
        QTest::newRow("403") << 403 << QStringLiteral("The API key or token is not allowed to create fault tokens (403: “Token revoked.”): ask your team admin for one with that permission.");
        QTest::newRow("404") << 404 << QStringLiteral("The API answered Not Found (404: “Token revoked.”): check the API URL in Settings.");
        QTest::newRow("500") << 500 << QStringLiteral("The API had a problem (HTTP 500: “Token revoked.”); try again in a moment, and check the Altostrat status page if it persists.");
        QTest::newRow("502") << 502 << QStringLiteral("The API had a problem (HTTP 502: “Token revoked.”); try again in a moment, and check the Altostrat status page if it persists.");
    }

    void serverWords_followOurs()
    {
        QFETCH(int, status);
        QFETCH(QString, expected);
        QCOMPARE(ApiError::fromHttpStatus(status, R"({"message":"Token revoked. Contact support!"})", {}, m_now).userMessage(), expected);
        // Without words of its own, ours alone.
        QVERIFY(!ApiError::fromHttpStatus(status, "<html>Error</html>", {}, m_now).userMessage().contains(QStringLiteral("“")));
    }

    // Made without an answer, a status error names the status its kind stands for, and
    // no other kind borrows one.
    void kindWithoutAnswer_namesItsOwnStatus()
    {
        QVERIFY(ApiError(Kind::Unauthorized).userMessage().contains(QStringLiteral("(401)")));
        QVERIFY(ApiError(Kind::Forbidden).userMessage().contains(QStringLiteral("(403)")));
        QVERIFY(ApiError(Kind::LinkInvalid).userMessage().contains(QStringLiteral("(404)")));
        QVERIFY(!ApiError(Kind::Validation).userMessage().contains(QStringLiteral("401")));
        QVERIFY(!ApiError(Kind::Server).userMessage().contains(QStringLiteral("401")));
    }

    void previewStatuses_sayWhatTheyMeanForALink()
    {
        QCOMPARE(ApiError::fromPreviewStatus(404, {}, true, {}, m_now).kind(), Kind::LinkInvalid);
        QCOMPARE(ApiError::fromPreviewStatus(403, {}, true, {}, m_now).kind(), Kind::LinkInvalid);
        QCOMPARE(ApiError::fromPreviewStatus(401, {}, false, {}, m_now).kind(), Kind::KeyRequired);
        QCOMPARE(ApiError::fromPreviewStatus(401, {}, true, {}, m_now).kind(), Kind::Unauthorized);
        QCOMPARE(ApiError::fromPreviewStatus(500, {}, true, {}, m_now).kind(), Kind::Server);
        for (const int status : {401, 403, 404})
            QCOMPARE(ApiError::fromPreviewStatus(status, {}, false, {}, m_now).exitCode(), 3);
    }

    void userMessage_isOneSentencePerKind_data()
    {
        QTest::addColumn<Kind>("kind");
        for (Kind k : {Kind::InvalidInput, Kind::NoApiKey, Kind::Keychain, Kind::Unauthorized, Kind::Forbidden,
                       Kind::NotFound, Kind::Validation, Kind::RateLimited, Kind::Server, Kind::Network, Kind::Tls,
                       Kind::Timeout, Kind::Cancelled, Kind::InvalidResponse, Kind::LinkInvalid, Kind::KeyRequired,
                       Kind::Proxy, Kind::ProxyAuth, Kind::SecretElsewhere})
            QTest::newRow(qPrintable(QString::number(int(k)))) << k;
    }

    void userMessage_isOneSentencePerKind()
    {
        QFETCH(Kind, kind);
        const QString message = ApiError(kind).userMessage();
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
        // One sentence: no full stop followed by a new sentence.
        QVERIFY2(!message.chopped(1).contains(QStringLiteral(". ")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(tst_ApiError)
#include "tst_apierror.moc"
