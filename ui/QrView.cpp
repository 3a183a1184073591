#include "QrView.h"

#include <QPainter>
#include <QSizePolicy>
#include <QTransform>

#include <cmath>

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
    m_code = code;
    m_cache = {};
    updateAccessibleDescription();
    update();
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
    painter.fillRect(rect(), palette().color(QPalette::Window));
    const QRect area = contentsRect();

    if (m_code.isNull()) {
        if (!m_placeholder.isEmpty()) {
            // WindowText is the colour meant to be read on the Window background.
            painter.setPen(palette().color(QPalette::WindowText));
            const int margin = fontMetrics().averageCharWidth();
            painter.drawText(area.adjusted(margin, margin, -margin, -margin),
                             Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        }
        return;
    }

    // Module size is chosen in device pixels: at a fractional devicePixelRatio a whole
    // number of logical pixels per module would still be smeared across device pixels.
    const qreal dpr = devicePixelRatioF();
    const QSize deviceArea(int(std::floor(area.width() * dpr)), int(std::floor(area.height() * dpr)));
    const int moduleSize = m_code.moduleSizeFor(deviceArea);
    if (m_cache.isNull() || moduleSize != m_cacheModuleSize || !qFuzzyCompare(dpr, m_cacheDpr)) {
        m_cache = m_code.toImage(moduleSize);
        m_cache.setDevicePixelRatio(dpr);
        m_cacheModuleSize = moduleSize;
        m_cacheDpr = dpr;
    }

    const int side = m_cache.width();
    QPointF topLeft(area.x() + (deviceArea.width() - side) / 2 / dpr,
                    area.y() + (deviceArea.height() - side) / 2 / dpr);
    // Snap the corner to a whole device pixel of whatever we paint on (window backing
    // store or grab), so the image is copied 1:1 and no module straddles two pixels.
    const QTransform toDevice = painter.deviceTransform();
    if (toDevice.type() <= QTransform::TxScale) {
        const QPointF deviceTopLeft = toDevice.map(topLeft);
        topLeft = toDevice.inverted().map(QPointF(std::round(deviceTopLeft.x()), std::round(deviceTopLeft.y())));
    }
    painter.drawImage(topLeft, m_cache);
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
