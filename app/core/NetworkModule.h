#pragma once

#include "ProxySettings.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

class QSslConfiguration;

// The interface of the network module (Module.h): QtNetwork behind ApiClient. The module
// carries bytes; ApiClient and ApiRequest decide what they mean, in the program's words.
// Only inline virtual functions over Qt value types: the module needs no symbol of ours.
namespace faultshare::net {

// Why an exchange ended without a whole answer: QNetworkReply's errors, grouped the way
// ApiRequest words them.
enum class Failure {
    None,
    ConnectionRefused,
    ClosedEarly, // the connection broke before an answer, or a POST would have been sent again
    HostNotFound,
    Timeout,
    Cancelled,
    TlsHandshake,
    NetworkUnavailable,
    ProxyRefused,
    ProxyClosed,
    ProxyNotFound,
    ProxyTimeout,
    ProxyAuth,
    ProxyFailed,
    Redirects, // unsafe or endless
    Undecodable,
    Protocol,
    Unknown, // an unknown network error: through a proxy, the proxy's socket failed
    Other,   // Exchange::errorCode() says which
};

// What was wrong with the server's certificate; the one that decides what to do first.
enum class TlsTrouble { None, Expired, HostName, SelfSigned, UnknownIssuer, Other };

// One HTTP exchange. Its events arrive from the event loop, never during Transport::send,
// and none after the exchange is destroyed (which aborts it when unfinished).
class Exchange
{
public:
    struct Events
    {
        // A redirect to target: answer with allowRedirect() or abort().
        std::function<void(const QUrl& target)> redirected;
        // The certificate was refused (never ignored); firstError is Qt's text of the first.
        std::function<void(TlsTrouble trouble, const QString& firstError)> tlsRefused;
        // The headers arrived: the declared Content-Length (-1 when none).
        std::function<void(qint64 declaredLength)> headers;
        std::function<void(qint64 received)> progress;
        std::function<void()> finished;
    };

    virtual ~Exchange() = default;
    virtual void abort() = 0;
    virtual void allowRedirect() = 0;
    // The HTTP status, or nullopt when none arrived.
    virtual std::optional<int> status() const = 0;
    virtual QByteArray rawHeader(const QByteArray& name) const = 0;
    virtual QByteArray read(qint64 maxBytes) = 0;
    virtual Failure failure() const = 0;
    // QNetworkReply's error number, for Failure::Other.
    virtual int errorCode() const = 0;
};

struct Request
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    // POST with this body when set, else GET. The body is sent once: a connection that
    // breaks before the answer fails the exchange (ClosedEarly) rather than minting twice.
    std::optional<QByteArray> postBody;
};

// Why a CA file cannot be used; detail is the system's reason for Unreadable.
struct CaFileProblem
{
    enum class Kind { None, Unreadable, NoCertificate } kind = Kind::None;
    QString detail;
};

// The requests of one ApiClient: its proxy, its TLS trust and its connection pool.
class Transport
{
public:
    virtual ~Transport() = default;
    // The proxy of every later request; a loopback host is always reached directly. An
    // explicit proxy that asks for credentials gets proxy.user and proxy.password once
    // per request.
    virtual void setProxy(const ProxySettings& proxy) = 0;
    // "host:port"-to-be of the proxy a request to url goes through, or nullopt when direct.
    virtual std::optional<QPair<QString, int>> proxyFor(const QUrl& url) const = 0;
    // Trust the system store plus the certificates of the PEM file at path (none when
    // empty); on a problem the previous trust stays.
    virtual CaFileProblem setCaFile(const QString& path) = 0;
    // The TLS configuration of every https request (tests read it).
    virtual QSslConfiguration tlsConfiguration() const = 0;
    virtual std::unique_ptr<Exchange> send(const Request& request, Exchange::Events events) = 0;
};

class NetworkModule
{
public:
    virtual ~NetworkModule() = default;
    // isLoopback: the program's one rule for a host that must never go through a proxy.
    virtual std::unique_ptr<Transport> newTransport(std::function<bool(const QString& host)> isLoopback) = 0;
    virtual CaFileProblem checkCaFile(const QString& path) = 0;
};

} // namespace faultshare::net
