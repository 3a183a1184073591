// The parts that need a large library load on first use (app/core/Module.h): the real
// binary's window comes up without QtNetwork, QtPrintSupport or QtHttpServer in the
// process, and a binary whose modules are missing says so in one sentence instead of
// crashing or failing at start.

#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_LazyModules final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    const QString m_key = u"lazyTok:team7:s3cretLazyValue"_s;

    static QString binary() { return qEnvironmentVariable("FAULTSHARE_BIN_DIR") + u"/faultshare"_s; }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void window_beforeAnyRequest_hasNotLoadedNetworkPrintingOrDemo()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/<pid>/maps");
#endif
        QProcess app;
        QProcessEnvironment env = TestSupport::isolatedEnvironment(m_home.path(), m_key);
        // The start-up work after the first frame applies the profile's proxy and says so.
        env.insert(u"QT_LOGGING_RULES"_s, u"faultshare.api.info=true"_s);
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::SeparateChannels);
        app.start(binary(), {});
        QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
        const auto stop = qScopeGuard([&app] {
            app.kill();
            app.waitForFinished(5000);
        });
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += app.readAllStandardError()).contains("faultshare.api: proxy:"), 20000);
        // Give the deferred start-up (keychain answers, history) time to run its course.
        QTest::qWait(1000);
        QCOMPARE(app.state(), QProcess::Running);

        QFile maps(u"/proc/%1/maps"_s.arg(app.processId()));
        QVERIFY2(maps.open(QIODevice::ReadOnly), qPrintable(maps.errorString()));
        const QByteArray mapped = maps.readAll();
        QVERIFY2(mapped.contains("libQt6Widgets.so"), "the window's libraries are not mapped: not a window process?");
        for (const char* library : {"libQt6Network.so", "libQt6PrintSupport.so", "libQt6HttpServer.so",
                                    "libQt6WebSockets.so", "faultshare-network", "faultshare-print",
                                    "faultshare-demo"})
            QVERIFY2(!mapped.contains(library), library);
    }

    void generate_withoutTheNetworkModule_saysNotInstalledCompletely()
    {
        // The program alone, in a folder with no modules beside it.
        QTemporaryDir install;
        QVERIFY(install.isValid());
        QVERIFY(QDir(install.path()).mkpath(u"bin"_s));
        const QString lone = install.filePath(u"bin/faultshare"_s);
        QVERIFY(QFile::copy(binary(), lone));

        QProcess cli;
        cli.setProcessEnvironment(TestSupport::isolatedEnvironment(m_home.path(), m_key));
        cli.start(lone, {u"generate"_s, u"--api-url"_s, u"http://127.0.0.1:9"_s, u"--format"_s, u"link"_s,
                         u"--no-history"_s});
        QVERIFY2(cli.waitForFinished(30000), "faultshare generate did not end");
        const QByteArray out = cli.readAllStandardOutput();
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(out.isEmpty(), out.constData());
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("not installed completely"), err.constData());
        QVERIFY2(err.contains("faultshare-network"), err.constData());
        QVERIFY2(!err.contains("s3cretLazyValue"), "the key reached the error line");
    }
};

QTEST_GUILESS_MAIN(tst_LazyModules)
#include "tst_lazy_modules.moc"
