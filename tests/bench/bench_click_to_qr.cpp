// Click-to-QR: the real MainWindow over an in-process DemoServer (offscreen). Time from
// the click on Generate to the end of the QrView's paint of the new code, and in the
// same run, interleaved, a bare ApiClient round trip to the same server (the request,
// the server's processing, the reply and its parsing). The difference is what the
// window adds. Prints min / median / max in milliseconds; never passes or fails.
//
//   QT_QPA_PLATFORM=offscreen bench_click_to_qr [repetitions]

#include "ApiClient.h"
#include "BenchSupport.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "QrView.h"
#include "Settings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

// Notes the end of every paint of one widget, without hooks in the widget.
class BenchApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    QWidget* watched = nullptr;
    QString paintedText;
    qint64 paintedAtNs = -1;
    QElapsedTimer clock;

    bool notify(QObject* receiver, QEvent* event) override
    {
        const bool result = QApplication::notify(receiver, event);
        if (receiver == watched && event->type() == QEvent::Paint) {
            paintedAtNs = clock.nsecsElapsed();
            paintedText = static_cast<QrView*>(watched)->qrCode().text();
        }
        return result;
    }
};

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    return done();
}

} // namespace

int main(int argc, char** argv)
{
    QStandardPaths::setTestModeEnabled(true);
    BenchApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 30;

    DemoServer server(DemoServer::generateApiKey());
    server.setRateLimit(1000000);
    if (!server.listen(QHostAddress::LocalHost, 0))
        qFatal("bench_click_to_qr: the demo server cannot listen");

    QSettings store;
    store.clear();
    Settings settings(store);
    ApiClient api;
    CredentialStore keys(u"FaultShare bench"_s);
    MainWindow window(api, keys, settings);
    window.useDemo(server.url(), server.apiKey());
    window.show();
    QTimer::singleShot(0, &window, &MainWindow::start);
    auto* button = window.findChild<QPushButton*>(u"generateButton"_s);
    auto* view = window.findChild<QrView*>(u"qrView"_s);
    if (!button || !view)
        qFatal("bench_click_to_qr: no generateButton or qrView");
    app.watched = view;
    app.clock.start();
    waitUntil([button] { return button->isEnabled(); });

    ApiClient bare;
    bare.setApiUrl(server.url());
    bare.setApiKey(server.apiKey());

    std::vector<double> roundTrip;
    std::vector<double> click;
    std::vector<double> overhead;
    for (int i = 0; i < repetitions + 1; ++i) { // the first of each warms up
        // The bare round trip.
        const qint64 start = app.clock.nsecsElapsed();
        qint64 end = -1;
        TokenRequest* request = bare.requestToken(60);
        QObject::connect(request, &TokenRequest::finished, &app, [&] { end = app.clock.nsecsElapsed(); });
        QObject::connect(request, &TokenRequest::failed, &app, [](const ApiError&) { qFatal("bare request failed"); });
        waitUntil([&end] { return end >= 0; });
        const double trip = double(end - start) / 1e6;

        // The click, to the end of the paint of a new code.
        waitUntil([button] { return button->isEnabled(); });
        const QString before = view->qrCode().text();
        app.paintedAtNs = -1;
        const qint64 clickedAt = app.clock.nsecsElapsed();
        QTest::mouseClick(button, Qt::LeftButton);
        if (!waitUntil([&] { return app.paintedAtNs >= 0 && !app.paintedText.isEmpty() && app.paintedText != before; }))
            qFatal("bench_click_to_qr: no new QR painted within 10 s");
        const double toPaint = double(app.paintedAtNs - clickedAt) / 1e6;
        if (i == 0)
            continue;
        roundTrip.push_back(trip);
        click.push_back(toPaint);
        overhead.push_back(toPaint - trip);
    }

    std::printf("bench_click_to_qr: %d repetitions, window %dx%d, QrView %dx%d\n", repetitions, window.width(),
                window.height(), view->width(), view->height());
    Bench::printRow("bare ApiClient round trip", Bench::stats(roundTrip), "ms");
    Bench::printRow("click to QR painted", Bench::stats(click), "ms");
    Bench::printRow("click_to_qr minus round trip", Bench::stats(overhead), "ms");
    return 0;
}
