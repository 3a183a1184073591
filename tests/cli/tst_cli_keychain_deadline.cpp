// Headless commands on a desktop whose keychain asks and nobody answers (security rule
// 11, issue 13 point 7): a wall-display box after autologin (the login keyring locked,
// its unlock prompt on the screen), or an X display whose D-Bus-autolaunched keyring has
// no collection yet (a prompt for a new keyring's password). The keychain's answer never
// comes; the command must still end: print what it minted and warn, or exit 3 saying the
// keychain did not answer.
//
// The real binary in a child process, against the demo API on loopback, on a rig of real
// parts (TestSupport::PromptingKeyring): a private Xvfb, a private D-Bus session,
// gnome-keyring, and gcr-prompter showing its window on that display. Nothing here
// measures time: a run passes when it ends by itself, the runner kills it after 40 s.

#include "ApiClient.h"
#include "ApiError.h"
#include "CliRunner.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "EmbedToken.h"
#include "HistoryFile.h"
#include "PromptingKeyring.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

using TestSupport::CliRun;
using TestSupport::PromptingKeyring;

namespace {

// The runner's kill deadline for one run: far above the product's keychain deadline
// (about 10 s), far below "waits forever".
constexpr std::chrono::milliseconds RunTimeout = std::chrono::seconds(40);

QStringList linesOf(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class tst_CliKeychainDeadline final : public QObject
{
    Q_OBJECT

private:
    QString m_key = DemoServer::generateApiKey();
    DemoServer* m_demo = nullptr;
    std::unique_ptr<PromptingKeyring> m_rig;

    QString demoUrl() const { return m_demo->url().toString(); }

    // faultshare on the rig's desktop: its HOME (where the keyring lives), DISPLAY and
    // session bus; FAULTSHARE_API_KEY only when key is given.
    CliRun run(const QStringList& arguments, const QString& key = {})
    {
        const QProcessEnvironment env = key.isEmpty() ? TestSupport::isolatedEnvironment(m_rig->home())
                                                      : TestSupport::isolatedEnvironment(m_rig->home(), key);
        const CliRun r = TestSupport::runFaultshare(arguments, m_rig->environment(env), {}, RunTimeout);
        // How it ended, for the log (stderr only: it must hold no secret anyway).
        qInfo("faultshare %s: %s; stderr: %s", qPrintable(arguments.first()),
              r.finished ? qPrintable(u"exit "_s + QString::number(r.exitCode)) : "killed after the runner's timeout",
              r.err.trimmed().isEmpty() ? "(empty)" : r.err.trimmed().constData());
        // Why it waited: a prompter on the rig's display, the collection locked.
        if (!r.finished)
            qInfo("the rig after the kill:\n%s", qPrintable(m_rig->diagnostics()));
        return r;
    }

    // What a failure message needs: how the run ended and its output.
    static QByteArray report(const QString& command, const CliRun& r)
    {
        QString text = u"`faultshare "_s + command + u"` "_s
            + (r.finished ? u"exited "_s + QString::number(r.exitCode)
                          : u"did not end within %1 s and was killed (the rig's state is logged above)"_s.arg(
                                RunTimeout.count() / 1000));
        text += u"\n--- stdout ---\n"_s + QString::fromUtf8(r.out) + u"\n--- stderr ---\n"_s + QString::fromUtf8(r.err);
        return text.toUtf8();
    }

    // A rig that did not come up is a failure, never a skip: the whole story goes to the
    // log (a failure message is cut short), its first line into the message.
    // A rig of kind, its profile pointed at the demo API; false (the test failed) when
    // either could not be done.
    bool startRig(PromptingKeyring::Kind kind)
    {
        m_rig = std::make_unique<PromptingKeyring>(kind);
        if (!m_rig->start()) {
            QTest::qFail(m_rig->failure().constData(), __FILE__, __LINE__);
            return false;
        }
        setProfileApiUrl();
        return !QTest::currentTestFailed();
    }

    void checkNoSecret(const CliRun& r, const QString& token = {})
    {
        for (const QString& secret : {m_key, m_key.section(u':', 2), token.section(u'.', 2)}) {
            if (secret.isEmpty())
                continue;
            QVERIFY2(!r.out.contains(secret.toUtf8()), "a secret on stdout");
            QVERIFY2(!r.err.contains(secret.toUtf8()), "a secret on stderr");
        }
    }

    void setProfileApiUrl()
    {
        // The profile's API is the demo: the stored key belongs to that origin, so generate
        // and preview both reach for it.
        QSettings file(TestSupport::childSettingsFile(m_rig->home()), QSettings::IniFormat);
        file.setValue(u"profiles/default/apiUrl"_s, demoUrl());
        file.sync();
        QCOMPARE(file.status(), QSettings::NoError);
    }

    // The child's history file (HistoryFile::defaultPath() under the rig's HOME).
    QString historyFile() const { return m_rig->home() + u"/.local/share/FaultShare/FaultShare/history.jsonl"_s; }

    QList<HistoryRecord> historyRows() const { return HistoryFile(historyFile()).read().contents.records; }

    // Files set aside next to the history file: a keychain that does not answer never
    // makes one.
    QStringList setAside() const
    {
        const QFileInfo file(historyFile());
        return file.dir().entryList({file.fileName() + u".*"_s}, QDir::Files).filter(QRegularExpression(u"\\.[a-z-]+-\\d{8}T\\d{6}Z"_s));
    }

    // A wall-display box after autologin: the default profile's key and the history's key
    // in the login keyring, which is then locked (a prompt for it shows and waits), and a
    // history file with one link.
    void startLocked()
    {
        if (!startRig(PromptingKeyring::Kind::Locked))
            return;
        if (!m_rig->storeKeychainEntry(u"FaultShare"_s, CredentialStore::apiKeyEntry(u"default"_s), m_key))
            QFAIL(m_rig->failure().constData());
        // Unlocked, the real command reads that key and keeps its link: proof that the
        // child uses the rig's keyring; the first link makes the history file and stores
        // its key in the keyring.
        const QStringList seed{u"generate"_s, u"--api-url"_s, demoUrl(), u"--format"_s, u"link"_s,
                               u"--label"_s, u"before the lock"_s};
        const CliRun seeded = run(seed);
        QVERIFY2(seeded.finished && seeded.exitCode == 0 && seeded.err.isEmpty() && seeded.out.startsWith(demoUrl().toUtf8()),
                 QByteArray("rig: the command could not use the rig's keyring while it was unlocked: "
                            + report(seed.join(u' '), seeded))
                     .constData());
        QCOMPARE(historyRows().size(), 1);
        if (!m_rig->lock())
            QFAIL(m_rig->failure().constData());
        if (!m_rig->promptShows())
            QFAIL(m_rig->failure().constData());
    }

    // A shell on an X display whose D-Bus session autolaunches gnome-keyring: no
    // collection at all, so keeping anything asks for a new keyring's password.
    void startNoCollection()
    {
        if (!startRig(PromptingKeyring::Kind::NoCollection))
            return;
        if (!m_rig->promptShows())
            QFAIL(m_rig->failure().constData());
    }

    // A token the demo issued for the demo key, minted here.
    QString mintToken()
    {
        ApiClient client;
        client.setApiUrl(m_demo->url());
        client.setApiKey(m_key);
        TokenRequest* request = client.requestToken(15);
        QString token;
        bool failed = false;
        connect(request, &TokenRequest::finished, this, [&token](const EmbedToken& minted) { token = minted.token(); });
        connect(request, &ApiRequest::failed, this, [&failed](const ApiError&) { failed = true; });
        (void)QTest::qWaitFor([&] { return !token.isEmpty() || failed; }, 30000);
        return token;
    }

    // The link was minted with the key from the environment, and keeping it needs the
    // keychain: the first link of this computer makes the history's key. It is printed,
    // the command exits 0 and warns once that the link was not kept; no history file is
    // left with a key the keychain does not hold.
    void generateWithEnvironmentKey_printsLink_warnsNotKept()
    {
        QVERIFY(!QFileInfo::exists(historyFile()) || historyRows().isEmpty());
        const QStringList arguments{u"generate"_s, u"--api-url"_s, demoUrl(), u"--format"_s, u"link"_s};
        const CliRun r = run(arguments, m_key);
        const QByteArray what = report(arguments.join(u' '), r);
        QVERIFY2(r.finished, what.constData());
        QVERIFY2(r.exitCode == 0, what.constData());
        const QStringList out = linesOf(r.out);
        QVERIFY2(out.size() == 1 && out.first().startsWith(demoUrl()), what.constData());
        const QStringList err = linesOf(r.err);
        QVERIFY2(err.size() == 1, what.constData());
        QVERIFY2(err.first().startsWith(u"faultshare: the link was not kept in the history:"_s), what.constData());
        QVERIFY2(err.first().contains(u"answer"_s), what.constData());
        checkNoSecret(r);
        QCOMPARE(HistoryFile(historyFile()).read().status, HistoryFile::Read::Status::Missing);
        QCOMPARE(setAside(), QStringList());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_demo = new DemoServer(m_key, this);
        QVERIFY(m_demo->listen());
    }

    // Every process of the rig ends with the test, failed or not.
    void cleanup()
    {
        if (!m_rig)
            return;
        const QStringList left = m_rig->stop();
        m_rig.reset();
        QVERIFY2(left.isEmpty(), qPrintable(u"rig processes still alive: "_s + left.join(u", "_s)));
    }

    // Case 1: the link was minted with the key from the environment, and the history file
    // exists: keeping the link needs only the file's public key, never the keychain. It
    // is printed and kept (sealed, for whoever has the key), with nothing to say.
    void locked_generateWithEnvironmentKey_printsLink_keepsItWithoutKeychain()
    {
        startLocked();
        if (QTest::currentTestFailed())
            return;
        const QStringList arguments{u"generate"_s, u"--api-url"_s, demoUrl(), u"--format"_s, u"link"_s,
                                    u"--label"_s, u"while locked"_s};
        const CliRun r = run(arguments, m_key);
        const QByteArray what = report(arguments.join(u' '), r);
        QVERIFY2(r.finished, what.constData());
        QVERIFY2(r.exitCode == 0, what.constData());
        const QStringList out = linesOf(r.out);
        QVERIFY2(out.size() == 1 && out.first().startsWith(demoUrl()), what.constData());
        QVERIFY2(r.err.isEmpty(), what.constData());
        checkNoSecret(r);
        const QList<HistoryRecord> rows = historyRows();
        QCOMPARE(rows.size(), 2);
        const auto added = std::find_if(rows.cbegin(), rows.cend(),
                                        [](const HistoryRecord& row) { return row.entry.label == u"while locked"_s; });
        QVERIFY(added != rows.cend());
        // Sealed with the public key: this process never had the key.
        QCOMPARE(added->secret, HistoryRecord::Secret::Sealed);
        QCOMPARE(setAside(), QStringList());
    }

    // Case 1 before the first link: no history file yet, so keeping the link needs the
    // history's key, behind the prompt.
    void locked_noHistoryFile_generateWithEnvironmentKey_printsLink_warnsNotKept()
    {
        startLocked();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(QFile::remove(historyFile()));
        generateWithEnvironmentKey_printsLink_warnsNotKept();
    }

    // Case 1 on a box whose keyring was locked before any link was kept: no history file
    // and no history key. The first link needs one: looking for it waits for the prompt
    // (gnome-keyring asks to unlock even to find nothing), and no key is made meanwhile.
    void lockedBeforeFirstLink_generateWithEnvironmentKey_printsLink_warnsNotKept()
    {
        if (!startRig(PromptingKeyring::Kind::Locked))
            return;
        if (!m_rig->lock() || !m_rig->promptShows())
            QFAIL(m_rig->failure().constData());
        generateWithEnvironmentKey_printsLink_warnsNotKept();
    }

    // Case 2: the key itself is behind the prompt. Nothing can be sent: exit 3, and the
    // one line says the keychain did not answer and that a prompt may be waiting.
    void locked_generateWithStoredKey_exits3_saysKeychainDidNotAnswer()
    {
        startLocked();
        if (QTest::currentTestFailed())
            return;
        const QStringList arguments{u"generate"_s, u"--api-url"_s, demoUrl()};
        const CliRun r = run(arguments);
        const QByteArray what = report(arguments.join(u' '), r);
        QVERIFY2(r.finished, what.constData());
        QVERIFY2(r.exitCode == 3, what.constData());
        QVERIFY2(r.out.isEmpty(), what.constData());
        const QStringList err = linesOf(r.err);
        QVERIFY2(err.size() == 1, what.constData());
        QVERIFY2(err.first().contains(u"did not answer"_s) || err.first().contains(u"no answer"_s), what.constData());
        QVERIFY2(err.first().contains(u"prompt"_s), what.constData());
        checkNoSecret(r);
    }

    // Case 3: the history's key is behind the prompt. The command ends, lists the rows the
    // file holds without their links, and says once that the keychain did not answer;
    // the file stays as it is.
    void locked_history_listsRowsWithoutLinks_saysKeychainDidNotAnswer()
    {
        startLocked();
        if (QTest::currentTestFailed())
            return;
        QFile file(historyFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        const CliRun r = run({u"history"_s});
        const QByteArray what = report(u"history"_s, r);
        QVERIFY2(r.finished, what.constData());
        QVERIFY2(r.exitCode == 0, what.constData());
        const QStringList out = linesOf(r.out);
        QVERIFY2(out.size() == 2 && out.at(0).startsWith(u"LABEL"_s), what.constData());
        QVERIFY2(out.at(1).startsWith(u"before the lock"_s) && out.at(1).endsWith(u"—"_s), what.constData());
        const QStringList err = linesOf(r.err);
        QVERIFY2(err.size() == 1, what.constData());
        QVERIFY2(err.first().startsWith(u"faultshare: The links are not shown ("_s), what.constData());
        QVERIFY2(err.first().contains(u"answer"_s) && err.first().contains(u"unlock the keychain"_s), what.constData());
        checkNoSecret(r);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QCOMPARE(setAside(), QStringList());
    }

    // Case 4: preview reads the profile's key, which is behind the prompt. It ends either
    // way: asking without a key (the demo answers 401) or giving up on the keychain,
    // both exit 3.
    void locked_previewWithStoredKey_ends()
    {
        startLocked();
        if (QTest::currentTestFailed())
            return;
        const QString token = mintToken();
        QVERIFY(!token.isEmpty());
        const QStringList arguments{u"preview"_s, u"--api-url"_s, demoUrl(), token};
        const CliRun r = run(arguments);
        const QByteArray what = report(u"preview --api-url "_s + demoUrl() + u" <token>"_s, r);
        QVERIFY2(r.finished, what.constData());
        QVERIFY2(r.exitCode == 3, what.constData());
        checkNoSecret(r, token);
    }

    // Case 1 where the keyring has no collection (and there is no history file yet):
    // storing the history's key asks for a new keyring's password.
    void noCollection_generateWithEnvironmentKey_printsLink_warnsHistoryNotKept()
    {
        startNoCollection();
        if (QTest::currentTestFailed())
            return;
        generateWithEnvironmentKey_printsLink_warnsNotKept();
    }
};

QTEST_GUILESS_MAIN(tst_CliKeychainDeadline)
#include "tst_cli_keychain_deadline.moc"
