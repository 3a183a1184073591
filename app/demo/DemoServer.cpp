#include "DemoServer.h"

#include "Logging.h"

#include <QCryptographicHash>
#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <utility>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

using StatusCode = QHttpServerResponse::StatusCode;

constexpr int kMinMinutes = 1;
constexpr int kMaxMinutes = 43200;
constexpr qint64 kRateWindowMs = 60 * 1000;
constexpr int kShortCodeLength = 7;
constexpr int kFaultTtlDays = 30;

const auto kBase62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"_L1;
const auto kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"_L1;

QString randomString(QLatin1StringView alphabet, int length)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return out;
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = char(QRandomGenerator::system()->bounded(256));
    return bytes;
}

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(QByteArrayView text)
{
    auto result = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

// Keeps the comparison time independent of where the first difference is.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// The API's timestamp form: 2025-10-21T13:00:00.000000Z (UTC, microseconds).
QString formatTimestamp(const QDateTime& time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(u"yyyy-MM-dd'T'HH:mm:ss") + u'.'
        + QString::number(utc.time().msec() * 1000).rightJustified(6, u'0') + u'Z';
}

// RFC 7231 IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT (English names whatever the locale).
QByteArray httpDate(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'").toLatin1();
}

QHttpServerResponse jsonResponse(const QJsonDocument& document, StatusCode status)
{
    return QHttpServerResponse("application/json"_ba, document.toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse messageResponse(const QString& message, StatusCode status)
{
    return jsonResponse(QJsonDocument(QJsonObject{{u"message"_s, message}}), status);
}

QHttpServerResponse validationError(const QString& sentence)
{
    const QJsonObject body{
        {u"message"_s, sentence},
        {u"errors"_s, QJsonObject{{u"expire_after_minutes"_s, QJsonArray{sentence}}}},
    };
    return jsonResponse(QJsonDocument(body), StatusCode::BadRequest);
}

// A ULID-like id: 10 Crockford base32 characters of milliseconds, then 16 of "randomness"
// (fixed per sample, so a fault keeps its id across requests).
QString ulidLike(const QDateTime& time, QLatin1StringView tail)
{
    QString head(10, u'0');
    quint64 ms = quint64(time.toMSecsSinceEpoch());
    for (int i = 9; i >= 0; --i) {
        head[i] = kCrockford.at(qsizetype(ms & 31U));
        ms >>= 5;
    }
    return head + tail;
}

// One customer per server: "cus_" and 26 Crockford characters of a hash of the team id, so
// the same key always shows the same customer.
QString customerIdFor(const QString& teamId)
{
    const QByteArray input = "faultshare-demo-customer:"_ba + teamId.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(input, QCryptographicHash::Sha256);
    QString id = u"cus_"_s;
    for (int i = 0; i < 26; ++i)
        id += kCrockford.at(qsizetype(static_cast<unsigned char>(hash.at(i)) & 31U));
    return id;
}

struct SampleComment
{
    QString userId;
    QString comment;
    QDateTime createdAt;
};

struct SampleFault
{
    QString id;
    QString resourceId;
    QString microserviceId;
    QString type;
    QString severity;
    QString message;
    QString cause;
    QString ancestryPath; // site down to the device; the last element is resourceId
    QDateTime createdAt;
    QDateTime resolvedAt; // invalid while unresolved
    QList<SampleComment> comments; // oldest first

    QString status() const { return resolvedAt.isValid() ? u"resolved"_s : u"unresolved"_s; }
    // Faults live for 30 days after they were raised.
    qint64 ttl() const { return createdAt.addDays(kFaultTtlDays).toSecsSinceEpoch(); }
    QString site() const { return ancestryPath.section(u'|', 0, 0); }
    QString device() const { return ancestryPath.section(u'|', -1, -1); }
};

// What a NOC sees on a typical shift, newest first, placed relative to when the token was
// issued so that a token always shows the same faults.
QList<SampleFault> sampleFaults(const QDateTime& issuedAt)
{
    const auto ago = [&issuedAt](int minutes) { return issuedAt.addSecs(-60LL * minutes); };
    struct Note
    {
        QString userId;
        QString comment;
        int minutesAgo;
    };
    const auto fault = [&ago](QLatin1StringView tail, QString site, QString device, QString microservice,
                              QString type, QString severity, QString message, QString cause,
                              int createdMinutesAgo, int resolvedMinutesAgo, const QList<Note>& notes = {}) {
        const QDateTime created = ago(createdMinutesAgo);
        QList<SampleComment> comments;
        for (const Note& note : notes)
            comments.append(SampleComment{note.userId, note.comment, ago(note.minutesAgo)});
        return SampleFault{u"flt_"_s + ulidLike(created, tail),
                           device,
                           std::move(microservice),
                           std::move(type),
                           std::move(severity),
                           std::move(message),
                           std::move(cause),
                           site + u'|' + device,
                           created,
                           resolvedMinutesAgo >= 0 ? ago(resolvedMinutesAgo) : QDateTime(),
                           comments};
    };

    const QString capeTown = u"site_8a7b3c9d2e1f4a6b"_s;
    const QString johannesburg = u"site_4c2e9f1a7b3d5e8c"_s;
    const QString pretoria = u"site_1f6d8b2a9c4e7f3a"_s;
    const QString durban = u"site_9e3a5c7f1b8d2e6a"_s;
    const QString gqeberha = u"site_6b9d1e4f8a2c7e5b"_s;
    const QString nightShift = u"usr_3k9m2p7q4r8s1t6v"_s;
    const QString dayShift = u"usr_7w2x5y8z1a4b6c9d"_s;

    return {
        fault("2B4D6F8H0J2K4M6N"_L1, capeTown, u"dev_2j4k2l2j3k4l2j3k4"_s, u"wantunnel-monitor"_s,
              u"wantunnel"_s, u"HIGH"_s,
              u"WAN tunnel down; traffic failed over to the LTE backup"_s,
              u"Loss of light on ether1 (fibre uplink)"_s, 22, -1,
              {{nightShift, u"Fibre provider ticket raised; they report a cable cut in the area."_s, 15}}),
        fault("7K2M4N8P9Q3R5S6T"_L1, johannesburg, u"dev_5m8n1p4q7r2s9t3u6"_s, u"heartbeat-monitor"_s,
              u"heartbeat"_s, u"CRITICAL"_s,
              u"Site offline: no heartbeat for 5 minutes"_s,
              u"Upstream carrier outage on the primary and backup circuits"_s, 47, -1,
              {{nightShift, u"Both carriers confirm an outage at the exchange. Escalated to the account manager."_s, 40},
               {dayShift, u"Carrier ETA 2 hours. Site manager informed; staff working from the branch office."_s, 12}}),
        fault("1M3P5R7T9V1X3Z5B"_L1, pretoria, u"dev_8v3w6x9y2z5a1b4c7"_s, u"health-monitor"_s,
              u"power_supply"_s, u"MEDIUM"_s,
              u"PSU 2 failed; running on a single supply"_s,
              u"Power supply module reported fault state"_s, 95, -1),
        fault("5Q7S9V1W3Y5A7C9E"_L1, capeTown, u"dev_6d9e2f5g8h1j4k7m0"_s, u"health-monitor"_s,
              u"storage"_s, u"WARNING"_s,
              u"Flash storage 86% full"_s,
              u"Log files and old backups kept on the router's own storage"_s, 130, -1),
        fault("4V6X8Z0B2D4F6H8K"_L1, durban, u"dev_3n6p9q2r5s8t1u4v7"_s, u"health-monitor"_s,
              u"cpu"_s, u"MEDIUM"_s,
              u"CPU > 90% for 10 minutes"_s,
              u"Full-table BGP reconvergence & firewall rule reload"_s, 178, 160),
        fault("9C1E3G5J7M9P1R3T"_L1, durban, u"dev_3n6p9q2r5s8t1u4v7"_s, u"bgp-monitor"_s,
              u"bgp"_s, u"HIGH"_s,
              u"BGP session to AS64512 (transit-a) down"_s,
              u"Hold timer expired after 90 s without keepalives"_s, 185, 171,
              {{nightShift, u"Transit provider had a route reflector restart; session re-established on its own."_s, 170}}),
        fault("8H0K2N4Q6S8W0Y2A"_L1, gqeberha, u"dev_9w2x5y8z1a4b7c0d3"_s, u"wantunnel-monitor"_s,
              u"latency"_s, u"LOW"_s,
              u"Latency to gateway above 150 ms (\"degraded\")"_s,
              u"Congestion on the shared uplink during backups"_s, 320, 290),
    };
}

QJsonArray faultsJson(const QList<SampleFault>& faults, const QString& customerId)
{
    QJsonArray array;
    for (const SampleFault& f : faults) {
        QJsonArray comments;
        for (const SampleComment& c : f.comments) {
            comments.append(QJsonObject{
                {u"user_id"_s, c.userId},
                {u"comment"_s, c.comment},
                {u"created_at"_s, formatTimestamp(c.createdAt)},
            });
        }
        array.append(QJsonObject{
            {u"id"_s, f.id},
            {u"resource_id"_s, f.resourceId},
            {u"customer_id"_s, customerId},
            {u"microservice_id"_s, f.microserviceId},
            {u"type"_s, f.type},
            {u"status"_s, f.status()},
            {u"severity"_s, f.severity},
            {u"message"_s, f.message},
            {u"cause"_s, f.cause},
            {u"created_at"_s, formatTimestamp(f.createdAt)},
            {u"resolved_at"_s, f.resolvedAt.isValid() ? QJsonValue(formatTimestamp(f.resolvedAt))
                                                      : QJsonValue(QJsonValue::Null)},
            {u"resource_ancestry_path"_s, f.ancestryPath},
            {u"ttl"_s, f.ttl()},
            {u"comments"_s, comments},
        });
    }
    return array;
}

QByteArray htmlPage(const QString& title, const QString& bodyHtml)
{
    const QString page = u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                         u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                         u"<title>"_s
        + title.toHtmlEscaped()
        + u"</title><style>"
          u"body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1f23;background:#fff}"
          u"table{border-collapse:collapse;width:100%}"
          u"th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #d0d7de}"
          u"th{background:#f6f8fa}.CRITICAL{color:#a40e26;font-weight:700}.HIGH{color:#bc4c00;font-weight:700}"
          u".MEDIUM{color:#7d4e00}.WARNING{color:#9a6700}.LOW{color:#0a3069}.note{color:#57606a;font-size:.9rem}"
          u"ul.comments{margin:.3rem 0 0;padding-left:1.1rem;color:#57606a;font-size:.9rem}"
          u"</style></head><body>"_s
        + bodyHtml + u"</body></html>\n"_s;
    return page.toUtf8();
}

QHttpServerResponse htmlResponse(const QString& title, const QString& bodyHtml, StatusCode status)
{
    QHttpServerResponse response("text/html; charset=utf-8"_ba, htmlPage(title, bodyHtml), status);
    // Self-contained by design: nothing may be loaded from elsewhere.
    response.setHeader("Content-Security-Policy"_ba, "default-src 'none'; style-src 'unsafe-inline'"_ba);
    response.setHeader("X-Content-Type-Options"_ba, "nosniff"_ba);
    return response;
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

struct ShortLink
{
    QDateTime issuedAt;
    QDateTime expiresAt;
};

struct MinutesCheck
{
    int minutes = 0;
    QString error; // empty when valid
};

// Laravel's rules "required|integer|between:1,43200" as the API applies them to a JSON body.
MinutesCheck checkMinutes(const QHttpServerRequest& request)
{
    const QString required = u"The expire after minutes field is required."_s;
    // Laravel reads a JSON body only when the request says it is JSON.
    const QByteArray contentType = request.value("Content-Type"_ba).toLower();
    if (!contentType.contains("/json") && !contentType.contains("+json"))
        return {0, required};

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {0, required};

    const QJsonValue value = document.object().value("expire_after_minutes"_L1);
    if (value.isUndefined() || value.isNull())
        return {0, required};
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number) || std::trunc(number) != number)
        return {0, u"The expire after minutes field must be an integer."_s};
    if (number < kMinMinutes || number > kMaxMinutes) {
        return {0, u"The expire after minutes field must be between %1 and %2."_s.arg(kMinMinutes).arg(
                       kMaxMinutes)};
    }
    return {int(number), QString()};
}

} // namespace

struct DemoServer::Private
{
    explicit Private(const QString& key)
        : apiKey(key)
        , expectedAuthorization("Bearer "_ba + key.toUtf8())
        , signingSecret(randomBytes(32))
        , teamId(teamIdOf(key))
        , customerId(customerIdFor(teamId))
    {
    }

    // A key may be an old-style tokenId:teamId:secret, a JWT or any other opaque string;
    // only the first has a team id to put in the tokens it issues.
    static QString teamIdOf(const QString& key)
    {
        const QStringList parts = key.split(u':');
        return parts.size() == 3 && !parts.at(1).isEmpty() ? parts.at(1) : u"demo"_s;
    }

    QDateTime now() const { return clock().toUTC(); }
    bool isAuthorized(const QHttpServerRequest& request) const
    {
        return constantTimeEquals(request.value("Authorization"_ba), expectedAuthorization);
    }


    QHttpServerResponse issueToken(const QHttpServerRequest& request);
    QHttpServerResponse previewToken(const QString& token, const QHttpServerRequest& request) const;
    QHttpServerResponse shortLinkPage(const QString& code) const;
    QHttpServerResponse notFound() const;
    QHttpServerResponse withCommonHeaders(QHttpServerResponse&& response) const;

    QString mintJwt(qint64 issuedAtSecs, qint64 expiresAtSecs) const;
    // The issue time of a genuine, unexpired token; sets *error otherwise.
    std::optional<QDateTime> verifyJwt(const QString& token, QString* error) const;

    const QString apiKey;
    const QByteArray expectedAuthorization;
    const QByteArray signingSecret;
    const QString teamId;
    const QString customerId;
    QUrl url;
    Clock clock = [] { return QDateTime::currentDateTimeUtc(); };
    int rateLimit = 60;
    int tokenRequests = 0;
    // Times (ms since epoch) of authenticated requests inside the current rolling window.
    std::deque<qint64> recentRequests;
    QHash<QString, ShortLink> shortLinks;
    // Last, so it goes first: no handler can run against half-destroyed state.
    QHttpServer server;
};

QHttpServerResponse DemoServer::Private::withCommonHeaders(QHttpServerResponse&& response) const
{
    response.setHeader("Date"_ba, httpDate(now()));
    response.setHeader("Cache-Control"_ba, "no-store"_ba);
    return std::move(response);
}

QHttpServerResponse DemoServer::Private::notFound() const
{
    return messageResponse(u"Not found."_s, StatusCode::NotFound);
}

QString DemoServer::Private::mintJwt(qint64 issuedAtSecs, qint64 expiresAtSecs) const
{
    const QJsonObject header{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};
    const QJsonObject claims{
        {u"sub"_s, teamId},
        {u"iat"_s, issuedAtSecs},
        {u"exp"_s, expiresAtSecs},
        {u"scope"_s, u"faults:read"_s},
        {u"jti"_s, QString::fromLatin1(randomBytes(16).toHex())},
    };
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(signingInput, signingSecret, QCryptographicHash::Sha256);
    return QString::fromLatin1(signingInput + '.' + base64Url(signature));
}

std::optional<QDateTime> DemoServer::Private::verifyJwt(const QString& token, QString* error) const
{
    *error = u"Token not found."_s;
    const QByteArray compact = token.toLatin1();
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3)
        return std::nullopt;

    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    const QByteArray expected =
        QMessageAuthenticationCode::hash(signingInput, signingSecret, QCryptographicHash::Sha256);
    const std::optional<QByteArray> signature = fromBase64Url(parts.at(2));
    // Re-encoding catches non-canonical spellings of the same signature bytes.
    if (!signature || !constantTimeEquals(*signature, expected) || base64Url(*signature) != parts.at(2))
        return std::nullopt;

    const std::optional<QByteArray> headerJson = fromBase64Url(parts.at(0));
    const std::optional<QByteArray> claimsJson = fromBase64Url(parts.at(1));
    if (!headerJson || !claimsJson)
        return std::nullopt;
    const QJsonObject header = QJsonDocument::fromJson(*headerJson).object();
    const QJsonObject claims = QJsonDocument::fromJson(*claimsJson).object();
    if (header.value("alg"_L1).toString() != "HS256"_L1 || !claims.value("exp"_L1).isDouble()
        || !claims.value("iat"_L1).isDouble()) {
        return std::nullopt;
    }
    const qint64 exp = claims.value("exp"_L1).toInteger();
    if (now().toSecsSinceEpoch() >= exp) {
        *error = u"Token expired."_s;
        return std::nullopt;
    }
    error->clear();
    return QDateTime::fromSecsSinceEpoch(claims.value("iat"_L1).toInteger(), Qt::UTC);
}

QHttpServerResponse DemoServer::Private::issueToken(const QHttpServerRequest& request)
{
    ++tokenRequests;
    if (!isAuthorized(request)) {
        qCDebug(lcDemo) << "POST /fault/token: rejected, wrong or missing API key";
        return messageResponse(u"Unauthenticated."_s, StatusCode::Unauthorized);
    }

    const QDateTime issuedAt = now();
    const qint64 nowMs = issuedAt.toMSecsSinceEpoch();
    while (!recentRequests.empty() && recentRequests.front() <= nowMs - kRateWindowMs)
        recentRequests.pop_front();
    if (int(recentRequests.size()) >= rateLimit) {
        const qint64 freeAtMs = recentRequests.front() + kRateWindowMs;
        const qint64 retryAfter = std::max<qint64>(1, (freeAtMs - nowMs + 999) / 1000);
        qCDebug(lcDemo) << "POST /fault/token: rate limited, retry after" << retryAfter << "s";
        QHttpServerResponse response = messageResponse(u"Too Many Attempts."_s, StatusCode::TooManyRequests);
        response.setHeader("Retry-After"_ba, QByteArray::number(retryAfter));
        response.setHeader("X-RateLimit-Limit"_ba, QByteArray::number(rateLimit));
        response.setHeader("X-RateLimit-Remaining"_ba, "0"_ba);
        response.setHeader("X-RateLimit-Reset"_ba, QByteArray::number((nowMs / 1000) + retryAfter));
        return response;
    }
    recentRequests.push_back(nowMs);
    const QByteArray remaining = QByteArray::number(rateLimit - int(recentRequests.size()));

    const MinutesCheck check = checkMinutes(request);
    if (!check.error.isEmpty()) {
        qCDebug(lcDemo) << "POST /fault/token: 400," << check.error;
        QHttpServerResponse response = validationError(check.error);
        response.setHeader("X-RateLimit-Limit"_ba, QByteArray::number(rateLimit));
        response.setHeader("X-RateLimit-Remaining"_ba, remaining);
        return response;
    }

    const qint64 iat = issuedAt.toSecsSinceEpoch();
    const qint64 exp = iat + 60LL * check.minutes;
    const QDateTime expiresAt = QDateTime::fromSecsSinceEpoch(exp, Qt::UTC);

    QString code;
    do {
        code = randomString(kBase62, kShortCodeLength);
    } while (shortLinks.contains(code));
    shortLinks.insert(code, ShortLink{QDateTime::fromSecsSinceEpoch(iat, Qt::UTC), expiresAt});

    const QJsonObject body{
        {u"token"_s, mintJwt(iat, exp)},
        {u"type"_s, u"jwt"_s},
        {u"expires_in_minutes"_s, check.minutes},
        {u"expires_at"_s, formatTimestamp(expiresAt)},
        {u"short_link"_s, QString(url.toString() + u"/s/"_s + code)},
    };
    qCDebug(lcDemo) << "POST /fault/token: 200, token issued for" << check.minutes << "minutes";
    QHttpServerResponse response = jsonResponse(QJsonDocument(body), StatusCode::Ok);
    response.setHeader("X-RateLimit-Limit"_ba, QByteArray::number(rateLimit));
    response.setHeader("X-RateLimit-Remaining"_ba, remaining);
    return response;
}

QHttpServerResponse DemoServer::Private::previewToken(const QString& token,
                                                      const QHttpServerRequest& request) const
{
    // The reference's BearerAuth covers this operation too: the key first, then the token.
    if (!isAuthorized(request)) {
        qCDebug(lcDemo) << "GET /fault/token/{token}: rejected, wrong or missing API key";
        return messageResponse(u"Unauthenticated."_s, StatusCode::Unauthorized);
    }
    QString error;
    const std::optional<QDateTime> issuedAt = verifyJwt(token, &error);
    if (!issuedAt) {
        qCDebug(lcDemo) << "GET /fault/token/{token}: 404," << error;
        return messageResponse(error, StatusCode::NotFound);
    }
    return jsonResponse(QJsonDocument(faultsJson(sampleFaults(*issuedAt), customerId)), StatusCode::Ok);
}

QHttpServerResponse DemoServer::Private::shortLinkPage(const QString& code) const
{
    const auto link = shortLinks.constFind(code);
    if (link == shortLinks.constEnd()) {
        return htmlResponse(u"Link not found"_s,
                            u"<h1>Link not found</h1><p>This short link does not exist on this demo server.</p>"_s,
                            StatusCode::NotFound);
    }
    const QString expiry = escaped(formatTimestamp(link->expiresAt));
    if (now() >= link->expiresAt) {
        return htmlResponse(u"Link expired"_s,
                            u"<h1>Link expired</h1><p>This short link expired at <time>"_s + expiry
                                + u"</time>. Ask for a new one.</p>"_s,
                            StatusCode::Gone);
    }

    QString rows;
    for (const SampleFault& f : sampleFaults(link->issuedAt)) {
        QString comments;
        for (const SampleComment& c : f.comments) {
            comments += u"<li><time>"_s + escaped(formatTimestamp(c.createdAt)) + u"</time> "_s
                + escaped(c.userId) + u": "_s + escaped(c.comment) + u"</li>"_s;
        }
        if (!comments.isEmpty())
            comments = u"<ul class=\"comments\">"_s + comments + u"</ul>"_s;
        rows += u"<tr><td class=\""_s + escaped(f.severity) + u"\">"_s + escaped(f.severity) + u"</td><td>"_s
            + escaped(f.status()) + u"</td><td>"_s + escaped(f.type) + u"</td><td>"_s + escaped(f.site())
            + u"<br><small>"_s + escaped(f.device()) + u"</small></td><td>"_s + escaped(f.message) + comments
            + u"</td><td>"_s + escaped(f.cause) + u"</td><td>"_s + escaped(formatTimestamp(f.createdAt))
            + u"</td><td>"_s + (f.resolvedAt.isValid() ? escaped(formatTimestamp(f.resolvedAt)) : u"—"_s)
            + u"</td></tr>"_s;
    }
    const QString body = u"<h1>Altostrat faults (demo)</h1><p>This link expires at <time datetime=\""_s + expiry
        + u"\">"_s + expiry
        + u"</time>.</p><table><thead><tr><th>Severity</th><th>Status</th><th>Type</th><th>Site</th>"
          u"<th>Message</th><th>Cause</th><th>Created (UTC)</th><th>Resolved (UTC)</th></tr></thead><tbody>"_s
        + rows
        + u"</tbody></table><p class=\"note\">Sample data from the FaultShare demo server, not a live network.</p>"_s;
    return htmlResponse(u"Altostrat faults (demo)"_s, body, StatusCode::Ok);
}

DemoServer::DemoServer(const QString& apiKey, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(apiKey))
{
    Private* p = d.get();
    p->server.route(u"/fault/token"_s, QHttpServerRequest::Method::Post,
                    [p](const QHttpServerRequest& request) { return p->issueToken(request); });
    p->server.route(u"/fault/token/<arg>"_s, QHttpServerRequest::Method::Get,
                    [p](const QString& token, const QHttpServerRequest& request) {
                        return p->previewToken(token, request);
                    });
    p->server.route(u"/s/<arg>"_s, QHttpServerRequest::Method::Get,
                    [p](const QString& code) { return p->shortLinkPage(code); });
    // Qt 6.4 runs afterRequest handlers for routed responses only; the missing handler
    // writes through the responder itself.
    p->server.afterRequest(
        [p](QHttpServerResponse&& response) { return p->withCommonHeaders(std::move(response)); });
    p->server.setMissingHandler([p](const QHttpServerRequest&, QHttpServerResponder&& responder) {
        p->withCommonHeaders(p->notFound()).write(std::move(responder));
    });
}

DemoServer::~DemoServer() = default;

QString DemoServer::generateApiKey()
{
    const auto hex = "0123456789abcdef"_L1;
    return randomString(hex, 8) + u':' + randomString(hex, 8) + u':' + randomString(kBase62, 40);
}

bool DemoServer::listen(const QHostAddress& address, quint16 port)
{
    if (!address.isLoopback()) {
        qCWarning(lcDemo) << "Refusing to listen on" << address.toString()
                          << "- the demo API only listens on loopback addresses";
        return false;
    }
    if (d->url.isValid()) {
        qCWarning(lcDemo) << "The demo API is already listening on" << d->url.toString();
        return false;
    }
    const quint16 boundPort = d->server.listen(address, port);
    if (boundPort == 0) {
        qCWarning(lcDemo) << "Could not listen on" << address.toString() << "port" << port;
        return false;
    }
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(address.toString());
    url.setPort(boundPort);
    d->url = url;
    qCInfo(lcDemo).noquote() << "Demo API listening on" << url.toString();
    return true;
}

QUrl DemoServer::url() const
{
    return d->url;
}

QString DemoServer::apiKey() const
{
    return d->apiKey;
}

void DemoServer::setClock(Clock clock)
{
    d->clock = std::move(clock);
}

void DemoServer::setRateLimit(int requestsPerMinute)
{
    d->rateLimit = std::max(1, requestsPerMinute);
}

int DemoServer::tokenRequestCount() const
{
    return d->tokenRequests;
}

} // namespace faultshare
