#pragma once

// A token as the API sends it, for tests and benchmarks that need many without a server.

#include "EmbedToken.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>

using namespace faultshare;

namespace TestSupport {

inline QByteArray base64Url(const QByteArray& bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token as the API sends it, expiring minutes after issuedAt, with a short link of
// the real API's length.
inline EmbedToken makeToken(const QDateTime& issuedAt, int minutes)
{
    using namespace Qt::StringLiterals;
    const QDateTime expiresAt = issuedAt.addSecs(60LL * minutes);
    const QByteArray claims = base64Url(QJsonDocument(QJsonObject{{u"iat"_s, issuedAt.toSecsSinceEpoch()}})
                                            .toJson(QJsonDocument::Compact));
    const QByteArray jwt = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + '.' + claims + '.'
        + base64Url(QUuid::createUuid().toRfc4122());
    const QJsonObject body{
        {u"token"_s, QString::fromLatin1(jwt)},
        {u"type"_s, u"jwt"_s},
        {u"expires_in_minutes"_s, minutes},
        {u"expires_at"_s, expiresAt.toString(Qt::ISODateWithMs)},
        {u"short_link"_s, QString(u"https://altostr.at/"_s + QUuid::createUuid().toString(QUuid::Id128).left(8))},
    };
    QString why;
    const auto token = EmbedToken::parse(QJsonDocument(body).toJson(), issuedAt, {}, QUrl(u"https://v1.api.altostrat.io"_s), &why);
    if (!token)
        qFatal("made-up token rejected: %s", qPrintable(why));
    return *token;
}

} // namespace TestSupport
