#pragma once

#include <QString>
#include <cstdio>

// An invariant a parser promises. When it fails, say which one and stop the way libFuzzer
// counts as a crash (and a replay test as a failure), in every build type.
#define FUZZ_CHECK(condition)                                                                   \
    do {                                                                                        \
        if (!(condition)) {                                                                     \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::fflush(stderr);                                                                \
            __builtin_trap();                                                                   \
        }                                                                                       \
    } while (false)

namespace FuzzCheck {

// Text an operator sees (GUI label or terminal): no C0/C1 controls, no line breaks,
// no broken surrogate pairs.
inline bool isOneCleanLine(const QString& text)
{
    for (const QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line
            || category == QChar::Separator_Paragraph)
            return false;
    }
    return text.isValidUtf16();
}

inline bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

} // namespace FuzzCheck
