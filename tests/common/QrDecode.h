#pragma once

#include <QImage>
#include <QString>

namespace TestSupport {

// Decodes the single QR code in image with zxing-cpp; empty when none is found.
// Tests use it on what was really drawn (grabs, exported files), never on our matrix.
QString decodeQr(const QImage& image);

} // namespace TestSupport
