#include "FaultModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QPersistentModelIndex>
#include <QTest>

using namespace faultshare;

using Severity = Fault::Severity;

namespace {

const QDateTime Base(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);

Fault fault(const QString& id, Severity severity, int createdMinutesAgo, int resolvedMinutesAgo = -1)
{
    Fault f;
    f.id = id;
    f.severity = severity;
    f.message = QStringLiteral("message ") + id;
    f.cause = QStringLiteral("cause <b>") + id + QStringLiteral("</b>");
    f.ancestryPath = QStringLiteral("site_") + id + QStringLiteral("|dev_") + id;
    f.resourceId = QStringLiteral("dev_") + id;
    f.type = QStringLiteral("wantunnel");
    f.microserviceId = QStringLiteral("wantunnel-monitor");
    f.createdAt = Base.addSecs(-60LL * createdMinutesAgo);
    if (resolvedMinutesAgo >= 0) {
        f.resolvedAt = Base.addSecs(-60LL * resolvedMinutesAgo);
        f.status = QStringLiteral("resolved");
    } else {
        f.status = QStringLiteral("unresolved");
    }
    return f;
}

QList<Fault> sample()
{
    Fault odd = fault(QStringLiteral("odd"), Severity::Unknown, 5);
    odd.severityText = QStringLiteral("error");
    return {fault(QStringLiteral("low"), Severity::Low, 320, 290), fault(QStringLiteral("high-old"), Severity::High, 185, 171),
            fault(QStringLiteral("crit"), Severity::Critical, 47), fault(QStringLiteral("high-new"), Severity::High, 22),
            odd, fault(QStringLiteral("med"), Severity::Medium, 95), fault(QStringLiteral("warn"), Severity::Warning, 30)};
}

QStringList ids(const FaultModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(FaultModel::IdRole).toString();
    return out;
}

} // namespace

class tst_FaultModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultOrder_isUnresolvedFirst_thenSeverity_thenNewest()
    {
        FaultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFaults(sample());
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(FaultModel::ColumnCount));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("crit"), QStringLiteral("high-new"), QStringLiteral("med"),
                                          QStringLiteral("warn"), QStringLiteral("odd"), QStringLiteral("high-old"),
                                          QStringLiteral("low")}));
    }

    void columns_showWhatTheOperatorReads()
    {
        FaultModel model;
        Fault commented = fault(QStringLiteral("crit"), Severity::Critical, 47);
        commented.comments = {FaultComment{QStringLiteral("usr_1"), QStringLiteral("Carrier called."), Base},
                              FaultComment{QStringLiteral("usr_2"), QStringLiteral("ETA 2 h."), Base.addSecs(60)}};
        QList<Fault> faults = sample();
        faults[2] = commented;
        model.setFaults(faults);
        const int crit = 0;
        const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(crit, FaultModel::SeverityColumn), QStringLiteral("Critical"));
        QCOMPARE(cell(crit, FaultModel::StatusColumn), QStringLiteral("Unresolved"));
        QCOMPARE(cell(crit, FaultModel::WhereColumn), QStringLiteral("site_crit \u203a dev_crit"));
        QCOMPARE(cell(crit, FaultModel::MessageColumn), QStringLiteral("message crit"));
        QCOMPARE(cell(crit, FaultModel::CauseColumn), QStringLiteral("cause <b>crit</b>"));
        QCOMPARE(cell(crit, FaultModel::TypeColumn), QStringLiteral("wantunnel (wantunnel-monitor)"));
        QCOMPARE(cell(crit, FaultModel::CreatedColumn), QLocale().toString(Base.addSecs(-47 * 60).toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(cell(crit, FaultModel::ResolvedColumn), QStringLiteral("Active"));
        QCOMPARE(cell(crit, FaultModel::CommentsColumn), QStringLiteral("2"));
        const int odd = 4;
        QCOMPARE(cell(odd, FaultModel::SeverityColumn), QStringLiteral("error"));
        QCOMPARE(cell(odd, FaultModel::CommentsColumn), QString());
        const int low = 6;
        QCOMPARE(cell(low, FaultModel::StatusColumn), QStringLiteral("Resolved"));
        QCOMPARE(cell(low, FaultModel::ResolvedColumn), QLocale().toString(Base.addSecs(-290 * 60).toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(model.index(low, 0).data(FaultModel::ResolvedRole).toBool(), true);
        QCOMPARE(model.index(low, 0).data(FaultModel::SeverityRole).toInt(), int(Severity::Low));
        QCOMPARE(model.headerData(FaultModel::WhereColumn, Qt::Horizontal).toString(), QStringLiteral("Where"));
        QCOMPARE(model.headerData(FaultModel::CreatedColumn, Qt::Horizontal).toString(), QStringLiteral("Since"));
    }

    void details_tellEverythingIncludingComments()
    {
        Fault f = fault(QStringLiteral("crit"), Severity::Critical, 47);
        f.comments = {FaultComment{QStringLiteral("usr_1"), QStringLiteral("Carrier called."), Base},
                      FaultComment{QString(), QStringLiteral("ETA 2 h."), QDateTime()}};
        const QString text = FaultModel::details(f);
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.first(), QStringLiteral("Critical \u00b7 unresolved \u00b7 site_crit \u203a dev_crit"));
        for (const QString& part : {QStringLiteral("message crit"), QStringLiteral("Cause: cause <b>crit</b>"),
                                    QStringLiteral("Type: wantunnel (wantunnel-monitor)"), QStringLiteral("Fault: crit"),
                                    QStringLiteral("Comments:"), QStringLiteral("usr_1: Carrier called."),
                                    QStringLiteral("someone: ETA 2 h.")})
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" not in ") + text));
        QVERIFY(text.contains(f.createdAt.toString(Qt::ISODate)));
        // Oldest comment first, as the API lists them.
        QVERIFY(text.indexOf(QStringLiteral("Carrier called.")) < text.indexOf(QStringLiteral("ETA 2 h.")));
        f.comments.clear();
        QVERIFY(FaultModel::details(f).endsWith(QStringLiteral("No comments.")));
    }

    void resolvedWithoutTime_saysResolved()
    {
        FaultModel model;
        Fault f = fault(QStringLiteral("a"), Severity::High, 1);
        f.status = QStringLiteral("resolved");
        model.setFaults({f, fault(QStringLiteral("b"), Severity::Low, 2)});
        // Unresolved first: the resolved one is the last row.
        QCOMPARE(model.index(1, 0).data(FaultModel::IdRole).toString(), QStringLiteral("a"));
        QCOMPARE(model.index(1, FaultModel::ResolvedColumn).data().toString(), QStringLiteral("Resolved"));
        QCOMPARE(model.activeCount(), 1);
        QCOMPARE(model.resolvedCount(), 1);
    }

    void causeTooltip_isEscaped()
    {
        FaultModel model;
        model.setFaults({fault(QStringLiteral("x"), Severity::High, 1)});
        for (int column = 0; column < FaultModel::ColumnCount; ++column) {
            const QString tip = model.index(0, column).data(Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QStringLiteral("cause &lt;b&gt;x&lt;/b&gt;")), qPrintable(tip));
            QVERIFY(!tip.contains(QStringLiteral("<b>")));
        }
        Fault noCause = fault(QStringLiteral("y"), Severity::High, 1);
        noCause.cause.clear();
        model.setFaults({noCause});
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).isNull());
    }

    void severityColour_isTheDecorationOfTheSeverityColumn()
    {
        FaultModel model;
        model.setFaults(sample());
        QVERIFY(model.index(0, FaultModel::SeverityColumn).data(Qt::DecorationRole).isNull());
        model.setSeverityColour([](Severity s) -> QVariant {
            return s == Severity::Critical ? QColor(Qt::red) : QColor(Qt::blue);
        });
        QCOMPARE(model.index(0, FaultModel::SeverityColumn).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::red));
        QCOMPARE(model.index(1, FaultModel::SeverityColumn).data(Qt::DecorationRole).value<QColor>(), QColor(Qt::blue));
        QVERIFY(model.index(0, FaultModel::MessageColumn).data(Qt::DecorationRole).isNull());
    }

    void sortByCreated_keepsPersistentIndexes()
    {
        FaultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFaults(sample());
        const QPersistentModelIndex crit(model.index(0, FaultModel::MessageColumn));
        model.sort(FaultModel::CreatedColumn, Qt::AscendingOrder);
        QCOMPARE(ids(model), (QStringList{QStringLiteral("low"), QStringLiteral("high-old"), QStringLiteral("med"),
                                          QStringLiteral("crit"), QStringLiteral("warn"), QStringLiteral("high-new"),
                                          QStringLiteral("odd")}));
        QVERIFY(crit.isValid());
        QCOMPARE(crit.row(), 3);
        QCOMPARE(crit.column(), int(FaultModel::MessageColumn));
        QCOMPARE(crit.data().toString(), QStringLiteral("message crit"));
        // New lists keep the chosen order.
        model.setFaults(sample());
        QCOMPARE(ids(model).first(), QStringLiteral("low"));
    }

    void counts_matchTheRows()
    {
        FaultModel model;
        model.setFaults(sample());
        QCOMPARE(model.activeCount(), 5);
        QCOMPARE(model.resolvedCount(), 2);
        const QMap<Severity, int> counts = model.countBySeverity();
        QCOMPARE(counts.value(Severity::High), 2);
        QCOMPARE(counts.value(Severity::Unknown), 1);
    }

    void manyRows_sortedOnce()
    {
        QList<Fault> faults;
        for (int i = 0; i < 20000; ++i)
            faults << fault(QStringLiteral("f%1").arg(i), Severity(i % 6), i % 1000);
        FaultModel model;
        model.setFaults(faults);
        QCOMPARE(model.rowCount(), 20000);
        QCOMPARE(model.index(0, 0).data(FaultModel::SeverityRole).toInt(), int(Severity::Critical));
        QCOMPARE(model.index(19999, 0).data(FaultModel::SeverityRole).toInt(), int(Severity::Unknown));
    }
};

QTEST_GUILESS_MAIN(tst_FaultModel)
#include "tst_faultmodel.moc"
