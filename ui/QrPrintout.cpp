#include "QrPrintout.h"
#include "Presentation.h"

#include <QFontMetrics>
#include <QPaintDevice>
#include <QPainter>

#include <algorithm>

namespace faultshare {

QrPrintout::QrPrintout(QrCode code, QString label, const QFont& font)
    : m_code(std::move(code))
    , m_label(std::move(label))
    , m_labelFont(font)
    , m_linkFont(Presentation::linkFont())
{
    // The label, too, copies as typed ("Office", not "Oﬃce").
    m_labelFont.setStyleStrategy(QFont::StyleStrategy(m_labelFont.styleStrategy() | QFont::PreferNoShaping));
    m_labelFont.setPointSizeF(16);
    m_labelFont.setBold(true);
    m_linkFont.setPointSizeF(12);
}

QrPrintout::Result QrPrintout::print(QPaintDevice& printer) const
{
    if (m_code.isNull())
        return Result::Failed;
    QPainter painter;
    if (!painter.begin(&printer))
        return Result::NotStarted;
    // Device pixels of the printable area; fonts in points follow the printer's resolution.
    const QRect area(0, 0, printer.width(), printer.height());
    const QFontMetrics labelMetrics(m_labelFont, &printer);
    const QFontMetrics linkMetrics(m_linkFont, &printer);
    const int gap = linkMetrics.height();
    const int textHeight = gap + (m_label.isEmpty() ? 0 : labelMetrics.lineSpacing()) + linkMetrics.lineSpacing();

    // Whole printer pixels per module, so no module is smeared across two dots.
    const int moduleSize = m_code.moduleSizeFor(QSize(area.width(), std::max(1, area.height() - textHeight)));
    const int side = moduleSize * m_code.sizeWithQuietZone();
    const int left = (area.width() - side) / 2;
    int top = std::max(0, (area.height() - side - textHeight) / 2);
    // One image pixel per module, scaled by a whole factor without smoothing.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRect(left, top, side, side), m_code.toImage(1));
    top += side + gap;

    painter.setPen(Qt::black);
    if (!m_label.isEmpty()) {
        painter.setFont(m_labelFont);
        const QRect line(area.left(), top, area.width(), labelMetrics.lineSpacing());
        painter.drawText(line, Qt::AlignHCenter | Qt::AlignTop,
                         labelMetrics.elidedText(m_label, Qt::ElideRight, area.width()));
        top += labelMetrics.lineSpacing();
    }
    painter.setFont(m_linkFont);
    painter.drawText(QRect(area.left(), top, area.width(), linkMetrics.lineSpacing()), Qt::AlignHCenter | Qt::AlignTop,
                     linkMetrics.elidedText(m_code.text(), Qt::ElideMiddle, area.width()));
    return painter.end() ? Result::Printed : Result::Failed;
}

} // namespace faultshare
