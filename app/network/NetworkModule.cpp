// The network module (Module.h, NetworkModule.h): every use of QtNetwork, so that the
// program loads QtNetwork and the libraries it brings (Kerberos, libproxy) only when it
// first talks to an API, not before its first frame.

#include "ModuleEntry.h"
#include "NetworkModule.h"

#include <QAuthenticator>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSet>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>

#include <algorithm>
#include <initializer_list>

namespace faultshare::net {

namespace {

// The program's category, by name: the same rules switch both on.
Q_LOGGING_CATEGORY(lcApi, "faultshare.api", QtWarningMsg)

// The certificates of a PEM file, or none with *problem saying why.
QList<QSslCertificate> readCaFile(const QString& path, CaFileProblem* problem)
{
    // Far above any real bundle (the system's is about 200 KiB); a wrong file is not read whole.
    constexpr qint64 MaxCaFileBytes = 16 * 1024 * 1024;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = {CaFileProblem::Kind::Unreadable, file.errorString()};
        return {};
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.read(MaxCaFileBytes), QSsl::Pem);
    if (certificates.isEmpty())
        *problem = {CaFileProblem::Kind::NoCertificate, {}};
    return certificates;
}

// Every request verifies its peer, whatever the process-wide default says.
QSslConfiguration baseTlsConfiguration()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

QNetworkProxy toNetworkProxy(const ProxySettings& settings)
{
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    case ProxySettings::Mode::None:
        return QNetworkProxy(QNetworkProxy::NoProxy);
    case ProxySettings::Mode::Http:
        return QNetworkProxy(QNetworkProxy::HttpProxy, settings.host.trimmed(), quint16(settings.port));
    case ProxySettings::Mode::Socks5:
        return QNetworkProxy(QNetworkProxy::Socks5Proxy, settings.host.trimmed(), quint16(settings.port));
    }
    return QNetworkProxy(QNetworkProxy::DefaultProxy);
}

// The POST body, readable once. Qt's HTTP layer silently sends a request again when the
// connection breaks before an answer (up to three more times), and each POST may mint a
// token. This body then refuses to rewind, so the reply fails (ContentReSendError)
// instead. It rewinds only for a 307/308 redirect, whose status has arrived by then, and
// once each time the transport answered a proxy's 407 with credentials: the proxy did not
// pass the request on, so sending it again cannot mint a second token.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, std::shared_ptr<const int> proxyAnswers)
        : m_data(std::move(data))
        , m_proxyAnswers(std::move(proxyAnswers))
        , m_proxyAnswersUsed(*m_proxyAnswers)
    {
        open(QIODevice::ReadOnly);
    }
    qint64 size() const override { return m_data.size(); }
    bool reset() override
    {
        const auto* reply = qobject_cast<QNetworkReply*>(parent());
        const int status = reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
        // Nothing read yet (Qt rewinds before it sends), a redirect, or the resend after
        // credentials went to a proxy.
        const bool redirect = status == 307 || status == 308;
        if (m_offset != 0 && !redirect) {
            if (*m_proxyAnswers <= m_proxyAnswersUsed)
                return false;
            m_proxyAnswersUsed = *m_proxyAnswers;
        }
        m_offset = 0;
        return QIODevice::reset();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, qint64(m_data.size()) - m_offset);
        std::copy_n(m_data.constData() + m_offset, n, data);
        m_offset += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    const QByteArray m_data;
    qint64 m_offset = 0;
    const std::shared_ptr<const int> m_proxyAnswers;
    int m_proxyAnswersUsed = 0;
};

using LoopbackRule = std::function<bool(const QString& host)>;

// The proxies a request goes through, first choice first. A loopback host is always
// reached directly, whatever the mode (security rule 10): the key sent to an API on this
// computer must never leave it, and neither a proxy named in Settings nor http_proxy in
// the environment (the system mode's default on Linux) may see it. Otherwise: none, the
// explicit proxy, or the system's configuration (on Linux the proxy environment
// variables or the desktop's settings), whatever the process-wide default.
QList<QNetworkProxy> proxiesFor(const LoopbackRule& isLoopback, ProxySettings::Mode mode,
                                const QNetworkProxy& explicitProxy, const QNetworkProxyQuery& query)
{
    if (isLoopback(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    if (mode != ProxySettings::Mode::System)
        return {explicitProxy};
    QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(query);
    if (proxies.isEmpty())
        proxies << QNetworkProxy(QNetworkProxy::NoProxy);
    return proxies;
}

// Every mode goes through this factory, so that the loopback rule of proxiesFor() holds
// for each request, redirects included. Holds no credentials: the transport answers the
// proxy's challenge itself.
class ProxyFactory final : public QNetworkProxyFactory
{
public:
    ProxyFactory(LoopbackRule isLoopback, const ProxySettings& settings)
        : m_isLoopback(std::move(isLoopback))
        , m_mode(settings.mode)
        , m_explicitProxy(toNetworkProxy(settings))
    {
    }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        return proxiesFor(m_isLoopback, m_mode, m_explicitProxy, query);
    }

private:
    const LoopbackRule m_isLoopback;
    const ProxySettings::Mode m_mode;
    const QNetworkProxy m_explicitProxy;
};

TlsTrouble tlsTrouble(const QList<QSslError>& errors)
{
    const auto has = [&errors](std::initializer_list<QSslError::SslError> kinds) {
        return std::any_of(errors.cbegin(), errors.cend(), [&kinds](const QSslError& error) {
            return std::find(kinds.begin(), kinds.end(), error.error()) != kinds.end();
        });
    };
    if (errors.isEmpty())
        return TlsTrouble::None;
    if (has({QSslError::CertificateExpired, QSslError::CertificateNotYetValid}))
        return TlsTrouble::Expired;
    if (has({QSslError::HostNameMismatch}))
        return TlsTrouble::HostName;
    if (has({QSslError::SelfSignedCertificate}))
        return TlsTrouble::SelfSigned;
    if (has({QSslError::SelfSignedCertificateInChain, QSslError::UnableToGetIssuerCertificate,
             QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate,
             QSslError::CertificateUntrusted}))
        return TlsTrouble::UnknownIssuer;
    return TlsTrouble::Other;
}

Failure failureOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
        return Failure::None;
    case QNetworkReply::ConnectionRefusedError:
        return Failure::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError: // the connection broke before an answer (OneShotBody)
        return Failure::ClosedEarly;
    case QNetworkReply::HostNotFoundError:
        return Failure::HostNotFound;
    case QNetworkReply::TimeoutError:
        return Failure::Timeout;
    case QNetworkReply::OperationCanceledError:
        return Failure::Cancelled;
    case QNetworkReply::SslHandshakeFailedError:
        return Failure::TlsHandshake;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return Failure::NetworkUnavailable;
    case QNetworkReply::ProxyConnectionRefusedError:
        return Failure::ProxyRefused;
    case QNetworkReply::ProxyConnectionClosedError:
        return Failure::ProxyClosed;
    case QNetworkReply::ProxyNotFoundError:
        return Failure::ProxyNotFound;
    case QNetworkReply::ProxyTimeoutError:
        return Failure::ProxyTimeout;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return Failure::ProxyAuth;
    case QNetworkReply::UnknownProxyError:
        return Failure::ProxyFailed;
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return Failure::Redirects;
    case QNetworkReply::UnknownNetworkError:
        return Failure::Unknown;
    case QNetworkReply::UnknownContentError: // e.g. a compressed body that does not decompress
        return Failure::Undecodable;
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return Failure::Protocol;
    default:
        return Failure::Other;
    }
}

class QtExchange final : public Exchange
{
public:
    QtExchange(QNetworkReply* reply, Events events)
        : m_reply(reply)
        , m_events(std::move(events))
    {
        QObject::connect(reply, &QNetworkReply::redirected, &m_receiver, [this](const QUrl& target) {
            if (m_events.redirected)
                m_events.redirected(target);
        });
        QObject::connect(reply, &QNetworkReply::sslErrors, &m_receiver, [this](const QList<QSslError>& errors) {
            // Never ignored: the reply fails with SslHandshakeFailedError.
            if (m_events.tlsRefused && !errors.isEmpty())
                m_events.tlsRefused(tlsTrouble(errors), errors.first().errorString());
        });
        QObject::connect(reply, &QNetworkReply::metaDataChanged, &m_receiver, [this] {
            if (m_events.headers) {
                const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
                m_events.headers(length.isValid() ? length.toLongLong() : -1);
            }
        });
        QObject::connect(reply, &QNetworkReply::downloadProgress, &m_receiver, [this](qint64 received, qint64) {
            if (m_events.progress)
                m_events.progress(received);
        });
        QObject::connect(reply, &QNetworkReply::finished, &m_receiver, [this] {
            if (m_events.finished)
                m_events.finished();
        });
    }
    ~QtExchange() override
    {
        if (!m_reply)
            return;
        // Only this exchange's connections: the manager keeps its own to the reply.
        m_reply->disconnect(&m_receiver);
        m_reply->abort();
        m_reply->deleteLater();
    }
    void abort() override
    {
        if (m_reply)
            m_reply->abort();
    }
    void allowRedirect() override
    {
        if (m_reply)
            Q_EMIT m_reply->redirectAllowed();
    }
    std::optional<int> status() const override
    {
        const QVariant status = m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute) : QVariant();
        return status.isValid() ? std::optional<int>(status.toInt()) : std::nullopt;
    }
    QByteArray rawHeader(const QByteArray& name) const override
    {
        return m_reply ? m_reply->rawHeader(name) : QByteArray();
    }
    QByteArray read(qint64 maxBytes) override { return m_reply ? m_reply->read(maxBytes) : QByteArray(); }
    Failure failure() const override { return m_reply ? failureOf(m_reply->error()) : Failure::Cancelled; }
    int errorCode() const override { return m_reply ? int(m_reply->error()) : 0; }

private:
    const QPointer<QNetworkReply> m_reply;
    const Events m_events;
    QObject m_receiver; // the context of the connections to the reply, which end with it
};

class QtTransport final : public Transport
{
public:
    explicit QtTransport(LoopbackRule isLoopback)
        : m_isLoopback(std::move(isLoopback))
    {
        m_nam.setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
        setProxy(ProxySettings{});
        QObject::connect(&m_nam, &QNetworkAccessManager::proxyAuthenticationRequired, &m_nam,
                         [this](const QNetworkProxy&, QAuthenticator* authenticator) {
                             // Left unanswered, the reply fails with ProxyAuthenticationRequiredError.
                             if (!m_proxy.needsPassword()) {
                                 qCWarning(lcApi) << "the proxy asks for a user name and password, and none are set";
                                 return;
                             }
                             if (m_proxyAuthAnswered) {
                                 qCWarning(lcApi) << "the proxy refused the user name or password";
                                 return;
                             }
                             m_proxyAuthAnswered = true;
                             ++*m_proxyAnswers;
                             authenticator->setUser(m_proxy.user);
                             authenticator->setPassword(m_proxy.password);
                         });
    }

    void setProxy(const ProxySettings& proxy) override
    {
        m_proxy = proxy;
        m_proxyAuthAnswered = false;
        m_nam.setProxyFactory(new ProxyFactory(m_isLoopback, proxy));
        // Pooled connections and remembered proxy credentials belong to the previous proxy.
        m_nam.clearAccessCache();
    }

    std::optional<QPair<QString, int>> proxyFor(const QUrl& url) const override
    {
        // The same choice as the manager's factory, so an error names the proxy really used.
        const QList<QNetworkProxy> proxies = proxiesFor(m_isLoopback, m_proxy.mode, toNetworkProxy(m_proxy),
                                                        QNetworkProxyQuery(url));
        if (proxies.isEmpty())
            return std::nullopt;
        const QNetworkProxy& proxy = proxies.first();
        if (proxy.type() != QNetworkProxy::HttpProxy && proxy.type() != QNetworkProxy::Socks5Proxy)
            return std::nullopt;
        return QPair<QString, int>(proxy.hostName(), proxy.port());
    }

    CaFileProblem setCaFile(const QString& path) override
    {
        if (path.isEmpty()) {
            // tlsConfiguration() builds the default on first use.
            m_tls.reset();
            m_nam.clearConnectionCache();
            return {};
        }
        CaFileProblem problem;
        const QList<QSslCertificate> extra = readCaFile(path, &problem);
        if (extra.isEmpty())
            return problem;
        QSslConfiguration tls = baseTlsConfiguration();
        // Where Qt loads the system store on demand (Linux) the default list is empty, and
        // adding to it would replace the system store instead of extending it.
        QList<QSslCertificate> all = tls.caCertificates();
        QSet<QSslCertificate> seen(all.cbegin(), all.cend());
        for (const QList<QSslCertificate>& list : {QSslConfiguration::systemCaCertificates(), extra}) {
            for (const QSslCertificate& certificate : list) {
                if (!seen.contains(certificate)) {
                    seen.insert(certificate);
                    all << certificate;
                }
            }
        }
        tls.setCaCertificates(all);
        m_tls = tls;
        // A pooled connection keeps the configuration it was opened with.
        m_nam.clearConnectionCache();
        return {};
    }

    QSslConfiguration tlsConfiguration() const override
    {
        // Built on first use: loading the TLS library and the system store costs time and
        // memory, and plain http (the loopback demo) never needs them.
        return m_tls ? *m_tls : baseTlsConfiguration();
    }

    std::unique_ptr<Exchange> send(const Request& request, Exchange::Events events) override
    {
        QNetworkRequest httpRequest(request.url);
        for (const auto& [name, value] : request.headers)
            httpRequest.setRawHeader(name, value);
        httpRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        httpRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        // Plain http never meets TLS: redirects to another origin, https included, are
        // refused. Not building the configuration spares loading the TLS library.
        if (request.url.scheme() == QLatin1StringView("https"))
            httpRequest.setSslConfiguration(tlsConfiguration());
        m_proxyAuthAnswered = false;
        QNetworkReply* reply = nullptr;
        if (request.postBody) {
            auto* once = new OneShotBody(*request.postBody, m_proxyAnswers);
            reply = m_nam.post(httpRequest, once);
            once->setParent(reply);
        } else {
            reply = m_nam.get(httpRequest);
        }
        return std::make_unique<QtExchange>(reply, std::move(events));
    }

private:
    const LoopbackRule m_isLoopback;
    QNetworkAccessManager m_nam;
    // Unset until a CA file is set: even an empty QSslConfiguration loads the TLS library.
    std::optional<QSslConfiguration> m_tls;
    ProxySettings m_proxy;
    bool m_proxyAuthAnswered = false; // in the current request; reset by each new request
    // How often credentials were given to a proxy; each lets a POST body rewind once.
    const std::shared_ptr<int> m_proxyAnswers = std::make_shared<int>(0);
};

class QtNetworkModule final : public NetworkModule
{
public:
    std::unique_ptr<Transport> newTransport(LoopbackRule isLoopback) override
    {
        return std::make_unique<QtTransport>(std::move(isLoopback));
    }
    CaFileProblem checkCaFile(const QString& path) override
    {
        CaFileProblem problem;
        readCaFile(path, &problem);
        return problem;
    }
};

} // namespace

} // namespace faultshare::net

FAULTSHARE_MODULE_ENTRY(network, faultshare::net::NetworkModule, faultshare::net::QtNetworkModule)
