#pragma once

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace faultshare {

namespace Cli {

// The --exec COMMAND of `faultshare rotate`: run through `/bin/sh -c COMMAND` after each
// new link (and when the link dies with no successor), never waited on by the rotation.
//
// - One run at a time, in the order asked: a run asked for while another still runs stops
//   that one (its news is stale) and starts once it has ended.
// - Each run has Deadline to end; then it is stopped (SIGTERM to its process group, SIGKILL
//   StopGrace later).
// - Its standard output and error both go to our standard error: standard output carries
//   only links. Its standard input is empty. It runs in a process group of its own, so
//   stopping it also stops what it started.
// - Whatever goes wrong (cannot start, non-zero exit, a signal, a deadline) is reported as
//   one sentence (report) and changes nothing else.
class RotationHook final : public QObject
{
    Q_DISABLE_COPY_MOVE(RotationHook)

public:
    static constexpr std::chrono::seconds Deadline{60};
    static constexpr std::chrono::seconds StopGrace{2};

    RotationHook(QString command, std::function<void(const QString&)> report, QObject* parent = nullptr);
    ~RotationHook() override;

    // Runs the command with env (the whole environment of the child).
    void run(const QProcessEnvironment& env);
    // No more runs: done() once the run in progress and the one waiting have ended (each
    // within its Deadline); at once when there is none.
    void drain(std::function<void()> done);
    // No more runs: the one waiting is dropped, the one in progress gets StopGrace to end
    // by itself, then it is killed; done() once it has ended.
    void stop(std::function<void()> done);
    bool isIdle() const { return m_process == nullptr && !m_next; }

private:
    enum class Ending { None, Deadline, Superseded, Stopped };

    void startNext();
    void ended(const QString& problem);
    void signalGroup(int signal);
    void endEarly(Ending why);
    void checkDone();

    QString m_command;
    std::function<void(const QString&)> m_report;
    QProcess* m_process = nullptr;
    std::optional<QProcessEnvironment> m_next;
    QTimer* m_deadline;
    QTimer* m_kill;
    Ending m_ending = Ending::None;
    bool m_closed = false;
    std::function<void()> m_done;
};

} // namespace Cli

} // namespace faultshare
