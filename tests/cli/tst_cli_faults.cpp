// `faultshare generate` against the fault matrix: the real binary in a child process,
// a scripted loopback peer in this one. Scripts rely on the exit code and on one line
// on stderr that neither echoes the body nor the key.

#include "CliRunner.h"
#include "FaultMatrix.h"
#include "ScriptedServer.h"

#include <QTemporaryDir>
#include <QTest>

using FaultMatrix::Row;
using TestSupport::CliRun;

class tst_CliFaults final : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_secret = "s3cretCliValue";
    const QString m_key = QStringLiteral("faultTok:team42:") + QString::fromLatin1(m_secret);
    QTemporaryDir m_home;

    CliRun run(const QUrl& apiUrl)
    {
        return TestSupport::runFaultshare({QStringLiteral("generate"), QStringLiteral("--api-url"), apiUrl.toString(),
                                           QStringLiteral("--format"), QStringLiteral("link")},
                                          TestSupport::isolatedEnvironment(m_home.path(), m_key));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
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

        const CliRun r = run(apiUrl);
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
