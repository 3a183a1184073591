#pragma once

// The fault matrix of issue 3, shared by the ApiClient, window and command-line tests:
// each row is what a ScriptedServer does after reading the request, and what FaultShare
// must make of it. Header-only: it needs faultshare_core, which the test support
// library does not link.

#include "ApiError.h"
#include "ScriptedServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QMetaType>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <chrono>

using namespace faultshare;

namespace FaultMatrix {

using namespace std::chrono_literals;
using Fault = ScriptedServer::Fault;
using Kind = ApiError::Kind;

struct Row
{
    QByteArray name;
    Fault fault;
    bool listen = true; // false: nothing listens on the port (connection refused)
    std::chrono::milliseconds timeout = 5s; // ApiClient::setTimeout for this row
    Kind kind = Kind::Network;
    int exitCode = 0;
    int httpStatus = 0;
    QString mustContain; // part of userMessage(), empty for none
    // The client must hang up before the fault plays to its end, with at most this many
    // bytes sent (the size cap and the deadline keep memory and time bounded); -1: no check.
    qint64 maxBytesSent = -1;
};

// Seen in no message ever: bodies carry it where a raw echo would show it.
inline const QByteArray Marker = "MARKER-7f3a";

inline QByteArray jwt()
{
    const auto part = [](const QByteArray& json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray now = QByteArray::number(QDateTime::currentSecsSinceEpoch());
    return part(R"({"alg":"HS256","typ":"JWT"})") + '.'
        + part(R"({"iat":)" + now + R"(,"scope":"fault:read"})") + '.' + part("signature");
}

inline QString timestamp(const QDateTime& utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

// A 200 body the API documents; every malformed-answer row changes one field of it.
inline QJsonObject validAnswer()
{
    return QJsonObject{
        {QStringLiteral("token"), QString::fromLatin1(jwt())},
        {QStringLiteral("type"), QStringLiteral("jwt")},
        {QStringLiteral("expires_in_minutes"), 60},
        {QStringLiteral("expires_at"), timestamp(QDateTime::currentDateTimeUtc().addSecs(3600))},
        {QStringLiteral("short_link"), QStringLiteral("https://altostr.at/aBcDeFg")},
    };
}

inline QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray withField(const char* field, const QJsonValue& value)
{
    QJsonObject object = validAnswer();
    if (value.isUndefined())
        object.remove(QLatin1StringView(field));
    else
        object.insert(QLatin1StringView(field), value);
    return json(object);
}

inline QByteArray htmlPage(int status, const QByteArray& title)
{
    return "<!DOCTYPE html>\n<html><head><title>" + QByteArray::number(status) + ' ' + title
        + "</title></head>\n<body><center><h1>" + QByteArray::number(status) + ' ' + title
        + "</h1></center><hr><center>nginx " + Marker + "</center></body></html>\n";
}

inline QByteArray httpDate(const QDateTime& utc)
{
    return QLocale::c().toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " GMT";
}

inline Fault send(const QByteArray& bytes, Fault::End end = Fault::End::Close)
{
    Fault fault;
    fault.bytes = bytes;
    fault.end = end;
    return fault;
}

inline QList<Row> rows()
{
    QList<Row> rows;
    const auto add = [&rows](const QByteArray& name, const Fault& fault, Kind kind, int exitCode,
                             int status = 0, const QString& mustContain = {}) -> Row& {
        Row row;
        row.name = name;
        row.fault = fault;
        row.kind = kind;
        row.exitCode = exitCode;
        row.httpStatus = status;
        row.mustContain = mustContain;
        rows << row;
        return rows.last();
    };
    const QByteArray valid = json(validAnswer());
    const QByteArray validHead = ScriptedServer::head(200, valid.size());

    // Transport: the connection fails before or while the answer comes.
    add("connection refused", {}, Kind::Network, 5, 0, QStringLiteral("connection refused")).listen = false;
    add("closed before any answer", send({}), Kind::Network, 5);
    add("reset before any answer", send({}, Fault::End::Reset), Kind::Network, 5);
    add("reset mid-status-line", send("HTTP/1.1 20", Fault::End::Reset), Kind::Network, 5);
    add("reset mid-headers", send(validHead.left(validHead.size() / 2), Fault::End::Reset), Kind::Network, 5);
    add("closed mid-headers", send(validHead.left(validHead.size() / 2)), Kind::Network, 5);
    add("reset mid-body after 200", send(validHead + valid.left(valid.size() / 2), Fault::End::Reset),
        Kind::Network, 5);
    // The body so far is complete JSON: only the framing tells it is cut short.
    add("closed mid-body, Content-Length larger",
        send(ScriptedServer::head(200, valid.size() + 64) + valid), Kind::Network, 5);
    add("closed mid-chunked-body",
        send(ScriptedServer::head(200, -1, "application/json", {"Transfer-Encoding: chunked"})
             + QByteArray::number(valid.size(), 16) + "\r\n" + valid + "\r\n"),
        Kind::Network, 5);
    add("reset mid-body after 503", send(ScriptedServer::head(503, 400, "text/html") + "<html><body>"
                                         + Marker, Fault::End::Reset),
        Kind::Server, 6, 503);
    // Qt reads a status line it cannot parse as a connection that broke.
    add("not HTTP at all", send("SSH-2.0-OpenSSH_9.2p1 " + Marker + "\r\n\r\n"), Kind::Network, 5);

    // Time: the deadline covers the whole exchange.
    Fault slowHeaders = send(ScriptedServer::response(200, valid));
    slowHeaders.delay = 5s; // stopped early when the client hangs up
    Row& slow = add("headers slower than the timeout", slowHeaders, Kind::Timeout, 5);
    slow.timeout = 300ms;
    slow.maxBytesSent = 0;
    for (const bool declared : {true, false}) {
        Fault drip = send(ScriptedServer::head(200, declared ? 100000 : -1) + "{\"token\":\"");
        drip.chunk = "a";
        drip.chunks = 300; // 15 s at most, far beyond the deadline
        drip.interval = 50ms;
        drip.end = Fault::End::Hold;
        Row& row = add(declared ? "body drips forever" : "body drips forever, no Content-Length", drip,
                       Kind::Timeout, 5);
        row.timeout = 300ms;
        row.maxBytesSent = 4096;
    }

    // Size: capped at 1 MiB, aborted as soon as it is known, without holding 5 MiB.
    const QByteArray block(64 * 1024, 'x');
    const auto big = [&block](const QByteArray& head, const QByteArray& chunk) {
        Fault fault = send(head);
        fault.chunk = chunk.isEmpty() ? block : chunk;
        fault.chunks = 80; // 5 MiB
        fault.interval = 10ms;
        return fault;
    };
    add("5 MiB body, Content-Length declared", big(ScriptedServer::head(200, 80 * block.size()), {}),
        Kind::InvalidResponse, 6, 0, QStringLiteral("larger than 1024 KiB"))
        .maxBytesSent = 512 * 1024;
    add("5 MiB body, no Content-Length", big(ScriptedServer::head(200, -1), {}), Kind::InvalidResponse, 6, 0,
        QStringLiteral("larger than 1024 KiB"))
        .maxBytesSent = 4 * 1024 * 1024;
    add("5 MiB body, chunked",
        big(ScriptedServer::head(200, -1, "application/json", {"Transfer-Encoding: chunked"}),
            "10000\r\n" + block + "\r\n"),
        Kind::InvalidResponse, 6, 0, QStringLiteral("larger than 1024 KiB"))
        .maxBytesSent = 4 * 1024 * 1024;
    add("5 MiB error page, Content-Length declared",
        big(ScriptedServer::head(502, 80 * block.size(), "text/html"), {}), Kind::Server, 6, 502)
        .maxBytesSent = 512 * 1024;

    // Compressed answers: the cap holds for what they expand to.
    const QByteArray deflated = qCompress(QByteArray(2 * 1024 * 1024, ' ') + valid).mid(4); // zlib stream
    add("deflate bomb", send(ScriptedServer::response(200, deflated, "application/json", {"Content-Encoding: deflate"})),
        Kind::InvalidResponse, 6, 0, QStringLiteral("larger than 1024 KiB"));
    add("corrupt deflate", send(ScriptedServer::response(200, "x\x9c" + Marker, "application/json", {"Content-Encoding: deflate"})),
        Kind::InvalidResponse, 6);
    // Qt 6.4 sets no limit on headers: only the deadline bounds them. (Lines of 64 KiB
    // keep Qt's HTTP thread parsing so long that it may not see the abort.)
    Fault headers = send("HTTP/1.1 200 OK\r\n");
    headers.chunk = "X-Filler: " + QByteArray(1000, 'h') + "\r\n";
    headers.chunks = 500; // 10 s at most
    headers.interval = 20ms;
    Row& endlessHeaders = add("endless headers", headers, Kind::Timeout, 5);
    endlessHeaders.timeout = 300ms;
    endlessHeaders.maxBytesSent = 64 * 1024;

    // 200 answers that are not the documented object.
    const auto ok = [](const QByteArray& body, const QByteArray& type = "application/json") {
        return send(ScriptedServer::response(200, body, type));
    };
    add("truncated JSON", ok(valid.left(valid.size() - 20)), Kind::InvalidResponse, 6, 0, QStringLiteral("not JSON"));
    add("200 plain text", ok("OK " + Marker, "text/plain"), Kind::InvalidResponse, 6, 0, QStringLiteral("not JSON"));
    add("200 HTML", ok(htmlPage(200, "OK"), "text/html"), Kind::InvalidResponse, 6, 0, QStringLiteral("not JSON"));
    add("200 empty body", ok({}), Kind::InvalidResponse, 6, 0, QStringLiteral("empty"));
    add("200 JSON array", ok("[" + valid + "]"), Kind::InvalidResponse, 6, 0, QStringLiteral("not a JSON object"));
    add("200 JSON string", ok("\"" + Marker + "\""), Kind::InvalidResponse, 6);
    add("200 JSON null", ok("null"), Kind::InvalidResponse, 6);
    const QJsonValue missing(QJsonValue::Undefined);
    // Answers without what a token cannot do without: the token itself, or any usable
    // expiry. (Each of the other members is optional: see toleratedAnswers().)
    const struct
    {
        const char* name;
        const char* field;
        QJsonValue value;
    } fields[] = {
        {"token missing", "token", missing},
        {"token a number", "token", 12345},
        {"token with spaces", "token", QStringLiteral("a b c")},
        {"token an object", "token", QJsonObject{{QStringLiteral("jwt"), QString::fromLatin1(jwt())}}},
        {"expires_at past", "expires_at", timestamp(QDateTime::currentDateTimeUtc().addSecs(-120))},
    };
    for (const auto& field : fields) {
        const QString what = QString::fromLatin1(field.field);
        add(field.name, ok(withField(field.field, field.value)), Kind::InvalidResponse, 6, 0, what);
    }
    QJsonObject noExpiry = validAnswer();
    noExpiry.remove(QStringLiteral("expires_at"));
    noExpiry.insert(QStringLiteral("expires_in_minutes"), QStringLiteral("60"));
    add("no usable expiry", ok(json(noExpiry)), Kind::InvalidResponse, 6, 0, QStringLiteral("expires_in_minutes"));

    // Odd statuses and framing.
    add("204 No Content", send(ScriptedServer::response(204, {}, {})), Kind::InvalidResponse, 6, 0, QStringLiteral("empty"));
    add("status 999", send(ScriptedServer::response(999, htmlPage(999, "Weird"), "text/html")), Kind::Server, 6, 999,
        QStringLiteral("HTTP 999"));
    add("100 Continue, then closed", send("HTTP/1.1 100 Continue\r\n\r\n"), Kind::Network, 5);
    add("100 Continue, then a valid 401", send("HTTP/1.1 100 Continue\r\n\r\n" + ScriptedServer::response(401, {})),
        Kind::Unauthorized, 3, 401);

    // Proxies and redirects.
    add("HTML 502 from a proxy", send(ScriptedServer::response(502, htmlPage(502, "Bad Gateway"), "text/html")),
        Kind::Server, 6, 502, QStringLiteral("HTTP 502"));
    add("HTML 504 from a proxy", send(ScriptedServer::response(504, htmlPage(504, "Gateway Time-out"), "text/html")),
        Kind::Server, 6, 504, QStringLiteral("HTTP 504"));
    add("302 without Location", send(ScriptedServer::response(302, {}, {})), Kind::InvalidResponse, 6, 0,
        QStringLiteral("HTTP 302, a redirect without a usable Location"));
    add("307 with an unusable Location", send(ScriptedServer::response(307, {}, {}, {"Location: http://[::1"})),
        Kind::InvalidResponse, 6, 0, QStringLiteral("HTTP 307"));
    add("301 to another host", send(ScriptedServer::response(301, {}, {}, {"Location: http://127.0.0.2:9/fault/token"})),
        Kind::InvalidResponse, 6, 0, QStringLiteral("another host"));

    // Statuses, each with a JSON, an HTML and an empty body.
    const struct
    {
        int status;
        Kind kind;
        int exitCode;
        const char* json;
        QString mustContain;
    } statuses[] = {
        {400, Kind::Validation, 2, R"({"message":"The expire after minutes field is required.","errors":{"expire_after_minutes":["The expire after minutes field is required."]}})", QStringLiteral("400")},
        {401, Kind::Unauthorized, 3, R"({"message":"Unauthenticated."})", QStringLiteral("401")},
        {403, Kind::Forbidden, 3, R"({"message":"This action is unauthorized."})", QStringLiteral("403")},
        {404, Kind::NotFound, 6, R"({"message":"Not Found"})", QStringLiteral("404")},
        {422, Kind::Validation, 2, R"({"message":"The expire after minutes field must not be greater than 43200.","errors":{"expire_after_minutes":["The expire after minutes field must not be greater than 43200."]}})", QStringLiteral("422")},
        {429, Kind::RateLimited, 4, R"({"message":"Too Many Attempts."})", QStringLiteral("wait a minute")},
        {500, Kind::Server, 6, R"({"message":"Server Error"})", QStringLiteral("HTTP 500")},
        {503, Kind::Server, 6, R"({"message":"Service Unavailable"})", QStringLiteral("HTTP 503")},
    };
    const QList<QByteArray> retryAfters{{}, "Retry-After: 30", "Retry-After: " + httpDate(QDateTime::currentDateTimeUtc().addSecs(300))};
    for (const auto& s : statuses) {
        const QList<QByteArray> waits = s.status == 429 ? retryAfters : QList<QByteArray>{{}};
        for (const QByteArray& wait : waits) {
            const QList<QByteArray> headers = wait.isEmpty() ? QList<QByteArray>{} : QList<QByteArray>{wait};
            QString mustContain = s.mustContain;
            QByteArray name = QByteArray::number(s.status);
            if (wait.contains("GMT")) {
                name += " Retry-After HTTP-date";
                mustContain = QStringLiteral("try again in 5 minutes");
            } else if (!wait.isEmpty()) {
                name += " Retry-After seconds";
                mustContain = QStringLiteral("try again in 30 seconds");
            }
            QJsonObject body = QJsonDocument::fromJson(s.json).object();
            body.insert(QStringLiteral("trace"), QString::fromLatin1(Marker));
            add(name + ", JSON body", send(ScriptedServer::response(s.status, json(body), "application/json", headers)),
                s.kind, s.exitCode, s.status, mustContain);
            add(name + ", HTML body", send(ScriptedServer::response(s.status, htmlPage(s.status, "Error"), "text/html", headers)),
                s.kind, s.exitCode, s.status, mustContain);
            add(name + ", empty body", send(ScriptedServer::response(s.status, {}, {}, headers)),
                s.kind, s.exitCode, s.status, mustContain);
        }
    }
    add("503 Retry-After seconds, HTML body",
        send(ScriptedServer::response(503, htmlPage(503, "Service Unavailable"), "text/html", {"Retry-After: 30"})),
        Kind::Server, 6, 503, QStringLiteral("try again in 30 seconds"));
    add("429 Retry-After garbage, empty body", send(ScriptedServer::response(429, {}, {}, {"Retry-After: soon"})),
        Kind::RateLimited, 4, 429, QStringLiteral("wait a minute"));
    // No Retry-After: X-RateLimit-Reset, as seconds from now or as a Unix time.
    add("429 X-RateLimit-Reset seconds, empty body", send(ScriptedServer::response(429, {}, {}, {"X-RateLimit-Reset: 45"})),
        Kind::RateLimited, 4, 429, QStringLiteral("try again in 45 seconds"));
    add("429 X-RateLimit-Reset Unix time, empty body",
        send(ScriptedServer::response(429, {}, {}, {"X-RateLimit-Reset: " + QByteArray::number(QDateTime::currentSecsSinceEpoch() + 300)})),
        Kind::RateLimited, 4, 429, QStringLiteral("try again in 5 minutes"));

    // Server text that must not reach the operator as it is.
    add("422 message with markup",
        send(ScriptedServer::response(422, R"({"message":"<b>Expiry</b> is <script>alert(1)</script>invalid"})")),
        Kind::Validation, 2, 422, QStringLiteral("Expiry"));
    add("422 message with a lone surrogate and markup",
        send(ScriptedServer::response(422, R"({"message":"\ud800<b>Expiry</b> is invalid"})")),
        Kind::Validation, 2, 422, QStringLiteral("Expiry is invalid"));
    add("422 message of several sentences and lines",
        send(ScriptedServer::response(422, R"({"message":"Invalid expiry. Use 1 to 43200.\nSee the docs!"})")),
        Kind::Validation, 2, 422, QStringLiteral("Invalid expiry"));
    add("400 message 5000 characters",
        send(ScriptedServer::response(400, R"({"message":")" + QByteArray(5000, 'w') + R"("})")),
        Kind::Validation, 2, 400);
    return rows;
}

// 200 answers that leave out or spoil a member the token can do without: the reference
// marks none as required. The token is kept; linkKept says whether it still has a link.
struct Tolerated
{
    QByteArray name;
    QByteArray body;
    bool linkKept = true;
};

inline QList<Tolerated> toleratedAnswers()
{
    const QJsonValue missing(QJsonValue::Undefined);
    const struct
    {
        const char* name;
        const char* field;
        QJsonValue value;
        bool linkKept;
    } fields[] = {
        {"token not a JWT", "token", QStringLiteral("ft_0123456789abcdef"), true},
        {"type missing", "type", missing, true},
        {"type a number", "type", 1, true},
        {"expires_in_minutes missing", "expires_in_minutes", missing, true},
        {"expires_in_minutes a string", "expires_in_minutes", QStringLiteral("60"), true},
        {"expires_in_minutes fractional", "expires_in_minutes", 1.5, true},
        {"expires_in_minutes zero", "expires_in_minutes", 0, true},
        {"expires_in_minutes over 30 days", "expires_in_minutes", 43201, true},
        {"expires_at missing", "expires_at", missing, true},
        {"expires_at a number", "expires_at", 1761051600, true},
        {"expires_at unparseable", "expires_at", QStringLiteral("tomorrow at noon"), true},
        {"expires_at impossible date", "expires_at", QStringLiteral("2031-02-30T25:61:00.000000Z"), true},
        {"short_link missing", "short_link", missing, false},
        {"short_link a number", "short_link", 7, false},
        {"short_link javascript:", "short_link", QStringLiteral("javascript:alert(1)//https://altostr.at/x"), false},
        {"short_link ftp:", "short_link", QStringLiteral("ftp://altostr.at/aBcDeFg"), false},
        {"short_link relative", "short_link", QStringLiteral("/aBcDeFg"), false},
        {"short_link without host", "short_link", QStringLiteral("https:///aBcDeFg"), false},
        {"short_link plain http remote", "short_link", QStringLiteral("http://altostr.at/aBcDeFg"), false},
        {"short_link with user info", "short_link", QStringLiteral("https://user:pw@altostr.at/aBcDeFg"), false},
        {"short_link 5000 characters", "short_link", QString(QStringLiteral("https://altostr.at/") + QString(5000, QLatin1Char('a'))), false},
    };
    QList<Tolerated> answers;
    for (const auto& field : fields)
        answers << Tolerated{field.name, withField(field.field, field.value), field.linkKept};
    return answers;
}

inline QList<Row> rows(const QList<QByteArray>& names)
{
    QList<Row> selected;
    for (const Row& row : rows()) {
        if (names.contains(row.name))
            selected << row;
    }
    return selected;
}

// Why message is not one actionable sentence that keeps the body out; empty when it is.
inline QString whyNotOneSentence(const QString& message)
{
    static const QStringList actions{QStringLiteral("check "), QStringLiteral("try again"),
                                     QStringLiteral("wait "), QStringLiteral("ask "),
                                     QStringLiteral("replace "), QStringLiteral("add "),
                                     QStringLiteral("generate "), QStringLiteral("use ")};
    static const QRegularExpression sentenceBreak(QStringLiteral("[.!?…] "));
    if (message.isEmpty())
        return QStringLiteral("empty");
    if (!message.endsWith(QLatin1Char('.')))
        return QStringLiteral("does not end with a full stop");
    if (message.contains(QLatin1Char('\n')) || message.contains(QLatin1Char('\r')))
        return QStringLiteral("has a line break");
    if (message.contains(sentenceBreak))
        return QStringLiteral("has more than one sentence");
    if (message.size() >= 250)
        return QStringLiteral("is %1 characters long").arg(message.size());
    if (message.contains(QLatin1Char('<')) || message.contains(QLatin1Char('{')))
        return QStringLiteral("echoes markup or JSON");
    if (message.contains(QString::fromLatin1(Marker)) || message.contains(QLatin1StringView("eyJ")))
        return QStringLiteral("echoes the body");
    for (const QString& action : actions) {
        if (message.contains(action, Qt::CaseInsensitive))
            return {};
    }
    return QStringLiteral("says nothing to do");
}

} // namespace FaultMatrix

Q_DECLARE_METATYPE(FaultMatrix::Row)
