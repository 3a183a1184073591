// The window on a desktop whose keychain asks and nobody answers (a wall-display box
// after autologin: the login keyring locked, its unlock prompt on a screen nobody looks
// at): the window keeps waiting, since an operator may be typing the password, says where
// the answer is held up, and stays responsive. Real parts: a private Xvfb, D-Bus session
// and gnome-keyring whose prompt gcr-prompter shows (TestSupport::PromptingKeyring).

#include "WindowTest.h"

#include "PromptingKeyring.h"

#include <QProcess>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// The window runs in a child process whose D-Bus session is the rig's: GLib ends a
// process whose session bus goes away (SIGTERM), and the rig's bus goes with the rig.
constexpr auto ChildEnv = "FAULTSHARE_PROMPT_GUI_CHILD";
constexpr auto ServiceEnv = "FAULTSHARE_PROMPT_GUI_SERVICE";

} // namespace

class TestKeychainPromptGui final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup() { tearDownWindow(); }

    void lockedKeyring_windowWaits_saysWhy_staysResponsive()
    {
        if (qEnvironmentVariableIsEmpty(ChildEnv)) {
            runInRig();
            return;
        }
        QVERIFY(setUpWindow());
        // The key the parent stored in the rig's keyring, which it then locked.
        m_service = qEnvironmentVariable(ServiceEnv);
        m_keys = std::make_unique<CredentialStore>(m_service);
        m_settings->setKeyStored(true);
        m_settings->setApiUrl(m_demo->url());
        newWindow();
        m_window->show();
        m_window->start();
        auto* generate = child<QPushButton>("generateButton");
        QVERIFY(generate && generate->isEnabled());
        // The first Generate reads the key: the keyring asks for its password on the rig's
        // screen, and nobody answers.
        QTest::mouseClick(generate, Qt::LeftButton);

        // The window's event loop keeps turning while the keychain is silent.
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(50);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().startsWith(u"No answer yet from"_s), 15000);
        QVERIFY2(m_window->statusBar()->currentMessage().contains(u"prompt"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY2(ticks >= 20, qPrintable(QString::number(ticks)));
        // Nothing was sent without the key, and nothing is stuck half-way: no error, the
        // form is still there.
        QCOMPARE(m_demo->tokenRequestCount(), 0);
        QVERIFY(!child<QLabel>("errorLabel")->isVisible());
        QVERIFY(!m_api->hasApiKey());
        // Out now, while the rig's bus is still there.
        tearDownWindow();
    }

private:
    void runInRig()
    {
        TestSupport::PromptingKeyring rig(TestSupport::PromptingKeyring::Kind::Locked);
        QVERIFY2(rig.start(), qPrintable(rig.error()));
        const QString service = u"FaultSharePromptTest"_s;
        QVERIFY2(rig.storeKeychainEntry(service, CredentialStore::apiKeyEntry(Settings::defaultProfile()), u"a:b:c"_s),
                 qPrintable(rig.error()));
        QVERIFY2(rig.lock(), qPrintable(rig.error()));
        QProcessEnvironment env = rig.environment(QProcessEnvironment::systemEnvironment());
        env.insert(QString::fromLatin1(ChildEnv), u"1"_s);
        env.insert(QString::fromLatin1(ServiceEnv), service);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QProcess child;
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(QTest::currentTestFunction())});
        QVERIFY2(child.waitForStarted(), qPrintable(child.errorString()));
        const bool finished = child.waitForFinished(60000);
        if (!finished)
            child.kill();
        const QByteArray out = child.readAllStandardOutput();
        QVERIFY2(rig.prompterRunning(), qPrintable(rig.diagnostics()));
        QCOMPARE(rig.stop(), QStringList());
        QVERIFY2(finished && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 QByteArray(out.right(3000) + child.readAllStandardError().right(2000)).constData());
        QVERIFY2(out.contains("PASS   : TestKeychainPromptGui::lockedKeyring_windowWaits_saysWhy_staysResponsive()"), out.constData());
    }
};

QTEST_MAIN(TestKeychainPromptGui)
#include "tst_keychain_prompt_gui.moc"
