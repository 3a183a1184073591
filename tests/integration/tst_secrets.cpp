// Secret hygiene of the whole flow (DESIGN.md, security rule 1): with every Qt logging
// category on at every level, neither the API key, the history's key nor a minted token
// or link appears in stdout, stderr, the settings, the history file (which seals them),
// any file under HOME or a window title.
//
// The GUI flow runs in a child process (this binary again, in its child role) with a
// HOME of its own, so that its output and every file it leaves can be scanned: it wires
// the real objects as app/main.cpp does, types a key into the first-run page (stored in
// the real Secret Service of the test session), generates against a demo API that lives
// in this parent process, reveals and copies the token, copies the link, replaces the key
// with a wrong one in Settings (401), puts it back, runs into the rate limit (429), and
// quits with the Quit action. The headless command runs as the real `faultshare` binary.

#include "ApiClient.h"
#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "HistoryFile.h"
#include "KeychainOutcome.h"
#include "MainWindow.h"
#include "Settings.h"
#include "SettingsDialog.h"
#include "TestSupport.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int TimeoutMs = 15000;

constexpr auto ChildEnv = "FAULTSHARE_TST_SECRETS_CHILD";
constexpr auto KeyEnv = "FAULTSHARE_TST_SECRETS_KEY";
constexpr auto WrongKeyEnv = "FAULTSHARE_TST_SECRETS_WRONG_KEY";
constexpr auto UrlEnv = "FAULTSHARE_TST_SECRETS_URL";
constexpr auto ServiceEnv = "FAULTSHARE_TST_SECRETS_SERVICE";
constexpr auto ReportEnv = "FAULTSHARE_TST_SECRETS_REPORT";

// Every category at every level ("*.debug=true" alone would leave our info-level events
// off), and each line says which category wrote it, so the parent can tell that our own
// categories and Qt's were really on.
const QString AllLoggingRules = u"*=true"_s;
const QString MessagePattern = u"%{type} %{category}: %{message}"_s;

bool isChild()
{
    return qEnvironmentVariableIsSet(ChildEnv);
}

// A key in the documented form that nobody else would write: finding it anywhere means
// it leaked from this test.
QString distinctiveKey(const char* tag)
{
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    return id.left(8) + u':' + id.mid(8, 8) + u':' + QLatin1StringView(tag) + id.mid(16);
}

// Every run of 16 characters of a secret: a part of it that shows is a leak too.
QList<QByteArray> fragments(const QByteArray& secret)
{
    constexpr int Length = 16;
    QList<QByteArray> parts;
    for (qsizetype i = 0; i + Length <= secret.size(); ++i)
        parts << secret.mid(i, Length);
    return parts;
}

// What must never show of a key: all of it (also as base64), or any part of its secret.
QList<QByteArray> keyNeedles(const QString& key)
{
    const QByteArray utf8 = key.toUtf8();
    return QList<QByteArray>{utf8, utf8.toBase64()} + fragments(key.section(u':', 2).toUtf8());
}

// Of a token: all of it, or any part of its signature (the header is alike in every JWT).
QList<QByteArray> tokenNeedles(const QString& token)
{
    return QList<QByteArray>{token.toUtf8()} + fragments(token.section(u'.', 2).toUtf8());
}

// Records every window title any widget ever had, dialogs included.
class TitleRecorder final : public QObject
{
public:
    QStringList titles;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::WindowTitleChange && watched->isWidgetType())
            titles << static_cast<QWidget*>(watched)->windowTitle();
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void wholeFlow_withDebugLogging_leavesNoSecretBehind();
    void cliGenerate_withDebugLogging_neverPrintsKey_data();
    void cliGenerate_withDebugLogging_neverPrintsKey();

private:
    void runChildFlow();
    TestSupport::CliRun runCli(const QStringList& arguments, const QString& key, const QString& home);

    QString m_testHome;
};

void TestSecrets::initTestCase()
{
    if (isChild())
        return; // the product's own paths, under the private HOME the parent gave it
    QStandardPaths::setTestModeEnabled(true);
    m_testHome = qEnvironmentVariable("FAULTSHARE_TEST_HOME");
    if (m_testHome.isEmpty())
        QFAIL("FAULTSHARE_TEST_HOME is not set: run this test under scripts/with-test-keyring, "
              "which provides a throwaway Secret Service.");
}

void TestSecrets::wholeFlow_withDebugLogging_leavesNoSecretBehind()
{
    if (isChild()) {
        runChildFlow();
        return;
    }

    const QString key = distinctiveKey("good");
    const QString wrongKey = distinctiveKey("wrong");
    DemoServer demo(key);
    QVERIFY(demo.listen(QHostAddress::LocalHost, 0));
    // Two tokens, then the third request of the flow is rate limited.
    demo.setRateLimit(2);

    QTemporaryDir childHome; // what the child may write to
    QTemporaryDir scratch;   // what only the test writes: the child's report
    QVERIFY(childHome.isValid() && scratch.isValid());
    const QString service = u"FaultShare-secrets-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString reportPath = scratch.filePath(u"report.txt"_s);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"FAULTSHARE_API_KEY"_s);
    env.insert(QLatin1StringView(ChildEnv), u"1"_s);
    env.insert(QLatin1StringView(KeyEnv), key);
    env.insert(QLatin1StringView(WrongKeyEnv), wrongKey);
    env.insert(QLatin1StringView(UrlEnv), demo.url().toString());
    env.insert(QLatin1StringView(ServiceEnv), service);
    env.insert(QLatin1StringView(ReportEnv), reportPath);
    env.insert(u"HOME"_s, childHome.path());
    env.insert(u"XDG_CONFIG_HOME"_s, childHome.filePath(u".config"_s));
    env.insert(u"XDG_DATA_HOME"_s, childHome.filePath(u".local/share"_s));
    env.insert(u"XDG_CACHE_HOME"_s, childHome.filePath(u".cache"_s));
    env.insert(u"QT_LOGGING_RULES"_s, AllLoggingRules);
    env.insert(u"QT_MESSAGE_PATTERN"_s, MessagePattern);

    QProcess child;
    child.setProcessEnvironment(env);
    // -maxwarnings 0: QTest would otherwise drop every message after the 2000th.
    child.start(QCoreApplication::applicationFilePath(),
                {u"-maxwarnings"_s, u"0"_s, u"wholeFlow_withDebugLogging_leavesNoSecretBehind"_s});
    QVERIFY(child.waitForStarted(TimeoutMs));
    // The demo API lives in this process: keep its event loop turning meanwhile.
    QSignalSpy finished(&child, &QProcess::finished);
    if (!finished.wait(60000)) {
        child.kill();
        child.waitForFinished();
    }
    const QByteArray out = child.readAllStandardOutput();
    const QByteArray err = child.readAllStandardError();

    // Whatever happened, leave the keyring as it was; but first: the key did go there.
    const CredentialStore keys(service);
    const TestSupport::KeychainOutcome read
        = TestSupport::readSecret(keys, CredentialStore::apiKeyEntry(Settings::defaultProfile()), TimeoutMs);
    QVERIFY(!read.signal.isEmpty());
    const bool storedInKeychain = read.signal == u"read"_s && read.secret == key;
    QVERIFY(!TestSupport::removeSecret(keys, CredentialStore::apiKeyEntry(Settings::defaultProfile()), TimeoutMs).signal.isEmpty());
    // The history's key, made with the first link kept: a secret like the others.
    const TestSupport::KeychainOutcome historyKey = TestSupport::readSecret(keys, CredentialStore::historyKeyEntry(), TimeoutMs);
    QVERIFY(!historyKey.signal.isEmpty());
    QVERIFY(!TestSupport::removeSecret(keys, CredentialStore::historyKeyEntry(), TimeoutMs).signal.isEmpty());

    // The child's own verdict, and the output that proves logging was really on.
    QByteArray verdict;
    for (const QByteArray& line : out.split('\n')) {
        if (line.startsWith("FAIL!") || line.startsWith("   Loc:") || line.startsWith("Totals:"))
            verdict += line + '\n';
    }
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, verdict.constData());
    QVERIFY2(out.contains("PASS   : TestSecrets::wholeFlow_withDebugLogging_leavesNoSecretBehind()"),
             verdict.constData());
    QVERIFY(storedInKeychain);
    QCOMPARE(historyKey.signal, u"read"_s);
    const QByteArray logs = out + err;
    for (const char* category : {"faultshare.keychain:", "faultshare.api:", "faultshare.ui:", "debug qt."})
        QVERIFY2(logs.contains(category), category);

    QFile reportFile(reportPath);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    QStringList tokens;
    QStringList links;
    for (const QByteArray& line : reportFile.readAll().split('\n')) {
        if (line.startsWith("token "))
            tokens << QString::fromUtf8(line.mid(6));
        else if (line.startsWith("link "))
            links << QString::fromUtf8(line.mid(5));
    }
    QCOMPARE(tokens.size(), 2);
    QCOMPARE(links.size(), 2);
    QVERIFY(tokens.at(0) != tokens.at(1));

    QList<QByteArray> needles = keyNeedles(key) + keyNeedles(wrongKey);
    for (const QString& token : std::as_const(tokens))
        needles += tokenNeedles(token);
    for (const QString& link : std::as_const(links))
        needles += link.toUtf8();
    // Of the history's key: its keychain form (base64), any part of it, and its bytes.
    const QByteArray historySecret = historyKey.secret.toUtf8();
    QCOMPARE(QByteArray::fromBase64(historySecret).size(), 32);
    needles += QList<QByteArray>{historySecret, QByteArray::fromBase64(historySecret)} + fragments(historySecret);

    // The scan can find things: the settings file is there and holds the API URL, and so
    // does the history file, as the issuing API of each link it keeps (its plain-text
    // metadata; the API URL is no secret). Nothing else holds it.
    const QByteArray apiUrl = demo.url().toString().toUtf8();
    const QString settingsFile = childHome.filePath(u".config/FaultShare/FaultShare.conf"_s);
    const QString historyFile = childHome.filePath(u".local/share/FaultShare/FaultShare/history.jsonl"_s);
    QVERIFY2(QFile::exists(settingsFile), qPrintable(settingsFile));
    QVERIFY2(QFile::exists(historyFile), qPrintable(historyFile));
    QStringList urlFiles = TestSupport::filesContaining(childHome.path(), apiUrl);
    urlFiles.sort();
    QStringList expectedUrlFiles{settingsFile, historyFile};
    expectedUrlFiles.sort();
    QCOMPARE(urlFiles, expectedUrlFiles);
    // In the history file only there: the two links kept, each sealed, with that API.
    const HistoryFile::Read history = HistoryFile(historyFile).read();
    QCOMPARE(history.status, HistoryFile::Read::Status::Ok);
    QCOMPARE(history.contents.records.size(), 2);
    QByteArray historyBytes;
    {
        QFile file(historyFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        historyBytes = file.readAll();
    }
    for (const HistoryRecord& record : history.contents.records) {
        QVERIFY(record.secret != HistoryRecord::Secret::None);
        QCOMPARE(record.entry.apiUrl, demo.url());
    }
    const QByteArray apiUrlMember = "\"api_url\":\"" + apiUrl + '"';
    QCOMPARE(historyBytes.count(apiUrlMember), 2);
    QVERIFY2(!historyBytes.replace(apiUrlMember, "").contains(apiUrl), "the API URL elsewhere in the history file");

    for (const QByteArray& needle : std::as_const(needles)) {
        QVERIFY2(!out.contains(needle), "a secret on the child's stdout");
        QVERIFY2(!err.contains(needle), "a secret on the child's stderr");
        const QStringList hits = TestSupport::filesContaining(childHome.path(), needle);
        QVERIFY2(hits.isEmpty(), qPrintable(u"a secret in: "_s + hits.join(u", ")));
        // The keyring's own files (of the test session) hold it encrypted, if at all.
        const QStringList keyringHits = TestSupport::filesContaining(m_testHome, needle);
        QVERIFY2(keyringHits.isEmpty(), qPrintable(u"a secret in plain text in: "_s + keyringHits.join(u", ")));
    }
}

// The child's role: the operator's whole session, wired as app/main.cpp wires it.
void TestSecrets::runChildFlow()
{
    const QString key = qEnvironmentVariable(KeyEnv);
    const QString wrongKey = qEnvironmentVariable(WrongKeyEnv);
    const QUrl demoUrl(qEnvironmentVariable(UrlEnv));
    QVERIFY(!key.isEmpty() && !wrongKey.isEmpty() && demoUrl.isValid());
    QFile report(qEnvironmentVariable(ReportEnv));
    QVERIFY(report.open(QIODevice::WriteOnly | QIODevice::Append));
    // Keys and tokens are shown nowhere; links only where they are meant to be.
    // Asserts about them say what went wrong, never the values compared.
    QList<QByteArray> secrets = keyNeedles(key) + keyNeedles(wrongKey);
    QList<QByteArray> links;
    const auto noneIn = [](const QString& text, const QList<QByteArray>& values) {
        const QByteArray utf8 = text.toUtf8();
        for (const QByteArray& value : values) {
            if (utf8.contains(value))
                return false;
        }
        return true;
    };
    const auto noSecretIn = [&](const QString& text) { return noneIn(text, secrets); };

    TitleRecorder titles;
    qApp->installEventFilter(&titles);

    QCoreApplication::setOrganizationName(u"FaultShare"_s);
    QCoreApplication::setApplicationName(u"FaultShare"_s);
    QSettings store;
    Settings settings(store, Settings::defaultProfile());
    // The operator's profile points at the API (here: the demo API of the parent).
    settings.setApiUrl(demoUrl);
    ApiClient api;
    api.setApiUrl(settings.apiUrl());
    CredentialStore keys(qEnvironmentVariable(ServiceEnv));
    MainWindow window(api, keys, settings);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTimer::singleShot(0, &window, &MainWindow::start);

    const auto child = [&window](const char* name) {
        QWidget* widget = window.findChild<QWidget*>(QLatin1StringView(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    };
    auto* pages = qobject_cast<QStackedWidget*>(child("pages"));
    auto* generate = qobject_cast<QPushButton*>(child("generateButton"));
    auto* busyBar = qobject_cast<QProgressBar*>(child("busyBar"));
    auto* errorLabel = qobject_cast<QLabel*>(child("errorLabel"));
    auto* shortLink = qobject_cast<QLabel*>(child("shortLinkLabel"));
    QVERIFY(pages && generate && busyBar && errorLabel && shortLink);

    // First run: no key in the keychain; the operator types one and presses Return. The
    // key page and the token details are built when first shown.
    QTRY_VERIFY_WITH_TIMEOUT(pages->currentWidget() && pages->currentWidget()->objectName() == "keyPage"_L1,
                             TimeoutMs);
    auto* apiKeyEdit = qobject_cast<QLineEdit*>(child("apiKeyEdit"));
    QVERIFY(apiKeyEdit);
    QLineEdit* tokenEdit = nullptr; // the details, once there is a link
    QTest::keyClicks(apiKeyEdit, key);
    QTest::keyClick(apiKeyEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget(), child("mainPage"), TimeoutMs);
    QVERIFY(apiKeyEdit->text().isEmpty());

    const auto generateAndWait = [&] {
        QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), TimeoutMs);
        QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(busyBar->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!busyBar->isVisible(), TimeoutMs);
    };
    const auto recordResult = [&] {
        const QString token = tokenEdit->text();
        const QString link = shortLink->text();
        QVERIFY(token.count(u'.') == 2 && !link.isEmpty());
        secrets += tokenNeedles(token);
        links << link.toUtf8();
        report.write("token " + token.toUtf8() + "\nlink " + link.toUtf8() + '\n');
        report.flush();
    };

    // Generate with the stored key; reveal and copy the token, then copy the link.
    generateAndWait();
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!errorLabel->isVisible(), "the first request failed");
    tokenEdit = qobject_cast<QLineEdit*>(child("tokenEdit"));
    auto* reveal = qobject_cast<QPushButton*>(child("revealTokenButton"));
    auto* copyToken = qobject_cast<QPushButton*>(child("copyTokenButton"));
    QVERIFY(tokenEdit && reveal && copyToken);
    recordResult();
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(copyToken, Qt::LeftButton);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime && mime->text() == tokenEdit->text());
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArrayLiteral("secret"));
    QTest::keyClick(&window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(QGuiApplication::clipboard()->text() == shortLink->text());

    // Settings: replace the key (stored in the keychain, in use at once), then OK.
    const auto replaceKeyInSettings = [&](const QString& newKey) {
        QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
        SettingsDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>()) != nullptr);
        auto* replaceEdit = dialog->findChild<QLineEdit*>(u"replaceKeyEdit"_s);
        auto* replaceButton = dialog->findChild<QPushButton*>(u"replaceKeyButton"_s);
        auto* status = dialog->findChild<QLabel*>(u"keyStatusLabel"_s);
        auto* buttons = dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s);
        QVERIFY(replaceEdit && replaceButton && status && buttons);
        QSignalSpy replaced(dialog, &SettingsDialog::keyReplaced);
        QTest::keyClicks(replaceEdit, newKey);
        QTest::mouseClick(replaceButton, Qt::LeftButton);
        QVERIFY(replaced.wait(TimeoutMs));
        QVERIFY(noSecretIn(status->text()));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!dialog->isVisible());
        // The offscreen platform does not hand activation back as a window manager does.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    };

    // A key the API rejects: 401, said inline, without the key.
    replaceKeyInSettings(wrongKey);
    if (QTest::currentTestFailed())
        return;
    generateAndWait();
    QTRY_VERIFY(errorLabel->isVisible());
    QVERIFY(errorLabel->text().contains(u"401"_s));
    QVERIFY(noSecretIn(errorLabel->text()));

    // The right key again: a second token, then the rate limit (429).
    replaceKeyInSettings(key);
    if (QTest::currentTestFailed())
        return;
    generateAndWait();
    QVERIFY2(!errorLabel->isVisible(), "the request after replacing the key back failed");
    recordResult();
    generateAndWait();
    QVERIFY(errorLabel->isVisible());
    QVERIFY(errorLabel->text().contains(u"Too many requests"_s));
    QVERIFY(!generate->isEnabled());

    // No label of any window shows a key or a token (the token is only in its field).
    for (QWidget* top : QApplication::topLevelWidgets()) {
        for (const QLabel* label : top->findChildren<QLabel*>())
            QVERIFY2(noSecretIn(label->text()), qPrintable(label->objectName()));
    }

    // The token is on the clipboard when the operator quits with Ctrl+Q: the running
    // event loop ends (as QApplication::exec() in main() does) and the clipboard is
    // cleared by then, before anything is destroyed.
    QTest::mouseClick(copyToken, Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text() == tokenEdit->text());
    QTimer::singleShot(0, &window, [&window] { QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier); });
    QTimer::singleShot(TimeoutMs, qApp, [] { QCoreApplication::exit(99); });
    QCOMPARE(QApplication::exec(), 0);
    QVERIFY(!window.isVisible());
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    qApp->removeEventFilter(&titles);
    QVERIFY(!titles.titles.isEmpty());
    for (const QString& title : std::as_const(titles.titles))
        QVERIFY2(noSecretIn(title) && noneIn(title, links), "a window title showed a secret");
}

TestSupport::CliRun TestSecrets::runCli(const QStringList& arguments, const QString& key, const QString& home)
{
    QProcessEnvironment env = TestSupport::isolatedEnvironment(home, key);
    env.insert(u"QT_LOGGING_RULES"_s, AllLoggingRules);
    env.insert(u"QT_MESSAGE_PATTERN"_s, MessagePattern);
    return TestSupport::runFaultshare(QStringList{u"generate"_s} + arguments, env);
}

void TestSecrets::cliGenerate_withDebugLogging_neverPrintsKey_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("toFile");
    QTest::newRow("link to file") << u"link"_s << true;
    QTest::newRow("json to file") << u"json"_s << true;
    QTest::newRow("json to stdout") << u"json"_s << false;
    QTest::newRow("text to stdout") << u"text"_s << false;
}

void TestSecrets::cliGenerate_withDebugLogging_neverPrintsKey()
{
    if (isChild())
        QSKIP("parent only");
    QFETCH(QString, format);
    QFETCH(bool, toFile);
    const QString key = distinctiveKey("cli");
    DemoServer demo(key);
    QVERIFY(demo.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir home;
    QTemporaryDir outputDir;
    QVERIFY(home.isValid() && outputDir.isValid());
    const QString outputPath = outputDir.filePath(u"out"_s);

    QStringList arguments{u"--api-url"_s, demo.url().toString(), u"--format"_s, format, u"--minutes"_s, u"15"_s};
    if (toFile)
        arguments << u"--output"_s << outputPath;
    const TestSupport::CliRun run = runCli(arguments, key, home.path());
    QVERIFY2(run.exitCode == 0, run.err.right(3000).constData());
    QCOMPARE(demo.tokenRequestCount(), 1);
    // Logging was on, ours and Qt's.
    QVERIFY2(run.err.contains("faultshare.api:"), run.err.right(3000).constData());
    QVERIFY2(run.err.contains("debug qt."), run.err.right(3000).constData());

    for (const QByteArray& needle : keyNeedles(key)) {
        QVERIFY2(!run.out.contains(needle), "the key on stdout");
        QVERIFY2(!run.err.contains(needle), "the key on stderr");
        QCOMPARE(TestSupport::filesContaining(home.path(), needle), QStringList());
        QCOMPARE(TestSupport::filesContaining(outputDir.path(), needle), QStringList());
    }

    QByteArray output = run.out;
    if (toFile) {
        // Only the requested file holds the result, and only its owner may read it.
        QFile file(outputPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        output = file.readAll();
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(run.out, QByteArray());
        // No JWT (base64url of '{"') anywhere on the terminal.
        QVERIFY(!run.err.contains("eyJ"));
    }
    // The link grants read access too: with --output it is only in the file.
    const QString link = format == u"link"_s ? QString::fromUtf8(output).trimmed()
                         : format == u"json"_s ? QJsonDocument::fromJson(output).object().value(u"short_link"_s).toString()
                                               : QString::fromUtf8(output).section(u"Link:"_s, 1).section(u'\n', 0, 0).trimmed();
    QVERIFY(link.startsWith(demo.url().toString()));
    QVERIFY2(!run.err.contains(link.toUtf8()), "the link on stderr");
    if (toFile)
        QVERIFY2(!run.out.contains(link.toUtf8()), "the link on stdout");
    QString token;
    if (format == u"json"_s)
        token = QJsonDocument::fromJson(output).object().value(u"token"_s).toString();
    else if (format == u"text"_s)
        token = QString::fromUtf8(output).section(u"Token:"_s, 1).section(u'\n', 0, 0).trimmed();
    if (format != u"link"_s) {
        QVERIFY(token.count(u'.') == 2);
        for (const QByteArray& needle : tokenNeedles(token)) {
            QVERIFY2(!run.err.contains(needle), "the token on stderr");
            QCOMPARE(TestSupport::filesContaining(home.path(), needle), QStringList());
        }
    }
}

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
