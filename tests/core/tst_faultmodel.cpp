#include "FaultModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QPersistentModelIndex>
#include <QTest>

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
    f.site = QStringLiteral("Site ") + id;
    f.resource = QStringLiteral("res-") + id;
    f.createdAt = Base.addSecs(-60LL * createdMinutesAgo);
    if (resolvedMinutesAgo >= 0) {
        f.resolvedAt = Base.addSecs(-60LL * resolvedMinutesAgo);
        f.status = QStringLiteral("resolved");
    } else {
        f.status = QStringLiteral("active");
    }
    return f;
}

QList<Fault> sample()
{
    return {fault(QStringLiteral("low"), Severity::Low, 320, 290), fault(QStringLiteral("high-old"), Severity::High, 185, 171),
            fault(QStringLiteral("crit"), Severity::Critical, 47), fault(QStringLiteral("high-new"), Severity::High, 22),
            fault(QStringLiteral("odd"), Severity::Unknown, 5), fault(QStringLiteral("med"), Severity::Medium, 95)};
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
    void defaultOrder_isSeverityThenNewest()
    {
        FaultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFaults(sample());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(FaultModel::ColumnCount));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("crit"), QStringLiteral("high-new"), QStringLiteral("high-old"),
                                          QStringLiteral("med"), QStringLiteral("low"), QStringLiteral("odd")}));
    }

    void columns_showWhatTheOperatorReads()
    {
        FaultModel model;
        model.setFaults(sample());
        const int crit = 0;
        QCOMPARE(model.index(crit, FaultModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
        QCOMPARE(model.index(crit, FaultModel::MessageColumn).data().toString(), QStringLiteral("message crit"));
        QCOMPARE(model.index(crit, FaultModel::SiteColumn).data().toString(), QStringLiteral("Site crit / res-crit"));
        QCOMPARE(model.index(crit, FaultModel::CreatedColumn).data().toString(),
                 QLocale().toString(Base.addSecs(-47 * 60).toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(model.index(crit, FaultModel::ResolvedColumn).data().toString(), QStringLiteral("Active"));
        const int low = 4;
        QCOMPARE(model.index(low, FaultModel::ResolvedColumn).data().toString(),
                 QLocale().toString(Base.addSecs(-290 * 60).toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(model.index(low, 0).data(FaultModel::ResolvedRole).toBool(), true);
        QCOMPARE(model.index(low, 0).data(FaultModel::SeverityRole).toInt(), int(Severity::Low));
        QCOMPARE(model.headerData(FaultModel::SiteColumn, Qt::Horizontal).toString(), QStringLiteral("Site / resource"));
    }

    void siteOrResourceAlone_hasNoSeparator()
    {
        FaultModel model;
        Fault onlySite = fault(QStringLiteral("a"), Severity::High, 1);
        onlySite.resource.clear();
        Fault onlyResource = fault(QStringLiteral("b"), Severity::Low, 1);
        onlyResource.site.clear();
        model.setFaults({onlySite, onlyResource});
        QCOMPARE(model.index(0, FaultModel::SiteColumn).data().toString(), QStringLiteral("Site a"));
        QCOMPARE(model.index(1, FaultModel::SiteColumn).data().toString(), QStringLiteral("res-b"));
    }

    void resolvedWithoutTime_saysResolved()
    {
        FaultModel model;
        Fault f = fault(QStringLiteral("a"), Severity::High, 1);
        f.status = QStringLiteral("resolved");
        model.setFaults({f, fault(QStringLiteral("b"), Severity::Low, 2)});
        QCOMPARE(model.index(0, FaultModel::ResolvedColumn).data().toString(), QStringLiteral("Resolved"));
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
                                          QStringLiteral("crit"), QStringLiteral("high-new"), QStringLiteral("odd")}));
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
        QCOMPARE(model.activeCount(), 4);
        QCOMPARE(model.resolvedCount(), 2);
        const QMap<Severity, int> counts = model.countBySeverity();
        QCOMPARE(counts.value(Severity::High), 2);
        QCOMPARE(counts.value(Severity::Unknown), 1);
    }

    void manyRows_sortedOnce()
    {
        QList<Fault> faults;
        for (int i = 0; i < 20000; ++i)
            faults << fault(QStringLiteral("f%1").arg(i), Severity(i % 5), i % 1000);
        FaultModel model;
        model.setFaults(faults);
        QCOMPARE(model.rowCount(), 20000);
        QCOMPARE(model.index(0, 0).data(FaultModel::SeverityRole).toInt(), int(Severity::Critical));
        QCOMPARE(model.index(19999, 0).data(FaultModel::SeverityRole).toInt(), int(Severity::Unknown));
    }
};

QTEST_GUILESS_MAIN(tst_FaultModel)
#include "tst_faultmodel.moc"
