#include "QrCode.h"
#include "QrDecode.h"

#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <utility>

using namespace faultshare;

using namespace Qt::StringLiterals;
using Level = QrCode::ErrorCorrection;

Q_DECLARE_METATYPE(QrCode::ErrorCorrection)

namespace {

const QString shortLink = u"https://altostr.at/aBcDeFg"_s;

int grayAt(const QImage& image, int x, int y)
{
    return image.constScanLine(y)[x];
}

struct SvgAttributes
{
    QString width;
    QString height;
    QString viewBox;
    QString shapeRendering;
    int paths = 0;
};

SvgAttributes parseSvg(const QByteArray& svg)
{
    SvgAttributes result;
    QXmlStreamReader xml(svg);
    while (xml.readNextStartElement()) {
        if (xml.name() == u"svg") {
            const QXmlStreamAttributes a = xml.attributes();
            result.width = a.value(QLatin1StringView("width")).toString();
            result.height = a.value(QLatin1StringView("height")).toString();
            result.viewBox = a.value(QLatin1StringView("viewBox")).toString();
            result.shapeRendering = a.value(QLatin1StringView("shape-rendering")).toString();
            continue; // descend into the children
        }
        if (xml.name() == u"path")
            ++result.paths;
        xml.skipCurrentElement();
    }
    if (xml.hasError())
        return {};
    return result;
}

} // namespace

class TestQrCode final : public QObject
{
    Q_OBJECT

private slots:
    void shortLink_decodesAtEveryModuleSizeAndLevel_data();
    void shortLink_decodesAtEveryModuleSizeAndLevel();
    void longUrl_roundTrips();
    void nonAsciiText_roundTripsAsUtf8();
    void image_isSquareGrayscaleWithWholeModules();
    void image_hasFourLightModulesOfQuietZoneOnEverySide();
    void image_clampsModuleSizeToOne();
    void size_growsWithErrorCorrectionLevel();
    void moduleSizeFor_picksLargestFittingInteger_data();
    void moduleSizeFor_picksLargestFittingInteger();
    void emptyText_isNull();
    void tooLongText_isNull();
    void svg_rendersToDecodableImageWithDeclaredSize();
    void png_readsBackAsTheSameImage();
    void png_ofNullCodeIsEmpty();
    void terminalText_parsesBackToDecodableImage();
    void terminalText_everyLineCarriesColourCodes();
};

void TestQrCode::shortLink_decodesAtEveryModuleSizeAndLevel_data()
{
    QTest::addColumn<int>("moduleSize");
    QTest::addColumn<Level>("level");
    const std::pair<const char*, Level> levels[] = {
        {"L", Level::Low}, {"M", Level::Medium}, {"Q", Level::Quartile}, {"H", Level::High}};
    for (int m = 1; m <= 8; ++m) {
        for (const auto& [name, level] : levels)
            QTest::addRow("%dpx-%s", m, name) << m << level;
    }
}

void TestQrCode::shortLink_decodesAtEveryModuleSizeAndLevel()
{
    QFETCH(int, moduleSize);
    QFETCH(Level, level);
    const QrCode code(shortLink, level);
    QVERIFY(!code.isNull());
    QCOMPARE(code.text(), shortLink);
    QCOMPARE(TestSupport::decodeQr(code.toImage(moduleSize)), shortLink);
}

void TestQrCode::longUrl_roundTrips()
{
    const QString url = u"https://v1.api.altostrat.io/fault/token/"_s + QString(600, u'x')
        + u"?label=NOC%20wall%202&expires=2025-10-21T13:00:00.000000Z#Case-Sensitive"_s;
    const QrCode code(url);
    QVERIFY(!code.isNull());
    QVERIFY2(code.size() > 60, "a 700-byte text needs a large version");
    QCOMPARE(TestSupport::decodeQr(code.toImage(3)), url);
}

void TestQrCode::nonAsciiText_roundTripsAsUtf8()
{
    const QString text = u"Störung Übersicht – 東京 NOC ✓ 🚨 https://altostr.at/ÄbC"_s;
    const QrCode code(text);
    QVERIFY(!code.isNull());
    QCOMPARE(TestSupport::decodeQr(code.toImage(4)), text);
}

void TestQrCode::image_isSquareGrayscaleWithWholeModules()
{
    const QrCode code(shortLink);
    const int m = 5;
    const QImage image = code.toImage(m);
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(image.size(), QSize(code.sizeWithQuietZone() * m, code.sizeWithQuietZone() * m));

    // Every module is an m x m block of one value: 0 where the matrix is dark, else 255.
    for (int y = 0; y < image.height(); ++y) {
        const uchar* line = image.constScanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            const bool dark = code.isDark(x / m - QrCode::QuietZone, y / m - QrCode::QuietZone);
            if (line[x] != (dark ? 0 : 255))
                QFAIL(qPrintable(u"pixel (%1, %2) is %3"_s.arg(x).arg(y).arg(line[x])));
        }
    }
}

void TestQrCode::image_hasFourLightModulesOfQuietZoneOnEverySide()
{
    const QrCode code(shortLink);
    const int m = 3;
    const QImage image = code.toImage(m);
    const int band = QrCode::QuietZone * m;
    const int side = image.width();
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const bool inQuietZone = x < band || y < band || x >= side - band || y >= side - band;
            if (inQuietZone && grayAt(image, x, y) != 255)
                QFAIL(qPrintable(u"quiet zone pixel (%1, %2) is not light"_s.arg(x).arg(y)));
        }
    }
    // The zone is exactly four modules: the finder patterns start right after it, in
    // the top-left, top-right and bottom-left corners of the symbol.
    QCOMPARE(grayAt(image, band, band), 0);
    QCOMPARE(grayAt(image, side - band - 1, band), 0);
    QCOMPARE(grayAt(image, band, side - band - 1), 0);
    QCOMPARE(grayAt(image, band - 1, band), 255);
    QCOMPARE(grayAt(image, band, band - 1), 255);
}

void TestQrCode::image_clampsModuleSizeToOne()
{
    const QrCode code(shortLink);
    const QSize expected(code.sizeWithQuietZone(), code.sizeWithQuietZone());
    QCOMPARE(code.toImage(0).size(), expected);
    QCOMPARE(code.toImage(-3).size(), expected);
    QCOMPARE(TestSupport::decodeQr(code.toImage(0)), shortLink);
}

void TestQrCode::size_growsWithErrorCorrectionLevel()
{
    const QString text = u"https://altostr.at/aBcDeFg?label=NOC-wall-2"_s;
    const int low = QrCode(text, Level::Low).size();
    const int medium = QrCode(text, Level::Medium).size();
    const int quartile = QrCode(text, Level::Quartile).size();
    const int high = QrCode(text, Level::High).size();
    QVERIFY(low > 0);
    QVERIFY2(low <= medium && medium <= quartile && quartile <= high,
             qPrintable(u"%1 %2 %3 %4"_s.arg(low).arg(medium).arg(quartile).arg(high)));
    QVERIFY2(low < high, "more error correction must take more modules for the same text");
    // Versions step by 4 modules per side, from 21 (version 1).
    QCOMPARE((high - 21) % 4, 0);
}

void TestQrCode::moduleSizeFor_picksLargestFittingInteger_data()
{
    QTest::addColumn<int>("widthInSymbols100");  // available width, in 1/100 of a symbol
    QTest::addColumn<int>("heightInSymbols100"); // available height, in 1/100 of a symbol
    QTest::addColumn<int>("pixelsBelow");        // subtracted from both, in pixels
    QTest::addColumn<int>("expected");

    QTest::newRow("exactly 5") << 500 << 500 << 0 << 5;
    QTest::newRow("one pixel short of 6") << 600 << 600 << 1 << 5;
    QTest::newRow("exactly 6") << 600 << 600 << 0 << 6;
    QTest::newRow("height limits") << 1000 << 300 << 0 << 3;
    QTest::newRow("width limits") << 200 << 1000 << 0 << 2;
    QTest::newRow("smaller than one symbol") << 50 << 50 << 0 << 1;
    QTest::newRow("empty") << 0 << 0 << 0 << 1;
}

void TestQrCode::moduleSizeFor_picksLargestFittingInteger()
{
    QFETCH(int, widthInSymbols100);
    QFETCH(int, heightInSymbols100);
    QFETCH(int, pixelsBelow);
    QFETCH(int, expected);
    const QrCode code(shortLink);
    const int n = code.sizeWithQuietZone();
    const QSize available(n * widthInSymbols100 / 100 - pixelsBelow, n * heightInSymbols100 / 100 - pixelsBelow);
    const int m = code.moduleSizeFor(available);
    QCOMPARE(m, expected);
    const int limit = std::min(available.width(), available.height());
    if (m > 1)
        QVERIFY(n * m <= limit);
    QVERIFY(n * (m + 1) > limit);
}

void TestQrCode::emptyText_isNull()
{
    const QrCode code{QString()};
    QVERIFY(code.isNull());
    QCOMPARE(code.size(), 0);
    QVERIFY(code.toImage(4).isNull());
    QVERIFY(code.toSvg().isEmpty());
    QVERIFY(code.toTerminalText().isEmpty());
    QCOMPARE(code.moduleSizeFor(QSize(500, 500)), 0);
    QVERIFY(QrCode().isNull());
}

void TestQrCode::tooLongText_isNull()
{
    // 8000 bytes exceed version 40 (2953 bytes at level L) at every level. The warning
    // gives the byte count and must not carry the text.
    QTest::ignoreMessage(QtWarningMsg, "QR encoding failed for 8000 bytes: too long for any QR version");
    const QrCode code(QString(8000, u'a'), Level::Low);
    QVERIFY(code.isNull());
    QVERIFY(code.toImage(1).isNull());
    // Just over the 8-bit capacity of version 40-L: proves the limit is libqrencode's.
    QVERIFY(!QrCode(QString(2953, u'a'), Level::Low).isNull());
    QTest::ignoreMessage(QtWarningMsg, "QR encoding failed for 2954 bytes: too long for any QR version");
    QVERIFY(QrCode(QString(2954, u'a'), Level::Low).isNull());
}

void TestQrCode::svg_rendersToDecodableImageWithDeclaredSize()
{
    const QrCode code(shortLink);
    const int m = 6;
    const QByteArray svg = code.toSvg(m);
    const int pixels = code.sizeWithQuietZone() * m;

    const SvgAttributes attributes = parseSvg(svg);
    QCOMPARE(attributes.width, QString::number(pixels));
    QCOMPARE(attributes.height, QString::number(pixels));
    QCOMPARE(attributes.viewBox, u"0 0 %1 %1"_s.arg(code.sizeWithQuietZone()));
    QCOMPARE(attributes.shapeRendering, u"crispEdges"_s);
    QCOMPARE(attributes.paths, 1);

    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), QSize(pixels, pixels));
    // A transparent canvas: the white background must come from the SVG itself.
    QImage image(renderer.defaultSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        renderer.render(&painter);
    }
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
    QCOMPARE(image.pixelColor(pixels - 1, pixels - 1), QColor(Qt::white));
    QCOMPARE(TestSupport::decodeQr(image), shortLink);
}

void TestQrCode::terminalText_parsesBackToDecodableImage()
{
    const QrCode code(shortLink);
    const QString text = code.toTerminalText();
    const QImage image = TestSupport::imageFromTerminalText(text, 4);
    QVERIFY2(!image.isNull(), "terminal text does not have the expected shape");
    QCOMPARE(image.width(), code.sizeWithQuietZone() * 4);
    QCOMPARE(TestSupport::decodeQr(image), shortLink);
}

void TestQrCode::terminalText_everyLineCarriesColourCodes()
{
    const QrCode code(shortLink, Level::High);
    const QString text = code.toTerminalText();
    QVERIFY(text.endsWith(u'\n'));
    const QStringList lines = text.chopped(1).split(u'\n');
    // Two module rows per line, quiet zone included (an odd count rounds up).
    QCOMPARE(lines.size(), (code.sizeWithQuietZone() + 1) / 2);
    for (const QString& line : lines) {
        QVERIFY2(line.startsWith(u"\x1b[30;47m"), qPrintable(line));
        QVERIFY2(line.endsWith(u"\x1b[0m"), qPrintable(line));
    }
}

void TestQrCode::png_readsBackAsTheSameImage()
{
    // The PNG is written by hand (no image plugins): Qt's reader is the judge.
    const QrCode code(u"https://altostr.at/x7Kq2"_s, QrCode::ErrorCorrection::Quartile);
    const QByteArray png = code.toPng(5);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    const QImage read = QImage::fromData(png, "PNG");
    QVERIFY(!read.isNull());
    QCOMPARE(read.convertToFormat(QImage::Format_Grayscale8), code.toImage(5));
}

void TestQrCode::png_ofNullCodeIsEmpty()
{
    QVERIFY(QrCode().toPng(8).isEmpty());
}

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
