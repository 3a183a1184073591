#include "ApiError.h"

#include "EmbedToken.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace faultshare {

using namespace std::chrono;

namespace {

// Server text is shown to operators: keep it to one tidy line of reasonable length.
QString cleanServerText(QString text, int maxLength = 200)
{
    // A lone surrogate (JSON allows "\ud800") makes the text invalid UTF-16, on which
    // QRegularExpression matches nothing: the controls below would all survive.
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            text[i] = QChar::ReplacementCharacter;
    }
    // C0, DEL and C1 controls (U+009B, which a JSON body can carry, is a terminal's CSI).
    static const QRegularExpression controls(QStringLiteral("\\p{Cc}+"));
    text.replace(controls, QStringLiteral(" "));
    text = text.simplified();
    if (text.size() > maxLength) {
        // Never cut a surrogate pair in half.
        const qsizetype cut = text.at(maxLength - 2).isHighSurrogate() ? maxLength - 2 : maxLength - 1;
        text = text.left(cut) + QChar(0x2026);
    }
    return text;
}

// Cleaned server text quoted inside one sentence of ours: its first sentence, without
// markup, short enough that the whole stays readable.
QString quotable(QString text)
{
    static const QRegularExpression markup(QStringLiteral("<[^>]*>|[<>]"));
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?](?=\\s)"));
    text.replace(markup, QStringLiteral(" "));
    if (const QRegularExpressionMatch end = sentenceEnd.match(text); end.hasMatch())
        text.truncate(end.capturedEnd());
    text = text.simplified();
    constexpr int MaxLength = 150;
    if (text.size() > MaxLength) {
        const qsizetype cut = text.at(MaxLength - 2).isHighSurrogate() ? MaxLength - 2 : MaxLength - 1;
        text = text.left(cut) + QChar(0x2026);
    }
    return text;
}

QString waitText(seconds wait)
{
    const auto total = wait.count();
    if (total < 120)
        return total == 1 ? QCoreApplication::translate("ApiError", "1 second") : QCoreApplication::translate("ApiError", "%1 seconds").arg(total);
    return QCoreApplication::translate("ApiError", "%1 minutes").arg((total + 59) / 60);
}

QString sentence(QString text)
{
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!'))
        && !text.endsWith(QLatin1Char('?')) && !text.endsWith(QChar(0x2026)))
        text += QLatin1Char('.');
    return text;
}

} // namespace

ApiError::ApiError(Kind kind, QString detail)
    : m_kind(kind)
    , m_detail(cleanServerText(std::move(detail)))
{
}

ApiError ApiError::ofSentence(Kind kind, const QString& sentence)
{
    ApiError error(kind);
    // Our own words, with the operator's names and paths in them: one line, not cut short.
    error.m_detail = cleanServerText(sentence, 4096);
    return error;
}

ApiError ApiError::fromHttpStatus(int status, const QByteArray& body,
                                  const QByteArray& retryAfterHeader, const QDateTime& now,
                                  const QByteArray& rateLimitHeader, const QByteArray& rateLimitResetHeader)
{
    Kind kind = Kind::Server;
    switch (status) {
    case 400:
    case 422:
        kind = Kind::Validation;
        break;
    case 401:
        kind = Kind::Unauthorized;
        break;
    case 403:
        kind = Kind::Forbidden;
        break;
    case 404:
        kind = Kind::NotFound;
        break;
    case 429:
        kind = Kind::RateLimited;
        break;
    default:
        kind = Kind::Server;
        break;
    }
    ApiError error(kind);
    error.m_httpStatus = status;
    error.m_serverMessage = serverMessageFrom(body);
    if (kind == Kind::RateLimited || status == 503)
        error.m_retryAfter = parseRetryAfter(retryAfterHeader, now);
    if (kind == Kind::RateLimited && !error.m_retryAfter)
        error.m_retryAfter = parseRateLimitReset(rateLimitResetHeader, now);
    bool limitOk = false;
    const int limit = rateLimitHeader.trimmed().toInt(&limitOk);
    if (kind == Kind::RateLimited && limitOk && limit > 0)
        error.m_rateLimit = limit;
    return error;
}

ApiError ApiError::fromPreviewStatus(int status, const QByteArray& body, bool keySent,
                                     const QByteArray& retryAfterHeader, const QDateTime& now,
                                     const QByteArray& rateLimitHeader, const QByteArray& rateLimitResetHeader)
{
    ApiError error = fromHttpStatus(status, body, retryAfterHeader, now, rateLimitHeader, rateLimitResetHeader);
    if (status == 403 || status == 404)
        error.m_kind = Kind::LinkInvalid;
    else if (status == 401 && !keySent)
        error.m_kind = Kind::KeyRequired;
    return error;
}

std::optional<seconds> ApiError::parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,9}$"));
    const QString text = QString::fromLatin1(trimmed);
    if (digits.match(text).hasMatch())
        return seconds(text.toLongLong());
    const QDateTime when = EmbedToken::parseHttpDate(trimmed);
    if (!when.isValid())
        return std::nullopt;
    const qint64 delta = now.secsTo(when);
    return seconds(std::max<qint64>(0, delta));
}

std::optional<seconds> ApiError::parseRateLimitReset(const QByteArray& value, const QDateTime& now)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
    const QString text = QString::fromLatin1(value.trimmed());
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    const qint64 number = text.toLongLong();
    // A Unix time has ten digits from September 2001 on; no wait is that long.
    constexpr qint64 FirstTenDigitUnixTime = 1000000000;
    if (number < FirstTenDigitUnixTime)
        return seconds(number);
    return seconds(std::max<qint64>(0, number - now.toSecsSinceEpoch()));
}

QString ApiError::serverMessageFrom(const QByteArray& body)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    const QJsonObject object = doc.object();
    QString message = object.value(QLatin1StringView("message")).toString();
    if (message.isEmpty())
        message = object.value(QLatin1StringView("error")).toString();
    // Laravel-style {"errors": {"field": ["reason", ...]}}: the first reason is the useful one.
    const QJsonObject errors = object.value(QLatin1StringView("errors")).toObject();
    for (auto it = errors.begin(); it != errors.end(); ++it) {
        const QString first = it.value().isArray() ? it.value().toArray().first().toString()
                                                   : it.value().toString();
        if (!first.isEmpty() && first != message) {
            message = first;
            break;
        }
    }
    return quotable(cleanServerText(message));
}

QString ApiError::userMessage() const
{
    const QString server = sentence(m_serverMessage);
    // "401", or "401: “Token revoked.”" when the API said why in words of its own. An
    // error made without an answer names the status its kind stands for.
    int httpStatus = m_httpStatus;
    if (httpStatus == 0) {
        switch (m_kind) {
        case Kind::Unauthorized:
        case Kind::KeyRequired:
            httpStatus = 401;
            break;
        case Kind::Forbidden:
            httpStatus = 403;
            break;
        case Kind::NotFound:
        case Kind::LinkInvalid:
            httpStatus = 404;
            break;
        default:
            break;
        }
    }
    const QString status = server.isEmpty()
        ? QString::number(httpStatus)
        : QCoreApplication::translate("ApiError", "%1: “%2”").arg(httpStatus).arg(server);
    switch (m_kind) {
    case Kind::InvalidInput:
        return sentence(m_detail.isEmpty() ? QCoreApplication::translate("ApiError", "The request is not valid; check the expiry and the API URL")
                                           : m_detail);
    case Kind::NoApiKey:
        return QCoreApplication::translate("ApiError", "No API key or token is set: paste your Altostrat API key or token, or try the demo server.");
    case Kind::Keychain:
        return QCoreApplication::translate("ApiError", "The system keychain could not be used (%1); unlock or start it, then try again.")
            .arg(m_detail.isEmpty() ? QCoreApplication::translate("ApiError", "no answer") : m_detail);
    case Kind::Unauthorized:
        return QCoreApplication::translate("ApiError", "The API rejected the API key or token (%1): check or replace it in Settings.").arg(status);
    case Kind::Forbidden:
        return QCoreApplication::translate("ApiError", "The API key or token is not allowed to create fault tokens (%1): ask your team admin for one with that permission.").arg(status);
    case Kind::NotFound:
        return QCoreApplication::translate("ApiError", "The API answered Not Found (%1): check the API URL in Settings.").arg(status);
    case Kind::Validation:
        return QCoreApplication::translate("ApiError", "The API rejected the request (HTTP %1): check the expiry and try again.").arg(status);
    case Kind::RateLimited: {
        const QString limit = m_rateLimit
            ? QCoreApplication::translate("ApiError", "Too many requests (the API allows %1 in its period)").arg(*m_rateLimit)
            : QCoreApplication::translate("ApiError", "Too many requests");
        return m_retryAfter
            ? QCoreApplication::translate("ApiError", "%1; try again in %2.").arg(limit, waitText(*m_retryAfter))
            : QCoreApplication::translate("ApiError", "%1; wait a minute and try again.").arg(limit);
    }
    case Kind::Server:
        return m_retryAfter
            ? QCoreApplication::translate("ApiError", "The API had a problem (HTTP %1); try again in %2, and check the Altostrat status page if it persists.")
                  .arg(status, waitText(*m_retryAfter))
            : QCoreApplication::translate("ApiError", "The API had a problem (HTTP %1); try again in a moment, and check the Altostrat status page if it persists.")
                  .arg(status);
    case Kind::Network:
        return QCoreApplication::translate("ApiError", "Could not reach the API (%1): check the network, VPN or proxy, then try again.")
            .arg(m_detail.isEmpty() ? QCoreApplication::translate("ApiError", "no connection") : m_detail);
    case Kind::Tls:
        // The detail names the certificate problem and what to do about it.
        return m_detail.isEmpty()
            ? QCoreApplication::translate("ApiError", "The secure connection was refused: check this computer's date and time, or set your company's CA file on the profile in Settings.")
            : QCoreApplication::translate("ApiError", "The secure connection was refused: %1").arg(sentence(m_detail));
    case Kind::Timeout:
        return QCoreApplication::translate("ApiError", "The API did not answer in time: check the network, then try again.");
    case Kind::Cancelled:
        return QCoreApplication::translate("ApiError", "Cancelled; nothing was created.");
    case Kind::InvalidResponse:
        return QCoreApplication::translate("ApiError", "The API sent an answer FaultShare cannot use (%1): try again, and check the API URL if it persists.")
            .arg(m_detail.isEmpty() ? QCoreApplication::translate("ApiError", "unreadable") : m_detail);
    case Kind::LinkInvalid:
        return httpStatus == 404
            ? QCoreApplication::translate("ApiError", "The API does not know this link, or it has expired (%1); generate a new one.").arg(status)
            : QCoreApplication::translate("ApiError", "The API refused to show this link (%1); generate a new one.").arg(status);
    case Kind::KeyRequired:
        return QCoreApplication::translate("ApiError", "The API wants an API key or token to show this link (%1): save the key of the profile that made it, then try again.").arg(status);
    case Kind::Proxy:
        return QCoreApplication::translate("ApiError", "Could not reach the proxy %1; check the proxy in Settings.")
            .arg(m_detail.isEmpty() ? QCoreApplication::translate("ApiError", "(no answer)") : m_detail);
    case Kind::ProxyAuth:
        return QCoreApplication::translate("ApiError", "The proxy refused the user name or password; check them in Settings.");
    case Kind::SecretElsewhere:
        return m_detail.isEmpty()
            ? QCoreApplication::translate("ApiError", "A stored secret belongs to another server and was not sent; enter it again in Settings.")
            : m_detail;
    case Kind::HistoryFile:
        return QCoreApplication::translate("ApiError", "The history file could not be used (%1).").arg(m_detail);
    case Kind::NotKept:
        return QCoreApplication::translate("ApiError", "This link was not kept when it was made, so the history cannot open it; make a new link.");
    case Kind::Installation:
        return m_detail;
    }
    return {};
}

int ApiError::exitCode() const
{
    switch (m_kind) {
    case Kind::InvalidInput:
    case Kind::Validation:
        return 2;
    case Kind::NoApiKey:
    case Kind::Keychain:
    case Kind::Unauthorized:
    case Kind::Forbidden:
    case Kind::LinkInvalid:
    case Kind::KeyRequired:
    case Kind::SecretElsewhere:
        return 3;
    case Kind::RateLimited:
        return 4;
    case Kind::Network:
    case Kind::Tls:
    case Kind::Timeout:
    case Kind::Cancelled:
    case Kind::Proxy:
    case Kind::ProxyAuth:
        return 5;
    case Kind::NotFound:
    case Kind::Server:
    case Kind::InvalidResponse:
    case Kind::HistoryFile:
    case Kind::NotKept:
        return 6;
    case Kind::Installation:
        return 1;
    }
    return 6;
}

} // namespace faultshare
