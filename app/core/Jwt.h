#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <optional>

namespace faultshare {

// Header and claims of a compact JWS (header.payload.signature), base64url-decoded.
// The signature is not checked: we do not hold the key.
struct Jwt
{
    QJsonObject header;
    QJsonObject claims;

    // nullopt unless there are exactly three non-empty base64url parts and the first
    // two are JSON objects.
    static std::optional<Jwt> decode(QByteArrayView compact);

    // Seconds-since-epoch claims ("iat", "exp", "nbf") as UTC; invalid when absent.
    QDateTime timeClaim(QLatin1StringView name) const;
};

} // namespace faultshare
