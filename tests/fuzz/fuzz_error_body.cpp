// libFuzzer target: a non-2xx answer (status from the first two bytes, then the body),
// as ApiError reads it. Bodies may be JSON, HTML or anything a proxy sends.
// The status is 100 + (big-endian 16-bit value % 500), so the seeds start with two
// letters: "rt" 400, "ru" 401, "rw" 403, "rx" 404, "vr" 422, "vy" 429, "aD" 500,
// "aF" 502, "aG" 503, "aH" 504.
#include "ApiError.h"
#include "FuzzCheck.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

using namespace faultshare;

using namespace std::chrono_literals;

namespace {

// What the server said, as shown to operators: one tidy line of at most 200 characters.
void checkServerText(const QString& text)
{
    FUZZ_CHECK(text.size() <= 200);
    FUZZ_CHECK(FuzzCheck::isOneCleanLine(text));
    FUZZ_CHECK(text == text.trimmed());
}

ApiError::Kind expectedKind(int status)
{
    switch (status) {
    case 400:
    case 422:
        return ApiError::Kind::Validation;
    case 401:
        return ApiError::Kind::Unauthorized;
    case 403:
        return ApiError::Kind::Forbidden;
    case 404:
        return ApiError::Kind::NotFound;
    case 429:
        return ApiError::Kind::RateLimited;
    default:
        return ApiError::Kind::Server;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const QDateTime now(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);
    if (size < 2)
        return 0;
    const int status = 100 + ((data[0] << 8) | data[1]) % 500;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data + 2), qsizetype(size - 2));

    const QString message = ApiError::serverMessageFrom(body);
    checkServerText(message);

    for (const QByteArray& retryAfter : {QByteArray(), QByteArray("120")}) {
        const ApiError error = ApiError::fromHttpStatus(status, body, retryAfter, now);
        FUZZ_CHECK(error.kind() == expectedKind(status));
        FUZZ_CHECK(error.httpStatus() == status);
        FUZZ_CHECK(error.serverMessage() == message);
        const bool readsRetryAfter = status == 429 || status == 503;
        FUZZ_CHECK(error.retryAfter().has_value() == (readsRetryAfter && !retryAfter.isEmpty()));
        if (error.retryAfter())
            FUZZ_CHECK(*error.retryAfter() == 120s);
        const QString sentence = error.userMessage();
        FUZZ_CHECK(!sentence.isEmpty() && FuzzCheck::isOneCleanLine(sentence));
        FUZZ_CHECK(error.exitCode() >= 2 && error.exitCode() <= 6);
    }

    // The same cleaning guards details raised elsewhere (network error strings, ...).
    const ApiError network(ApiError::Kind::Network, QString::fromUtf8(body));
    checkServerText(network.detail());
    FUZZ_CHECK(FuzzCheck::isOneCleanLine(network.userMessage()));
    return 0;
}
