#pragma once

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QUrl>

class QSslSocket;

// An HTTPS peer on 127.0.0.1 for TLS tests. It presents the certificate it is given and
// answers each complete request with the next scripted response, or by default with a
// valid documented POST /fault/token body for the minutes asked. A connection whose first
// byte is not a TLS handshake is served as plain HTTP and recorded apart, so a test can
// prove that nothing arrived in clear text on the same host and port.
class HttpsServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpsServer)

public:
    explicit HttpsServer(QObject* parent = nullptr);

    // PEM files of the certificate to present and its private key.
    bool setIdentity(const QString& certificateFile, const QString& keyFile);
    bool listen(quint16 port = 0);
    // https://127.0.0.1:PORT (no trailing slash).
    QUrl url() const;

    // One raw response per request in order; the last one repeats. Empty: token bodies.
    void setResponses(const QList<QByteArray>& raws) { m_responses = raws; }
    // A 200 answer with a valid documented token body for the given minutes.
    static QByteArray tokenResponse(int minutes);

    // Complete requests received over TLS (head and body, decrypted).
    QList<QByteArray> requests() const { return m_requests; }
    // Everything received on connections that did not start with a TLS handshake.
    QList<QByteArray> plainRequests() const { return m_plainRequests; }
    // The value of header name in TLS request i (case-insensitive), empty when absent.
    QByteArray header(int i, const QByteArray& name) const;
    // Accepted connections the peer has not closed yet. Zero once every client is gone
    // (and the events of its sockets processed): all it sent has been read by then.
    qsizetype openConnections() const;

Q_SIGNALS:
    void requestReceived();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onReadyRead(QSslSocket* socket);

    QSslConfiguration m_tls;
    QList<QByteArray> m_responses;
    QList<QByteArray> m_requests;
    QList<QByteArray> m_plainRequests;
};
