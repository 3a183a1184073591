#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "Profiles.h"
#include "QrDecode.h"
#include "KeychainOutcome.h"
#include "TestSupport.h"
#include "ScriptedServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSvgRenderer>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace faultshare;

using TestSupport::CliRun;

// `faultshare generate` as scripts run it: the real binary in a child process, against
// the demo API (or a scripted peer) on loopback, with its own settings directory.
class tst_Cli final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    QTemporaryDir m_home;

    CliRun run(const QStringList& arguments, const QProcessEnvironment& extraEnv = {},
               const QByteArray& input = {})
    {
        QProcessEnvironment env = TestSupport::isolatedEnvironment(m_home.path());
        for (const QString& name : extraEnv.keys())
            env.insert(name, extraEnv.value(name));
        return TestSupport::runFaultshare(QStringList{QStringLiteral("generate")} + arguments, env, input);
    }

    QProcessEnvironment keyEnv(const QString& key) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("FAULTSHARE_API_KEY"), key);
        return env;
    }

    QStringList demoArgs(const QStringList& more) const
    {
        return QStringList{QStringLiteral("--api-url"), m_demo->url().toString()} + more;
    }

    static void checkNoSecret(const CliRun& run, const QByteArray& secret)
    {
        QVERIFY2(!run.out.contains(secret), "secret on stdout");
        QVERIFY2(!run.err.contains(secret), "secret on stderr");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
    }

    // The window's --profile too names an existing profile, before any window opens.
    void guiUnknownProfile_exits2_beforeAnyWindow()
    {
        const CliRun r = TestSupport::runFaultshare({QStringLiteral("--profile"), QStringLiteral("no-such-profile")},
                                                    TestSupport::isolatedEnvironment(m_home.path()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("No profile named \"no-such-profile\""), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void formatLink_printsShortLinkOnDemoServer()
    {
        const CliRun r = run(demoArgs({QStringLiteral("--format"), QStringLiteral("link"), QStringLiteral("--minutes"), QStringLiteral("15")}),
                             keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QUrl link(QString::fromUtf8(r.out.trimmed()));
        QCOMPARE(link.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(link.port(), m_demo->url().port());
        QVERIFY(r.out.endsWith('\n'));
        checkNoSecret(r, m_key.toUtf8());
    }

    void formatJson_hasDocumentedFieldsAndLabel()
    {
        const CliRun r = run(demoArgs({QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--minutes"), QStringLiteral("480"),
                                       QStringLiteral("--label"), QStringLiteral("NOC wall 2")}),
                             keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1StringView("expires_in_minutes")).toInt(), 480);
        QCOMPARE(o.value(QLatin1StringView("type")).toString(), QStringLiteral("jwt"));
        QCOMPARE(o.value(QLatin1StringView("label")).toString(), QStringLiteral("NOC wall 2"));
        QCOMPARE(o.value(QLatin1StringView("token")).toString().count(QLatin1Char('.')), 2);
        QVERIFY(o.value(QLatin1StringView("short_link")).toString().startsWith(m_demo->url().toString()));
        QVERIFY(QDateTime::fromString(o.value(QLatin1StringView("expires_at")).toString(), Qt::ISODateWithMs).isValid());
        checkNoSecret(r, m_key.toUtf8());
    }

    void formatText_namesLinkExpiryAndToken()
    {
        const CliRun r = run(demoArgs({}), keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral("Link:    http://127.0.0.1:")), r.out.constData());
        QVERIFY(text.contains(QStringLiteral("Expires: ")));
        QVERIFY(text.contains(QStringLiteral(" UTC\n")));
        QVERIFY(text.contains(QStringLiteral("Token:   ey")));
    }

    void formatText_showsLocalTimeWithUtcBeside()
    {
        QProcessEnvironment env = keyEnv(m_key);
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Berlin"));
        const CliRun r = run(demoArgs({}), env);
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.out);
        QVERIFY2(text.contains(QStringLiteral(" CET (")) || text.contains(QStringLiteral(" CEST (")), r.out.constData());
        QVERIFY(text.contains(QStringLiteral(" UTC)\n")));
    }

    void formatQrPng_fileDecodesToLink()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("wall.png"));
        const CliRun r = run(demoArgs({QStringLiteral("--format"), QStringLiteral("qr-png"), QStringLiteral("--output"), png}), keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        const QImage image(png);
        QVERIFY(!image.isNull());
        const QString decoded = TestSupport::decodeQr(image);
        QVERIFY2(decoded.startsWith(m_demo->url().toString() + QStringLiteral("/s/")), qPrintable(decoded));
        QCOMPARE(QFile(png).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    }

    void formatQrPng_toStdoutWhenRedirected()
    {
        const CliRun r = run(demoArgs({QStringLiteral("--format"), QStringLiteral("qr-png")}), keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("\x89PNG"));
        QVERIFY(!TestSupport::decodeQr(QImage::fromData(r.out, "PNG")).isEmpty());
    }

    void formatQrSvg_rendersAndDecodesToLink()
    {
        const CliRun r = run(demoArgs({QStringLiteral("--format"), QStringLiteral("qr-svg")}), keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        QSvgRenderer renderer(r.out);
        QVERIFY(renderer.isValid());
        QImage image(600, 600, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QVERIFY(TestSupport::decodeQr(image).startsWith(m_demo->url().toString()));
    }

    void formatQrAnsi_decodesToLink()
    {
        const CliRun r = run(demoArgs({QStringLiteral("--format"), QStringLiteral("qr-ansi")}), keyEnv(m_key));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\x1b["));
        const QString decoded = TestSupport::decodeQr(TestSupport::imageFromTerminalText(QString::fromUtf8(r.out), 4));
        QVERIFY2(decoded.startsWith(m_demo->url().toString()), qPrintable(decoded));
    }

    void apiKeyStdin_isUsed()
    {
        const CliRun r = run(demoArgs({QStringLiteral("--api-key-stdin"), QStringLiteral("--format"), QStringLiteral("link")}), {},
                             m_key.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("http://127.0.0.1:"));
    }

    void profileKeychainEntry_isUsed()
    {
        // The profile must exist in the child's settings.
        {
            QSettings childSettings(TestSupport::childSettingsFile(m_home.path()), QSettings::IniFormat);
            Profiles profiles(childSettings);
            QVERIFY(profiles.contains(QStringLiteral("cli-test")) || profiles.add(QStringLiteral("cli-test")));
        }
        // The real Secret Service of the test session; the CLI's service name is the app's.
        CredentialStore store(QStringLiteral("FaultShare"));
        QCOMPARE(TestSupport::writeSecret(store, CredentialStore::apiKeyEntry(QStringLiteral("cli-test")), m_key, {}, 15000).signal,
                 QStringLiteral("written"));
        const CliRun r = run(demoArgs({QStringLiteral("--profile"), QStringLiteral("cli-test"), QStringLiteral("--format"), QStringLiteral("link")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("http://127.0.0.1:"));
        QCOMPARE(TestSupport::removeSecret(store, CredentialStore::apiKeyEntry(QStringLiteral("cli-test")), 15000).signal,
                 QStringLiteral("removed"));
    }

    void usageErrors_exit2WithoutRequest_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("minutes 0") << QStringList{QStringLiteral("--minutes"), QStringLiteral("0")};
        QTest::newRow("minutes 43201") << QStringList{QStringLiteral("--minutes"), QStringLiteral("43201")};
        QTest::newRow("minutes text") << QStringList{QStringLiteral("--minutes"), QStringLiteral("ten")};
        QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("gif")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--api-key"), QStringLiteral("x")};
        QTest::newRow("extra argument") << QStringList{QStringLiteral("now")};
        QTest::newRow("http remote") << QStringList{QStringLiteral("--api-url"), QStringLiteral("http://api.example.invalid")};
        QTest::newRow("empty profile") << QStringList{QStringLiteral("--profile"), QString()};
    }

    void usageErrors_exit2WithoutRequest()
    {
        QFETCH(QStringList, arguments);
        const int before = m_demo->tokenRequestCount();
        QStringList all = arguments;
        if (!all.contains(QStringLiteral("--api-url")))
            all = demoArgs(all);
        const CliRun r = run(all, keyEnv(m_key));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.err.startsWith("faultshare: "));
        QCOMPARE(m_demo->tokenRequestCount(), before);
        checkNoSecret(r, m_key.toUtf8());
    }

    void missingKey_exit3()
    {
        // --api-key-stdin with nothing on stdin: no key at all.
        const CliRun r = run(demoArgs({QStringLiteral("--api-key-stdin")}));
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err.count('\n'), 1);
    }

    void rejectedKey_exit3()
    {
        const QString wrong = QStringLiteral("tok:team:definitelyWrongSecret");
        const CliRun r = run(demoArgs({}), keyEnv(wrong));
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains("401"));
        checkNoSecret(r, "definitelyWrongSecret");
    }

    void rateLimited_exit4()
    {
        const QString key = DemoServer::generateApiKey();
        DemoServer limited(key);
        limited.setRateLimit(1);
        QVERIFY(limited.listen());
        const QStringList args{QStringLiteral("--api-url"), limited.url().toString(), QStringLiteral("--format"), QStringLiteral("link")};
        QCOMPARE(run(args, keyEnv(key)).exitCode, 0);
        const CliRun r = run(args, keyEnv(key));
        QCOMPARE(r.exitCode, 4);
        QVERIFY(r.err.contains("try again in"));
    }

    void connectionRefused_exit5()
    {
        quint16 port = 0;
        {
            ScriptedServer probe;
            QVERIFY(probe.listen());
            port = probe.port();
        }
        const CliRun r = run({QStringLiteral("--api-url"), QStringLiteral("http://127.0.0.1:%1").arg(port)}, keyEnv(m_key));
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.err.count('\n'), 1);
    }

    void serverError_exit6()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(503, "<html>down</html>", "text/html"));
        const CliRun r = run({QStringLiteral("--api-url"), server.url().toString()}, keyEnv(m_key));
        QCOMPARE(r.exitCode, 6);
        QVERIFY(r.err.contains("503"));
        QVERIFY(!r.err.contains("<html>"));
    }

    void invalidResponse_exit6()
    {
        ScriptedServer server;
        QVERIFY(server.listen());
        server.setResponse(ScriptedServer::response(200, R"({"token":"x"})"));
        const CliRun r = run({QStringLiteral("--api-url"), server.url().toString()}, keyEnv(m_key));
        QCOMPARE(r.exitCode, 6);
    }

    void help_exit0()
    {
        const CliRun r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--api-key-stdin"));
        QVERIFY(r.out.contains("Exit codes"));
    }

    void settingsDir_holdsNoSecret()
    {
        QCOMPARE(TestSupport::filesContaining(m_home.path(), m_key.toUtf8()), QStringList());
    }
};

QTEST_MAIN(tst_Cli)
#include "tst_cli.moc"
