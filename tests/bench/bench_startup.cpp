// Start-up to the first visible window, and resident memory after start, of any X11
// program: FaultShare against the bare Qt Widgets hello_world, started the same way.
//
//   bench_startup [--runs N] [--settle-ms MS] -- PROGRAM [ARGS...]
//
// The method is outside the programs, identical for both: an Xlib client on $DISPLAY
// (Xvfb, no window manager) watches the root window for new top-level windows, makes a
// DAMAGE object on each as it is created (before it can be mapped: a damage object made
// on a mapped window reports the whole window at once, which is no drawing), and for
// one of the child's process (_NET_WM_PID) mapped on screen waits for the first drawing
// into it (the program flushed its first frame). Time runs from just before fork/exec.
// --settle-ms (default 1000) after that first frame (the window appeared) it reads VmRSS
// from /proc/PID/status, then terminates the program. Prints min / median / max; never
// passes or fails.

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QStringList>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

int ignoreXErrors(Display*, XErrorEvent*)
{
    return 0; // a window may be gone before we ask about it
}

long windowPid(Display* display, Window window, Atom pidAtom)
{
    Atom type = None;
    int format = 0;
    unsigned long items = 0;
    unsigned long after = 0;
    unsigned char* data = nullptr;
    long pid = -1;
    if (XGetWindowProperty(display, window, pidAtom, 0, 1, False, XA_CARDINAL, &type, &format, &items, &after,
                           &data)
            == Success
        && data && items == 1 && format == 32)
        pid = *reinterpret_cast<long*>(data);
    if (data)
        XFree(data);
    return pid;
}

long rssKiB(pid_t pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

struct Run
{
    double firstFrameMs = -1;
    long rss = -1;
    int lateDamage = 0; // initial-state reports skipped (the window was mapped before it was watched)
};

struct Watch
{
    Damage damage = 0;
    unsigned long createSerial = 0;
    bool mapped = false;      // a window of the child, on screen
    bool skipInitial = false; // its damage object was made after the mapping
};

// Waits for events or the deadline; false at the deadline.
bool waitForEvent(Display* display, const QElapsedTimer& clock, qint64 deadlineMs)
{
    if (XPending(display))
        return true;
    pollfd fd{ConnectionNumber(display), POLLIN, 0};
    const int left = int(std::max<qint64>(0, deadlineMs - clock.elapsed()));
    return poll(&fd, 1, std::min(left, 50)) >= 0 && clock.elapsed() < deadlineMs;
}

Run runOnce(Display* display, int damageEvent, char** argv, int settleMs)
{
    const Window root = DefaultRootWindow(display);
    const Atom pidAtom = XInternAtom(display, "_NET_WM_PID", False);
    XSelectInput(display, root, SubstructureNotifyMask);
    XSync(display, False);
    while (XPending(display)) {
        XEvent stale;
        XNextEvent(display, &stale);
    }

    Run run;
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        std::_Exit(127);
    }
    // Every new top-level window gets a damage object when it is created, before it can
    // be mapped: made on a mapped window, DAMAGE reports the whole window at once (its
    // initial state), which is no drawing of the program's. The child's windows count
    // from their mapping.
    std::map<Window, Watch> windows;
    int status = 0;
    bool exited = false;
    while (run.firstFrameMs < 0 && waitForEvent(display, clock, 30000)) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            exited = true; // it failed before its first frame
            break;
        }
        while (XPending(display) && run.firstFrameMs < 0) {
            XEvent event;
            XNextEvent(display, &event);
            if (event.type == CreateNotify && event.xcreatewindow.parent == root) {
                Watch& watch = windows[event.xcreatewindow.window];
                watch.createSerial = NextRequest(display);
                watch.damage = XDamageCreate(display, event.xcreatewindow.window, XDamageReportRawRectangles);
                XFlush(display);
            } else if (event.type == MapNotify && event.xmap.event == root) {
                const auto watch = windows.find(event.xmap.window);
                if (watch != windows.end() && windowPid(display, event.xmap.window, pidAtom) == pid) {
                    watch->second.mapped = true;
                    // Mapped before the damage object was made: its first report is the
                    // initial state, not a frame.
                    watch->second.skipInitial = event.xmap.serial < watch->second.createSerial;
                }
            } else if (event.type == damageEvent + XDamageNotify) {
                const auto* damage = reinterpret_cast<XDamageNotifyEvent*>(&event);
                const auto watch = windows.find(damage->drawable);
                if (watch == windows.end() || !watch->second.mapped)
                    continue;
                if (watch->second.skipInitial) {
                    // The initial state may come as several rectangles (more is set on all but the last).
                    watch->second.skipInitial = damage->more;
                    ++run.lateDamage;
                    continue;
                }
                run.firstFrameMs = double(clock.nsecsElapsed()) / 1e6;
            }
        }
    }
    for (const auto& [window, watch] : windows)
        XDamageDestroy(display, watch.damage);
    XSelectInput(display, root, NoEventMask);
    XSync(display, False);

    if (run.firstFrameMs >= 0) {
        // Counted from the first frame, not from now: the clean-up above took a moment.
        const qint64 readAtNs = qint64(run.firstFrameMs * 1e6) + qint64(settleMs) * 1000000;
        const qint64 leftNs = readAtNs - clock.nsecsElapsed();
        if (leftNs > 0)
            std::this_thread::sleep_for(std::chrono::nanoseconds(leftNs));
        run.rss = rssKiB(pid);
    }
    if (exited)
        return run;
    kill(pid, SIGTERM);
    for (int i = 0; i < 300 && waitpid(pid, &status, WNOHANG) == 0; ++i)
        usleep(10000);
    if (waitpid(pid, &status, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    return run;
}

template<typename T>
void printStats(const char* what, std::vector<T> values, const char* unit)
{
    std::sort(values.begin(), values.end());
    if (values.empty()) {
        std::printf("%-28s no data\n", what);
        return;
    }
    std::printf("%-28s min %10.1f  median %10.1f  max %10.1f %s\n", what, double(values.front()),
                double(values[values.size() / 2]), double(values.back()), unit);
}

} // namespace

int main(int argc, char** argv)
{
    int runs = 10;
    int settleMs = 1000;
    int first = 1;
    for (; first < argc; ++first) {
        const QByteArray argument(argv[first]);
        if (argument == "--runs" && first + 1 < argc)
            runs = std::max(1, std::atoi(argv[++first]));
        else if (argument == "--settle-ms" && first + 1 < argc)
            settleMs = std::max(0, std::atoi(argv[++first]));
        else if (argument == "--") {
            ++first;
            break;
        } else
            break;
    }
    if (first >= argc) {
        std::fprintf(stderr, "usage: %s [--runs N] [--settle-ms MS] -- PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }

    Display* display = XOpenDisplay(nullptr);
    if (!display) {
        std::fprintf(stderr, "bench_startup: cannot open the X display (DISPLAY unset?)\n");
        return 1;
    }
    XSetErrorHandler(ignoreXErrors);
    int damageEvent = 0;
    int damageError = 0;
    if (!XDamageQueryExtension(display, &damageEvent, &damageError)) {
        std::fprintf(stderr, "bench_startup: the X server has no DAMAGE extension\n");
        return 1;
    }

    std::vector<double> frames;
    std::vector<long> rss;
    int lateRuns = 0;
    for (int i = 0; i < runs; ++i) {
        const Run run = runOnce(display, damageEvent, argv + first, settleMs);
        if (run.firstFrameMs < 0) {
            std::fprintf(stderr, "bench_startup: run %d: no frame within 30 s, or the program exited\n", i + 1);
            break;
        }
        frames.push_back(run.firstFrameMs);
        lateRuns += run.lateDamage > 0 ? 1 : 0;
        if (run.rss > 0)
            rss.push_back(run.rss);
    }
    std::printf("%s (%d runs, VmRSS read %d ms after the first frame)\n", argv[first], runs, settleMs);
    printStats("first frame", frames, "ms");
    printStats("VmRSS after settle", rss, "KiB");
    if (lateRuns > 0)
        std::printf("(%d run(s): the window was mapped before it was watched; its initial damage report was skipped)\n",
                    lateRuns);
    XCloseDisplay(display);
    return frames.empty() ? 1 : 0;
}
