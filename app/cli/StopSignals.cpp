#include "StopSignals.h"

#include <QSocketNotifier>

#include <utility>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace faultshare {

namespace Cli {

#ifdef Q_OS_UNIX
namespace {

int selfPipe[2] = {-1, -1};
const int stopSignals[] = {SIGINT, SIGTERM};

extern "C" void onStopSignal(int signal)
{
    const int saved = errno;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t written = ::write(selfPipe[1], &byte, 1);
    errno = saved;
}

} // namespace
#endif

StopSignals::StopSignals(std::function<void(int)> stopRequested, QObject* parent)
    : QObject(parent)
    , m_stopRequested(std::move(stopRequested))
{
#ifdef Q_OS_UNIX
    Q_ASSERT(selfPipe[0] < 0);
    if (::pipe(selfPipe) != 0)
        return;
    for (const int fd : selfPipe) {
        // Never inherited by a hook; a full pipe never blocks the handler.
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    m_notifier = new QSocketNotifier(selfPipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        ssize_t count = 0;
        while ((count = ::read(selfPipe[0], bytes, sizeof bytes)) > 0) {
            for (ssize_t i = 0; i < count; ++i)
                m_stopRequested(int(bytes[i]));
        }
    });
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signal : stopSignals)
        ::sigaction(signal, &action, nullptr);
#endif
}

StopSignals::~StopSignals()
{
#ifdef Q_OS_UNIX
    if (selfPipe[0] < 0)
        return;
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    for (const int signal : stopSignals)
        ::sigaction(signal, &action, nullptr);
    delete m_notifier;
    for (int& fd : selfPipe) {
        ::close(fd);
        fd = -1;
    }
#endif
}

} // namespace Cli

} // namespace faultshare
