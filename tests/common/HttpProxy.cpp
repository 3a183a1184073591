#include "HttpProxy.h"

#include "TestSupport.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;
const char* const BufferProperty = "httpProxyBuffer";

QByteArray simpleResponse(int status, const QByteArray& reason, const QList<QByteArray>& headers = {})
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    for (const QByteArray& header : headers)
        raw += header + "\r\n";
    return raw + "Content-Length: 0\r\n\r\n";
}

} // namespace

HttpProxy::HttpProxy(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpProxy::onNewConnection);
}

HttpProxy::~HttpProxy()
{
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>())
        socket->disconnect(this);
}

bool HttpProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void HttpProxy::close()
{
    m_server.close();
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>())
        socket->abort();
}

void HttpProxy::requireBasicAuth(const QByteArray& user, const QByteArray& password)
{
    m_expectedAuthorization = "Basic " + QByteArray(user + ':' + password).toBase64();
}

qsizetype HttpProxy::forwardedCount(const QByteArray& method) const
{
    return std::count_if(m_requests.cbegin(), m_requests.cend(),
                         [&method](const Request& r) { return r.forwarded && r.method == method; });
}

void HttpProxy::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        connect(client, &QTcpSocket::readyRead, this, [this, client] { readRequests(client); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

void HttpProxy::readRequests(QTcpSocket* client)
{
    // Once a request is forwarded or tunnelled, the connection's bytes belong to it.
    if (client->property("httpProxyBusy").toBool())
        return;
    QByteArray buffer = client->property(BufferProperty).toByteArray() + client->readAll();
    while (true) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (buffer.size() > MaxHeadBytes)
                client->abort();
            else
                client->setProperty(BufferProperty, buffer);
            return;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3) {
            client->write(simpleResponse(400, "Bad Request"));
            client->disconnectFromHost();
            return;
        }
        QList<QByteArray> headers;
        QByteArray authorization;
        qint64 contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "proxy-authorization")
                authorization = value;
            else if (name == "content-length")
                contentLength = value.toLongLong();
            if (!name.startsWith("proxy-"))
                headers << line;
        }
        const qsizetype bodyStart = headEnd + 4;
        if (buffer.size() - bodyStart < contentLength) {
            client->setProperty(BufferProperty, buffer);
            return;
        }
        const QByteArray body = buffer.mid(bodyStart, contentLength);
        buffer.remove(0, bodyStart + contentLength);
        client->setProperty(BufferProperty, buffer);

        Request request{requestLine.at(0), requestLine.at(1), authorization, false};
        const bool authorized = m_expectedAuthorization.isEmpty() || authorization == m_expectedAuthorization;
        if (!authorized) {
            m_requests << request;
            Q_EMIT requestReceived();
            // The connection stays open for the answer with credentials.
            client->write(simpleResponse(407, "Proxy Authentication Required",
                                         {"Proxy-Authenticate: Basic realm=\"test proxy\""}));
            continue;
        }
        request.forwarded = true;
        m_requests << request;
        Q_EMIT requestReceived();
        client->setProperty("httpProxyBusy", true);
        if (request.method == "CONNECT")
            tunnel(client, request.target);
        else
            forward(client, request.method, request.target, requestLine.at(2), headers, body);
        return;
    }
}

void HttpProxy::forward(QTcpSocket* client, const QByteArray& method, const QByteArray& target,
                        const QByteArray& version, const QList<QByteArray>& headers, const QByteArray& body)
{
    const QUrl url(QString::fromLatin1(target), QUrl::StrictMode);
    const QString address = TestSupport::proxyTargetAddress(url.host());
    if (url.scheme() != QLatin1StringView("http") || address.isEmpty()) {
        client->write(simpleResponse(403, "Forbidden"));
        client->disconnectFromHost();
        return;
    }
    QByteArray head = method + ' ' + url.path(QUrl::FullyEncoded).toLatin1();
    if (url.hasQuery())
        head += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    head += ' ' + version + "\r\n";
    for (const QByteArray& header : headers) {
        if (!header.toLower().startsWith("connection:"))
            head += header + "\r\n";
    }
    head += "Connection: close\r\n\r\n";

    auto* upstream = new QTcpSocket(client);
    // The answer goes back with "Connection: close": the client then ends the connection
    // after it, and its next request comes on a new one.
    connect(upstream, &QTcpSocket::readyRead, client, [client, upstream, head = QByteArray(), sent = false]() mutable {
        if (sent) {
            client->write(upstream->readAll());
            return;
        }
        head += upstream->readAll();
        const qsizetype lineEnd = head.indexOf("\r\n");
        if (lineEnd < 0)
            return;
        head.insert(lineEnd + 2, "Connection: close\r\n");
        client->write(head);
        sent = true;
    });
    connect(upstream, &QTcpSocket::disconnected, client, [client, upstream] {
        client->write(upstream->readAll());
        client->disconnectFromHost();
    });
    connect(upstream, &QTcpSocket::connected, upstream, [upstream, head, body] { upstream->write(head + body); });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError && upstream->state() != QAbstractSocket::ConnectedState) {
            client->write(simpleResponse(502, "Bad Gateway"));
            client->disconnectFromHost();
        }
    });
    upstream->connectToHost(address, quint16(url.port(80)));
}

void HttpProxy::tunnel(QTcpSocket* client, const QByteArray& hostPort)
{
    const QUrl url(QStringLiteral("//") + QString::fromLatin1(hostPort));
    const QString address = TestSupport::proxyTargetAddress(url.host());
    if (!url.isValid() || url.port() <= 0 || address.isEmpty()) {
        client->write(simpleResponse(403, "Forbidden"));
        client->disconnectFromHost();
        return;
    }
    auto* upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, client, [client, upstream] {
        client->write("HTTP/1.1 200 Connection established\r\n\r\n");
        const QByteArray early = client->property(BufferProperty).toByteArray() + client->readAll();
        if (!early.isEmpty())
            upstream->write(early);
        TestSupport::pipe(client, upstream);
        TestSupport::pipe(upstream, client);
    });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream] {
        if (upstream->state() != QAbstractSocket::ConnectedState) {
            client->write(simpleResponse(502, "Bad Gateway"));
            client->disconnectFromHost();
        }
    });
    upstream->connectToHost(address, quint16(url.port()));
}
