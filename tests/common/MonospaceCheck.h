#pragma once

#include <QFont>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QString>
#include <QTextLayout>

#include <cmath>

namespace TestSupport {

// The glyphs Qt sets for text in font, laid out as a label would (the font's style
// strategy applies): fewer than text has characters when a ligature joins some.
inline qsizetype glyphCount(const QFont& font, const QString& text)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    qsizetype glyphs = 0;
    const QList<QGlyphRun> runs = layout.glyphRuns();
    for (const QGlyphRun& run : runs)
        glyphs += run.glyphIndexes().size();
    return glyphs;
}

// Why font does not suit a link that is read out or typed, empty when it does.
// - Every character of a set that is easily mistaken or differs most in width (l I 1,
//   O 0, W i m, and what URLs hold) has the same advance: what matters, where
//   QFontInfo::fixedPitch() only repeats fontconfig, which says false for some monospace
//   faces (Noto Sans Mono) whose glyphs all have one advance.
// - Text is set one glyph per character, "ffi fl" exactly six advances wide: no ligature
//   ("ﬂ" read back from a PDF or by a screen reader is not the link).
inline QString monospaceProblem(const QFont& font)
{
    const QFontMetricsF metrics(font);
    const QString samples = QStringLiteral("lI1O0Wim.:/-_");
    const qreal advance = metrics.horizontalAdvance(samples.front());
    if (!(advance > 0))
        return QStringLiteral("'l' has no width");
    const qreal tolerance = advance / 1000;
    for (const QChar c : samples) {
        const qreal other = metrics.horizontalAdvance(c);
        if (std::abs(other - advance) > tolerance)
            return QStringLiteral("'%1' is %2 px wide, 'l' %3 px").arg(c).arg(other).arg(advance);
    }
    const QString ligatures = QStringLiteral("ffi fl");
    const qsizetype glyphs = glyphCount(font, ligatures);
    if (glyphs != ligatures.size())
        return QStringLiteral("%1 glyphs for the %2 characters of \"%3\"").arg(glyphs).arg(ligatures.size()).arg(ligatures);
    const qreal width = metrics.horizontalAdvance(ligatures);
    if (std::abs(width - ligatures.size() * advance) > ligatures.size() * tolerance)
        return QStringLiteral("\"%1\" is %2 px wide, not %3 times %4 px")
            .arg(ligatures)
            .arg(width)
            .arg(ligatures.size())
            .arg(advance);
    return {};
}

} // namespace TestSupport
