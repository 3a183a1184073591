// libFuzzer target: the 200 body of POST /fault/token, as EmbedToken::parse reads it.
#include "EmbedToken.h"
#include "FuzzCheck.h"
#include "Jwt.h"

#include <QByteArray>
#include <QStringList>
#include <cstddef>
#include <cstdint>

using namespace faultshare;

namespace {

// A token that parses is one the screen can show: every field present and sane.
void checkToken(const EmbedToken& token, const QDateTime& receivedAt, const QDateTime& serverDate)
{
    // Any printable ASCII word (a JWT, or an opaque token): it travels in a path and a header.
    const QString text = token.token();
    FUZZ_CHECK(!text.isEmpty() && text.size() <= 16 * 1024);
    for (const QChar c : text)
        FUZZ_CHECK(c.unicode() > 0x20 && c.unicode() < 0x7f);

    FUZZ_CHECK(!token.type().isEmpty() && token.type().size() <= 32);
    FUZZ_CHECK(token.expiresInMinutes() >= 1 && token.expiresInMinutes() <= 43200);

    // A link is https and at most 2048 bytes (the API here is remote), or there is none
    // and a short reason says why.
    const QUrl link = token.shortLink();
    if (token.hasShortLink()) {
        FUZZ_CHECK(token.linkProblem().isEmpty());
        FUZZ_CHECK(link.isValid() && !link.isRelative() && !link.host().isEmpty());
        FUZZ_CHECK(link.userInfo().isEmpty());
        FUZZ_CHECK(link.scheme() == QLatin1StringView("https"));
        FUZZ_CHECK(link.toEncoded().size() <= EmbedToken::MaxLinkBytes);
    } else {
        FUZZ_CHECK(link.isEmpty());
        FUZZ_CHECK(!token.linkProblem().isEmpty() && FuzzCheck::isOneCleanLine(token.linkProblem()));
    }

    FUZZ_CHECK(token.receivedAt() == receivedAt);
    FUZZ_CHECK(token.serverDate() == serverDate);
    FUZZ_CHECK(token.expiresAt().isValid() && token.expiresAt().timeSpec() == Qt::UTC);
    FUZZ_CHECK(token.expiresAt() > token.serverNow(token.receivedAt()));
    FUZZ_CHECK(token.issuedAt().isValid() && token.issuedAt() < token.expiresAt());
    if (!serverDate.isValid())
        FUZZ_CHECK(token.clockSkew().count() == 0 && !token.hasSignificantSkew());
}

void parseWith(const QByteArray& body, const QDateTime& receivedAt, const QDateTime& serverDate)
{
    QString whyNot;
    static const QUrl api(QStringLiteral("https://v1.api.altostrat.io"));
    const auto token = EmbedToken::parse(body, receivedAt, serverDate, api, &whyNot);
    if (token) {
        FUZZ_CHECK(whyNot.isEmpty());
        checkToken(*token, receivedAt, serverDate);
    } else {
        // The reason ends up in an error sentence: short, fixed, one line.
        FUZZ_CHECK(!whyNot.isEmpty() && whyNot.size() < 120 && FuzzCheck::isOneCleanLine(whyNot));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Fixed clocks keep every run reproducible: the documented example (expiring
    // 2025-10-21T13:00Z) arrives an hour early, once without and once with a server
    // Date header ten minutes ahead (a significant skew).
    static const QDateTime receivedAt(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);
    static const QDateTime serverAhead = receivedAt.addSecs(600);
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    parseWith(body, receivedAt, QDateTime());
    parseWith(body, receivedAt, serverAhead);
    return 0;
}
