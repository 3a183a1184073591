#include "ApiRequest.h"

#include "ApiClient.h"
#include "Logging.h"
#include "NetworkModule.h"

#include <QCoreApplication>
#include <QTimer>

namespace faultshare {

using namespace std::chrono;

namespace {

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == QLatin1StringView("https") ? 443 : 80)
        == b.port(b.scheme() == QLatin1StringView("https") ? 443 : 80);
}

// What went wrong with the server's certificate and what to do, as one clause.
QString tlsProblem(net::TlsTrouble trouble, const QString& firstError)
{
    switch (trouble) {
    case net::TlsTrouble::None:
        return {};
    case net::TlsTrouble::Expired:
        return QCoreApplication::translate("ApiClient", "the server's certificate has expired or is not valid yet; check this computer's date and "
                  "time, and if they are right, the server's certificate must be renewed");
    case net::TlsTrouble::HostName:
        return QCoreApplication::translate("ApiClient", "the server's certificate is for another host name; check the API URL in Settings");
    case net::TlsTrouble::SelfSigned:
        return QCoreApplication::translate("ApiClient", "the server's certificate is self-signed; if your company inspects TLS, set its CA file "
                  "on the profile in Settings");
    case net::TlsTrouble::UnknownIssuer:
        return QCoreApplication::translate("ApiClient", "the server's certificate is from an unknown issuer; if your company inspects TLS, set its "
                  "CA file on the profile in Settings");
    case net::TlsTrouble::Other:
        break;
    }
    return QCoreApplication::translate("ApiClient", "the server's certificate was rejected (%1); check the API URL, the proxy and this "
              "computer's date and time")
        .arg(firstError);
}

// A short, non-secret phrase for a transport failure (Qt's errorString() names the URL).
// proxyName ("host:port") is named in proxy failures; never a user name or password.
ApiError transportError(net::Failure failure, int errorCode, const QString& tlsDetail, const QString& proxyName)
{
    using Kind = ApiError::Kind;
    using net::Failure;
    const auto proxyError = [&proxyName](const QString& reason) {
        const QString name = proxyName.isEmpty() ? QCoreApplication::translate("ApiClient", "of the system") : proxyName;
        return ApiError(Kind::Proxy, name + QLatin1StringView(": ") + reason);
    };
    // Through a proxy, the connection Qt opens (for http: the request itself) is to the
    // proxy: a refused connection or an unknown host is the proxy's.
    if (!proxyName.isEmpty() && failure == Failure::ConnectionRefused)
        failure = Failure::ProxyRefused;
    if (!proxyName.isEmpty() && failure == Failure::HostNotFound)
        failure = Failure::ProxyNotFound;
    // A tunnel (CONNECT for https, SOCKS5) whose proxy refuses or is not found comes as an
    // unknown network error: the socket that failed is the one to the proxy.
    if (!proxyName.isEmpty() && failure == Failure::Unknown)
        failure = Failure::ProxyFailed;
    switch (failure) {
    case Failure::ConnectionRefused:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "connection refused"));
    case Failure::ClosedEarly:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "the connection was closed early"));
    case Failure::HostNotFound:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "host name not found"));
    case Failure::Timeout:
        return ApiError(Kind::Timeout);
    case Failure::Cancelled:
        return ApiError(Kind::Cancelled);
    case Failure::TlsHandshake:
        return ApiError(Kind::Tls, tlsDetail.isEmpty() ? QCoreApplication::translate("ApiClient", "the TLS handshake failed; check the API URL and "
                                                            "the proxy between this computer and the API")
                                                       : tlsDetail);
    case Failure::NetworkUnavailable:
        return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "the network is unavailable"));
    case Failure::ProxyRefused:
        return proxyError(QCoreApplication::translate("ApiClient", "connection refused"));
    case Failure::ProxyClosed:
        return proxyError(QCoreApplication::translate("ApiClient", "the proxy closed the connection"));
    case Failure::ProxyNotFound:
        return proxyError(QCoreApplication::translate("ApiClient", "host name not found"));
    case Failure::ProxyTimeout:
        return proxyError(QCoreApplication::translate("ApiClient", "no answer in time"));
    case Failure::ProxyAuth:
        return ApiError(Kind::ProxyAuth);
    case Failure::ProxyFailed:
        return proxyError(QCoreApplication::translate("ApiClient", "the proxy failed"));
    case Failure::Redirects:
        return ApiError(Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "unsafe or endless redirects"));
    case Failure::Undecodable:
        return ApiError(Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "the answer could not be decoded"));
    case Failure::Protocol:
        return ApiError(Kind::InvalidResponse, QCoreApplication::translate("ApiClient", "not a valid HTTP answer"));
    case Failure::None:
    case Failure::Unknown:
    case Failure::Other:
        break;
    }
    return ApiError(Kind::Network, QCoreApplication::translate("ApiClient", "network error %1").arg(errorCode));
}

} // namespace

ApiRequest::ApiRequest(QObject* parent, QLatin1StringView what)
    : QObject(parent)
    , m_what(what)
{
}

ApiRequest::~ApiRequest() = default; // an unfinished exchange aborts, with no event after

void ApiRequest::start(net::Transport& transport, const net::Request& request, milliseconds timeout,
                       qint64 maxBytes, const QUrl& origin, const QString& proxyName)
{
    m_proxyName = proxyName;
    m_maxBytes = maxBytes;
    m_origin = origin;

    // A hard deadline for the whole exchange: a server that drips bytes never ends
    // a transfer-inactivity timeout.
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] { abortWith(ApiError(ApiError::Kind::Timeout)); });
    m_deadline->start(timeout);

    net::Exchange::Events events;
    events.redirected = [this](const QUrl& target) {
        // Followed only within the configured origin, so the bearer key goes nowhere else.
        if (sameOrigin(target, m_origin)) {
            m_exchange->allowRedirect();
            return;
        }
        qCWarning(lcApi) << "refused a redirect to another origin:" << target.host();
        abortWith(ApiError(ApiError::Kind::InvalidResponse,
                           QCoreApplication::translate("ApiClient", "the API redirected to another host, and the key was not sent there")));
    };
    // Never ignored: the exchange fails with TlsHandshake; keep why.
    events.tlsRefused = [this](net::TlsTrouble trouble, const QString& firstError) {
        m_tlsDetail = tlsProblem(trouble, firstError);
    };
    events.headers = [this](qint64 declared) {
        if (declared > m_maxBytes)
            abortTooLarge();
    };
    events.progress = [this](qint64 received) {
        if (received > m_maxBytes)
            abortTooLarge();
    };
    events.finished = [this] { onFinished(); };
    m_exchange = transport.send(request, std::move(events));
}

ApiError ApiRequest::httpError(int status, const QByteArray& body, const QDateTime& now) const
{
    return ApiError::fromHttpStatus(status, body, rawHeader("Retry-After"), now, rawHeader("X-RateLimit-Limit"),
                                    rawHeader("X-RateLimit-Reset"));
}

QByteArray ApiRequest::rawHeader(const QByteArray& name) const
{
    return m_exchange ? m_exchange->rawHeader(name) : QByteArray();
}

void ApiRequest::abortWith(const ApiError& error)
{
    if (m_aborting || !m_exchange)
        return;
    m_abortReason = error;
    m_aborting = true;
    m_exchange->abort();
}

void ApiRequest::abortTooLarge()
{
    if (m_aborting || !m_exchange)
        return;
    // An error status says more than its oversized page: keep the status, drop the page.
    const int status = m_exchange->status().value_or(0);
    abortWith(status >= 400 ? httpError(status, {}, QDateTime::currentDateTimeUtc())
                            : ApiError(ApiError::Kind::InvalidResponse,
                                       QCoreApplication::translate("ApiClient", "the answer is larger than %1 KiB").arg(m_maxBytes / 1024)));
}

void ApiRequest::cancel()
{
    if (m_done)
        return;
    abortWith(ApiError(ApiError::Kind::Cancelled));
}

void ApiRequest::failLater(const ApiError& error)
{
    QTimer::singleShot(0, this, [this, error] { fail(error); });
}

void ApiRequest::onFinished()
{
    if (m_done || !m_exchange)
        return;
    m_deadline->stop();
    if (m_aborting) {
        fail(m_abortReason);
        return;
    }
    const std::optional<int> httpStatus = m_exchange->status();
    if (!httpStatus) {
        fail(transportError(m_exchange->failure(), m_exchange->errorCode(), m_tlsDetail, m_proxyName));
        return;
    }
    const int status = *httpStatus;
    const QByteArray body = m_exchange->read(m_maxBytes + 1);
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
    if (m_exchange->failure() != net::Failure::None) {
        fail(transportError(m_exchange->failure(), m_exchange->errorCode(), m_tlsDetail, m_proxyName));
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
                                       rawHeader("X-RateLimit-Limit"), rawHeader("X-RateLimit-Reset"));
}

} // namespace faultshare
