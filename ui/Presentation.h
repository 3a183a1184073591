#pragma once

#include <QCoreApplication>
#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

// Small presentation helpers shared by the window and the settings dialog.
namespace Presentation {

// "30 d", "1 d 2 h", "8 h", "1 h 30 min", "15 min": a lifetime in whole minutes.
inline QString minutesText(int minutes)
{
    const int days = minutes / (24 * 60);
    const int hours = minutes / 60 % 24;
    const int mins = minutes % 60;
    QStringList parts;
    if (days > 0)
        parts << QCoreApplication::translate("Presentation", "%1 d").arg(days);
    if (hours > 0)
        parts << QCoreApplication::translate("Presentation", "%1 h").arg(hours);
    if (mins > 0 || parts.isEmpty())
        parts << QCoreApplication::translate("Presentation", "%1 min").arg(mins);
    return parts.join(u' ');
}

inline bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// Red that stays readable on the palette's window colour.
inline QColor errorColour(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
}

} // namespace Presentation
