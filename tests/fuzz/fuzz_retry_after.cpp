// libFuzzer target: header values and timestamps: Retry-After, HTTP-dates (the Date
// header) and the API's expires_at form.
#include "ApiError.h"
#include "EmbedToken.h"
#include "FuzzCheck.h"

#include <QByteArray>
#include <QLocale>
#include <cstddef>
#include <cstdint>

using namespace faultshare;

using namespace std::chrono;

namespace {

const QDateTime Now(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);

bool inFourDigitYears(const QDateTime& time)
{
    return time.date().year() >= 1 && time.date().year() <= 9999;
}

void checkRetryAfter(const QByteArray& value)
{
    const auto wait = ApiError::parseRetryAfter(value, Now);
    if (!wait)
        return;
    FUZZ_CHECK(wait->count() >= 0);
    // Delta-seconds are taken as written; anything else was an HTTP-date.
    const QByteArray trimmed = value.trimmed();
    bool isNumber = false;
    const qlonglong number = trimmed.toLongLong(&isNumber);
    if (isNumber && trimmed.size() <= 9 && !trimmed.startsWith('+') && !trimmed.startsWith('-'))
        FUZZ_CHECK(wait->count() == number);
    else
        FUZZ_CHECK(EmbedToken::parseHttpDate(value).isValid());
}

void checkHttpDate(const QByteArray& value)
{
    const QDateTime time = EmbedToken::parseHttpDate(value);
    if (!time.isValid())
        return;
    FUZZ_CHECK(time.timeSpec() == Qt::UTC);
    FUZZ_CHECK(inFourDigitYears(time));
    // Whatever form it came in, the same instant written as an IMF-fixdate reads back.
    const QString imf = QLocale::c().toString(time, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    FUZZ_CHECK(EmbedToken::parseHttpDate(imf.toLatin1()) == time);
}

void checkTimestamp(const QString& text)
{
    const QDateTime time = EmbedToken::parseTimestamp(text);
    if (!time.isValid())
        return;
    FUZZ_CHECK(time.timeSpec() == Qt::UTC);
    // "Nothing looser" than 2025-10-21T13:00:00.000000Z: ASCII digits and separators only.
    for (const QChar c : text)
        FUZZ_CHECK(QStringLiteral("0123456789-T:.Z+").contains(c));
    if (inFourDigitYears(time)) {
        const QString canonical = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
        FUZZ_CHECK(EmbedToken::parseTimestamp(canonical) == time);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray value = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    checkRetryAfter(value);
    checkHttpDate(value);
    checkTimestamp(QString::fromUtf8(value));
    return 0;
}
