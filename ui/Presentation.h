#pragma once

#include <QColor>
#include <QPalette>

// Theme-aware colours shared by the window and the settings dialog.
namespace Presentation {

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
