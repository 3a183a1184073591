#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace faultshare {

class EmbedToken;

namespace Cli {

// The output formats of a minted link: text, json, link, qr-ansi, qr-png, qr-svg.
const QStringList& linkFormats();

// What to write for token in format, or an error (exit 6) when the format needs a link or
// a QR code that the answer does not allow. label: the link's name, may be empty.
struct Rendered
{
    QByteArray bytes;
    QString error;
};
Rendered render(const EmbedToken& token, const QString& format, const QString& label);
// The members of the json format: token, type, expires_in_minutes, expires_at, short_link
// (null without a link) and label (when there is one).
QJsonObject jsonOf(const EmbedToken& token, const QString& label);

} // namespace Cli

} // namespace faultshare
