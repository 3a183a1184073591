#include "EmbedToken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace std::chrono;

namespace {

const QDateTime Received(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);

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
        const auto token = EmbedToken::parse(json(goodObject()), Received, {}, &why);
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
        QTest::newRow("token not jwt") << with(QStringLiteral("token"), QStringLiteral("abc.def")) << QStringLiteral("token is not a JWT");
        QTest::newRow("token bad parts") << with(QStringLiteral("token"), QStringLiteral("a.b.c")) << QStringLiteral("token is not a JWT");
        QTest::newRow("no type") << with(QStringLiteral("type"), QJsonValue::Undefined) << QStringLiteral("type is missing");
        QTest::newRow("minutes string") << with(QStringLiteral("expires_in_minutes"), QStringLiteral("60"))
                                        << QStringLiteral("expires_in_minutes is not a whole number of minutes from 1 to 43200");
        QTest::newRow("minutes fraction") << with(QStringLiteral("expires_in_minutes"), 60.5)
                                          << QStringLiteral("expires_in_minutes is not a whole number of minutes from 1 to 43200");
        QTest::newRow("minutes zero") << with(QStringLiteral("expires_in_minutes"), 0)
                                      << QStringLiteral("expires_in_minutes is not a whole number of minutes from 1 to 43200");
        QTest::newRow("expires_at missing") << with(QStringLiteral("expires_at"), QJsonValue::Undefined) << QStringLiteral("expires_at is not a date");
        QTest::newRow("expires_at garbage") << with(QStringLiteral("expires_at"), QStringLiteral("tomorrow")) << QStringLiteral("expires_at is not a date");
        QTest::newRow("expires_at no zone") << with(QStringLiteral("expires_at"), QStringLiteral("2025-10-21T13:00:00")) << QStringLiteral("expires_at is not a date");
        QTest::newRow("expires_at month 13") << with(QStringLiteral("expires_at"), QStringLiteral("2025-13-21T13:00:00Z")) << QStringLiteral("expires_at is not a date");
        QTest::newRow("expires_at past") << with(QStringLiteral("expires_at"), QStringLiteral("2025-10-21T11:59:59.000000Z")) << QStringLiteral("expires_at is already past");
        QTest::newRow("link missing") << with(QStringLiteral("short_link"), QJsonValue::Undefined) << QStringLiteral("short_link is not an https link");
        QTest::newRow("link javascript") << with(QStringLiteral("short_link"), QStringLiteral("javascript:alert(1)")) << QStringLiteral("short_link is not an https link");
        QTest::newRow("link relative") << with(QStringLiteral("short_link"), QStringLiteral("/aBcDeFg")) << QStringLiteral("short_link is not an https link");
        QTest::newRow("link http remote") << with(QStringLiteral("short_link"), QStringLiteral("http://altostr.at/x")) << QStringLiteral("short_link is not an https link");
        QTest::newRow("link with userinfo") << with(QStringLiteral("short_link"), QStringLiteral("https://u:p@altostr.at/x")) << QStringLiteral("short_link is not an https link");
    }

    void invalidBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        QString why;
        QVERIFY(!EmbedToken::parse(body, Received, {}, &why));
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
        QTest::newRow("space") << QStringLiteral("2025-10-21 13:00:00Z") << QDateTime();
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
        const auto token = EmbedToken::parse(json(goodObject()), Received, serverDate, &why);
        QVERIFY2(token, qPrintable(why));
        QCOMPARE(token->clockSkew(), milliseconds(-125s));
        QVERIFY(token->hasSignificantSkew());
        QCOMPARE(token->serverNow(Received.addSecs(10)), Received.addSecs(10 - 125));

        const auto small = EmbedToken::parse(json(goodObject()), Received, Received.addSecs(30), &why);
        QVERIFY(small);
        QVERIFY(!small->hasSignificantSkew());
        QCOMPARE(small->serverNow(Received), Received);
    }

    void expiredOnServerClock_isRejected()
    {
        // Local clock says 12:00, but the server says 13:05: the token is already dead.
        QString why;
        QVERIFY(!EmbedToken::parse(json(goodObject()), Received, Received.addSecs(3900), &why));
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
