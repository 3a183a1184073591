// Idle cost with a live countdown and with history rows: the real MainWindow in this
// process (timer events counted per receiver, CPU time from /proc/self/stat), then the
// real faultshare binary on the same settings and keychain (CPU time and context
// switches of all its threads from /proc/PID). Run it inside scripts/with-test-keyring
// (a fresh HOME per run: it writes the history there) and on an X display or offscreen.
//
//   bench_idle [--seconds S] [--rows N] [--binary PATH_TO_FAULTSHARE]
//
// Rows are written through History with real tokens (metadata in the settings, token in
// the keychain). Prints figures; never passes or fails.

#include "ApiClient.h"
#include "BenchSupport.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "History.h"
#include "KeychainJob.h"
#include "MainWindow.h"
#include "QrView.h"
#include "Settings.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include <unistd.h>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

QObject* benchTimerFwd();

// Counts timer events per receiver (named by the receiver's owner), no product hooks.
class BenchApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool counting = false;
    QHash<QString, int> timerEvents;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (counting && event->type() == QEvent::Timer && receiver != benchTimerFwd()) {
            // A QTimer receives its own events: name it by its owner, which is ours or Qt's.
            QObject* owner = receiver->parent() && qobject_cast<QTimer*>(receiver) ? receiver->parent() : receiver;
            const QString name = QString::fromLatin1(owner->metaObject()->className())
                + (qobject_cast<QTimer*>(receiver) ? u"/QTimer"_s : QString());
            ++timerEvents[name];
        }
        return QApplication::notify(receiver, event);
    }
};

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return done();
}

// The bench's own timer, left out of the counts.
QObject* benchTimer = nullptr;

void idleFor(int seconds)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    benchTimer = &timer;
    timer.start(seconds * 1000);
    loop.exec();
    benchTimer = nullptr;
}

QObject* benchTimerFwd()
{
    return benchTimer;
}

// utime + stime of a process in seconds.
double cpuSeconds(const QString& statPath)
{
    QFile stat(statPath);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble(); // utime, stime
    return ticks / double(sysconf(_SC_CLK_TCK));
}

// Voluntary + involuntary context switches of all threads of pid.
long contextSwitches(qint64 pid)
{
    long total = 0;
    const QDir tasks(u"/proc/%1/task"_s.arg(pid));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile status(tasks.filePath(task) + u"/status"_s);
        if (!status.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:"))
                total += line.mid(line.indexOf(':') + 1).trimmed().toLong();
        }
    }
    return total;
}

void seedHistory(CredentialStore& keys, int rows)
{
    History history(HistoryFile::defaultPath(), &keys, nullptr);
    int pending = rows;
    QObject::connect(&history, &History::kept, &history, [&pending] { --pending; });
    QObject::connect(&history, &History::keepFailed, &history, [](const QString&, const ApiError& error) {
        qFatal("bench_idle: the keychain refused a history row: %s", qPrintable(error.userMessage()));
    });
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < rows; ++i) // all live: from 30 minutes to about 7 days left
        history.add(Bench::makeToken(now.addSecs(-60LL * (i % 50)), 30 + 10 * i), u"row %1"_s.arg(i),
                    Settings::defaultProfile());
    if (!waitUntil([&pending] { return pending <= 0; }, 600000))
        qFatal("bench_idle: the history did not keep the rows");
}

} // namespace

int main(int argc, char** argv)
{
    BenchApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"FaultShare"_s); // the app's own settings file
    QCoreApplication::setApplicationName(u"FaultShare"_s);
    int seconds = 60;
    int rows = 1000;
    QString binary;
    const QStringList arguments = QCoreApplication::arguments();
    for (int i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == "--seconds"_L1)
            seconds = std::max(1, arguments.at(++i).toInt());
        else if (arguments.at(i) == "--rows"_L1)
            rows = std::max(0, arguments.at(++i).toInt());
        else if (arguments.at(i) == "--binary"_L1)
            binary = arguments.at(++i);
    }
    if (qEnvironmentVariableIsEmpty("FAULTSHARE_TEST_HOME"))
        qFatal("bench_idle: run it inside scripts/with-test-keyring (it writes to HOME and the keychain)");

    DemoServer server(DemoServer::generateApiKey());
    server.setRateLimit(1000000);
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("bench_idle: the demo server cannot listen");

    QSettings store;
    CredentialStore keys(u"FaultShare"_s);
    seedHistory(keys, rows);
    bool keyStored = false;
    KeychainJob* keyWrite = keys.write(CredentialStore::apiKeyEntry(Settings::defaultProfile()), server.apiKey(), {}, &app);
    QObject::connect(keyWrite, &KeychainJob::succeeded, &app, [&keyStored] { keyStored = true; });
    QObject::connect(keyWrite, &KeychainJob::failed, &app, [](const ApiError& error) {
        qFatal("bench_idle: the keychain refused the API key: %s", qPrintable(error.userMessage()));
    });
    waitUntil([&keyStored] { return keyStored; });

    std::printf("bench_idle: %d s, %d history rows, a live countdown\n", seconds, rows);
    {
        Settings settings(store);
        settings.setApiUrl(server.url()); // the window configures its client from the profile
        ApiClient api;
        api.setApiUrl(server.url());
        MainWindow window(api, keys, settings);
        window.show();
        QTimer::singleShot(0, &window, &MainWindow::start);
        auto* button = window.findChild<QPushButton*>(u"generateButton"_s);
        auto* view = window.findChild<QrView*>(u"qrView"_s);
        if (!waitUntil([button] { return button->isVisible() && button->isEnabled(); }))
            qFatal("bench_idle: the window did not reach the Generate form");
        QTest::mouseClick(button, Qt::LeftButton);
        if (!waitUntil([view] { return !view->qrCode().isNull(); }))
            qFatal("bench_idle: no link");
        idleFor(2); // the click's own aftermath (keychain write, feedback timers)

        app.timerEvents.clear();
        app.counting = true;
        const double cpuBefore = cpuSeconds(u"/proc/self/stat"_s);
        idleFor(seconds);
        const double cpu = cpuSeconds(u"/proc/self/stat"_s) - cpuBefore;
        app.counting = false;

        int ours = 0;
        int all = 0;
        for (auto it = app.timerEvents.cbegin(); it != app.timerEvents.cend(); ++it) {
            // Our classes are in the namespace faultshare, which className() includes.
            const QString name = it.key().startsWith("faultshare::"_L1) ? it.key().mid(12) : it.key();
            const bool mine = name.startsWith("Ticker"_L1) || name.startsWith("ExpiryNotifier"_L1)
                || name.startsWith("Clipboard"_L1) || name.startsWith("MainWindow"_L1)
                || name.startsWith("HistoryPanel"_L1) || name.startsWith("History/"_L1);
            all += it.value();
            if (mine)
                ours += it.value();
            std::printf("  timer events  %-40s %6.2f /s\n", qPrintable(it.key()), double(it.value()) / seconds);
        }
        std::printf("idle_inprocess_%s_wakeups_ours  %.3f /s (all timers %.3f /s)\n", rows ? "rows" : "countdown",
                    double(ours) / seconds, double(all) / seconds);
        std::printf("idle_inprocess_%s_cpu  %.3f %% of a core\n", rows ? "rows" : "countdown", 100.0 * cpu / seconds);
    }

    if (!binary.isEmpty()) {
        QProcess app2;
        app2.setProgram(binary);
        app2.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app2.start();
        if (!app2.waitForStarted())
            qFatal("bench_idle: cannot start %s", qPrintable(binary));
        idleFor(5); // start-up, the history's load and the keychain read
        const QString stat = u"/proc/%1/stat"_s.arg(app2.processId());
        const double cpuBefore = cpuSeconds(stat);
        const long switchesBefore = contextSwitches(app2.processId());
        idleFor(seconds);
        const double cpu = cpuSeconds(stat) - cpuBefore;
        const long switches = contextSwitches(app2.processId()) - switchesBefore;
        app2.terminate();
        app2.waitForFinished(5000);
        std::printf("idle_binary_%s_ctxt_switches  %.3f /s (all threads)\n", rows ? "rows" : "countdown",
                    double(switches) / seconds);
        std::printf("idle_binary_%s_cpu  %.3f %% of a core\n", rows ? "rows" : "countdown", 100.0 * cpu / seconds);
    }
    return 0;
}
