#include "QrView.h"

#include <QPainter>
#include <QRegion>
#include <QSizePolicy>
#include <QTransform>

#include <cmath>

namespace faultshare {

QrView::QrView(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    // paintEvent covers every pixel, so Qt need not clear the background first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("QR code of the short link"));
    updateAccessibleDescription();
}

void QrView::setQrCode(const QrCode& code)
{
    // A code of the same size sits in the same place: the background and the quiet zone
    // stay, only the modules are painted again (on a wall display a third of the pixels).
    const bool sameSize = !m_code.isNull() && !code.isNull() && code.size() == m_code.size();
    m_code = code;
    m_cache = {};
    updateAccessibleDescription();
    if (sameSize)
        update(modulesRect());
    else
        update();
}

QrView::Placement QrView::placement() const
{
    // Module size is chosen in device pixels: at a fractional devicePixelRatio a whole
    // number of logical pixels per module would still be smeared across device pixels.
    const qreal dpr = devicePixelRatioF();
    const QRect area = contentsRect();
    const QSize deviceArea(int(std::floor(area.width() * dpr)), int(std::floor(area.height() * dpr)));
    Placement placement;
    placement.moduleSize = m_code.moduleSizeFor(deviceArea);
    placement.side = m_code.sizeWithQuietZone() * placement.moduleSize;
    placement.topLeft = QPointF(area.x() + (deviceArea.width() - placement.side) / 2 / dpr,
                                area.y() + (deviceArea.height() - placement.side) / 2 / dpr);
    return placement;
}

QRect QrView::modulesRect() const
{
    const Placement where = placement();
    const qreal dpr = devicePixelRatioF();
    const qreal origin = QrCode::QuietZone * where.moduleSize / dpr;
    const qreal side = m_code.size() * where.moduleSize / dpr;
    // Outwards to whole logical pixels, and one more for the rounding in paintEvent.
    return QRectF(where.topLeft + QPointF(origin, origin), QSizeF(side, side)).toAlignedRect().adjusted(-1, -1, 1, 1);
}

void QrView::clear(const QString& placeholder)
{
    m_code = {};
    m_cache = {};
    m_placeholder = placeholder;
    updateAccessibleDescription();
    update();
}

QSize QrView::sizeHint() const
{
    return {320, 320};
}

QSize QrView::minimumSizeHint() const
{
    return {160, 160};
}

void QrView::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    const QColor background = palette().color(QPalette::Window);

    if (m_code.isNull()) {
        painter.fillRect(rect(), background);
        if (!m_placeholder.isEmpty()) {
            const QRect area = contentsRect();
            // WindowText is the colour meant to be read on the Window background.
            painter.setPen(palette().color(QPalette::WindowText));
            const int margin = fontMetrics().averageCharWidth();
            painter.drawText(area.adjusted(margin, margin, -margin, -margin),
                             Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        }
        return;
    }

    const qreal dpr = devicePixelRatioF();
    const auto [moduleSize, side, topLeft] = placement();

    // Where the painter is a plain scale and shift (window backing store, grab), the
    // symbol is drawn in device pixels, as solid rectangles: its corner snapped to a whole
    // device pixel, so no module straddles two pixels, and every pixel written once, so a
    // wall display's symbol costs a few fills rather than a screen-sized image.
    const QTransform toDevice = painter.deviceTransform();
    if (toDevice.type() <= QTransform::TxScale) {
        const QPointF deviceTopLeft = toDevice.map(topLeft);
        const QRect symbol(int(std::round(deviceTopLeft.x())), int(std::round(deviceTopLeft.y())), side, side);
        const QRect whole = toDevice.mapRect(QRectF(rect())).toAlignedRect();
        painter.setWorldTransform(toDevice.inverted(), true);
        // The background around the symbol, the quiet zone, then each module row as runs
        // of light and dark: every pixel is written once.
        QRegion around(whole);
        around -= symbol;
        for (const QRect& part : around)
            painter.fillRect(part, background);
        const int origin = QrCode::QuietZone * moduleSize;
        const QRect modules = symbol.adjusted(origin, origin, -origin, -origin);
        QRegion quietZone(symbol);
        quietZone -= modules;
        for (const QRect& part : quietZone)
            painter.fillRect(part, Qt::white);
        for (int y = 0; y < m_code.size(); ++y) {
            for (int x = 0; x < m_code.size();) {
                const bool dark = m_code.isDark(x, y);
                const int start = x;
                while (x < m_code.size() && m_code.isDark(x, y) == dark)
                    ++x;
                painter.fillRect(modules.x() + start * moduleSize, modules.y() + y * moduleSize,
                                 (x - start) * moduleSize, moduleSize, dark ? Qt::black : Qt::white);
            }
        }
        return;
    }

    // Rotated or sheared (rare: a print or render with a transform): the image, scaled.
    painter.fillRect(rect(), background);
    if (m_cache.isNull())
        m_cache = m_code.toImage(1).convertToFormat(QImage::Format_RGB32);
    painter.drawImage(QRectF(topLeft, QSizeF(side / dpr, side / dpr)), m_cache);
}

void QrView::updateAccessibleDescription()
{
    if (!m_code.isNull())
        setAccessibleDescription(tr("Scan it with a phone camera to open the short link."));
    else if (!m_placeholder.isEmpty())
        setAccessibleDescription(m_placeholder);
    else
        setAccessibleDescription(tr("No QR code is shown."));
}

} // namespace faultshare
