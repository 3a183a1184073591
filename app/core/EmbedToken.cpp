#include "EmbedToken.h"

#include "Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace faultshare {

using namespace std::chrono;

namespace {

constexpr qint64 MaxTokenLength = 16 * 1024;
constexpr auto SignificantSkew = 60s;

bool fail(QString* whyNot, const QString& reason)
{
    if (whyNot)
        *whyNot = reason;
    return false;
}

} // namespace

QDateTime EmbedToken::parseTimestamp(const QString& text)
{
    // The documented form is 2025-10-21T13:00:00.000000Z; any fraction length and an
    // explicit offset are read too, and so are the vendor's other forms: a lower-case t
    // or z, and the legacy "2023-07-01 08:03:22" (no zone: UTC). Nothing looser ("$"
    // would also match before a final newline).
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?([Zz]|[+-]\\d{2}:\\d{2})?\\z"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    // Built as UTC from the start: read as local time first, it would fail in a DST gap.
    const QDate date = QDate::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(match.captured(2), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return {};
    QDateTime result(date, time, Qt::UTC);
    const QString fraction = match.captured(3);
    if (!fraction.isEmpty())
        result = result.addMSecs(fraction.left(3).leftJustified(3, QLatin1Char('0')).toInt());
    const QString zone = match.captured(4);
    if (!zone.isEmpty() && zone.compare(QLatin1StringView("Z"), Qt::CaseInsensitive) != 0) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59)
            return {};
        result = result.addSecs(-sign * (hours * 3600 + minutes * 60));
    }
    return result;
}

QDateTime EmbedToken::parseHttpDate(const QByteArray& value)
{
    // Parsed by hand: QLocale's parser reads into local time first, which fails inside a
    // DST gap. IMF-fixdate first (what servers send today), then the two obsolete forms.
    static const QRegularExpression imf(QStringLiteral(
        "^[A-Z][a-z]{2}, (\\d{2}) ([A-Z][a-z]{2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QRegularExpression rfc850(QStringLiteral(
        "^[A-Z][a-z]+, (\\d{2})-([A-Z][a-z]{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QRegularExpression asctime(QStringLiteral(
        "^[A-Z][a-z]{2} ([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"));
    static const QStringList months = QStringLiteral("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")
                                          .split(QLatin1Char(' '));
    const QString text = QString::fromLatin1(value.trimmed());
    int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (const auto m = imf.match(text); m.hasMatch()) {
        day = m.captured(1).toInt();
        month = int(months.indexOf(m.captured(2))) + 1;
        year = m.captured(3).toInt();
        hour = m.captured(4).toInt(), minute = m.captured(5).toInt(), second = m.captured(6).toInt();
    } else if (const auto m = rfc850.match(text); m.hasMatch()) {
        day = m.captured(1).toInt();
        month = int(months.indexOf(m.captured(2))) + 1;
        // Two-digit years: RFC 9110 puts them within the last 50 years.
        year = 2000 + m.captured(3).toInt();
        if (year > QDate::currentDate().year() + 50)
            year -= 100;
        hour = m.captured(4).toInt(), minute = m.captured(5).toInt(), second = m.captured(6).toInt();
    } else if (const auto m = asctime.match(text); m.hasMatch()) {
        month = int(months.indexOf(m.captured(1))) + 1;
        day = m.captured(2).toInt();
        hour = m.captured(3).toInt(), minute = m.captured(4).toInt(), second = m.captured(5).toInt();
        year = m.captured(6).toInt();
    } else {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

bool EmbedToken::isLoopbackHost(const QString& host)
{
    // "localhost", a name under it (RFC 6761 keeps them on this computer), with or
    // without the root's trailing dot.
    QString name = host.toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name == QLatin1StringView("localhost") || name.endsWith(QLatin1StringView(".localhost")))
        return true;
    // QUrl reads an address the way QHostAddress does ("127.1", "0x7f.1", "0:0::1") and
    // writes it in one form; QtNetwork is not needed for that.
    // An address with the trailing dot is a name for the resolver: not taken as loopback.
    QUrl url;
    url.setHost(host, QUrl::StrictMode);
    const QString normalised = url.host();
    QStringView address = normalised;
    if (address == u"::1")
        return true;
    if (address.startsWith(u"::ffff:"))
        address = address.mid(7); // an IPv4 address mapped into IPv6
    const QList<QStringView> parts = address.split(QLatin1Char('.'));
    return parts.size() == 4 && parts.first() == u"127"
        && std::all_of(parts.cbegin(), parts.cend(), [](QStringView part) {
               return !part.isEmpty() && std::all_of(part.cbegin(), part.cend(), [](QChar c) { return c.isDigit(); });
           });
}

bool EmbedToken::isShareableUrl(const QUrl& url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    const QString scheme = url.scheme();
    if (scheme == QLatin1StringView("https"))
        return true;
    return scheme == QLatin1StringView("http") && isLoopbackHost(url.host());
}

QString EmbedToken::checkShortLink(const QUrl& link, const QUrl& apiUrl)
{
    if (!link.isValid() || link.isRelative() || link.host().isEmpty() || !link.userInfo().isEmpty())
        return QStringLiteral("short_link is not an absolute link");
    if (link.toEncoded().size() > MaxLinkBytes)
        return QStringLiteral("short_link is longer than %1 bytes").arg(MaxLinkBytes);
    if (link.scheme() == QLatin1StringView("https"))
        return {};
    if (link.scheme() == QLatin1StringView("http") && isLoopbackHost(link.host()) && isLoopbackHost(apiUrl.host()))
        return {};
    return QStringLiteral("short_link is not an https link");
}

std::optional<EmbedToken> EmbedToken::parse(const QByteArray& body, const QDateTime& receivedAt,
                                            const QDateTime& serverDate, const QUrl& apiUrl, QString* whyNot)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(whyNot, body.trimmed().isEmpty() ? QStringLiteral("empty body")
                                              : QStringLiteral("not JSON"));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(whyNot, QStringLiteral("not a JSON object"));
        return std::nullopt;
    }
    const QJsonObject object = doc.object();

    EmbedToken result;
    result.m_apiUrl = apiUrl;
    result.m_receivedAt = receivedAt.toUTC();
    result.m_serverDate = serverDate.isValid() ? serverDate.toUTC() : QDateTime();

    const QJsonValue token = object.value(QLatin1StringView("token"));
    if (!token.isString() || token.toString().isEmpty()) {
        fail(whyNot, QStringLiteral("token is missing"));
        return std::nullopt;
    }
    result.m_token = token.toString();
    // The reference says a JWT; any other opaque token is kept as long as it can travel
    // in a URL path and a header unchanged.
    static const QRegularExpression tokenShape(QStringLiteral("^[\\x21-\\x7e]+\\z"));
    if (result.m_token.size() > MaxTokenLength || !tokenShape.match(result.m_token).hasMatch()) {
        fail(whyNot, QStringLiteral("token is not a printable word"));
        return std::nullopt;
    }
    const auto jwt = Jwt::decode(result.m_token.toLatin1());

    const QJsonValue type = object.value(QLatin1StringView("type"));
    result.m_type = type.isString() && !type.toString().trimmed().isEmpty() ? type.toString().trimmed().left(32)
                                                                           : QStringLiteral("jwt");

    // Each of the two expiry members counts only when usable; one is enough.
    const QJsonValue minutes = object.value(QLatin1StringView("expires_in_minutes"));
    const double minutesValue = minutes.toDouble(-1);
    // Range first: converting a double outside qint64 (1e300) is undefined behaviour.
    const bool minutesUsable = minutes.isDouble() && minutesValue >= 1 && minutesValue <= 43200
        && minutesValue == double(qint64(minutesValue));
    const QJsonValue expiresAt = object.value(QLatin1StringView("expires_at"));
    const QDateTime expiresAtValue = expiresAt.isString() ? parseTimestamp(expiresAt.toString()) : QDateTime();
    // The server's clock when it answered (its Date header, else ours): what the two
    // members count from.
    const QDateTime serverAnswered = result.m_serverDate.isValid() ? result.m_serverDate : result.m_receivedAt;
    if (expiresAtValue.isValid()) {
        result.m_expiresAt = expiresAtValue;
        result.m_expiresInMinutes = minutesUsable
            ? int(minutesValue)
            : int(std::clamp<qint64>((serverAnswered.secsTo(expiresAtValue) + 59) / 60, 1, 43200));
    } else if (minutesUsable) {
        result.m_expiresInMinutes = int(minutesValue);
        result.m_expiresAt = serverAnswered.addSecs(qint64(result.m_expiresInMinutes) * 60);
    } else if (!expiresAt.isUndefined() && !expiresAt.isNull()) {
        fail(whyNot, QStringLiteral("expires_at is not a date"));
        return std::nullopt;
    } else {
        fail(whyNot, QStringLiteral("neither expires_at nor expires_in_minutes is given"));
        return std::nullopt;
    }

    const QJsonValue link = object.value(QLatin1StringView("short_link"));
    if (!link.isString() || link.toString().trimmed().isEmpty()) {
        result.m_linkProblem = QStringLiteral("short_link is missing");
    } else {
        const QUrl url(link.toString().trimmed(), QUrl::StrictMode);
        result.m_linkProblem = checkShortLink(url, apiUrl);
        if (result.m_linkProblem.isEmpty())
            result.m_shortLink = url;
    }

    // The lifetime's start, for the progress bar: the JWT's iat when it is plausible.
    const QDateTime iat = jwt ? jwt->timeClaim(QLatin1StringView("iat")) : QDateTime();
    const QDateTime fromMinutes = result.m_expiresAt.addSecs(-qint64(result.m_expiresInMinutes) * 60);
    result.m_issuedAt = iat.isValid() && iat < result.m_expiresAt ? iat : fromMinutes;

    // Judged on the server's clock when it told us its time: a token already dead there
    // must never be shown as live.
    if (result.m_expiresAt <= result.serverNow(result.m_receivedAt)) {
        fail(whyNot, QStringLiteral("expires_at is already past"));
        return std::nullopt;
    }
    return result;
}

milliseconds EmbedToken::clockSkew() const
{
    if (!m_serverDate.isValid() || !m_receivedAt.isValid())
        return 0ms;
    return milliseconds(m_receivedAt.msecsTo(m_serverDate));
}

bool EmbedToken::hasSignificantSkew() const
{
    const auto skew = clockSkew();
    return skew > SignificantSkew || skew < -SignificantSkew;
}

QDateTime EmbedToken::serverNow(const QDateTime& localNow) const
{
    return hasSignificantSkew() ? localNow.addMSecs(clockSkew().count()) : localNow;
}

QDateTime EmbedToken::localExpiresAt() const
{
    return hasSignificantSkew() ? m_expiresAt.addMSecs(-clockSkew().count()) : m_expiresAt;
}

} // namespace faultshare
