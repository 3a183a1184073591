#pragma once

#include "Countdown.h"
#include "Fault.h"

#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QLabel>
#include <QPalette>
#include <QString>
#include <QWidget>

namespace faultshare {

// Theme-aware colours shared by the windows and the settings dialog.
namespace Presentation {

// Sets the text colour of a label-like widget in every colour group.
inline void setTextColour(QWidget* widget, const QColor& colour)
{
    QPalette palette = widget->palette();
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled})
        palette.setColor(group, QPalette::WindowText, colour);
    widget->setPalette(palette);
}

// A link shown or printed as text: fixed-width, so l, I and 1 or O and 0 differ for
// whoever reads it out or types it, and set glyph for character (no "fl" ligature), so
// copied from a PDF or read by a screen reader it is the link itself. Scripts that need
// shaping keep it (Qt's rule).
inline QFont linkFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleStrategy(QFont::StyleStrategy(font.styleStrategy() | QFont::PreferNoShaping));
    return font;
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

// A status line under a form: shown with text (red when it is an error), hidden without.
inline void showStatus(QLabel* label, const QString& text, bool isError)
{
    if (isError)
        setTextColour(label, errorColour(label->parentWidget()->palette()));
    else
        label->setPalette(QPalette());
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

// "The system keychain ..." -> "the system keychain ...", to follow a colon.
inline QString lowerFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

// Countdown text colour of a phase, readable on a dark or a light background.
inline QColor phaseColour(Countdown::Phase phase, bool dark)
{
    switch (phase) {
    case Countdown::Phase::Fresh:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Countdown::Phase::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa1, 0x5c, 0x00); // 5.2:1 on white
    case Countdown::Phase::Critical:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Countdown::Phase::Expired:
        break;
    }
    return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
}

// A fault severity's chip colour, readable beside text on a dark or a light background;
// the name is always shown too, so colour is never the only cue.
inline QColor severityColour(Fault::Severity severity, bool dark)
{
    switch (severity) {
    case Fault::Severity::Critical:
        return dark ? QColor(0xff, 0x6e, 0x6e) : QColor(0xb7, 0x1c, 0x1c);
    case Fault::Severity::High:
        return dark ? QColor(0xff, 0xa7, 0x26) : QColor(0xd8, 0x43, 0x15);
    case Fault::Severity::Medium:
        return dark ? QColor(0xff, 0xd5, 0x4f) : QColor(0xb2, 0x6a, 0x00);
    case Fault::Severity::Warning:
        return dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x7b, 0x1f, 0xa2);
    case Fault::Severity::Low:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case Fault::Severity::Unknown:
        break;
    }
    return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75);
}

} // namespace Presentation

} // namespace faultshare
