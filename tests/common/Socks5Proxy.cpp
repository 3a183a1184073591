#include "Socks5Proxy.h"

#include "TestSupport.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QtEndian>

#include <algorithm>

namespace {

// Per-connection state, kept on the client socket.
const char* const StageProperty = "socks5Stage";
const char* const BufferProperty = "socks5Buffer";
const char* const UserProperty = "socks5User";
const char* const MatchedProperty = "socks5Matched";

enum Stage { Greeting, Auth, Request, Relaying, Closed };

constexpr char Version = 0x05;
constexpr char NoAuth = 0x00;
constexpr char UserPassword = 0x02;
constexpr char NoAcceptableMethod = char(0xff);
constexpr char Succeeded = 0x00;
constexpr char NotAllowed = 0x02;
constexpr char HostUnreachable = 0x04;
constexpr char CommandNotSupported = 0x07;

QByteArray reply(char code)
{
    // VER REP RSV ATYP=IPv4 BND.ADDR=0.0.0.0 BND.PORT=0
    QByteArray answer("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10);
    answer[1] = code;
    return answer;
}

} // namespace

Socks5Proxy::Socks5Proxy(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &Socks5Proxy::onNewConnection);
}

Socks5Proxy::~Socks5Proxy()
{
    for (QTcpSocket* socket : m_server.findChildren<QTcpSocket*>())
        socket->disconnect(this);
}

bool Socks5Proxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void Socks5Proxy::requireAuth(const QByteArray& user, const QByteArray& password)
{
    m_user = user;
    m_password = password;
}

qsizetype Socks5Proxy::forwardedCount() const
{
    return std::count_if(m_connections.cbegin(), m_connections.cend(),
                         [](const Connection& connection) { return connection.forwarded; });
}

void Socks5Proxy::onNewConnection()
{
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        client->setProperty(StageProperty, Greeting);
        connect(client, &QTcpSocket::readyRead, this, [this, client] { readFrom(client); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }
}

void Socks5Proxy::readFrom(QTcpSocket* client)
{
    // Once relaying, the bytes are the pipe's.
    if (client->property(StageProperty).toInt() >= Relaying)
        return;
    QByteArray buffer = client->property(BufferProperty).toByteArray() + client->readAll();
    const auto keep = [client, &buffer](qsizetype used) {
        buffer.remove(0, used);
        client->setProperty(BufferProperty, buffer);
    };
    const auto fail = [client](const QByteArray& answer) {
        client->setProperty(StageProperty, Closed);
        client->write(answer);
        client->disconnectFromHost();
    };
    const auto byte = [&buffer](qsizetype i) { return quint8(buffer.at(i)); };

    for (;;) {
        switch (Stage(client->property(StageProperty).toInt())) {
        case Greeting: {
            if (buffer.size() < 2 || buffer.size() < 2 + byte(1))
                return keep(0);
            if (buffer.at(0) != Version)
                return fail({});
            const QByteArray methods = buffer.mid(2, byte(1));
            const char method = m_user.isEmpty() ? NoAuth : UserPassword;
            keep(2 + byte(1));
            if (!methods.contains(method))
                return fail(QByteArray(1, Version) + NoAcceptableMethod);
            client->write(QByteArray(1, Version) + method);
            client->setProperty(StageProperty, method == NoAuth ? Request : Auth);
            break;
        }
        case Auth: {
            // VER=1 ULEN UNAME PLEN PASSWD
            if (buffer.size() < 2 || buffer.size() < 3 + byte(1) || buffer.size() < 3 + byte(1) + byte(2 + byte(1)))
                return keep(0);
            const int userLength = byte(1);
            const QByteArray user = buffer.mid(2, userLength);
            const QByteArray password = buffer.mid(3 + userLength, byte(2 + userLength));
            keep(3 + userLength + password.size());
            const bool matched = user == m_user && password == m_password;
            client->setProperty(UserProperty, user);
            client->setProperty(MatchedProperty, matched);
            if (!matched) {
                m_connections.append({{}, user, false, false});
                return fail(QByteArray("\x01\x01", 2));
            }
            client->write(QByteArray("\x01\x00", 2));
            client->setProperty(StageProperty, Request);
            break;
        }
        case Request: {
            // VER CMD RSV ATYP DST.ADDR DST.PORT
            if (buffer.size() < 5)
                return keep(0);
            const char type = buffer.at(3);
            const qsizetype addressLength = type == 0x01 ? 4 : type == 0x04 ? 16 : type == 0x03 ? 1 + byte(4) : -1;
            if (addressLength < 0)
                return fail(reply(CommandNotSupported));
            if (buffer.size() < 4 + addressLength + 2)
                return keep(0);
            QString host;
            if (type == 0x01)
                host = QHostAddress(qFromBigEndian<quint32>(buffer.constData() + 4)).toString();
            else if (type == 0x04)
                host = QHostAddress(reinterpret_cast<const quint8*>(buffer.constData() + 4)).toString();
            else
                host = QString::fromLatin1(buffer.mid(5, addressLength - 1));
            const quint16 port = qFromBigEndian<quint16>(buffer.constData() + 4 + addressLength);
            const bool connectCommand = buffer.at(1) == 0x01;
            keep(4 + addressLength + 2);

            Connection connection;
            connection.target = host.toLatin1() + ':' + QByteArray::number(port);
            connection.user = client->property(UserProperty).toByteArray();
            connection.passwordMatched = client->property(MatchedProperty).toBool();
            const QString address = TestSupport::proxyTargetAddress(host);
            if (!connectCommand || address.isEmpty()) {
                m_connections.append(connection);
                return fail(reply(connectCommand ? NotAllowed : CommandNotSupported));
            }
            connection.forwarded = true;
            m_connections.append(connection);
            client->setProperty(StageProperty, Relaying);

            auto* upstream = new QTcpSocket(client);
            connect(upstream, &QTcpSocket::connected, client, [client, upstream, rest = buffer] {
                upstream->setProperty(StageProperty, Relaying);
                client->write(reply(Succeeded));
                upstream->write(rest + client->readAll());
                TestSupport::pipe(client, upstream);
                TestSupport::pipe(upstream, client);
            });
            connect(upstream, &QTcpSocket::errorOccurred, client, [client, upstream] {
                if (upstream->property(StageProperty).toInt() == Relaying)
                    return; // the pipe closes both ends
                client->write(reply(HostUnreachable));
                client->disconnectFromHost();
            });
            upstream->connectToHost(address, port);
            return;
        }
        case Relaying:
        case Closed:
            return;
        }
    }
}
