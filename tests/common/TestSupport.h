#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

class QTcpSocket;

namespace TestSupport {

// A host name that only the test proxies know (the reserved .test top-level domain never
// resolves here): HttpProxy and Socks5Proxy connect it to 127.0.0.1. A test whose request
// must go through a proxy names it, since ApiClient reaches a loopback address directly
// whatever the proxy settings. The TestPki server certificate covers it.
inline const QByteArray ProxyOnlyHost = QByteArrayLiteral("api.faultshare.test");

// url (e.g. HttpsServer::url()) with ProxyOnlyHost as its host; scheme and port kept.
QUrl viaProxyOnlyHost(const QUrl& url);

// The loopback address a test proxy connects to for host: a loopback address as it is,
// localhost and ProxyOnlyHost as 127.0.0.1; empty for anything else, which a test proxy
// refuses to reach.
QString proxyTargetAddress(const QString& host);

// Every regular file below dir (recursively) whose bytes contain needle, as paths.
// Used to prove that secrets never reach settings or anything under the test HOME.
QStringList filesContaining(const QString& dir, const QByteArray& needle);

// Relays what from receives to to, and closes to once from is closed: with pipe(a, b)
// and pipe(b, a) a test proxy never holds a half connection.
void pipe(QTcpSocket* from, QTcpSocket* to);

} // namespace TestSupport
