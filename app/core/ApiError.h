#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <chrono>
#include <optional>

namespace faultshare {

// Why an operation failed, in a form both the GUI and the command line can act on.
class ApiError final
{
public:
    enum class Kind {
        InvalidInput,    // our own input (minutes, API URL) was rejected before sending
        NoApiKey,        // no key is stored or given
        Keychain,        // the OS keychain could not be used
        Unauthorized,    // 401
        Forbidden,       // 403
        NotFound,        // 404: usually a wrong API URL
        Validation,      // 400 / 422: the server rejected the request
        RateLimited,     // 429
        Server,          // 5xx and other unexpected statuses
        Network,         // connection refused, reset, DNS, proxy
        Tls,             // certificate or handshake failure
        Timeout,         // no complete answer in time
        Cancelled,       // the operator cancelled
        InvalidResponse, // the answer was not what the API documents
        LinkInvalid,     // 403/404 when previewing a link: unknown, expired or refused
        KeyRequired,     // 401 when previewing without a key: the API wants one
        Proxy,           // the proxy could not be reached (detail: "host:port: reason")
        ProxyAuth,       // the proxy refused the user name or password (407)
        SecretElsewhere, // a stored secret is bound to another origin (detail: the sentence)
        HistoryFile,     // the history file could not be read or changed (detail: why)
        NotKept,         // a history row whose link was not kept when it was made
        Installation,    // a part of FaultShare is missing (detail: the sentence, Module.h)
    };

    ApiError() = default;
    ApiError(Kind kind, QString detail = {});

    // An error whose detail is a whole sentence of ours (InvalidInput, SecretElsewhere),
    // which may name long paths: kept whole, where a server's text is cut short.
    static ApiError ofSentence(Kind kind, const QString& sentence);
    // Maps a non-2xx HTTP answer. The body may be JSON, HTML or empty. rateLimitHeader is
    // X-RateLimit-Limit, the only source of a number for the rate-limit sentence;
    // rateLimitResetHeader (X-RateLimit-Reset) gives the wait when Retry-After does not.
    static ApiError fromHttpStatus(int status, const QByteArray& body,
                                   const QByteArray& retryAfterHeader, const QDateTime& now,
                                   const QByteArray& rateLimitHeader = {},
                                   const QByteArray& rateLimitResetHeader = {});

    // The same answer to GET /fault/token/{token}: 404 (unknown or expired) and 403 make
    // LinkInvalid, and 401 KeyRequired when no key was sent. Exit code 3 for each.
    static ApiError fromPreviewStatus(int status, const QByteArray& body, bool keySent,
                                      const QByteArray& retryAfterHeader, const QDateTime& now,
                                      const QByteArray& rateLimitHeader = {},
                                      const QByteArray& rateLimitResetHeader = {});

    // Parses Retry-After as delta-seconds or an HTTP-date (relative to now).
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray& value,
                                                                const QDateTime& now);
    // Parses X-RateLimit-Reset, which APIs write either way and the reference does not
    // settle: a Unix time (10 digits, from 2001 on) or seconds from now (up to 9 digits).
    static std::optional<std::chrono::seconds> parseRateLimitReset(const QByteArray& value,
                                                                    const QDateTime& now);

    // The "message" (and first validation error) of a JSON error body, cleaned of
    // control characters and shortened; empty when the body is not such JSON.
    static QString serverMessageFrom(const QByteArray& body);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString serverMessage() const { return m_serverMessage; }
    std::optional<std::chrono::seconds> retryAfter() const { return m_retryAfter; }
    // X-RateLimit-Limit of a 429, when the API sent one.
    std::optional<int> rateLimit() const { return m_rateLimit; }
    // Extra, non-secret detail from where it was raised (e.g. a network error string).
    QString detail() const { return m_detail; }

    // One actionable sentence: what happened and what to do.
    QString userMessage() const;

    // Exit code of `faultshare generate` for this error (DESIGN.md's contract).
    int exitCode() const;

private:
    Kind m_kind = Kind::Network;
    int m_httpStatus = 0;
    QString m_serverMessage;
    QString m_detail;
    std::optional<std::chrono::seconds> m_retryAfter;
    std::optional<int> m_rateLimit;
};

} // namespace faultshare

Q_DECLARE_METATYPE(faultshare::ApiError)
