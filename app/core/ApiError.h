#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <chrono>
#include <optional>

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
        LinkInvalid,     // 401/403/404 when previewing a link: it expired or was revoked
        Proxy,           // the proxy could not be reached (detail: "host:port: reason")
        ProxyAuth,       // the proxy refused the user name or password (407)
    };

    ApiError() = default;
    ApiError(Kind kind, QString detail = {});

    // Maps a non-2xx HTTP answer. The body may be JSON, HTML or empty.
    static ApiError fromHttpStatus(int status, const QByteArray& body,
                                   const QByteArray& retryAfterHeader, const QDateTime& now);

    // A shared link's token was refused (401/403/404 from GET /fault/token/{token}): the
    // link no longer works, whatever the API key. Exit code 3, as for a refused key.
    static ApiError linkInvalid(int status);

    // Parses Retry-After as delta-seconds or an HTTP-date (relative to now).
    static std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray& value,
                                                                const QDateTime& now);

    // The "message" (and first validation error) of a JSON error body, cleaned of
    // control characters and shortened; empty when the body is not such JSON.
    static QString serverMessageFrom(const QByteArray& body);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString serverMessage() const { return m_serverMessage; }
    std::optional<std::chrono::seconds> retryAfter() const { return m_retryAfter; }
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
};

Q_DECLARE_METATYPE(ApiError)
