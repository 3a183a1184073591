#include "Jwt.h"

#include <QTest>

using namespace faultshare;

namespace {
// The example token of the API documentation.
constexpr char DocToken[] =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

QByteArray part(const QByteArray& json)
{
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

class tst_Jwt final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedToken_decodesHeaderAndClaims()
    {
        const auto jwt = Jwt::decode(DocToken);
        QVERIFY(jwt);
        QCOMPARE(jwt->header.value(QLatin1StringView("alg")).toString(), QStringLiteral("HS256"));
        QCOMPARE(jwt->claims.value(QLatin1StringView("sub")).toString(), QStringLiteral("1234567890"));
        QCOMPARE(jwt->timeClaim(QLatin1StringView("iat")),
                 QDateTime::fromSecsSinceEpoch(1516239022, Qt::UTC));
        QVERIFY(!jwt->timeClaim(QLatin1StringView("exp")).isValid());
    }

    void base64urlCharacters_decode()
    {
        // '?' and '>' in JSON strings produce '_' and '-' in base64url.
        const QByteArray token = part(R"({"alg":"none"})") + '.'
            + part(R"({"q":"???>>>","exp":1760000000})") + ".sig";
        QVERIFY(token.contains('_') || token.contains('-'));
        const auto jwt = Jwt::decode(token);
        QVERIFY(jwt);
        // Raw, like the claims above: in a plain literal GCC warns of a "??>" trigraph.
        QCOMPARE(jwt->claims.value(QLatin1StringView("q")).toString(), QStringLiteral(R"(???>>>)"));
        QCOMPARE(jwt->timeClaim(QLatin1StringView("exp")).toSecsSinceEpoch(), 1760000000);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QByteArray h = part(R"({"alg":"HS256"})");
        const QByteArray c = part(R"({"sub":"x"})");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("two parts") << h + '.' + c;
        QTest::newRow("four parts") << h + '.' + c + ".s.x";
        QTest::newRow("empty signature") << h + '.' + c + '.';
        QTest::newRow("empty header") << '.' + c + ".s";
        QTest::newRow("bad base64") << h + ".!!!!.s";
        QTest::newRow("standard base64 plus") << h + '.' + c + "+.s";
        QTest::newRow("claims not JSON") << h + '.' + part("hello") + ".s";
        QTest::newRow("claims an array") << h + '.' + part("[1,2]") + ".s";
    }

    void malformed()
    {
        QFETCH(QByteArray, token);
        QVERIFY(!Jwt::decode(token));
    }

    void timeClaim_rejectsNonNumbersAndAbsurdValues()
    {
        const QByteArray token = part(R"({"alg":"none"})") + '.'
            + part(R"({"iat":"1760000000","exp":-5,"nbf":1e300})") + ".sig";
        const auto jwt = Jwt::decode(token);
        QVERIFY(jwt);
        QVERIFY(!jwt->timeClaim(QLatin1StringView("iat")).isValid());
        QVERIFY(!jwt->timeClaim(QLatin1StringView("exp")).isValid());
        QVERIFY(!jwt->timeClaim(QLatin1StringView("nbf")).isValid());
    }
};

QTEST_GUILESS_MAIN(tst_Jwt)
#include "tst_jwt.moc"
