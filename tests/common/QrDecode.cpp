#include "QrDecode.h"

// zxing-cpp 1.4 returns std::wstring from Result::text() unless this is defined (and
// prints a #pragma message on every include); we want UTF-8.
#ifndef ZX_USE_UTF8
#define ZX_USE_UTF8
#endif
#include <ZXing/ReadBarcode.h>

#include <QStringList>

#include <string>

namespace TestSupport {

QString decodeQr(const QImage& image)
{
    if (image.isNull())
        return {};

    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    // Rows of a QImage are 32-bit aligned, so the stride is bytesPerLine(), not width().
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum,
                                int(gray.bytesPerLine()));

    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    // Our symbols hold UTF-8 without an ECI header; without this zxing guesses the
    // charset (ISO-8859-1 or Shift_JIS) and mangles non-ASCII text.
    hints.setCharacterSet("UTF-8");

    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {};
    const std::string text = result.text();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QImage imageFromTerminalText(const QString& text, int pixelsPerModule)
{
    const QString prefix = QStringLiteral("\x1b[30;47m");
    const QString suffix = QStringLiteral("\x1b[0m");
    if (!text.endsWith(QLatin1Char('\n')))
        return {};
    const QStringList lines = text.chopped(1).split(QLatin1Char('\n'));
    const int columns = int(lines.first().size() - prefix.size() - suffix.size());
    if (columns <= 0)
        return {};

    QImage modules(columns, int(lines.size()) * 2, QImage::Format_Grayscale8);
    for (int line = 0; line < lines.size(); ++line) {
        const QString& l = lines.at(line);
        if (!l.startsWith(prefix) || !l.endsWith(suffix) || l.size() - prefix.size() - suffix.size() != columns)
            return {};
        uchar* const top = modules.scanLine(line * 2);
        uchar* const bottom = modules.scanLine(line * 2 + 1);
        for (int x = 0; x < columns; ++x) {
            const QChar c = l.at(prefix.size() + x);
            bool topDark = false;
            bool bottomDark = false;
            if (c == QChar(0x2588)) {
                topDark = bottomDark = true;
            } else if (c == QChar(0x2580)) {
                topDark = true;
            } else if (c == QChar(0x2584)) {
                bottomDark = true;
            } else if (c != QLatin1Char(' ')) {
                return {};
            }
            top[x] = topDark ? 0 : 255;
            bottom[x] = bottomDark ? 0 : 255;
        }
    }
    return modules.scaled(modules.size() * pixelsPerModule, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

} // namespace TestSupport
