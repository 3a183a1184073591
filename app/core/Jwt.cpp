#include "Jwt.h"

#include <QByteArrayList>
#include <QJsonDocument>

namespace faultshare {

namespace {

QByteArray::FromBase64Result decodePart(const QByteArray& part)
{
    return QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                    | QByteArray::AbortOnBase64DecodingErrors);
}

std::optional<QJsonObject> decodeObject(const QByteArray& part)
{
    const auto decoded = decodePart(part);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<Jwt> Jwt::decode(QByteArrayView compact)
{
    const QByteArrayList parts = compact.toByteArray().split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return std::nullopt;
    // The signature goes unchecked, but it is shown and copied with the token: base64url too.
    if (!decodePart(parts[2]))
        return std::nullopt;
    auto header = decodeObject(parts[0]);
    auto claims = decodeObject(parts[1]);
    if (!header || !claims)
        return std::nullopt;
    return Jwt{*header, *claims};
}

QDateTime Jwt::timeClaim(QLatin1StringView name) const
{
    const QJsonValue value = claims.value(name);
    if (!value.isDouble())
        return {};
    const double seconds = value.toDouble();
    // Anything beyond year 9999 is not a time a token can carry.
    if (seconds < 0 || seconds > 253402300799.0)
        return {};
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds), Qt::UTC);
}

} // namespace faultshare
