// Composition root: chooses the headless command or the window before any
// QApplication exists, then wires the real objects together.

#include "ApiClient.h"
#include "AppStyle.h"
#include "CredentialStore.h"
#include "Cli.h"
#include "DemoModule.h"
#include "KioskStart.h"
#include "Language.h"
#include "Logging.h"
#include "MainWindow.h"
#include "Module.h"
#include "PresentWindow.h"
#include "Profiles.h"
#include "Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#define FAULTSHARE_SESSION_BUS
#include <QDBusConnection>
#include <QDeadlineTimer>
#include <QThread>
#endif

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(u"FaultShare"_s);
    QCoreApplication::setApplicationName(u"FaultShare"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTSHARE_VERSION));
    // Before any text is made: the language of Settings (app/language), else the system's,
    // for the window and the headless commands alike.
    Language::install(*QCoreApplication::instance(),
                      Language::resolve(Language::setting(QSettings()), QLocale::system().uiLanguages()));
}

// faultshare [--demo] [--api-url URL] [--profile NAME]
//            [--present [--rotate] [--minutes N] [--renew-before D] [--screen NAME]]
struct GuiOptions
{
    QCommandLineParser parser;
    QCommandLineOption demo{u"demo"_s,
                            QCoreApplication::translate("main", "Use the built-in demo server; nothing is stored.")};
    QCommandLineOption apiUrl{u"api-url"_s, QCoreApplication::translate("main", "API URL for this session."),
                              QCoreApplication::translate("main", "URL")};
    QCommandLineOption profile{u"profile"_s,
                               QCoreApplication::translate("main", "Profile to start with (default: the one used last)."),
                               QCoreApplication::translate("main", "NAME")};
    // A wall-display box (kiosk start).
    QCommandLineOption present{u"present"_s,
                               QCoreApplication::translate("main", "Start in present mode, fullscreen, and make a link at once.")};
    QCommandLineOption rotate{u"rotate"_s,
                              QCoreApplication::translate("main", "With --present: keep renewing the link before it expires.")};
    QCommandLineOption minutes{u"minutes"_s,
                               QCoreApplication::translate("main", "With --present: each link's lifetime, 1 to 43200 (default: the profile's)."),
                               QCoreApplication::translate("main", "N")};
    QCommandLineOption renewBefore{u"renew-before"_s,
                                   QCoreApplication::translate("main", "With --rotate: renew this long before the end, such as 90s, 10m or 2h "
                                                                       "(default: a tenth of the lifetime, at least a minute)."),
                                   QCoreApplication::translate("main", "DURATION")};
    QCommandLineOption screen{u"screen"_s,
                              QCoreApplication::translate("main", "With --present: the screen to fill, by name, such as HDMI-1 "
                                                                  "(default: the one chosen last, else the primary)."),
                              QCoreApplication::translate("main", "NAME")};

    void setUp()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Share short-lived, read-only Altostrat fault links as links and QR codes.\n"
                    "Headless use: faultshare generate --help\n"
                    "Wall display: faultshare --present --rotate --minutes 60 --screen HDMI-1"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, apiUrl, profile, present, rotate, minutes, renewBefore, screen});
    }
};

// Runs a function once, just after the first frame of a window was painted, so that what
// that frame does not need (the history, the keychain, TLS) does not delay it. A queued
// call from show() alone would run before the window system exposes the window. If no
// frame comes (started minimised), it runs after a second anyway.
class AfterFirstFrame final : public QObject
{
public:
    AfterFirstFrame(QWidget* window, std::function<void()> run)
        : QObject(window)
        , m_run(std::move(run))
    {
        window->installEventFilter(this);
        QTimer::singleShot(1000, this, &AfterFirstFrame::runLater);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        // The window's own paint comes first in a frame; the queued call runs once the
        // whole frame is painted and flushed.
        if (event->type() == QEvent::Paint)
            runLater();
        return QObject::eventFilter(watched, event);
    }

private:
    void runLater()
    {
        if (m_queued)
            return;
        m_queued = true;
        QMetaObject::invokeMethod(this, [this] {
            m_run();
            deleteLater();
        }, Qt::QueuedConnection);
    }

    std::function<void()> m_run;
    bool m_queued = false;
};

// Connects the process to the D-Bus session bus on a thread of its own while the settings
// are read and the window is built. Qt asks for the session bus before the first frame:
// the accessibility bridge (AT-SPI), which the first accessibility query of a widget
// creates, and the menu bar's check for a global menu. Connecting (loading libdbus,
// authenticating) would hold up the GUI thread there; now both find the connection made.
// Nothing is deferred or turned off: the bridge starts and serves screen readers exactly
// as before. Leaving main() waits for the thread, for at most two seconds.
class SessionBusAhead final
{
    Q_DISABLE_COPY_MOVE(SessionBusAhead)

public:
    SessionBusAhead()
    {
#ifdef FAULTSHARE_SESSION_BUS
        m_thread.reset(QThread::create([] { QDBusConnection::sessionBus(); }));
        m_thread->start();
#endif
    }

    ~SessionBusAhead()
    {
#ifdef FAULTSHARE_SESSION_BUS
        // A bus that never answers must not keep the process from ending: after a
        // deadline the thread is left to the exit.
        if (!m_thread->wait(QDeadlineTimer(2000)))
            (void)m_thread.release();
#endif
    }

private:
#ifdef FAULTSHARE_SESSION_BUS
    std::unique_ptr<QThread> m_thread;
#endif
};

void printError(const QString& message)
{
    std::fprintf(stderr, "faultshare: %s\n", message.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (Cli::isCommand(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        return Cli::run(QCoreApplication::arguments());
    }

    // --help and --version answer without a display (scripts, packaging checks).
    const QStringList options = arguments.mid(1);
    const bool infoOnly = std::any_of(options.cbegin(), options.cend(), [](const QString& argument) {
        return argument == "-h"_L1 || argument == "--help"_L1 || argument == "-?"_L1 || argument == "-v"_L1
            || argument == "--version"_L1;
    });
    if (infoOnly) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        GuiOptions gui;
        gui.setUp();
        gui.parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    const SessionBusAhead sessionBus;
    setApplicationNames();
    QGuiApplication::setDesktopFileName(u"io.altostrat.FaultShare"_s);
    QApplication::setStyle(new AppStyle);

    GuiOptions gui;
    gui.setUp();
    gui.parser.process(app); // exits on --help-all and unknown options

    QSettings store;
    const Profiles profiles(store);
    QString profile = gui.parser.value(gui.profile).trimmed();
    if (gui.parser.isSet(gui.profile)) {
        if (!profiles.contains(profile)) {
            printError(QCoreApplication::translate("main", "No profile named \"%1\"; faultshare profiles lists them.")
                           .arg(profile));
            return 2;
        }
    } else {
        profile = Settings(store).lastProfile();
        if (!profiles.contains(profile))
            profile = Settings::defaultProfile();
    }

    // The key of the environment is read once and removed, so that nothing this
    // process starts (a browser opening a link) inherits it.
    const QString sessionKey = qEnvironmentVariable("FAULTSHARE_API_KEY").trimmed();
    qunsetenv("FAULTSHARE_API_KEY");
    if (!sessionKey.isEmpty()) {
        const QString reason = ApiClient::checkApiKey(sessionKey);
        if (!reason.isEmpty()) {
            printError(QCoreApplication::translate("main", "FAULTSHARE_API_KEY: %1").arg(reason));
            return 2;
        }
    }

    Settings settings(store, profile);

    // --present and its options are checked before anything is shown: one line, exit 2.
    std::optional<KioskStart::Options> kiosk;
    QScreen* kioskScreen = nullptr;
    const bool kioskOnly = gui.parser.isSet(gui.rotate) || gui.parser.isSet(gui.minutes)
        || gui.parser.isSet(gui.renewBefore) || gui.parser.isSet(gui.screen);
    if (kioskOnly && !gui.parser.isSet(gui.present)) {
        printError(QCoreApplication::translate("main", "--rotate, --minutes, --renew-before and --screen need --present."));
        return 2;
    }
    if (gui.parser.isSet(gui.present)) {
        QString why;
        kiosk = KioskStart::parse(gui.parser.isSet(gui.rotate), gui.parser.value(gui.minutes),
                                  gui.parser.value(gui.renewBefore), gui.parser.value(gui.screen),
                                  settings.defaultMinutes(), &why);
        if (kiosk)
            kioskScreen = KioskStart::screenFor(kiosk->screen, settings.presentScreen(), &why);
        if (!kiosk || !kioskScreen) {
            printError(why);
            return 2;
        }
    }

    ApiClient api;
    api.setApiUrl(settings.apiUrl());
    // The profile's CA file and proxy are applied by MainWindow::start() (its LinkSession),
    // which says inline when they cannot be used.
    std::optional<QUrl> apiUrl;
    if (gui.parser.isSet(gui.apiUrl)) {
        apiUrl = QUrl(gui.parser.value(gui.apiUrl).trimmed(), QUrl::StrictMode);
        const QString reason = ApiClient::checkApiUrl(*apiUrl);
        if (!reason.isEmpty()) {
            printError(QCoreApplication::translate("main", "--api-url: %1").arg(reason));
            return 2;
        }
    }
    CredentialStore keys(u"FaultShare"_s);

    // Declared before the window, so it outlives every request the window makes to it.
    std::unique_ptr<DemoApi> demo;
    MainWindow window(api, keys, settings);
    if (apiUrl)
        window.useApiUrl(*apiUrl);

    // The demo API is a module (DemoModule.h), loaded when a demo is first asked for.
    // Empty when the demo runs, else the sentence that says why not.
    const auto startDemo = [&demo, &window]() -> QString {
        if (!demo) {
            QString whyNot;
            auto* module = static_cast<DemoModule*>(Module::load("demo", &whyNot));
            if (!module)
                return Module::missingSentence(whyNot);
            demo = module->start();
            if (!demo)
                return QCoreApplication::translate("main", "The demo server could not listen on 127.0.0.1.");
        }
        window.useDemo(demo->url(), demo->apiKey());
        return {};
    };
    QObject::connect(&window, &MainWindow::demoRequested, &window, [&startDemo, &window] {
        const QString problem = startDemo();
        if (problem.isEmpty())
            return;
        qCWarning(lcUi).noquote() << problem;
        window.statusBar()->showMessage(problem);
    });

    if (!sessionKey.isEmpty())
        window.useSessionKey(sessionKey);
    if (gui.parser.isSet(gui.demo)) {
        const QString problem = startDemo();
        if (!problem.isEmpty()) {
            printError(problem);
            return 1;
        }
    }

    if (kiosk) {
        // The wall display is the first frame; the window stays hidden until it is left.
        auto* start = new KioskStart(window, *kiosk, kioskScreen, &window);
        new AfterFirstFrame(start->present(), [start] {
            QApplication::setWindowIcon(AppStyle::applicationIcon());
            start->start();
        });
        return QApplication::exec();
    }

    window.show();
    // After the first frame: the keychain may prompt or take a moment to answer.
    new AfterFirstFrame(&window, [&window] {
        QApplication::setWindowIcon(AppStyle::applicationIcon());
        window.start();
    });
    return QApplication::exec();
}
