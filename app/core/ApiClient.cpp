#include "ApiClient.h"

#include "Logging.h"
#include "Module.h"
#include "NetworkModule.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace faultshare {

namespace {

net::NetworkModule* networkModule(QString* whyNot)
{
    return static_cast<net::NetworkModule*>(Module::load("network", whyNot));
}

// Words that follow "the CA file", or empty when it can be used.
QString caFileProblemText(const net::CaFileProblem& problem)
{
    switch (problem.kind) {
    case net::CaFileProblem::Kind::None:
        return {};
    case net::CaFileProblem::Kind::Unreadable:
        return QCoreApplication::translate("ApiClient", "cannot be read (%1)").arg(problem.detail);
    case net::CaFileProblem::Kind::NoCertificate:
        return QCoreApplication::translate("ApiClient", "holds no PEM certificate");
    }
    return {};
}

} // namespace

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
{
}

ApiClient::~ApiClient()
{
    // Pending requests end their exchanges, which still need the transport: end them first.
    qDeleteAll(findChildren<ApiRequest*>(Qt::FindDirectChildrenOnly));
}

net::Transport* ApiClient::transport(QString* whyNot) const
{
    if (m_transport)
        return m_transport.get();
    net::NetworkModule* module = networkModule(whyNot);
    if (!module)
        return nullptr;
    m_transport = module->newTransport(&EmbedToken::isLoopbackHost);
    m_transport->setProxy(m_proxy);
    return m_transport.get();
}

void ApiClient::setProxy(const ProxySettings& proxy)
{
    m_proxy = proxy;
    if (m_transport)
        m_transport->setProxy(proxy);
    qCInfo(lcApi).noquote() << "proxy:" << ProxySettings::modeName(proxy.mode) << proxy.displayName()
                            << (proxy.user.isEmpty() ? "" : "(with a user name)");
}

QString ApiClient::proxyNameFor(const QUrl& url) const
{
    const net::Transport* through = transport();
    const auto proxy = through ? through->proxyFor(url) : std::nullopt;
    if (!proxy)
        return {};
    ProxySettings settings;
    settings.mode = ProxySettings::Mode::Http;
    settings.host = proxy->first;
    settings.port = proxy->second;
    return settings.displayName();
}

bool ApiClient::setCaFile(const QString& path)
{
    // No CA file is what a new transport starts with; a CA file is read now, which needs one.
    if (path.isEmpty()) {
        if (m_transport)
            m_transport->setCaFile({});
        return true;
    }
    net::Transport* through = transport();
    return through && through->setCaFile(path).kind == net::CaFileProblem::Kind::None;
}

QString ApiClient::checkCaFile(const QString& path)
{
    QString whyNot;
    net::NetworkModule* module = networkModule(&whyNot);
    if (!module)
        return whyNot;
    return caFileProblemText(module->checkCaFile(path));
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
    QList<QPair<QByteArray, QByteArray>> httpHeaders = headers();
    httpHeaders.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    httpHeaders.append({QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8()});

    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("expire_after_minutes"), minutes}})
                                .toJson(QJsonDocument::Compact);
    qCInfo(lcApi) << "requesting a token for" << minutes << "minutes from" << url.host();
    send(request, std::move(httpHeaders), url, body, m_maxBytes, url);
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
    QList<QPair<QByteArray, QByteArray>> httpHeaders = headers();
    if (!m_apiKey.isEmpty())
        httpHeaders.append({QByteArrayLiteral("Authorization"), "Bearer " + m_apiKey.toUtf8()});
    qCInfo(lcApi) << "requesting a link preview from" << url.host();
    send(request, std::move(httpHeaders), url, std::nullopt, m_maxFaultListBytes, m_apiUrl);
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

QList<QPair<QByteArray, QByteArray>> ApiClient::headers() const
{
    return {{QByteArrayLiteral("User-Agent"), QByteArrayLiteral("FaultShare/" FAULTSHARE_VERSION)},
            {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
}

void ApiClient::send(ApiRequest* request, QList<QPair<QByteArray, QByteArray>> headers, const QUrl& url,
                     std::optional<QByteArray> postBody, qint64 maxBytes, const QUrl& origin)
{
    QString whyNot;
    net::Transport* through = transport(&whyNot);
    if (!through) {
        request->failLater(ApiError::ofSentence(ApiError::Kind::Installation, Module::missingSentence(whyNot)));
        return;
    }
    net::Request httpRequest{url, std::move(headers), std::move(postBody)};
    request->start(*through, httpRequest, m_timeout, maxBytes, origin, proxyNameFor(url));
}

} // namespace faultshare
