// Several `faultshare generate` at once, in one HOME: the history file is rewritten whole
// under a lock by each (and by `faultshare history`, which reboxes what it opened), so
// none may lose another's link; and the very first link, which makes the history's key,
// may be kept by two processes at the same moment.
//
// The real binary in child processes against the demo API on loopback (its rate limit
// raised), each case on a keyring of its own (TestSupport::PromptingKeyring, Locked kind,
// left unlocked: nobody else's history key, and none at all when a case starts). The
// session keyring of the other tests is never touched: its history key is shared by them.

#include "CliRunner.h"
#include "DemoServer.h"
#include "HistoryFile.h"
#include "PromptingKeyring.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

using TestSupport::CliRun;
using TestSupport::PromptingKeyring;

namespace {

// Links per loop, and runs of `faultshare history` beside them.
constexpr int LoopLength = 15;
constexpr int Readings = 8;
constexpr int LoopsTimeoutMs = 180000;

// One loop: `faultshare generate` $2 times in a row, labelled "$1 <n>", each printing its
// link alone on a line; a failed run says so on standard error.
const QString LoopScript = uR"(
i=1
while [ "$i" -le "$2" ]; do
    "$FAULTSHARE" generate --api-url "$URL" --format link --label "$1 $i" || echo "$1 $i: exit $?" >&2
    i=$((i + 1))
done
)"_s;

// `faultshare history --format json` $1 times in a row; a failed run says so.
const QString ReaderScript = uR"(
i=1
while [ "$i" -le "$1" ]; do
    "$FAULTSHARE" history --format json >/dev/null || echo "history $i: exit $?" >&2
    i=$((i + 1))
done
)"_s;

QStringList linesOf(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class tst_CliHistoryConcurrency final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    std::unique_ptr<PromptingKeyring> m_rig;

    QString historyFile() const { return m_rig->home() + u"/.local/share/FaultShare/FaultShare/history.jsonl"_s; }

    // The child's environment: the rig's HOME and keyring, the demo API's key.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = m_rig->environment(TestSupport::isolatedEnvironment(m_rig->home(), m_key));
        env.insert(u"FAULTSHARE"_s, qEnvironmentVariable("FAULTSHARE_BIN_DIR") + u"/faultshare"_s);
        env.insert(u"URL"_s, m_demo->url().toString());
        return env;
    }

    // A keyring of this case's own, with no history key; and no history file yet.
    void startRig()
    {
        m_rig = std::make_unique<PromptingKeyring>(PromptingKeyring::Kind::Locked);
        if (!m_rig->start())
            QFAIL(m_rig->failure().constData());
        QVERIFY(!QFileInfo::exists(historyFile()));
    }

    std::unique_ptr<QProcess> start(const QString& program, const QStringList& arguments)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->start(program, arguments);
        return process;
    }

    // Waits for every process (not waitForFinished: the demo API lives in this process).
    static bool waitForAll(const QList<QProcess*>& processes, int timeoutMs)
    {
        const bool done = QTest::qWaitFor(
            [&processes] {
                return std::all_of(processes.cbegin(), processes.cend(),
                                   [](const QProcess* p) { return p->state() == QProcess::NotRunning; });
            },
            timeoutMs);
        for (QProcess* process : processes) {
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished();
            }
        }
        return done;
    }

    // What the process printed, once it ended by itself with 0 and nothing on stderr.
    static QStringList linksOf(QProcess& process, const QString& what)
    {
        const QByteArray err = process.readAllStandardError();
        const QByteArray out = process.readAllStandardOutput();
        const bool ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0 && err.isEmpty();
        if (!ok)
            qWarning("%s: exit %d (%s); stderr:\n%s", qPrintable(what), process.exitCode(),
                     process.exitStatus() == QProcess::NormalExit ? "normal" : "crashed", err.constData());
        return ok ? linesOf(out) : QStringList{u"(failed)"_s};
    }

    QStringList setAside() const
    {
        const QFileInfo file(historyFile());
        return file.dir().entryList({file.fileName() + u".*"_s}, QDir::Files).filter(QRegularExpression(u"\\.[a-z-]+-\\d{8}T\\d{6}Z"_s));
    }

    // The history file holds exactly the links printed (label -> link), each once, each
    // with its token and link sealed; `faultshare history` lists them all with those
    // links, which proves that the keychain's history key opens every one of them.
    void checkHistoryHolds(const QHash<QString, QString>& printed)
    {
        const HistoryFile::Read file = HistoryFile(historyFile()).read();
        QCOMPARE(file.status, HistoryFile::Read::Status::Ok);
        QCOMPARE(file.contents.records.size(), printed.size());
        QSet<QString> ids;
        QSet<QString> labels;
        int sealed = 0;
        for (const HistoryRecord& record : file.contents.records) {
            ids.insert(record.entry.id);
            labels.insert(record.entry.label);
            QVERIFY2(record.secret != HistoryRecord::Secret::None, qPrintable(record.entry.label));
            sealed += record.secret == HistoryRecord::Secret::Sealed ? 1 : 0;
        }
        QCOMPARE(ids.size(), printed.size());
        const QStringList keys = printed.keys();
        QCOMPARE(labels, QSet<QString>(keys.cbegin(), keys.cend()));
        // For the log: the links kept with the public key alone, and those kept by a
        // process that had the key (it made it, or read it).
        qInfo("%d of %d links sealed with the public key", sealed, int(printed.size()));

        const CliRun history = TestSupport::runFaultshare({u"history"_s, u"--format"_s, u"json"_s}, environment());
        QVERIFY2(history.finished && history.exitCode == 0, history.err.constData());
        QVERIFY2(history.err.isEmpty(), history.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(history.out).array();
        QCOMPARE(rows.size(), printed.size());
        QSet<QString> listedIds;
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            const QString label = row.value(u"label"_s).toString();
            listedIds.insert(row.value(u"id"_s).toString());
            QVERIFY2(printed.contains(label), qPrintable(label));
            QCOMPARE(row.value(u"short_link"_s).toString(), printed.value(label));
        }
        QCOMPARE(listedIds, ids);
        QCOMPARE(setAside(), QStringList());
        // Opened with the key, every entry is kept boxed from now on; none went missing.
        const HistoryFile::Read after = HistoryFile(historyFile()).read();
        QCOMPARE(after.contents.records.size(), printed.size());
        for (const HistoryRecord& record : after.contents.records)
            QCOMPARE(record.secret, HistoryRecord::Secret::Boxed);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
        m_demo->setRateLimit(1000000);
    }

    void cleanup()
    {
        if (!m_rig)
            return;
        const QStringList left = m_rig->stop();
        m_rig.reset();
        QVERIFY2(left.isEmpty(), qPrintable(u"rig processes still alive: "_s + left.join(u", "_s)));
    }

    // Two loops of generate side by side on a history that has its file and key (its
    // first link kept), and `faultshare history` reading (and rewriting) it meanwhile:
    // every link printed is kept once, and listed with its link.
    void twoGenerateLoops_everyLinkKeptOnce()
    {
        startRig();
        if (QTest::currentTestFailed())
            return;
        QHash<QString, QString> printed; // label -> link
        const CliRun seed = TestSupport::runFaultshare({u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s,
                                                        u"link"_s, u"--label"_s, u"seed"_s},
                                                       environment());
        QVERIFY2(seed.exitCode == 0 && seed.err.isEmpty(), seed.err.constData());
        printed.insert(u"seed"_s, QString::fromUtf8(seed.out.trimmed()));
        QCOMPARE(HistoryFile(historyFile()).read().contents.records.size(), 1);

        const std::unique_ptr<QProcess> a = start(u"/bin/sh"_s, {u"-c"_s, LoopScript, u"sh"_s, u"A"_s, QString::number(LoopLength)});
        const std::unique_ptr<QProcess> b = start(u"/bin/sh"_s, {u"-c"_s, LoopScript, u"sh"_s, u"B"_s, QString::number(LoopLength)});
        const std::unique_ptr<QProcess> reader = start(u"/bin/sh"_s, {u"-c"_s, ReaderScript, u"sh"_s, QString::number(Readings)});
        QVERIFY(a->waitForStarted() && b->waitForStarted() && reader->waitForStarted());
        QVERIFY2(waitForAll({a.get(), b.get(), reader.get()}, LoopsTimeoutMs), "the loops did not end in time");

        for (const auto& [name, process] : {std::pair{u"A"_s, a.get()}, std::pair{u"B"_s, b.get()}}) {
            const QStringList links = linksOf(*process, u"loop "_s + name);
            QCOMPARE(links.size(), LoopLength);
            for (int i = 0; i < LoopLength; ++i) {
                QVERIFY2(links.at(i).startsWith(m_demo->url().toString()), qPrintable(links.at(i)));
                printed.insert(name + u' ' + QString::number(i + 1), links.at(i));
            }
        }
        QVERIFY2(!linksOf(*reader, u"history loop"_s).contains(u"(failed)"_s), "a history run failed");
        const QStringList links = printed.values();
        QCOMPARE(QSet<QString>(links.cbegin(), links.cend()).size(), 2 * LoopLength + 1);
        checkHistoryHolds(printed);
    }

    // The first link of all, twice at the same moment: no history file and no key in the
    // keyring. One process makes the key and writes the file's first line; the other
    // waits for it (or seals with its public key). Both links are kept, under the one key
    // the keychain holds: `faultshare history` opens both, nothing is set aside. (The
    // process that made the key must not end before the keychain holds it: a link it
    // sealed under its own new first line meanwhile, and the other's, would be under a
    // key nobody holds, and the next reader sets the file aside as "no-key".)
    void firstLink_twoAtOnce_bothKept_data()
    {
        QTest::addColumn<int>("round");
        for (int round = 1; round <= 8; ++round)
            QTest::addRow("round %d", round) << round;
    }

    void firstLink_twoAtOnce_bothKept()
    {
        startRig();
        if (QTest::currentTestFailed())
            return;
        const QString program = qEnvironmentVariable("FAULTSHARE_BIN_DIR") + u"/faultshare"_s;
        const auto arguments = [this](const QString& label) {
            return QStringList{u"generate"_s, u"--api-url"_s, m_demo->url().toString(), u"--format"_s, u"link"_s,
                               u"--label"_s, label};
        };
        const std::unique_ptr<QProcess> first = start(program, arguments(u"first"_s));
        const std::unique_ptr<QProcess> second = start(program, arguments(u"second"_s));
        QVERIFY(first->waitForStarted() && second->waitForStarted());
        QVERIFY2(waitForAll({first.get(), second.get()}, 60000), "the two generates did not end in time");

        QHash<QString, QString> printed;
        for (const auto& [label, process] : {std::pair{u"first"_s, first.get()}, std::pair{u"second"_s, second.get()}}) {
            const QStringList links = linksOf(*process, label);
            QCOMPARE(links.size(), 1);
            QVERIFY2(links.first().startsWith(m_demo->url().toString()), qPrintable(links.first()));
            printed.insert(label, links.first());
        }
        QVERIFY(printed.value(u"first"_s) != printed.value(u"second"_s));
        checkHistoryHolds(printed);
    }
};

QTEST_GUILESS_MAIN(tst_CliHistoryConcurrency)
#include "tst_cli_history_concurrency.moc"
