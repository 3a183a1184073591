#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

// A raw HTTP/1.1 peer on 127.0.0.1 for protocol faults: it reads each request whole,
// records it, then answers with exactly the bytes it was given (or never answers).
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)

public:
    explicit ScriptedServer(QObject* parent = nullptr);

    bool listen();
    QUrl url() const;
    quint16 port() const { return m_server.serverPort(); }

    // The raw response sent after a complete request; the connection closes after it.
    void setResponse(const QByteArray& raw) { m_responses = {raw}; }
    // One response per request in order; the last one repeats.
    void setResponses(const QList<QByteArray>& raws) { m_responses = raws; }
    // Convenience: status line, headers and body with a correct Content-Length.
    static QByteArray response(int status, const QByteArray& body,
                               const QByteArray& contentType = "application/json",
                               const QList<QByteArray>& extraHeaders = {});
    // Never answer: the request is read and the connection is held open.
    void setSilent(bool silent) { m_silent = silent; }

    // Each complete request as received (head and body).
    QList<QByteArray> requests() const { return m_requests; }
    // The value of header name in request i (case-insensitive), empty when absent.
    QByteArray header(int i, const QByteArray& name) const;

Q_SIGNALS:
    void requestReceived();

private:
    void onNewConnection();

    QTcpServer m_server;
    QList<QByteArray> m_responses;
    bool m_silent = false;
    QList<QByteArray> m_requests;
};
