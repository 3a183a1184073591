#pragma once

#include <QImage>
#include <QString>

namespace TestSupport {

// Decodes the single QR code in image with zxing-cpp; empty when none is found.
// Tests use it on what was really drawn (grabs, exported files), never on our matrix.
QString decodeQr(const QImage& image);

// What a terminal shows of QrCode::toTerminalText(), rebuilt as an image with
// pixelsPerModule pixels per module: every text line is two module rows. Null when a
// line is not wrapped in the expected colour codes or holds another character.
QImage imageFromTerminalText(const QString& text, int pixelsPerModule);

} // namespace TestSupport
