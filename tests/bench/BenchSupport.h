#pragma once

// Shared by the benchmarks: a realistic token, and min / median / max of repetitions.

#include "TestTokens.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace Bench {

using TestSupport::makeToken;


struct Stats
{
    double min = 0;
    double median = 0;
    double max = 0;
};

inline Stats stats(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    return {values.front(), values[values.size() / 2], values.back()};
}

// One table row: what, min / median / max, unit.
inline void printRow(const char* what, const Stats& s, const char* unit)
{
    std::printf("%-40s min %9.3f  median %9.3f  max %9.3f %s\n", what, s.min, s.median, s.max, unit);
    std::fflush(stdout);
}

} // namespace Bench
