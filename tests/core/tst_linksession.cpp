// The application layer without a widget: ProfileConnection, LinkIssuer and LinkSession
// against the real demo API on loopback and the real Secret Service (run inside
// scripts/with-test-keyring), as the window and the commands use them.
#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "History.h"
#include "KeychainOutcome.h"
#include "LinkIssuer.h"
#include "LinkSession.h"
#include "Origin.h"
#include "ProfileConnection.h"
#include "Settings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int TimeoutMs = 30000;

} // namespace

class LinkSessionTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<ApiError>();
        qRegisterMetaType<EmbedToken>();
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<Settings>(*m_store);
        m_keys = std::make_unique<CredentialStore>(u"FaultShare-tst_linksession-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8));
        m_demo = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        QVERIFY(m_demo->listen());
        m_settings->setApiUrl(m_demo->url());
        m_client = std::make_unique<ApiClient>();
    }

    void cleanup()
    {
        for (const QString& entry : {CredentialStore::apiKeyEntry(Settings::defaultProfile()),
                                     CredentialStore::proxyEntry(Settings::defaultProfile())})
            TestSupport::removeSecret(*m_keys, entry, TimeoutMs);
        m_client.reset();
        m_demo.reset();
        m_keys.reset();
        m_settings.reset();
        m_store.reset();
        m_dir.reset();
    }

    // ProfileConnection: the profile's URL, a stored key bound to it, no problem.
    void connection_configuresAndFindsBoundKey()
    {
        QCOMPARE(TestSupport::writeSecret(*m_keys, CredentialStore::apiKeyEntry(u"default"_s), m_demo->apiKey(),
                                          Origin::of(m_demo->url())).signal, u"written"_s);
        ProfileConnection connection(*m_keys, *m_client);
        QSignalSpy configured(&connection, &ProfileConnection::configured);
        QSignalSpy found(&connection, &ProfileConnection::keyFound);
        connection.configure(ProfileConnection::profileOf(*m_settings));
        QCOMPARE(configured.size(), 0); // never inside configure()
        QTRY_COMPARE(configured.size(), 1);
        QVERIFY(configured.first().first().value<QList<ApiError>>().isEmpty());
        QCOMPARE(m_client->apiUrl(), m_demo->url());
        connection.readKey();
        QVERIFY(connection.isReadingKey());
        QTRY_COMPARE_WITH_TIMEOUT(found.size(), 1, TimeoutMs);
        QCOMPARE(found.first().first().toString(), m_demo->apiKey());
        QVERIFY(!connection.isReadingKey());
    }

    // A key stored for another API is not handed over; the caller decides.
    void connection_keyBoundElsewhere_isNotFound()
    {
        QCOMPARE(TestSupport::writeSecret(*m_keys, CredentialStore::apiKeyEntry(u"default"_s), m_demo->apiKey(),
                                          u"https://elsewhere.example.test:443"_s).signal, u"written"_s);
        ProfileConnection connection(*m_keys, *m_client);
        QSignalSpy found(&connection, &ProfileConnection::keyFound);
        QSignalSpy elsewhere(&connection, &ProfileConnection::keyBoundElsewhere);
        connection.configure(ProfileConnection::profileOf(*m_settings));
        connection.readKey();
        QTRY_COMPARE_WITH_TIMEOUT(elsewhere.size(), 1, TimeoutMs);
        QCOMPARE(elsewhere.first().at(1).toString(), u"https://elsewhere.example.test:443"_s);
        QCOMPARE(found.size(), 0);
        QVERIFY(!m_client->hasApiKey());
    }

    // A CA file that cannot be used is a problem, with one whole sentence naming it, and
    // the client trusts the system's certificates only (never a previous profile's).
    void connection_unusableCaFile_isAProblemInOneSentence()
    {
        const QString path = m_dir->filePath(u"a-folder-with-a-rather-long-name-for-company-certificates/"
                                             "and-another-one-below-it/company-root-certificate-authority.pem"_s);
        m_settings->setCaFile(path);
        ProfileConnection connection(*m_keys, *m_client);
        QSignalSpy configured(&connection, &ProfileConnection::configured);
        connection.configure(ProfileConnection::profileOf(*m_settings));
        QTRY_COMPARE(configured.size(), 1);
        const auto problems = configured.first().first().value<QList<ApiError>>();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().exitCode(), 2);
        const QString message = problems.first().userMessage();
        QVERIFY2(message.contains(path), qPrintable(message)); // whole, however long
        QVERIFY2(message.endsWith(u'.') && !message.chopped(1).contains(u". "_s), qPrintable(message));
    }

    // A proxy password stored for another proxy is not sent, and that is a problem.
    void connection_proxyPasswordBoundElsewhere_isNotSent()
    {
        ProxySettings proxy;
        proxy.mode = ProxySettings::Mode::Http;
        proxy.host = u"proxy.example.test"_s;
        proxy.port = 3128;
        proxy.user = u"noc"_s;
        m_settings->setProxy(proxy);
        QCOMPARE(TestSupport::writeSecret(*m_keys, CredentialStore::proxyEntry(u"default"_s), u"s3cret"_s,
                                          u"http://old-proxy.example.test:3128"_s).signal, u"written"_s);
        ProfileConnection connection(*m_keys, *m_client);
        QSignalSpy configured(&connection, &ProfileConnection::configured);
        connection.configure(ProfileConnection::profileOf(*m_settings));
        QVERIFY(connection.isConfiguring());
        QTRY_COMPARE_WITH_TIMEOUT(configured.size(), 1, TimeoutMs);
        const auto problems = configured.first().first().value<QList<ApiError>>();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().kind(), ApiError::Kind::SecretElsewhere);
        QCOMPARE(problems.first().exitCode(), 3);
        QVERIFY(!problems.first().userMessage().contains(u"s3cret"_s));
    }

    // LinkIssuer: the link is in the history before anyone hears of it.
    void issuer_keepsEveryLinkInTheHistory()
    {
        m_client->setApiUrl(m_demo->url());
        m_client->setApiKey(m_demo->apiKey());
        History history;
        LinkIssuer issuer(*m_client, &history);
        QSignalSpy issued(&issuer, &LinkIssuer::issued);
        issuer.issue(15, u"NOC wall 2"_s, u"default"_s);
        QVERIFY(issuer.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        const QString id = issued.first().at(2).toString();
        QCOMPARE(history.indexOf(id), 0);
        QCOMPARE(history.entries().first().label, u"NOC wall 2"_s);
        QCOMPARE(issued.first().at(0).value<EmbedToken>().expiresInMinutes(), 15);
        QCOMPARE(m_demo->tokenRequestCount(), 1);
    }

    // Cancel: failed(Cancelled) at once, and nothing of the request after.
    void issuer_cancel_endsAtOnce_andNothingFollows()
    {
        m_client->setApiUrl(m_demo->url());
        m_client->setApiKey(m_demo->apiKey());
        History history;
        LinkIssuer issuer(*m_client, &history);
        QSignalSpy issued(&issuer, &LinkIssuer::issued);
        QSignalSpy failed(&issuer, &LinkIssuer::failed);
        issuer.issue(15, {}, u"default"_s);
        issuer.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
        QVERIFY(!issuer.isBusy());
        // A second link goes through; the cancelled one never shows up.
        issuer.issue(20, {}, u"default"_s);
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        QCOMPARE(issued.first().first().value<EmbedToken>().expiresInMinutes(), 20);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(history.entries().size(), 1);
    }

    // LinkSession: the stored key is read at the first Generate, and the link issued with it.
    void session_readsStoredKeyAtFirstGenerate_andIssues()
    {
        QCOMPARE(TestSupport::writeSecret(*m_keys, CredentialStore::apiKeyEntry(u"default"_s), m_demo->apiKey(),
                                          Origin::of(m_demo->url())).signal, u"written"_s);
        m_settings->setKeyStored(true);
        LinkSession session(*m_client, *m_keys, *m_settings);
        session.setMinutesSource([] { return std::optional<int>(30); });
        QSignalSpy ready(&session, &LinkSession::keyReady);
        QSignalSpy issued(&session, &LinkSession::issued);
        const TestSupport::KeychainJobLog jobs;
        session.start();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(session.keySource(), LinkSession::KeySource::Keychain);
        QCOMPARE(jobs.count(CredentialStore::apiKeyEntry(u"default"_s)), 0); // not before it is needed
        QTRY_VERIFY(session.canGenerate());
        session.generate(u"wall"_s);
        QVERIFY(session.isReadingKey());
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        QCOMPARE(jobs.count(CredentialStore::apiKeyEntry(u"default"_s)), 1);
        QCOMPARE(issued.first().at(1).toString(), u"wall"_s);
        QCOMPARE(session.history().indexOf(issued.first().at(2).toString()), 0);
        QCOMPARE(m_demo->tokenRequestCount(), 1);
    }

    // No key stored: the key page, and storing one binds it to the profile's API.
    void session_noKey_asksForOne_andStoresItBound()
    {
        LinkSession session(*m_client, *m_keys, *m_settings);
        session.setMinutesSource([] { return std::optional<int>(30); });
        QSignalSpy needed(&session, &LinkSession::keyNeeded);
        QSignalSpy stored(&session, &LinkSession::keyStored);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(needed.size(), 1, TimeoutMs);
        QVERIFY(!session.canGenerate());
        QCOMPARE(m_settings->keyStored(), std::optional<bool>(false));

        session.storeKey(m_demo->apiKey());
        QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, TimeoutMs);
        QVERIFY(session.canGenerate());
        const TestSupport::KeychainOutcome outcome = TestSupport::readSecret(*m_keys, CredentialStore::apiKeyEntry(u"default"_s));
        QCOMPARE(outcome.secret, m_demo->apiKey());
        QCOMPARE(outcome.origin, Origin::of(m_demo->url()));
        QCOMPARE(m_settings->keyStored(), std::optional<bool>(true));
    }

    // The profile's API changes in the settings: the key in use is dropped from memory, and
    // the next Generate asks before sending it there; nothing reaches the new API unasked.
    void session_apiUrlChanged_asksBeforeSendingTheKeyThere()
    {
        QCOMPARE(TestSupport::writeSecret(*m_keys, CredentialStore::apiKeyEntry(u"default"_s), m_demo->apiKey(),
                                          Origin::of(m_demo->url())).signal, u"written"_s);
        LinkSession session(*m_client, *m_keys, *m_settings);
        session.setMinutesSource([] { return std::optional<int>(30); });
        QSignalSpy ready(&session, &LinkSession::keyReady);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, TimeoutMs);
        QVERIFY(m_client->hasApiKey());

        DemoServer other(m_demo->apiKey());
        QVERIFY(other.listen());
        m_settings->setApiUrl(other.url());
        QCOMPARE(m_client->apiUrl(), other.url());
        QVERIFY(!m_client->hasApiKey());

        QSignalSpy confirm(&session, &LinkSession::keyConfirmationNeeded);
        QTRY_VERIFY(session.canGenerate());
        session.generate({});
        QTRY_COMPARE_WITH_TIMEOUT(confirm.size(), 1, TimeoutMs);
        QCOMPARE(confirm.first().at(1).toString(), Origin::of(m_demo->url()));
        QCOMPARE(confirm.first().at(2).toString(), Origin::of(other.url()));
        QCOMPARE(other.tokenRequestCount(), 0);

        QSignalSpy issued(&session, &LinkSession::issued);
        session.confirmKey(confirm.first().at(0).toString(), true);
        QTRY_VERIFY(session.canGenerate());
        session.generate({});
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        QCOMPARE(other.tokenRequestCount(), 1);
    }

    // A 429 with Retry-After holds Generate for that long, then lets it go again.
    void session_rateLimited_holdsForRetryAfter()
    {
        m_demo->setRateLimit(1);
        LinkSession session(*m_client, *m_keys, *m_settings);
        session.setMinutesSource([] { return std::optional<int>(30); });
        session.useSessionKey(m_demo->apiKey());
        session.start();
        QSignalSpy issued(&session, &LinkSession::issued);
        QSignalSpy failed(&session, &LinkSession::failed);
        QTRY_VERIFY(session.canGenerate());
        session.generate({});
        QTRY_COMPARE_WITH_TIMEOUT(issued.size(), 1, TimeoutMs);
        QTRY_VERIFY(session.canGenerate());
        session.generate({});
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, TimeoutMs);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::RateLimited);
        const auto hold = failed.first().at(1).value<std::chrono::seconds>();
        QVERIFY(hold.count() >= 1);
        QVERIFY(session.isHeld());
        QVERIFY(!session.canGenerate());
        session.generate({}); // held: nothing is sent
        QCOMPARE(m_demo->tokenRequestCount(), 2);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<CredentialStore> m_keys;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<ApiClient> m_client;
};

QTEST_GUILESS_MAIN(LinkSessionTest)
#include "tst_linksession.moc"
