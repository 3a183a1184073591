// `faultshare generate` against the fault matrix: the real binary in a child process,
// a scripted loopback peer in this one. Scripts rely on the exit code and on one line
// on stderr that neither echoes the body nor the key.

#include "FaultMatrix.h"
#include "ScriptedServer.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using FaultMatrix::Row;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class tst_CliFaults final : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_secret = "s3cretCliValue";
    const QString m_key = QStringLiteral("faultTok:team42:") + QString::fromLatin1(m_secret);
    QTemporaryDir m_config;

    Run run(const QUrl& apiUrl)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FAULTSHARE_API_KEY"), m_key);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        process.setProcessEnvironment(env);
        process.start(qEnvironmentVariable("FAULTSHARE_BIN_DIR") + QStringLiteral("/faultshare"),
                      {QStringLiteral("generate"), QStringLiteral("--api-url"), apiUrl.toString(),
                       QStringLiteral("--format"), QStringLiteral("link")});
        if (!process.waitForStarted(10000))
            return {};
        process.closeWriteChannel();
        // The scripted peer lives in this process: keep its event loop turning meanwhile.
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(30000))
            process.kill();
        return Run{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
    }

    // One row per exit code family and per kind of body.
    void fault_exitCodeAndOneLine_data()
    {
        QTest::addColumn<Row>("row");
        const QList<Row> rows = FaultMatrix::rows({
            "connection refused",
            "closed before any answer",
            "reset mid-body after 200",
            "truncated JSON",
            "200 JSON array",
            "short_link javascript:",
            "5 MiB body, Content-Length declared",
            "HTML 502 from a proxy",
            "400, JSON body",
            "422 message with markup",
            "401, JSON body",
            "403, HTML body",
            "404, empty body",
            "429, HTML body",
            "429 Retry-After seconds, JSON body",
            "500, JSON body",
            "503 Retry-After seconds, HTML body",
        });
        QCOMPARE(rows.size(), 17);
        for (const Row& row : rows)
            QTest::newRow(row.name.constData()) << row;
    }

    void fault_exitCodeAndOneLine()
    {
        QFETCH(Row, row);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setFault(row.fault);
        QUrl apiUrl = server.url();
        if (!row.listen) {
            ScriptedServer probe;
            QVERIFY(probe.listen());
            apiUrl = probe.url(); // closed again at the end of this scope
        }

        const Run r = run(apiUrl);
        QVERIFY2(r.exitCode == row.exitCode, r.err.constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.endsWith('\n'));
        QVERIFY(r.err.startsWith("faultshare: "));
        const QString message = QString::fromUtf8(r.err.mid(12).chopped(1));
        const QString why = FaultMatrix::whyNotOneSentence(message);
        QVERIFY2(why.isEmpty(), qPrintable(why + QStringLiteral(": ") + message));
        QVERIFY2(message.contains(row.mustContain), qPrintable(message));
        QVERIFY(!r.err.contains(m_secret));
        QVERIFY(!r.err.contains("<html") && !r.err.contains(FaultMatrix::Marker));
        QVERIFY(server.requests().size() <= 1);
    }
};

QTEST_MAIN(tst_CliFaults)
#include "tst_cli_faults.moc"
