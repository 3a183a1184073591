#include "RotationHook.h"

#include <QCoreApplication>
#include <QTimer>

#include <utility>

#ifdef Q_OS_UNIX
#include <csignal>
#include <unistd.h>
#endif

namespace faultshare {

namespace Cli {

RotationHook::RotationHook(QString command, std::function<void(const QString&)> report, QObject* parent)
    : QObject(parent)
    , m_command(std::move(command))
    , m_report(std::move(report))
    , m_deadline(new QTimer(this))
    , m_kill(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    m_kill->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] { endEarly(Ending::Deadline); });
    connect(m_kill, &QTimer::timeout, this, [this] {
#ifdef Q_OS_UNIX
        signalGroup(SIGKILL);
#else
        if (m_process)
            m_process->kill();
#endif
    });
}

RotationHook::~RotationHook()
{
    if (m_process) {
        m_process->disconnect(this);
#ifdef Q_OS_UNIX
        signalGroup(SIGKILL);
#endif
        // QProcess's destructor kills what is left and reaps it.
        delete m_process;
    }
}

void RotationHook::run(const QProcessEnvironment& env)
{
    if (m_closed)
        return;
    m_next = env;
    if (m_process)
        endEarly(Ending::Superseded);
    else
        startNext();
}

void RotationHook::drain(std::function<void()> done)
{
    m_closed = true;
    m_done = std::move(done);
    checkDone();
}

void RotationHook::stop(std::function<void()> done)
{
    m_closed = true;
    m_next.reset();
    m_done = std::move(done);
    if (m_process && m_ending == Ending::None) {
        // A short while to finish what it does (a dashboard half updated helps nobody),
        // then it is killed.
        m_ending = Ending::Stopped;
        m_deadline->stop();
        m_kill->start(StopGrace);
    }
    checkDone();
}

void RotationHook::startNext()
{
    if (!m_next) {
        checkDone();
        return;
    }
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(*std::exchange(m_next, std::nullopt));
    // Never our standard input: it may hold the rest of what --api-key-stdin read from.
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
#ifdef Q_OS_UNIX
    m_process->setChildProcessModifier([] {
        // In the child, before exec (async-signal-safe calls only): a process group of its
        // own, and its standard output on our standard error, which stays free of links.
        ::setpgid(0, 0);
        ::dup2(STDERR_FILENO, STDOUT_FILENO);
    });
#endif
    m_ending = Ending::None;
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        QString problem;
        const bool failed = status != QProcess::NormalExit || code != 0;
        if (failed && m_ending == Ending::Deadline) {
            problem = QCoreApplication::translate("Cli", "The --exec command did not end within %1 seconds and was stopped.")
                          .arg(Deadline.count());
        } else if (failed && m_ending == Ending::Superseded) {
            problem = QCoreApplication::translate("Cli", "The --exec command was stopped: a newer link came before it ended.");
        } else if (failed && m_ending == Ending::Stopped) {
            problem = QCoreApplication::translate("Cli", "The --exec command was stopped: faultshare rotate is ending.");
        } else if (status != QProcess::NormalExit) {
            problem = QCoreApplication::translate("Cli", "The --exec command was ended by a signal.");
        } else if (code != 0) {
            problem = QCoreApplication::translate("Cli", "The --exec command failed with exit status %1.").arg(code);
        }
        ended(problem);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            ended(QCoreApplication::translate("Cli", "The --exec command could not be started: %1.")
                      .arg(m_process->errorString()));
        }
    });
    m_deadline->start(Deadline);
#ifdef Q_OS_WIN
    m_process->setProgram(QStringLiteral("cmd.exe"));
    m_process->setNativeArguments(QStringLiteral("/d /s /c \"%1\"").arg(m_command));
    m_process->start();
#else
    m_process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
#endif
}

void RotationHook::ended(const QString& problem)
{
    m_deadline->stop();
    m_kill->stop();
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    m_ending = Ending::None;
    if (!problem.isEmpty())
        m_report(problem);
    startNext();
}

void RotationHook::endEarly(Ending why)
{
    if (!m_process || m_ending != Ending::None)
        return;
    m_ending = why;
    m_deadline->stop();
#ifdef Q_OS_UNIX
    signalGroup(SIGTERM);
#else
    m_process->terminate();
#endif
    m_kill->start(StopGrace);
}

void RotationHook::signalGroup(int signal)
{
#ifdef Q_OS_UNIX
    if (!m_process)
        return;
    const qint64 pid = m_process->processId();
    if (pid <= 0)
        return;
    // The group is the hook's own (setpgid in the child); if it could not be made, the
    // shell alone.
    if (::kill(-pid_t(pid), signal) != 0)
        ::kill(pid_t(pid), signal);
#else
    Q_UNUSED(signal)
#endif
}

void RotationHook::checkDone()
{
    if (m_closed && isIdle() && m_done)
        std::exchange(m_done, {})();
}

} // namespace Cli

} // namespace faultshare
