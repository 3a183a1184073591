#include "PaintWatch.h"
#include "QrDecode.h"
#include "QrView.h"

#include <QAccessible>
#include <QApplication>
#include <QScreen>
#include <QPalette>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <cstdlib>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

const QString shortLink = u"https://altostr.at/aBcDeFg"_s;
// Set in the child process that runs TestQrViewHighDpi; QT_SCALE_FACTOR is only read
// when the application starts, so another device pixel ratio needs another process.
constexpr char highDpiChildVariable[] = "FAULTSHARE_TST_QRVIEW_HIGHDPI_CHILD";

int grayAt(const QImage& gray, int x, int y)
{
    return gray.constScanLine(y)[x];
}

QImage grabOf(QrView& view)
{
    return view.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
}

// Checks, on what was really drawn, that every module (quiet zone included) is a
// moduleSize x moduleSize block of pure black or pure white, that moduleSize is the
// largest that fits and that the symbol is centred. Returns what is wrong, or empty.
QString wholePixelModulesProblem(const QImage& gray, const QrCode& code)
{
    const int m = code.moduleSizeFor(gray.size());
    const int n = code.sizeWithQuietZone();
    if (n * (m + 1) <= std::min(gray.width(), gray.height()))
        return u"module size %1 is not the largest that fits"_s.arg(m);

    // Module (0, 0) of the symbol, the corner of the top-left finder pattern, is the
    // first black pixel with white (quiet zone) left of it and above it; the window
    // around the symbol may be black too.
    int x0 = -1;
    int y0 = -1;
    for (int y = 1; y < gray.height() && x0 < 0; ++y) {
        const uchar* above = gray.constScanLine(y - 1);
        const uchar* line = gray.constScanLine(y);
        for (int x = 1; x < gray.width(); ++x) {
            if (line[x] == 0 && line[x - 1] == 255 && above[x] == 255) {
                x0 = x;
                y0 = y;
                break;
            }
        }
    }
    if (x0 < 0)
        return u"no symbol corner found"_s;

    const int side = n * m;
    const int left = x0 - QrCode::QuietZone * m;
    const int top = y0 - QrCode::QuietZone * m;
    if (left < 0 || top < 0 || left + side > gray.width() || top + side > gray.height())
        return u"symbol with quiet zone at (%1, %2) does not fit"_s.arg(left).arg(top);
    if (std::abs(left - (gray.width() - side - left)) > 1 || std::abs(top - (gray.height() - side - top)) > 1)
        return u"symbol at (%1, %2) is not centred"_s.arg(left).arg(top);

    for (int y = 0; y < side; ++y) {
        const uchar* line = gray.constScanLine(top + y);
        for (int x = 0; x < side; ++x) {
            const bool dark = code.isDark(x / m - QrCode::QuietZone, y / m - QrCode::QuietZone);
            const uchar expected = dark ? 0 : 255;
            if (line[left + x] != expected)
                return u"pixel (%1, %2) of the symbol is %3, expected %4 (module size %5)"_s.arg(x).arg(y).arg(
                    line[left + x]).arg(expected).arg(m);
        }
    }
    return {};
}

} // namespace

class TestQrView final : public QObject
{
    Q_OBJECT

private slots:
    void grab_decodesToLink_data();
    void grab_decodesToLink();
    void grab_drawsWholePixelModules_data();
    void grab_drawsWholePixelModules();
    void darkPalette_stillDrawsDarkOnLight();
    void newCode_replacesDrawnSymbol();
    void newCodeOfSameSize_repaintsOnlyItsModules();
    void resize_redrawsWithLargerModules();
    void clear_showsPlaceholderAndNothingDecodes();
    void accessibleTexts_followState();
    void sizeHints();
    void highDpiGrab_isPixelExact_data();
    void highDpiGrab_isPixelExact();
};

// Runs only in the child process started by TestQrView::highDpiGrab_isPixelExact.
class TestQrViewHighDpi final : public QObject
{
    Q_OBJECT

private slots:
    void grab_decodesWithWholeDevicePixelModules_data();
    void grab_decodesWithWholeDevicePixelModules();
};

namespace {

void addSizeRows()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("200x200") << QSize(200, 200);
    QTest::newRow("333x517") << QSize(333, 517);
    QTest::newRow("900x600") << QSize(900, 600);
}

} // namespace

void TestQrView::grab_decodesToLink_data()
{
    addSizeRows();
}

void TestQrView::grab_decodesToLink()
{
    QFETCH(QSize, size);
    QrView view;
    view.setQrCode(QrCode(shortLink));
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.size(), size);

    const QImage image = grabOf(view);
    QCOMPARE(image.size(), size);
    QCOMPARE(TestSupport::decodeQr(image), shortLink);
}

void TestQrView::grab_drawsWholePixelModules_data()
{
    addSizeRows();
}

void TestQrView::grab_drawsWholePixelModules()
{
    QFETCH(QSize, size);
    QrView view;
    const QrCode code(shortLink, QrCode::ErrorCorrection::High);
    view.setQrCode(code);
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QString problem = wholePixelModulesProblem(grabOf(view), code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestQrView::darkPalette_stillDrawsDarkOnLight()
{
    QrView view;
    QPalette dark = view.palette();
    for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
        dark.setColor(role, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(role, Qt::white);
    view.setPalette(dark);
    const QrCode code(shortLink);
    view.setQrCode(code);
    view.resize(333, 517); // taller than wide: window colour shows above and below
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const QImage image = grabOf(view);
    const int side = code.sizeWithQuietZone() * code.moduleSizeFor(image.size());
    QVERIFY(side < image.height());
    QCOMPARE(grayAt(image, image.width() / 2, 0), 0); // the palette's window colour
    QCOMPARE(grayAt(image, image.width() / 2, (image.height() - side) / 2 + 1), 255); // white quiet zone
    const QString problem = wholePixelModulesProblem(image, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(TestSupport::decodeQr(image), shortLink);
}

void TestQrView::newCode_replacesDrawnSymbol()
{
    QrView view;
    view.setQrCode(QrCode(shortLink));
    view.resize(300, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(TestSupport::decodeQr(grabOf(view)), shortLink);

    // Same size and dpr: only the code changed, so a stale cached image would show here.
    const QString other = u"https://altostr.at/ZyXwVuT"_s;
    view.setQrCode(QrCode(other));
    QCOMPARE(TestSupport::decodeQr(grabOf(view)), other);
}

void TestQrView::newCodeOfSameSize_repaintsOnlyItsModules()
{
    QrView view;
    view.setQrCode(QrCode(shortLink));
    view.resize(420, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    PaintWatch watch(&view);

    const QString other = u"https://altostr.at/ZyXwVuT"_s;
    const QrCode next(other);
    QCOMPARE(next.size(), QrCode(shortLink).size());
    view.setQrCode(next);
    QTRY_VERIFY(watch.paints > 0);
    // The modules only: not the background beside the symbol, not its quiet zone.
    const int moduleSize = next.moduleSizeFor(view.size());
    const int symbolSide = next.sizeWithQuietZone() * moduleSize;
    const QRect symbol((view.width() - symbolSide) / 2, (view.height() - symbolSide) / 2, symbolSide, symbolSide);
    QVERIFY(!watch.all.intersects(QRect(0, 0, symbol.left() - 1, view.height())));
    QVERIFY(!watch.all.contains(symbol.topLeft() + QPoint(1, 1)));

    // What the window shows now (its backing store, not a fresh render) is the new code,
    // pixel-exact.
    const QImage shown = view.screen()->grabWindow(view.winId()).toImage().convertToFormat(QImage::Format_Grayscale8);
    QCOMPARE(shown.size(), view.size());
    QCOMPARE(TestSupport::decodeQr(shown), other);
    QCOMPARE(wholePixelModulesProblem(shown, next), QString());
}

void TestQrView::resize_redrawsWithLargerModules()
{
    QrView view;
    const QrCode code(shortLink);
    view.setQrCode(code);
    view.resize(200, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QString problem = wholePixelModulesProblem(grabOf(view), code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    view.resize(700, 500);
    QTRY_COMPARE(view.size(), QSize(700, 500));
    const QImage image = grabOf(view);
    QVERIFY(code.moduleSizeFor(image.size()) > code.moduleSizeFor(QSize(200, 200)));
    problem = wholePixelModulesProblem(image, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(TestSupport::decodeQr(image), shortLink);
}

void TestQrView::clear_showsPlaceholderAndNothingDecodes()
{
    QrView view;
    view.setQrCode(QrCode(shortLink));
    view.resize(300, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(TestSupport::decodeQr(grabOf(view)), shortLink);

    view.clear(u"Expired"_s);
    QCOMPARE(view.placeholderText(), u"Expired"_s);
    QVERIFY(view.qrCode().isNull());
    const QImage image = view.grab().toImage();
    QCOMPARE(TestSupport::decodeQr(image), QString());

    // The placeholder is drawn: some pixels differ from the window colour.
    const QRgb window = view.palette().color(QPalette::Window).rgb();
    bool drawnText = false;
    for (int y = 0; y < image.height() && !drawnText; ++y) {
        for (int x = 0; x < image.width() && !drawnText; ++x)
            drawnText = image.pixel(x, y) != window;
    }
    QVERIFY(drawnText);
}

void TestQrView::accessibleTexts_followState()
{
    QrView view;
    QAccessibleInterface* const accessible = QAccessible::queryAccessibleInterface(&view);
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Name), u"QR code of the short link"_s);

    view.setQrCode(QrCode(shortLink));
    const QString withCode = accessible->text(QAccessible::Description);
    QVERIFY(!withCode.isEmpty());
    QVERIFY2(!withCode.contains(u"altostr.at"), "the link is not read out or exposed over AT-SPI");

    view.clear(u"Expired"_s);
    const QString expired = accessible->text(QAccessible::Description);
    QVERIFY(expired != withCode);
    QVERIFY(expired.contains(u"Expired"_s));
    QCOMPARE(accessible->text(QAccessible::Name), u"QR code of the short link"_s);
}

void TestQrView::sizeHints()
{
    const QrView view;
    QCOMPARE(view.sizeHint(), QSize(320, 320));
    QCOMPARE(view.minimumSizeHint(), QSize(160, 160));
}

void TestQrView::highDpiGrab_isPixelExact_data()
{
    QTest::addColumn<QString>("scaleFactor");
    QTest::newRow("2") << u"2"_s;
    QTest::newRow("1.5") << u"1.5"_s;
}

void TestQrView::highDpiGrab_isPixelExact()
{
    QFETCH(QString, scaleFactor);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_SCALE_FACTOR"_s, scaleFactor);
    environment.insert(QString::fromLatin1(highDpiChildVariable), u"1"_s);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    const QString output = QString::fromLocal8Bit(child.readAll());
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(u"Totals: 5 passed, 0 failed, 0 skipped"), qPrintable(output));
}

void TestQrViewHighDpi::grab_decodesWithWholeDevicePixelModules_data()
{
    addSizeRows();
}

void TestQrViewHighDpi::grab_decodesWithWholeDevicePixelModules()
{
    QFETCH(QSize, size);
    const qreal factor = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble();
    QVERIFY(factor > 1);

    QrView view;
    const QrCode code(shortLink);
    view.setQrCode(code);
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.devicePixelRatioF(), factor);

    const QImage image = grabOf(view);
    QCOMPARE(image.size(), (QSizeF(size) * factor).toSize());
    QCOMPARE(TestSupport::decodeQr(image), shortLink);
    const QString problem = wholePixelModulesProblem(image, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(highDpiChildVariable)) {
        TestQrViewHighDpi test;
        return QTest::qExec(&test, argc, argv);
    }
    TestQrView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_qrview.moc"
