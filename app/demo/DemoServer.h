#pragma once

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>

namespace faultshare {

// The demo API: POST /fault/token and GET /fault/token/{token} as Altostrat documents
// them, on a loopback address, with one API key (any opaque string: an old-style
// tokenId:teamId:secret key or a JWT), sent as "Authorization: Bearer <key>" to both.
// Tokens are HS256 JWTs signed with a per-server random secret; GET answers with the
// reference's Fault objects, 404 for a token that is unknown or expired. Short links
// point back at this server and resolve in a browser to a small page of the same sample
// faults. POST /fault/token is rate-limited (60 requests per minute per key by default,
// 429 with Retry-After and X-RateLimit-* headers).
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    using Clock = std::function<QDateTime()>;

    explicit DemoServer(const QString& apiKey, QObject* parent = nullptr);
    ~DemoServer() override;

    // A fresh throwaway key in the older pages' tokenId:teamId:secret form. The constructor
    // takes any opaque string; only this form gives the tokens' "sub" a team id ("demo"
    // otherwise).
    static QString generateApiKey();

    // Listens on address:port (0 = any free port). Only loopback addresses are accepted.
    bool listen(const QHostAddress& address = QHostAddress::LocalHost, quint16 port = 0);
    // http://127.0.0.1:PORT (no trailing slash); invalid before listen().
    QUrl url() const;
    QString apiKey() const;

    // Tests: the clock used for iat/exp, expires_at and the rate limiter.
    void setClock(Clock clock);
    // Tests: requests allowed per key per rolling minute (default 60).
    void setRateLimit(int requestsPerMinute);
    // Number of POST /fault/token requests received (any outcome).
    int tokenRequestCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace faultshare
