#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QUrl>
#include <chrono>
#include <optional>

namespace faultshare {

// A minted embed token, validated: nothing half-filled ever reaches the screen.
class EmbedToken final
{
public:
    // A short link longer than this is not one (and would make a dense QR code).
    static constexpr int MaxLinkBytes = 2048;

    // Parses a 200 body of POST /fault/token from the API at apiUrl. The reference marks
    // no member as required; this needs the token and one of expires_at and
    // expires_in_minutes (the other is derived, on the server's clock when its Date is
    // known); type defaults to "jwt". A missing or unusable short_link keeps the token,
    // with linkProblem() saying why there is no link. On failure returns nullopt and sets
    // *whyNot to a short, non-secret reason ("expires_at is already past").
    static std::optional<EmbedToken> parse(const QByteArray& body, const QDateTime& receivedAt,
                                           const QDateTime& serverDate, const QUrl& apiUrl,
                                           QString* whyNot);

    // "2025-10-21T13:00:00.000000Z" (fraction optional, Z or +hh:mm) as UTC.
    static QDateTime parseTimestamp(const QString& text);
    // An HTTP-date (RFC 9110: IMF-fixdate, RFC 850 or asctime form) as UTC; invalid otherwise.
    static QDateTime parseHttpDate(const QByteArray& value);

    // An absolute http(s) URL with a host; http only for loopback hosts.
    static bool isShareableUrl(const QUrl& url);
    // Why link cannot be a short link of the API at apiUrl, or empty when it can: an
    // absolute https URL of at most MaxLinkBytes; plain http only when the API and the
    // link are both on this computer (loopback).
    static QString checkShortLink(const QUrl& link, const QUrl& apiUrl);
    static bool isLoopbackHost(const QString& host);

    QString token() const { return m_token; }
    QString type() const { return m_type; }
    int expiresInMinutes() const { return m_expiresInMinutes; }
    QDateTime expiresAt() const { return m_expiresAt; }
    // Empty when the API sent no usable link (linkProblem() says why).
    QUrl shortLink() const { return m_shortLink; }
    bool hasShortLink() const { return !m_shortLink.isEmpty(); }
    // Why there is no link ("short_link is missing"), empty when there is one.
    QString linkProblem() const { return m_linkProblem; }
    // The API that issued the token (its base URL): the only origin it may go back to.
    QUrl apiUrl() const { return m_apiUrl; }
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
    QString m_linkProblem;
    QUrl m_apiUrl;
    QDateTime m_receivedAt;
    QDateTime m_serverDate;
    QDateTime m_issuedAt;
};

} // namespace faultshare

Q_DECLARE_METATYPE(faultshare::EmbedToken)
