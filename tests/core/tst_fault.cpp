#include "Fault.h"
#include "FaultModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace faultshare;

using Severity = Fault::Severity;

namespace {

// One fault as the reference documents it (Altostrat's Fault object).
QJsonObject faultObject(const QString& id, const QString& severity, const QJsonValue& resolvedAt = QJsonValue::Null)
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("resource_id"), QStringLiteral("dev_2j4k2l2j3k4l2j3k4")},
        {QStringLiteral("customer_id"), QStringLiteral("cus_8a7b6c5d4e3f2g1h")},
        {QStringLiteral("microservice_id"), QStringLiteral("wantunnel-monitor")},
        {QStringLiteral("type"), QStringLiteral("wantunnel")},
        {QStringLiteral("status"), resolvedAt.isNull() ? QStringLiteral("unresolved") : QStringLiteral("resolved")},
        {QStringLiteral("severity"), severity},
        {QStringLiteral("message"), QStringLiteral("WAN tunnel down")},
        {QStringLiteral("cause"), QStringLiteral("Loss of light on ether1 (fibre uplink)")},
        {QStringLiteral("created_at"), QStringLiteral("2025-10-21T12:00:00.000000Z")},
        {QStringLiteral("resolved_at"), resolvedAt},
        {QStringLiteral("resource_ancestry_path"), QStringLiteral("site_8a7b6c5d|dev_2j4k2l2j3k4l2j3k4")},
        {QStringLiteral("ttl"), 1763726400},
        {QStringLiteral("comments"),
         QJsonArray{QJsonObject{{QStringLiteral("user_id"), QStringLiteral("usr_1")},
                                {QStringLiteral("comment"), QStringLiteral("Carrier ticket opened.")},
                                {QStringLiteral("created_at"), QStringLiteral("2025-10-21T12:05:00.000000Z")}},
                    QJsonObject{{QStringLiteral("user_id"), QStringLiteral("usr_2")},
                                {QStringLiteral("comment"), QStringLiteral("ETA 2 hours.")},
                                {QStringLiteral("created_at"), QStringLiteral("2025-10-21T12:30:00.000000Z")}}}},
    };
}

QByteArray body(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray withMember(const char* member, const QJsonValue& value)
{
    QJsonObject object = faultObject(QStringLiteral("flt_2"), QStringLiteral("HIGH"));
    if (value.isUndefined())
        object.remove(QLatin1StringView(member));
    else
        object.insert(QLatin1StringView(member), value);
    return body(QJsonArray{faultObject(QStringLiteral("flt_1"), QStringLiteral("LOW")), object});
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

Fault parsedOne(const QJsonObject& object)
{
    QString whyNot;
    const auto list = Fault::parseList(body({object}), &whyNot);
    if (!list || list->faults.size() != 1)
        qFatal("the fault did not parse: %s", qPrintable(whyNot));
    return list->faults.first();
}

} // namespace

class tst_Fault final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void referenceShape_parsesEveryMember()
    {
        QString whyNot;
        const auto list = Fault::parseList(body({faultObject(QStringLiteral("flt_1"), QStringLiteral("CRITICAL")),
                                                 faultObject(QStringLiteral("flt_2"), QStringLiteral("WARNING"),
                                                             QStringLiteral("2025-10-21T12:40:00.000000Z"))}),
                                           &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        QCOMPARE(list->unreadable, 0);
        QCOMPARE(list->faults.size(), 2);
        const Fault& f = list->faults.at(0);
        QCOMPARE(f.id, QStringLiteral("flt_1"));
        QCOMPARE(f.resourceId, QStringLiteral("dev_2j4k2l2j3k4l2j3k4"));
        QCOMPARE(f.customerId, QStringLiteral("cus_8a7b6c5d4e3f2g1h"));
        QCOMPARE(f.microserviceId, QStringLiteral("wantunnel-monitor"));
        QCOMPARE(f.type, QStringLiteral("wantunnel"));
        QCOMPARE(f.status, QStringLiteral("unresolved"));
        QCOMPARE(f.severity, Severity::Critical);
        QCOMPARE(f.message, QStringLiteral("WAN tunnel down"));
        QCOMPARE(f.cause, QStringLiteral("Loss of light on ether1 (fibre uplink)"));
        QCOMPARE(f.createdAt, QDateTime(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC));
        QVERIFY(!f.resolvedAt.isValid());
        QVERIFY(!f.isResolved());
        QCOMPARE(f.ancestryPath, QStringLiteral("site_8a7b6c5d|dev_2j4k2l2j3k4l2j3k4"));
        QCOMPARE(f.ttl, std::optional<qint64>(1763726400));
        QCOMPARE(f.comments.size(), 2);
        QCOMPARE(f.comments.at(0).userId, QStringLiteral("usr_1"));
        QCOMPARE(f.comments.at(0).comment, QStringLiteral("Carrier ticket opened."));
        QCOMPARE(f.comments.at(0).createdAt, QDateTime(QDate(2025, 10, 21), QTime(12, 5), Qt::UTC));
        QCOMPARE(f.raw, faultObject(QStringLiteral("flt_1"), QStringLiteral("CRITICAL")));
        const Fault& resolved = list->faults.at(1);
        QCOMPARE(resolved.severity, Severity::Warning);
        QCOMPARE(resolved.resolvedAt, QDateTime(QDate(2025, 10, 21), QTime(12, 40), Qt::UTC));
        QVERIFY(resolved.isResolved());
    }

    void where_comesFromTheAncestryPath_data()
    {
        QTest::addColumn<QJsonValue>("path");
        QTest::addColumn<QJsonValue>("resourceId");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("where");
        const QString arrow = QStringLiteral(" \u203a ");
        QTest::newRow("site and device") << QJsonValue(QStringLiteral("site_a|dev_b")) << QJsonValue(QStringLiteral("dev_b"))
                                         << QStringLiteral("site_a") << QStringLiteral("dev_b") << QStringLiteral("site_a") + arrow + QStringLiteral("dev_b");
        QTest::newRow("deeper path") << QJsonValue(QStringLiteral("site_a|rack_c|dev_b")) << QJsonValue(QJsonValue::Undefined)
                                     << QStringLiteral("site_a") << QStringLiteral("dev_b") << QStringLiteral("site_a") + arrow + QStringLiteral("dev_b");
        QTest::newRow("no path") << QJsonValue(QJsonValue::Undefined) << QJsonValue(QStringLiteral("dev_b"))
                                 << QString() << QStringLiteral("dev_b") << QStringLiteral("dev_b");
        QTest::newRow("site only") << QJsonValue(QStringLiteral("site_a")) << QJsonValue(QJsonValue::Null)
                                   << QStringLiteral("site_a") << QString() << QStringLiteral("site_a");
        QTest::newRow("nothing") << QJsonValue(QJsonValue::Null) << QJsonValue(42) << QString() << QString() << QString();
        QTest::newRow("empty elements") << QJsonValue(QStringLiteral("|site_a||dev_b|")) << QJsonValue(QJsonValue::Undefined)
                                        << QStringLiteral("site_a") << QStringLiteral("dev_b") << QStringLiteral("site_a") + arrow + QStringLiteral("dev_b");
    }

    void where_comesFromTheAncestryPath()
    {
        QFETCH(QJsonValue, path);
        QFETCH(QJsonValue, resourceId);
        QFETCH(QString, site);
        QFETCH(QString, device);
        QFETCH(QString, where);
        QJsonObject object = faultObject(QStringLiteral("flt_1"), QStringLiteral("LOW"));
        object.remove(QStringLiteral("resource_ancestry_path"));
        object.remove(QStringLiteral("resource_id"));
        if (!path.isUndefined())
            object.insert(QStringLiteral("resource_ancestry_path"), path);
        if (!resourceId.isUndefined())
            object.insert(QStringLiteral("resource_id"), resourceId);
        const Fault fault = parsedOne(object);
        QCOMPARE(fault.site(), site);
        QCOMPARE(fault.device(), device);
        QCOMPARE(fault.where(), where);
    }

    void emptyArray_isAnEmptyList()
    {
        QString whyNot;
        const auto list = Fault::parseList("[]", &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        QVERIFY(list->faults.isEmpty());
        QCOMPARE(list->unreadable, 0);
    }

    // The reference marks no member as required: null, missing or odd members read as
    // empty, and the fault is still shown.
    void oddMembers_readAsEmpty_faultKept_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QJsonValue missing(QJsonValue::Undefined);
        for (const char* member : {"resource_id", "customer_id", "microservice_id", "type", "status", "severity", "cause",
                                   "created_at", "resolved_at", "resource_ancestry_path", "ttl", "comments"}) {
            QTest::newRow(QByteArray(member + QByteArray(" missing")).constData()) << withMember(member, missing);
            QTest::newRow(QByteArray(member + QByteArray(" null")).constData()) << withMember(member, QJsonValue::Null);
            QTest::newRow(QByteArray(member + QByteArray(" an object")).constData()) << withMember(member, QJsonObject{});
            QTest::newRow(QByteArray(member + QByteArray(" a number")).constData()) << withMember(member, 17.5);
        }
        QTest::newRow("created_at garbage") << withMember("created_at", QStringLiteral("MARKER-7f3a"));
        QTest::newRow("comments of odd items") << withMember("comments", QJsonArray{1, QJsonValue::Null, QStringLiteral("x"), QJsonObject{}});
        QTest::newRow("id missing, message kept") << withMember("id", missing);
        QTest::newRow("message missing, id kept") << withMember("message", missing);
    }

    void oddMembers_readAsEmpty_faultKept()
    {
        QFETCH(QByteArray, json);
        QString whyNot;
        const auto list = Fault::parseList(json, &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        QCOMPARE(list->faults.size(), 2);
        QCOMPARE(list->unreadable, 0);
        const Fault& odd = list->faults.at(1);
        QVERIFY(!odd.id.isEmpty() || !odd.message.isEmpty());
        for (const QString& text : {odd.type, odd.status, odd.cause, odd.where()})
            QVERIFY(!text.contains(QStringLiteral("MARKER")));
        // Whatever is odd, the details render and the row has a severity to show.
        QVERIFY(!FaultModel::details(odd).isEmpty());
        QVERIFY(!odd.severityLabel().isEmpty());
    }

    void unreadableFaults_areSkippedAndCounted()
    {
        QJsonArray array{faultObject(QStringLiteral("flt_1"), QStringLiteral("LOW")), QJsonValue::Null, 17,
                         QStringLiteral("fault"), QJsonArray{}, QJsonObject{},
                         QJsonObject{{QStringLiteral("severity"), QStringLiteral("HIGH")}},
                         faultObject(QStringLiteral("flt_2"), QStringLiteral("HIGH"))};
        QString whyNot;
        const auto list = Fault::parseList(body(array), &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        QCOMPARE(list->faults.size(), 2);
        QCOMPARE(list->faults.at(0).id, QStringLiteral("flt_1"));
        QCOMPARE(list->faults.at(1).id, QStringLiteral("flt_2"));
        QCOMPARE(list->unreadable, 6);
        QCOMPARE(Fault::unreadableText(1), QStringLiteral("1 fault could not be read"));
        QCOMPARE(Fault::unreadableText(6), QStringLiteral("6 faults could not be read"));
    }

    void status_decides_thenResolvedAt()
    {
        QJsonObject object = faultObject(QStringLiteral("flt_1"), QStringLiteral("HIGH"));
        object.insert(QStringLiteral("status"), QStringLiteral("RESOLVED"));
        QVERIFY(parsedOne(object).isResolved());
        object.insert(QStringLiteral("status"), QStringLiteral("unresolved"));
        object.insert(QStringLiteral("resolved_at"), QStringLiteral("2025-10-21T12:40:00.000000Z"));
        QVERIFY(!parsedOne(object).isResolved());
        object.insert(QStringLiteral("status"), QStringLiteral("acknowledged"));
        QVERIFY(parsedOne(object).isResolved());
        object.insert(QStringLiteral("resolved_at"), QJsonValue::Null);
        QVERIFY(!parsedOne(object).isResolved());
    }

    void legacyTimestamps_areRead()
    {
        const QDateTime t(QDate(2023, 7, 1), QTime(8, 3, 22), Qt::UTC);
        QJsonObject object = faultObject(QStringLiteral("flt_1"), QStringLiteral("HIGH"));
        object.insert(QStringLiteral("created_at"), QStringLiteral("2023-07-01 08:03:22"));
        object.insert(QStringLiteral("resolved_at"), QStringLiteral("2023-07-01t08:03:22.5z"));
        const Fault fault = parsedOne(object);
        QCOMPARE(fault.createdAt, t);
        QCOMPARE(fault.resolvedAt, t.addMSecs(500));
    }

    void unknownSeverity_isKeptAsSent()
    {
        QJsonObject object = faultObject(QStringLiteral("flt_1"), QStringLiteral("error"));
        Fault fault = parsedOne(object);
        QCOMPARE(fault.severity, Severity::Unknown);
        QCOMPARE(fault.severityLabel(), QStringLiteral("error"));
        object.insert(QStringLiteral("severity"), QStringLiteral("critical"));
        fault = parsedOne(object);
        QCOMPARE(fault.severity, Severity::Critical);
        QCOMPARE(fault.severityLabel(), QStringLiteral("Critical"));
        object.remove(QStringLiteral("severity"));
        QCOMPARE(parsedOne(object).severityLabel(), QStringLiteral("Unknown"));
    }

    void notAnArray_isRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty body");
        QTest::newRow("blank") << QByteArray(" \r\n") << QStringLiteral("empty body");
        QTest::newRow("html") << QByteArray("<html><h1>502 Bad Gateway</h1></html>") << QStringLiteral("not JSON");
        QTest::newRow("truncated") << withMember("id", QStringLiteral("x")).chopped(5) << QStringLiteral("not JSON");
        QTest::newRow("list wrapper") << QByteArray(R"({"data":[],"meta":{"count":0}})") << QStringLiteral("not a JSON array of faults");
    }

    void notAnArray_isRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString whyNot;
        QVERIFY(!Fault::parseList(json, &whyNot));
        QCOMPARE(whyNot, reason);
    }

    void nullWhyNot_isAllowed()
    {
        QVERIFY(!Fault::parseList("{}", nullptr));
    }

    void showsBefore_unresolvedFirst_thenSeverityOrder()
    {
        const auto make = [](const char* id, const char* severity, bool resolved) {
            QJsonObject object = faultObject(QString::fromLatin1(id), QString::fromLatin1(severity),
                                             resolved ? QJsonValue(QStringLiteral("2025-10-21T12:40:00Z")) : QJsonValue::Null);
            return parsedOne(object);
        };
        QList<Fault> faults{make("low", "LOW", false), make("crit-res", "CRITICAL", true), make("warn", "WARNING", false),
                            make("odd", "error", false), make("med", "MEDIUM", false), make("crit", "CRITICAL", false),
                            make("high", "HIGH", false), make("low-res", "LOW", true)};
        std::stable_sort(faults.begin(), faults.end(), &Fault::showsBefore);
        QStringList ids;
        for (const Fault& fault : std::as_const(faults))
            ids << fault.id;
        QCOMPARE(ids, QStringList({QStringLiteral("crit"), QStringLiteral("high"), QStringLiteral("med"), QStringLiteral("warn"),
                                   QStringLiteral("low"), QStringLiteral("odd"), QStringLiteral("crit-res"), QStringLiteral("low-res")}));
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
        for (const char* member : {"message", "cause", "resource_ancestry_path"})
            object.insert(QLatin1StringView(member), text);
        const Fault fault = parsedOne(object);
        for (const QString& value : {fault.message, fault.cause, fault.ancestryPath}) {
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
        object.insert(QStringLiteral("resource_ancestry_path"), QStringLiteral("\u2028site_a\u2029|dev_\u202eb"));
        object.insert(QStringLiteral("comments"), QJsonArray{QJsonObject{{QStringLiteral("comment"), QStringLiteral("a\u001b[2Jb")}}});
        // JSON may escape a lone surrogate; QJsonDocument would not write one.
        const QByteArray json = body({object}).replace("LONE", "\\ud800");
        QString whyNot;
        const auto list = Fault::parseList(json, &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        const Fault& fault = list->faults.first();
        QCOMPARE(fault.id, QStringLiteral("id 1"));
        QCOMPARE(fault.message, QStringLiteral("[31mRed [0m line two gnp.exe end"));
        QVERIFY(!hasControls(fault.message));
        QVERIFY(fault.cause.isValidUtf16());
        QCOMPARE(fault.cause, QString(QChar(QChar::ReplacementCharacter)) + QStringLiteral(" lone"));
        QCOMPARE(fault.site(), QStringLiteral("site_a"));
        QVERIFY(!hasControls(fault.where()));
        QCOMPARE(fault.comments.first().comment, QStringLiteral("a [2Jb"));
    }

    void manyFaults_areAllKept()
    {
        QJsonArray array;
        for (int i = 0; i < 12000; ++i)
            array.append(faultObject(QStringLiteral("f%1").arg(i), i % 2 ? QStringLiteral("LOW") : QStringLiteral("HIGH")));
        QString whyNot;
        const auto list = Fault::parseList(body(array), &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        QCOMPARE(list->faults.size(), 12000);
        QCOMPARE(list->faults.last().id, QStringLiteral("f11999"));
    }

    void severityFromText_anyCase_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Severity>("severity");
        QTest::newRow("LOW") << QStringLiteral("LOW") << Severity::Low;
        QTest::newRow("medium") << QStringLiteral("medium") << Severity::Medium;
        QTest::newRow("High") << QStringLiteral("High") << Severity::High;
        QTest::newRow("CRITICAL") << QStringLiteral("CRITICAL") << Severity::Critical;
        QTest::newRow("WARNING") << QStringLiteral("WARNING") << Severity::Warning;
        QTest::newRow("warning, spaced") << QStringLiteral(" warning ") << Severity::Warning;
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
        QCOMPARE(Fault::severityName(Severity::Warning), QStringLiteral("Warning"));
        QCOMPARE(Fault::severityName(Severity::Low), QStringLiteral("Low"));
        QCOMPARE(Fault::severityName(Severity::Unknown), QStringLiteral("Unknown"));
    }

    void countBySeverity_listsEverySeverity()
    {
        QString whyNot;
        const auto list = Fault::parseList(
            body({faultObject(QStringLiteral("a"), QStringLiteral("HIGH")), faultObject(QStringLiteral("b"), QStringLiteral("HIGH")),
                  faultObject(QStringLiteral("c"), QStringLiteral("LOW")), faultObject(QStringLiteral("d"), QStringLiteral("bogus")),
                  faultObject(QStringLiteral("e"), QStringLiteral("Warning"))}),
            &whyNot);
        QVERIFY2(list, qPrintable(whyNot));
        const QMap<Severity, int> counts = Fault::countBySeverity(list->faults);
        QCOMPARE(counts.size(), 6);
        QCOMPARE(counts.value(Severity::Warning, -1), 1);
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
