// `faultshare generate` against the fault matrix: the real binary in a child process,
// a scripted loopback peer in this one. Scripts rely on the exit code and on one line
// on stderr that neither echoes the body nor the key.

#include "CliRunner.h"
#include "FaultMatrix.h"
#include "ScriptedServer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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
            "token missing",
            "5 MiB body, Content-Length declared",
            "HTML 502 from a proxy",
            "400, JSON body",
            "422 message with markup",
            "401, JSON body",
            "403, HTML body",
            "404, empty body",
            "429, HTML body",
            "429 Retry-After seconds, JSON body",
            "429 X-RateLimit-Reset seconds, empty body",
            "500, JSON body",
            "503 Retry-After seconds, HTML body",
        });
        QCOMPARE(rows.size(), 18);
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

    // A token without a usable link is kept and printed where the format can say so;
    // a format that needs the link exits 6 with one line and writes no file.
    void noUsableLink_textPrintsToken_linkAndQrExit6_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("exitCode");
        for (const FaultMatrix::Tolerated& answer : FaultMatrix::toleratedAnswers()) {
            if (answer.name != "short_link missing" && answer.name != "short_link 5000 characters")
                continue;
            for (const char* format : {"text", "json", "link", "qr-ansi", "qr-png", "qr-svg"}) {
                const bool printsToken = qstrcmp(format, "text") == 0 || qstrcmp(format, "json") == 0;
                QTest::newRow(QByteArray(answer.name + ", " + format).constData())
                    << answer.body << QString::fromLatin1(format) << (printsToken ? 0 : 6);
            }
        }
    }

    void noUsableLink_textPrintsToken_linkAndQrExit6()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, format);
        QFETCH(int, exitCode);
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, answer));
        QTemporaryDir out;
        const QString file = out.filePath(QStringLiteral("wall.out"));
        const CliRun r = TestSupport::runFaultshare({QStringLiteral("generate"), QStringLiteral("--api-url"), server.url().toString(),
                                                     QStringLiteral("--format"), format, QStringLiteral("--output"), file,
                                                     QStringLiteral("--no-history")},
                                                    TestSupport::isolatedEnvironment(m_home.path(), m_key));
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        const QString token = QJsonDocument::fromJson(answer).object().value(QStringLiteral("token")).toString();
        if (exitCode == 0) {
            QFile written(file);
            QVERIFY(written.open(QIODevice::ReadOnly));
            const QByteArray bytes = written.readAll();
            QVERIFY2(bytes.contains(token.toUtf8()), bytes.constData());
            if (format == QLatin1StringView("json"))
                QVERIFY(QJsonDocument::fromJson(bytes).object().value(QStringLiteral("short_link")).isNull());
            QVERIFY2(r.err.isEmpty(), r.err.constData());
            return;
        }
        QVERIFY2(!QFile::exists(file), "a file was written without a link in it");
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        const QString message = QString::fromUtf8(r.err.mid(12).chopped(1));
        QVERIFY2(message.contains(QStringLiteral("no link to share")), qPrintable(message));
        const QString why = FaultMatrix::whyNotOneSentence(message);
        QVERIFY2(why.isEmpty(), qPrintable(why + QStringLiteral(": ") + message));
        QVERIFY(!r.err.contains(token.toUtf8()) && !r.err.contains(m_secret));
    }
};

QTEST_MAIN(tst_CliFaults)
#include "tst_cli_faults.moc"
