#include "ScriptedServer.h"

#include <QHostAddress>
#include <QTcpSocket>

ScriptedServer::ScriptedServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

bool ScriptedServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QByteArray ScriptedServer::response(int status, const QByteArray& body, const QByteArray& contentType,
                                    const QList<QByteArray>& extraHeaders)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n";
    for (const QByteArray& header : extraHeaders)
        raw += header + "\r\n";
    return raw + "\r\n" + body;
}

QByteArray ScriptedServer::header(int i, const QByteArray& name) const
{
    const QByteArray request = m_requests.value(i);
    const QByteArray head = request.left(request.indexOf("\r\n\r\n"));
    for (const QByteArray& line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            socket->setProperty("buffer", buffer);
            const int headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < headEnd + 4 + length)
                return;
            socket->setProperty("buffer", QByteArray());
            m_requests << buffer;
            Q_EMIT requestReceived();
            if (m_silent)
                return;
            socket->write(m_responses.size() > 1 ? m_responses.takeFirst() : m_responses.value(0));
            socket->disconnectFromHost();
        });
    }
}
