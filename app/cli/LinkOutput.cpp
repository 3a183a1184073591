#include "LinkOutput.h"

#include "Countdown.h"
#include "EmbedToken.h"
#include "QrCode.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace faultshare {

namespace Cli {

const QStringList& linkFormats()
{
    static const QStringList formats{QStringLiteral("text"),   QStringLiteral("json"),   QStringLiteral("link"),
                                     QStringLiteral("qr-ansi"), QStringLiteral("qr-png"), QStringLiteral("qr-svg")};
    return formats;
}

QJsonObject jsonOf(const EmbedToken& token, const QString& label)
{
    const QString link = token.shortLink().toString(QUrl::FullyEncoded);
    QJsonObject object{
        {QStringLiteral("token"), token.token()},
        {QStringLiteral("type"), token.type()},
        {QStringLiteral("expires_in_minutes"), token.expiresInMinutes()},
        {QStringLiteral("expires_at"), token.expiresAt().toString(Qt::ISODateWithMs)},
        {QStringLiteral("short_link"), link.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(link)},
    };
    if (!label.isEmpty())
        object.insert(QStringLiteral("label"), label);
    return object;
}

Rendered render(const EmbedToken& token, const QString& format, const QString& label)
{
    const QString link = token.shortLink().toString(QUrl::FullyEncoded);
    if (format == QLatin1StringView("json"))
        return {QJsonDocument(jsonOf(token, label)).toJson(QJsonDocument::Indented), {}};
    if (format == QLatin1StringView("text")) {
        // For a person reading a terminal.
        QString text;
        if (!label.isEmpty())
            text += QCoreApplication::translate("Cli", "Label:   %1\n").arg(label);
        text += link.isEmpty()
            ? QCoreApplication::translate("Cli", "Link:    none (%1)\n").arg(token.linkProblem())
            : QCoreApplication::translate("Cli", "Link:    %1\n").arg(link);
        text += QCoreApplication::translate("Cli", "Expires: %1\n").arg(Countdown::expiryText(token.expiresAt()));
        text += QCoreApplication::translate("Cli", "Token:   %1\n").arg(token.token());
        return {text.toUtf8(), {}};
    }
    if (link.isEmpty()) {
        return {{}, QCoreApplication::translate("Cli", "The API created a token but sent no link to share (%1): "
                                                       "use --format text or json to get the token.")
                        .arg(token.linkProblem())};
    }
    if (format == QLatin1StringView("link"))
        return {link.toUtf8() + '\n', {}};
    const QrCode qr(link);
    if (qr.isNull()) {
        return {{}, QCoreApplication::translate("Cli", "The link is too long for a QR code (%1 bytes): use --format link instead.")
                        .arg(link.toUtf8().size())};
    }
    if (format == QLatin1StringView("qr-ansi"))
        return {qr.toTerminalText().toUtf8(), {}};
    if (format == QLatin1StringView("qr-svg"))
        return {qr.toSvg(), {}};
    return {qr.toPng(8), {}};
}

} // namespace Cli

} // namespace faultshare
