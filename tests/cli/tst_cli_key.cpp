#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "KeychainOutcome.h"
#include "Origin.h"
#include "ScriptedServer.h"
#include "Settings.h"
#include "TestSupport.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

using TestSupport::CliRun;

// `faultshare key set|forget|status` and the binding of a stored key to the API it was
// stored for: the real binary in a child process with a HOME of its own, the demo API
// and a scripted peer on loopback, the real Secret Service of the test session.
class tst_CliKey final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    std::unique_ptr<QTemporaryDir> m_home;

    CliRun run(const QStringList& arguments, const QByteArray& input = {})
    {
        return TestSupport::runFaultshare(arguments, TestSupport::isolatedEnvironment(m_home->path()), input);
    }

    void setApiUrl(const QUrl& url)
    {
        QSettings file(TestSupport::childSettingsFile(m_home->path()), QSettings::IniFormat);
        Settings(file).setApiUrl(url);
    }

    static TestSupport::KeychainOutcome readEntry()
    {
        const CredentialStore store(u"FaultShare"_s);
        TestSupport::KeychainOutcome outcome = TestSupport::readSecret(store, CredentialStore::apiKeyEntry(u"default"_s));
        if (outcome.signal == u"read"_s)
            outcome.signal += u" for "_s + outcome.origin;
        return outcome;
    }

    void checkNoSecret(const CliRun& r)
    {
        const QByteArray secret = m_key.section(u':', 2).toUtf8();
        QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), "the key was printed");
        QCOMPARE(TestSupport::filesContaining(m_home->path(), secret), QStringList());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        setApiUrl(m_demo->url());
    }

    void cleanup()
    {
        CredentialStore store(u"FaultShare"_s);
        TestSupport::removeSecret(store, CredentialStore::apiKeyEntry(u"default"_s));
        m_home.reset();
    }

    void set_storesTheKeyBoundToTheProfilesApi()
    {
        CliRun r = run({u"key"_s, u"set"_s}, m_key.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains(Origin::hostText(Origin::of(m_demo->url())).toUtf8()), r.out.constData());
        QCOMPARE(readEntry().secret, m_key);
        QCOMPARE(readEntry().signal, u"read for "_s + Origin::of(m_demo->url()));
        checkNoSecret(r);

        r = run({u"key"_s, u"status"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("is stored for profile \"default\", for 127.0.0.1:"));
        checkNoSecret(r);

        // The stored key works.
        r = run({u"generate"_s, u"--format"_s, u"link"_s, u"--no-history"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // An imported file, a managed default or an edit points the profile elsewhere: the
    // stored key is not sent there; one sentence names the profile and both hosts.
    void changedApiUrl_keyIsNotSentThere_exit3()
    {
        QVERIFY(run({u"key"_s, u"set"_s}, m_key.toUtf8()).exitCode == 0);
        ScriptedServer elsewhere;
        QVERIFY(elsewhere.listen());
        elsewhere.setResponse(ScriptedServer::response(200, "{}"));
        setApiUrl(elsewhere.url());

        CliRun r = run({u"generate"_s, u"--format"_s, u"link"_s, u"--no-history"_s});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("profile \"default\"") && r.err.contains(Origin::hostText(Origin::of(m_demo->url())).toUtf8())
                     && r.err.contains(Origin::hostText(Origin::of(elsewhere.url())).toUtf8()),
                 r.err.constData());
        QVERIFY(elsewhere.requests().isEmpty());
        checkNoSecret(r);

        // --api-url elsewhere: the same.
        setApiUrl(m_demo->url());
        r = run({u"generate"_s, u"--api-url"_s, elsewhere.url().toString(), u"--no-history"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(elsewhere.requests().isEmpty());

        setApiUrl(elsewhere.url());
        r = run({u"key"_s, u"status"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains("now points to"), r.out.constData());
        // Stored again, it is bound to the new API.
        QVERIFY(run({u"key"_s, u"set"_s}, m_key.toUtf8()).exitCode == 0);
        QCOMPARE(readEntry().signal, u"read for "_s + Origin::of(elsewhere.url()));
    }

    // Stored by a FaultShare from before binding: still used, and status says so.
    void unboundKey_isUsed_andStatusSaysSo()
    {
        CredentialStore store(u"FaultShare"_s);
        QCOMPARE(TestSupport::writeSecret(store, CredentialStore::apiKeyEntry(u"default"_s), m_key).signal,
                 u"written"_s);
        QCOMPARE(readEntry().signal, u"read for "_s);
        CliRun r = run({u"key"_s, u"status"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("before keys were bound"), r.out.constData());
        r = run({u"generate"_s, u"--format"_s, u"link"_s, u"--no-history"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void forget_thenStatusSaysNone()
    {
        QVERIFY(run({u"key"_s, u"set"_s}, m_key.toUtf8()).exitCode == 0);
        CliRun r = run({u"key"_s, u"forget"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readEntry().signal, u"missing"_s);
        r = run({u"key"_s, u"status"_s});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.contains("No API key or token is stored"), r.out.constData());
    }

    void usageErrors_exit2_storeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("no action") << QStringList{u"key"_s} << QByteArray();
        QTest::newRow("unknown action") << QStringList{u"key"_s, u"show"_s} << QByteArray();
        QTest::newRow("key as an argument") << QStringList{u"key"_s, u"set"_s, u"a:b:c"_s} << QByteArray("a:b:c\n");
        QTest::newRow("empty stdin") << QStringList{u"key"_s, u"set"_s} << QByteArray();
        QTest::newRow("space inside") << QStringList{u"key"_s, u"set"_s} << QByteArray("a b\n");
        QTest::newRow("longer than 8 KiB") << QStringList{u"key"_s, u"set"_s} << QByteArray(8 * 1024 + 1, 'k');
        QTest::newRow("unknown profile") << QStringList{u"key"_s, u"set"_s, u"--profile"_s, u"nope"_s} << QByteArray("a:b:c\n");
    }

    void usageErrors_exit2_storeNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        const CliRun r = run(arguments, input);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(readEntry().signal, u"missing"_s);
    }
};

QTEST_GUILESS_MAIN(tst_CliKey)
#include "tst_cli_key.moc"
