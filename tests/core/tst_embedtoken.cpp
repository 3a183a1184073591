#include "EmbedToken.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace faultshare;

using namespace std::chrono;

namespace {

const QDateTime Received(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);
const QUrl Api(QStringLiteral("https://v1.api.altostrat.io"));

QByteArray b64(const QByteArray& json)
{
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString jwt(qint64 iat)
{
    return QString::fromLatin1(b64(R"({"alg":"HS256","typ":"JWT"})") + '.'
                               + b64(QByteArrayLiteral(R"({"sub":"team","iat":)") + QByteArray::number(iat) + '}')
                               + ".c2lnbmF0dXJl");
}

QJsonObject goodObject()
{
    return QJsonObject{
        {QStringLiteral("token"), jwt(Received.toSecsSinceEpoch())},
        {QStringLiteral("type"), QStringLiteral("jwt")},
        {QStringLiteral("expires_in_minutes"), 60},
        {QStringLiteral("expires_at"), QStringLiteral("2025-10-21T13:00:00.000000Z")},
        {QStringLiteral("short_link"), QStringLiteral("https://altostr.at/aBcDeFg")},
    };
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_EmbedToken final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedResponse_parses()
    {
        QString why;
        const auto token = EmbedToken::parse(json(goodObject()), Received, {}, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->type(), QStringLiteral("jwt"));
        QCOMPARE(token->expiresInMinutes(), 60);
        QCOMPARE(token->expiresAt(), QDateTime(QDate(2025, 10, 21), QTime(13, 0), Qt::UTC));
        QCOMPARE(token->shortLink(), QUrl(QStringLiteral("https://altostr.at/aBcDeFg")));
        QCOMPARE(token->issuedAt(), Received);
        QCOMPARE(token->clockSkew(), 0ms);
        QVERIFY(!token->hasSignificantSkew());
    }

    void invalidBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        const auto with = [](const QString& key, const QJsonValue& value) {
            QJsonObject o = goodObject();
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
            return json(o);
        };
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty body");
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>") << QStringLiteral("not JSON");
        QTest::newRow("truncated") << json(goodObject()).left(40) << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1,2,3]") << QStringLiteral("not a JSON object");
        QTest::newRow("no token") << with(QStringLiteral("token"), QJsonValue::Undefined) << QStringLiteral("token is missing");
        QTest::newRow("token number") << with(QStringLiteral("token"), 42) << QStringLiteral("token is missing");
        QTest::newRow("token with space") << with(QStringLiteral("token"), QStringLiteral("abc def")) << QStringLiteral("token is not a printable word");
        QTest::newRow("token with newline") << with(QStringLiteral("token"), QStringLiteral("abc\ndef")) << QStringLiteral("token is not a printable word");
        QTest::newRow("token too long") << with(QStringLiteral("token"), QString(16 * 1024 + 1, QLatin1Char('a'))) << QStringLiteral("token is not a printable word");
        QJsonObject noExpiry = goodObject();
        noExpiry.remove(QStringLiteral("expires_at"));
        noExpiry.remove(QStringLiteral("expires_in_minutes"));
        QTest::newRow("no expiry at all") << json(noExpiry) << QStringLiteral("neither expires_at nor expires_in_minutes is given");
        noExpiry.insert(QStringLiteral("expires_in_minutes"), 0);
        QTest::newRow("minutes zero, no expires_at") << json(noExpiry) << QStringLiteral("neither expires_at nor expires_in_minutes is given");
        noExpiry.insert(QStringLiteral("expires_in_minutes"), 60.5);
        QTest::newRow("minutes fraction, no expires_at") << json(noExpiry) << QStringLiteral("neither expires_at nor expires_in_minutes is given");
        noExpiry.insert(QStringLiteral("expires_in_minutes"), QStringLiteral("60"));
        QTest::newRow("minutes string, no expires_at") << json(noExpiry) << QStringLiteral("neither expires_at nor expires_in_minutes is given");
        QJsonObject badDate = goodObject();
        badDate.remove(QStringLiteral("expires_in_minutes"));
        badDate.insert(QStringLiteral("expires_at"), QStringLiteral("tomorrow"));
        QTest::newRow("expires_at garbage, no minutes") << json(badDate) << QStringLiteral("expires_at is not a date");
        badDate.insert(QStringLiteral("expires_at"), QStringLiteral("2025-13-21T13:00:00Z"));
        QTest::newRow("expires_at month 13, no minutes") << json(badDate) << QStringLiteral("expires_at is not a date");
        QTest::newRow("expires_at past") << with(QStringLiteral("expires_at"), QStringLiteral("2025-10-21T11:59:59.000000Z")) << QStringLiteral("expires_at is already past");
    }

    // The reference marks no member as required: a minted token is never thrown away
    // for a member it can do without.
    void optionalMembers_areDerivedOrDefaulted()
    {
        QString why;
        QJsonObject noType = goodObject();
        noType.remove(QStringLiteral("type"));
        auto token = EmbedToken::parse(json(noType), Received, {}, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->type(), QStringLiteral("jwt"));

        // Only the minutes: expires_at counts from the server's Date when it sent one.
        QJsonObject onlyMinutes = goodObject();
        onlyMinutes.remove(QStringLiteral("expires_at"));
        token = EmbedToken::parse(json(onlyMinutes), Received, Received.addSecs(-5), Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->expiresAt(), Received.addSecs(-5 + 3600));
        QCOMPARE(token->expiresInMinutes(), 60);
        token = EmbedToken::parse(json(onlyMinutes), Received, {}, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->expiresAt(), Received.addSecs(3600));

        // Only expires_at: the minutes are what is left of it, rounded up.
        QJsonObject onlyExpiry = goodObject();
        onlyExpiry.remove(QStringLiteral("expires_in_minutes"));
        onlyExpiry.insert(QStringLiteral("expires_at"), QStringLiteral("2025-10-21T12:30:00.000000Z"));
        token = EmbedToken::parse(json(onlyExpiry), Received.addSecs(-20), {}, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->expiresInMinutes(), 31);

        // An unusable expires_at with usable minutes: the minutes decide.
        QJsonObject badExpiry = goodObject();
        badExpiry.insert(QStringLiteral("expires_at"), QStringLiteral("tomorrow"));
        token = EmbedToken::parse(json(badExpiry), Received, {}, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->expiresAt(), Received.addSecs(3600));

        // An opaque token that is not a JWT is kept; its lifetime comes from the minutes.
        QJsonObject opaque = goodObject();
        opaque.insert(QStringLiteral("token"), QStringLiteral("ft_0123456789abcdef"));
        token = EmbedToken::parse(json(opaque), Received, {}, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->token(), QStringLiteral("ft_0123456789abcdef"));
        QCOMPARE(token->issuedAt(), Received);
    }

    void unusableShortLink_keepsTheToken_data()
    {
        QTest::addColumn<QJsonValue>("link");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("problem");
        const QString remote = Api.toString();
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << remote << QStringLiteral("short_link is missing");
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << remote << QStringLiteral("short_link is missing");
        QTest::newRow("empty") << QJsonValue(QString()) << remote << QStringLiteral("short_link is missing");
        QTest::newRow("number") << QJsonValue(7) << remote << QStringLiteral("short_link is missing");
        QTest::newRow("javascript") << QJsonValue(QStringLiteral("javascript:alert(1)")) << remote << QStringLiteral("short_link is not an absolute link");
        QTest::newRow("relative") << QJsonValue(QStringLiteral("/aBcDeFg")) << remote << QStringLiteral("short_link is not an absolute link");
        QTest::newRow("userinfo") << QJsonValue(QStringLiteral("https://u:p@altostr.at/x")) << remote << QStringLiteral("short_link is not an absolute link");
        QTest::newRow("http remote") << QJsonValue(QStringLiteral("http://altostr.at/x")) << remote << QStringLiteral("short_link is not an https link");
        // Plain http only when the API itself is on this computer.
        QTest::newRow("http loopback link, remote API") << QJsonValue(QStringLiteral("http://127.0.0.1:8080/s/x")) << remote
                                                        << QStringLiteral("short_link is not an https link");
        QTest::newRow("2049 bytes") << QJsonValue(QStringLiteral("https://altostr.at/") + QString(2049 - 19, QLatin1Char('a'))) << remote
                                    << QStringLiteral("short_link is longer than 2048 bytes");
        QTest::newRow("5000 bytes") << QJsonValue(QStringLiteral("https://altostr.at/") + QString(5000, QLatin1Char('a'))) << remote
                                    << QStringLiteral("short_link is longer than 2048 bytes");
    }

    void unusableShortLink_keepsTheToken()
    {
        QFETCH(QJsonValue, link);
        QFETCH(QString, api);
        QFETCH(QString, problem);
        QJsonObject object = goodObject();
        if (link.isUndefined())
            object.remove(QStringLiteral("short_link"));
        else
            object.insert(QStringLiteral("short_link"), link);
        QString why;
        const auto token = EmbedToken::parse(json(object), Received, {}, QUrl(api), &why);
        QVERIFY2(token, qPrintable(why));
        QVERIFY(!token->hasShortLink());
        QVERIFY(token->shortLink().isEmpty());
        QCOMPARE(token->linkProblem(), problem);
        QCOMPARE(token->token(), goodObject().value(QStringLiteral("token")).toString());
    }

    // The rule no longer uses QtNetwork (it is a module loaded on first use): for every
    // address it must agree with QHostAddress::isLoopback, which it replaced.
    void isLoopbackHost_agreesWithQHostAddress_data()
    {
        QTest::addColumn<QString>("host");
        for (const char* host : {"127.0.0.1", "127.1", "0x7f.1", "0177.0.0.1", "2130706433", "127.255.255.254",
                                 "127.0.0.1.", "128.0.0.1", "126.255.255.255", "1.127.0.0", "::1", "0:0:0:0:0:0:0:1",
                                 "0::1", "::2", "::", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:128.0.0.1",
                                 "::127.0.0.1", "fe80::1%lo", "0.0.0.0", "10.0.0.1", "127.0.0.1:80", "127.0.0",
                                 "127.example.com", "127.0.0.1.nip.io", "example.com", ""})
            QTest::newRow(host) << QString::fromLatin1(host);
    }
    void isLoopbackHost_agreesWithQHostAddress()
    {
        QFETCH(QString, host);
        const QHostAddress address(host);
        QCOMPARE(EmbedToken::isLoopbackHost(host), !address.isNull() && address.isLoopback());
    }

    void isLoopbackHost_namesUnderLocalhost()
    {
        for (const char* host : {"localhost", "LOCALHOST", "localhost.", "api.localhost", "a.b.localhost."})
            QVERIFY2(EmbedToken::isLoopbackHost(QString::fromLatin1(host)), host);
        for (const char* host : {"localhost.example.com", "notlocalhost", "localhost.localdomain.com"})
            QVERIFY2(!EmbedToken::isLoopbackHost(QString::fromLatin1(host)), host);
    }

    void shortLink_httpOnLoopback_onlyWithLoopbackApi()
    {
        QJsonObject object = goodObject();
        object.insert(QStringLiteral("short_link"), QStringLiteral("http://127.0.0.1:8080/s/x"));
        QString why;
        const auto token = EmbedToken::parse(json(object), Received, {}, QUrl(QStringLiteral("http://127.0.0.1:8080")), &why);
        QVERIFY2(token, qPrintable(why));
        QVERIFY(token->hasShortLink());
        QCOMPARE(token->apiUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080")));

        // Exactly 2048 bytes is still a link.
        object.insert(QStringLiteral("short_link"), QString(QStringLiteral("https://altostr.at/") + QString(2048 - 19, QLatin1Char('a'))));
        const auto longest = EmbedToken::parse(json(object), Received, {}, Api, &why);
        QVERIFY2(longest, qPrintable(why));
        QVERIFY(longest->hasShortLink());
    }

    void invalidBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        QString why;
        QVERIFY(!EmbedToken::parse(body, Received, {}, Api, &why));
        QCOMPARE(why, reason);
    }

    void timestamp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(2025, 10, 21), QTime(13, 0), Qt::UTC);
        QTest::newRow("documented") << QStringLiteral("2025-10-21T13:00:00.000000Z") << t;
        QTest::newRow("no fraction") << QStringLiteral("2025-10-21T13:00:00Z") << t;
        QTest::newRow("millis") << QStringLiteral("2025-10-21T13:00:00.250Z") << t.addMSecs(250);
        QTest::newRow("micros truncate") << QStringLiteral("2025-10-21T13:00:00.123999Z") << t.addMSecs(123);
        QTest::newRow("offset") << QStringLiteral("2025-10-21T15:00:00.000000+02:00") << t;
        QTest::newRow("negative offset") << QStringLiteral("2025-10-21T08:30:00-04:30") << t;
        QTest::newRow("space") << QStringLiteral("2025-10-21 13:00:00Z") << t;
        QTest::newRow("legacy, no zone") << QStringLiteral("2025-10-21 13:00:00") << t;
        QTest::newRow("lower-case t and z") << QStringLiteral("2025-10-21t13:00:00.000000z") << t;
        QTest::newRow("no zone") << QStringLiteral("2025-10-21T13:00:00") << t;
        QTest::newRow("trailing newline") << QStringLiteral("2025-10-21T13:00:00Z\n") << QDateTime();
        QTest::newRow("date only") << QStringLiteral("2025-10-21") << QDateTime();
        QTest::newRow("bad offset") << QStringLiteral("2025-10-21T13:00:00+25:00") << QDateTime();
        QTest::newRow("feb 30") << QStringLiteral("2025-02-30T13:00:00Z") << QDateTime();
    }

    void timestamp()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(EmbedToken::parseTimestamp(text), expected);
    }

    void httpDate_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime t(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
        QTest::newRow("imf") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << t;
        QTest::newRow("rfc850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << t;
        QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << t;
        QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
        QTest::newRow("bad month") << QByteArray("Sun, 06 Foo 1994 08:49:37 GMT") << QDateTime();
        QTest::newRow("not gmt") << QByteArray("Sun, 06 Nov 1994 08:49:37 CET") << QDateTime();
    }

    void httpDate()
    {
        QFETCH(QByteArray, value);
        QFETCH(QDateTime, expected);
        QCOMPARE(EmbedToken::parseHttpDate(value), expected);
    }

    void serverDate_givesSkewAndServerNow()
    {
        QString why;
        const QDateTime serverDate = Received.addSecs(-125);
        const auto token = EmbedToken::parse(json(goodObject()), Received, serverDate, Api, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->clockSkew(), milliseconds(-125s));
        QVERIFY(token->hasSignificantSkew());
        QCOMPARE(token->serverNow(Received.addSecs(10)), Received.addSecs(10 - 125));

        const auto small = EmbedToken::parse(json(goodObject()), Received, Received.addSecs(30), Api, &why);
        QVERIFY(small);
        QVERIFY(!small->hasSignificantSkew());
        QCOMPARE(small->serverNow(Received), Received);
    }

    void expiredOnServerClock_isRejected()
    {
        // Local clock says 12:00, but the server says 13:05: the token is already dead.
        QString why;
        QVERIFY(!EmbedToken::parse(json(goodObject()), Received, Received.addSecs(3900), Api, &why));
        QCOMPARE(why, QStringLiteral("expires_at is already past"));
    }

    void shareableUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::newRow("https") << QStringLiteral("https://altostr.at/x") << true;
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080/s/x") << true;
        QTest::newRow("http loopback v6") << QStringLiteral("http://[::1]:8080/s/x") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost/s/x") << true;
        QTest::newRow("http localhost, root dot") << QStringLiteral("http://localhost./s/x") << true;
        QTest::newRow("http under localhost") << QStringLiteral("http://api.localhost:8080/s/x") << true;
        QTest::newRow("http localhost lookalike") << QStringLiteral("http://localhost.example.com/s/x") << false;
        QTest::newRow("http notlocalhost") << QStringLiteral("http://notlocalhost/s/x") << false;
        QTest::newRow("http remote") << QStringLiteral("http://altostr.at/x") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://altostr.at/x") << false;
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
        QTest::newRow("no host") << QStringLiteral("https:///x") << false;
    }

    void shareableUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QCOMPARE(EmbedToken::isShareableUrl(QUrl(url)), ok);
    }
};

QTEST_GUILESS_MAIN(tst_EmbedToken)
#include "tst_embedtoken.moc"
