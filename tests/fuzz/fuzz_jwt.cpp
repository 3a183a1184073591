// libFuzzer target: a compact JWS as Jwt::decode reads it, and its time claims.
#include "FuzzCheck.h"
#include "Jwt.h"

#include <QByteArray>
#include <QByteArrayList>
#include <cstddef>
#include <cstdint>

using namespace faultshare;

namespace {

bool isBase64UrlPart(const QByteArray& part)
{
    // Trailing '=' padding is tolerated by the decoder; nothing else outside the alphabet.
    qsizetype end = part.size();
    while (end > 0 && part.at(end - 1) == '=')
        --end;
    if (end == 0)
        return false;
    for (qsizetype i = 0; i < end; ++i) {
        if (!FuzzCheck::isBase64UrlChar(part.at(i)))
            return false;
    }
    return true;
}

void checkTimeClaim(const Jwt& jwt, QLatin1StringView name)
{
    const QDateTime time = jwt.timeClaim(name);
    if (!time.isValid())
        return;
    const QJsonValue value = jwt.claims.value(name);
    FUZZ_CHECK(value.isDouble());
    FUZZ_CHECK(time.timeSpec() == Qt::UTC);
    const qint64 seconds = time.toSecsSinceEpoch();
    FUZZ_CHECK(seconds >= 0 && seconds <= 253402300799LL);
    FUZZ_CHECK(double(seconds) <= value.toDouble() && value.toDouble() < double(seconds) + 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray compact = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const auto jwt = Jwt::decode(compact);
    if (!jwt)
        return 0;
    // Jwt.h: exactly three non-empty base64url parts.
    const QByteArrayList parts = compact.split('.');
    FUZZ_CHECK(parts.size() == 3);
    for (const QByteArray& part : parts)
        FUZZ_CHECK(isBase64UrlPart(part));
    for (const char* name : {"iat", "exp", "nbf"})
        checkTimeClaim(*jwt, QLatin1StringView(name));
    return 0;
}
