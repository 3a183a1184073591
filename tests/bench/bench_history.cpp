// The history with 1000 rows in a real QTableView (offscreen): how long loading the
// metadata, one clock tick, a page of scrolling and sorting by time left take, with the
// view's repaint. Prints min / median / max in milliseconds; never passes or fails.
//
//   build/tests/bench_history [repetitions]

#include "History.h"
#include "TestTokens.h"
#include "HistoryModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScrollBar>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int Rows = 1000;

using TestSupport::makeToken;

// Counts the paint events of the view's viewport, to show a repaint really happened.
class PaintCounter final : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

struct Result
{
    QString name;
    QList<double> ms;
    QString note;
};

Result measure(const QString& name, int repetitions, const std::function<void(int)>& step)
{
    Result result{name, {}, {}};
    step(-1); // warm-up
    for (int i = 0; i < repetitions; ++i) {
        QElapsedTimer timer;
        timer.start();
        step(i);
        result.ms << double(timer.nsecsElapsed()) / 1e6;
    }
    return result;
}

void print(const QList<Result>& results, int repetitions)
{
    std::printf("bench_history: %d rows, %d repetitions each (ms)\n", Rows, repetitions);
    std::printf("%-44s %9s %9s %9s  %s\n", "operation", "min", "median", "max", "note");
    for (Result r : results) {
        std::sort(r.ms.begin(), r.ms.end());
        std::printf("%-44s %9.3f %9.3f %9.3f  %s\n", qPrintable(r.name), r.ms.first(), r.ms.at(r.ms.size() / 2),
                    r.ms.last(), qPrintable(r.note));
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(3, QByteArray(argv[1]).toInt()) : 30;

    QTemporaryDir dir;
    const QDateTime start = QDateTime::currentDateTimeUtc();
    // Row i issued i minutes ago for 600 minutes: some expired, most live. Written as
    // History writes them, in one go (History::add rewrites the file on every call,
    // which a benchmark setup need not pay a thousand times).
    QString why;
    const std::optional<HistoryKey> key = HistoryKey::generate(&why);
    if (!key)
        qFatal("bench_history: %s", qPrintable(why));
    HistoryFile::Contents contents;
    contents.publicKey = key->publicKey();
    for (int i = 0; i < Rows; ++i) {
        const EmbedToken token = makeToken(start.addSecs(-60LL * i), 600);
        HistoryEntry entry;
        entry.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        entry.label = u"link %1"_s.arg(i);
        entry.profile = u"default"_s;
        entry.issuedAt = token.issuedAt();
        entry.expiresAt = token.expiresAt();
        entry.receivedAt = token.receivedAt();
        HistoryRecord record = HistoryRecord::of(entry, HistoryRecord::Secret::Boxed);
        record.box = key->box(History::toSecret(token).toUtf8(), record.associatedData())->toBase64();
        contents.records << record;
    }
    QFile file(dir.filePath(u"history.jsonl"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(HistoryFile::serialize(contents)) < 0)
        qFatal("bench_history: the history file cannot be written");
    file.close();

    History history(file.fileName(), nullptr, nullptr);
    HistoryModel model(history);
    HistoryFilterModel filter;
    filter.setSourceModel(&model);
    QTableView view;
    view.setModel(&filter);
    view.setSortingEnabled(true);
    view.horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view.resize(900, 600);
    view.show();
    PaintCounter paints;
    view.viewport()->installEventFilter(&paints);
    history.load();
    model.setNow(start);
    QApplication::processEvents();

    int layoutChanges = 0;
    QObject::connect(&filter, &QAbstractItemModel::layoutChanged, &filter, [&layoutChanges] { ++layoutChanges; });
    const auto note = [&](int paintsBefore, int layoutsBefore, int steps) {
        return u"%1 paints, %2 re-sorts per step"_s.arg(double(paints.paints - paintsBefore) / steps, 0, 'f', 1)
            .arg(double(layoutChanges - layoutsBefore) / steps, 0, 'f', 1);
    };

    QList<Result> results;

    results << measure(u"load() of %1 rows (view attached)"_s.arg(Rows), repetitions, [&](int) {
        history.load();
        QApplication::processEvents();
    });
    results.last().note = u"%1 rows shown"_s.arg(filter.rowCount());

    // Ticks: now moves a second per step, so every remaining time changes.
    int second = 0;
    const auto tick = [&](int) {
        model.setNow(start.addSecs(++second));
        QApplication::processEvents();
    };
    const auto tickCase = [&](const QString& name, int column) {
        filter.sort(column, Qt::AscendingOrder);
        QApplication::processEvents();
        const int p = paints.paints, l = layoutChanges;
        results << measure(name, repetitions, tick);
        results.last().note = note(p, l, repetitions + 1);
    };
    tickCase(u"setNow() tick + repaint, sorted by Label"_s, HistoryModel::LabelColumn);
    tickCase(u"setNow() tick + repaint, sorted by Expires"_s, HistoryModel::ExpiresColumn);
    tickCase(u"setNow() tick + repaint, sorted by Remaining"_s, HistoryModel::RemainingColumn);
    {
        filter.setShow(HistoryFilterModel::Show::Active);
        const int p = paints.paints, l = layoutChanges;
        results << measure(u"setNow() tick + repaint, Active filter"_s, repetitions, tick);
        results.last().note = note(p, l, repetitions + 1);
        filter.setShow(HistoryFilterModel::Show::All);
    }
    {
        // A tick on which a row expires (the filter drops it).
        filter.setShow(HistoryFilterModel::Show::Active);
        const QList<HistoryEntry>& entries = history.entries();
        results << measure(u"setNow() tick with one expiry, Active filter"_s, repetitions, [&](int i) {
            const int row = 500 + (i + 1);
            model.setNow(entries.at(row).expiresAt);
            QApplication::processEvents();
        });
        results.last().note = u"%1 rows shown after"_s.arg(filter.rowCount());
        filter.setShow(HistoryFilterModel::Show::All);
        model.setNow(start);
        QApplication::processEvents();
    }
    {
        const int p = paints.paints;
        QScrollBar* bar = view.verticalScrollBar();
        bar->setValue(0);
        results << measure(u"scroll one page + repaint"_s, repetitions, [&](int i) {
            // Down to the end, then back up: every step moves a whole page.
            if (bar->value() == bar->maximum())
                bar->setValue(0);
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            QApplication::processEvents();
            Q_UNUSED(i)
        });
        results.last().note = u"%1 paints per step"_s.arg(double(paints.paints - p) / (repetitions + 1), 0, 'f', 1);
    }
    {
        bool ascending = false;
        const int l = layoutChanges;
        results << measure(u"sort by Remaining + repaint"_s, repetitions, [&](int) {
            ascending = !ascending;
            filter.sort(HistoryModel::RemainingColumn, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
            QApplication::processEvents();
        });
        results.last().note = u"%1 re-sorts per step"_s.arg(double(layoutChanges - l) / (repetitions + 1), 0, 'f', 1);
    }
    print(results, repetitions);
    return 0;
}
