#include "TestSupport.h"

#include <QDirIterator>
#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>

namespace TestSupport {

QUrl viaProxyOnlyHost(const QUrl& url)
{
    QUrl proxied = url;
    proxied.setHost(QString::fromLatin1(ProxyOnlyHost));
    return proxied;
}

QString proxyTargetAddress(const QString& host)
{
    if (host.compare(QLatin1StringView(ProxyOnlyHost), Qt::CaseInsensitive) == 0
        || host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback() ? address.toString() : QString();
}

QStringList filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

void pipe(QTcpSocket* from, QTcpSocket* to)
{
    QObject::connect(from, &QTcpSocket::readyRead, to, [from, to] {
        if (to->isOpen())
            to->write(from->readAll());
    });
    QObject::connect(from, &QTcpSocket::disconnected, to, [from, to] {
        if (from->isOpen() && to->isOpen())
            to->write(from->readAll());
        to->disconnectFromHost();
    });
}

} // namespace TestSupport
