#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

// A small real HTTP proxy on 127.0.0.1 for tests: tunnels CONNECT ("CONNECT
// api.faultshare.test:8443") and forwards absolute-URI requests ("POST
// http://127.0.0.1:8080/fault/token HTTP/1.1") to their target. It records every request
// it reads, may demand Basic credentials (407 with Proxy-Authenticate), and never
// connects anywhere but loopback: a target is a loopback address, localhost, or
// TestSupport::ProxyOnlyHost (the name only the test proxies know, meaning 127.0.0.1).
class HttpProxy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpProxy)

public:
    struct Request
    {
        QByteArray method;
        QByteArray target;             // absolute URI, or host:port for CONNECT
        QByteArray proxyAuthorization; // as received, empty when absent
        bool forwarded = false;        // false: answered 407 or refused
    };

    explicit HttpProxy(QObject* parent = nullptr);
    ~HttpProxy() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    // Stops listening; open connections are closed.
    void close();

    // From now on every request needs "Proxy-Authorization: Basic base64(user:password)".
    void requireBasicAuth(const QByteArray& user, const QByteArray& password);

    QList<Request> requests() const { return m_requests; }
    // Requests of this method that went on to their target.
    qsizetype forwardedCount(const QByteArray& method) const;

Q_SIGNALS:
    void requestReceived();

private:
    void onNewConnection();
    void readRequests(class QTcpSocket* client);
    void forward(class QTcpSocket* client, const QByteArray& method, const QByteArray& target,
                 const QByteArray& version, const QList<QByteArray>& headers, const QByteArray& body);
    void tunnel(class QTcpSocket* client, const QByteArray& hostPort);

    QTcpServer m_server;
    QByteArray m_expectedAuthorization; // empty: no credentials needed
    QList<Request> m_requests;
};
