#pragma once

#include "ApiError.h"
#include "EmbedToken.h"
#include "Fault.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <chrono>
#include <memory>
#include <optional>

class QTimer;

namespace faultshare {

class ApiClient;
namespace net {
class Exchange;
class Transport;
struct Request;
enum class TlsTrouble;
} // namespace net

// One exchange with the API: the reply, its deadline and size cap, the TLS detail, the
// same-origin redirect rule and the mapping of HTTP statuses to ApiError. Emits exactly
// one of its subclass's finished() or failed(), always after the ApiClient call that
// made it has returned, then deletes itself later.
class ApiRequest : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRequest)

public:
    ~ApiRequest() override;

    // Aborts the transfer; failed(Cancelled) follows. No-op once finished.
    void cancel();
    bool isFinished() const { return m_done; }

Q_SIGNALS:
    void failed(const ApiError& error);

protected:
    // what names the request in log lines ("token", "preview"); never anything secret.
    ApiRequest(QObject* parent, QLatin1StringView what);

    // Parses a complete 2xx body and keeps the result; false with *whyNot (short,
    // non-secret) when it is not what the API documents.
    virtual bool parseBody(const QByteArray& body, const QDateTime& receivedAt, QString* whyNot) = 0;
    // Emits the subclass's finished() with what parseBody() kept.
    virtual void emitFinished() = 0;
    // The error for a non-2xx status; subclasses may say what it means for them.
    virtual ApiError httpError(int status, const QByteArray& body, const QDateTime& now) const;
    // A response header of the finished reply (e.g. "Date"), empty when absent.
    QByteArray rawHeader(const QByteArray& name) const;

private:
    friend class ApiClient;
    // proxyName names the proxy the request goes through ("host:port"), empty when direct.
    void start(net::Transport& transport, const net::Request& request, std::chrono::milliseconds timeout,
               qint64 maxBytes, const QUrl& origin, const QString& proxyName);
    void failLater(const ApiError& error);
    void onFinished();
    void abortTooLarge();
    void abortWith(const ApiError& error);
    void fail(const ApiError& error);

    const QLatin1StringView m_what;
    std::unique_ptr<net::Exchange> m_exchange;
    QTimer* m_deadline = nullptr;
    qint64 m_maxBytes = 0;
    QUrl m_origin;
    QString m_tlsDetail;
    ApiError m_abortReason;
    QString m_proxyName;
    bool m_aborting = false;
    bool m_done = false;
};

// POST /fault/token: one new embed token.
class TokenRequest final : public ApiRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenRequest)

public:
    ~TokenRequest() override;

Q_SIGNALS:
    void finished(const EmbedToken& token);

private:
    friend class ApiClient;
    explicit TokenRequest(ApiClient* client);
    bool parseBody(const QByteArray& body, const QDateTime& receivedAt, QString* whyNot) override;
    void emitFinished() override;

    const QUrl m_apiUrl;
    std::optional<EmbedToken> m_token;
};

// GET /fault/token/{token}: the faults a shared link shows. 404 (unknown or expired) and
// 403 are ApiError::Kind::LinkInvalid; 401 is KeyRequired when no key was sent, else
// Unauthorized.
class FaultsRequest final : public ApiRequest
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultsRequest)

public:
    ~FaultsRequest() override;

Q_SIGNALS:
    // unreadable: entries of the list that were skipped (Fault::parseList).
    void finished(const QList<Fault>& faults, int unreadable);

private:
    friend class ApiClient;
    FaultsRequest(QObject* parent, bool keySent);
    bool parseBody(const QByteArray& body, const QDateTime& receivedAt, QString* whyNot) override;
    void emitFinished() override;
    ApiError httpError(int status, const QByteArray& body, const QDateTime& now) const override;

    const bool m_keySent;
    Fault::List m_list;
};

} // namespace faultshare
