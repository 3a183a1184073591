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

using namespace faultshare;

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

// A JWT-shaped credential (base64url header.claims.signature) that is not a key of the
// old tokenId:teamId:secret form: the demo must take it as an opaque string.
QString jwtShapedKey()
{
    const auto part = [](const QByteArray& bytes) {
        return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    QByteArray signature(32, Qt::Uninitialized);
    for (int i = 0; i < signature.size(); ++i)
        signature[i] = char(i * 37 + 11);
    return QString::fromLatin1(part(R"({"alg":"HS256","typ":"JWT"})"_ba) + '.'
                               + part(R"({"sub":"team-42","iat":1761048000,"scope":"faults:write"})"_ba) + '.'
                               + part(signature));
}

// The reference's Fault object, sorted.
const QStringList& referenceFaultFields()
{
    static const QStringList fields{
        u"cause"_s,       u"comments"_s,    u"created_at"_s, u"customer_id"_s,
        u"id"_s,          u"message"_s,     u"microservice_id"_s, u"resolved_at"_s,
        u"resource_ancestry_path"_s,        u"resource_id"_s, u"severity"_s,
        u"status"_s,      u"ttl"_s,         u"type"_s,
    };
    return fields;
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
    void preview_withoutBearer_is401();
    void preview_wrongKey_is401_data();
    void preview_wrongKey_is401();
    void preview_unknownToken_is404_data();
    void preview_unknownToken_is404();
    void preview_expiredToken_is404();
    void preview_faults_haveExactlyTheReferenceFields();
    void preview_faults_statusAndResolvedAtAgree();
    void preview_faults_coverAllFiveSeverities();
    void preview_faults_idsArePrefixedUniqueAndStable();
    void preview_faults_ancestryPathEndsWithResourceId();
    void preview_faults_commentsAreWellFormed();
    void preview_faults_timesFollowIssueTime();
    void keyNotInTokenIdTeamIdSecretForm_worksForPostAndGet_data();
    void keyNotInTokenIdTeamIdSecretForm_worksForPostAndGet();
    void shortLink_servesHtmlPage();
    void shortLink_showsSameFaultsWithSiteAndDevice();
    void shortLink_unknownIs404_expiredIs410();
    void unknownPath_returns404Json_data();
    void unknownPath_returns404Json();
    void everyResponse_hasServerDateAndNoStore();
    void nonLoopbackListen_refused();
    void ipv6Loopback_urlHasBrackets();
    void executable_printsListeningLineFirst();
    void executable_withoutKey_printsGeneratedKeySecond();
    void executable_jwtApiKeyOption_accepted();
    void executable_nonLoopbackAddress_exits2();

private:
    void useFakeClock();
    HttpResult send(const QUrl& url, const QByteArray& verb, const QByteArray& body = {},
                    const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    HttpResult postToken(const QByteArray& body, std::optional<QByteArray> authorization = std::nullopt,
                         const QByteArray& contentType = "application/json"_ba);
    HttpResult get(const QUrl& url) { return send(url, "GET"_ba); }
    // GET /fault/token/{token} with "Bearer <m_key>" unless told otherwise (empty: none).
    HttpResult getPreview(const QString& token, std::optional<QByteArray> authorization = std::nullopt);
    // A token from POST /fault/token; empty when the server did not issue one.
    QString issueToken(int minutes = 60);
    // The faults a fresh token shows; empty when any step failed.
    QJsonArray previewFaults();
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

HttpResult tst_DemoServer::getPreview(const QString& token, std::optional<QByteArray> authorization)
{
    const QByteArray auth = authorization.value_or("Bearer "_ba + m_key.toUtf8());
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!auth.isEmpty())
        headers.append({"Authorization"_ba, auth});
    return send(endpoint(u"/fault/token/"_s + token), "GET"_ba, {}, headers);
}

QString tst_DemoServer::issueToken(int minutes)
{
    const HttpResult reply = postToken(minutesBody(minutes));
    if (!reply.finished || reply.status != 200)
        return {};
    return reply.jsonObject().value("token"_L1).toString();
}

QJsonArray tst_DemoServer::previewFaults()
{
    const QString token = issueToken();
    if (token.isEmpty())
        return {};
    const HttpResult preview = getPreview(token);
    if (!preview.finished || preview.status != 200)
        return {};
    return QJsonDocument::fromJson(preview.body).array();
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
    const HttpResult preview = getPreview(QString::fromLatin1(token));
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
        const HttpResult rejected = getPreview(QString::fromLatin1(forged));
        QVERIFY(rejected.finished);
        QCOMPARE(rejected.status, 404);
        QVERIFY(rejected.header("Content-Type").startsWith("application/json"));
        QCOMPARE(rejected.jsonObject().value("message"_L1).toString(), u"Token not found."_s);
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

void tst_DemoServer::preview_withoutBearer_is401()
{
    const QString token = issueToken();
    QVERIFY(!token.isEmpty());

    // A genuine, unexpired token is not enough: the operation needs the key as well.
    const HttpResult reply = getPreview(token, QByteArray());
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(QJsonDocument::fromJson(reply.body).object(), QJsonObject({{u"message"_s, u"Unauthenticated."_s}}));
}

void tst_DemoServer::preview_wrongKey_is401_data()
{
    // {key} is this server's key, {other} a well-formed key it does not know, {token} the
    // token being read.
    QTest::addColumn<QByteArray>("authorization");

    QTest::newRow("other key") << "Bearer {other}"_ba;
    QTest::newRow("Bearer prefix missing") << "{key}"_ba;
    QTest::newRow("lower-case scheme") << "bearer {key}"_ba;
    QTest::newRow("key with an extra character") << "Bearer {key}x"_ba;
    QTest::newRow("Basic scheme") << "Basic {key}"_ba;
    QTest::newRow("the token as its own credential") << "Bearer {token}"_ba;
}

void tst_DemoServer::preview_wrongKey_is401()
{
    QFETCH(QByteArray, authorization);
    const QString token = issueToken();
    QVERIFY(!token.isEmpty());
    authorization.replace("{key}", m_key.toUtf8());
    authorization.replace("{other}", DemoServer::generateApiKey().toUtf8());
    authorization.replace("{token}", token.toUtf8());

    const HttpResult reply = getPreview(token, authorization);
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(QJsonDocument::fromJson(reply.body).object(), QJsonObject({{u"message"_s, u"Unauthenticated."_s}}));
}

void tst_DemoServer::preview_unknownToken_is404_data()
{
    QTest::addColumn<QString>("kind");

    QTest::newRow("three dots, not a JWT") << u"not.a.token"_s;
    QTest::newRow("one word") << u"abcdef"_s;
    QTest::newRow("three base64url parts, not JSON") << u"YWJj.ZGVm.Z2hp"_s;
    QTest::newRow("genuine token, last character changed") << u"flipped"_s;
    QTest::newRow("genuine token, signature dropped") << u"unsigned"_s;
    QTest::newRow("token of another server") << u"other server"_s;
}

void tst_DemoServer::preview_unknownToken_is404()
{
    QFETCH(QString, kind);

    QString token = kind;
    if (kind == "flipped"_L1 || kind == "unsigned"_L1) {
        token = issueToken();
        QVERIFY(!token.isEmpty());
        if (kind == "flipped"_L1)
            token.back() = token.back() == u'A' ? u'B' : u'A';
        else
            token = token.section(u'.', 0, 1) + u'.';
    } else if (kind == "other server"_L1) {
        // Same key, different signing secret: a token is genuine only where it was issued.
        DemoServer other(m_key);
        QVERIFY(other.listen(QHostAddress::LocalHost, 0));
        const HttpResult issued = send(QUrl(other.url().toString() + u"/fault/token"_s), "POST"_ba, minutesBody(60),
                                       {{"Content-Type"_ba, "application/json"_ba},
                                        {"Authorization"_ba, "Bearer "_ba + m_key.toUtf8()}});
        QVERIFY(issued.finished);
        QCOMPARE(issued.status, 200);
        token = issued.jsonObject().value("token"_L1).toString();
        QVERIFY(!token.isEmpty());
    }

    const HttpResult reply = getPreview(token);
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 404);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(QJsonDocument::fromJson(reply.body).object(), QJsonObject({{u"message"_s, u"Token not found."_s}}));
}

void tst_DemoServer::preview_expiredToken_is404()
{
    useFakeClock();
    const QDateTime start = m_now;
    const QString token = issueToken(1);
    QVERIFY(!token.isEmpty());

    m_now = start.addSecs(59);
    const HttpResult stillValid = getPreview(token);
    QVERIFY(stillValid.finished);
    QCOMPARE(stillValid.status, 200);

    m_now = start.addSecs(60);
    const HttpResult expired = getPreview(token);
    QVERIFY(expired.finished);
    QCOMPARE(expired.status, 404);
    QVERIFY(expired.header("Content-Type").startsWith("application/json"));
    QCOMPARE(QJsonDocument::fromJson(expired.body).object(), QJsonObject({{u"message"_s, u"Token expired."_s}}));

    // The key is checked first: without it, an expired token is not even looked at.
    const HttpResult withoutKey = getPreview(token, QByteArray());
    QVERIFY(withoutKey.finished);
    QCOMPARE(withoutKey.status, 401);
}

void tst_DemoServer::preview_faults_haveExactlyTheReferenceFields()
{
    const QString token = issueToken();
    QVERIFY(!token.isEmpty());
    const HttpResult preview = getPreview(token);
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    QVERIFY(preview.header("Content-Type").startsWith("application/json"));
    const QJsonDocument document = QJsonDocument::fromJson(preview.body);
    // A bare array, no {"data": [...]} wrapper.
    QVERIFY(document.isArray());
    const QJsonArray faults = document.array();
    QVERIFY(faults.size() >= 6);
    QVERIFY(faults.size() <= 8);

    for (const QJsonValue& value : faults) {
        QVERIFY(value.isObject());
        const QJsonObject fault = value.toObject();
        QStringList keys = fault.keys();
        keys.sort();
        QCOMPARE(keys, referenceFaultFields());

        for (const char* field : {"id", "resource_id", "customer_id", "microservice_id", "type", "status",
                                  "severity", "message", "cause", "created_at", "resource_ancestry_path"}) {
            const QJsonValue member = fault.value(QLatin1StringView(field));
            QVERIFY2(member.isString() && !member.toString().isEmpty(), field);
        }
        QVERIFY(fault.value("resolved_at"_L1).isString() || fault.value("resolved_at"_L1).isNull());
        QVERIFY(fault.value("comments"_L1).isArray());

        const QJsonValue ttl = fault.value("ttl"_L1);
        QVERIFY(ttl.isDouble());
        QCOMPARE(ttl.toDouble(), double(ttl.toInteger()));
        QVERIFY(ttl.toInteger() > 0);
        // Written as an integer on the wire, not as 1.76e+09 or with a fraction.
        const QByteArray ttlOnTheWire = "\"ttl\":"_ba + QByteArray::number(ttl.toInteger());
        QVERIFY(preview.body.contains(QByteArray(ttlOnTheWire + ','))
                || preview.body.contains(QByteArray(ttlOnTheWire + '}')));

        QVERIFY2(timestampPattern().match(fault.value("created_at"_L1).toString()).hasMatch(),
                 qPrintable(fault.value("created_at"_L1).toString()));
        QVERIFY(fault.value("resource_id"_L1).toString().startsWith("dev_"_L1));
        QVERIFY(QRegularExpression(u"^cus_[0-9A-Z]{26}$"_s)
                    .match(fault.value("customer_id"_L1).toString())
                    .hasMatch());
        // One customer per server.
        QCOMPARE(fault.value("customer_id"_L1), faults.first().toObject().value("customer_id"_L1));
    }
}

void tst_DemoServer::preview_faults_statusAndResolvedAtAgree()
{
    const QJsonArray faults = previewFaults();
    QVERIFY(!faults.isEmpty());

    QSet<QString> statuses;
    for (const QJsonValue& value : faults) {
        const QJsonObject fault = value.toObject();
        const QString status = fault.value("status"_L1).toString();
        QVERIFY2(status == "unresolved"_L1 || status == "resolved"_L1, qPrintable(status));
        statuses.insert(status);

        const QString createdAt = fault.value("created_at"_L1).toString();
        const QJsonValue resolvedAt = fault.value("resolved_at"_L1);
        if (status == "unresolved"_L1) {
            QVERIFY(resolvedAt.isNull());
        } else {
            QVERIFY(resolvedAt.isString());
            QVERIFY2(timestampPattern().match(resolvedAt.toString()).hasMatch(), qPrintable(resolvedAt.toString()));
            QVERIFY(parseApiTimestamp(resolvedAt.toString()) > parseApiTimestamp(createdAt));
        }
    }
    QCOMPARE(statuses, QSet<QString>({u"unresolved"_s, u"resolved"_s}));
}

void tst_DemoServer::preview_faults_coverAllFiveSeverities()
{
    const QJsonArray faults = previewFaults();
    QVERIFY(!faults.isEmpty());

    QSet<QString> severities;
    for (const QJsonValue& value : faults)
        severities.insert(value.toObject().value("severity"_L1).toString());
    QCOMPARE(severities, QSet<QString>({u"LOW"_s, u"MEDIUM"_s, u"HIGH"_s, u"CRITICAL"_s, u"WARNING"_s}));
}

void tst_DemoServer::preview_faults_idsArePrefixedUniqueAndStable()
{
    const QString token = issueToken();
    QVERIFY(!token.isEmpty());
    const HttpResult first = getPreview(token);
    const HttpResult second = getPreview(token);
    QVERIFY(first.finished);
    QVERIFY(second.finished);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    const QJsonArray faults = QJsonDocument::fromJson(first.body).array();
    QVERIFY(!faults.isEmpty());

    static const QRegularExpression faultId(u"^flt_[0-9A-HJKMNP-TV-Z]{26}$"_s);
    QSet<QString> ids;
    for (const QJsonValue& value : faults) {
        const QString id = value.toObject().value("id"_L1).toString();
        QVERIFY2(faultId.match(id).hasMatch(), qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), faults.size());
    // The same token shows the same faults every time it is read.
    QCOMPARE(QJsonDocument::fromJson(second.body).array(), faults);
}

void tst_DemoServer::preview_faults_ancestryPathEndsWithResourceId()
{
    const QJsonArray faults = previewFaults();
    QVERIFY(!faults.isEmpty());

    QSet<QString> sites;
    for (const QJsonValue& value : faults) {
        const QJsonObject fault = value.toObject();
        const QString path = fault.value("resource_ancestry_path"_L1).toString();
        const QStringList ids = path.split(u'|');
        QVERIFY2(ids.size() >= 2, qPrintable(path));
        QVERIFY2(!ids.contains(QString()), qPrintable(path));
        QVERIFY2(ids.first().startsWith("site_"_L1), qPrintable(path));
        QCOMPARE(ids.last(), fault.value("resource_id"_L1).toString());
        sites.insert(ids.first());
    }
    QVERIFY(sites.size() > 1);
}

void tst_DemoServer::preview_faults_commentsAreWellFormed()
{
    const QJsonArray faults = previewFaults();
    QVERIFY(!faults.isEmpty());

    int withComments = 0;
    int withoutComments = 0;
    for (const QJsonValue& value : faults) {
        const QJsonObject fault = value.toObject();
        const QJsonArray comments = fault.value("comments"_L1).toArray();
        (comments.isEmpty() ? withoutComments : withComments) += 1;

        QDateTime previous = parseApiTimestamp(fault.value("created_at"_L1).toString());
        QVERIFY(previous.isValid());
        for (const QJsonValue& commentValue : comments) {
            QVERIFY(commentValue.isObject());
            const QJsonObject comment = commentValue.toObject();
            QStringList keys = comment.keys();
            keys.sort();
            QCOMPARE(keys, QStringList({u"comment"_s, u"created_at"_s, u"user_id"_s}));
            QVERIFY(comment.value("user_id"_L1).isString());
            QVERIFY(comment.value("user_id"_L1).toString().startsWith("usr_"_L1));
            QVERIFY(comment.value("comment"_L1).isString());
            QVERIFY(!comment.value("comment"_L1).toString().trimmed().isEmpty());
            const QString createdText = comment.value("created_at"_L1).toString();
            QVERIFY2(timestampPattern().match(createdText).hasMatch(), qPrintable(createdText));
            // Oldest first, and never before the fault itself.
            const QDateTime created = parseApiTimestamp(createdText);
            QVERIFY2(created >= previous, qPrintable(createdText));
            previous = created;
        }
    }
    QVERIFY(withComments > 0);
    QVERIFY(withoutComments > 0);
}

void tst_DemoServer::preview_faults_timesFollowIssueTime()
{
    useFakeClock();
    const QDateTime issuedAt = QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch(), Qt::UTC);
    const QString token = issueToken(60);
    QVERIFY(!token.isEmpty());

    // Read later on: the faults stay where they were when the token was issued.
    m_now = m_now.addSecs(30 * 60);
    const HttpResult preview = getPreview(token);
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    const QJsonArray faults = QJsonDocument::fromJson(preview.body).array();
    QVERIFY(!faults.isEmpty());

    for (const QJsonValue& value : faults) {
        const QJsonObject fault = value.toObject();
        const QDateTime created = parseApiTimestamp(fault.value("created_at"_L1).toString());
        QVERIFY(created.isValid());
        QVERIFY(created < issuedAt);
        QVERIFY(created > issuedAt.addDays(-1));
        if (const QJsonValue resolved = fault.value("resolved_at"_L1); resolved.isString())
            QVERIFY(parseApiTimestamp(resolved.toString()) <= issuedAt);
        for (const QJsonValue& comment : fault.value("comments"_L1).toArray())
            QVERIFY(parseApiTimestamp(comment.toObject().value("created_at"_L1).toString()) <= issuedAt);
        QCOMPARE(fault.value("ttl"_L1).toInteger(), created.addDays(30).toSecsSinceEpoch());
    }
}

void tst_DemoServer::keyNotInTokenIdTeamIdSecretForm_worksForPostAndGet_data()
{
    QTest::addColumn<QString>("key");

    QTest::newRow("JWT") << jwtShapedKey();
    QTest::newRow("opaque string") << u"sk_demo_0f9e8d7c6b5a49382716"_s;
    QTest::newRow("two colon-separated parts") << u"abc:def"_s;
}

void tst_DemoServer::keyNotInTokenIdTeamIdSecretForm_worksForPostAndGet()
{
    QFETCH(QString, key);
    m_key = key;
    m_server = std::make_unique<DemoServer>(m_key);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    QCOMPARE(m_server->apiKey(), key);

    const HttpResult issued = postToken(minutesBody(10));
    QVERIFY(issued.finished);
    QCOMPARE(issued.status, 200);
    const QString token = issued.jsonObject().value("token"_L1).toString();
    const QList<QByteArray> parts = token.toLatin1().split('.');
    QCOMPARE(parts.size(), 3);
    const std::optional<QJsonObject> claims = decodeJwtPart(parts.at(1));
    QVERIFY(claims);
    // No team id to read from such a key, whatever claims a JWT key carries.
    QCOMPARE(claims->value("sub"_L1).toString(), u"demo"_s);

    const HttpResult preview = getPreview(token);
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    QVERIFY(!QJsonDocument::fromJson(preview.body).array().isEmpty());

    // Still compared whole: a key of the old form is not this one.
    const HttpResult otherKey = getPreview(token, "Bearer "_ba + DemoServer::generateApiKey().toUtf8());
    QVERIFY(otherKey.finished);
    QCOMPARE(otherKey.status, 401);
    const HttpResult truncatedKey = postToken(minutesBody(10), "Bearer "_ba + key.chopped(1).toUtf8());
    QVERIFY(truncatedKey.finished);
    QCOMPARE(truncatedKey.status, 401);
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
    for (const auto severity : {"LOW"_L1, "MEDIUM"_L1, "HIGH"_L1, "CRITICAL"_L1, "WARNING"_L1})
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

void tst_DemoServer::shortLink_showsSameFaultsWithSiteAndDevice()
{
    const HttpResult reply = postToken(minutesBody(60));
    QVERIFY(reply.finished);
    QCOMPARE(reply.status, 200);
    const QJsonObject object = reply.jsonObject();

    const HttpResult preview = getPreview(object.value("token"_L1).toString());
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    const QJsonArray faults = QJsonDocument::fromJson(preview.body).array();
    QVERIFY(!faults.isEmpty());

    const HttpResult page = get(QUrl(object.value("short_link"_L1).toString()));
    QVERIFY(page.finished);
    QCOMPARE(page.status, 200);
    const QString html = QString::fromUtf8(page.body);
    const QString tbody = html.section(u"<tbody>"_s, 1).section(u"</tbody>"_s, 0, 0);
    QStringList rows = tbody.split(u"<tr>"_s);
    rows.removeFirst(); // what comes before the first row
    QCOMPARE(rows.size(), faults.size());

    for (int i = 0; i < faults.size(); ++i) {
        const QJsonObject fault = faults.at(i).toObject();
        const QString& row = rows.at(i);
        const QStringList path = fault.value("resource_ancestry_path"_L1).toString().split(u'|');
        // The Site column: the site, then the device, from the ancestry path.
        QVERIFY2(row.contains(u"<td>"_s + path.first() + u"<br><small>"_s + path.last() + u"</small></td>"_s),
                 qPrintable(row));
        QVERIFY2(row.contains(fault.value("message"_L1).toString().toHtmlEscaped()), qPrintable(row));
        QVERIFY2(row.contains(u"<td>"_s + fault.value("status"_L1).toString() + u"</td>"_s), qPrintable(row));
        QVERIFY2(row.contains(fault.value("created_at"_L1).toString()), qPrintable(row));
        for (const QJsonValue& comment : fault.value("comments"_L1).toArray())
            QVERIFY2(row.contains(comment.toObject().value("comment"_L1).toString().toHtmlEscaped()), qPrintable(row));
    }
    QVERIFY(!html.contains("active"_L1));
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
        getPreview(token.value("token"_L1).toString()),
        getPreview(token.value("token"_L1).toString(), QByteArray()),
        getPreview(u"not.a.token"_s),
        get(QUrl(token.value("short_link"_L1).toString())),
        get(endpoint(u"/s/unknown"_s)),
        get(endpoint(u"/nothing-here"_s)),
    };
    const QList<int> expectedStatus{200, 401, 400, 200, 401, 404, 200, 404, 404};
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

void tst_DemoServer::executable_jwtApiKeyOption_accepted()
{
    const QString program = demoApiExecutable();
    QVERIFY2(!program.isEmpty(), "faultshare-demo-api not found in FAULTSHARE_BIN_DIR");

    const QString key = jwtShapedKey();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"FAULTSHARE_DEMO_API_KEY"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, {u"--api-key"_s, key});
    QVERIFY2(process.waitForStarted(kReplyTimeoutMs), qPrintable(process.errorString()));

    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), kReplyTimeoutMs);
    const QString firstLine = QString::fromUtf8(process.readLine()).trimmed();
    QVERIFY2(firstLine.startsWith("listening on http://127.0.0.1:"_L1), qPrintable(firstLine));
    const QString url = firstLine.mid(int(qstrlen("listening on ")));
    const QByteArray authorization = "Bearer "_ba + key.toUtf8();

    const HttpResult issued = send(QUrl(url + u"/fault/token"_s), "POST"_ba, minutesBody(15),
                                   {{"Content-Type"_ba, "application/json"_ba}, {"Authorization"_ba, authorization}});
    QVERIFY(issued.finished);
    QCOMPARE(issued.status, 200);
    const QString token = issued.jsonObject().value("token"_L1).toString();
    QVERIFY(!token.isEmpty());

    const HttpResult preview =
        send(QUrl(url + u"/fault/token/"_s + token), "GET"_ba, {}, {{"Authorization"_ba, authorization}});
    QVERIFY(preview.finished);
    QCOMPARE(preview.status, 200);
    QVERIFY(QJsonDocument::fromJson(preview.body).isArray());

    process.terminate();
    QVERIFY(process.waitForFinished(kReplyTimeoutMs));
    // A key it was given is not printed, not even as "api key:".
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY(!output.contains(key.toUtf8()));
    QVERIFY(!output.contains("api key"));
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
