#include "Jwt.h"

#include <QByteArrayList>
#include <QJsonDocument>

namespace {

std::optional<QJsonObject> decodeObject(const QByteArray& part)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        part, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                  | QByteArray::AbortOnBase64DecodingErrors);
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
