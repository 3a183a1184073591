#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <QVector>

namespace faultshare {

// A QR code symbol of some text, as a matrix of modules. Rendering always puts dark
// modules on a light background with a 4-module quiet zone and whole-pixel modules,
// so what is drawn scans whatever the theme or the scale.
class QrCode final
{
public:
    enum class ErrorCorrection { Low, Medium, Quartile, High };

    static constexpr int QuietZone = 4;

    QrCode() = default;
    // Encodes the UTF-8 bytes of text. isNull() when the text cannot be encoded
    // (empty, or too long for any QR version at this error-correction level).
    explicit QrCode(const QString& text, ErrorCorrection level = ErrorCorrection::Medium);

    bool isNull() const { return m_size == 0; }
    QString text() const { return m_text; }
    // Modules per side, without the quiet zone.
    int size() const { return m_size; }
    // Modules per side including the quiet zone on both sides.
    int sizeWithQuietZone() const { return m_size + 2 * QuietZone; }
    bool isDark(int x, int y) const;

    // The largest whole number of pixels per module that fits in `available`
    // (at least 1 when not null).
    int moduleSizeFor(const QSize& available) const;
    // Square image, quiet zone included, moduleSize pixels per module,
    // Format_Grayscale8 (0 dark, 255 light).
    QImage toImage(int moduleSize) const;
    // toImage(moduleSize) as a PNG file (8-bit grey), written here rather than through
    // QImageWriter, which loads every image format plugin to find the PNG one: for
    // `faultshare generate --format qr-png` that is most of the encoding time.
    QByteArray toPng(int moduleSize) const;
    // A standalone SVG document, one path for the dark modules, quiet zone included.
    QByteArray toSvg(int moduleSize = 8) const;
    // Two module rows per text line using half blocks, with explicit ANSI colours
    // (black on white) so it scans on dark and light terminals alike. Ends with '\n'.
    QString toTerminalText() const;

private:
    QString m_text;
    int m_size = 0;
    QVector<bool> m_modules; // row-major, m_size * m_size
};

} // namespace faultshare
