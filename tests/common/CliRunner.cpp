#include "CliRunner.h"

#include <QProcess>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace TestSupport {

QProcessEnvironment isolatedEnvironment(const QString& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"FAULTSHARE_API_KEY"_s);
    env.remove(u"QT_LOGGING_RULES"_s);
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.insert(u"TZ"_s, u"UTC"_s);
    return env;
}

QProcessEnvironment isolatedEnvironment(const QString& home, const QString& apiKey)
{
    QProcessEnvironment env = isolatedEnvironment(home);
    env.insert(u"FAULTSHARE_API_KEY"_s, apiKey);
    return env;
}

QString childSettingsFile(const QString& home)
{
    return home + u"/.config/FaultShare/FaultShare.conf"_s;
}

CliRun runFaultshare(const QStringList& arguments, const QProcessEnvironment& env, const QByteArray& input,
                     std::chrono::milliseconds timeout)
{
    QProcess process;
    // Not waitForFinished: the servers the child talks to live in this process.
    QSignalSpy finished(&process, &QProcess::finished);
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("FAULTSHARE_BIN_DIR") + u"/faultshare"_s, arguments);
    if (!process.waitForStarted(10000)) {
        qWarning("faultshare did not start: %s", qPrintable(process.errorString()));
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (finished.wait(int(timeout.count()))) {
        run.finished = process.exitStatus() == QProcess::NormalExit;
        if (run.finished)
            run.exitCode = process.exitCode();
        else
            qWarning("faultshare crashed");
    } else {
        qWarning("faultshare did not finish within %lld ms; killed", qlonglong(timeout.count()));
        process.kill();
        process.waitForFinished();
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace TestSupport
