#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

// One fault as GET /fault/token/{token} shows it: what a link's viewers will see.
struct Fault
{
    enum class Severity { Low, Medium, High, Critical, Unknown };

    QString id;
    QString type;
    QString status;   // "active", "resolved", …
    Severity severity = Severity::Unknown;
    QString message;
    QString cause;
    QString site;     // may be empty
    QString resource; // may be empty
    QDateTime createdAt;  // UTC
    QDateTime resolvedAt; // UTC, invalid while unresolved

    // Server text is cut to this many UTF-16 units (an ellipsis marks the cut).
    static constexpr int MaxTextLength = 2000;

    // Resolved when it has a resolved_at, or its status says so without a time.
    bool isResolved() const;

    // Parses the JSON array body. Unknown members are ignored; a missing or wrong-typed
    // required member (id, severity, message, created_at) makes the whole body invalid:
    // nullopt and *whyNot (short, non-secret) set.
    static std::optional<QList<Fault>> parseList(const QByteArray& body, QString* whyNot);

    static Severity severityFromText(const QString& text); // "LOW".."CRITICAL", any case
    static QString severityName(Severity severity);        // "Low", "Medium", … (translated)
    // How many faults of each severity, every severity present (zero counts included).
    static QMap<Severity, int> countBySeverity(const QList<Fault>& faults);
};
