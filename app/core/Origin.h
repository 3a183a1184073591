#pragma once

#include <QString>
#include <QUrl>

namespace faultshare {

struct ProxySettings;

// Where a secret may go: scheme, host and port, as "https://v1.api.altostrat.io:443"
// (lower-case host, the port always written). Each stored secret (API key, proxy
// password) is bound to one origin and sent nowhere else (DESIGN.md, security rule 9).
namespace Origin {

// The origin of an http(s) URL; empty for anything else.
QString of(const QUrl& url);
// The origin of an explicit proxy ("http://proxy:3128", "socks5://proxy:1080"); empty
// for the system's proxy configuration or none.
QString ofProxy(const ProxySettings& proxy);
// Whether two URLs share scheme, host and port.
bool same(const QUrl& a, const QUrl& b);
// An origin as an operator reads it: the host, with the port when it is not the
// scheme's own ("v1.api.altostrat.io", "127.0.0.1:8080", "proxy.corp:3128").
QString hostText(const QString& origin);

} // namespace Origin

} // namespace faultshare
