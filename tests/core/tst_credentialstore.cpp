#include "CredentialStore.h"
#include "KeychainJob.h"
#include "PromptingKeyring.h"
#include "TestSupport.h"

#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QLoggingCategory>
#include <QTest>
#include <QUuid>

#include <memory>
#include <vector>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

// Real D-Bus round trips: generous, because a loaded CI machine can be slow.
constexpr int kTimeoutMs = 30000;

// Set in the child process that noSecretService_failsWithKeychainError or
// unansweredJob_failsAtTimeout starts: a keychain of its own (none, or one whose prompt
// nobody answers), so only that case runs there, in its child role.
constexpr auto kChildEnv = "FAULTSHARE_TST_CREDENTIALSTORE_CHILD";
constexpr auto kChildKeyEnv = "FAULTSHARE_TST_CREDENTIALSTORE_KEY";
constexpr auto kChildServiceEnv = "FAULTSHARE_TST_CREDENTIALSTORE_SERVICE";
// The entry the locked rig holds for unansweredJob_failsAtTimeout.
const auto kLockedEntry = u"api-key/locked"_s;

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

// The one signal a job ended in.
struct Outcome
{
    QString signal; // "succeeded", "missing", "failed"; "timeout": none in kTimeoutMs
    QString entry; // the job's
    KeychainJob::Operation operation = KeychainJob::Operation::Read;
    QString key; // of a read
    QString origin; // of a read
    ApiError error;
    int answers = 0; // how many the job emitted before it deleted itself
};

} // namespace

class CredentialStoreTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readMissing_endsInMissing();
    void write_thenRead_returnsSameKey_data();
    void write_thenRead_returnsSameKey();
    void writeWithOrigin_readReturnsOrigin();
    void writeWithoutOrigin_readReturnsNoOrigin();
    void replace_overwritesOldKeyAndOrigin();
    void remove_thenRead_endsInMissing();
    void removeMissing_succeeds();
    void profiles_areIsolated();
    void job_isChildOfCaller_answersLater();
    void deletedCaller_jobNeverAnswers();
    void storedKey_isNotInPlainTextUnderHome();
    void noSecretService_failsWithKeychainError();
    void unansweredJob_failsAtTimeout();

private:
    // Waits for job's answer and then for the job to delete itself, so the count of its
    // signals is final: exactly one, none is a timeout.
    Outcome finish(KeychainJob* job);
    Outcome read(const QString& entry) { return finish(m_store->read(entry, this)); }
    Outcome write(const QString& entry, const QString& key, const QString& origin = {});
    Outcome remove(const QString& entry) { return finish(m_store->remove(entry, this)); }
    void runWithoutSecretService();
    void runWithUnansweredPrompt();

    QString m_service;
    QString m_home;
    std::unique_ptr<CredentialStore> m_store;
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
    const Outcome removed = remove(u"probe"_s);
    m_written.clear();
    m_store.reset();
    if (written.signal != u"succeeded" || removed.signal != u"succeeded") {
        const Outcome& bad = written.signal != u"succeeded" ? written : removed;
        const QString why = bad.signal == u"failed" ? bad.error.detail() : bad.signal;
        QFAIL(qPrintable(u"No usable Secret Service (%1): run this test under "
                         "scripts/with-test-keyring, which starts a throwaway one."_s.arg(why)));
    }
}

void CredentialStoreTest::init()
{
    m_store = std::make_unique<CredentialStore>(m_service);
    m_written.clear();
}

void CredentialStoreTest::cleanup()
{
    // Leave the keyring as we found it.
    for (const QString& entry : std::as_const(m_written))
        QCOMPARE(remove(entry).signal, u"succeeded"_s);
    m_store.reset();
}

Outcome CredentialStoreTest::finish(KeychainJob* job)
{
    Outcome outcome{u"timeout"_s, job->entry(), job->operation(), {}, {}, {}, 0};
    QObject context;
    connect(job, &KeychainJob::succeeded, &context, [&outcome](const QString& key, const QString& origin) {
        outcome.signal = u"succeeded"_s;
        outcome.key = key;
        outcome.origin = origin;
        ++outcome.answers;
    });
    connect(job, &KeychainJob::missing, &context, [&outcome] {
        outcome.signal = u"missing"_s;
        ++outcome.answers;
    });
    connect(job, &KeychainJob::failed, &context, [&outcome](const ApiError& error) {
        outcome.signal = u"failed"_s;
        outcome.error = error;
        ++outcome.answers;
    });
    const QPointer<KeychainJob> alive(job);
    if (!QTest::qWaitFor([&alive] { return alive.isNull(); }, kTimeoutMs)) {
        outcome.signal = u"timeout"_s;
        return outcome;
    }
    // Gone: it can say nothing more, so a second answer would be counted by now.
    if (outcome.answers != 1)
        outcome.signal = u"answers: "_s + QString::number(outcome.answers);
    return outcome;
}

Outcome CredentialStoreTest::write(const QString& entry, const QString& key, const QString& origin)
{
    const Outcome outcome = finish(m_store->write(entry, key, origin, this));
    if (outcome.signal == u"succeeded" && !m_written.contains(entry))
        m_written << entry;
    return outcome;
}

void CredentialStoreTest::readMissing_endsInMissing()
{
    const Outcome outcome = read(u"neverWritten"_s);
    QCOMPARE(outcome.signal, u"missing"_s);
    QCOMPARE(outcome.entry, u"neverWritten"_s);
    QCOMPARE(outcome.operation, KeychainJob::Operation::Read);
}

void CredentialStoreTest::write_thenRead_returnsSameKey_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("key");
    QTest::newRow("ascii") << u"ascii"_s << u"42:7:Zm9vYmFyLXNlY3JldC12YWx1ZQ"_s;
    // Keys travel as UTF-8: accented, CJK and non-BMP characters must survive.
    QTest::newRow("non-ascii") << u"Zürich NOC"_s << u"42:7:clé-秘密-🔑-ключ"_s;
}

void CredentialStoreTest::write_thenRead_returnsSameKey()
{
    QFETCH(QString, entry);
    QFETCH(QString, key);

    const Outcome written = write(entry, key);
    QCOMPARE(written.signal, u"succeeded"_s);
    QCOMPARE(written.entry, entry);
    QCOMPARE(written.operation, KeychainJob::Operation::Write);
    QVERIFY(written.key.isEmpty());

    const Outcome read = this->read(entry);
    QCOMPARE(read.signal, u"succeeded"_s);
    QCOMPARE(read.entry, entry);
    QCOMPARE(read.key, key);
    QCOMPARE(read.origin, QString());
}

void CredentialStoreTest::writeWithOrigin_readReturnsOrigin()
{
    const QString entry = u"api-key/bound"_s;
    QCOMPARE(write(entry, u"1:1:bound-key"_s, u"https://api.example:443"_s).signal, u"succeeded"_s);

    const Outcome outcome = read(entry);
    QCOMPARE(outcome.signal, u"succeeded"_s);
    QCOMPARE(outcome.key, u"1:1:bound-key"_s);
    QCOMPARE(outcome.origin, u"https://api.example:443"_s);
}

void CredentialStoreTest::writeWithoutOrigin_readReturnsNoOrigin()
{
    // A secret that merely looks like a bound one is a secret, not a binding.
    const QString entry = u"history/unbound"_s;
    const QString secret = uR"({"token":"t","link":"https://x.example/#t"})"_s;
    QCOMPARE(write(entry, secret).signal, u"succeeded"_s);

    const Outcome outcome = read(entry);
    QCOMPARE(outcome.signal, u"succeeded"_s);
    QCOMPARE(outcome.key, secret);
    QCOMPARE(outcome.origin, QString());
}

void CredentialStoreTest::replace_overwritesOldKeyAndOrigin()
{
    const QString entry = u"replaced"_s;
    QCOMPARE(write(entry, u"1:1:old-key"_s, u"https://old.example:443"_s).signal, u"succeeded"_s);
    QCOMPARE(write(entry, u"1:1:new-key"_s, u"https://new.example:443"_s).signal, u"succeeded"_s);

    Outcome outcome = read(entry);
    QCOMPARE(outcome.signal, u"succeeded"_s);
    QCOMPARE(outcome.key, u"1:1:new-key"_s);
    QCOMPARE(outcome.origin, u"https://new.example:443"_s);

    // Rewritten without an origin, it is no longer bound to the old one.
    QCOMPARE(write(entry, u"1:1:newer-key"_s).signal, u"succeeded"_s);
    outcome = read(entry);
    QCOMPARE(outcome.key, u"1:1:newer-key"_s);
    QCOMPARE(outcome.origin, QString());
}

void CredentialStoreTest::remove_thenRead_endsInMissing()
{
    const QString entry = u"removed"_s;
    QCOMPARE(write(entry, u"1:1:doomed-key"_s).signal, u"succeeded"_s);

    const Outcome removed = remove(entry);
    QCOMPARE(removed.signal, u"succeeded"_s);
    QCOMPARE(removed.entry, entry);
    QCOMPARE(removed.operation, KeychainJob::Operation::Remove);
    m_written.removeAll(entry);

    QCOMPARE(read(entry).signal, u"missing"_s);
}

void CredentialStoreTest::removeMissing_succeeds()
{
    const Outcome removed = remove(u"neverWritten"_s);
    QCOMPARE(removed.signal, u"succeeded"_s);
    QCOMPARE(removed.entry, u"neverWritten"_s);
}

void CredentialStoreTest::profiles_areIsolated()
{
    QCOMPARE(write(u"day"_s, u"1:1:day-key"_s).signal, u"succeeded"_s);
    QCOMPARE(write(u"night"_s, u"2:2:night-key"_s).signal, u"succeeded"_s);

    Outcome outcome = read(u"day"_s);
    QCOMPARE(outcome.signal, u"succeeded"_s);
    QCOMPARE(outcome.key, u"1:1:day-key"_s);
    outcome = read(u"night"_s);
    QCOMPARE(outcome.signal, u"succeeded"_s);
    QCOMPARE(outcome.key, u"2:2:night-key"_s);

    // Removing one entry leaves the other in place.
    QCOMPARE(remove(u"day"_s).signal, u"succeeded"_s);
    m_written.removeAll(u"day"_s);
    QCOMPARE(read(u"day"_s).signal, u"missing"_s);
    outcome = read(u"night"_s);
    QCOMPARE(outcome.signal, u"succeeded"_s);
    QCOMPARE(outcome.key, u"2:2:night-key"_s);
}

void CredentialStoreTest::job_isChildOfCaller_answersLater()
{
    QObject caller;
    bool answered = false;
    KeychainJob* job = m_store->read(u"neverWritten"_s, &caller);
    connect(job, &KeychainJob::missing, this, [&answered] { answered = true; });
    QCOMPARE(job->parent(), &caller);
    QCOMPARE(job->entry(), u"neverWritten"_s);
    // Never before the call that made it has returned, so a caller can connect first.
    QVERIFY(!answered);
    QCOMPARE(finish(job).signal, u"missing"_s);
    QVERIFY(answered);
    QVERIFY(caller.children().isEmpty());
}

void CredentialStoreTest::deletedCaller_jobNeverAnswers()
{
    const QString entry = u"orphaned"_s;
    m_written << entry;
    int answers = 0;
    auto* caller = new QObject;
    KeychainJob* job = m_store->write(entry, u"1:1:orphan-key"_s, {}, caller);
    const QPointer<KeychainJob> alive(job);
    connect(job, &KeychainJob::succeeded, this, [&answers] { ++answers; });
    connect(job, &KeychainJob::missing, this, [&answers] { ++answers; });
    connect(job, &KeychainJob::failed, this, [&answers] { ++answers; });
    delete caller;
    QVERIFY(alive.isNull());

    // The keychain still did the work, and a job started after it answers after it: so
    // by then the orphaned job's answer has come back, and went nowhere.
    QVERIFY(QTest::qWaitFor([this, &entry] { return read(entry).key == u"1:1:orphan-key"_s; }, kTimeoutMs));
    QCOMPARE(answers, 0);
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

    QCOMPARE(write(u"leakCheck"_s, key, u"https://api.example:443"_s).signal, u"succeeded"_s);
    const Outcome read = this->read(u"leakCheck"_s);
    QCOMPARE(read.signal, u"succeeded"_s);
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
        if (qEnvironmentVariable(kChildEnv) == u"noBus")
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
    env.insert(QString::fromLatin1(kChildEnv), u"noBus"_s);
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

    const Outcome written = write(u"noBus"_s, key, u"https://api.example:443"_s);
    QCOMPARE(written.signal, u"failed"_s);
    QCOMPARE(written.operation, KeychainJob::Operation::Write);
    QCOMPARE(written.error.kind(), ApiError::Kind::Keychain);
    QVERIFY(!written.error.detail().isEmpty());
    QVERIFY(!written.error.detail().contains(key));
    qInfo().noquote() << "keychain answered:" << written.error.detail();

    const Outcome read = this->read(u"noBus"_s);
    QCOMPARE(read.signal, u"failed"_s);
    QCOMPARE(read.operation, KeychainJob::Operation::Read);
    QCOMPARE(read.error.kind(), ApiError::Kind::Keychain);

    const Outcome removed = remove(u"noBus"_s);
    QCOMPARE(removed.signal, u"failed"_s);
    QCOMPARE(removed.operation, KeychainJob::Operation::Remove);
    QCOMPARE(removed.error.kind(), ApiError::Kind::Keychain);
}

void CredentialStoreTest::unansweredJob_failsAtTimeout()
{
    if (isChild()) {
        if (qEnvironmentVariable(kChildEnv) == u"timeout")
            runWithUnansweredPrompt();
        return;
    }

    // A locked keyring whose unlock prompt shows on a display nobody looks at: a read
    // waits for ever there. QtKeychain and libsecret bind their bus once per process, so
    // the read runs in a child of this binary on the rig's bus.
    TestSupport::PromptingKeyring rig(TestSupport::PromptingKeyring::Kind::Locked);
    QVERIFY2(rig.start(), qPrintable(rig.error()));
    QVERIFY2(rig.storeKeychainEntry(m_service, kLockedEntry, u"1:1:locked-key"_s), qPrintable(rig.error()));
    QVERIFY2(rig.lock(), qPrintable(rig.error()));

    QProcessEnvironment env = rig.environment(QProcessEnvironment::systemEnvironment());
    env.insert(QString::fromLatin1(kChildEnv), u"timeout"_s);
    env.insert(QString::fromLatin1(kChildServiceEnv), m_service);
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {u"unansweredJob_failsAtTimeout"_s});
    QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
    const bool finished = child.waitForFinished(kTimeoutMs * 2);
    if (!finished)
        child.kill();
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
    // The prompt was there, unanswered: the timeout, not the keyring, ended the read.
    QVERIFY2(rig.prompterRunning(), qPrintable(rig.diagnostics()));
    QCOMPARE(rig.stop(), QStringList());
    QVERIFY2(finished && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : CredentialStoreTest::unansweredJob_failsAtTimeout()"), output.constData());
    QVERIFY2(output.contains("keychain answered:"), output.constData());
    QVERIFY2(!output.contains("1:1:locked-key"), "the child printed the key");
}

// The child's role: a read of the locked entry waits on the prompt until the store's
// timeout fails it, once; the keychain's late answer (if any) is dropped.
void CredentialStoreTest::runWithUnansweredPrompt()
{
    m_store = std::make_unique<CredentialStore>(qEnvironmentVariable(kChildServiceEnv));
    m_store->setTimeout(std::chrono::seconds(2));
    const Outcome outcome = read(kLockedEntry);
    QCOMPARE(outcome.signal, u"failed"_s);
    QCOMPARE(outcome.operation, KeychainJob::Operation::Read);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Keychain);
    QVERIFY2(outcome.error.detail().startsWith(u"no answer in 2 s"_s), qPrintable(outcome.error.detail()));
    qInfo().noquote() << "keychain answered:" << outcome.error.detail();
}

QTEST_GUILESS_MAIN(CredentialStoreTest)
#include "tst_credentialstore.moc"
