#include "ProxySettings.h"

#include <QCoreApplication>

namespace faultshare {

QString ProxySettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::System:
        return QStringLiteral("system");
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Http:
        return QStringLiteral("http");
    case Mode::Socks5:
        return QStringLiteral("socks5");
    }
    return QStringLiteral("system");
}

std::optional<ProxySettings::Mode> ProxySettings::modeFromName(const QString& name)
{
    for (const Mode mode : {Mode::System, Mode::None, Mode::Http, Mode::Socks5}) {
        if (name == modeName(mode))
            return mode;
    }
    return std::nullopt;
}

QString ProxySettings::check() const
{
    if (!isExplicit())
        return {};
    const QString trimmed = host.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("ProxySettings", "Enter the proxy's host name or address.");
    for (const QChar c : trimmed) {
        if (c.isSpace() || c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('?')
            || c == QLatin1Char('#') || c.category() == QChar::Other_Control)
            return QCoreApplication::translate("ProxySettings", "The proxy host must be a host name or an address, without a scheme, path or user name.");
    }
    if (port < 1 || port > 65535)
        return QCoreApplication::translate("ProxySettings", "The proxy port must be a number from 1 to 65535.");
    return {};
}

QString ProxySettings::displayName() const
{
    if (!isExplicit())
        return {};
    const QString trimmed = host.trimmed();
    // Only an IPv6 address has a colon in a host.
    const bool ipv6 = trimmed.contains(QLatin1Char(':'));
    return (ipv6 ? QLatin1Char('[') + trimmed + QLatin1Char(']') : trimmed) + QLatin1Char(':') + QString::number(port);
}

} // namespace faultshare
