#include "Fault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Severity = Fault::Severity;

namespace {

// One fault as the demo API (and the documented API) sends it.
QJsonObject faultObject(const QString& id, const QString& severity, const QJsonValue& resolvedAt = QJsonValue::Null)
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("type"), QStringLiteral("wan_failover")},
        {QStringLiteral("status"), resolvedAt.isNull() ? QStringLiteral("active") : QStringLiteral("resolved")},
        {QStringLiteral("severity"), severity},
        {QStringLiteral("message"), QStringLiteral("WAN failed over to LTE backup")},
        {QStringLiteral("cause"), QStringLiteral("Loss of light on ether1 (fibre uplink)")},
        {QStringLiteral("site"), QStringLiteral("Cape Town Branch 07")},
        {QStringLiteral("resource"), QStringLiteral("cpt-br07-edge")},
        {QStringLiteral("created_at"), QStringLiteral("2025-10-21T12:38:00.000000Z")},
        {QStringLiteral("resolved_at"), resolvedAt},
    };
}

QByteArray body(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray withMember(const char* member, const QJsonValue& value)
{
    QJsonObject object = faultObject(QStringLiteral("01K8"), QStringLiteral("HIGH"));
    if (value.isUndefined())
        object.remove(QLatin1StringView(member));
    else
        object.insert(QLatin1StringView(member), value);
    return body(QJsonArray{faultObject(QStringLiteral("01K7"), QStringLiteral("LOW")), object});
}

bool hasControls(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || (c.unicode() >= 0x202a && c.unicode() <= 0x202e)
            || (c.unicode() >= 0x2066 && c.unicode() <= 0x2069))
            return true;
    }
    return false;
}

} // namespace

class tst_Fault final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoShape_parsesEveryMember()
    {
        const QByteArray json = body({faultObject(QStringLiteral("01K8A"), QStringLiteral("CRITICAL")),
                                      faultObject(QStringLiteral("01K8B"), QStringLiteral("LOW"),
                                                  QStringLiteral("2025-10-21T13:10:30.250000+02:00"))});
        QString whyNot;
        const auto faults = Fault::parseList(json, &whyNot);
        QVERIFY2(faults, qPrintable(whyNot));
        QCOMPARE(faults->size(), 2);
        const Fault& first = faults->at(0);
        QCOMPARE(first.id, QStringLiteral("01K8A"));
        QCOMPARE(first.type, QStringLiteral("wan_failover"));
        QCOMPARE(first.status, QStringLiteral("active"));
        QCOMPARE(first.severity, Severity::Critical);
        QCOMPARE(first.message, QStringLiteral("WAN failed over to LTE backup"));
        QCOMPARE(first.cause, QStringLiteral("Loss of light on ether1 (fibre uplink)"));
        QCOMPARE(first.site, QStringLiteral("Cape Town Branch 07"));
        QCOMPARE(first.resource, QStringLiteral("cpt-br07-edge"));
        QCOMPARE(first.createdAt, QDateTime(QDate(2025, 10, 21), QTime(12, 38), Qt::UTC));
        QVERIFY(!first.resolvedAt.isValid());
        QVERIFY(!first.isResolved());
        const Fault& second = faults->at(1);
        QCOMPARE(second.resolvedAt, QDateTime(QDate(2025, 10, 21), QTime(11, 10, 30, 250), Qt::UTC));
        QVERIFY(second.isResolved());
    }

    void emptyArray_isAnEmptyList()
    {
        QString whyNot;
        const auto faults = Fault::parseList("[]", &whyNot);
        QVERIFY(faults);
        QVERIFY(faults->isEmpty());
    }

    void optionalMembers_nullMissingOrWrongType_readAsEmpty()
    {
        QJsonObject object{
            {QStringLiteral("id"), QStringLiteral("x1")},
            {QStringLiteral("severity"), QStringLiteral("medium")},
            {QStringLiteral("message"), QString()},
            {QStringLiteral("created_at"), QStringLiteral("2025-10-21T12:00:00Z")},
            {QStringLiteral("cause"), QJsonValue::Null},
            {QStringLiteral("site"), 42},
            {QStringLiteral("resource"), QJsonArray{QStringLiteral("r")}},
            {QStringLiteral("resolved_at"), QStringLiteral("not a date")},
            {QStringLiteral("unknown_member"), QJsonObject{{QStringLiteral("a"), 1}}},
        };
        QString whyNot;
        const auto faults = Fault::parseList(body({object}), &whyNot);
        QVERIFY2(faults, qPrintable(whyNot));
        const Fault& fault = faults->first();
        QCOMPARE(fault.severity, Severity::Medium);
        QVERIFY(fault.message.isEmpty());
        QVERIFY(fault.type.isEmpty());
        QVERIFY(fault.status.isEmpty());
        QVERIFY(fault.cause.isEmpty());
        QVERIFY(fault.site.isEmpty());
        QVERIFY(fault.resource.isEmpty());
        QVERIFY(!fault.resolvedAt.isValid());
        QVERIFY(!fault.isResolved());
    }

    void resolvedStatusWithoutTime_isResolved()
    {
        Fault fault;
        fault.status = QStringLiteral("RESOLVED");
        QVERIFY(fault.isResolved());
        fault.status = QStringLiteral("active");
        QVERIFY(!fault.isResolved());
        fault.resolvedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(fault.isResolved());
    }

    void requiredMember_missingOrWrongType_rejectsWholeBody_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mustName");
        const QJsonValue missing(QJsonValue::Undefined);
        QTest::newRow("id missing") << withMember("id", missing) << QStringLiteral("id");
        QTest::newRow("id a number") << withMember("id", 17) << QStringLiteral("id");
        QTest::newRow("id empty") << withMember("id", QString()) << QStringLiteral("id");
        QTest::newRow("id null") << withMember("id", QJsonValue::Null) << QStringLiteral("id");
        QTest::newRow("severity missing") << withMember("severity", missing) << QStringLiteral("severity");
        QTest::newRow("severity a number") << withMember("severity", 3) << QStringLiteral("severity");
        QTest::newRow("message missing") << withMember("message", missing) << QStringLiteral("message");
        QTest::newRow("message null") << withMember("message", QJsonValue::Null) << QStringLiteral("message");
        QTest::newRow("message an object") << withMember("message", QJsonObject{}) << QStringLiteral("message");
        QTest::newRow("created_at missing") << withMember("created_at", missing) << QStringLiteral("created_at");
        QTest::newRow("created_at a number") << withMember("created_at", 1761051600) << QStringLiteral("created_at");
        QTest::newRow("created_at MARKER") << withMember("created_at", QStringLiteral("MARKER-7f3a"))
                                           << QStringLiteral("created_at");
        QTest::newRow("created_at without zone") << withMember("created_at", QStringLiteral("2025-10-21T12:00:00"))
                                                 << QStringLiteral("created_at");
    }

    void requiredMember_missingOrWrongType_rejectsWholeBody()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mustName);
        QString whyNot;
        QVERIFY(!Fault::parseList(json, &whyNot));
        QVERIFY2(whyNot.contains(mustName), qPrintable(whyNot));
        // The second fault is the broken one, and the reason says which.
        QVERIFY2(whyNot.contains(QLatin1Char('2')), qPrintable(whyNot));
        QVERIFY(!whyNot.contains(QStringLiteral("MARKER")));
    }

    void notAnArrayOfObjects_isRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty body");
        QTest::newRow("blank") << QByteArray(" \r\n") << QStringLiteral("empty body");
        QTest::newRow("html") << QByteArray("<html><h1>502 Bad Gateway</h1></html>") << QStringLiteral("not JSON");
        QTest::newRow("truncated") << withMember("id", QStringLiteral("x")).chopped(5) << QStringLiteral("not JSON");
        QTest::newRow("object") << QByteArray(R"({"data":[]})") << QStringLiteral("not a JSON array of faults");
        // Qt 6.4 reads a bare scalar as no JSON at all; either reason will do.
        QTest::newRow("null") << QByteArray("null") << QString();
        QTest::newRow("string") << QByteArray(R"("faults")") << QString();
        QTest::newRow("array of numbers") << QByteArray("[1,2]") << QStringLiteral("fault 1 is not an object");
        QTest::newRow("array with null") << QByteArray("[null]") << QStringLiteral("fault 1 is not an object");
    }

    void notAnArrayOfObjects_isRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString whyNot;
        QVERIFY(!Fault::parseList(json, &whyNot));
        if (reason.isEmpty())
            QVERIFY(whyNot == QStringLiteral("not JSON") || whyNot == QStringLiteral("not a JSON array of faults"));
        else
            QCOMPARE(whyNot, reason);
    }

    void nullWhyNot_isAllowed()
    {
        QVERIFY(!Fault::parseList("{}", nullptr));
    }

    void hugeStrings_areCutWithoutSplittingAPair_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QString(100000, QLatin1Char('w'));
        // U+1F525 as a pair everywhere: some cut falls between its halves unless avoided.
        QString pairs;
        for (int i = 0; i < 3000; ++i)
            pairs += QString::fromUcs4(U"\U0001F525");
        QTest::newRow("surrogate pairs") << pairs;
        QTest::newRow("pairs, odd offset") << QStringLiteral("a") + pairs;
    }

    void hugeStrings_areCutWithoutSplittingAPair()
    {
        QFETCH(QString, text);
        QJsonObject object = faultObject(QStringLiteral("id1"), QStringLiteral("LOW"));
        for (const char* member : {"message", "cause", "site", "resource"})
            object.insert(QLatin1StringView(member), text);
        QString whyNot;
        const auto faults = Fault::parseList(body({object}), &whyNot);
        QVERIFY2(faults, qPrintable(whyNot));
        const Fault& fault = faults->first();
        for (const QString& value : {fault.message, fault.cause, fault.site, fault.resource}) {
            QVERIFY2(value.size() <= Fault::MaxTextLength, qPrintable(QString::number(value.size())));
            QVERIFY(value.size() >= Fault::MaxTextLength - 2);
            QVERIFY(value.endsWith(QChar(0x2026)));
            QVERIFY(value.isValidUtf16());
        }
    }

    void controlCharacters_areRemoved()
    {
        QJsonObject object = faultObject(QStringLiteral("id\u0007\u009b1"), QStringLiteral("HIGH"));
        object.insert(QStringLiteral("message"),
                      QStringLiteral("\u001b[31mRed\u001b[0m\r\nline\ttwo \u202egnp.exe\u202c end\u0000"));
        object.insert(QStringLiteral("cause"), QStringLiteral("LONE lone"));
        object.insert(QStringLiteral("site"), QStringLiteral("\u2028Site\u2029"));
        // JSON may escape a lone surrogate; QJsonDocument would not write one.
        const QByteArray json = body({object}).replace("LONE", "\\ud800");
        QString whyNot;
        const auto faults = Fault::parseList(json, &whyNot);
        QVERIFY2(faults, qPrintable(whyNot));
        const Fault& fault = faults->first();
        QCOMPARE(fault.id, QStringLiteral("id 1"));
        QCOMPARE(fault.message, QStringLiteral("[31mRed [0m line two gnp.exe end"));
        QVERIFY(!hasControls(fault.message));
        QVERIFY(fault.cause.isValidUtf16());
        QCOMPARE(fault.cause, QString(QChar(QChar::ReplacementCharacter)) + QStringLiteral(" lone"));
        QCOMPARE(fault.site, QStringLiteral("Site"));
    }

    void manyFaults_areAllKept()
    {
        QJsonArray array;
        for (int i = 0; i < 12000; ++i)
            array.append(faultObject(QStringLiteral("f%1").arg(i), i % 2 ? QStringLiteral("LOW") : QStringLiteral("HIGH")));
        QString whyNot;
        const auto faults = Fault::parseList(body(array), &whyNot);
        QVERIFY2(faults, qPrintable(whyNot));
        QCOMPARE(faults->size(), 12000);
        QCOMPARE(faults->last().id, QStringLiteral("f11999"));
    }

    void severityFromText_anyCase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Severity>("severity");
        QTest::newRow("LOW") << QStringLiteral("LOW") << Severity::Low;
        QTest::newRow("medium") << QStringLiteral("medium") << Severity::Medium;
        QTest::newRow("High") << QStringLiteral("High") << Severity::High;
        QTest::newRow("CRITICAL") << QStringLiteral("CRITICAL") << Severity::Critical;
        QTest::newRow("INFO") << QStringLiteral("INFO") << Severity::Unknown;
        QTest::newRow("empty") << QString() << Severity::Unknown;
    }

    void severityFromText_anyCase()
    {
        QFETCH(QString, text);
        QFETCH(Severity, severity);
        QCOMPARE(Fault::severityFromText(text), severity);
    }

    void severityName_namesEachSeverity()
    {
        QCOMPARE(Fault::severityName(Severity::Critical), QStringLiteral("Critical"));
        QCOMPARE(Fault::severityName(Severity::High), QStringLiteral("High"));
        QCOMPARE(Fault::severityName(Severity::Medium), QStringLiteral("Medium"));
        QCOMPARE(Fault::severityName(Severity::Low), QStringLiteral("Low"));
        QCOMPARE(Fault::severityName(Severity::Unknown), QStringLiteral("Unknown"));
    }

    void countBySeverity_listsEverySeverity()
    {
        QString whyNot;
        const auto faults = Fault::parseList(
            body({faultObject(QStringLiteral("a"), QStringLiteral("HIGH")), faultObject(QStringLiteral("b"), QStringLiteral("HIGH")),
                  faultObject(QStringLiteral("c"), QStringLiteral("LOW")), faultObject(QStringLiteral("d"), QStringLiteral("bogus"))}),
            &whyNot);
        QVERIFY2(faults, qPrintable(whyNot));
        const QMap<Severity, int> counts = Fault::countBySeverity(*faults);
        QCOMPARE(counts.size(), 5);
        QCOMPARE(counts.value(Severity::Critical, -1), 0);
        QCOMPARE(counts.value(Severity::High, -1), 2);
        QCOMPARE(counts.value(Severity::Medium, -1), 0);
        QCOMPARE(counts.value(Severity::Low, -1), 1);
        QCOMPARE(counts.value(Severity::Unknown, -1), 1);
        QCOMPARE(Fault::countBySeverity({}).value(Severity::Critical, -1), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Fault)
#include "tst_fault.moc"
