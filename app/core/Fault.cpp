#include "Fault.h"

#include "EmbedToken.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// id, type and status are short identifiers; anything longer is not one.
constexpr int MaxShortTextLength = 200;

void fail(QString* whyNot, const QString& reason)
{
    if (whyNot)
        *whyNot = reason;
}

bool isBidiControl(char16_t c)
{
    // Embeddings, overrides and isolates reorder the text around them on screen.
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
        || c == 0x061c;
}

// Server text as one line an operator can read: controls (C0, DEL, C1 and bidi) become
// a space, lone surrogates the replacement character, and at most maxLength units
// remain, never half a surrogate pair.
QString cleanText(const QString& text, int maxLength)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxLength + 1));
    bool pendingSpace = false;
    for (qsizetype i = 0; i < text.size() && out.size() <= maxLength; ++i) {
        const QChar c = text.at(i);
        if (c.category() == QChar::Other_Control || isBidiControl(c.unicode())
            || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            if (!out.endsWith(QLatin1Char(' ')) && c != QLatin1Char(' '))
                out += QLatin1Char(' ');
            pendingSpace = false;
        }
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate()) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
    out = out.trimmed();
    if (out.size() > maxLength) {
        qsizetype cut = maxLength - 1;
        if (out.at(cut - 1).isHighSurrogate())
            --cut;
        out.truncate(cut);
        out += QChar(0x2026);
    }
    return out;
}

// An optional string member: missing, null or another type reads as empty.
QString optionalText(const QJsonObject& object, QLatin1StringView key, int maxLength)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? cleanText(value.toString(), maxLength) : QString();
}

} // namespace

bool Fault::isResolved() const
{
    return resolvedAt.isValid() || status.compare(QLatin1StringView("resolved"), Qt::CaseInsensitive) == 0;
}

std::optional<QList<Fault>> Fault::parseList(const QByteArray& body, QString* whyNot)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(whyNot, body.trimmed().isEmpty() ? QStringLiteral("empty body") : QStringLiteral("not JSON"));
        return std::nullopt;
    }
    if (!doc.isArray()) {
        fail(whyNot, QStringLiteral("not a JSON array of faults"));
        return std::nullopt;
    }
    const QJsonArray array = doc.array();
    QList<Fault> faults;
    faults.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        // Numbered from 1 as an operator counts; the reason never quotes the server's text.
        const QString which = QString::number(i + 1);
        const QJsonValue item = array.at(i);
        if (!item.isObject()) {
            fail(whyNot, QStringLiteral("fault %1 is not an object").arg(which));
            return std::nullopt;
        }
        const QJsonObject object = item.toObject();
        Fault fault;

        const QJsonValue id = object.value(QLatin1StringView("id"));
        fault.id = id.isString() ? cleanText(id.toString(), MaxShortTextLength) : QString();
        if (fault.id.isEmpty()) {
            fail(whyNot, QStringLiteral("fault %1 has no id").arg(which));
            return std::nullopt;
        }
        const QJsonValue severity = object.value(QLatin1StringView("severity"));
        if (!severity.isString()) {
            fail(whyNot, QStringLiteral("fault %1 has no severity").arg(which));
            return std::nullopt;
        }
        fault.severity = severityFromText(severity.toString());
        const QJsonValue message = object.value(QLatin1StringView("message"));
        if (!message.isString()) {
            fail(whyNot, QStringLiteral("fault %1 has no message").arg(which));
            return std::nullopt;
        }
        fault.message = cleanText(message.toString(), MaxTextLength);
        const QJsonValue createdAt = object.value(QLatin1StringView("created_at"));
        fault.createdAt = createdAt.isString() ? EmbedToken::parseTimestamp(createdAt.toString()) : QDateTime();
        if (!fault.createdAt.isValid()) {
            fail(whyNot, QStringLiteral("created_at of fault %1 is not a date").arg(which));
            return std::nullopt;
        }

        fault.type = optionalText(object, QLatin1StringView("type"), MaxShortTextLength);
        fault.status = optionalText(object, QLatin1StringView("status"), MaxShortTextLength);
        fault.cause = optionalText(object, QLatin1StringView("cause"), MaxTextLength);
        fault.site = optionalText(object, QLatin1StringView("site"), MaxTextLength);
        fault.resource = optionalText(object, QLatin1StringView("resource"), MaxTextLength);
        // null while active; an unreadable time leaves the status to tell.
        const QJsonValue resolvedAt = object.value(QLatin1StringView("resolved_at"));
        if (resolvedAt.isString())
            fault.resolvedAt = EmbedToken::parseTimestamp(resolvedAt.toString());
        faults << fault;
    }
    return faults;
}

Fault::Severity Fault::severityFromText(const QString& text)
{
    const QString upper = text.trimmed().toUpper();
    if (upper == QLatin1StringView("LOW"))
        return Severity::Low;
    if (upper == QLatin1StringView("MEDIUM"))
        return Severity::Medium;
    if (upper == QLatin1StringView("HIGH"))
        return Severity::High;
    if (upper == QLatin1StringView("CRITICAL"))
        return Severity::Critical;
    return Severity::Unknown;
}

QString Fault::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return QCoreApplication::translate("Fault", "Low");
    case Severity::Medium:
        return QCoreApplication::translate("Fault", "Medium");
    case Severity::High:
        return QCoreApplication::translate("Fault", "High");
    case Severity::Critical:
        return QCoreApplication::translate("Fault", "Critical");
    case Severity::Unknown:
        break;
    }
    return QCoreApplication::translate("Fault", "Unknown");
}

QMap<Fault::Severity, int> Fault::countBySeverity(const QList<Fault>& faults)
{
    QMap<Severity, int> counts{{Severity::Low, 0}, {Severity::Medium, 0}, {Severity::High, 0},
                               {Severity::Critical, 0}, {Severity::Unknown, 0}};
    for (const Fault& fault : faults)
        ++counts[fault.severity];
    return counts;
}
