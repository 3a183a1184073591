#include "ApiClient.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QAuthenticator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>
#include <memory>

namespace faultshare {

namespace {

// The certificates of a PEM file, or none with *whyNot saying why.
QList<QSslCertificate> readCaFile(const QString& path, QString* whyNot)
{
    // Far above any real bundle (the system's is about 200 KiB); a wrong file is not read whole.
    constexpr qint64 MaxCaFileBytes = 16 * 1024 * 1024;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *whyNot = QCoreApplication::translate("ApiClient", "cannot be read (%1)").arg(file.errorString());
        return {};
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.read(MaxCaFileBytes), QSsl::Pem);
    if (certificates.isEmpty())
        *whyNot = QCoreApplication::translate("ApiClient", "holds no PEM certificate");
    return certificates;
}

// Every request verifies its peer, whatever the process-wide default says.
QSslConfiguration baseTlsConfiguration()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}

// The POST body, readable once. Qt's HTTP layer silently sends a request again when the
// connection breaks before an answer (up to three more times), and each POST may mint a
// token. This body then refuses to rewind, so the reply fails (ContentReSendError)
// instead. It rewinds only for a 307/308 redirect, whose status has arrived by then, and
// once each time the client answered a proxy's 407 with credentials: the proxy did not
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

// The proxies a request goes through, first choice first. A loopback host is always
// reached directly, whatever the mode (security rule 10): the key sent to an API on this
// computer must never leave it, and neither a proxy named in Settings nor http_proxy in
// the environment (the system mode's default on Linux) may see it. Otherwise: none, the
// explicit proxy, or the system's configuration (on Linux the proxy environment
// variables or the desktop's settings), whatever the process-wide default.
QList<QNetworkProxy> proxiesFor(ProxySettings::Mode mode, const QNetworkProxy& explicitProxy,
                                const QNetworkProxyQuery& query)
{
    if (EmbedToken::isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    if (mode != ProxySettings::Mode::System)
        return {explicitProxy};
    QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(query);
    if (proxies.isEmpty())
        proxies << QNetworkProxy(QNetworkProxy::NoProxy);
    return proxies;
}

// Every mode goes through this factory, so that the loopback rule of proxiesFor() holds
// for each request, redirects included. Holds no credentials: ApiClient answers the
// proxy's challenge itself.
class ProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit ProxyFactory(const ProxySettings& settings)
        : m_mode(settings.mode)
        , m_explicitProxy(settings.toNetworkProxy())
    {
    }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        return proxiesFor(m_mode, m_explicitProxy, query);
    }

private:
    const ProxySettings::Mode m_mode;
    const QNetworkProxy m_explicitProxy;
};

QString proxyDisplayName(const QNetworkProxy& proxy)
{
    if (proxy.type() != QNetworkProxy::HttpProxy && proxy.type() != QNetworkProxy::Socks5Proxy)
        return {};
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Http;
    settings.host = proxy.hostName();
    settings.port = proxy.port();
    return settings.displayName();
}

} // namespace

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::UserVerifiedRedirectPolicy);
    setProxy(ProxySettings{});
    connect(m_nam, &QNetworkAccessManager::proxyAuthenticationRequired, this,
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

ApiClient::~ApiClient()
{
    // Pending requests abort their replies, which still need the manager: end them first
    // (children go in creation order, and the manager came first).
    qDeleteAll(findChildren<ApiRequest*>(Qt::FindDirectChildrenOnly));
}

void ApiClient::setProxy(const ProxySettings& proxy)
{
    m_proxy = proxy;
    m_proxyAuthAnswered = false;
    m_nam->setProxyFactory(new ProxyFactory(proxy));
    // Pooled connections and remembered proxy credentials belong to the previous proxy.
    m_nam->clearAccessCache();
    qCInfo(lcApi).noquote() << "proxy:" << ProxySettings::modeName(proxy.mode) << proxy.displayName()
                            << (proxy.user.isEmpty() ? "" : "(with a user name)");
}

QString ApiClient::proxyNameFor(const QUrl& url) const
{
    // The same choice as the manager's factory, so an error names the proxy really used.
    const QList<QNetworkProxy> proxies = proxiesFor(m_proxy.mode, m_proxy.toNetworkProxy(), QNetworkProxyQuery(url));
    return proxies.isEmpty() ? QString() : proxyDisplayName(proxies.first());
}

QSslConfiguration ApiClient::sslConfiguration() const
{
    // Built on first use: loading the TLS library and the system store costs start-up
    // time and memory, and a window that has made no request yet needs neither.
    return m_tls ? *m_tls : baseTlsConfiguration();
}

bool ApiClient::setCaFile(const QString& path)
{
    if (path.isEmpty()) {
        // sslConfiguration() builds the default on first use.
        m_tls.reset();
        m_nam->clearConnectionCache();
        return true;
    }
    QSslConfiguration tls = baseTlsConfiguration();
    QString whyNot;
    const QList<QSslCertificate> extra = readCaFile(path, &whyNot);
    if (extra.isEmpty())
        return false;
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
    m_nam->clearConnectionCache();
    return true;
}

QString ApiClient::checkCaFile(const QString& path)
{
    QString whyNot;
    readCaFile(path, &whyNot);
    return whyNot;
}

QString ApiClient::checkApiUrl(const QUrl& url)
{
    if (url.isEmpty() || !url.isValid() || url.isRelative() || url.host().isEmpty())
        return QCoreApplication::translate("ApiClient", "Enter the API URL, for example https://v1.api.altostrat.io.");
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("ApiClient", "The API URL must not contain a user name or password.");
    if (url.hasQuery() || url.hasFragment())
        return QCoreApplication::translate("ApiClient", "The API URL must not contain ? or #.");
    if (url.scheme() == QLatin1StringView("https"))
        return {};
    if (url.scheme() == QLatin1StringView("http") && EmbedToken::isLoopbackHost(url.host()))
        return {};
    return QCoreApplication::translate("ApiClient", "The API URL must start with https:// (plain http only for this computer).");
}

QString ApiClient::checkApiKey(const QString& key)
{
    // An API key (tokenId:teamId:secret), a JWT or any other bearer string is sent as it
    // is; refused is only what can never be a header value.
    if (key.trimmed().isEmpty())
        return QCoreApplication::translate("ApiClient", "Paste the API key or token.");
    for (const QChar c : key) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QCoreApplication::translate("ApiClient", "The API key or token contains spaces or control characters that cannot be sent; paste it again.");
    }
    if (key.toUtf8().size() > MaxApiKeyBytes)
        return QCoreApplication::translate("ApiClient", "The API key or token is longer than %1 KiB; paste only the key.").arg(MaxApiKeyBytes / 1024);
    return {};
}

TokenRequest* ApiClient::requestToken(int minutes)
{
    auto* request = new TokenRequest(this);
    if (minutes < MinMinutes || minutes > MaxMinutes) {
        request->failLater(ApiError(ApiError::Kind::InvalidInput,
                                    QCoreApplication::translate("ApiClient", "The expiry must be between 1 minute and 30 days (1 to 43200 minutes).")));
        return request;
    }
    if (const QString why = checkApiUrl(m_apiUrl); !why.isEmpty()) {
        request->failLater(ApiError(ApiError::Kind::InvalidInput, why));
        return request;
    }
    if (m_apiKey.isEmpty()) {
        request->failLater(ApiError(ApiError::Kind::NoApiKey));
        return request;
    }

    const QUrl url = endpoint(QStringLiteral("/fault/token"));
    QNetworkRequest httpRequest = newRequest(url);
    httpRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    httpRequest.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());

    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("expire_after_minutes"), minutes}})
                                .toJson(QJsonDocument::Compact);
    qCInfo(lcApi) << "requesting a token for" << minutes << "minutes from" << url.host();
    auto* once = new OneShotBody(body, m_proxyAnswers);
    m_proxyAuthAnswered = false;
    QNetworkReply* reply = m_nam->post(httpRequest, once);
    once->setParent(reply);
    request->start(reply, m_timeout, m_maxBytes, url, proxyNameFor(url));
    return request;
}

FaultsRequest* ApiClient::requestFaults(const QString& token)
{
    auto* request = new FaultsRequest(this, !m_apiKey.isEmpty());
    if (token.isEmpty() || token.size() > MaxPreviewTokenLength) {
        request->failLater(ApiError(ApiError::Kind::InvalidInput,
                                    QCoreApplication::translate("ApiClient", "There is no usable token to preview; generate a new link and try again.")));
        return request;
    }
    if (const QString why = checkApiUrl(m_apiUrl); !why.isEmpty()) {
        request->failLater(ApiError(ApiError::Kind::InvalidInput, why));
        return request;
    }

    // Every byte outside the unreserved set is escaped, '/' and '?' included: the token
    // stays one path segment whatever it holds.
    const QUrl url = endpoint(QStringLiteral("/fault/token/") + QString::fromLatin1(QUrl::toPercentEncoding(token)));
    // The reference's operations all inherit Bearer auth: the key goes along when there is
    // one (to this client's origin only, as for the POST); without one the API decides.
    QNetworkRequest httpRequest = newRequest(url);
    if (!m_apiKey.isEmpty())
        httpRequest.setRawHeader("Authorization", "Bearer " + m_apiKey.toUtf8());
    qCInfo(lcApi) << "requesting a link preview from" << url.host();
    m_proxyAuthAnswered = false;
    QNetworkReply* reply = m_nam->get(httpRequest);
    request->start(reply, m_timeout, m_maxFaultListBytes, m_apiUrl, proxyNameFor(url));
    return request;
}

QUrl ApiClient::endpoint(const QString& encodedTail) const
{
    QUrl url = m_apiUrl;
    QString path = url.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + encodedTail, QUrl::TolerantMode);
    return url;
}

QNetworkRequest ApiClient::newRequest(const QUrl& url) const
{
    QNetworkRequest httpRequest(url);
    httpRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("FaultShare/" FAULTSHARE_VERSION));
    httpRequest.setRawHeader("Accept", "application/json");
    httpRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    httpRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // Plain http (the loopback demo) never meets TLS: redirects to another origin, https
    // included, are refused. Not building the configuration spares loading the TLS library.
    if (url.scheme() == QLatin1StringView("https"))
        httpRequest.setSslConfiguration(sslConfiguration());
    return httpRequest;
}

} // namespace faultshare
