// Each profile has its own key in the real keychain (the Secret Service of the test
// session, under the app's service name, which the CLI uses): `faultshare generate
// --profile A` sends A's key to A's server, B's to B's, and removing a profile the way
// the settings dialog does (its settings, then CredentialStore::remove of its entry)
// takes only its key.

#include "CliRunner.h"
#include "KeychainOutcome.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "Profiles.h"
#include "Settings.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;
using TestSupport::CliRun;

namespace {

constexpr int KeychainTimeoutMs = 30000;

// The one signal a keychain operation ended in, with the secret of a read.
using Outcome = TestSupport::KeychainOutcome;

} // namespace

class tst_ProfileKeys final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    CredentialStore m_keys{u"FaultShare"_s};
    // Names of this run only: the app's keychain service is shared with other tests.
    const QString m_suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString m_a = u"keys-a-"_s + m_suffix;
    const QString m_b = u"keys-b-"_s + m_suffix;
    std::unique_ptr<DemoServer> m_demoA;
    std::unique_ptr<DemoServer> m_demoB;

    CliRun run(const QStringList& arguments)
    {
        return TestSupport::runFaultshare(arguments, TestSupport::isolatedEnvironment(m_home.path()));
    }

    CliRun generate(const QString& profile)
    {
        return run({u"generate"_s, u"--profile"_s, profile, u"--format"_s, u"link"_s});
    }

    std::unique_ptr<QSettings> childSettings() const
    {
        return std::make_unique<QSettings>(TestSupport::childSettingsFile(m_home.path()), QSettings::IniFormat);
    }

    void setApiUrl(const QString& profile, const QUrl& url)
    {
        auto store = childSettings();
        Settings(*store, profile).setApiUrl(url);
    }

    Outcome write(const QString& entry, const QString& secret)
    {
        return TestSupport::writeSecret(m_keys, entry, secret, {}, KeychainTimeoutMs);
    }
    Outcome read(const QString& entry) { return TestSupport::readSecret(m_keys, entry, KeychainTimeoutMs); }
    Outcome remove(const QString& entry) { return TestSupport::removeSecret(m_keys, entry, KeychainTimeoutMs); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_demoA = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        m_demoB = std::make_unique<DemoServer>(DemoServer::generateApiKey());
        QVERIFY(m_demoA->listen());
        QVERIFY(m_demoB->listen());
        QVERIFY(m_demoA->apiKey() != m_demoB->apiKey());
        {
            auto store = childSettings();
            Profiles profiles(*store);
            QVERIFY(profiles.add(m_a));
            QVERIFY(profiles.add(m_b));
        }
        setApiUrl(m_a, m_demoA->url());
        setApiUrl(m_b, m_demoB->url());
        const QString keyA = m_demoA->apiKey();
        const QString keyB = m_demoB->apiKey();
        QCOMPARE(write(CredentialStore::apiKeyEntry(m_a), keyA).signal, u"written"_s);
        QCOMPARE(write(CredentialStore::apiKeyEntry(m_b), keyB).signal, u"written"_s);
    }

    void cleanupTestCase()
    {
        remove(CredentialStore::apiKeyEntry(m_a));
        remove(CredentialStore::apiKeyEntry(m_b));
    }

    void eachProfile_usesItsOwnKeyAndServer()
    {
        const int beforeA = m_demoA->tokenRequestCount();
        const int beforeB = m_demoB->tokenRequestCount();
        CliRun r = generate(m_a);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QUrl(QString::fromUtf8(r.out.trimmed())).port(), m_demoA->url().port());
        QCOMPARE(m_demoA->tokenRequestCount(), beforeA + 1);
        r = generate(m_b);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QUrl(QString::fromUtf8(r.out.trimmed())).port(), m_demoB->url().port());
        QCOMPARE(m_demoB->tokenRequestCount(), beforeB + 1);
    }

    void profileKey_isRejectedByTheOtherServer_exit3()
    {
        // A's settings pointed at B's server: A's key goes there, and B rejects it.
        setApiUrl(m_a, m_demoB->url());
        const int beforeB = m_demoB->tokenRequestCount();
        CliRun r = generate(m_a);
        setApiUrl(m_a, m_demoA->url());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("401"), r.err.constData());
        QCOMPARE(m_demoB->tokenRequestCount(), beforeB + 1);
        QVERIFY(!r.err.contains(m_demoA->apiKey().toUtf8()));

        // And B's key to A's server.
        setApiUrl(m_b, m_demoA->url());
        r = generate(m_b);
        setApiUrl(m_b, m_demoB->url());
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!r.err.contains(m_demoB->apiKey().toUtf8()));
    }

    void profilesCommands_neverShowKeys()
    {
        const QByteArray keyA = m_demoA->apiKey().toUtf8();
        const QByteArray keyB = m_demoB->apiKey().toUtf8();
        for (const QStringList& arguments : {QStringList{u"profiles"_s}, QStringList{u"profiles"_s, u"--format"_s, u"json"_s},
                                             QStringList{u"profiles"_s, u"export"_s}}) {
            const CliRun r = run(arguments);
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.out.contains(m_a.toUtf8()));
            for (const QByteArray& key : {keyA, keyB}) {
                QVERIFY(!r.out.contains(key));
                QVERIFY(!r.err.contains(key));
                QVERIFY(!r.out.contains(key.mid(key.lastIndexOf(':') + 1)));
            }
        }
        QCOMPARE(TestSupport::filesContaining(m_home.path(), keyA), QStringList());
        QCOMPARE(TestSupport::filesContaining(m_home.path(), keyB), QStringList());
    }

    // Last: removes profile A.
    void removingProfile_removesOnlyItsKey()
    {
        {
            auto store = childSettings();
            QVERIFY(Profiles(*store).remove(m_a));
        }
        QCOMPARE(remove(CredentialStore::apiKeyEntry(m_a)).signal, u"removed"_s);

        const Outcome a = read(CredentialStore::apiKeyEntry(m_a));
        QCOMPARE(a.signal, u"missing"_s);
        const Outcome b = read(CredentialStore::apiKeyEntry(m_b));
        QCOMPARE(b.signal, u"read"_s);
        QCOMPARE(b.secret, m_demoB->apiKey());

        const int beforeA = m_demoA->tokenRequestCount();
        CliRun r = generate(m_a);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(m_demoA->tokenRequestCount(), beforeA);
        r = generate(m_b);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QUrl(QString::fromUtf8(r.out.trimmed())).port(), m_demoB->url().port());
    }
};

QTEST_GUILESS_MAIN(tst_ProfileKeys)
#include "tst_profile_keys.moc"
