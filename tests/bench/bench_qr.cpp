// QR encode and render for a present window of 3840x2160 (offscreen): the real
// PresentWindow at that size, its QrView, the same QrCode -> QrView::paintEvent path.
// Figures: a new code (of the same size, as every short link is) set on the view and
// painted by Qt as the window does it, through its backing store, painting what the view
// asked to be painted again (the figure against the target); the whole view painted into
// an image of its size (what a first show or a resize costs); and the whole window's
// update with its labels (for scale). Prints min / median / max in milliseconds; never
// passes or fails.
//
//   QT_QPA_PLATFORM=offscreen bench_qr [repetitions]

#include "BenchSupport.h"
#include "PaintWatch.h"
#include "PresentWindow.h"
#include "QrCode.h"
#include "QrView.h"

#include <QApplication>
#include <QElapsedTimer>

using namespace faultshare;

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const int repetitions = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 50;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    PresentWindow window(Bench::makeToken(now, 60), u"NOC wall 2"_s);
    window.setGeometry(0, 0, 3840, 2160);
    window.show();
    QCoreApplication::processEvents();
    auto* view = window.findChild<QrView*>(u"presentQrView"_s);
    if (!view)
        qFatal("bench_qr: no presentQrView");
    view->repaint();

    // Notes the region of each paint of the view, from outside (no product hook).
    PaintWatch watch(view);

    std::vector<double> encode;
    std::vector<double> image;
    std::vector<double> newCode;
    std::vector<double> render;
    std::vector<double> total;
    qint64 paintedPixels = 0;
    QImage target(view->size() * view->devicePixelRatioF(), QImage::Format_RGB32);
    target.setDevicePixelRatio(view->devicePixelRatioF());
    int moduleSize = 0;
    for (int i = 0; i < repetitions; ++i) {
        const EmbedToken token = Bench::makeToken(now, 60);
        const QString link = token.shortLink().toString(QUrl::FullyEncoded);

        QElapsedTimer timer;
        timer.start();
        const QrCode code(link);
        encode.push_back(double(timer.nsecsElapsed()) / 1e6);
        moduleSize = code.moduleSizeFor(view->contentsRect().size() * view->devicePixelRatioF());
        timer.restart();
        const QImage rendered = code.toImage(moduleSize);
        image.push_back(double(timer.nsecsElapsed()) / 1e6);
        Q_UNUSED(rendered);

        // The window's path: the new code set (it encodes), then the update Qt posted for
        // it painted into the window's backing store and flushed.
        const int paintsBefore = watch.paints;
        timer.restart();
        view->setQrCode(QrCode(Bench::makeToken(now, 60).shortLink().toString(QUrl::FullyEncoded)));
        while (watch.paints == paintsBefore)
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        newCode.push_back(double(timer.nsecsElapsed()) / 1e6);
        for (const QRect& part : watch.last)
            paintedPixels += qint64(part.width()) * part.height();

        // The whole view (a first show, a resize) into a backing-store-like image.
        timer.restart();
        view->setQrCode(QrCode(link));
        // As in the window: an opaque widget paints every pixel itself, no background first.
        view->render(&target, {}, {}, QWidget::DrawChildren);
        render.push_back(double(timer.nsecsElapsed()) / 1e6);

        // The whole window: the link's labels too, and the platform's flush.
        timer.restart();
        window.updateToken(token, u"NOC wall 2"_s);
        view->repaint();
        total.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    std::printf("bench_qr: QrView %dx%d in a %dx%d present window, %d px/module, %d repetitions\n",
                view->width(), view->height(), window.width(), window.height(), moduleSize, repetitions);
    Bench::printRow("QrCode encode", Bench::stats(encode), "ms");
    Bench::printRow("QrCode::toImage (present size)", Bench::stats(image), "ms");
    Bench::printRow("qr_present_new_code", Bench::stats(newCode), "ms");
    std::printf("  (painted per new code: %.0f%% of the view)\n",
                100.0 * double(paintedPixels) / repetitions / (double(view->width()) * view->height()));
    Bench::printRow("qr_present_encode_render (whole view)", Bench::stats(render), "ms");
    Bench::printRow("window update+repaint+flush", Bench::stats(total), "ms");
    return 0;
}
