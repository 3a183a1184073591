#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <chrono>
#include <optional>

class QTcpSocket;

// A raw HTTP/1.1 peer on 127.0.0.1 for protocol faults: it reads each request whole,
// records it, then answers with exactly the bytes it was given, plays a Fault, or never
// answers.
class ScriptedServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedServer)

public:
    explicit ScriptedServer(QObject* parent = nullptr);
    ~ScriptedServer() override;

    bool listen();
    QUrl url() const;
    quint16 port() const { return m_server.serverPort(); }

    // The raw response sent after a complete request; the connection closes after it.
    void setResponse(const QByteArray& raw) { setResponses({raw}); }
    // One response per request in order; the last one repeats.
    void setResponses(const QList<QByteArray>& raws) { m_responses = raws; m_fault.reset(); }
    // Convenience: status line, headers and body with a correct Content-Length.
    static QByteArray response(int status, const QByteArray& body,
                               const QByteArray& contentType = "application/json",
                               const QList<QByteArray>& extraHeaders = {});
    // Never answer: the request is read and the connection is held open.
    void setSilent(bool silent) { m_silent = silent; }

    // A protocol fault played after each complete request instead of a response: wait
    // `delay`, send `bytes` (they may stop mid-headers or mid-body), then `chunk`
    // `chunks` times, `interval` apart (0: as fast as the peer reads), then end. Every
    // timer belongs to the connection and stops when the peer goes away.
    struct Fault
    {
        enum class End { Close, Reset, Hold }; // FIN, RST, or keep the connection open
        std::chrono::milliseconds delay{0};
        QByteArray bytes;
        QByteArray chunk;
        int chunks = 0;
        std::chrono::milliseconds interval{0};
        End end = End::Close;
    };
    // Replaces the responses until setResponse()/setResponses() is called again.
    void setFault(const Fault& fault);
    // A status line and headers only; contentLength < 0 sends no Content-Length.
    static QByteArray head(int status, qint64 contentLength,
                           const QByteArray& contentType = "application/json",
                           const QList<QByteArray>& extraHeaders = {});
    // Bytes of the last fault that reached the socket, and whether it played to its end
    // (false: the peer closed the connection first).
    qint64 faultBytesSent() const { return m_faultSent; }
    bool faultCompleted() const { return m_faultCompleted; }

    // Each complete request as received (head and body).
    QList<QByteArray> requests() const { return m_requests; }
    // The value of header name in request i (case-insensitive), empty when absent.
    QByteArray header(int i, const QByteArray& name) const;
    // Accepted connections the peer has not closed yet. Zero once every client is gone
    // (and the events of its sockets processed): all it sent has been read by then.
    qsizetype openConnections() const;

Q_SIGNALS:
    void requestReceived();
    // The last fault played to its end, or its peer went away first.
    void faultEnded();

private:
    void onNewConnection();
    void play(QTcpSocket* socket);

    QTcpServer m_server;
    QList<QByteArray> m_responses;
    bool m_silent = false;
    QList<QByteArray> m_requests;
    std::optional<Fault> m_fault;
    qint64 m_faultSent = 0;
    bool m_faultCompleted = false;
};
