#include "CliRunner.h"
#include "DemoServer.h"
#include "FaultMatrix.h"
#include "ScriptedServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace faultshare;
using namespace Qt::StringLiterals;

using TestSupport::CliRun;

namespace {

// One `faultshare rotate` child that the test watches while it runs: the servers it talks
// to live in this process, so every wait turns this event loop.
class RotateRun
{
public:
    RotateRun(const QStringList& arguments, const QProcessEnvironment& env)
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { out += m_process.readAllStandardOutput(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError, [this] { err += m_process.readAllStandardError(); });
        m_process.setProcessEnvironment(env);
        m_process.start(qEnvironmentVariable("FAULTSHARE_BIN_DIR") + u"/faultshare"_s, QStringList{u"rotate"_s} + arguments);
        m_started = m_process.waitForStarted(10000);
        m_process.closeWriteChannel();
    }
    ~RotateRun()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool started() const { return m_started; }
    bool running() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    void signal(int number) const { ::kill(pid_t(m_process.processId()), number); }

    // The exit code once the child has ended by itself within timeout; -1 otherwise.
    int wait(int timeout = 40000)
    {
        if (running()) {
            QSignalSpy finished(&m_process, &QProcess::finished);
            if (!finished.wait(timeout))
                return -1;
        }
        out += m_process.readAllStandardOutput();
        err += m_process.readAllStandardError();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    QList<QByteArray> lines() const
    {
        QList<QByteArray> all = out.split('\n');
        if (!all.isEmpty() && all.last().isEmpty())
            all.removeLast();
        return all;
    }

    QByteArray out;
    QByteArray err;

private:
    QProcess m_process;
    bool m_started = false;
};

// The hook's `env` output, one block per run: name -> value.
QList<QHash<QString, QString>> hookRuns(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QHash<QString, QString>> runs;
    QHash<QString, QString> run;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line == "----") {
            runs << run;
            run.clear();
        } else if (const qsizetype at = line.indexOf('='); at > 0) {
            run.insert(QString::fromUtf8(line.left(at)), QString::fromUtf8(line.mid(at + 1)));
        }
    }
    return runs;
}

QByteArray tokenAnswer(const QString& link, int secondsLeft)
{
    QJsonObject answer = FaultMatrix::validAnswer();
    answer.insert(u"short_link"_s, link);
    answer.insert(u"expires_at"_s, FaultMatrix::timestamp(QDateTime::currentDateTimeUtc().addSecs(secondsLeft)));
    answer.insert(u"expires_in_minutes"_s, 1);
    return ScriptedServer::response(200, FaultMatrix::json(answer));
}

} // namespace

// `faultshare rotate` as a wall display's service runs it: the real binary, the demo API
// (or a scripted peer for faults) on loopback, the real clock. One-minute links renewed
// 57 s before their end give a new link every 3 s.
class tst_CliRotate final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    QTemporaryDir m_home;

    QProcessEnvironment env() const { return TestSupport::isolatedEnvironment(m_home.path(), m_key); }

    QStringList fast(const QString& apiUrl, const QStringList& more) const
    {
        return QStringList{u"--api-url"_s, apiUrl, u"--minutes"_s, u"1"_s, u"--renew-before"_s, u"57s"_s} + more;
    }

    // `faultshare history --format json` of the test's home: the rows of label.
    QList<QJsonObject> historyRows(const QString& label)
    {
        const CliRun r = TestSupport::runFaultshare({u"history"_s, u"--all"_s, u"--format"_s, u"json"_s}, env());
        if (r.exitCode != 0)
            qWarning("faultshare history: %s", r.err.constData());
        QList<QJsonObject> rows;
        for (const QJsonValue& row : QJsonDocument::fromJson(r.out).array()) {
            if (row.toObject().value(u"label"_s).toString() == label)
                rows << row.toObject();
        }
        return rows;
    }

    void checkNoKey(const RotateRun& run)
    {
        QVERIFY2(!run.out.contains(m_key.toUtf8()), "key on stdout");
        QVERIFY2(!run.err.contains(m_key.toUtf8()), "key on stderr");
        QVERIFY2(!run.err.contains("eyJ"), "token on stderr");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
    }

    void renewal_countLinksEachLaterExpiry_keptWithMark()
    {
        const QString label = u"NOC wall 2"_s;
        RotateRun run(fast(m_demo->url().toString(), {u"--count"_s, u"3"_s, u"--format"_s, u"json"_s, u"--label"_s, label}), env());
        QVERIFY(run.started());
        QCOMPARE(run.wait(), 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        const QList<QByteArray> lines = run.lines();
        QCOMPARE(lines.size(), 3);
        QSet<QString> links;
        QSet<QString> tokens;
        QDateTime previous;
        for (int i = 0; i < lines.size(); ++i) {
            QJsonParseError error{};
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &error).object();
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(o.value(u"number"_s).toInt(), i + 1);
            QCOMPARE(o.value(u"label"_s).toString(), label);
            QCOMPARE(o.value(u"type"_s).toString(), u"jwt"_s);
            QVERIFY(o.value(u"short_link"_s).toString().startsWith(m_demo->url().toString() + u"/s/"_s));
            links << o.value(u"short_link"_s).toString();
            tokens << o.value(u"token"_s).toString();
            const QDateTime expiresAt = QDateTime::fromString(o.value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
            QVERIFY(expiresAt.isValid());
            if (previous.isValid())
                QVERIFY2(previous < expiresAt, qPrintable(expiresAt.toString(Qt::ISODateWithMs)));
            previous = expiresAt;
        }
        QCOMPARE(links.size(), 3);
        QCOMPARE(tokens.size(), 3);
        checkNoKey(run);

        // Each link is in the history with its label and the rotation's mark.
        const QList<QJsonObject> rows = historyRows(label);
        QCOMPARE(rows.size(), 3);
        QSet<int> numbers;
        for (const QJsonObject& row : rows) {
            QCOMPARE(row.value(u"rotation"_s).toString(), rows.first().value(u"rotation"_s).toString());
            QVERIFY(!row.value(u"rotation"_s).toString().isEmpty());
            numbers << row.value(u"rotation_number"_s).toInt();
            QVERIFY(links.contains(row.value(u"short_link"_s).toString()));
        }
        QCOMPARE(numbers, (QSet<int>{1, 2, 3}));
        const CliRun text = TestSupport::runFaultshare({u"history"_s}, env());
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("NOC wall 2 · renewal 3"), text.out.constData());
    }

    // A reader polling the file in a tight loop through several rotations sees a whole link
    // or nothing, never a partial or an empty file; the hook gets the link, never a secret.
    void outputFile_alwaysWhole_hookEnvironmentWithoutSecrets()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"wall.txt"_s);
        const QString hookLog = dir.filePath(u"hook.env"_s);
        RotateRun run(fast(m_demo->url().toString(),
                           {u"--count"_s, u"4"_s, u"--output"_s, file, u"--label"_s, u"lobby"_s, u"--exec"_s,
                            u"env >> '%1'; echo ---- >> '%1'"_s.arg(hookLog)}),
                      env());
        QVERIFY(run.started());
        const QString prefix = m_demo->url().toString() + u"/s/"_s;
        QStringList seen;
        qint64 reads = 0;
        const QDeadlineTimer guard(40000);
        while (run.running() && !guard.hasExpired()) {
            QCoreApplication::processEvents();
            QFile reader(file);
            if (!reader.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = reader.readAll();
            ++reads;
            QVERIFY2(bytes.startsWith(prefix.toUtf8()) && bytes.endsWith('\n') && bytes.count('\n') == 1,
                     bytes.isEmpty() ? "an empty file" : bytes.constData());
            const QString link = QString::fromUtf8(bytes.trimmed());
            QVERIFY(QUrl(link, QUrl::StrictMode).isValid());
            if (seen.isEmpty() || seen.last() != link)
                seen << link;
        }
        QCOMPARE(run.wait(), 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(seen.size() >= 2, qPrintable(u"%1 reads"_s.arg(reads)));
        QCOMPARE(QFile(file).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());

        const QList<QHash<QString, QString>> runs = hookRuns(hookLog);
        QCOMPARE(runs.size(), 4);
        QSet<QString> hookLinks;
        for (const auto& env : runs) {
            QVERIFY(env.value(u"FAULTSHARE_LINK"_s).startsWith(prefix));
            hookLinks << env.value(u"FAULTSHARE_LINK"_s);
            QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s).match(env.value(u"FAULTSHARE_EXPIRES_AT"_s)).hasMatch(),
                     qPrintable(env.value(u"FAULTSHARE_EXPIRES_AT"_s)));
            QCOMPARE(env.value(u"FAULTSHARE_LABEL"_s), u"lobby"_s);
            QVERIFY(!env.contains(u"FAULTSHARE_API_KEY"_s));
            QVERIFY(!env.contains(u"FAULTSHARE_QR_FILE"_s));
            QVERIFY(!env.contains(u"FAULTSHARE_PROBLEM"_s));
        }
        QCOMPARE(hookLinks.size(), 4);
        // Every link the reader saw is one the hook was given.
        for (const QString& link : std::as_const(seen))
            QVERIFY(hookLinks.contains(link));
        QFile log(hookLog);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray everything = log.readAll();
        QVERIFY2(!everything.contains(m_key.toUtf8()), "the key reached the hook");
        QVERIFY2(!everything.contains("eyJ"), "a token reached the hook");
        checkNoKey(run);
    }

    void rateLimitedRenewal_isRenewedAfterTheWait()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        const QString base = server.url().toString();
        server.setResponses({tokenAnswer(base + u"/s/first"_s, 60),
                             ScriptedServer::response(429, R"({"message":"Too Many Attempts."})", "application/json", {"Retry-After: 1"}),
                             tokenAnswer(base + u"/s/second"_s, 65)});
        RotateRun run(fast(base, {u"--count"_s, u"2"_s, u"--no-history"_s}), env());
        QVERIFY(run.started());
        QCOMPARE(run.wait(), 0);
        QCOMPARE(run.lines(), (QList<QByteArray>{(base + u"/s/first"_s).toUtf8(), (base + u"/s/second"_s).toUtf8()}));
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("faultshare: The link was not renewed"), run.err.constData());
        QVERIFY2(run.err.contains("Too many requests"), run.err.constData());
        checkNoKey(run);
    }

    void unreachableAtFirstMint_exit5()
    {
        quint16 port = 0;
        {
            ScriptedServer probe;
            QVERIFY(probe.listen());
            port = probe.port();
        }
        RotateRun run(fast(u"http://127.0.0.1:%1"_s.arg(port), {u"--no-history"_s}), env());
        QVERIFY(run.started());
        QCOMPARE(run.wait(), 5);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("faultshare: Could not reach the API"), run.err.constData());
        checkNoKey(run);
    }

    void unreachableMidRun_keepsGoing()
    {
        auto api = std::make_unique<DemoServer>(m_key);
        QVERIFY(api->listen());
        const QUrl url = api->url();
        RotateRun run(fast(url.toString(), {u"--count"_s, u"2"_s, u"--no-history"_s}), env());
        QVERIFY(run.started());
        QTRY_COMPARE_WITH_TIMEOUT(run.lines().size(), 1, 15000);
        api.reset(); // nothing listens on its port any more
        QTRY_VERIFY_WITH_TIMEOUT(run.err.contains('\n'), 15000);
        QVERIFY2(run.err.startsWith("faultshare: The link was not renewed"), run.err.constData());
        QVERIFY2(run.err.contains("Could not reach the API"), run.err.constData());
        QVERIFY(run.running());
        api = std::make_unique<DemoServer>(m_key);
        QVERIFY(api->listen(QHostAddress::LocalHost, quint16(url.port())));
        QCOMPARE(run.wait(), 0);
        const QList<QByteArray> lines = run.lines();
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0) != lines.at(1));
        checkNoKey(run);
    }

    // A link that lives a few seconds, then no API: the file is taken down and the hook
    // hears why; the retries go on until the command is stopped.
    void expiryWithoutSuccessor_removesFileAndTellsHook()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"wall.svg"_s);
        const QString hookLog = dir.filePath(u"hook.env"_s);
        auto server = std::make_unique<ScriptedServer>();
        QVERIFY(server->listen());
        const QString base = server->url().toString();
        server->setResponse(tokenAnswer(base + u"/s/short"_s, 8));
        RotateRun run(fast(base, {u"--format"_s, u"qr-svg"_s, u"--output"_s, file, u"--no-history"_s, u"--exec"_s,
                                  u"env >> '%1'; echo ---- >> '%1'"_s.arg(hookLog)}),
                      env());
        QVERIFY(run.started());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 10000);
        server.reset();
        QFile svg(file);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        svg.close();

        QTRY_VERIFY_WITH_TIMEOUT(run.err.contains("The link expired and no new one could be made: Could not reach the API"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(file), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(hookRuns(hookLog).size(), 2, 10000);
        const QList<QHash<QString, QString>> runs = hookRuns(hookLog);
        QCOMPARE(runs.at(0).value(u"FAULTSHARE_LINK"_s), base + u"/s/short"_s);
        QCOMPARE(runs.at(0).value(u"FAULTSHARE_QR_FILE"_s), file);
        QVERIFY(!runs.at(0).contains(u"FAULTSHARE_PROBLEM"_s));
        QVERIFY(runs.at(1).contains(u"FAULTSHARE_LINK"_s));
        QCOMPARE(runs.at(1).value(u"FAULTSHARE_LINK"_s), QString());
        QCOMPARE(runs.at(1).value(u"FAULTSHARE_QR_FILE"_s), QString());
        QVERIFY(runs.at(1).value(u"FAULTSHARE_PROBLEM"_s).startsWith(u"The link expired and no new one could be made: Could not reach the API"_s));
        QVERIFY(run.running());

        run.signal(SIGTERM);
        QCOMPARE(run.wait(), 0);
        QVERIFY(run.out.isEmpty());
        checkNoKey(run);
    }

    void stopSignal_exit0_fileAndHistoryKept_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void stopSignal_exit0_fileAndHistoryKept()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"wall.txt"_s);
        const QString label = u"stop %1"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
        RotateRun run({u"--api-url"_s, m_demo->url().toString(), u"--minutes"_s, u"5"_s, u"--output"_s, file,
                       u"--label"_s, label, u"--exec"_s, u"sleep 30"_s},
                      env());
        QVERIFY(run.started());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(file), 15000);
        QFile reader(file);
        QVERIFY(reader.open(QIODevice::ReadOnly));
        const QByteArray link = reader.readAll();
        reader.close();
        run.signal(signal);
        // The hook (still sleeping) gets its short grace, then is killed.
        QCOMPARE(run.wait(), 0);
        QVERIFY(run.out.isEmpty());
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), link);
        QVERIFY2(run.err.isEmpty() || run.err == "faultshare: The --exec command was stopped: faultshare rotate is ending.\n",
                 run.err.constData());
        const QList<QJsonObject> rows = historyRows(label);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().value(u"rotation_number"_s).toInt(), 1);
        QCOMPARE(rows.first().value(u"short_link"_s).toString().toUtf8() + '\n', link);
        checkNoKey(run);
    }

    void invalidInput_exit2WithoutRequest_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("names");
        QTest::newRow("renew-before equals lifetime") << QStringList{u"--minutes"_s, u"1"_s, u"--renew-before"_s, u"1m"_s} << QByteArray("--renew-before");
        QTest::newRow("renew-before longer") << QStringList{u"--minutes"_s, u"10"_s, u"--renew-before"_s, u"2h"_s} << QByteArray("--renew-before");
        QTest::newRow("duration without unit") << QStringList{u"--renew-before"_s, u"90"_s} << QByteArray("--renew-before");
        QTest::newRow("duration words") << QStringList{u"--renew-before"_s, u"soon"_s} << QByteArray("--renew-before");
        QTest::newRow("duration zero") << QStringList{u"--renew-before"_s, u"0s"_s} << QByteArray("--renew-before");
        QTest::newRow("count 0") << QStringList{u"--count"_s, u"0"_s} << QByteArray("--count");
        QTest::newRow("count negative") << QStringList{u"--count"_s, u"-2"_s} << QByteArray("--count");
        QTest::newRow("count fraction") << QStringList{u"--count"_s, u"1.5"_s} << QByteArray("--count");
        QTest::newRow("count word") << QStringList{u"--count"_s, u"two"_s} << QByteArray("--count");
        QTest::newRow("minutes 0") << QStringList{u"--minutes"_s, u"0"_s} << QByteArray("--minutes");
        QTest::newRow("format text") << QStringList{u"--format"_s, u"text"_s} << QByteArray("format");
        QTest::newRow("qr-png without output") << QStringList{u"--format"_s, u"qr-png"_s} << QByteArray("--output");
        QTest::newRow("qr-svg without output") << QStringList{u"--format"_s, u"qr-svg"_s} << QByteArray("--output");
        QTest::newRow("exec empty") << QStringList{u"--exec"_s, u" "_s} << QByteArray("--exec");
        QTest::newRow("extra argument") << QStringList{u"now"_s} << QByteArray("now");
    }

    void invalidInput_exit2WithoutRequest()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, names);
        const int before = m_demo->tokenRequestCount();
        const CliRun r = TestSupport::runFaultshare(QStringList{u"rotate"_s, u"--api-url"_s, m_demo->url().toString()} + arguments, env());
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("faultshare: "));
        QVERIFY2(r.err.contains(names), r.err.constData());
        QCOMPARE(m_demo->tokenRequestCount(), before);
    }

    void help_namesOptionsAndExitCodes()
    {
        const CliRun r = TestSupport::runFaultshare({u"rotate"_s, u"--help"_s}, env());
        QCOMPARE(r.exitCode, 0);
        for (const char* option : {"--renew-before", "--count", "--exec", "--output", "--no-history", "--api-key-stdin"})
            QVERIFY2(r.out.contains(option), option);
        QVERIFY(r.out.contains("Exit codes"));
    }
};

QTEST_MAIN(tst_CliRotate)
#include "tst_cli_rotate.moc"
