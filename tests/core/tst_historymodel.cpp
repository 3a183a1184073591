#include "Countdown.h"
#include "History.h"
#include "TestTokens.h"
#include "HistoryModel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

using TestSupport::makeToken;

const QDateTime T0(QDate(2030, 3, 1), QTime(12, 0), Qt::UTC);

bool isRemainingColumnOfAllRows(const QList<QVariant>& arguments, int rows)
{
    const auto topLeft = arguments.at(0).toModelIndex();
    const auto bottomRight = arguments.at(1).toModelIndex();
    return topLeft.row() == 0 && bottomRight.row() == rows - 1 && topLeft.column() == HistoryModel::RemainingColumn
        && bottomRight.column() == HistoryModel::RemainingColumn;
}

} // namespace

class HistoryModelTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void headers_nameEachColumn();
    void display_followsTheClock();
    void label_emptyShowsDashButSortsRaw();
    void label_ofARotationsLink_saysWhichRenewal();
    void tooltip_showsLocalAndUtcExpiry();
    void thousandRows_oneTick_oneRemainingChangePlusFlippedRows();
    void tick_withoutRows_emitsNothing();
    void phaseColour_isForegroundOfRemaining();
    void activeCount_countsLiveRows();
    void filter_activeExpiredAll();
    void filter_followsExpiryOnTick();
    void search_matchesLabelCaseInsensitively();
    void sort_eachColumn_data();
    void sort_eachColumn();
    void insertForgetAndReload_passModelTester();
};

void HistoryModelTest::headers_nameEachColumn()
{
    History history;
    HistoryModel model(history);
    QCOMPARE(model.columnCount(), 5);
    const QStringList expected{u"Label"_s, u"Profile"_s, u"Issued"_s, u"Expires"_s, u"Remaining"_s};
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
}

void HistoryModelTest::display_followsTheClock()
{
    History history;
    HistoryModel model(history);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const EmbedToken token = makeToken(T0, 60);
    history.add(token, u"wall"_s, u"ops"_s);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex remaining = model.index(0, HistoryModel::RemainingColumn);

    model.setNow(T0.addSecs(60));
    QCOMPARE(remaining.data().toString(), u"59:00"_s);
    QCOMPARE(remaining.data(Qt::AccessibleTextRole).toString(), u"59:00"_s);
    QCOMPARE(remaining.data(HistoryModel::ExpiredRole).toBool(), false);
    QCOMPARE(remaining.data(HistoryModel::PhaseRole).toInt(), int(Countdown::Phase::Fresh));
    QCOMPARE(remaining.data(HistoryModel::SortRole).toLongLong(), 59LL * 60 * 1000);

    model.setNow(T0.addSecs(59 * 60 + 30));
    QCOMPARE(remaining.data().toString(), u"0:30"_s);
    QCOMPARE(remaining.data(HistoryModel::PhaseRole).toInt(), int(Countdown::Phase::Critical));

    model.setNow(T0.addSecs(3600));
    QCOMPARE(remaining.data().toString(), u"Expired"_s);
    QCOMPARE(remaining.data(HistoryModel::ExpiredRole).toBool(), true);
    QCOMPARE(remaining.data(HistoryModel::PhaseRole).toInt(), int(Countdown::Phase::Expired));
    QVERIFY(remaining.data(HistoryModel::SortRole).toLongLong() <= 0);

    QCOMPARE(model.index(0, HistoryModel::LabelColumn).data().toString(), u"wall"_s);
    QCOMPARE(model.index(0, HistoryModel::ProfileColumn).data().toString(), u"ops"_s);
    QCOMPARE(model.index(0, HistoryModel::IssuedColumn).data().toString(),
             QLocale().toString(T0.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.index(0, HistoryModel::ExpiresColumn).data().toString(),
             QLocale().toString(T0.addSecs(3600).toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(model.index(0, HistoryModel::ExpiresColumn).data(HistoryModel::SortRole).toDateTime(), T0.addSecs(3600));
    QCOMPARE(model.index(0, HistoryModel::ProfileColumn).data(HistoryModel::IdRole).toString(), history.entries().first().id);
}

void HistoryModelTest::label_emptyShowsDashButSortsRaw()
{
    History history;
    HistoryModel model(history);
    history.add(makeToken(T0, 60), {}, u"ops"_s);
    const QModelIndex label = model.index(0, HistoryModel::LabelColumn);
    QCOMPARE(label.data().toString(), u"—"_s);
    QCOMPARE(label.data(HistoryModel::SortRole).toString(), QString());
}

void HistoryModelTest::label_ofARotationsLink_saysWhichRenewal()
{
    History history;
    HistoryModel model(history);
    history.add(makeToken(T0, 60), u"wall"_s, u"ops"_s, RotationMark{u"r1"_s, 3});
    const QModelIndex label = model.index(0, HistoryModel::LabelColumn);
    QCOMPARE(label.data().toString(), u"wall · renewal 3"_s);
    // Searching and sorting take the label itself.
    QCOMPARE(label.data(HistoryModel::SortRole).toString(), u"wall"_s);
}

void HistoryModelTest::tooltip_showsLocalAndUtcExpiry()
{
    History history;
    HistoryModel model(history);
    history.add(makeToken(T0, 60), u"wall"_s, u"ops"_s);
    const QString tip = model.index(0, HistoryModel::LabelColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(Countdown::expiryText(T0.addSecs(3600))), qPrintable(tip));
    QVERIFY2(tip.contains(u"13:00 UTC"_s), qPrintable(tip));
}

void HistoryModelTest::thousandRows_oneTick_oneRemainingChangePlusFlippedRows()
{
    History history;
    HistoryModel model(history);
    HistoryFilterModel filter;
    filter.setSourceModel(&model);
    filter.setShow(HistoryFilterModel::Show::Active);
    // Row i is issued i minutes before T0 and lives 1000 minutes, so it expires
    // 1000 - i minutes after T0: the oldest rows expire first.
    constexpr int Rows = 1000;
    for (int i = 0; i < Rows; ++i)
        history.add(makeToken(T0.addSecs(-60LL * i), 1000), u"row %1"_s.arg(i), u"p"_s);
    QCOMPARE(model.rowCount(), Rows);
    const QDateTime before = T0.addSecs(60 * 14 + 30); // rows 986..999 expired
    model.setNow(before);
    QCOMPARE(filter.rowCount(), 986);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QDateTime after = before.addSecs(60 * 3); // rows 983..985 expire on this tick
    model.setNow(after);

    int remainingChanges = 0;
    QList<int> flipped;
    for (const QList<QVariant>& arguments : std::as_const(changed)) {
        if (isRemainingColumnOfAllRows(arguments, Rows)) {
            ++remainingChanges;
            const auto roles = arguments.at(2).value<QList<int>>();
            QVERIFY(roles.contains(Qt::DisplayRole));
            QVERIFY(roles.contains(Qt::ForegroundRole));
            QVERIFY(roles.contains(HistoryModel::PhaseRole));
            continue;
        }
        const auto topLeft = arguments.at(0).toModelIndex();
        const auto bottomRight = arguments.at(1).toModelIndex();
        QCOMPARE(topLeft.row(), bottomRight.row());
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), HistoryModel::ColumnCount - 1);
        flipped << topLeft.row();
    }
    QCOMPARE(remainingChanges, 1);
    QCOMPARE(flipped, (QList<int>{983, 984, 985}));
    QCOMPARE(changed.size(), 4);
    // ... and the filter saw them go.
    QCOMPARE(filter.rowCount(), 983);

    // A tick without expiries: just the one change, and no re-sort of the filter model
    // (sorted by any column, Remaining included: ticks never change the order).
    for (const int column : {int(HistoryModel::LabelColumn), int(HistoryModel::RemainingColumn)}) {
        filter.sort(column, Qt::AscendingOrder);
        QSignalSpy resorted(&filter, &QAbstractItemModel::layoutChanged);
        QSignalSpy filteredOut(&filter, &QAbstractItemModel::rowsRemoved);
        changed.clear();
        model.setNow(model.now().addSecs(1));
        QCOMPARE(changed.size(), 1);
        QVERIFY(isRemainingColumnOfAllRows(changed.first(), Rows));
        QCOMPARE(resorted.size(), 0);
        QCOMPARE(filteredOut.size(), 0);
    }

    // The clock set back (the machine's time corrected): rows come alive again.
    changed.clear();
    model.setNow(before);
    QCOMPARE(changed.size(), 4);
    QCOMPARE(filter.rowCount(), 986);
}

void HistoryModelTest::tick_withoutRows_emitsNothing()
{
    History history;
    HistoryModel model(history);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(T0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.now(), T0);
}

void HistoryModelTest::phaseColour_isForegroundOfRemaining()
{
    History history;
    HistoryModel model(history);
    history.add(makeToken(T0, 60), u"wall"_s, u"ops"_s);
    model.setNow(T0.addSecs(10));
    const QModelIndex remaining = model.index(0, HistoryModel::RemainingColumn);
    QVERIFY(!remaining.data(Qt::ForegroundRole).isValid());
    model.setPhaseColour([](Countdown::Phase phase) { return QVariant(u"colour %1"_s.arg(int(phase))); });
    QCOMPARE(remaining.data(Qt::ForegroundRole).toString(), u"colour 0"_s);
    model.setNow(T0.addSecs(3600));
    QCOMPARE(remaining.data(Qt::ForegroundRole).toString(), u"colour 3"_s);
    QVERIFY(!model.index(0, HistoryModel::LabelColumn).data(Qt::ForegroundRole).isValid());
}

void HistoryModelTest::activeCount_countsLiveRows()
{
    History history;
    HistoryModel model(history);
    history.add(makeToken(T0, 60), u"a"_s, u"p"_s);
    history.add(makeToken(T0, 10), u"b"_s, u"p"_s);
    model.setNow(T0.addSecs(60));
    QCOMPARE(model.activeCount(), 2);
    model.setNow(T0.addSecs(60 * 30));
    QCOMPARE(model.activeCount(), 1);
    model.setNow(T0.addSecs(60 * 60));
    QCOMPARE(model.activeCount(), 0);
}

void HistoryModelTest::filter_activeExpiredAll()
{
    History history;
    HistoryModel model(history);
    model.setNow(T0.addSecs(60 * 30));
    HistoryFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    history.add(makeToken(T0, 60), u"live"_s, u"p"_s);
    history.add(makeToken(T0, 10), u"dead"_s, u"p"_s);
    history.add(makeToken(T0, 20), u"dead too"_s, u"p"_s);

    QCOMPARE(filter.show(), HistoryFilterModel::Show::All);
    QCOMPARE(filter.rowCount(), 3);
    filter.setShow(HistoryFilterModel::Show::Active);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data().toString(), u"live"_s);
    filter.setShow(HistoryFilterModel::Show::Expired);
    QCOMPARE(filter.rowCount(), 2);
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(filter.index(row, 0).data(HistoryModel::ExpiredRole).toBool());
    filter.setShow(HistoryFilterModel::Show::All);
    QCOMPARE(filter.rowCount(), 3);
}

void HistoryModelTest::filter_followsExpiryOnTick()
{
    History history;
    HistoryModel model(history);
    HistoryFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    filter.setShow(HistoryFilterModel::Show::Active);
    model.setNow(T0);
    history.add(makeToken(T0, 10), u"short"_s, u"p"_s);
    history.add(makeToken(T0, 60), u"long"_s, u"p"_s);
    QCOMPARE(filter.rowCount(), 2);
    model.setNow(T0.addSecs(10 * 60));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data().toString(), u"long"_s);
    filter.setShow(HistoryFilterModel::Show::Expired);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, 0).data().toString(), u"short"_s);
}

void HistoryModelTest::search_matchesLabelCaseInsensitively()
{
    History history;
    HistoryModel model(history);
    model.setNow(T0);
    HistoryFilterModel filter;
    filter.setSourceModel(&model);
    history.add(makeToken(T0, 60), u"NOC wall 2"_s, u"ops"_s);
    history.add(makeToken(T0, 60), u"Ticket 4711"_s, u"wall"_s);
    history.add(makeToken(T0, 60), {}, u"ops"_s);
    filter.setSearch(u"wall"_s);
    QCOMPARE(filter.rowCount(), 1); // labels only, not the profile
    QCOMPARE(filter.index(0, 0).data().toString(), u"NOC wall 2"_s);
    filter.setSearch(u"tICKet"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearch(u"—"_s); // the dash stands for no label; it is not one
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearch(u"4711"_s);
    filter.setShow(HistoryFilterModel::Show::Expired);
    QCOMPARE(filter.rowCount(), 0);
    filter.setShow(HistoryFilterModel::Show::Active);
    QCOMPARE(filter.rowCount(), 1);
    filter.setSearch({});
    QCOMPARE(filter.rowCount(), 3);
}

void HistoryModelTest::sort_eachColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QStringList>("ascending"); // labels in ascending order of column
    // a: issued T0-30min, 120 min, profile "zulu"; b: issued T0, 15 min, "alpha";
    // c: issued T0-10min, 45 min, "mike"; expiries: b 15, c 35, a 90 min after T0.
    QTest::newRow("label") << int(HistoryModel::LabelColumn) << QStringList{u"a"_s, u"B"_s, u"c"_s};
    QTest::newRow("profile") << int(HistoryModel::ProfileColumn) << QStringList{u"B"_s, u"c"_s, u"a"_s};
    QTest::newRow("issued") << int(HistoryModel::IssuedColumn) << QStringList{u"a"_s, u"c"_s, u"B"_s};
    QTest::newRow("expires") << int(HistoryModel::ExpiresColumn) << QStringList{u"B"_s, u"c"_s, u"a"_s};
    QTest::newRow("remaining") << int(HistoryModel::RemainingColumn) << QStringList{u"B"_s, u"c"_s, u"a"_s};
}

void HistoryModelTest::sort_eachColumn()
{
    QFETCH(int, column);
    QFETCH(QStringList, ascending);
    History history;
    HistoryModel model(history);
    // "Remaining" compares remaining times; with some rows expired they keep their order.
    model.setNow(T0.addSecs(60 * 20));
    HistoryFilterModel filter;
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setSourceModel(&model);
    history.add(makeToken(T0.addSecs(-30 * 60), 120), u"a"_s, u"zulu"_s);
    history.add(makeToken(T0, 15), u"B"_s, u"alpha"_s);
    history.add(makeToken(T0.addSecs(-10 * 60), 45), u"c"_s, u"mike"_s);

    const auto labels = [&filter] {
        QStringList result;
        for (int row = 0; row < filter.rowCount(); ++row)
            result << filter.index(row, HistoryModel::LabelColumn).data().toString();
        return result;
    };
    filter.sort(column, Qt::AscendingOrder);
    QCOMPARE(labels(), ascending);
    filter.sort(column, Qt::DescendingOrder);
    std::reverse(ascending.begin(), ascending.end());
    QCOMPARE(labels(), ascending);

    // A new row lands in its place while sorted (dynamic sorting).
    filter.sort(HistoryModel::LabelColumn, Qt::AscendingOrder);
    history.add(makeToken(T0, 60), u"b2"_s, u"p"_s);
    QCOMPARE(labels(), (QStringList{u"a"_s, u"B"_s, u"b2"_s, u"c"_s}));
}

void HistoryModelTest::insertForgetAndReload_passModelTester()
{
    History history;
    HistoryModel model(history);
    HistoryFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.sort(HistoryModel::RemainingColumn, Qt::DescendingOrder);
    model.setNow(T0);
    QStringList ids;
    for (int i = 0; i < 20; ++i)
        ids << history.add(makeToken(T0.addSecs(-60LL * i), 5 + 2 * i), u"row %1"_s.arg(i), u"p"_s);
    QCOMPARE(filter.rowCount(), 20);
    model.setNow(T0.addSecs(60 * 8));
    filter.setShow(HistoryFilterModel::Show::Active);
    const int active = filter.rowCount();
    QVERIFY(active > 0 && active < 20);
    history.forget(ids.at(19));
    history.forget(ids.at(0));
    QCOMPARE(model.rowCount(), 18);
    history.purge(T0.addDays(30), 7);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(filter.rowCount(), 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    history.load();
    QCOMPARE(reset.size(), 1);
}

QTEST_GUILESS_MAIN(HistoryModelTest)
#include "tst_historymodel.moc"
