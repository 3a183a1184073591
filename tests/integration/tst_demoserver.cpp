#include "DemoServer.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr int kReplyTimeoutMs = 10000;

struct HttpResult
{
    bool finished = false;
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    QJsonObject jsonObject() const { return QJsonDocument::fromJson(body).object(); }
};

const QRegularExpression& timestampPattern()
{
    static const QRegularExpression pattern(uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$)"_s);
    return pattern;
}

// "2025-10-21T13:00:00.000000Z" as UTC, parsed here rather than by the code under test.
QDateTime parseApiTimestamp(const QString& text)
{
    if (!timestampPattern().match(text).hasMatch())
        return {};
    QDateTime time = QDateTime::fromString(text.left(19), u"yyyy-MM-dd'T'HH:mm:ss");
    time.setTimeSpec(Qt::UTC);
    return time.addMSecs(text.mid(20, 6).toInt() / 1000);
}

std::optional<QJsonObject> decodeJwtPart(const QByteArray& part)
{
    auto decoded = QByteArray::fromBase64Encoding(
        part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QByteArray minutesBody(int minutes)
{
    return "{\"expire_after_minutes\":"_ba + QByteArray::number(minutes) + '}';
}

QString demoApiExecutable()
{
    QString dir = qEnvironmentVariable("FAULTSHARE_BIN_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + u"/../bin"_s;
    return QStandardPaths::findExecutable(u"faultshare-demo-api"_s, {dir});
}

} // namespace

class tst_DemoServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void validRequest_returnsDocumentedShape();
    void jwtExp_matchesExpiresAt();
    void missingOrWrongKey_returns401_data();
    void missingOrWrongKey_returns401();
    void authorizationHeaderName_isCaseInsensitive();
    void invalidMinutes_returns400WithMessage_data();
    void invalidMinutes_returns400WithMessage();
    void boundaries_1_and_43200_accepted_data();
    void boundaries_1_and_43200_accepted();
    void rateLimit_returns429WithRetryAfter();
    void tokenPreview_returnsSampleFaultsOfAllSeverities();
    void expiredToken_preview401();
    void shortLink_servesHtmlPage();
    void shortLink_unknownIs404_expiredIs410();
    void unknownPath_returns404Json_data();
    void unknownPath_returns404Json();
    void everyResponse_hasServerDateAndNoStore();
    void nonLoopbackListen_refused();
    void ipv6Loopback_urlHasBrackets();
    void executable_printsListeningLineFirst();
    void executable_withoutKey_printsGeneratedKeySecond();
    void executable_nonLoopbackAddress_exits2();

private:
    void useFakeClock();
    HttpResult send(const QUrl& url, const QByteArray& verb, const QByteArray& body = {},
                    const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    HttpResult postToken(const QByteArray& body, std::optional<QByteArray> authorization = std::nullopt,
                         const QByteArray& contentType = "application/json"_ba);
    HttpResult get(const QUrl& url) { return send(url, "GET"_ba); }
    QUrl endpoint(const QString& path) const;

    QNetworkAccessManager m_nam;
    QString m_key;
    std::unique_ptr<DemoServer> m_server;
    QDateTime m_now;
};

void tst_DemoServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Loopback only: never let an environment proxy see these requests.
    m_nam.setProxy(QNetworkProxy::NoProxy);
}

void tst_DemoServer::init()
{
    m_key = DemoServer::generateApiKey();
    m_server = std::make_unique<DemoServer>(m_key);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
}

void tst_DemoServer::cleanup()
{
    m_server.reset();
    m_nam.clearConnectionCache();
}

void tst_DemoServer::useFakeClock()
{
    m_now = QDateTime(QDate(2025, 10, 21), QTime(12, 0, 0, 250), Qt::UTC);
    m_server->setClock([this] { return m_now; });
}

QUrl tst_DemoServer::endpoint(const QString& path) const
{
    return QUrl(m_server->url().toString() + path);
}

HttpResult tst_DemoServer::send(const QUrl& url, const QByteArray& verb, const QByteArray& body,
                                const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(url);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);

    HttpResult result;
    if (!reply->isFinished() && !finished.wait(kReplyTimeoutMs))
        return result;
    result.finished = true;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    return result;
}

HttpResult tst_DemoServer::postToken(const QByteArray& body, std::optional<QByteArray> authorization,
                                     const QByteArray& contentType)
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type"_ba, contentType}};
    const QByteArray auth = authorization.value_or("Bearer "_ba + m_key.toUtf8());
    if (!auth.isEmpty())
        headers.append({"Authorization"_ba, auth});
    return send(endpoint(u"/fault/token"_s), "POST"_ba, body, headers);
}

void tst_DemoServer::validRequest_returnsDocumentedShape()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const HttpResult reply = postToken(minutesBody(60));
    const QDateTime after = QDateTime::currentDateTimeUtc();

    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);

    const QJsonDocument document = QJsonDocument::fromJson(reply.body);
    QVERIFY(document.isObject());
    const QJsonObject object = document.object();
    QStringList keys = object.keys();
    keys.sort();
    QCOMPARE(keys, QStringList({u"expires_at"_s, u"expires_in_minutes"_s, u"short_link"_s, u"token"_s, u"type"_s}));

    QVERIFY(object.value("token"_L1).isString());
    const QStringList parts = object.value("token"_L1).toString().split(u'.');
    QCOMPARE(parts.size(), 3);
    static const QRegularExpression base64Url(u"^[A-Za-z0-9_-]+$"_s);
    for (const QString& part : parts)
        QVERIFY2(base64Url.match(part).hasMatch(), qPrintable(part));

    QCOMPARE(object.value("type"_L1).toString(), u"jwt"_s);
    QVERIFY(object.value("expires_in_minutes"_L1).isDouble());
    QCOMPARE(object.value("expires_in_minutes"_L1).toDouble(), 60.0);

    QVERIFY(object.value("expires_at"_L1).isString());
    const QString expiresAtText = object.value("expires_at"_L1).toString();
    QVERIFY2(timestampPattern().match(expiresAtText).hasMatch(), qPrintable(expiresAtText));
    const QDateTime expiresAt = parseApiTimestamp(expiresAtText);
    QVERIFY(expiresAt >= before.addSecs(60 * 60 - 1));
    QVERIFY(expiresAt <= after.addSecs(60 * 60 + 1));

    QVERIFY(object.value("short_link"_L1).isString());
    const QUrl shortLink(object.value("short_link"_L1).toString());
    QVERIFY(shortLink.isValid());
    QCOMPARE(shortLink.scheme(), u"http"_s);
    QCOMPARE(shortLink.host(), u"127.0.0.1"_s);
    QCOMPARE(shortLink.port(), m_server->url().port());
    QVERIFY2(QRegularExpression(u"^/s/[A-Za-z0-9]{7}$"_s).match(shortLink.path()).hasMatch(),
             qPrintable(shortLink.path()));

    QCOMPARE(m_server->tokenRequestCount(), 1);
}

void tst_DemoServer::jwtExp_matchesExpiresAt()
{
    useFakeClock();
    const HttpResult reply = postToken(minutesBody(60));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QJsonObject object = reply.jsonObject();
    QCOMPARE(object.value("expires_at"_L1).toString(), u"2025-10-21T13:00:00.000000Z"_s);

    const QByteArray token = object.value("token"_L1).toString().toLatin1();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const std::optional<QJsonObject> header = decodeJwtPart(parts.at(0));
    const std::optional<QJsonObject> claims = decodeJwtPart(parts.at(1));
    QVERIFY(header);
    QVERIFY(claims);
    QCOMPARE(header->value("alg"_L1).toString(), u"HS256"_s);
    QCOMPARE(header->value("typ"_L1).toString(), u"JWT"_s);

    QCOMPARE(claims->value("sub"_L1).toString(), m_key.split(u':').at(1));
    QCOMPARE(claims->value("scope"_L1).toString(), u"faults:read"_s);
    QVERIFY(!claims->value("jti"_L1).toString().isEmpty());
    const qint64 iat = claims->value("iat"_L1).toInteger(-1);
    const qint64 exp = claims->value("exp"_L1).toInteger(-1);
    QCOMPARE(iat, m_now.toSecsSinceEpoch());
    QCOMPARE(exp, iat + 60 * 60);
    QCOMPARE(exp, parseApiTimestamp(object.value("expires_at"_L1).toString()).toSecsSinceEpoch());

    // We cannot know the secret: the server that signed it must accept it...
    const HttpResult preview = get(endpoint(u"/fault/token/"_s + QString::fromLatin1(token)));
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    QVERIFY(QJsonDocument::fromJson(preview.body).isArray());

    // ...and reject a different signature or a payload the signature does not cover.
    QByteArray badSignature = parts.at(2);
    badSignature[0] = badSignature.at(0) == 'A' ? 'B' : 'A';
    const QByteArray tamperedSignature = parts.at(0) + '.' + parts.at(1) + '.' + badSignature;
    QJsonObject longerClaims = *claims;
    longerClaims.insert(u"exp"_s, exp + 24 * 3600);
    const QByteArray tamperedClaims = parts.at(0) + '.'
        + QJsonDocument(longerClaims)
              .toJson(QJsonDocument::Compact)
              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        + '.' + parts.at(2);
    for (const QByteArray& forged : {tamperedSignature, tamperedClaims}) {
        const HttpResult rejected = get(endpoint(u"/fault/token/"_s + QString::fromLatin1(forged)));
        QVERIFY(rejected.finished);
        QCOMPARE(rejected.status, 401);
        QVERIFY(rejected.header("Content-Type").startsWith("application/json"));
        QVERIFY(!rejected.jsonObject().value("message"_L1).toString().isEmpty());
    }
}

void tst_DemoServer::missingOrWrongKey_returns401_data()
{
    // {key} is this server's key, {other} a well-formed key it does not know.
    QTest::addColumn<QByteArray>("authorization");

    QTest::newRow("none") << QByteArray();
    QTest::newRow("wrong key") << "Bearer {other}"_ba;
    QTest::newRow("Bearer prefix missing") << "{key}"_ba;
    QTest::newRow("lower-case scheme") << "bearer {key}"_ba;
    QTest::newRow("key with an extra character") << "Bearer {key}x"_ba;
    QTest::newRow("Basic scheme") << "Basic {key}"_ba;
}

void tst_DemoServer::missingOrWrongKey_returns401()
{
    QFETCH(QByteArray, authorization);
    authorization.replace("{key}", m_key.toUtf8());
    authorization.replace("{other}", DemoServer::generateApiKey().toUtf8());

    QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type"_ba, "application/json"_ba}};
    if (!authorization.isEmpty())
        headers.append({"Authorization"_ba, authorization});
    const HttpResult reply = send(endpoint(u"/fault/token"_s), "POST"_ba, minutesBody(60), headers);

    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    const QJsonObject object = reply.jsonObject();
    QCOMPARE(object.value("message"_L1).toString(), u"Unauthenticated."_s);
    QVERIFY(!object.contains("token"_L1));
    QCOMPARE(m_server->tokenRequestCount(), 1);
}

void tst_DemoServer::authorizationHeaderName_isCaseInsensitive()
{
    // HTTP header names are case-insensitive; proxies and HTTP/2 lower-case them.
    const HttpResult reply = send(endpoint(u"/fault/token"_s), "POST"_ba, minutesBody(5),
                                  {{"content-type"_ba, "application/json"_ba},
                                   {"authorization"_ba, "Bearer "_ba + m_key.toUtf8()}});
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
}

void tst_DemoServer::invalidMinutes_returns400WithMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("expectedWord");

    const QByteArray json = "application/json"_ba;
    QTest::newRow("missing") << "{}"_ba << json << u"required"_s;
    QTest::newRow("null") << R"({"expire_after_minutes":null})"_ba << json << u"required"_s;
    QTest::newRow("string \"60\"") << R"({"expire_after_minutes":"60"})"_ba << json << u"integer"_s;
    QTest::newRow("60.5") << R"({"expire_after_minutes":60.5})"_ba << json << u"integer"_s;
    QTest::newRow("0") << R"({"expire_after_minutes":0})"_ba << json << u"between 1 and 43200"_s;
    QTest::newRow("43201") << R"({"expire_after_minutes":43201})"_ba << json << u"between 1 and 43200"_s;
    QTest::newRow("-1") << R"({"expire_after_minutes":-1})"_ba << json << u"between 1 and 43200"_s;
    QTest::newRow("1e300") << R"({"expire_after_minutes":1e300})"_ba << json << u"between 1 and 43200"_s;
    QTest::newRow("true") << R"({"expire_after_minutes":true})"_ba << json << u"integer"_s;
    QTest::newRow("object") << R"({"expire_after_minutes":{"value":60}})"_ba << json << u"integer"_s;
    QTest::newRow("not JSON") << "expire_after_minutes=60"_ba << json << u"required"_s;
    QTest::newRow("JSON array") << "[60]"_ba << json << u"required"_s;
    QTest::newRow("JSON body without JSON content type")
        << R"({"expire_after_minutes":60})"_ba << "text/plain"_ba << u"required"_s;
}

void tst_DemoServer::invalidMinutes_returns400WithMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, expectedWord);

    const HttpResult reply = postToken(body, std::nullopt, contentType);
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 400);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));

    const QJsonObject object = reply.jsonObject();
    const QString message = object.value("message"_L1).toString();
    QVERIFY2(message.contains(expectedWord), qPrintable(message));
    QVERIFY(message.endsWith(u'.'));
    const QJsonArray fieldErrors =
        object.value("errors"_L1).toObject().value("expire_after_minutes"_L1).toArray();
    QCOMPARE(fieldErrors.size(), 1);
    QCOMPARE(fieldErrors.at(0).toString(), message);
    QVERIFY(!object.contains("token"_L1));
}

void tst_DemoServer::boundaries_1_and_43200_accepted_data()
{
    QTest::addColumn<int>("minutes");
    QTest::newRow("1") << 1;
    QTest::newRow("43200") << 43200;
}

void tst_DemoServer::boundaries_1_and_43200_accepted()
{
    QFETCH(int, minutes);
    useFakeClock();

    const HttpResult reply = postToken(minutesBody(minutes));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QJsonObject object = reply.jsonObject();
    QCOMPARE(object.value("expires_in_minutes"_L1).toInt(), minutes);
    const QDateTime expected = QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch() + 60LL * minutes, Qt::UTC);
    QCOMPARE(parseApiTimestamp(object.value("expires_at"_L1).toString()), expected);
}

void tst_DemoServer::rateLimit_returns429WithRetryAfter()
{
    useFakeClock();
    m_server->setRateLimit(3);
    const QDateTime start = m_now;

    for (int i = 0; i < 3; ++i) {
        const HttpResult reply = postToken(minutesBody(5));
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, 200);
    }

    // The first slot frees 60 s after the first request: 49.5 s from here, said as 50.
    m_now = start.addMSecs(10500);
    const HttpResult limited = postToken(minutesBody(5));
    QVERIFY(limited.finished);
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.header("Content-Type").startsWith("application/json"));
    QCOMPARE(limited.jsonObject().value("message"_L1).toString(), u"Too Many Attempts."_s);
    const QByteArray retryAfter = limited.header("Retry-After");
    QVERIFY2(QRegularExpression(u"^[0-9]+$"_s).match(QString::fromLatin1(retryAfter)).hasMatch(),
             retryAfter.constData());
    QCOMPARE(retryAfter.toInt(), 50);

    // Half a second before the slot frees, the client is still told to wait at least 1 s.
    m_now = start.addMSecs(59500);
    const HttpResult almost = postToken(minutesBody(5));
    QVERIFY(almost.finished);
    QCOMPARE(almost.status, 429);
    QCOMPARE(almost.header("Retry-After"), "1"_ba);

    // Authentication comes first: a wrong key is told so, not asked to wait.
    const HttpResult wrongKey = postToken(minutesBody(5), "Bearer "_ba + DemoServer::generateApiKey().toUtf8());
    QVERIFY(wrongKey.finished);
    QCOMPARE(wrongKey.status, 401);

    m_now = start.addSecs(61);
    const HttpResult allowedAgain = postToken(minutesBody(5));
    QVERIFY(allowedAgain.finished);
    QCOMPARE(allowedAgain.status, 200);
    QCOMPARE(m_server->tokenRequestCount(), 7);
}

void tst_DemoServer::tokenPreview_returnsSampleFaultsOfAllSeverities()
{
    const HttpResult reply = postToken(minutesBody(15));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QString token = reply.jsonObject().value("token"_L1).toString();

    const HttpResult preview = get(endpoint(u"/fault/token/"_s + token));
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    QVERIFY(preview.header("Content-Type").startsWith("application/json"));
    const QJsonDocument document = QJsonDocument::fromJson(preview.body);
    QVERIFY(document.isArray());
    const QJsonArray faults = document.array();
    QVERIFY(faults.size() >= 5);

    static const QRegularExpression ulid(u"^[0-9A-HJKMNP-TV-Z]{26}$"_s);
    QSet<QString> severities;
    QSet<QString> ids;
    for (const QJsonValue& value : faults) {
        QVERIFY(value.isObject());
        const QJsonObject fault = value.toObject();
        const QString id = fault.value("id"_L1).toString();
        QVERIFY2(ulid.match(id).hasMatch(), qPrintable(id));
        ids.insert(id);
        for (const char* field : {"type", "message", "cause", "site"})
            QVERIFY2(!fault.value(QLatin1StringView(field)).toString().isEmpty(), field);
        const QString status = fault.value("status"_L1).toString();
        QVERIFY2(status == "active"_L1 || status == "resolved"_L1, qPrintable(status));
        severities.insert(fault.value("severity"_L1).toString());

        const QString createdAt = fault.value("created_at"_L1).toString();
        QVERIFY2(timestampPattern().match(createdAt).hasMatch(), qPrintable(createdAt));
        const QJsonValue resolvedAt = fault.value("resolved_at"_L1);
        if (status == "active"_L1) {
            QVERIFY(resolvedAt.isNull());
        } else {
            QVERIFY(timestampPattern().match(resolvedAt.toString()).hasMatch());
            QVERIFY(parseApiTimestamp(resolvedAt.toString()) > parseApiTimestamp(createdAt));
        }
    }
    QCOMPARE(ids.size(), faults.size());
    QCOMPARE(severities, QSet<QString>({u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s, u"CRITICAL"_s}));
}

void tst_DemoServer::expiredToken_preview401()
{
    useFakeClock();
    const QDateTime start = m_now;
    const HttpResult reply = postToken(minutesBody(1));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QUrl previewUrl = endpoint(u"/fault/token/"_s + reply.jsonObject().value("token"_L1).toString());

    m_now = start.addSecs(59);
    const HttpResult stillValid = get(previewUrl);
    QVERIFY(stillValid.finished);
    QCOMPARE(stillValid.status, 200);

    m_now = start.addSecs(60);
    const HttpResult expired = get(previewUrl);
    QVERIFY(expired.finished);
    QCOMPARE(expired.status, 401);
    QVERIFY(expired.header("Content-Type").startsWith("application/json"));
    QCOMPARE(expired.jsonObject().value("message"_L1).toString(), u"Token expired."_s);
}

void tst_DemoServer::shortLink_servesHtmlPage()
{
    const HttpResult reply = postToken(minutesBody(60));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QJsonObject object = reply.jsonObject();

    const HttpResult page = get(QUrl(object.value("short_link"_L1).toString()));
    QVERIFY(page.finished);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Content-Type"), "text/html; charset=utf-8"_ba);

    const QString html = QString::fromUtf8(page.body);
    QCOMPARE(html.toUtf8(), page.body); // valid UTF-8
    QVERIFY(html.startsWith("<!DOCTYPE html>"_L1));
    QVERIFY(html.contains("<title>Altostrat faults (demo)</title>"_L1));
    QVERIFY(html.contains("<table"_L1));
    for (const auto severity : {"LOW"_L1, "MEDIUM"_L1, "HIGH"_L1, "CRITICAL"_L1})
        QVERIFY2(html.contains(severity), severity.data());
    QVERIFY(html.contains(object.value("expires_at"_L1).toString()));
    // Sample text with markup characters arrives escaped.
    QVERIFY(html.contains("CPU &gt; 90%"_L1));
    QVERIFY(!html.contains("CPU > 90%"_L1));
    QVERIFY(html.contains("&amp;"_L1));
    // Self-contained: nothing is fetched from anywhere.
    QVERIFY(!html.contains("src="_L1));
    QVERIFY(!html.contains("href="_L1));
    QVERIFY(!html.contains("://"_L1));
    QVERIFY(!html.contains(object.value("token"_L1).toString()));
}

void tst_DemoServer::shortLink_unknownIs404_expiredIs410()
{
    useFakeClock();
    const HttpResult unknown = get(endpoint(u"/s/zzzzzzz"_s));
    QVERIFY(unknown.finished);
    QCOMPARE(unknown.status, 404);
    QVERIFY(unknown.header("Content-Type").startsWith("text/html"));
    QVERIFY(unknown.body.contains("<html"));

    const QDateTime start = m_now;
    const HttpResult reply = postToken(minutesBody(1));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QUrl link(reply.jsonObject().value("short_link"_L1).toString());

    m_now = start.addSecs(61);
    const HttpResult expired = get(link);
    QVERIFY(expired.finished);
    QCOMPARE(expired.status, 410);
    QVERIFY(expired.header("Content-Type").startsWith("text/html"));
    QVERIFY(expired.body.contains("expired"));
}

void tst_DemoServer::unknownPath_returns404Json_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");

    QTest::newRow("GET /") << "GET"_ba << u"/"_s;
    QTest::newRow("GET /fault/token") << "GET"_ba << u"/fault/token"_s;
    QTest::newRow("DELETE /fault/token") << "DELETE"_ba << u"/fault/token"_s;
    QTest::newRow("POST /fault/tokens") << "POST"_ba << u"/fault/tokens"_s;
    QTest::newRow("POST /fault/token/x/y") << "POST"_ba << u"/fault/token/x/y"_s;
    QTest::newRow("GET /s/") << "GET"_ba << u"/s/"_s;
    QTest::newRow("GET /v1/fault/token") << "GET"_ba << u"/v1/fault/token"_s;
}

void tst_DemoServer::unknownPath_returns404Json()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);

    const HttpResult reply = send(endpoint(path), verb, {},
                                  {{"Authorization"_ba, "Bearer "_ba + m_key.toUtf8()}});
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.jsonObject().value("message"_L1).toString(), u"Not found."_s);
    QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
    QVERIFY(!reply.header("Date").isEmpty());
}

void tst_DemoServer::everyResponse_hasServerDateAndNoStore()
{
    useFakeClock();
    // Tuesday 21 October 2025, 12:00:00.250 UTC on the server's clock.
    const QByteArray expectedDate = "Tue, 21 Oct 2025 12:00:00 GMT"_ba;

    const HttpResult ok = postToken(minutesBody(60));
    const QJsonObject token = ok.jsonObject();
    const QList<HttpResult> replies{
        ok,
        postToken(minutesBody(60), "Bearer nope"_ba),
        postToken("{}"_ba),
        get(endpoint(u"/fault/token/"_s + token.value("token"_L1).toString())),
        get(endpoint(u"/fault/token/not.a.token"_s)),
        get(QUrl(token.value("short_link"_L1).toString())),
        get(endpoint(u"/s/unknown"_s)),
        get(endpoint(u"/nothing-here"_s)),
    };
    const QList<int> expectedStatus{200, 401, 400, 200, 401, 200, 404, 404};
    for (int i = 0; i < replies.size(); ++i) {
        const HttpResult& reply = replies.at(i);
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, expectedStatus.at(i));
        QCOMPARE(reply.header("Date"), expectedDate);
        QCOMPARE(reply.header("Cache-Control"), "no-store"_ba);
    }
}

void tst_DemoServer::nonLoopbackListen_refused()
{
    DemoServer server(DemoServer::generateApiKey());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Refusing to listen"_s));
    QVERIFY(!server.listen(QHostAddress::Any, 0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Refusing to listen"_s));
    QVERIFY(!server.listen(QHostAddress::AnyIPv6, 0));
    QVERIFY(!server.url().isValid());
}

void tst_DemoServer::ipv6Loopback_urlHasBrackets()
{
    DemoServer server(m_key);
    if (!server.listen(QHostAddress::LocalHostIPv6, 0))
        QSKIP("No IPv6 loopback on this machine");
    const QUrl url = server.url();
    QCOMPARE(url.toString(), u"http://[::1]:"_s + QString::number(url.port()));

    const HttpResult reply = send(QUrl(url.toString() + u"/fault/token"_s), "POST"_ba, minutesBody(5),
                                  {{"Content-Type"_ba, "application/json"_ba},
                                   {"Authorization"_ba, "Bearer "_ba + m_key.toUtf8()}});
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.jsonObject().value("short_link"_L1).toString().startsWith(url.toString() + u"/s/"_s));
}

void tst_DemoServer::executable_printsListeningLineFirst()
{
    const QString program = demoApiExecutable();
    QVERIFY2(!program.isEmpty(), "faultshare-demo-api not found in FAULTSHARE_BIN_DIR");

    const QString key = DemoServer::generateApiKey();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"FAULTSHARE_DEMO_API_KEY"_s, key);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, {u"--port"_s, u"0"_s, u"--address"_s, u"127.0.0.1"_s});
    QVERIFY2(process.waitForStarted(kReplyTimeoutMs), qPrintable(process.errorString()));

    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kReplyTimeoutMs);
    const QString firstLine = QString::fromUtf8(process.readLine()).trimmed();
    const QRegularExpressionMatch match =
        QRegularExpression(u"^listening on (http://127\\.0\\.0\\.1:([0-9]+))$"_s).match(firstLine);
    QVERIFY2(match.hasMatch(), qPrintable(firstLine));
    QVERIFY(match.captured(2).toInt() > 0);

    const HttpResult reply = send(QUrl(match.captured(1) + u"/fault/token"_s), "POST"_ba, minutesBody(15),
                                  {{"Content-Type"_ba, "application/json"_ba},
                                   {"Authorization"_ba, "Bearer "_ba + key.toUtf8()}});
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.jsonObject().value("expires_in_minutes"_L1).toInt(), 15);

    process.terminate();
    QVERIFY(process.waitForFinished(kReplyTimeoutMs));
    // A key it was given is never echoed, on either stream.
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY(!output.contains(key.toUtf8()));
    QVERIFY(!output.contains(key.split(u':').last().toUtf8()));
}

void tst_DemoServer::executable_withoutKey_printsGeneratedKeySecond()
{
    const QString program = demoApiExecutable();
    QVERIFY2(!program.isEmpty(), "faultshare-demo-api not found in FAULTSHARE_BIN_DIR");

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"FAULTSHARE_DEMO_API_KEY"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, {});
    QVERIFY2(process.waitForStarted(kReplyTimeoutMs), qPrintable(process.errorString()));

    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kReplyTimeoutMs);
    const QString firstLine = QString::fromUtf8(process.readLine()).trimmed();
    QVERIFY2(firstLine.startsWith("listening on http://127.0.0.1:"_L1), qPrintable(firstLine));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kReplyTimeoutMs);
    const QString secondLine = QString::fromUtf8(process.readLine()).trimmed();
    const QRegularExpressionMatch match =
        QRegularExpression(u"^api key: ([0-9a-f]{8}:[0-9a-f]{8}:[A-Za-z0-9]{40})$"_s).match(secondLine);
    QVERIFY2(match.hasMatch(), qPrintable(secondLine));

    const QString url = firstLine.mid(int(qstrlen("listening on ")));
    const HttpResult reply = send(QUrl(url + u"/fault/token"_s), "POST"_ba, minutesBody(15),
                                  {{"Content-Type"_ba, "application/json"_ba},
                                   {"Authorization"_ba, "Bearer "_ba + match.captured(1).toUtf8()}});
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);

    process.terminate();
    QVERIFY(process.waitForFinished(kReplyTimeoutMs));
}

void tst_DemoServer::executable_nonLoopbackAddress_exits2()
{
    const QString program = demoApiExecutable();
    QVERIFY2(!program.isEmpty(), "faultshare-demo-api not found in FAULTSHARE_BIN_DIR");

    QProcess process;
    process.start(program, {u"--address"_s, u"0.0.0.0"_s});
    QVERIFY(process.waitForStarted(kReplyTimeoutMs));
    const bool finished = process.waitForFinished(kReplyTimeoutMs);
    if (!finished)
        process.kill();
    QVERIFY(finished);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QCOMPARE(process.readAllStandardOutput(), QByteArray());
    const QByteArray error = process.readAllStandardError();
    QCOMPARE(error.count('\n'), 1);
    QVERIFY(error.contains("loopback"));
}

QTEST_GUILESS_MAIN(tst_DemoServer)
#include "tst_demoserver.moc"
