// ProfileRemoval against the real Secret Service of the test session (run under
// scripts/with-test-keyring): the API key, the proxy password and the settings of the
// profile go, in that order, and nothing of another profile; "default", the profile in
// use and a profile that is not there are refused without touching anything; and when
// the keychain cannot be reached (a child process with a bus address where nothing
// listens: libsecret keeps its connection for the life of a process) the profile is kept.

#include "CredentialStore.h"
#include "KeychainJob.h"
#include "ProfileRemoval.h"
#include "Profiles.h"
#include "Settings.h"

#include <QPointer>
#include <QProcess>
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

// Real D-Bus round trips: generous, because a loaded CI machine can be slow.
constexpr int KeychainTimeoutMs = 30000;

constexpr auto ChildEnv = "FAULTSHARE_TST_PROFILEREMOVAL_CHILD";

// How a job ended: "succeeded", "missing", "failed"; empty when it did not in time.
QString outcome(KeychainJob* job, QString* secret = nullptr)
{
    QString signal;
    QObject::connect(job, &KeychainJob::succeeded, job, [&signal, secret](const QString& value) {
        signal = u"succeeded"_s;
        if (secret)
            *secret = value;
    });
    QObject::connect(job, &KeychainJob::missing, job, [&signal] { signal = u"missing"_s; });
    QObject::connect(job, &KeychainJob::failed, job, [&signal] { signal = u"failed"_s; });
    (void)QTest::qWaitFor([&signal] { return !signal.isEmpty(); }, KeychainTimeoutMs);
    return signal;
}

} // namespace

class tst_ProfileRemoval final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<CredentialStore> m_keys;
    QStringList m_written; // entries to clean up

    bool write(const QString& entry, const QString& secret)
    {
        m_written << entry;
        return outcome(m_keys->write(entry, secret, {}, this)) == u"succeeded"_s;
    }

    // The secret of entry, or "missing" / "failed".
    QString read(const QString& entry)
    {
        QString secret;
        const QString signal = outcome(m_keys->read(entry, this), &secret);
        return signal == u"succeeded"_s ? secret : signal;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_keys = std::make_unique<CredentialStore>(u"FaultShareTest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        Profiles profiles(*m_store);
        QVERIFY(profiles.add(u"lab"_s));
        QVERIFY(profiles.add(u"noc"_s));
    }

    void cleanup()
    {
        if (!qEnvironmentVariableIsSet(ChildEnv)) {
            for (const QString& entry : std::as_const(m_written))
                (void)outcome(m_keys->remove(entry, this));
        }
        m_written.clear();
        m_keys.reset();
        m_store.reset();
        m_dir.reset();
    }

    void remove_takesKeyProxyPasswordAndSettings_andNothingElse()
    {
        QVERIFY(write(CredentialStore::apiKeyEntry(u"lab"_s), u"lab-key"_s));
        QVERIFY(write(CredentialStore::proxyEntry(u"lab"_s), u"lab-proxy-password"_s));
        QVERIFY(write(CredentialStore::apiKeyEntry(u"noc"_s), u"noc-key"_s));
        Settings(*m_store, u"noc"_s).setDefaultMinutes(90);

        auto* removal = new ProfileRemoval(*m_store, *m_keys, u"lab"_s, this);
        QPointer<ProfileRemoval> alive(removal);
        QSignalSpy removed(removal, &ProfileRemoval::removed);
        QSignalSpy failed(removal, &ProfileRemoval::failed);
        QCOMPARE(removal->start(u"noc"_s), ProfileRemoval::Refusal::None);
        // Later, never from inside start().
        QCOMPARE(removed.size(), 0);
        QVERIFY(Profiles(*m_store).contains(u"lab"_s));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, KeychainTimeoutMs);
        QCOMPARE(failed.size(), 0);
        QTRY_VERIFY(alive.isNull()); // it deletes itself

        QVERIFY(!Profiles(*m_store).contains(u"lab"_s));
        QCOMPARE(read(CredentialStore::apiKeyEntry(u"lab"_s)), u"missing"_s);
        QCOMPARE(read(CredentialStore::proxyEntry(u"lab"_s)), u"missing"_s);
        QCOMPARE(read(CredentialStore::apiKeyEntry(u"noc"_s)), u"noc-key"_s);
        QCOMPARE(Settings(*m_store, u"noc"_s).defaultMinutes(), 90);
    }

    void remove_withoutSecrets_stillRemovesSettings()
    {
        auto* removal = new ProfileRemoval(*m_store, *m_keys, u"noc"_s, this);
        QSignalSpy removed(removal, &ProfileRemoval::removed);
        QCOMPARE(removal->start(Settings::defaultProfile()), ProfileRemoval::Refusal::None);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, KeychainTimeoutMs);
        QCOMPARE(Profiles(*m_store).names(), (QStringList{u"default"_s, u"lab"_s}));
    }

    void refused_touchesNothing_emitsNothing_andGoes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("inUse");
        QTest::addColumn<ProfileRemoval::Refusal>("refusal");
        QTest::newRow("default") << u"default"_s << u"lab"_s << ProfileRemoval::Refusal::Default;
        QTest::newRow("in use") << u"lab"_s << u"lab"_s << ProfileRemoval::Refusal::InUse;
        QTest::newRow("not there") << u"gone"_s << u"lab"_s << ProfileRemoval::Refusal::NoProfile;
    }

    void refused_touchesNothing_emitsNothing_andGoes()
    {
        QFETCH(QString, name);
        QFETCH(QString, inUse);
        QFETCH(ProfileRemoval::Refusal, refusal);
        QVERIFY(write(CredentialStore::apiKeyEntry(name), u"kept-key"_s));
        const QStringList before = Profiles(*m_store).names();

        QCOMPARE(ProfileRemoval::check(*m_store, name, inUse), refusal);
        auto* removal = new ProfileRemoval(*m_store, *m_keys, name, this);
        QPointer<ProfileRemoval> alive(removal);
        QSignalSpy removed(removal, &ProfileRemoval::removed);
        QSignalSpy failed(removal, &ProfileRemoval::failed);
        QCOMPARE(removal->start(inUse), refusal);
        QTRY_VERIFY(alive.isNull());
        QCOMPARE(removed.size() + failed.size(), 0);
        QCOMPARE(Profiles(*m_store).names(), before);
        QCOMPARE(read(CredentialStore::apiKeyEntry(name)), u"kept-key"_s);
    }

    void keychainFails_keepsProfile_andSaysWhy()
    {
        if (!qEnvironmentVariableIsSet(ChildEnv)) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QLatin1StringView(ChildEnv), u"1"_s);
            env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + m_dir->filePath(u"no-bus"_s));
            QProcess child;
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(),
                        {u"-maxwarnings"_s, u"0"_s, QString::fromLatin1(QTest::currentTestFunction())});
            QVERIFY(child.waitForStarted());
            const bool finished = child.waitForFinished(KeychainTimeoutMs * 3);
            if (!finished)
                child.kill();
            const QByteArray out = child.readAllStandardOutput();
            QVERIFY2(finished, "the child did not finish: the removal waits for the keychain forever?");
            QVERIFY2(child.exitCode() == 0, out.right(3000).constData());
            QVERIFY2(out.contains("PASS   : tst_ProfileRemoval::keychainFails_keepsProfile_andSaysWhy()"),
                     out.right(3000).constData());
            return;
        }
        auto* removal = new ProfileRemoval(*m_store, *m_keys, u"lab"_s, this);
        QPointer<ProfileRemoval> alive(removal);
        QSignalSpy removed(removal, &ProfileRemoval::removed);
        QSignalSpy failed(removal, &ProfileRemoval::failed);
        QCOMPARE(removal->start(u"noc"_s), ProfileRemoval::Refusal::None);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, KeychainTimeoutMs);
        QCOMPARE(removed.size(), 0);
        const auto error = failed.first().at(0).value<ApiError>();
        QCOMPARE(error.kind(), ApiError::Kind::Keychain);
        QVERIFY(!error.userMessage().isEmpty());
        QVERIFY(Profiles(*m_store).contains(u"lab"_s));
        QTRY_VERIFY(alive.isNull());
    }
};

QTEST_GUILESS_MAIN(tst_ProfileRemoval)
#include "tst_profileremoval.moc"
