#include "LinkSession.h"

#include "ApiClient.h"
#include "Countdown.h"
#include "CredentialStore.h"
#include "History.h"
#include "KeychainJob.h"
#include "LinkIssuer.h"
#include "Logging.h"
#include "Origin.h"
#include "ProfileConnection.h"
#include "Profiles.h"

#include <QTimer>

#include <algorithm>
#include <memory>

namespace faultshare {

LinkSession::LinkSession(ApiClient& client, const CredentialStore& keychain, Settings& settings, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_keychain(keychain)
    , m_settings(settings)
    , m_connection(new ProfileConnection(keychain, client, this))
    , m_history(new History(HistoryFile::defaultPath(), &keychain, &settings.store(), this))
    , m_hold(new QTimer(this))
{
    m_issuer = new LinkIssuer(client, m_history, this);
    m_hold->setSingleShot(true);
    connect(m_hold, &QTimer::timeout, this, &LinkSession::stateChanged);

    m_connection->setBindsUnboundKeys(true);
    connect(m_connection, &ProfileConnection::configured, this, [this](const QList<ApiError>& problems) {
        QStringList sentences;
        for (const ApiError& problem : problems)
            sentences << problem.userMessage();
        if (!problems.isEmpty())
            qCWarning(lcApi) << problems.size() << "part(s) of the profile's connection cannot be used";
        Q_EMIT connectionProblems(sentences);
        Q_EMIT stateChanged();
        startPendingRenewal();
    });
    connect(m_connection, &ProfileConnection::keyFound, this, [this](const QString& key) {
        m_settings.setKeyStored(true);
        onKeyFound(key);
    });
    connect(m_connection, &ProfileConnection::keyBoundElsewhere, this, [this](const QString& key, const QString& storedFor) {
        m_settings.setKeyStored(true);
        Q_EMIT stateChanged();
        if (m_keySource == KeySource::Session || m_keySource == KeySource::Demo)
            return;
        Q_EMIT keyConfirmationNeeded(key, storedFor, Origin::of(m_client.apiUrl()));
    });
    connect(m_connection, &ProfileConnection::keyMissing, this, [this] {
        m_settings.setKeyStored(false);
        m_pendingLabel.reset();
        dropPendingRenewal();
        if (m_keySource == KeySource::Keychain && !m_client.hasApiKey()) {
            // It was there when last asked: removed since, outside FaultShare.
            setKeySource(KeySource::None);
            Q_EMIT keyNeeded(tr("The key of this profile is no longer in %1; enter it again.").arg(CredentialStore::backendName()),
                             false);
        } else if (m_keySource == KeySource::None) {
            Q_EMIT keyNeeded({}, false);
        }
        Q_EMIT stateChanged();
    });
    connect(m_connection, &ProfileConnection::keyFailed, this, [this](const ApiError& error) {
        m_pendingLabel.reset();
        dropPendingRenewal();
        if (m_keySource == KeySource::None || !m_client.hasApiKey()) {
            // No key to work with: not read yet (start, or the first Generate).
            setKeySource(KeySource::None);
            Q_EMIT keyNeeded(error.userMessage(), true);
        }
        Q_EMIT stateChanged();
    });

    connect(m_issuer, &LinkIssuer::issued, this, [this](const EmbedToken& token, const QString& label, const QString& id) {
        m_renewalError.reset();
        if (m_replanMinutes && m_rotation->isRunning()) {
            // The operator's link, made with the form as it is now: renewing goes on from it
            // with that lifetime and label.
            const Rotation::Plan plan = renewalPlan(m_rotation->plan().renewBefore, *m_replanMinutes, label);
            if (Rotation::checkPlan(plan).isEmpty() && (plan.minutes != m_rotation->plan().minutes || plan.label != m_rotation->plan().label))
                m_rotation->start(plan, token);
        }
        m_replanMinutes.reset();
        Q_EMIT issued(token, label, id);
        Q_EMIT stateChanged();
        Q_EMIT renewalChanged();
    });
    connect(m_issuer, &LinkIssuer::failed, this, [this](const ApiError& error) {
        std::chrono::seconds hold{0};
        if (error.kind() == ApiError::Kind::RateLimited && error.retryAfter()) {
            hold = std::max(*error.retryAfter(), std::chrono::seconds(1));
            m_hold->start(hold);
        }
        qCInfo(lcApi) << "token request failed, kind" << int(error.kind()) << "status" << error.httpStatus();
        m_replanMinutes.reset();
        Q_EMIT failed(error, hold);
        Q_EMIT stateChanged();
    });

    connect(m_history, &History::keepFailed, this, [this](const QString&, const ApiError& error) {
        Q_EMIT historyProblem(tr("The link was not kept in the history: %1").arg(error.userMessage()));
    });
    connect(m_history, &History::forgetFailed, this, [this](const QString&, const ApiError& error) {
        Q_EMIT historyProblem(tr("The link stays in the history: %1").arg(error.userMessage()));
    });
    connect(m_history, &History::problem, this, &LinkSession::historyProblem);
    connect(&m_settings, &Settings::changed, this, &LinkSession::onSettingChanged);

    // After the issuer's own connections: a renewed link is the session's issued() first.
    m_rotation = new Rotation(*m_issuer, this);
    connect(m_rotation, &Rotation::renewFailed, this, [this](const ApiError& error) {
        m_renewalError = error;
        Q_EMIT renewalChanged();
    });
    connect(m_rotation, &Rotation::expired, this, [this](const ApiError& error) {
        m_renewalError = error;
        Q_EMIT renewalExpired(error);
        Q_EMIT renewalChanged();
    });
    connect(m_rotation, &Rotation::scheduleChanged, this, [this] {
        // A renewal starting or ending holds or frees Generate.
        Q_EMIT stateChanged();
        Q_EMIT renewalChanged();
    });
    connect(m_rotation, &Rotation::finished, this, &LinkSession::renewalChanged);
}

LinkSession::~LinkSession()
{
    // Before the issuer goes (it is destroyed before the rotation, its younger sibling).
    m_rotation->stop();
    cancel();
}

void LinkSession::setApiUrlOverride(const QUrl& url)
{
    m_apiUrlOverride = url;
    m_client.setApiUrl(url);
}

History& LinkSession::history() const
{
    return m_demoHistory ? *m_demoHistory : *m_history;
}

QString LinkSession::profileLabel() const
{
    return isDemo() ? tr("Demo") : m_settings.profile();
}

bool LinkSession::isReadingKey() const
{
    return m_connection->isReadingKey();
}

bool LinkSession::isConfiguring() const
{
    return m_connection->isConfiguring();
}

bool LinkSession::isBusy() const
{
    return m_issuer->isBusy();
}

bool LinkSession::isHeld() const
{
    return m_hold->isActive();
}

bool LinkSession::canGenerate() const
{
    // With the stored key not read yet, Generate reads it first.
    const bool haveKey = m_client.hasApiKey() || m_keySource == KeySource::Keychain;
    return haveKey && !isBusy() && !isReadingKey() && !isConfiguring() && !isHeld() && !m_storingKey;
}

void LinkSession::start()
{
    // The demo keeps its links in memory; the operator's history is left alone.
    if (!isDemo()) {
        // Rows only until a link is opened: the window may never need the boxes.
        m_history->load(History::Keep::RowsUntilKey);
        // Links that `faultshare generate` (or another window) adds show at once.
        m_history->watch();
    }
    purgeHistory();
    m_started = true;
    configure();
    if (m_keySource != KeySource::None) {
        Q_EMIT keyReady();
        startPendingRenewal();
        return;
    }
    useStoredKey();
    startPendingRenewal();
}

void LinkSession::useStoredKey()
{
    // What the keychain last said of this profile's key decides; the key itself is read
    // at the first Generate. Asking the keychain loads its client libraries (on Linux
    // libsecret, GIO, libgcrypt) and may prompt, so it waits until the key is needed.
    const std::optional<bool> stored = m_settings.keyStored();
    if (!stored) {
        readKey();
    } else if (*stored) {
        setKeySource(KeySource::Keychain);
        Q_EMIT keyReady();
    } else {
        Q_EMIT keyNeeded({}, false);
    }
}

void LinkSession::useSessionKey(const QString& key)
{
    m_client.setApiKey(key);
    if (m_keySource != KeySource::Demo)
        setKeySource(KeySource::Session);
    qCInfo(lcApi) << "using the API key from the environment for this session";
    Q_EMIT keyReady();
}

void LinkSession::useDemo(const QUrl& apiUrl, const QString& key)
{
    stopRenewing();
    // The demo server is on this computer: nothing of the profile applies to it.
    m_connection->abandon();
    m_client.setApiUrl(apiUrl);
    m_client.setApiKey(key);
    ProxySettings direct;
    direct.mode = ProxySettings::Mode::None;
    m_client.setProxy(direct);
    if (!m_demoHistory)
        m_demoHistory = new History(this);
    m_issuer->setHistory(m_demoHistory);
    setKeySource(KeySource::Demo);
    qCInfo(lcApi) << "demo mode on" << apiUrl.toString();
    Q_EMIT keyReady();
}

void LinkSession::setKeySource(KeySource source)
{
    m_keySource = source;
    Q_EMIT stateChanged();
}

void LinkSession::configure()
{
    if (isDemo())
        return;
    ProfileConnection::Profile profile = ProfileConnection::profileOf(m_settings);
    if (m_apiUrlOverride)
        profile.apiUrl = *m_apiUrlOverride;
    m_connection->configure(profile);
    Q_EMIT stateChanged();
}

void LinkSession::onSettingChanged(Settings::Key key)
{
    // Before start() the settings are read as they are then.
    if (isDemo() || !m_started)
        return;
    switch (key) {
    case Settings::Key::Profile:
        stopRenewing();
        cancel();
        m_settings.setLastProfile(m_settings.profile());
        qCInfo(lcApi) << "profile switched to" << m_settings.profile();
        m_apiUrlOverride.reset();
        m_client.setApiKey({});
        m_pendingLabel.reset();
        configure();
        setKeySource(KeySource::None);
        useStoredKey();
        return;
    case Settings::Key::ApiUrl:
        m_apiUrlOverride.reset();
        // A stored key goes only where it was stored for: dropped from memory, it is read
        // again at the next Generate, which asks before sending it elsewhere.
        if (m_keySource == KeySource::Keychain && !Origin::same(m_settings.apiUrl(), m_client.apiUrl())) {
            m_client.setApiKey({});
            // Renewing would only fail without the key: the operator confirms it first.
            stopRenewing();
        }
        configure();
        return;
    case Settings::Key::CaFile:
    case Settings::Key::Proxy:
        configure();
        return;
    case Settings::Key::HistoryPurgeDays:
        purgeHistory();
        return;
    default:
        return;
    }
}

void LinkSession::readKey()
{
    m_connection->readKey();
    Q_EMIT stateChanged();
}

void LinkSession::onKeyFound(const QString& key)
{
    if (m_keySource == KeySource::Session || m_keySource == KeySource::Demo) {
        Q_EMIT stateChanged();
        return;
    }
    m_client.setApiKey(key);
    setKeySource(KeySource::Keychain);
    Q_EMIT keyReady();
    if (m_pendingLabel)
        issue();
    startPendingRenewal();
}

void LinkSession::storeKey(const QString& key)
{
    if (m_storingKey)
        return;
    m_storingKey = true;
    const QString profile = m_settings.profile();
    KeychainJob* job = m_keychain.write(CredentialStore::apiKeyEntry(profile), key, Origin::of(m_client.apiUrl()), this);
    connect(job, &KeychainJob::succeeded, this, [this, key, profile] {
        m_storingKey = false;
        Settings(m_settings.store(), profile).setKeyStored(true);
        if (profile != m_settings.profile()) {
            Q_EMIT stateChanged();
            return;
        }
        m_client.setApiKey(key);
        setKeySource(KeySource::Keychain);
        Q_EMIT keyReady();
        Q_EMIT keyStored();
    });
    connect(job, &KeychainJob::failed, this, [this](const ApiError& error) {
        m_storingKey = false;
        Q_EMIT keyStoreFailed(error);
        Q_EMIT stateChanged();
    });
    Q_EMIT stateChanged();
}

void LinkSession::confirmKey(const QString& key, bool use)
{
    const QString current = Origin::of(m_client.apiUrl());
    if (use) {
        m_keychain.write(CredentialStore::apiKeyEntry(m_settings.profile()), key, current, this);
        onKeyFound(key);
        return;
    }
    m_pendingLabel.reset();
    dropPendingRenewal();
    setKeySource(KeySource::None);
    Q_EMIT keyNeeded(tr("Enter the API key or token for %1.").arg(Origin::hostText(current)), false);
}

void LinkSession::switchProfile(const QString& profile)
{
    if (profile == m_settings.profile() || isDemo() || m_keySource == KeySource::Session
        || !Profiles(m_settings.store()).contains(profile))
        return;
    m_settings.setProfile(profile); // onSettingChanged(Profile) does the rest
}

void LinkSession::generate(const QString& label)
{
    if (!canGenerate())
        return;
    m_pendingLabel = label;
    if (!m_client.hasApiKey()) {
        // The stored key is read now; the link is issued with its answer.
        readKey();
        return;
    }
    issue();
}

void LinkSession::issue()
{
    const QString label = m_pendingLabel.value_or(QString());
    m_pendingLabel.reset();
    const std::optional<int> minutes = m_minutes ? m_minutes() : std::nullopt;
    if (!minutes || isBusy()) {
        Q_EMIT stateChanged();
        return;
    }
    purgeHistory();
    if (m_rotation->isRunning())
        m_replanMinutes = *minutes;
    m_issuer->issue(*minutes, label, profileLabel());
    Q_EMIT stateChanged();
}

void LinkSession::cancel()
{
    m_issuer->cancel();
}

void LinkSession::keyReplaced(const QString& key)
{
    if (m_keySource != KeySource::None && m_keySource != KeySource::Keychain)
        return;
    m_client.setApiKey(key);
    setKeySource(KeySource::Keychain);
    Q_EMIT keyReady();
}

void LinkSession::keyForgotten()
{
    if (m_keySource != KeySource::Keychain)
        return;
    // The window was using the key that is gone.
    stopRenewing();
    m_client.setApiKey({});
    setKeySource(KeySource::None);
    Q_EMIT keyNeeded({}, false);
}

void LinkSession::reconnect()
{
    configure();
}

void LinkSession::purgeHistory()
{
    history().purge(QDateTime::currentDateTimeUtc(), m_settings.historyPurgeDays());
}

void LinkSession::preparePreview(const EmbedToken& token, const QString& profile, QObject* context, PreviewReady ready,
                                 std::function<void(const QString&)> refused)
{
    // A link goes back only to the API that issued it (kept with the token; links kept
    // before that was noted belong to their profile's API).
    const Profiles profiles(m_settings.store());
    const QString rowProfile = profile.isEmpty() || isDemo() ? m_settings.profile() : profile;
    const auto urlOf = [this](const QString& name) { return Settings(m_settings.store(), name).apiUrl(); };
    const QUrl issuerUrl = !token.apiUrl().isEmpty()   ? token.apiUrl()
        : profiles.contains(rowProfile) && !isDemo() ? urlOf(rowProfile)
                                                     : m_client.apiUrl();
    if (Origin::same(issuerUrl, m_client.apiUrl()) && (m_client.hasApiKey() || isDemo())) {
        ready(m_client, nullptr, {});
        return;
    }
    // The profile that reaches that API: the row's own, else any other that does.
    QString issuer;
    if (profiles.contains(rowProfile) && Origin::same(urlOf(rowProfile), issuerUrl))
        issuer = rowProfile;
    for (const QString& name : profiles.names()) {
        if (issuer.isEmpty() && Origin::same(urlOf(name), issuerUrl))
            issuer = name;
    }
    if (issuer.isEmpty()) {
        const QString why = tr("No profile uses %1, the API that made this link; add a profile for it to preview the link.")
                                .arg(Origin::hostText(Origin::of(issuerUrl)));
        refused(why);
        return;
    }
    ProfileConnection::Profile other = ProfileConnection::profileOf(Settings(m_settings.store(), issuer));
    other.apiUrl = issuerUrl;
    auto* own = new ApiClient(context);
    auto* connection = new ProfileConnection(m_keychain, *own, own);
    auto warning = std::make_shared<QString>();
    const auto done = [own, connection, ready, warning] {
        connection->deleteLater();
        ready(*own, own, *warning);
    };
    connect(connection, &ProfileConnection::configured, own, [connection, warning](const QList<ApiError>& problems) {
        if (!problems.isEmpty())
            *warning = problems.first().userMessage();
        connection->readKey();
    });
    connect(connection, &ProfileConnection::keyFound, own, [own, done](const QString& key) {
        if (ApiClient::checkApiKey(key).isEmpty())
            own->setApiKey(key);
        done();
    });
    connect(connection, &ProfileConnection::keyBoundElsewhere, own, done);
    connect(connection, &ProfileConnection::keyMissing, own, done);
    connect(connection, &ProfileConnection::keyFailed, own, [done, warning](const ApiError& error) {
        *warning = error.userMessage();
        done();
    });
    connection->configure(other);
}

Rotation::Plan LinkSession::renewalPlan(std::chrono::seconds renewBefore, int minutes, const QString& label) const
{
    Rotation::Plan plan;
    plan.minutes = minutes;
    plan.renewBefore = renewBefore;
    plan.label = label;
    plan.profile = profileLabel();
    return plan;
}

QString LinkSession::startRenewing(std::chrono::seconds renewBefore, const QString& label,
                                   const std::optional<EmbedToken>& current)
{
    const std::optional<int> minutes = m_minutes ? m_minutes() : std::nullopt;
    if (!minutes)
        return tr("Choose how long each link is valid first.");
    const Rotation::Plan plan = renewalPlan(renewBefore, *minutes, label);
    const QString problem = Rotation::checkPlan(plan);
    if (!problem.isEmpty())
        return problem;
    m_rotation->stop();
    m_renewalError.reset();
    m_pendingRenewal = PendingRenewal{plan, current};
    qCInfo(lcApi) << "keep renewing on";
    startPendingRenewal();
    Q_EMIT renewalChanged();
    return {};
}

void LinkSession::startPendingRenewal()
{
    if (!m_pendingRenewal || !m_started)
        return;
    if (!m_client.hasApiKey()) {
        // The stored key first (a prompt may come); its answer comes back here.
        if (!isReadingKey() && !isConfiguring())
            readKey();
        return;
    }
    if (isReadingKey() || isConfiguring())
        return; // configured() or the key's answer comes back here
    const PendingRenewal pending = *m_pendingRenewal;
    m_pendingRenewal.reset();
    purgeHistory();
    m_rotation->start(pending.plan, pending.current);
    Q_EMIT renewalChanged();
    Q_EMIT stateChanged();
}

void LinkSession::dropPendingRenewal()
{
    if (!m_pendingRenewal)
        return;
    m_pendingRenewal.reset();
    qCInfo(lcApi) << "keep renewing off: no key to renew with";
    Q_EMIT renewalChanged();
}

void LinkSession::stopRenewing()
{
    if (!isRenewing())
        return;
    m_pendingRenewal.reset();
    m_renewalError.reset();
    m_replanMinutes.reset();
    m_rotation->stop();
    Q_EMIT renewalChanged();
    Q_EMIT stateChanged();
}

bool LinkSession::isRenewing() const
{
    return m_pendingRenewal || m_rotation->isRunning();
}

bool LinkSession::isRenewalInFlight() const
{
    return m_rotation->isMinting() && !m_replanMinutes;
}

QString LinkSession::renewalText() const
{
    if (m_pendingRenewal)
        return m_pendingRenewal->current ? tr("Starting to renew…") : tr("Making a link…");
    if (!m_rotation->isRunning())
        return {};
    const bool live = m_rotation->current().has_value();
    if (m_rotation->isMinting())
        return live ? tr("Renewing…") : tr("Making a link…");
    const QString at = Countdown::clockText(m_rotation->nextRenewal());
    if (m_renewalError)
        return live ? tr("Renewal failed; trying again at %1").arg(at) : tr("No link yet; trying again at %1").arg(at);
    return tr("Renews at %1").arg(at);
}

} // namespace faultshare
