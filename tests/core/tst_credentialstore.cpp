#include "CredentialStore.h"
#include "TestSupport.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QLoggingCategory>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>
#include <vector>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

// Real D-Bus round trips: generous, because a loaded CI machine can be slow.
constexpr int kTimeoutMs = 30000;

// Set in the child process that noSecretService_failsWithKeychainError starts: the
// Secret Service cannot be reached there, so only that case runs, in its child role.
constexpr auto kChildEnv = "FAULTSHARE_TST_CREDENTIALSTORE_CHILD";
constexpr auto kChildKeyEnv = "FAULTSHARE_TST_CREDENTIALSTORE_KEY";

bool isChild()
{
    return qEnvironmentVariableIsSet(kChildEnv);
}

// A key nobody else would write, so finding it anywhere means it leaked from here.
QString distinctiveKey()
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    return u"tok"_s + id.left(8) + u":team"_s + id.mid(8, 8) + u":secret"_s + id.mid(16);
}

QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_messages << QString::fromUtf8(context.category) + u": "_s + message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// The one signal an operation ended in.
struct Outcome
{
    QString signal; // "secretRead", "secretMissing", "secretWritten", "secretRemoved", "failed"
    QString profile;
    QString key;
    CredentialStore::Operation operation = CredentialStore::Operation::Read;
    ApiError error;
};

} // namespace

class CredentialStoreTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readMissing_emitsKeyMissing();
    void write_thenRead_returnsSameKey_data();
    void write_thenRead_returnsSameKey();
    void replace_overwritesOldKey();
    void remove_thenRead_emitsKeyMissing();
    void removeMissing_emitsKeyRemoved();
    void profiles_areIsolated();
    void storedKey_isNotInPlainTextUnderHome();
    void noSecretService_failsWithKeychainError();

private:
    // Starts one operation and waits for the store's answer. Exactly one signal must
    // come back: none is a timeout, two would show in the event count.
    Outcome perform(const std::function<void()>& start);
    Outcome write(const QString& profile, const QString& key);
    void runWithoutSecretService();

    QString m_service;
    QString m_home;
    std::unique_ptr<CredentialStore> m_store;
    std::vector<Outcome> m_events;
    int m_started = 0;
    QStringList m_written;
};

void CredentialStoreTest::initTestCase()
{
    // Every level of our categories on, so the log is checked for secrets at its most verbose.
    QLoggingCategory::setFilterRules(u"faultshare.*=true"_s);
    QStandardPaths::setTestModeEnabled(true);
    m_service = u"FaultShare-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (isChild())
        return;

    m_home = qEnvironmentVariable("FAULTSHARE_TEST_HOME");
    if (m_home.isEmpty())
        QFAIL("FAULTSHARE_TEST_HOME is not set: run this test under scripts/with-test-keyring, "
              "which provides a throwaway Secret Service (it never uses your own keyring).");

    // Reachable is not enough: a Secret Service without an unlocked default collection
    // answers reads but fails every write, so probe a full write and remove.
    init();
    const Outcome written = write(u"probe"_s, u"probe-value"_s);
    const Outcome removed = perform([this] { m_store->remove(u"probe"_s); });
    m_store.reset();
    if (written.signal != u"secretWritten" || removed.signal != u"secretRemoved") {
        const Outcome& bad = written.signal != u"secretWritten" ? written : removed;
        const QString why = bad.signal == u"failed" ? bad.error.detail() : bad.signal;
        QFAIL(qPrintable(u"No usable Secret Service (%1): run this test under "
                         "scripts/with-test-keyring, which starts a throwaway one."_s.arg(why)));
    }
}

void CredentialStoreTest::init()
{
    m_store = std::make_unique<CredentialStore>(m_service);
    m_events.clear();
    m_started = 0;
    m_written.clear();

    CredentialStore* store = m_store.get();
    connect(store, &CredentialStore::secretRead, this,
            [this](const QString& profile, const QString& key) {
                m_events.push_back(
                    {u"secretRead"_s, profile, key, CredentialStore::Operation::Read, {}});
            });
    connect(store, &CredentialStore::secretMissing, this, [this](const QString& profile) {
        m_events.push_back({u"secretMissing"_s, profile, {}, CredentialStore::Operation::Read, {}});
    });
    connect(store, &CredentialStore::secretWritten, this, [this](const QString& profile) {
        m_events.push_back({u"secretWritten"_s, profile, {}, CredentialStore::Operation::Write, {}});
    });
    connect(store, &CredentialStore::secretRemoved, this, [this](const QString& profile) {
        m_events.push_back({u"secretRemoved"_s, profile, {}, CredentialStore::Operation::Remove, {}});
    });
    connect(store, &CredentialStore::failed, this,
            [this](const QString& profile, CredentialStore::Operation operation,
                   const ApiError& error) {
                m_events.push_back({u"failed"_s, profile, {}, operation, error});
            });
}

void CredentialStoreTest::cleanup()
{
    // Leave the keyring as we found it, and catch a late second signal of any operation.
    for (const QString& profile : std::as_const(m_written))
        perform([this, profile] { m_store->remove(profile); });
    QCOMPARE(m_events.size(), size_t(m_started));
    m_store.reset();
}

Outcome CredentialStoreTest::perform(const std::function<void()>& start)
{
    const size_t before = m_events.size();
    ++m_started;
    start();
    if (!QTest::qWaitFor([this, before] { return m_events.size() > before; }, kTimeoutMs))
        return {u"timeout"_s, {}, {}, CredentialStore::Operation::Read, {}};
    return m_events.back();
}

Outcome CredentialStoreTest::write(const QString& profile, const QString& key)
{
    const Outcome outcome = perform([this, profile, key] { m_store->write(profile, key); });
    if (outcome.signal == u"secretWritten" && !m_written.contains(profile))
        m_written << profile;
    return outcome;
}

void CredentialStoreTest::readMissing_emitsKeyMissing()
{
    const Outcome outcome = perform([this] { m_store->read(u"neverWritten"_s); });
    QCOMPARE(outcome.signal, u"secretMissing"_s);
    QCOMPARE(outcome.profile, u"neverWritten"_s);
}

void CredentialStoreTest::write_thenRead_returnsSameKey_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("key");
    QTest::newRow("ascii") << u"ascii"_s << u"42:7:Zm9vYmFyLXNlY3JldC12YWx1ZQ"_s;
    // Keys travel as UTF-8: accented, CJK and non-BMP characters must survive.
    QTest::newRow("non-ascii") << u"Zürich NOC"_s << u"42:7:clé-秘密-🔑-ключ"_s;
}

void CredentialStoreTest::write_thenRead_returnsSameKey()
{
    QFETCH(QString, profile);
    QFETCH(QString, key);

    const Outcome written = write(profile, key);
    QCOMPARE(written.signal, u"secretWritten"_s);
    QCOMPARE(written.profile, profile);

    const Outcome read = perform([this, profile] { m_store->read(profile); });
    QCOMPARE(read.signal, u"secretRead"_s);
    QCOMPARE(read.profile, profile);
    QCOMPARE(read.key, key);
}

void CredentialStoreTest::replace_overwritesOldKey()
{
    const QString profile = u"replaced"_s;
    QCOMPARE(write(profile, u"1:1:old-key"_s).signal, u"secretWritten"_s);
    QCOMPARE(write(profile, u"1:1:new-key"_s).signal, u"secretWritten"_s);

    const Outcome read = perform([this, profile] { m_store->read(profile); });
    QCOMPARE(read.signal, u"secretRead"_s);
    QCOMPARE(read.key, u"1:1:new-key"_s);
}

void CredentialStoreTest::remove_thenRead_emitsKeyMissing()
{
    const QString profile = u"removed"_s;
    QCOMPARE(write(profile, u"1:1:doomed-key"_s).signal, u"secretWritten"_s);

    const Outcome removed = perform([this, profile] { m_store->remove(profile); });
    QCOMPARE(removed.signal, u"secretRemoved"_s);
    QCOMPARE(removed.profile, profile);
    m_written.removeAll(profile);

    const Outcome read = perform([this, profile] { m_store->read(profile); });
    QCOMPARE(read.signal, u"secretMissing"_s);
}

void CredentialStoreTest::removeMissing_emitsKeyRemoved()
{
    const Outcome removed = perform([this] { m_store->remove(u"neverWritten"_s); });
    QCOMPARE(removed.signal, u"secretRemoved"_s);
    QCOMPARE(removed.profile, u"neverWritten"_s);
}

void CredentialStoreTest::profiles_areIsolated()
{
    QCOMPARE(write(u"day"_s, u"1:1:day-key"_s).signal, u"secretWritten"_s);
    QCOMPARE(write(u"night"_s, u"2:2:night-key"_s).signal, u"secretWritten"_s);

    Outcome read = perform([this] { m_store->read(u"day"_s); });
    QCOMPARE(read.signal, u"secretRead"_s);
    QCOMPARE(read.key, u"1:1:day-key"_s);
    read = perform([this] { m_store->read(u"night"_s); });
    QCOMPARE(read.signal, u"secretRead"_s);
    QCOMPARE(read.key, u"2:2:night-key"_s);

    // Removing one profile's key leaves the other's in place.
    QCOMPARE(perform([this] { m_store->remove(u"day"_s); }).signal, u"secretRemoved"_s);
    m_written.removeAll(u"day"_s);
    QCOMPARE(perform([this] { m_store->read(u"day"_s); }).signal, u"secretMissing"_s);
    read = perform([this] { m_store->read(u"night"_s); });
    QCOMPARE(read.signal, u"secretRead"_s);
    QCOMPARE(read.key, u"2:2:night-key"_s);
}

void CredentialStoreTest::storedKey_isNotInPlainTextUnderHome()
{
    const QString key = distinctiveKey();
    const QByteArray needles[] = {key.toUtf8(), key.toUtf8().toBase64()};

    // The scan must be able to find a key: prove it on a planted copy outside HOME.
    QTemporaryDir planted;
    QVERIFY(planted.isValid());
    QVERIFY(!planted.path().startsWith(m_home));
    QFile plantedFile(planted.filePath(u"planted.ini"_s));
    QVERIFY(plantedFile.open(QIODevice::WriteOnly));
    plantedFile.write(QByteArray("[x]\nkey=" + needles[0] + '\n'));
    plantedFile.close();
    QCOMPARE(TestSupport::filesContaining(planted.path(), needles[0]).size(), 1);

    g_messages.clear();
    g_previousHandler = qInstallMessageHandler(captureMessage);
    auto restoreHandler = qScopeGuard([] { qInstallMessageHandler(g_previousHandler); });

    QCOMPARE(write(u"leakCheck"_s, key).signal, u"secretWritten"_s);
    const Outcome read = perform([this] { m_store->read(u"leakCheck"_s); });
    QCOMPARE(read.signal, u"secretRead"_s);
    QCOMPARE(read.key, key);

    restoreHandler.dismiss();
    qInstallMessageHandler(g_previousHandler);

    for (const QByteArray& needle : needles) {
        const QStringList hits = TestSupport::filesContaining(m_home, needle);
        QVERIFY2(hits.isEmpty(), qPrintable(u"key found in plain text in: "_s + hits.join(u", ")));
    }
    // The store logged its events (so the capture worked), and none carries the key.
    QVERIFY(!g_messages.filter(u"faultshare.keychain"_s).isEmpty());
    QVERIFY2(g_messages.filter(key).isEmpty(), "the key appeared in a log message");
}

void CredentialStoreTest::noSecretService_failsWithKeychainError()
{
    if (isChild()) {
        runWithoutSecretService();
        return;
    }

    // QtKeychain picks its backend and libsecret its bus connection once per process, so
    // a session without a Secret Service needs a fresh process: this binary, re-run with
    // a bus address where nothing listens and a HOME of its own to scan afterwards.
    QTemporaryDir childHome;
    QVERIFY(childHome.isValid());
    const QString key = distinctiveKey();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildEnv), u"1"_s);
    env.insert(QString::fromLatin1(kChildKeyEnv), key);
    env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + childHome.filePath(u"no-bus"_s));
    env.insert(u"HOME"_s, childHome.path());
    env.insert(u"XDG_CONFIG_HOME"_s, childHome.filePath(u".config"_s));
    env.insert(u"XDG_DATA_HOME"_s, childHome.filePath(u".local/share"_s));
    env.insert(u"XDG_CACHE_HOME"_s, childHome.filePath(u".cache"_s));

    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                {u"noSecretService_failsWithKeychainError"_s});
    QVERIFY2(child.waitForFinished(kTimeoutMs * 2), "the child test process did not finish");
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();

    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
             output.constData());
    QVERIFY2(output.contains("PASS   : CredentialStoreTest::"
                             "noSecretService_failsWithKeychainError()"),
             output.constData());
    QVERIFY2(output.contains("keychain answered:"), output.constData());
    QVERIFY2(!output.contains(key.toUtf8()), "the child printed the key");
    const QStringList hits = TestSupport::filesContaining(childHome.path(), key.toUtf8());
    QVERIFY2(hits.isEmpty(), qPrintable(u"key written in plain text to: "_s + hits.join(u", ")));
}

// The child's role: every operation must fail as a Keychain error, and a key written
// without a keychain must not be readable afterwards (no plain-text fallback).
void CredentialStoreTest::runWithoutSecretService()
{
    const QString key = qEnvironmentVariable(kChildKeyEnv);
    QVERIFY(!key.isEmpty());

    const Outcome written = write(u"noBus"_s, key);
    QCOMPARE(written.signal, u"failed"_s);
    QCOMPARE(written.operation, CredentialStore::Operation::Write);
    QCOMPARE(written.error.kind(), ApiError::Kind::Keychain);
    QVERIFY(!written.error.detail().isEmpty());
    QVERIFY(!written.error.detail().contains(key));
    qInfo().noquote() << "keychain answered:" << written.error.detail();

    const Outcome read = perform([this] { m_store->read(u"noBus"_s); });
    QCOMPARE(read.signal, u"failed"_s);
    QCOMPARE(read.operation, CredentialStore::Operation::Read);
    QCOMPARE(read.error.kind(), ApiError::Kind::Keychain);

    const Outcome removed = perform([this] { m_store->remove(u"noBus"_s); });
    QCOMPARE(removed.signal, u"failed"_s);
    QCOMPARE(removed.operation, CredentialStore::Operation::Remove);
    QCOMPARE(removed.error.kind(), ApiError::Kind::Keychain);
}

QTEST_GUILESS_MAIN(CredentialStoreTest)
#include "tst_credentialstore.moc"
