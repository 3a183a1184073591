// The modules as the real program finds them (Module.h): the window comes up without
// QtNetwork, QtPrintSupport or QtHttpServer in the process; --demo loads faultshare-demo
// from beside the program; and a program whose modules are missing says in one sentence
// that it is not installed completely, and ends, rather than crash.

#include "CliRunner.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int DeadlineMs = 20000;

} // namespace

class tst_Modules final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    static QString builtProgram() { return qEnvironmentVariable("FAULTSHARE_BIN_DIR") + u"/faultshare"_s; }

    // A copy of the program alone in install's bin/, without the module folder beside it.
    static QString programAlone(const QTemporaryDir& install)
    {
        if (!QDir(install.path()).mkpath(u"bin"_s))
            return {};
        const QString program = install.filePath(u"bin/faultshare"_s);
        if (!QFile::copy(builtProgram(), program) || !QFile::setPermissions(program, QFile::permissions(builtProgram())))
            return {};
        return program;
    }

    // The window on the offscreen platform, with settings of its own.
    QProcessEnvironment windowEnvironment() const
    {
        QProcessEnvironment env = TestSupport::isolatedEnvironment(m_home.path());
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(builtProgram()), "run through ctest (FAULTSHARE_BIN_DIR)");
    }

    // What the first frame waits for: every library the program links. With a key in the
    // environment (the start-up benchmark's case), after the start-up work that follows
    // the first frame, none of the libraries the modules bring is in the process.
    void window_beforeAnyRequest_hasNotLoadedNetworkPrintingOrDemo()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/<pid>/maps");
#endif
        QProcess app;
        QProcessEnvironment env = windowEnvironment();
        env.insert(u"FAULTSHARE_API_KEY"_s, u"lazyTok:team7:s3cretLazyValue"_s);
        // The start-up work after the first frame applies the profile's proxy and says so.
        env.insert(u"QT_LOGGING_RULES"_s, u"faultshare.api.info=true"_s);
        app.setProcessEnvironment(env);
        app.start(builtProgram(), {});
        QVERIFY2(app.waitForStarted(DeadlineMs), qPrintable(app.errorString()));
        const auto stop = qScopeGuard([&app] {
            app.kill();
            app.waitForFinished();
        });
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += app.readAllStandardError()).contains("faultshare.api: proxy:"), DeadlineMs);
        // Give the rest of the start-up work (keychain answers, history) time to run.
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

    // A command needs the network module for its request; without it, one sentence.
    void generate_withoutTheNetworkModule_exits1WithOneSentence()
    {
        QTemporaryDir install;
        QVERIFY(install.isValid());
        const QString program = programAlone(install);
        QVERIFY(!program.isEmpty());

        QProcess cli;
        cli.setProcessEnvironment(TestSupport::isolatedEnvironment(m_home.path(), u"lazyTok:team7:s3cretLazyValue"_s));
        cli.start(program, {u"generate"_s, u"--api-url"_s, u"http://127.0.0.1:9"_s, u"--format"_s, u"link"_s,
                            u"--no-history"_s});
        QVERIFY2(cli.waitForFinished(DeadlineMs), "faultshare generate did not end");
        const QByteArray out = cli.readAllStandardOutput();
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(out.isEmpty(), out.constData());
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("not installed completely"), err.constData());
        QVERIFY2(err.contains("faultshare-network.so"), err.constData());
        QVERIFY2(!err.contains("s3cretLazyValue"), "the key reached the error line");
    }

    // The program alone, without the module folder beside it: Module::load fails.
    void demo_withoutTheModules_exits1WithOneSentence()
    {
        QTemporaryDir install;
        QVERIFY(install.isValid());
        const QString program = programAlone(install);
        QVERIFY(!program.isEmpty());

        QProcess app;
        app.setProcessEnvironment(windowEnvironment());
        app.start(program, {u"--demo"_s});
        QVERIFY2(app.waitForFinished(DeadlineMs), "faultshare --demo did not end without its module");
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 1);
        const QString err = QString::fromLocal8Bit(app.readAllStandardError());
        const QStringList sentences = err.split(u'\n', Qt::SkipEmptyParts).filter(u"not installed completely"_s);
        QCOMPARE(sentences.size(), 1);
        const QString& sentence = sentences.first();
        QVERIFY2(sentence.startsWith(u"faultshare: FaultShare is not installed completely: "_s), qPrintable(err));
        QVERIFY2(sentence.endsWith(u". Install FaultShare again."_s), qPrintable(err));
        // It names the file it looked for, beside this copy of the program.
        QVERIFY2(sentence.contains(u"faultshare-demo"_s), qPrintable(err));
        QVERIFY2(sentence.contains(QDir::toNativeSeparators(install.path())), qPrintable(err));
    }

    // The program where it was built: the demo module loads, its server answers, and the
    // window keeps running.
    void demo_withTheModules_serves_andTheWindowRuns()
    {
        QProcess app;
        QProcessEnvironment env = windowEnvironment();
        // The demo says where it listens (DemoServer::listen).
        env.insert(u"QT_LOGGING_RULES"_s, u"faultshare.demo.info=true"_s);
        app.setProcessEnvironment(env);
        app.start(builtProgram(), {u"--demo"_s});
        QVERIFY(app.waitForStarted(DeadlineMs));
        const auto stop = qScopeGuard([&app] {
            app.kill();
            app.waitForFinished();
        });

        static const QRegularExpression listening(u"Demo API listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
        QString err;
        QString url;
        const QDeadlineTimer deadline(DeadlineMs);
        while (url.isEmpty() && app.state() == QProcess::Running && !deadline.hasExpired()) {
            QTest::qWait(50);
            err += QString::fromLocal8Bit(app.readAllStandardError());
            url = listening.match(err).captured(1);
        }
        QVERIFY2(!url.isEmpty(), qPrintable(u"no demo API within the deadline (faultshare %1): "_s.arg(
                                               app.state() == QProcess::Running ? u"running"_s : u"ended"_s) + err));

        // The module's server answers in that process: a token request without a key is
        // refused. It answers from the event loop, which runs once the window is shown.
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(url + u"/fault/token"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        std::unique_ptr<QNetworkReply> reply(network.post(request, QByteArrayLiteral("{}")));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(DeadlineMs));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);

        // A second later (the first frame painted, the window started) it is still there.
        QTest::qWait(1000);
        QVERIFY2(app.state() == QProcess::Running,
                 qPrintable(err + QString::fromLocal8Bit(app.readAllStandardError())));
        err += QString::fromLocal8Bit(app.readAllStandardError());
        QVERIFY2(!err.contains(u"not installed completely"_s), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(tst_Modules)
#include "tst_modules.moc"
