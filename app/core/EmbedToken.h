#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

// A minted embed token, validated: nothing half-filled ever reaches the screen.
class EmbedToken final
{
public:
    // Parses a 200 body of POST /fault/token. On failure returns nullopt and sets
    // *whyNot to a short, non-secret reason ("expires_at is not a date").
    static std::optional<EmbedToken> parse(const QByteArray& body, const QDateTime& receivedAt,
                                           const QDateTime& serverDate, QString* whyNot);

    // "2025-10-21T13:00:00.000000Z" (fraction optional, Z or +hh:mm) as UTC.
    static QDateTime parseTimestamp(const QString& text);
    // An HTTP-date (RFC 9110: IMF-fixdate, RFC 850 or asctime form) as UTC; invalid otherwise.
    static QDateTime parseHttpDate(const QByteArray& value);

    // An absolute http(s) URL with a host; http only for loopback hosts.
    static bool isShareableUrl(const QUrl& url);
    static bool isLoopbackHost(const QString& host);

    QString token() const { return m_token; }
    QString type() const { return m_type; }
    int expiresInMinutes() const { return m_expiresInMinutes; }
    QDateTime expiresAt() const { return m_expiresAt; }
    QUrl shortLink() const { return m_shortLink; }
    QDateTime receivedAt() const { return m_receivedAt; }
    // The server's Date header, invalid when it sent none.
    QDateTime serverDate() const { return m_serverDate; }
    // When the lifetime started: the JWT's iat if present, else expiresAt - expiresInMinutes.
    QDateTime issuedAt() const { return m_issuedAt; }

    // Server clock minus local clock when the answer arrived (zero without a Date header).
    std::chrono::milliseconds clockSkew() const;
    // Whether the skew is large enough to correct for (more than 60 s either way).
    bool hasSignificantSkew() const;
    // The local time expressed on the server's clock when the skew is significant,
    // so the countdown follows the server that decides expiry.
    QDateTime serverNow(const QDateTime& localNow) const;
    // When the link expires on the local clock (expiresAt corrected by a significant skew):
    // the instant a countdown on this computer reaches zero.
    QDateTime localExpiresAt() const;

private:
    QString m_token;
    QString m_type;
    int m_expiresInMinutes = 0;
    QDateTime m_expiresAt;
    QUrl m_shortLink;
    QDateTime m_receivedAt;
    QDateTime m_serverDate;
    QDateTime m_issuedAt;
};

Q_DECLARE_METATYPE(EmbedToken)
