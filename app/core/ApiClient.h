#pragma once

#include "ApiRequest.h"
#include "ProxySettings.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>
#include <optional>

namespace faultshare {

namespace net {
class Transport;
}

// Talks to the Altostrat fault-token API. Enforces the transport rules: https except on
// loopback, loopback never through a proxy, the bearer key only for the configured origin
// (redirects elsewhere are refused), TLS errors never ignored, answers capped in size and
// time. The requests themselves go through the network module (NetworkModule.h), loaded
// with the first request: until then the client only holds its settings.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static constexpr int MinMinutes = 1;
    static constexpr int MaxMinutes = 43200;
    static constexpr qint64 DefaultMaxResponseBytes = 1024 * 1024;
    // A fault list may be long (tens of thousands of faults); still capped.
    static constexpr qint64 DefaultMaxFaultListBytes = 32 * 1024 * 1024;
    // Far above any JWT the API issues; a longer "token" is not sent.
    static constexpr int MaxPreviewTokenLength = 16 * 1024;
    // An API key or token longer than this (UTF-8 bytes) is refused before it is sent.
    static constexpr int MaxApiKeyBytes = 8 * 1024;
    static constexpr std::chrono::milliseconds DefaultTimeout{30000};
    static QUrl defaultApiUrl() { return QUrl(QStringLiteral("https://v1.api.altostrat.io")); }

    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    void setApiUrl(const QUrl& url) { m_apiUrl = url; }
    QUrl apiUrl() const { return m_apiUrl; }
    void setApiKey(const QString& key) { m_apiKey = key; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setMaxResponseBytes(qint64 bytes) { m_maxBytes = bytes; }
    void setMaxFaultListBytes(qint64 bytes) { m_maxFaultListBytes = bytes; }
    // Extra CA certificates (PEM file) trusted besides the system store; empty for none.
    // Returns false, leaving the previous set, when the file cannot be read or holds no
    // certificate (checkCaFile() says which).
    bool setCaFile(const QString& path);
    // How requests reach the API from now on: the system's proxy configuration (the
    // default), directly, or through the given HTTP or SOCKS5 proxy. Loopback hosts
    // (EmbedToken::isLoopbackHost) are always reached directly, whatever the mode. When
    // that proxy asks for credentials it gets proxy.user and proxy.password once per
    // request; a second challenge or a 407 fails the request with ApiError::Kind::ProxyAuth.
    void setProxy(const ProxySettings& proxy);
    ProxySettings::Mode proxyMode() const { return m_proxy.mode; }
    // The proxy a request to url goes through ("host:port"), empty when it goes direct
    // (always for a loopback host).
    QString proxyNameFor(const QUrl& url) const;
    // The transport of this client's requests (the network module), loaded on first use;
    // null when the module cannot be loaded (*whyNot says why). Its tlsConfiguration()
    // verifies the peer always, and trusts the system store plus the CA file's
    // certificates when one is set.
    net::Transport* transport(QString* whyNot = nullptr) const;

    // Why url cannot be used as an API URL, or empty when it can.
    static QString checkApiUrl(const QUrl& url);
    // Why key cannot be sent as a bearer credential (an API key tokenId:teamId:secret, a
    // JWT or another opaque string), or empty: refused are only an empty key, whitespace
    // or control characters inside it, and more than MaxApiKeyBytes. The reason never
    // quotes the key.
    static QString checkApiKey(const QString& key);
    // Why path cannot be used as a CA file, as words that follow "the CA file" ("cannot be
    // read (reason)", "holds no PEM certificate"), or empty when it can. Loads the network
    // module.
    static QString checkCaFile(const QString& path);

    // POST /fault/token. The request is a child of this client.
    TokenRequest* requestToken(int minutes);
    // GET /fault/token/{token}: what a link shows, with the API key as Bearer when one is
    // set (the origin and redirect rules of the POST apply). The token goes
    // percent-encoded in the path and never into a log line or an error. The request is
    // a child of this client.
    FaultsRequest* requestFaults(const QString& token);

private:
    // Headers every request carries.
    QList<QPair<QByteArray, QByteArray>> headers() const;
    QUrl endpoint(const QString& encodedTail) const;
    // Starts request on the transport, or fails it with the missing-module sentence.
    void send(ApiRequest* request, QList<QPair<QByteArray, QByteArray>> headers, const QUrl& url,
              std::optional<QByteArray> postBody, qint64 maxBytes, const QUrl& origin);

    mutable std::unique_ptr<net::Transport> m_transport;
    QUrl m_apiUrl = defaultApiUrl();
    QString m_apiKey;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    qint64 m_maxBytes = DefaultMaxResponseBytes;
    qint64 m_maxFaultListBytes = DefaultMaxFaultListBytes;
    ProxySettings m_proxy;
};

} // namespace faultshare
