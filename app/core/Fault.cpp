#include "Fault.h"

#include "EmbedToken.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace faultshare {

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

QDateTime optionalTime(const QJsonObject& object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? EmbedToken::parseTimestamp(value.toString().trimmed()) : QDateTime();
}

// The elements of a resource_ancestry_path, site first, without empty ones.
QStringList pathElements(const QString& path)
{
    QStringList elements = path.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    for (QString& element : elements)
        element = element.trimmed();
    elements.removeAll(QString());
    return elements;
}

} // namespace

bool Fault::isResolved() const
{
    if (status.compare(QLatin1StringView("resolved"), Qt::CaseInsensitive) == 0)
        return true;
    if (status.compare(QLatin1StringView("unresolved"), Qt::CaseInsensitive) == 0)
        return false;
    return resolvedAt.isValid();
}

QString Fault::site() const
{
    const QStringList elements = pathElements(ancestryPath);
    return elements.isEmpty() ? QString() : elements.first();
}

QString Fault::device() const
{
    if (!resourceId.isEmpty())
        return resourceId;
    const QStringList elements = pathElements(ancestryPath);
    return elements.size() >= 2 ? elements.last() : QString();
}

QString Fault::where() const
{
    const QString siteText = site();
    const QString deviceText = device();
    if (siteText.isEmpty() || siteText == deviceText)
        return deviceText;
    if (deviceText.isEmpty())
        return siteText;
    return siteText + QStringLiteral(" \u203a ") + deviceText;
}

QString Fault::severityLabel() const
{
    if (severity == Severity::Unknown && !severityText.isEmpty())
        return severityText;
    return severityName(severity);
}

std::optional<Fault> Fault::fromJson(const QJsonObject& object)
{
    Fault fault;
    fault.id = optionalText(object, QLatin1StringView("id"), MaxShortTextLength);
    fault.message = optionalText(object, QLatin1StringView("message"), MaxTextLength);
    if (fault.id.isEmpty() && fault.message.isEmpty())
        return std::nullopt;
    fault.raw = object;
    fault.resourceId = optionalText(object, QLatin1StringView("resource_id"), MaxShortTextLength);
    fault.customerId = optionalText(object, QLatin1StringView("customer_id"), MaxShortTextLength);
    fault.microserviceId = optionalText(object, QLatin1StringView("microservice_id"), MaxShortTextLength);
    fault.type = optionalText(object, QLatin1StringView("type"), MaxShortTextLength);
    fault.status = optionalText(object, QLatin1StringView("status"), MaxShortTextLength);
    fault.severityText = optionalText(object, QLatin1StringView("severity"), MaxShortTextLength);
    fault.severity = severityFromText(fault.severityText);
    fault.cause = optionalText(object, QLatin1StringView("cause"), MaxTextLength);
    fault.ancestryPath = optionalText(object, QLatin1StringView("resource_ancestry_path"), MaxTextLength);
    fault.createdAt = optionalTime(object, QLatin1StringView("created_at"));
    // null while active; an unreadable time leaves the status to tell.
    fault.resolvedAt = optionalTime(object, QLatin1StringView("resolved_at"));
    const QJsonValue ttl = object.value(QLatin1StringView("ttl"));
    // Range first: converting a double outside qint64 is undefined behaviour.
    if (ttl.isDouble() && std::abs(ttl.toDouble()) < 1e15 && ttl.toDouble() == std::trunc(ttl.toDouble()))
        fault.ttl = qint64(ttl.toDouble());
    const QJsonArray comments = object.value(QLatin1StringView("comments")).toArray();
    for (const QJsonValue& item : comments) {
        const QJsonObject comment = item.toObject();
        FaultComment entry{optionalText(comment, QLatin1StringView("user_id"), MaxShortTextLength),
                           optionalText(comment, QLatin1StringView("comment"), MaxTextLength),
                           optionalTime(comment, QLatin1StringView("created_at"))};
        if (!entry.comment.isEmpty())
            fault.comments << entry;
    }
    return fault;
}

std::optional<Fault::List> Fault::parseList(const QByteArray& body, QString* whyNot)
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
    List list;
    list.faults.reserve(array.size());
    for (const QJsonValue& item : array) {
        std::optional<Fault> fault = item.isObject() ? fromJson(item.toObject()) : std::nullopt;
        if (fault)
            list.faults << std::move(*fault);
        else
            ++list.unreadable;
    }
    return list;
}

QString Fault::unreadableText(int count)
{
    // Both forms spelled out: the command line loads no plural rules for English.
    return count == 1 ? QCoreApplication::translate("Fault", "1 fault could not be read")
                      : QCoreApplication::translate("Fault", "%1 faults could not be read").arg(count);
}

Fault::Severity Fault::severityFromText(const QString& text)
{
    const QString upper = text.trimmed().toUpper();
    if (upper == QLatin1StringView("LOW"))
        return Severity::Low;
    if (upper == QLatin1StringView("WARNING"))
        return Severity::Warning;
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
    case Severity::Warning:
        return QCoreApplication::translate("Fault", "Warning");
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

int Fault::severityRank(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return 5;
    case Severity::High:
        return 4;
    case Severity::Medium:
        return 3;
    case Severity::Warning:
        return 2;
    case Severity::Low:
        return 1;
    case Severity::Unknown:
        break;
    }
    return 0;
}

bool Fault::showsBefore(const Fault& a, const Fault& b)
{
    if (a.isResolved() != b.isResolved())
        return !a.isResolved();
    if (severityRank(a.severity) != severityRank(b.severity))
        return severityRank(a.severity) > severityRank(b.severity);
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id < b.id;
}

QMap<Fault::Severity, int> Fault::countBySeverity(const QList<Fault>& faults)
{
    QMap<Severity, int> counts{{Severity::Low, 0}, {Severity::Warning, 0}, {Severity::Medium, 0},
                               {Severity::High, 0}, {Severity::Critical, 0}, {Severity::Unknown, 0}};
    for (const Fault& fault : faults)
        ++counts[fault.severity];
    return counts;
}

} // namespace faultshare
