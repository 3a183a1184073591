#pragma once

#include <QObject>

#include <functional>

class QSocketNotifier;

namespace faultshare {

namespace Cli {

// SIGINT and SIGTERM as calls in the event loop, for a command that runs until it is
// stopped (`faultshare rotate`): the handler only writes the signal's number to a pipe
// (all it may safely do), and a QSocketNotifier on the other end calls stopRequested.
// One instance at a time; the default handlers are back when it is destroyed. Elsewhere
// than on Unix it does nothing.
class StopSignals final : public QObject
{
    Q_DISABLE_COPY_MOVE(StopSignals)

public:
    explicit StopSignals(std::function<void(int signal)> stopRequested, QObject* parent = nullptr);
    ~StopSignals() override;

private:
    std::function<void(int)> m_stopRequested;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace Cli

} // namespace faultshare
