#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

// A small real SOCKS5 proxy on 127.0.0.1 for tests (RFC 1928, CONNECT only): no
// authentication, or user name and password (RFC 1929) when required. It records every
// connection it is asked for and relays it only to a loopback target, never elsewhere: a
// loopback address, localhost, or TestSupport::ProxyOnlyHost (the name only the test
// proxies know, meaning 127.0.0.1).
class Socks5Proxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Socks5Proxy)

public:
    struct Connection
    {
        QByteArray target;    // host:port as the client asked for it
        QByteArray user;      // the user name presented, empty without authentication
        bool passwordMatched = false;
        bool forwarded = false; // false: authentication failed or the target was refused
    };

    explicit Socks5Proxy(QObject* parent = nullptr);
    ~Socks5Proxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }

    // From now on every client must authenticate with this user name and password.
    void requireAuth(const QByteArray& user, const QByteArray& password);

    QList<Connection> connections() const { return m_connections; }
    qsizetype forwardedCount() const;

private:
    void onNewConnection();
    void readFrom(QTcpSocket* client);

    QTcpServer m_server;
    QByteArray m_user;
    QByteArray m_password;
    QList<Connection> m_connections;
};
