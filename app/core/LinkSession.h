#pragma once

#include "ApiError.h"
#include "EmbedToken.h"
#include "Rotation.h"
#include "Settings.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace faultshare {

class ApiClient;
class CredentialStore;
class History;
class LinkIssuer;
class ProfileConnection;

// The window's state of work, without a widget: where the key comes from and whether it
// is ready, the profile's connection, the link being issued and the hold a 429 imposes.
// It alone configures the ApiClient: it follows the profile's settings (Settings::changed)
// and the keychain, so dialogs only edit settings. The window shows what it says and
// forwards what the operator does.
class LinkSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkSession)

public:
    enum class KeySource {
        None,     // no key known: the key page
        Keychain, // the profile's stored key (in the client once read)
        Session,  // FAULTSHARE_API_KEY, this session only
        Demo,     // the demo server's
    };
    Q_ENUM(KeySource)

    // The minutes the next link is valid for, asked when it is issued (an "until" time
    // counts from then); nullopt when the form holds none.
    using MinutesSource = std::function<std::optional<int>()>;

    // client, keychain and settings outlive the session. The history is the persistent
    // one (settings file + keychain).
    LinkSession(ApiClient& client, const CredentialStore& keychain, Settings& settings, QObject* parent = nullptr);
    ~LinkSession() override;

    void setMinutesSource(MinutesSource source) { m_minutes = std::move(source); }
    // --api-url: used instead of the profile's URL until the profile or its URL changes.
    void setApiUrlOverride(const QUrl& url);

    // After the first frame: the history is read and purged, the connection configured,
    // and the key page asked for or not, as the keychain last said (Settings::keyStored).
    void start();
    bool isStarted() const { return m_started; }
    void useSessionKey(const QString& key);
    void useDemo(const QUrl& apiUrl, const QString& key);

    KeySource keySource() const { return m_keySource; }
    bool isDemo() const { return m_keySource == KeySource::Demo; }
    // The history links go into: the persistent one, or in demo mode one in memory.
    History& history() const;
    // The profile links are issued for ("Demo" in demo mode).
    QString profileLabel() const;

    bool isReadingKey() const;
    bool isConfiguring() const;
    bool isBusy() const;
    bool isHeld() const;
    // A link can be asked for now (the stored key is read first when needed).
    bool canGenerate() const;

    // The operator's actions.
    // A link of the form's lifetime now. While renewing, the renewal goes on from it (with
    // the form's lifetime and label from then on).
    void generate(const QString& label);
    void cancel();
    void readKey();
    void storeKey(const QString& key);
    bool isStoringKey() const { return m_storingKey; }
    // The answer to keyConfirmationNeeded: send key to the API the profile points to now,
    // or not (the key page asks for another).
    void confirmKey(const QString& key, bool use);
    void switchProfile(const QString& profile);
    // What the Settings dialog did to the keychain: a new key, a forgotten key.
    void keyReplaced(const QString& key);
    void keyForgotten();
    // The connection is configured again from the settings and the keychain: after the
    // Settings dialog's OK, since a CA file may have been replaced in place and a proxy
    // password written. Changed settings do this by themselves.
    void reconnect();

    // A client to preview token with (GET /fault/token/{token}), which goes back only to the
    // API that issued it: the session's own when that is the API and it has a key, else
    // one of its own configured from a profile that uses that API (the row's profile
    // first): its CA file, proxy and key (none stored, or stored for another API: the API
    // is asked without). ready(client, own, warning) then gets own (the new client, for
    // the receiver to keep; null for the session's) and a sentence for what of that
    // profile could not be used; refused(why) when no profile uses that API. The
    // session's own client and a refusal are answered at once; another profile's client
    // once the keychain has answered, unless context is gone by then.
    using PreviewReady = std::function<void(ApiClient& client, ApiClient* own, const QString& warning)>;
    void preparePreview(const EmbedToken& token, const QString& profile, QObject* context, PreviewReady ready,
                        std::function<void(const QString& why)> refused);

    // "Keep renewing": the session's one Rotation over its issuer, so renewed links reach
    // the window as issued() like any other, are kept in the history with label and a
    // RotationMark, and hold Generate while they are made. Links of the form's lifetime
    // are made renewBefore before the end of the one before. current (the live link on
    // screen) is kept and renewed renewBefore before its end; without one a link is made
    // at once. The stored key is read first when it is not in memory, and the profile's
    // connection is configured first. Returns why it cannot start (no lifetime in the
    // form, Rotation::checkPlan), empty when it started or waits for the key.
    QString startRenewing(std::chrono::seconds renewBefore, const QString& label,
                          const std::optional<EmbedToken>& current = std::nullopt);
    // Stops at once (a renewal in flight is cancelled); the link shown stays. A profile
    // switch, a forgotten key, demo mode and the session's end do it too.
    void stopRenewing();
    // Renewing, or waiting for the key or the connection to start.
    bool isRenewing() const;
    // A renewal (not the operator's Generate) is being made.
    bool isRenewalInFlight() const;
    Rotation& rotation() const { return *m_rotation; }
    // What renewing does next, one short line for beside the countdown: "Renews at
    // 14:05:10", "Renewing…", "Renewal failed; trying again at 14:05:15"; empty when not
    // renewing.
    QString renewalText() const;
    // Why the last renewal failed, while no link has been made since (the sentence stays
    // on screen with renewalText()).
    std::optional<ApiError> renewalProblem() const { return m_renewalError; }

Q_SIGNALS:
    // Any of the is...() and canGenerate() may have changed.
    void stateChanged();
    // No key to work with: the key page, saying why (empty: the first run), with a retry
    // when the keychain failed.
    void keyNeeded(const QString& why, bool canRetry);
    // A key is at hand (or known to be stored): the main page.
    void keyReady();
    void keyStored();
    void keyStoreFailed(const ApiError& error);
    // The stored key was bound to storedFor and the profile points to current now.
    void keyConfirmationNeeded(const QString& key, const QString& storedFor, const QString& current);
    // What of the profile's connection cannot be used, each as one sentence (empty: all fine).
    void connectionProblems(const QStringList& problems);
    void issued(const EmbedToken& token, const QString& label, const QString& historyId);
    // The link was not issued (Cancelled too). A 429 with Retry-After holds Generate for
    // holdFor (zero otherwise); stateChanged() follows when the hold ends.
    void failed(const ApiError& error, std::chrono::seconds holdFor);
    // History maintenance the operator should hear of.
    void historyProblem(const QString& message);
    // isRenewing(), renewalText() or renewalProblem() may have changed.
    void renewalChanged();
    // The link on screen expired while renewing and no successor could be made (error:
    // why); the retries go on.
    void renewalExpired(const ApiError& error);

private:
    void setKeySource(KeySource source);
    void configure();
    // The key page or not, as the keychain last said (Settings::keyStored).
    void useStoredKey();
    void onSettingChanged(Settings::Key key);
    void onKeyFound(const QString& key);
    void issue();
    void purgeHistory();
    Rotation::Plan renewalPlan(std::chrono::seconds renewBefore, int minutes, const QString& label) const;
    // Starts the rotation waiting in m_pendingRenewal once the key and connection are ready.
    void startPendingRenewal();
    // The key could not be had: renewing that waited for it does not start.
    void dropPendingRenewal();

    ApiClient& m_client;
    const CredentialStore& m_keychain;
    Settings& m_settings;
    ProfileConnection* m_connection;
    LinkIssuer* m_issuer;
    History* m_history;
    History* m_demoHistory = nullptr;
    QTimer* m_hold;
    MinutesSource m_minutes;
    std::optional<QUrl> m_apiUrlOverride;
    KeySource m_keySource = KeySource::None;
    std::optional<QString> m_pendingLabel; // Generate waits for the stored key
    Rotation* m_rotation;
    struct PendingRenewal
    {
        Rotation::Plan plan;
        std::optional<EmbedToken> current;
    };
    std::optional<PendingRenewal> m_pendingRenewal; // renewing waits for the key
    // The lifetime of the operator's Generate while renewing: the plan follows the form.
    std::optional<int> m_replanMinutes;
    std::optional<ApiError> m_renewalError;
    bool m_storingKey = false;
    bool m_started = false;
};

} // namespace faultshare
