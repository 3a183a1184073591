// The window when the keychain fails: no Secret Service on the bus, or a locked keyring.
// It says what is wrong and how to fix it, inline, within a bounded time; it never falls
// back to plain text; and it never loses the key it had.
//
// libsecret keeps its bus connection for the life of a process, so every case runs in a
// child process (this binary again, in its child role): with a bus address where nothing
// listens, or inside a keyring session of its own (scripts/with-test-keyring) whose
// "login" collection the child locks over D-Bus, as a screen locker or `secret-tool lock`
// would. Headless, gnome-keyring cannot show its unlock prompt: libsecret then answers at
// once (reads find nothing, writes fail), which is what makes these cases deterministic.

#include "ApiClient.h"
#include "CredentialStore.h"
#include "KeychainOutcome.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "TestTokens.h"
#include "History.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "TestSupport.h"

#include <QApplication>
#include <QDBusArgument>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

// A failing keychain must be reported within this time; generous for a loaded machine,
// far below "the window hangs".
constexpr int AnswerMs = 10000;

constexpr auto ChildEnv = "FAULTSHARE_TST_KEYCHAIN_FAILURE_CHILD";
constexpr auto ChildKeyEnv = "FAULTSHARE_TST_KEYCHAIN_FAILURE_KEY";

enum class Session { NoSecretService, LockedKeyring };

QString childRole()
{
    return qEnvironmentVariable(ChildEnv);
}

QString distinctiveKey(const char* tag)
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    return id.left(8) + u':' + id.mid(8, 8) + u':' + QLatin1StringView(tag) + id.mid(16);
}

// An operator-facing error: one sentence that says what is wrong and what to do.
bool isOneActionableSentence(const QString& message)
{
    return !message.isEmpty() && !message.contains(u'\n') && !message.contains(u". "_s) && message.endsWith(u'.')
        && (message.contains(u"keyring"_s) || message.contains(u"keychain"_s))
        && (message.contains(u"unlock"_s) || message.contains(u"start"_s));
}

// The Secret Service's secret struct (oayays), to hand gnome-keyring its password.
struct Secret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument& operator<<(QDBusArgument& argument, const Secret& secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument& operator>>(const QDBusArgument& argument, Secret& secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

const QString SecretsService = u"org.freedesktop.secrets"_s;
const QString LoginCollection = u"/org/freedesktop/secrets/collection/login"_s;

std::optional<bool> isLoginCollectionLocked()
{
    QDBusInterface collection(SecretsService, LoginCollection, u"org.freedesktop.Secret.Collection"_s);
    const QVariant locked = collection.property("Locked");
    return locked.isValid() ? std::optional<bool>(locked.toBool()) : std::nullopt;
}

bool lockLoginCollection()
{
    QDBusInterface service(SecretsService, u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service"_s);
    const QDBusMessage reply = service.call(
        u"Lock"_s, QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(LoginCollection)}));
    return reply.type() == QDBusMessage::ReplyMessage && isLoginCollectionLocked() == true;
}

// Unlock needs the password, which gnome-keyring otherwise asks for in a prompt; its
// internal interface takes it directly, in a session of this connection.
bool unlockLoginCollection()
{
    // The password scripts/with-test-keyring gives its throwaway keyring.
    const QByteArray password = QByteArrayLiteral("throwaway-test-keyring");
    qDBusRegisterMetaType<Secret>();
    QDBusInterface service(SecretsService, u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service"_s);
    const QDBusMessage opened
        = service.call(u"OpenSession"_s, u"plain"_s, QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2)
        return false;
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusInterface internal(SecretsService, u"/org/freedesktop/secrets"_s,
                            u"org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"_s);
    const QDBusMessage unlocked
        = internal.call(u"UnlockWithMasterPassword"_s, QVariant::fromValue(QDBusObjectPath(LoginCollection)),
                        QVariant::fromValue(Secret{session, {}, password, u"text/plain"_s}));
    return unlocked.type() == QDBusMessage::ReplyMessage && isLoginCollectionLocked() == false;
}

} // namespace

Q_DECLARE_METATYPE(Secret)

class TestKeychainFailure final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void noSecretService_keyPageSaysWhyAndOffersRetry();
    void noSecretService_saveFailsInline_keepsTypedKey_writesNoFile();
    void lockedKeyring_start_saysLocked_retryWorksOnceUnlocked();
    void lockedKeyring_failingReplace_keepsOldKeyInUseAndStored();
    void lockedKeyring_failingForget_keepsKeyInUseAndStored();
    void lockedKeyring_historyWaits_butKeepsAndForgetsLinks();

private:
    // Parent: runs the current test function in a child process in the given session;
    // home (no-bus case) becomes the child's HOME, to be scanned afterwards.
    void runInChild(Session session, const QString& key = {}, const QString& home = {});
    // Child: the window wired as app/main.cpp wires it.
    void makeWindow();
    void showAndStart();
    bool writeKeyDirectly(const QString& key);
    std::optional<QString> readKeyDirectly();
    SettingsDialog* openSettings();
    template <typename T>
    T* child(const char* name) const
    {
        T* widget = m_window->findChild<T*>(QLatin1StringView(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    // Whether the window shows its first-run key page (built when first shown).
    bool showsKeyPage() const
    {
        const auto* pages = m_window->findChild<QStackedWidget*>(u"pages"_s);
        return pages && pages->currentWidget() && pages->currentWidget()->objectName() == "keyPage"_L1;
    }

    QString m_service;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<CredentialStore> m_keys;
    std::unique_ptr<DemoServer> m_demo;
    std::unique_ptr<MainWindow> m_window;
};

void TestKeychainFailure::initTestCase()
{
    QCoreApplication::setOrganizationName(u"FaultShare"_s);
    QCoreApplication::setApplicationName(u"FaultShare"_s);
    m_service = u"FaultShare-kf-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void TestKeychainFailure::init()
{
    if (childRole().isEmpty())
        return;
    // The product's own settings path, under the HOME the child was given.
    m_store = std::make_unique<QSettings>();
    m_settings = std::make_unique<Settings>(*m_store);
    m_api = std::make_unique<ApiClient>();
    m_keys = std::make_unique<CredentialStore>(m_service);
}

void TestKeychainFailure::cleanup()
{
    m_window.reset();
    m_demo.reset();
    m_keys.reset();
    m_api.reset();
    m_settings.reset();
    m_store.reset();
}

void TestKeychainFailure::runInChild(Session session, const QString& key, const QString& home)
{
    const QString function = QString::fromLatin1(QTest::currentTestFunction());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"FAULTSHARE_API_KEY"_s);
    env.insert(QLatin1StringView(ChildKeyEnv), key);
    QString program = QCoreApplication::applicationFilePath();
    QStringList arguments{u"-maxwarnings"_s, u"0"_s, function};
    if (session == Session::NoSecretService) {
        env.insert(QLatin1StringView(ChildEnv), u"no-bus"_s);
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path="_s + home + u"/no-bus"_s);
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
        env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
        env.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    } else {
        // A keyring session of its own: locking it cannot disturb tests running beside.
        env.insert(QLatin1StringView(ChildEnv), u"locked"_s);
        arguments.prepend(program);
        program = QStringLiteral(FAULTSHARE_SOURCE_DIR "/scripts/with-test-keyring");
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    const bool finished = process.waitForFinished(90000);
    if (!finished)
        process.kill();
    const QByteArray out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QByteArray verdict;
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("FAIL!") || line.startsWith("   Loc:") || line.startsWith("QWARN")
            || line.startsWith("Totals:"))
            verdict += line + '\n';
    }
    QVERIFY2(finished, "the child did not finish: the window waits for the keychain forever?");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             QByteArray(verdict + err.right(2000)).constData());
    const QByteArray passed = "PASS   : TestKeychainFailure::" + function.toLatin1() + "()";
    QVERIFY2(out.contains(passed), out.constData());
    if (!key.isEmpty()) {
        QVERIFY2(!out.contains(key.toUtf8()) && !err.contains(key.toUtf8()), "the child printed the key");
        QVERIFY2(!out.contains(key.section(u':', 2).toUtf8()), "the child printed the key's secret");
    }
}

void TestKeychainFailure::makeWindow()
{
    m_window = std::make_unique<MainWindow>(*m_api, *m_keys, *m_settings);
}

void TestKeychainFailure::showAndStart()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->start();
}

bool TestKeychainFailure::writeKeyDirectly(const QString& key)
{
    const CredentialStore store(m_service);
    return TestSupport::writeSecret(store, CredentialStore::apiKeyEntry(m_settings->profile()), key, {}, AnswerMs).signal
        == u"written"_s;
}

std::optional<QString> TestKeychainFailure::readKeyDirectly()
{
    const CredentialStore store(m_service);
    const TestSupport::KeychainOutcome outcome
        = TestSupport::readSecret(store, CredentialStore::apiKeyEntry(m_settings->profile()), AnswerMs);
    if (outcome.signal != u"read"_s)
        return std::nullopt;
    return outcome.secret;
}

SettingsDialog* TestKeychainFailure::openSettings()
{
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = m_window->findChild<SettingsDialog*>()) != nullptr; }))
        qWarning("the settings dialog did not open");
    return dialog;
}

// (a) No Secret Service: the first-run page says so, in one sentence, with a Retry.
void TestKeychainFailure::noSecretService_keyPageSaysWhyAndOffersRetry()
{
    if (childRole().isEmpty()) {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        runInChild(Session::NoSecretService, {}, home.path());
        return;
    }
    makeWindow();
    const TestSupport::KeychainJobLog jobs;
    showAndStart();

    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), AnswerMs);
    auto* keyError = child<QLabel>("keyErrorLabel");
    auto* retry = child<QPushButton>("retryKeychainButton");
    QVERIFY(keyError && retry);
    QVERIFY(keyError->isVisible());
    QVERIFY2(isOneActionableSentence(keyError->text()), qPrintable(keyError->text()));
    QVERIFY(retry->isVisible() && retry->isEnabled());
    QVERIFY(!child<QPushButton>("generateButton")->isEnabled());

    // Retry asks the keychain again, and answers again, as quickly.
    const QString keyEntry = CredentialStore::apiKeyEntry(Settings::defaultProfile());
    QCOMPARE(jobs.count(keyEntry), 1);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(jobs.count(keyEntry), 2);
    QTRY_VERIFY_WITH_TIMEOUT(keyError->isVisible() && retry->isVisible(), AnswerMs);
    QVERIFY(isOneActionableSentence(keyError->text()));
    QVERIFY(retry->isVisible());
}

// (a) No Secret Service: saving a typed key fails inline, the key stays in the field,
// and nothing holds it anywhere else: no plain-text fallback.
void TestKeychainFailure::noSecretService_saveFailsInline_keepsTypedKey_writesNoFile()
{
    if (childRole().isEmpty()) {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString key = distinctiveKey("typed");
        runInChild(Session::NoSecretService, key, home.path());
        if (QTest::currentTestFailed())
            return;
        // The scan can find things: the settings file is there (window geometry).
        QVERIFY(!TestSupport::filesContaining(home.path(), "geometry").isEmpty());
        QCOMPARE(TestSupport::filesContaining(home.path(), key.toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(home.path(), key.section(u':', 2).toUtf8()), QStringList());
        QCOMPARE(TestSupport::filesContaining(home.path(), key.toUtf8().toBase64()), QStringList());
        return;
    }
    const QString key = qEnvironmentVariable(ChildKeyEnv);
    QVERIFY(!key.isEmpty());
    makeWindow();
    showAndStart();
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage() && child<QLabel>("keyErrorLabel")->isVisible(), AnswerMs);
    auto* keyError = child<QLabel>("keyErrorLabel");
    auto* apiKeyEdit = child<QLineEdit>("apiKeyEdit");
    auto* save = child<QPushButton>("saveKeyButton");
    QVERIFY(keyError && apiKeyEdit && save);

    QTest::keyClicks(apiKeyEdit, key);
    const TestSupport::KeychainJobLog jobs;
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(!save->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(save->isEnabled(), AnswerMs);
    QCOMPARE(jobs.count(CredentialStore::apiKeyEntry(Settings::defaultProfile())), 1);
    QVERIFY(keyError->isVisible());
    QVERIFY2(isOneActionableSentence(keyError->text()), qPrintable(keyError->text()));
    QVERIFY(!keyError->text().contains(key.section(u':', 2)));
    // Kept for another try, and the form is usable again.
    QVERIFY2(apiKeyEdit->text() == key, "the typed key was not kept in the field");
    QVERIFY(apiKeyEdit->isEnabled() && save->isEnabled());
    QVERIFY(showsKeyPage());
    // Not in use either: it is not stored, so nothing may be generated with it.
    QVERIFY(!m_api->hasApiKey());

    m_window->close();
    m_window.reset();
    m_store->sync();
    QCOMPARE(m_store->status(), QSettings::NoError);
}

// (b) A locked keyring: reading finds the entry locked (libsecret says "not found"). The
// first-run page says the keyring is locked instead of asking for a new key; Retry reads
// the key once the keyring is unlocked.
void TestKeychainFailure::lockedKeyring_start_saysLocked_retryWorksOnceUnlocked()
{
    if (childRole().isEmpty()) {
        runInChild(Session::LockedKeyring);
        return;
    }
    const QString key = distinctiveKey("stored");
    QVERIFY(writeKeyDirectly(key));
    QVERIFY(lockLoginCollection());
    makeWindow();
    auto* pages = child<QStackedWidget>("pages");
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(pages && generate);
    showAndStart();

    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), AnswerMs);
    auto* keyError = child<QLabel>("keyErrorLabel");
    auto* retry = child<QPushButton>("retryKeychainButton");
    QVERIFY(keyError && retry);
    QVERIFY(keyError->isVisible());
    QVERIFY2(isOneActionableSentence(keyError->text()), qPrintable(keyError->text()));
    QVERIFY2(keyError->text().contains(u"locked"_s), qPrintable(keyError->text()));
    QVERIFY(retry->isVisible());

    QVERIFY(unlockLoginCollection());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget(), child<QWidget>("mainPage"), AnswerMs);
    QVERIFY(generate->isEnabled());
}

// (c) A key replace that the keychain refuses (locked) keeps the old key in use and in
// the keychain; the typed key stays in the field for another try.
void TestKeychainFailure::lockedKeyring_failingReplace_keepsOldKeyInUseAndStored()
{
    if (childRole().isEmpty()) {
        runInChild(Session::LockedKeyring);
        return;
    }
    const QString oldKey = distinctiveKey("old");
    const QString newKey = distinctiveKey("new");
    m_demo = std::make_unique<DemoServer>(oldKey);
    QVERIFY(m_demo->listen());
    m_settings->setApiUrl(m_demo->url());
    QVERIFY(writeKeyDirectly(oldKey));
    makeWindow();
    auto* generate = child<QPushButton>("generateButton");
    auto* resultPanel = child<QWidget>("resultPanel");
    auto* errorLabel = child<QLabel>("errorLabel");
    QVERIFY(generate && resultPanel && errorLabel);
    showAndStart();
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), AnswerMs);

    QVERIFY(lockLoginCollection());
    SettingsDialog* dialog = openSettings();
    QVERIFY(dialog);
    auto* replaceEdit = dialog->findChild<QLineEdit*>(u"replaceKeyEdit"_s);
    auto* replaceButton = dialog->findChild<QPushButton*>(u"replaceKeyButton"_s);
    auto* status = dialog->findChild<QLabel*>(u"keyStatusLabel"_s);
    QVERIFY(replaceEdit && replaceButton && status);
    QSignalSpy replaced(dialog, &SettingsDialog::keyReplaced);
    QTest::keyClicks(replaceEdit, newKey);
    QTest::mouseClick(replaceButton, Qt::LeftButton);
    // Busy until the keychain answers, then usable again with its answer shown.
    QVERIFY(!replaceButton->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(replaceButton->isEnabled(), AnswerMs);
    QCOMPARE(replaced.count(), 0);
    QVERIFY(status->isVisible());
    QVERIFY2(isOneActionableSentence(status->text()), qPrintable(status->text()));
    QVERIFY2(replaceEdit->text() == newKey, "the typed key was not kept in the field");
    dialog->reject();

    // The old key is still the one in use: the demo API accepts only it.
    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible() || errorLabel->isVisible(), AnswerMs);
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    QCOMPARE(m_demo->tokenRequestCount(), 1);

    // And still the one stored.
    QVERIFY(unlockLoginCollection());
    QVERIFY2(readKeyDirectly() == oldKey, "the stored key changed or went away");
    const QString home = qEnvironmentVariable("FAULTSHARE_TEST_HOME");
    QVERIFY(!home.isEmpty());
    QCOMPARE(TestSupport::filesContaining(home, newKey.toUtf8()), QStringList());
}

// (c) Forgetting the key while the keyring is locked removes nothing (libsecret still
// answers "done"): the window says so and keeps the key in use, as it is still stored.
void TestKeychainFailure::lockedKeyring_failingForget_keepsKeyInUseAndStored()
{
    if (childRole().isEmpty()) {
        runInChild(Session::LockedKeyring);
        return;
    }
    const QString key = distinctiveKey("kept");
    QVERIFY(writeKeyDirectly(key));
    makeWindow();
    auto* pages = child<QStackedWidget>("pages");
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(pages && generate);
    showAndStart();
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), AnswerMs);

    QVERIFY(lockLoginCollection());
    SettingsDialog* dialog = openSettings();
    QVERIFY(dialog);
    auto* forget = dialog->findChild<QPushButton*>(u"forgetKeyButton"_s);
    auto* status = dialog->findChild<QLabel*>(u"keyStatusLabel"_s);
    QVERIFY(forget && status);
    QSignalSpy forgotten(dialog, &SettingsDialog::keyForgotten);
    QTest::mouseClick(forget, Qt::LeftButton);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY((confirm = dialog->findChild<QMessageBox*>(u"forgetKeyConfirm"_s)) != nullptr);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);

    // Busy until the keychain answers, then usable again with its answer shown.
    QVERIFY(!forget->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(forget->isEnabled(), AnswerMs);
    QCOMPARE(forgotten.count(), 0);
    QVERIFY2(isOneActionableSentence(status->text()), qPrintable(status->text()));
    QVERIFY2(status->text().contains(u"locked"_s), qPrintable(status->text()));
    QCOMPARE(pages->currentWidget(), child<QWidget>("mainPage"));
    QVERIFY(m_api->hasApiKey());
    QVERIFY(generate->isEnabled());
    dialog->reject();

    QVERIFY(unlockLoginCollection());
    QVERIFY2(readKeyDirectly() == key, "the stored key went away");
}

// A locked keyring only makes the history wait: a new link is still kept (sealing needs
// only the file's public key), and forgetting works, but the links cannot be shown,
// with a sentence saying why, until the keyring is unlocked; nothing is set aside.
void TestKeychainFailure::lockedKeyring_historyWaits_butKeepsAndForgetsLinks()
{
    if (childRole().isEmpty()) {
        runInChild(Session::LockedKeyring);
        return;
    }
    const QString path = HistoryFile::defaultPath();
    QString first;
    {
        History history(path, m_keys.get(), nullptr);
        QSignalSpy written(&history, &History::kept);
        first = history.add(TestSupport::makeToken(QDateTime::currentDateTimeUtc(), 30), u"wall"_s, Settings::defaultProfile());
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, AnswerMs);
    }

    QVERIFY(lockLoginCollection());
    History history(path, m_keys.get(), nullptr);
    QSignalSpy problem(&history, &History::problem);
    history.load();
    QCOMPARE(history.indexOf(first), 0);
    QSignalSpy kept(&history, &History::kept);
    QSignalSpy keepFailed(&history, &History::keepFailed);
    const EmbedToken token = TestSupport::makeToken(QDateTime::currentDateTimeUtc(), 30);
    const QString second = history.add(token, u"lobby"_s, Settings::defaultProfile());
    QTRY_COMPARE_WITH_TIMEOUT(kept.count() + keepFailed.count(), 1, AnswerMs);
    QCOMPARE(kept.count(), 1);

    QSignalSpy failed(&history, &History::tokenFailed);
    QSignalSpy ready(&history, &History::tokenReady);
    history.fetch(first);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, AnswerMs);
    const ApiError error = failed.first().at(1).value<ApiError>();
    QCOMPARE(error.kind(), ApiError::Kind::Keychain);
    QVERIFY2(error.userMessage().contains(u"locked"_s), qPrintable(error.userMessage()));
    QCOMPARE(ready.count(), 0);

    QSignalSpy forgotten(&history, &History::forgotten);
    history.forget(first);
    QCOMPARE(forgotten.count(), 1);
    QCOMPARE(history.indexOf(first), -1);

    // Unlocked, the next fetch reads the key: the link added while locked opens.
    QVERIFY(unlockLoginCollection());
    history.fetch(second);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 2, AnswerMs);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.first().at(1).value<EmbedToken>().token(), token.token());
    QCOMPARE(problem.count(), 0);
    QCOMPARE(history.entries().size(), 1);
}

QTEST_MAIN(TestKeychainFailure)
#include "tst_keychain_failure.moc"
