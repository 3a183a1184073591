#include "ScriptedServer.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

ScriptedServer::ScriptedServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer()
{
    // The open connections go with m_server, after the members they report to.
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>())
        socket->disconnect(this);
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
    return head(status, body.size(), contentType, extraHeaders) + body;
}

QByteArray ScriptedServer::head(int status, qint64 contentLength, const QByteArray& contentType,
                                const QList<QByteArray>& extraHeaders)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
    if (!contentType.isEmpty())
        raw += "Content-Type: " + contentType + "\r\n";
    if (contentLength >= 0)
        raw += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    raw += "Connection: close\r\n";
    for (const QByteArray& header : extraHeaders)
        raw += header + "\r\n";
    return raw + "\r\n";
}

void ScriptedServer::setFault(const Fault& fault)
{
    m_fault = fault;
    m_faultSent = 0;
    m_faultCompleted = false;
}

void ScriptedServer::play(QTcpSocket* socket)
{
    // The fault's state lives with the connection: its timer and handlers go with the socket.
    struct State
    {
        int chunksLeft = 0;
        bool ended = false;
    };
    const Fault fault = *m_fault;
    const auto state = std::make_shared<State>(State{fault.chunks, false});
    m_faultSent = 0;
    m_faultCompleted = false;
    auto* pause = new QTimer(socket);
    pause->setSingleShot(true);

    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (!m_faultCompleted)
            Q_EMIT faultEnded();
    });
    const auto end = [this, socket, fault] {
        m_faultCompleted = true;
        Q_EMIT faultEnded();
        if (fault.end == Fault::End::Close) {
            socket->disconnectFromHost();
        } else if (fault.end == Fault::End::Reset) {
            // A moment for the peer to read what was sent, then SO_LINGER 0 makes the
            // close an RST instead of a FIN.
            QTimer::singleShot(20, socket, [socket] {
#ifdef Q_OS_UNIX
                const linger reset{1, 0};
                ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
#endif
                socket->abort();
            });
        }
    };
    // The next move, once everything so far has reached the kernel.
    const auto step = [socket, pause, state, fault, end] {
        if (state->ended || socket->bytesToWrite() > 0 || pause->isActive())
            return;
        if (state->chunksLeft > 0) {
            pause->start(fault.interval);
            return;
        }
        state->ended = true;
        end();
    };
    connect(pause, &QTimer::timeout, socket, [socket, state, fault, step] {
        --state->chunksLeft;
        socket->write(fault.chunk);
        step();
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, step](qint64 bytes) {
        m_faultSent += bytes;
        step();
    });
    QTimer::singleShot(fault.delay, socket, [socket, fault, step] {
        socket->write(fault.bytes);
        step();
    });
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

qsizetype ScriptedServer::openConnections() const
{
    return m_server.findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly).size();
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
            if (m_fault) {
                play(socket);
                return;
            }
            socket->write(m_responses.size() > 1 ? m_responses.takeFirst() : m_responses.value(0));
            socket->disconnectFromHost();
        });
    }
}
