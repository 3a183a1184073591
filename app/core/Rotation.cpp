#include "Rotation.h"

#include "ApiClient.h"
#include "LinkIssuer.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace faultshare {

using namespace std::chrono_literals;

namespace {

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

// No timer sleeps longer than this: every wake-up recomputes from the clock, so a
// machine that slept or had its clock set renews on time.
constexpr std::chrono::milliseconds LongestSleep = 60s;
// Never two mints closer than this, whatever the API answered (a link shorter than R).
constexpr std::chrono::milliseconds ShortestSpacing = 1s;

constexpr std::chrono::seconds LongestDuration = std::chrono::hours(24 * 30);

} // namespace

std::chrono::seconds Rotation::defaultRenewBefore(int minutes)
{
    const std::chrono::seconds lifetime = std::chrono::minutes(minutes);
    const std::chrono::seconds tenth = lifetime / 10;
    return tenth < 60s && 60s < lifetime ? 60s : std::max(tenth, 1s);
}

std::optional<std::chrono::seconds> Rotation::parseDuration(const QString& text)
{
    QString compact = text.toLower();
    compact.remove(QLatin1Char(' '));
    static const QRegularExpression whole(QStringLiteral("^(?:\\d{1,7}[hms])+$"));
    if (!whole.match(compact).hasMatch())
        return std::nullopt;
    static const QRegularExpression part(QStringLiteral("(\\d+)([hms])"));
    std::chrono::seconds total{0};
    for (auto it = part.globalMatch(compact); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const qint64 amount = match.captured(1).toLongLong();
        const QChar unit = match.captured(2).at(0);
        total += std::chrono::seconds(amount * (unit == QLatin1Char('h') ? 3600 : unit == QLatin1Char('m') ? 60 : 1));
        if (total > LongestDuration)
            return std::nullopt;
    }
    return total;
}

QString Rotation::durationText(std::chrono::seconds duration)
{
    const qint64 seconds = duration.count();
    QString text;
    if (seconds >= 3600)
        text += QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds % 3600 >= 60)
        text += QString::number(seconds % 3600 / 60) + QLatin1Char('m');
    if (seconds % 60 != 0 || seconds == 0)
        text += QString::number(seconds % 60) + QLatin1Char('s');
    return text;
}

QString Rotation::checkPlan(const Plan& plan)
{
    if (plan.minutes < ApiClient::MinMinutes || plan.minutes > ApiClient::MaxMinutes)
        return QCoreApplication::translate("faultshare::Rotation", "The lifetime must be from 1 to 43200 minutes (30 days).");
    if (plan.renewBefore <= 0s)
        return QCoreApplication::translate("faultshare::Rotation", "The time to renew before the end must be more than zero.");
    if (plan.renewBefore >= std::chrono::minutes(plan.minutes)) {
        return QCoreApplication::translate("faultshare::Rotation", "The time to renew before the end (%1) must be shorter than each link's lifetime (%2).")
            .arg(durationText(plan.renewBefore), durationText(std::chrono::minutes(plan.minutes)));
    }
    if (plan.count < 0)
        return QCoreApplication::translate("faultshare::Rotation", "The number of links must not be negative.");
    return {};
}

Rotation::Rotation(LinkIssuer& issuer, QObject* parent)
    : QObject(parent)
    , m_issuer(issuer)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Rotation::wake);
    connect(&m_issuer, &LinkIssuer::issued, this,
            [this](const EmbedToken& token, const QString&, const QString& historyId) { onIssued(token, historyId); });
    connect(&m_issuer, &LinkIssuer::failed, this, &Rotation::onFailed);
}

Rotation::~Rotation()
{
    stop();
}

void Rotation::start(const Plan& plan, const std::optional<EmbedToken>& current)
{
    Q_ASSERT(checkPlan(plan).isEmpty());
    stop();
    m_plan = plan;
    m_id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_running = true;
    m_minted = 0;
    m_failures = 0;
    m_lastError.reset();
    const QDateTime at = now();
    m_current = current && at < current->localExpiresAt() ? current : std::nullopt;
    m_due = m_current ? dueAfter(*m_current, at) : at;
    qCInfo(lcApi) << "rotation started:" << plan.minutes << "minute links, renewed" << plan.renewBefore.count()
                  << "s before their end";
    wake();
}

void Rotation::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    m_due = {};
    if (m_minting) {
        m_minting = false;
        // Its failed(Cancelled) comes while m_running is false: nobody hears of it.
        m_issuer.cancel();
    }
    qCInfo(lcApi) << "rotation stopped after" << m_minted << "links";
}

void Rotation::renewNow()
{
    if (!m_running || m_minting)
        return;
    m_due = now();
    wake();
}

QDateTime Rotation::nextRenewal() const
{
    return m_running && !m_minting ? m_due : QDateTime();
}

QDateTime Rotation::dueAfter(const EmbedToken& token, const QDateTime& at) const
{
    const QDateTime end = token.localExpiresAt();
    const QDateTime planned = end.addSecs(-m_plan.renewBefore.count());
    if (planned > at)
        return std::min(std::max(planned, at.addMSecs(ShortestSpacing.count())), end);
    // A link that came with less than R left (the API shortened it, or the clocks differ)
    // is renewed halfway through what it has, not at once and again and again.
    const qint64 left = at.msecsTo(end);
    return std::min(end, at.addMSecs(std::max<qint64>(ShortestSpacing.count(), left / 2)));
}

void Rotation::wake()
{
    if (!m_running)
        return;
    const QDateTime at = now();
    if (m_current && at >= m_current->localExpiresAt()) {
        m_current.reset();
        qCWarning(lcApi) << "rotation: the link expired before a new one could be made";
        Q_EMIT expired(m_lastError.value_or(ApiError(ApiError::Kind::Timeout)));
        if (!m_running)
            return;
    }
    if (!m_minting && at >= m_due)
        mint();
    else
        arm();
}

void Rotation::arm()
{
    if (!m_running)
        return;
    const QDateTime at = now();
    QDateTime next = m_minting ? QDateTime() : m_due;
    if (m_current && (!next.isValid() || m_current->localExpiresAt() < next))
        next = m_current->localExpiresAt();
    qint64 wait = next.isValid() ? std::max<qint64>(0, at.msecsTo(next)) : LongestSleep.count();
    m_timer->start(std::chrono::milliseconds(std::min<qint64>(wait, LongestSleep.count())));
}

void Rotation::mint()
{
    m_minting = true;
    // Someone else's request in flight (the operator's Generate) counts as this mint.
    if (!m_issuer.isBusy())
        m_issuer.issue(m_plan.minutes, m_plan.label, m_plan.profile, RotationMark{m_id, m_minted + 1});
    Q_EMIT scheduleChanged();
    arm();
}

void Rotation::onIssued(const EmbedToken& token, const QString& historyId)
{
    if (!m_running)
        return;
    const bool ours = m_minting;
    m_minting = false;
    m_failures = 0;
    m_lastError.reset();
    const QDateTime at = now();
    m_current = token;
    m_due = dueAfter(token, at);
    if (ours) {
        ++m_minted;
        Q_EMIT renewed(token, historyId, m_minted);
        if (!m_running)
            return;
        if (m_plan.count > 0 && m_minted >= m_plan.count) {
            m_running = false;
            m_timer->stop();
            m_due = {};
            Q_EMIT scheduleChanged();
            Q_EMIT finished();
            return;
        }
    }
    // A link the operator asked for is the current one too: the next renewal follows it.
    arm();
    Q_EMIT scheduleChanged();
}

void Rotation::onFailed(const ApiError& error)
{
    if (!m_running || !m_minting)
        return;
    m_minting = false;
    ++m_failures;
    m_lastError = error;
    std::chrono::seconds delay = std::min<std::chrono::seconds>(FirstRetry * (1 << std::min(m_failures - 1, 4)),
                                                                LongestRetry);
    if (error.kind() == ApiError::Kind::RateLimited)
        delay = std::max(delay, error.retryAfter().value_or(RateLimitWait));
    else if (error.retryAfter())
        delay = std::max(delay, *error.retryAfter());
    m_due = now().addSecs(delay.count());
    qCWarning(lcApi) << "rotation: no new link (kind" << int(error.kind()) << "), trying again in" << delay.count() << "s";
    Q_EMIT renewFailed(error, m_due);
    if (!m_running)
        return;
    arm();
    Q_EMIT scheduleChanged();
}

} // namespace faultshare
