#pragma once

#include "ApiError.h"
#include "EmbedToken.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>
#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// One request for an embed token. Emits exactly one of finished() or failed(), always
// after requestToken() has returned, then deletes itself later.
class TokenRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRequest)

public:
    ~TokenRequest() override;

    // Aborts the transfer; failed(Cancelled) follows. No-op once finished.
    void cancel();
    bool isFinished() const { return m_done; }

Q_SIGNALS:
    void finished(const EmbedToken& token);
    void failed(const ApiError& error);

private:
    friend class ApiClient;
    explicit TokenRequest(QObject* parent);
    void start(QNetworkReply* reply, std::chrono::milliseconds timeout, qint64 maxBytes,
               const QUrl& origin);
    void failLater(const ApiError& error);
    void onFinished();
    void abortTooLarge();
    void finish(const EmbedToken& token);
    void fail(const ApiError& error);

    QPointer<QNetworkReply> m_reply;
    QTimer* m_deadline = nullptr;
    qint64 m_maxBytes = 0;
    QUrl m_origin;
    QString m_tlsDetail;
    ApiError m_abortReason;
    bool m_aborting = false;
    bool m_done = false;
};

// Talks to the Altostrat fault-token API. Owns the one QNetworkAccessManager; enforces
// the transport rules: https except on loopback, the bearer key only for the configured
// origin (redirects elsewhere are refused), TLS errors never ignored, answers capped
// in size and time.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static constexpr int MinMinutes = 1;
    static constexpr int MaxMinutes = 43200;
    static constexpr qint64 DefaultMaxResponseBytes = 1024 * 1024;
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
    // Extra CA certificates (PEM file) trusted besides the system store; empty for none.
    // Returns false, leaving the previous set, when the file cannot be read or holds no
    // certificate (checkCaFile() says which).
    bool setCaFile(const QString& path);
    // The TLS configuration of every request: the peer is always verified; the system
    // store plus the CA file's certificates when one is set.
    QSslConfiguration sslConfiguration() const { return m_tls; }

    // Why url cannot be used as an API URL, or empty when it can.
    static QString checkApiUrl(const QUrl& url);
    // Why key cannot be an Altostrat API key (expected tokenId:teamId:secret), or empty.
    // The reason never quotes the key.
    static QString checkApiKey(const QString& key);
    // Why path cannot be used as a CA file, as words that follow "the CA file" ("cannot be
    // read (reason)", "holds no PEM certificate"), or empty when it can.
    static QString checkCaFile(const QString& path);

    // POST /fault/token. The request is a child of this client.
    TokenRequest* requestToken(int minutes);

private:
    QNetworkAccessManager* m_nam;
    QUrl m_apiUrl = defaultApiUrl();
    QString m_apiKey;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    qint64 m_maxBytes = DefaultMaxResponseBytes;
    QSslConfiguration m_tls;
};
