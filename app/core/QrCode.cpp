#include "QrCode.h"

#include "Logging.h"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

QRecLevel toQrLevel(QrCode::ErrorCorrection level)
{
    switch (level) {
    case QrCode::ErrorCorrection::Low:
        return QR_ECLEVEL_L;
    case QrCode::ErrorCorrection::Medium:
        return QR_ECLEVEL_M;
    case QrCode::ErrorCorrection::Quartile:
        return QR_ECLEVEL_Q;
    case QrCode::ErrorCorrection::High:
        return QR_ECLEVEL_H;
    }
    return QR_ECLEVEL_M;
}

struct QRcodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

QrCode::QrCode(const QString& text, ErrorCorrection level)
{
    if (text.isEmpty())
        return;

    const QByteArray utf8 = text.toUtf8();
    // Pure 8-bit mode over the whole input: no mode-splitting heuristics, and NUL or any
    // other byte survives (QRcode_encodeString would stop at the first NUL).
    errno = 0;
    const std::unique_ptr<QRcode, QRcodeDeleter> code(
        QRcode_encodeData(int(utf8.size()), reinterpret_cast<const unsigned char*>(utf8.constData()),
                          0, toQrLevel(level)));
    const int error = errno; // before anything else can overwrite it
    if (!code) {
        // The byte count is enough to diagnose "too long"; the text itself stays private.
        qCWarning(lcQr, "QR encoding failed for %lld bytes: %s", qlonglong(utf8.size()),
                  error == ERANGE ? "too long for any QR version" : std::strerror(error));
        return;
    }

    const int width = code->width;
    m_modules.resize(width * width);
    for (int i = 0; i < width * width; ++i)
        m_modules[i] = (code->data[i] & 0x01) != 0; // bit 0 is "dark"; the rest is libqrencode bookkeeping
    m_size = width;
    m_text = text;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.at(y * m_size + x);
}

int QrCode::moduleSizeFor(const QSize& available) const
{
    if (isNull())
        return 0;
    const int side = std::min(available.width(), available.height());
    return std::max(1, side / sizeWithQuietZone());
}

QImage QrCode::toImage(int moduleSize) const
{
    if (isNull())
        return {};
    moduleSize = std::max(1, moduleSize);
    const int side = sizeWithQuietZone() * moduleSize;
    QImage image(side, side, QImage::Format_Grayscale8);
    if (image.isNull())
        return {}; // allocation failed: an absurd module size
    image.fill(255);

    // Build one scanline per module row, then copy it to the moduleSize pixel rows.
    const int offset = QuietZone * moduleSize;
    for (int y = 0; y < m_size; ++y) {
        const int firstRow = offset + y * moduleSize;
        uchar* const line = image.scanLine(firstRow);
        for (int x = 0; x < m_size; ++x) {
            if (isDark(x, y))
                std::memset(line + offset + x * moduleSize, 0, size_t(moduleSize));
        }
        for (int r = 1; r < moduleSize; ++r)
            std::memcpy(image.scanLine(firstRow + r), line, size_t(side));
    }
    return image;
}

namespace {

quint32 crc32(const QByteArray& bytes)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffU;
    for (const char byte : bytes)
        crc = table[(crc ^ quint8(byte)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffU;
}

void appendBigEndian(QByteArray& out, quint32 value)
{
    out += char(value >> 24);
    out += char(value >> 16);
    out += char(value >> 8);
    out += char(value);
}

void appendChunk(QByteArray& png, const char* type, const QByteArray& data)
{
    appendBigEndian(png, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    png += typed;
    appendBigEndian(png, crc32(typed));
}

} // namespace

QByteArray QrCode::toPng(int moduleSize) const
{
    const QImage image = toImage(moduleSize);
    if (image.isNull())
        return {};
    // Each row: filter type 0 (none), then the grey bytes.
    QByteArray raw;
    raw.reserve(qsizetype(image.height()) * (image.width() + 1));
    for (int y = 0; y < image.height(); ++y) {
        raw += '\0';
        raw.append(reinterpret_cast<const char*>(image.constScanLine(y)), image.width());
    }
    QByteArray header;
    appendBigEndian(header, quint32(image.width()));
    appendBigEndian(header, quint32(image.height()));
    header += QByteArray("\x08\x00\x00\x00\x00", 5); // 8 bits, grey, deflate, no filter, no interlace

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", qCompress(raw).mid(4)); // a zlib stream after Qt's length prefix
    appendChunk(png, "IEND", {});
    return png;
}

QByteArray QrCode::toSvg(int moduleSize) const
{
    if (isNull())
        return {};
    moduleSize = std::max(1, moduleSize);
    const int modules = sizeWithQuietZone();
    const QByteArray pixels = QByteArray::number(modules * moduleSize);
    const QByteArray viewBox = QByteArray::number(modules);

    // One subpath per horizontal run of dark modules, in module units.
    QByteArray path;
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size;) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            const QByteArray run = QByteArray::number(x - start);
            path += 'M' + QByteArray::number(start + QuietZone) + ',' + QByteArray::number(y + QuietZone)
                + 'h' + run + "v1h-" + run + 'z';
        }
    }

    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + pixels
        + "\" height=\"" + pixels + "\" viewBox=\"0 0 " + viewBox + ' ' + viewBox
        + "\" shape-rendering=\"crispEdges\">\n"
          "<rect x=\"0\" y=\"0\" width=\"" + viewBox + "\" height=\"" + viewBox
        + "\" fill=\"#ffffff\"/>\n"
          "<path fill=\"#000000\" d=\"" + path + "\"/>\n"
          "</svg>\n";
}

QString QrCode::toTerminalText() const
{
    if (isNull())
        return {};
    // Coordinates include the quiet zone; isDark() is false outside the symbol, and the
    // row below the last one (odd module count) is light too.
    const int modules = sizeWithQuietZone();
    const auto dark = [this](int x, int y) { return isDark(x - QuietZone, y - QuietZone); };

    QString out;
    out.reserve(((modules + 1) / 2) * (modules + 16));
    for (int y = 0; y < modules; y += 2) {
        out += u"\x1b[30;47m"_s;
        for (int x = 0; x < modules; ++x) {
            const bool top = dark(x, y);
            const bool bottom = y + 1 < modules && dark(x, y + 1);
            if (top && bottom)
                out += QChar(0x2588); // █
            else if (top)
                out += QChar(0x2580); // ▀
            else if (bottom)
                out += QChar(0x2584); // ▄
            else
                out += u' ';
        }
        out += u"\x1b[0m\n"_s;
    }
    return out;
}

} // namespace faultshare
