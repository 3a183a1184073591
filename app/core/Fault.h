#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace faultshare {

// One comment on a fault, as the reference's Fault.comments lists them (oldest first).
struct FaultComment
{
    QString userId;
    QString comment;
    QDateTime createdAt; // UTC; invalid when the server sent none or an unreadable one
};

// One fault as GET /fault/token/{token} shows it: what a link's viewers will see. The
// members are the reference's Fault object; the reference marks none as required, so
// every one may be empty. Text is cleaned to one readable line.
struct Fault
{
    // The reference's five severities; Unknown keeps any other word in severityText.
    enum class Severity { Low, Warning, Medium, High, Critical, Unknown };

    QString id;             // "flt_…"
    QString resourceId;     // "dev_…"
    QString customerId;     // "cus_…"
    QString microserviceId; // "wantunnel-monitor"
    QString type;           // "wantunnel"
    QString status;         // "unresolved", "resolved", or another word as sent
    Severity severity = Severity::Unknown;
    QString severityText;   // the severity as sent (cleaned), shown when Unknown
    QString message;
    QString cause;
    QDateTime createdAt;    // UTC; invalid when missing or unreadable
    QDateTime resolvedAt;   // UTC; invalid while active (null)
    QString ancestryPath;   // resource_ancestry_path: "site_…|dev_…", site down to device
    std::optional<qint64> ttl; // Unix time
    QList<FaultComment> comments;
    // The object as the server sent it, for output "with the values as the server sent them".
    QJsonObject raw;

    // Server text is cut to this many UTF-16 units (an ellipsis marks the cut).
    static constexpr int MaxTextLength = 2000;

    // The status decides ("resolved" / "unresolved", any case); another word or none
    // leaves it to resolved_at.
    bool isResolved() const;
    // The site: the first element of the ancestry path; empty without a path.
    QString site() const;
    // The device: resource_id, else the last element of a path of two or more elements.
    QString device() const;
    // "site › device", or whichever of the two is known; empty when neither is.
    QString where() const;
    // The severity for a person: the translated name, or the word the server sent.
    QString severityLabel() const;

    // Parses one fault object; nullopt when it holds nothing to show (neither an id nor a
    // message). Members of another type than the reference's read as missing.
    static std::optional<Fault> fromJson(const QJsonObject& object);

    struct List
    {
        QList<Fault> faults;
        int unreadable = 0; // entries skipped: not an object, or nothing to show
    };
    // Parses the JSON array body. A fault that cannot be read is skipped and counted,
    // never the whole list; nullopt (with *whyNot short and non-secret) only when the body
    // is not a JSON array.
    static std::optional<List> parseList(const QByteArray& body, QString* whyNot);
    // "1 fault could not be read" / "%n faults could not be read" (translated).
    static QString unreadableText(int count);

    static Severity severityFromText(const QString& text); // the five words, any case
    static QString severityName(Severity severity);        // "Low", "Warning", … (translated)
    // Most severe first: Critical, High, Medium, Warning, Low, then any other word.
    static int severityRank(Severity severity);
    // The order a list is shown in first: unresolved before resolved, then by
    // severityRank (most severe first), then newest first.
    static bool showsBefore(const Fault& a, const Fault& b);
    // How many faults of each severity, every severity present (zero counts included).
    static QMap<Severity, int> countBySeverity(const QList<Fault>& faults);
};

} // namespace faultshare
