#include "ApiRequest.h"

#include "ApiClient.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

#include <algorithm>
#include <initializer_list>

namespace faultshare {

using namespace std::chrono;

namespace {

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QLatin1StringView("https") ? 443 : 80)
        == b.port(b.scheme() == QLatin1StringView("https") ? 443 : 80);
}

// What went wrong with the server's certificate and what to do, as one clause; the
// error that decides what the operator should do first wins.
QString tlsProblem(const QList<QSslError>& errors)
{
    const auto has = [&errors](std::initializer_list<QSslError::SslError> kinds) {
        return std::any_of(errors.cbegin(), errors.cend(), [&kinds](const QSslError& error) {
            return std::find(kinds.begin(), kinds.end(), error.error()) != kinds.end();
        });
    };
    if (errors.isEmpty())
        return {};
    if (has({QSslError::CertificateExpired, QSslError::CertificateNotYetValid}))
        return QCoreApplication::translate("ApiClient", "the server's certificate has expired or is not valid yet; check this computer's date and "
                  "time, and if they are right, the server's certificate must be renewed");
    if (has({QSslError::HostNameMismatch}))
        return QCoreApplication::translate("ApiClient", "the server's certificate is for another host name; check the API URL in Settings");
    if (has({QSslError::SelfSignedCertificate}))
        return QCoreApplication::translate("ApiClient", "the server's certificate is self-signed; if your company inspects TLS, set its CA file "
                  "on the profile in Settings");
    if (has({QSslError::SelfSignedCertificateInChain, QSslError::UnableToGetIssuerCertificate,
             QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate,
             QSslError::CertificateUntrusted}))
        return QCoreApplication::translate("ApiClient", "the server's certificate is from an unknown issuer; if your company inspects TLS, set its "
                  "CA file on the profile in Settings");
    return QCoreApplication::translate("ApiClient", "the server's certificate was rejected (%1); check the API URL, the proxy and this "
              "computer's date and time")
        .arg(errors.first().errorString());
}

// A short, non-secret phrase for a transport failure (Qt's errorString() names the URL).
// proxyName ("host:port") is named in proxy failures; never a user name or password.
ApiError transportError(QNetworkReply::NetworkError error, const QString& tlsDetail, const QString& proxyName)
{
    using Kind = ApiError::Kind;
    const auto proxyError = [&proxyName](const QString& reason) {
        const QString name = proxyName.isEmpty() ? QCoreApplication::translate("ApiClient", "of the system") : proxyName;
        return ApiError(Kind::Proxy, name + QLatin1StringView(": ") + reason);
    };
    // Through a proxy, the connection Qt opens (for http: the request itself) is to the
    // proxy: a refused connection or an unknown host is the proxy's.
    if (!proxyName.isEmpty() && error == QNetworkReply::ConnectionRefusedError)
        error = QNetworkReply::ProxyConnectionRefusedError;
    if (!proxyName.isEmpty() && error == QNetworkReply::HostNotFoundError)
        error = QNetworkReply::ProxyNotFoundError;
    // A tunnel (CONNECT for https, SOCKS5) whose proxy refuses or is not found comes as an
    // unknown network error: the socket that failed is the one to the proxy.
    if (!proxyName.isEmpty() && error == QNetworkReply::UnknownNetworkError)
        error = QNetworkReply::UnknownProxyError;
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "connection refused"));
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // the connection broke before an answer (OneShotBody)
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "the connection was closed early"));
    case QNetworkReply::HostNotFoundError:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "host name not found"));
    case QNetworkReply::TimeoutError:
        return ApiError(Kind::Timeout);
    case QNetworkReply::OperationCanceledError:
        return ApiError(Kind::Cancelled);
    case QNetworkReply::SslHandshakeFailedError:
        return ApiError(Kind::Tls, tlsDetail.isEmpty() ? QCoreApplication::translate("ApiClient", "the TLS handshake failed; check the API URL and "
                                                            "the proxy between this computer and the API")
                                                       : tlsDetail);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "the network is unavailable"));
    case QNetworkReply::ProxyConnectionRefusedError:
        return proxyError(QCoreApplication::translate("ApiClient", "connection refused"));
    case QNetworkReply::ProxyConnectionClosedError:
        return proxyError(QCoreApplication::translate("ApiClient", "the proxy closed the connection"));
    case QNetworkReply::ProxyNotFoundError:
        return proxyError(QCoreApplication::translate("ApiClient", "host name not found"));
    case QNetworkReply::ProxyTimeoutError:
        return proxyError(QCoreApplication::translate("ApiClient", "no answer in time"));
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return ApiError(Kind::ProxyAuth);
    case QNetworkReply::UnknownProxyError:
        return proxyError(QCoreApplication::translate("ApiClient", "the proxy failed"));
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return ApiError(Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "unsafe or endless redirects"));
    case QNetworkReply::UnknownContentError: // e.g. a compressed body that does not decompress
        return ApiError(Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "the answer could not be decoded"));
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return ApiError(Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "not a valid HTTP answer"));
    default:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "network error %1").arg(int(error)));
    }
}

} // namespace

ApiRequest::ApiRequest(QObject* parent, QLatin1StringView what)
    : QObject(parent)
    , m_what(what)
{
}

ApiRequest::~ApiRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ApiRequest::start(QNetworkReply* reply, milliseconds timeout, qint64 maxBytes, const QUrl& origin,
                       const QString& proxyName)
{
    m_reply = reply;
    m_proxyName = proxyName;
    m_maxBytes = maxBytes;
    m_origin = origin;
    reply->setParent(this);

    // A hard deadline for the whole exchange: a server that drips bytes never ends
    // a transfer-inactivity timeout.
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        m_abortReason = ApiError(ApiError::Kind::Timeout);
        m_aborting = true;
        m_reply->abort();
    });
    m_deadline->start(timeout);

    connect(reply, &QNetworkReply::redirected, this, [this](const QUrl& target) {
        // Followed only within the configured origin, so the bearer key goes nowhere else.
        if (sameOrigin(target, m_origin)) {
            Q_EMIT m_reply->redirectAllowed();
            return;
        }
        qCWarning(lcApi) << "refused a redirect to another origin:" << target.host();
        m_abortReason = ApiError(ApiError::Kind::InvalidResponse,
                                 QCoreApplication::translate("ApiClient", "the API redirected to another host, and the key was not sent there"));
        m_aborting = true;
        m_reply->abort();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        // Never ignored: the reply fails with SslHandshakeFailedError; keep why.
        m_tlsDetail = tlsProblem(errors);
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        const qint64 declared = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > m_maxBytes)
            abortTooLarge();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > m_maxBytes)
            abortTooLarge();
    });
    connect(reply, &QNetworkReply::finished, this, &ApiRequest::onFinished);
}

ApiError ApiRequest::httpError(int status, const QByteArray& body, const QDateTime& now) const
{
    return ApiError::fromHttpStatus(status, body, rawHeader("Retry-After"), now, rawHeader("X-RateLimit-Limit"));
}

QByteArray ApiRequest::rawHeader(const QByteArray& name) const
{
    return m_reply ? m_reply->rawHeader(name) : QByteArray();
}

void ApiRequest::abortTooLarge()
{
    if (m_aborting)
        return;
    // An error status says more than its oversized page: keep the status, drop the page.
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_abortReason = status >= 400
        ? httpError(status, {}, QDateTime::currentDateTimeUtc())
        : ApiError(ApiError::Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "the answer is larger than %1 KiB").arg(m_maxBytes / 1024));
    m_aborting = true;
    m_reply->abort();
}

void ApiRequest::cancel()
{
    if (m_done || m_aborting || !m_reply)
        return;
    m_abortReason = ApiError(ApiError::Kind::Cancelled);
    m_aborting = true;
    m_reply->abort();
}

void ApiRequest::failLater(const ApiError& error)
{
    QTimer::singleShot(0, this, [this, error] { fail(error); });
}

void ApiRequest::onFinished()
{
    if (m_done)
        return;
    m_deadline->stop();
    if (m_aborting) {
        fail(m_abortReason);
        return;
    }
    const QVariant statusAttribute = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttribute.isValid()) {
        fail(transportError(m_reply->error(), m_tlsDetail, m_proxyName));
        return;
    }
    const int status = statusAttribute.toInt();
    const QByteArray body = m_reply->read(m_maxBytes + 1);
    if (body.size() > m_maxBytes) {
        abortTooLarge();
        fail(m_abortReason);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (status == 407) {
        // A proxy that asks again after it was answered, or gives no way to answer.
        fail(ApiError(ApiError::Kind::ProxyAuth));
        return;
    }
    if (status < 200 || status >= 300) {
        if (status >= 300 && status < 400) {
            fail(ApiError(ApiError::Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "HTTP %1, a redirect without a usable Location").arg(status)));
            return;
        }
        fail(httpError(status, body, now));
        return;
    }
    // A 2xx whose body broke off mid-way is still an error.
    if (m_reply->error() != QNetworkReply::NoError) {
        fail(transportError(m_reply->error(), m_tlsDetail, m_proxyName));
        return;
    }
    QString whyNot;
    if (!parseBody(body, now, &whyNot)) {
        fail(ApiError(ApiError::Kind::InvalidResponse, whyNot));
        return;
    }
    m_done = true;
    emitFinished();
    deleteLater();
}

void ApiRequest::fail(const ApiError& error)
{
    if (m_done)
        return;
    m_done = true;
    qCInfo(lcApi).noquote() << m_what << "request failed:" << int(error.kind()) << "HTTP" << error.httpStatus();
    Q_EMIT failed(error);
    deleteLater();
}

TokenRequest::TokenRequest(ApiClient* client)
    : ApiRequest(client, QLatin1StringView("token"))
    , m_apiUrl(client->apiUrl())
{
}

TokenRequest::~TokenRequest() = default;

bool TokenRequest::parseBody(const QByteArray& body, const QDateTime& receivedAt, QString* whyNot)
{
    m_token = EmbedToken::parse(body, receivedAt, EmbedToken::parseHttpDate(rawHeader("Date")), m_apiUrl, whyNot);
    return m_token.has_value();
}

void TokenRequest::emitFinished()
{
    qCInfo(lcApi) << "token received; expires in" << m_token->expiresInMinutes() << "minutes"
                  << (m_token->hasShortLink() ? "" : "(no usable short link)");
    Q_EMIT finished(*m_token);
}

FaultsRequest::FaultsRequest(QObject* parent, bool keySent)
    : ApiRequest(parent, QLatin1StringView("preview"))
    , m_keySent(keySent)
{
}

FaultsRequest::~FaultsRequest() = default;

bool FaultsRequest::parseBody(const QByteArray& body, const QDateTime&, QString* whyNot)
{
    auto list = Fault::parseList(body, whyNot);
    if (!list)
        return false;
    m_list = std::move(*list);
    return true;
}

void FaultsRequest::emitFinished()
{
    qCInfo(lcApi) << "preview received:" << m_list.faults.size() << "faults," << m_list.unreadable << "unreadable";
    Q_EMIT finished(m_list.faults, m_list.unreadable);
}

ApiError FaultsRequest::httpError(int status, const QByteArray& body, const QDateTime& now) const
{
    return ApiError::fromPreviewStatus(status, body, m_keySent, rawHeader("Retry-After"), now,
                                       rawHeader("X-RateLimit-Limit"));
}

} // namespace faultshare
