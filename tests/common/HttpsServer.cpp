#include "HttpsServer.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace {

enum class Mode { Undecided, Tls, Plain };
constexpr char ModeProperty[] = "faultshareMode";
constexpr char BufferProperty[] = "faultshareBuffer";
constexpr char TlsHandshakeRecord = 0x16;

QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The request in buffer once it is complete (head and Content-Length body), else empty.
QByteArray completeRequest(const QByteArray& buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return {};
    qsizetype length = 0;
    for (const QByteArray& line : buffer.left(headEnd).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    return buffer.size() < headEnd + 4 + length ? QByteArray() : buffer.left(headEnd + 4 + length);
}

} // namespace

HttpsServer::HttpsServer(QObject* parent)
    : QTcpServer(parent)
{
}

bool HttpsServer::setIdentity(const QString& certificateFile, const QString& keyFile)
{
    QFile keyPem(keyFile);
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty() || !keyPem.open(QIODevice::ReadOnly))
        return false;
    const QSslKey key(keyPem.readAll(), QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return false;
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setLocalCertificateChain(chain);
    m_tls.setPrivateKey(key);
    m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates here
    return true;
}

bool HttpsServer::listen(quint16 port)
{
    return QTcpServer::listen(QHostAddress::LocalHost, port);
}

QUrl HttpsServer::url() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(serverPort()));
}

QByteArray HttpsServer::tokenResponse(int minutes)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray jwt = base64Url(R"({"alg":"HS256","typ":"JWT"})") + '.'
        + base64Url(R"({"sub":"tls-test","iat":)" + QByteArray::number(now.toSecsSinceEpoch()) + '}') + '.'
        + base64Url(QByteArray::number(QRandomGenerator::global()->generate64()));
    const QString link = QStringLiteral("https://altostr.at/t%1").arg(QRandomGenerator::global()->bounded(1000000));
    const QByteArray body = QJsonDocument(QJsonObject{
                                              {QStringLiteral("token"), QString::fromLatin1(jwt)},
                                              {QStringLiteral("type"), QStringLiteral("jwt")},
                                              {QStringLiteral("expires_in_minutes"), minutes},
                                              {QStringLiteral("expires_at"),
                                               now.addSecs(qint64(minutes) * 60).toString(Qt::ISODateWithMs)},
                                              {QStringLiteral("short_link"), link},
                                          })
                                .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray HttpsServer::header(int i, const QByteArray& name) const
{
    const QByteArray request = m_requests.value(i);
    const QByteArray head = request.left(request.indexOf("\r\n\r\n"));
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

qsizetype HttpsServer::openConnections() const
{
    return findChildren<QSslSocket*>(Qt::FindDirectChildrenOnly).size();
}

void HttpsServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setProperty(ModeProperty, int(Mode::Undecided));
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    // A refused handshake is the expected outcome of most TLS tests: nothing to report.
    connect(socket, &QSslSocket::errorOccurred, socket, [socket] { socket->disconnectFromHost(); });
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
}

void HttpsServer::onReadyRead(QSslSocket* socket)
{
    auto mode = Mode(socket->property(ModeProperty).toInt());
    if (mode == Mode::Undecided) {
        // Peeked, not read: the TLS engine reads the ClientHello from the socket itself.
        char first = 0;
        if (socket->peek(&first, 1) != 1)
            return;
        mode = first == TlsHandshakeRecord ? Mode::Tls : Mode::Plain;
        socket->setProperty(ModeProperty, int(mode));
        if (mode == Mode::Tls) {
            socket->setSslConfiguration(m_tls);
            socket->startServerEncryption();
            return;
        }
    }
    const QByteArray buffer = socket->property(BufferProperty).toByteArray() + socket->readAll();
    socket->setProperty(BufferProperty, buffer);
    const QByteArray request = completeRequest(buffer);
    if (request.isEmpty())
        return;
    socket->setProperty(BufferProperty, buffer.mid(request.size()));
    (mode == Mode::Tls ? m_requests : m_plainRequests) << request;
    Q_EMIT requestReceived();

    QByteArray response = m_responses.size() > 1 ? m_responses.takeFirst() : m_responses.value(0);
    if (response.isEmpty()) {
        const QByteArray body = request.mid(request.indexOf("\r\n\r\n") + 4);
        const int minutes = QJsonDocument::fromJson(body).object().value(QLatin1StringView("expire_after_minutes")).toInt(60);
        response = tokenResponse(minutes);
    }
    socket->write(response);
    socket->disconnectFromHost();
}
