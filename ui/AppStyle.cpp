#include "AppStyle.h"

#include <QGroupBox>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QStyleOption>
#include <QWidget>

#include <optional>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

// Asks the style for the icon the first time it is drawn or measured. Whether it is null
// is answered without reading it: it is only used for icons every style draws.
class DeferredStandardIcon final : public QIconEngine
{
public:
    DeferredStandardIcon(const QStyle* style, QStyle::StandardPixmap which, const QWidget* widget)
        : m_style(style)
        , m_which(which)
        , m_widget(widget)
    {
    }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    bool isNull() override { return m_icon ? m_icon->isNull() : false; }
    QString key() const override { return u"DeferredStandardIcon"_s; }
    QIconEngine* clone() const override { return new DeferredStandardIcon(*this); }

private:
    const QIcon& icon()
    {
        if (!m_icon) {
            // The widget the icon was asked for may be gone by now; the style may not.
            m_icon = m_style->standardIcon(m_which, nullptr, m_widget.data());
        }
        return *m_icon;
    }

    const QStyle* m_style;
    QStyle::StandardPixmap m_which;
    QPointer<const QWidget> m_widget;
    std::optional<QIcon> m_icon;
};

} // namespace

AppStyle::AppStyle() = default;

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption* option, const QWidget* widget) const
{
    switch (standardIcon) {
    case SP_ToolBarHorizontalExtensionButton:
    case SP_ToolBarVerticalExtensionButton:
    case SP_LineEditClearButton:
        return QIcon(new DeferredStandardIcon(baseStyle(), standardIcon, widget));
    default:
        return QProxyStyle::standardIcon(standardIcon, option, widget);
    }
}

void AppStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                             const QWidget* widget) const
{
    if (element != PE_FrameGroupBox || baseStyle()->name().compare("fusion"_L1, Qt::CaseInsensitive) != 0) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion's geometry: below the title (3 px when there is none), a one-pixel line inset
    // by one pixel with corners of radius 2.
    constexpr int FusionTopMargin = 3;
    const auto* box = qobject_cast<const QGroupBox*>(widget);
    const bool titled = !box || box->isCheckable() || !box->title().isEmpty();
    const int top = titled ? qMax(pixelMetric(PM_ExclusiveIndicatorHeight, nullptr, widget),
                                  option->fontMetrics.height())
                                 + FusionTopMargin
                           : FusionTopMargin;
    const QRectF frame = QRectF(option->rect.adjusted(0, top, 0, 0)).adjusted(1.5, 1.5, -1.5, -1.5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(QColor(0x75, 0x75, 0x75, 0x32), 1));
    painter->setBrush(QColor(0, 0, 0, 0x03));
    painter->drawRoundedRect(frame, 2, 2);
    painter->restore();
}

QIcon AppStyle::applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QImageReader reader(u":/icons/faultshare-%1.png"_s.arg(size), "png");
        reader.setAutoDetectImageFormat(false);
        const QImage image = reader.read();
        if (!image.isNull())
            icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace faultshare
