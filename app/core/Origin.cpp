#include "Origin.h"

#include "ProxySettings.h"

namespace faultshare {

namespace {

int defaultPort(const QString& scheme)
{
    if (scheme == QLatin1StringView("https"))
        return 443;
    if (scheme == QLatin1StringView("http"))
        return 80;
    if (scheme == QLatin1StringView("socks5"))
        return 1080;
    return -1;
}

QString compose(const QString& scheme, QString host, int port)
{
    // IPv6 addresses keep their brackets, as in a URL.
    if (host.contains(QLatin1Char(':')) && !host.startsWith(QLatin1Char('[')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return scheme + QStringLiteral("://") + host.toLower() + QLatin1Char(':') + QString::number(port);
}

} // namespace

namespace Origin {

QString of(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if ((scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http")) || url.host().isEmpty())
        return {};
    return compose(scheme, url.host(), url.port(defaultPort(scheme)));
}

QString ofProxy(const ProxySettings& proxy)
{
    if (!proxy.isExplicit() || proxy.host.isEmpty())
        return {};
    return compose(proxy.mode == ProxySettings::Mode::Socks5 ? QStringLiteral("socks5") : QStringLiteral("http"),
                   proxy.host, proxy.port);
}

bool same(const QUrl& a, const QUrl& b)
{
    const QString origin = of(a);
    return !origin.isEmpty() && origin == of(b);
}

QString hostText(const QString& origin)
{
    const QUrl url(origin);
    if (origin.isEmpty() || !url.isValid())
        return origin;
    QString host = url.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const int port = url.port();
    return port < 0 || port == defaultPort(url.scheme()) ? host : host + QLatin1Char(':') + QString::number(port);
}

} // namespace Origin

} // namespace faultshare
