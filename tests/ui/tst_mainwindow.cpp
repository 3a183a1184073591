// The main window as an operator drives it: a real demo API on 127.0.0.1, the real
// ApiClient and network stack, the real (throwaway) Secret Service, a real QR decoder
// on what was drawn. Only the countdown's clock is faked, where real time would take
// minutes.

#include "WindowTest.h"
#include "ApiClient.h"
#include "Clipboard.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "ApiRequestLog.h"
#include "HistoryPanel.h"
#include "KeychainOutcome.h"
#include "Jwt.h"
#include "MainWindow.h"
#include "Origin.h"
#include "MonospaceCheck.h"
#include "QrDecode.h"
#include "QrView.h"
#include "Settings.h"
#include "ScriptedServer.h"
#include "SettingsDialog.h"
#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QKeySequence>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int NetworkTimeoutMs = 10000;

} // namespace

class TestMainWindow final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void generate_showsQrThatDecodesToShortLink();
    void demo_showsBadgeAndTitleAndStoresNothing();
    void firstFocus_isTheValidity_andTabGoesToTheLabel();
    void copyLink_putsLinkOnClipboardAndShowsFeedback();
    void copyToken_marksSecretAndClearsWhenStillOurs();
    void copyToken_leavesClipboardAloneWhenChangedMeanwhile();
    void copyToken_isClearedWhenTheWindowGoesAway();
    void revealToken_togglesEchoMode();
    void revealedToken_copiesOnlyThroughSecretPath();
    void details_showClaimsAndClockInSync();
    void clockSkew_isShownAndCountdownFollowsServer();
    void clockSkew_serverBehind_countdownFollowsServer();
    void clockSkew_serverAhead_linkDeadOnServerIsTakenDown();
    void countdown_textChangesAcrossTick();
    void expired_takesQrDown();
    void expiryNotifications_warnOnceThenSayExpired_withoutLinkOrToken();
    void unauthorized_showsInlineErrorAndKeepsFormAndResult();
    void rateLimited_disablesGenerateAndShowsWait();
    void rateLimited_generateReturnsAfterRetryAfter_postNeverRepeated();
    void invalidCustomMinutes_disablesGenerate_data();
    void invalidCustomMinutes_disablesGenerate();
    void presets_areExactTextsAndMinutes();
    void until_inOneHour_generatesWithSixtyMinutes();
    void until_inPast_disablesGenerateWithReason();
    void cancel_stopsBusyState();
    void firstRun_noKey_showsKeyPage_thenSaveStoresInKeychain();
    void firstRun_invalidKey_showsReasonAndStoresNothing();
    void storedKey_isReadOnStart_andGenerates();
    void firstFrame_buildsNoKeyPageDetailsOrHistoryPanel();
    void storedKey_noted_nextStartReadsItAtFirstGenerate();
    void storedKey_goneSinceNoted_generateShowsKeyPageWithReason();
    void noKey_noted_nextStartShowsKeyPageWithoutAsking();
    void tryDemo_emitsDemoRequested();
    void windowTitle_neverContainsSecrets();
    void settings_invalidApiUrl_disablesOk();
    void settings_forgetKey_returnsToKeyPage();
    void settings_replaceKey_storesAndUsesNewKey();
    void keyStoredForAnotherApi_asksWithBothHosts_data();
    void keyStoredForAnotherApi_asksWithBothHosts();
    void apiUrlChangedInSettings_keyInUseIsNotSentThereUnasked();
    void settings_demoMode_disablesConnectionAndKey();
    void settings_notifications_defaultOnAtTenMinutes_andAreSaved();

private:
    void showWindow();
    // The window closed and opened again over the same settings and keychain, with a
    // fresh ApiClient (no key in memory), as after a restart.
    void restart();
    void generateWithShortcut();
    // The clock-skew line: one line of plain text, naming the difference.
    void checkSkewLine(const QString& difference);
    QString service() const { return m_service; }
    // Writes or removes a key with a CredentialStore of its own, waiting for the answer.
    bool writeKeyDirectly(const QString& key);
    std::optional<QString> readKeyDirectly();

};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationVersion(u"0.0.0-test"_s);
}

void TestMainWindow::init()
{
    QVERIFY(setUpWindow());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_demo.reset();
    // Leave nothing behind in the (throwaway) keyring.
    if (m_keys)
        QVERIFY(!TestSupport::removeSecret(*m_keys, CredentialStore::apiKeyEntry(m_settings->profile()), NetworkTimeoutMs)
                     .signal.isEmpty());
    QGuiApplication::clipboard()->clear();
    tearDownWindow();
}

void TestMainWindow::showWindow()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindow::restart()
{
    m_window.reset();
    m_api = std::make_unique<ApiClient>();
    m_settings->setApiUrl(m_demo->url());
    newWindow();
    showWindow();
}

void TestMainWindow::generateWithShortcut()
{
    auto* resultPanel = child<QWidget>("resultPanel");
    auto* busyBar = child<QProgressBar>("busyBar");
    auto* errorLabel = child<QLabel>("errorLabel");
    QVERIFY(resultPanel && busyBar && errorLabel);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!busyBar->isVisible(), NetworkTimeoutMs);
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible(), NetworkTimeoutMs);
}

bool TestMainWindow::writeKeyDirectly(const QString& key)
{
    const CredentialStore store(m_service);
    return TestSupport::writeSecret(store, CredentialStore::apiKeyEntry(m_settings->profile()), key, {}, NetworkTimeoutMs).signal
        == u"written"_s;
}

std::optional<QString> TestMainWindow::readKeyDirectly()
{
    const CredentialStore store(m_service);
    const TestSupport::KeychainOutcome outcome
        = TestSupport::readSecret(store, CredentialStore::apiKeyEntry(m_settings->profile()), NetworkTimeoutMs);
    if (outcome.signal != u"read"_s)
        return std::nullopt;
    return outcome.secret;
}

void TestMainWindow::generate_showsQrThatDecodesToShortLink()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* resultPanel = child<QWidget>("resultPanel");
    QVERIFY(resultPanel);
    QVERIFY(!resultPanel->isVisible());

    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_demo->tokenRequestCount(), 1);

    auto* shortLinkLabel = child<QLabel>("shortLinkLabel");
    QVERIFY(shortLinkLabel && shortLinkLabel->isVisible());
    const QString decoded = decodedQr();
    QVERIFY2(!decoded.isEmpty(), "the drawn QR code does not decode");
    QCOMPARE(decoded, shortLinkLabel->text());
    // Read out or typed: l, I and 1 must differ (a fixed-width face), and the text is the
    // link itself (no ligature).
    const QString fontProblem = TestSupport::monospaceProblem(shortLinkLabel->font());
    QVERIFY2(fontProblem.isEmpty(), qPrintable(QFontInfo(shortLinkLabel->font()).family() + u": "_s + fontProblem));
    const QUrl link(decoded);
    QCOMPARE(link.scheme(), u"http"_s);
    QCOMPARE(link.host(), m_demo->url().host());
    QCOMPARE(link.port(), m_demo->url().port());
}

// As main() starts it: demo mode before the first show. The keyboard starts at the form's
// first field, and Tab walks the form in order, not off into the history.
void TestMainWindow::firstFocus_isTheValidity_andTabGoesToTheLabel()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    m_window->start();
    auto* validity = child<QWidget>("expiryPresetCombo");
    auto* label = child<QWidget>("labelEdit");
    QVERIFY(validity && label);
    QTRY_COMPARE(QApplication::focusWidget(), validity);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), label);
    QTest::keyClick(label, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>("keepRenewingCheck"));
}

void TestMainWindow::demo_showsBadgeAndTitleAndStoresNothing()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* badge = child<QLabel>("demoBadge");
    QVERIFY(badge);
    QVERIFY(badge->isVisible());
    QVERIFY(!badge->text().isEmpty());
    QVERIFY(m_window->windowTitle().endsWith(u" — Demo"_s));
    QVERIFY(m_window->isDemo());

    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    m_window->close();
    m_store->sync();
    QVERIFY(TestSupport::filesContaining(m_dir->path(), m_demo->apiKey().toUtf8()).isEmpty());
    QVERIFY(TestSupport::filesContaining(m_dir->path(), m_demo->url().toString().toUtf8()).isEmpty());
    // Nothing went to the keychain either.
    QCOMPARE(readKeyDirectly(), std::nullopt);
}

void TestMainWindow::copyLink_putsLinkOnClipboardAndShowsFeedback()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* shortLinkLabel = child<QLabel>("shortLinkLabel");
    auto* feedback = child<QLabel>("copyFeedbackLabel");
    QVERIFY(shortLinkLabel && feedback);
    QVERIFY(!feedback->isVisible());
    QGuiApplication::clipboard()->setText(u"something else"_s);

    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);

    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), shortLinkLabel->text());
    // A link is not a secret: no password-manager hint.
    QVERIFY(!mime->hasFormat(u"x-kde-passwordManagerHint"_s));
    QVERIFY(feedback->isVisible());
    QCOMPARE(feedback->text(), u"Copied"_s);
    // The feedback goes away by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!feedback->isVisible(), 5000);
}

void TestMainWindow::copyToken_marksSecretAndClearsWhenStillOurs()
{
    m_settings->setClipboardClearDelay(1s);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* tokenEdit = child<QLineEdit>("tokenEdit");
    auto* copyTokenButton = child<QPushButton>("copyTokenButton");
    auto* clipboard = m_window->findChild<Clipboard*>();
    QVERIFY(tokenEdit && copyTokenButton && clipboard);
    const QString token = tokenEdit->text();
    QVERIFY(!token.isEmpty());
    QSignalSpy expired(clipboard, &Clipboard::secretExpired);

    QTest::mouseClick(copyTokenButton, Qt::LeftButton);

    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), token);
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArrayLiteral("secret"));
#endif
    QVERIFY(clipboard->holdsSecret());

    QVERIFY(expired.wait(NetworkTimeoutMs));
    QCOMPARE(expired.first().at(0).toBool(), true);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestMainWindow::copyToken_leavesClipboardAloneWhenChangedMeanwhile()
{
    m_settings->setClipboardClearDelay(1s);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* copyTokenButton = child<QPushButton>("copyTokenButton");
    auto* clipboard = m_window->findChild<Clipboard*>();
    QVERIFY(copyTokenButton && clipboard);
    QSignalSpy expired(clipboard, &Clipboard::secretExpired);

    QTest::mouseClick(copyTokenButton, Qt::LeftButton);
    QVERIFY(clipboard->holdsSecret());
    QGuiApplication::clipboard()->setText(u"copied by the operator meanwhile"_s);

    QVERIFY(expired.wait(NetworkTimeoutMs));
    QCOMPARE(expired.first().at(0).toBool(), false);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"copied by the operator meanwhile"_s);

    // Quitting does not clear it either.
    m_window.reset();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"copied by the operator meanwhile"_s);
}

void TestMainWindow::copyToken_isClearedWhenTheWindowGoesAway()
{
    m_settings->setClipboardClearDelay(60s);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* copyTokenButton = child<QPushButton>("copyTokenButton");
    auto* tokenEdit = child<QLineEdit>("tokenEdit");
    QVERIFY(copyTokenButton && tokenEdit);
    QTest::mouseClick(copyTokenButton, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), tokenEdit->text());

    m_window.reset(); // as when the app quits
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestMainWindow::revealToken_togglesEchoMode()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* tokenEdit = child<QLineEdit>("tokenEdit");
    auto* reveal = child<QPushButton>("revealTokenButton");
    QVERIFY(tokenEdit && reveal);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    QVERIFY(tokenEdit->isReadOnly());
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
}

// Shown, the token can be selected, but copied only as Copy token copies it: marked for
// clipboard managers and cleared after the delay. Never into the X11 PRIMARY selection
// (tst_clipboard_x11 checks the field on a real X server), never dragged out.
void TestMainWindow::revealedToken_copiesOnlyThroughSecretPath()
{
    m_settings->setClipboardClearDelay(1s);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* tokenEdit = child<QLineEdit>("tokenEdit");
    auto* reveal = child<QPushButton>("revealTokenButton");
    auto* clipboard = m_window->findChild<Clipboard*>();
    QVERIFY(tokenEdit && reveal && clipboard);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Normal);
    QVERIFY(!tokenEdit->dragEnabled());
    const QString token = tokenEdit->text();
    QVERIFY(!token.isEmpty());

    QGuiApplication::clipboard()->clear();
    tokenEdit->setFocus();
    QTest::keyClick(tokenEdit, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(tokenEdit->selectedText(), token);
    if (QGuiApplication::clipboard()->supportsSelection())
        QVERIFY(!token.contains(QGuiApplication::clipboard()->text(QClipboard::Selection)));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    const auto checkSecretCopy = [&](const char* how) {
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY2(mime && mime->text() == token, how);
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
        QVERIFY2(mime->data(u"x-kde-passwordManagerHint"_s) == QByteArrayLiteral("secret"), how);
#endif
        QVERIFY2(clipboard->holdsSecret(), how);
    };

    // Ctrl+C: the secret copy, cleared after the delay.
    QSignalSpy expired(clipboard, &Clipboard::secretExpired);
    QTest::keyClick(tokenEdit, Qt::Key_C, Qt::ControlModifier);
    checkSecretCopy("Ctrl+C");
    if (QTest::currentTestFailed())
        return;
    QVERIFY(expired.wait(NetworkTimeoutMs));
    QCOMPARE(expired.first().at(0).toBool(), true);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    // Ctrl+Insert, where it means Copy.
    if (QKeySequence::keyBindings(QKeySequence::Copy).contains(QKeySequence(Qt::CTRL | Qt::Key_Insert))) {
        QGuiApplication::clipboard()->setText(u"before"_s);
        QTest::keyClick(tokenEdit, Qt::Key_Insert, Qt::ControlModifier);
        checkSecretCopy("Ctrl+Insert");
        if (QTest::currentTestFailed())
            return;
    }

    // Copy in the field's context menu.
    QGuiApplication::clipboard()->setText(u"before"_s);
    const QPoint at = tokenEdit->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, tokenEdit->mapToGlobal(at));
    QApplication::sendEvent(tokenEdit, &event);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = tokenEdit->findChild<QMenu*>()) != nullptr && menu->isVisible());
    QAction* copy = nullptr;
    const QList<QAction*> actions = menu->actions();
    for (QAction* action : actions) {
        if (action->shortcut() == QKeySequence(QKeySequence::Copy))
            copy = action;
    }
    QVERIFY(copy && copy->isEnabled());
    copy->trigger();
    menu->close();
    checkSecretCopy("context menu");
}

void TestMainWindow::details_showClaimsAndClockInSync()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* type = child<QLabel>("tokenTypeLabel");
    auto* claims = child<QPlainTextEdit>("claimsView");
    auto* skew = child<QLabel>("clockSkewLabel");
    QVERIFY(type && claims && skew);
    QVERIFY(type->text().startsWith(u"jwt"_s));
    QVERIFY(claims->isReadOnly());
    const QString text = claims->toPlainText();
    QVERIFY2(text.contains(u"\"exp\""_s) && text.contains(u"\"iat\""_s), qPrintable(text));
    QVERIFY2(text.contains(u"UTC"_s), qPrintable(text)); // iat/exp as readable times
    QCOMPARE(skew->text(), u"In sync"_s);
}

void TestMainWindow::clockSkew_isShownAndCountdownFollowsServer()
{
    // The server's clock runs 2 min 5 s ahead of ours.
    m_demo->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(125); });
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    QVERIFY(preset);
    preset->setCurrentIndex(preset->findData(15));
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* skew = child<QLabel>("clockSkewLabel");
    auto* countdown = child<QLabel>("countdownLabel");
    QVERIFY(skew && countdown);
    checkSkewLine(u"Server 2 min"_s);
    QVERIFY2(skew->text().contains(u"ahead"_s), qPrintable(skew->text()));
    // On our clock 17 min would be left; on the server's, 15.
    QVERIFY2(countdown->text().startsWith(u"15:"_s) || countdown->text().startsWith(u"14:"_s),
             qPrintable(countdown->text()));
}

void TestMainWindow::checkSkewLine(const QString& difference)
{
    auto* skew = child<QLabel>("clockSkewLabel");
    QVERIFY(skew);
    const QString text = skew->text();
    QVERIFY2(text.contains(difference) && text.contains(u"countdown follows it"_s), qPrintable(text));
    QVERIFY2(!text.contains(u'\n') && !text.contains(u". "_s), qPrintable(text));
    // It fits on one line of the details as laid out.
    QVERIFY2(skew->height() < 2 * skew->fontMetrics().lineSpacing(), qPrintable(text));
}

void TestMainWindow::clockSkew_serverBehind_countdownFollowsServer()
{
    // The server's clock runs 10 min behind ours: a 15 min link ends in 15 min on the
    // server that decides, though by our clock it would end in 5.
    const auto fakeNow = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    const MainWindow::Clock clock = [fakeNow] { return *fakeNow; };
    m_window->setClock(clock);
    m_demo->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(-600); });
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    QVERIFY(preset);
    preset->setCurrentIndex(preset->findData(15));
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* countdown = child<QLabel>("countdownLabel");
    auto* qrView = child<QrView>("qrView");
    auto* copyLink = child<QPushButton>("copyLinkButton");
    QVERIFY(countdown && qrView && copyLink);
    checkSkewLine(u"Server 10 min behind"_s);
    QVERIFY2(countdown->text().startsWith(u"15:"_s) || countdown->text().startsWith(u"14:"_s),
             qPrintable(countdown->text()));

    // Six minutes on: over by our clock, 9 min left by the server's; the link still works.
    *fakeNow = fakeNow->addSecs(6 * 60);
    m_window->setClock(clock);
    QVERIFY2(countdown->text().startsWith(u"9:"_s) || countdown->text().startsWith(u"8:"_s),
             qPrintable(countdown->text()));
    QVERIFY(!qrView->qrCode().isNull());
    QVERIFY(copyLink->isEnabled());
}

void TestMainWindow::clockSkew_serverAhead_linkDeadOnServerIsTakenDown()
{
    // The server's clock runs 5 min ahead of ours: the link dies 5 min before our clock
    // says so, and a wall display must not show it as valid meanwhile.
    const auto fakeNow = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    const MainWindow::Clock clock = [fakeNow] { return *fakeNow; };
    m_window->setClock(clock);
    m_demo->setClock([] { return QDateTime::currentDateTimeUtc().addSecs(305); });
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    QVERIFY(preset);
    preset->setCurrentIndex(preset->findData(15));
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* countdown = child<QLabel>("countdownLabel");
    auto* qrView = child<QrView>("qrView");
    auto* copyLink = child<QPushButton>("copyLinkButton");
    QVERIFY(countdown && qrView && copyLink);
    checkSkewLine(u"Server 5 min"_s);
    QVERIFY(child<QLabel>("clockSkewLabel")->text().contains(u"ahead"_s));

    // 16 min on: 4 min left by our clock, but over on the server.
    *fakeNow = fakeNow->addSecs(16 * 60);
    m_window->setClock(clock);
    QCOMPARE(countdown->text(), u"Expired"_s);
    QVERIFY(qrView->qrCode().isNull());
    QCOMPARE(decodedQr(), QString());
    QVERIFY(!copyLink->isEnabled());
}

void TestMainWindow::countdown_textChangesAcrossTick()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* countdown = child<QLabel>("countdownLabel");
    auto* bar = child<QProgressBar>("countdownBar");
    auto* phase = child<QLabel>("phaseLabel");
    auto* expiry = child<QLabel>("expiryLabel");
    QVERIFY(countdown && bar && phase && expiry);
    const QString before = countdown->text();
    QVERIFY(!before.isEmpty());
    QVERIFY(bar->value() > 900 && bar->value() <= 1000);
    QVERIFY(!phase->text().isEmpty());
    QVERIFY(expiry->text().contains(u"UTC"_s));
    QTRY_VERIFY_WITH_TIMEOUT(countdown->text() != before, 3000);
}

void TestMainWindow::expired_takesQrDown()
{
    // Shared with the window, which may outlive this function until cleanup().
    const auto fakeNow = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    const MainWindow::Clock clock = [fakeNow] { return *fakeNow; };
    m_window->setClock(clock);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    QVERIFY(preset);
    preset->setCurrentIndex(preset->findData(15));
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* qrView = child<QrView>("qrView");
    auto* copyLink = child<QPushButton>("copyLinkButton");
    auto* openLink = child<QPushButton>("openLinkButton");
    auto* countdown = child<QLabel>("countdownLabel");
    QVERIFY(qrView && copyLink && openLink && countdown);
    QVERIFY(!decodedQr().isEmpty());
    QVERIFY(copyLink->isEnabled() && openLink->isEnabled());

    // Still valid five seconds before the end...
    *fakeNow = fakeNow->addSecs(15 * 60 - 5);
    m_window->setClock(clock);
    QVERIFY(!decodedQr().isEmpty());
    // ...and taken down past it.
    *fakeNow = fakeNow->addSecs(10);
    m_window->setClock(clock);
    QTRY_VERIFY(qrView->qrCode().isNull());
    QCOMPARE(decodedQr(), QString());
    QVERIFY(!qrView->placeholderText().isEmpty());
    QVERIFY(!copyLink->isEnabled());
    QVERIFY(!openLink->isEnabled());
    QCOMPARE(countdown->text(), u"Expired"_s);
}

void TestMainWindow::expiryNotifications_warnOnceThenSayExpired_withoutLinkOrToken()
{
    // Offscreen there is no system tray: the window says the same in its status bar.
    const auto fakeNow = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    const MainWindow::Clock clock = [fakeNow] { return *fakeNow; };
    m_window->setClock(clock);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    auto* labelEdit = child<QLineEdit>("labelEdit");
    QVERIFY(preset && labelEdit);
    preset->setCurrentIndex(preset->findData(15));
    labelEdit->setText(u"Boiler room"_s);
    QSignalSpy messages(m_window->statusBar(), &QStatusBar::messageChanged);
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    const QString link = child<QLabel>("shortLinkLabel")->text();
    const QString token = child<QLineEdit>("tokenEdit")->text();
    QVERIFY(!link.isEmpty() && !token.isEmpty());
    const QString warningText = u"The link “Boiler room” expires in 10 min"_s;
    const QString expiredText = u"The link “Boiler room” has expired; generate a new one"_s;
    // Counts the messages that begin with start: any warning, whatever its minutes.
    const auto shown = [&messages](const QString& start) {
        return std::count_if(messages.cbegin(), messages.cend(),
                             [&start](const QList<QVariant>& args) { return args.first().toString().startsWith(start); });
    };
    const QString anyWarning = u"The link “Boiler room” expires in "_s;

    // Under five minutes in, a 15-minute link is not yet within ten minutes of its end...
    *fakeNow = fakeNow->addSecs(4 * 60 + 50);
    m_window->setClock(clock);
    QCOMPARE(shown(anyWarning), 0);
    // ...five minutes in it is: warned once, however often the clock is read after that.
    *fakeNow = fakeNow->addSecs(15);
    m_window->setClock(clock);
    QCOMPARE(m_window->statusBar()->currentMessage(), warningText);
    // Cleared, so that saying it again would show up as a change.
    m_window->statusBar()->clearMessage();
    *fakeNow = fakeNow->addSecs(60);
    // setClock re-checks at once (the warning above came from it, with no wait): a second
    // warning would be counted when it returns.
    m_window->setClock(clock);
    QCOMPARE(shown(anyWarning), 1);
    QCOMPARE(shown(expiredText), 0);

    *fakeNow = fakeNow->addSecs(15 * 60);
    m_window->setClock(clock);
    QCOMPARE(m_window->statusBar()->currentMessage(), expiredText);
    QCOMPARE(shown(expiredText), 1);
    QCOMPARE(shown(anyWarning), 1);
    for (const QList<QVariant>& args : std::as_const(messages)) {
        const QString text = args.first().toString();
        QVERIFY2(!text.contains(link) && !text.contains(token), qPrintable(text));
    }
}

void TestMainWindow::unauthorized_showsInlineErrorAndKeepsFormAndResult()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* shortLinkLabel = child<QLabel>("shortLinkLabel");
    auto* errorLabel = child<QLabel>("errorLabel");
    auto* labelEdit = child<QLineEdit>("labelEdit");
    auto* preset = child<QComboBox>("expiryPresetCombo");
    auto* busyBar = child<QProgressBar>("busyBar");
    QVERIFY(shortLinkLabel && errorLabel && labelEdit && preset && busyBar);
    const QString firstLink = shortLinkLabel->text();
    QCOMPARE(decodedQr(), firstLink);

    m_window->useDemo(m_demo->url(), u"wrong:key:x"_s);
    labelEdit->setText(u"NOC wall 2"_s);
    preset->setCurrentIndex(preset->findData(8 * 60));
    QTest::keyClick(labelEdit, Qt::Key_Return, Qt::ControlModifier);

    QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), NetworkTimeoutMs);
    QVERIFY(!busyBar->isVisible());
    const QString message = errorLabel->text();
    QVERIFY(!message.isEmpty());
    // One sentence: no line breaks, no second sentence.
    QVERIFY2(!message.contains(u'\n') && !message.contains(u". "_s), qPrintable(message));
    QVERIFY(!message.contains(u"wrong:key:x"_s));
    QCOMPARE(labelEdit->text(), u"NOC wall 2"_s);
    QCOMPARE(preset->currentData().toInt(), 8 * 60);
    QCOMPARE(shortLinkLabel->text(), firstLink);
    QCOMPARE(decodedQr(), firstLink);
    QVERIFY(labelEdit->isEnabled());
}

void TestMainWindow::rateLimited_disablesGenerateAndShowsWait()
{
    m_demo->setRateLimit(1);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* generate = child<QPushButton>("generateButton");
    auto* errorLabel = child<QLabel>("errorLabel");
    auto* shortLinkLabel = child<QLabel>("shortLinkLabel");
    QVERIFY(generate && errorLabel && shortLinkLabel);
    const QString firstLink = shortLinkLabel->text();
    QVERIFY(generate->isEnabled());

    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), NetworkTimeoutMs);
    QCOMPARE(m_demo->tokenRequestCount(), 2);
    QVERIFY(!errorLabel->text().isEmpty());
    QVERIFY(!generate->isEnabled());
    // The shortcut is held back too: no third request is even made.
    {
        const TestSupport::ApiRequestLog requests;
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        QCoreApplication::processEvents();
        QCOMPARE(requests.count(), 0);
    }
    QCOMPARE(m_demo->tokenRequestCount(), 2);
    QCOMPARE(shortLinkLabel->text(), firstLink);
}

void TestMainWindow::rateLimited_generateReturnsAfterRetryAfter_postNeverRepeated()
{
    // A 429 with a short Retry-After, for every request: the server counts exactly what
    // the operator triggered.
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponse(ScriptedServer::response(429, R"({"message":"Too Many Attempts."})", "application/json",
                                                {"Retry-After: 2"}));
    m_window->useApiUrl(server.url());
    m_window->useSessionKey(DemoServer::generateApiKey());
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    auto* errorLabel = child<QLabel>("errorLabel");
    QVERIFY(generate && errorLabel);

    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), NetworkTimeoutMs);
    QElapsedTimer wait;
    wait.start();
    QCOMPARE(server.requests().size(), 1);
    QVERIFY2(errorLabel->text().contains(u"2 seconds"_s), qPrintable(errorLabel->text()));
    QVERIFY(!generate->isEnabled());

    {
        const TestSupport::ApiRequestLog requests;
        // Half-way through the wait (time is the subject here: the 2 s of Retry-After)
        // neither the button nor the shortcut makes a request...
        QTest::qWait(1000);
        QVERIFY(!generate->isEnabled());
        QTest::mouseClick(generate, Qt::LeftButton);
        QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
        // ...and once it has passed, Generate is back and the wait message gone, and
        // nothing was asked for meanwhile, nor when the wait ended.
        QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), 5000);
        QVERIFY2(wait.elapsed() >= 1500, qPrintable(QString::number(wait.elapsed())));
        QVERIFY(!errorLabel->isVisible());
        QCOMPARE(requests.count(), 0);
    }
    QCOMPARE(server.requests().size(), 1);

    // The operator's next click is exactly one request; after its wait, still nothing
    // more is sent on its own: a request the window made without a click (a retry, when
    // the wait ends or later) would reach the server within the deadline.
    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), NetworkTimeoutMs);
    QCOMPARE(server.requests().size(), 2);
    QSignalSpy received(&server, &ScriptedServer::requestReceived);
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), 5000);
    QVERIFY2(!received.wait(1000), "a request was sent without a click");
    QCOMPARE(server.requests().size(), 2);
    for (const QByteArray& request : server.requests())
        QVERIFY(request.startsWith("POST /fault/token "));
}

void TestMainWindow::invalidCustomMinutes_disablesGenerate_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("unitMinutes");
    QTest::addColumn<QString>("whyNot"); // empty when valid
    const QString tooShort = u"At least 1 minute"_s;
    const QString tooLong = u"At most 30 days (43200 minutes)"_s;
    QTest::newRow("0 days") << 0 << 24 * 60 << tooShort;
    QTest::newRow("0 minutes") << 0 << 1 << tooShort;
    QTest::newRow("31 days") << 31 << 24 * 60 << tooLong;
    QTest::newRow("43201 minutes") << 43201 << 1 << tooLong;
    QTest::newRow("721 hours") << 721 << 60 << tooLong;
    QTest::newRow("30 days") << 30 << 24 * 60 << QString();
    QTest::newRow("1 minute") << 1 << 1 << QString();
    QTest::newRow("720 hours") << 720 << 60 << QString();
}

void TestMainWindow::invalidCustomMinutes_disablesGenerate()
{
    QFETCH(int, value);
    QFETCH(int, unitMinutes);
    QFETCH(QString, whyNot);
    const bool valid = whyNot.isEmpty();
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    auto* spin = child<QSpinBox>("customValueSpin");
    auto* unit = child<QComboBox>("customUnitCombo");
    auto* hint = child<QLabel>("expiryHintLabel");
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(preset && spin && unit && hint && generate);

    QVERIFY(!spin->isEnabled());
    QVERIFY(generate->isEnabled());
    preset->setCurrentIndex(preset->findText(u"Custom…"_s));
    QVERIFY(spin->isEnabled() && unit->isEnabled());
    unit->setCurrentIndex(unit->findData(unitMinutes));
    spin->setValue(value);

    QCOMPARE(generate->isEnabled(), valid);
    if (valid)
        QVERIFY2(hint->text().startsWith(u"The link works for "_s), qPrintable(hint->text()));
    else
        QCOMPARE(hint->text(), whyNot);
    const TestSupport::ApiRequestLog requests;
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCoreApplication::processEvents();
    // Made (or not) by the shortcut itself: counted before anything reaches the server.
    QCOMPARE(requests.count(), valid ? 1 : 0);
    if (valid) {
        QTRY_COMPARE_WITH_TIMEOUT(m_demo->tokenRequestCount(), 1, NetworkTimeoutMs);
    } else {
        QCOMPARE(m_demo->tokenRequestCount(), 0);
    }
}

void TestMainWindow::presets_areExactTextsAndMinutes()
{
    auto* preset = child<QComboBox>("expiryPresetCombo");
    QVERIFY(preset);
    const QList<std::pair<QString, int>> expected{
        {u"15 minutes"_s, 15},       {u"1 hour"_s, 60},           {u"8 hours (a shift)"_s, 8 * 60},
        {u"12 hours"_s, 12 * 60},    {u"24 hours"_s, 24 * 60},    {u"7 days"_s, 7 * 24 * 60},
        {u"30 days"_s, 30 * 24 * 60}};
    QCOMPARE(preset->count(), expected.size() + 2);
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(preset->itemText(i), expected.at(i).first);
        QCOMPARE(preset->itemData(i).toInt(), expected.at(i).second);
    }
    QCOMPARE(preset->itemText(expected.size()), u"Custom…"_s);
    QCOMPARE(preset->itemText(expected.size() + 1), u"Until…"_s);
    // Each preset's minutes are what the hint promises.
    auto* hint = child<QLabel>("expiryHintLabel");
    QVERIFY(hint);
    preset->setCurrentIndex(preset->findData(12 * 60));
    QVERIFY2(hint->text().startsWith(u"The link works for 12 h (until "_s), qPrintable(hint->text()));
}

void TestMainWindow::until_inOneHour_generatesWithSixtyMinutes()
{
    // "Now" on the minute, so an hour ahead is exactly 60 minutes.
    const QDateTime current = QDateTime::currentDateTimeUtc();
    const QDateTime fixedNow(current.date(), QTime(current.time().hour(), current.time().minute()), Qt::UTC);
    m_window->setClock([fixedNow] { return fixedNow; });
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    auto* until = child<QDateTimeEdit>("untilEdit");
    auto* hint = child<QLabel>("expiryHintLabel");
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(preset && until && hint && generate);
    QVERIFY(!until->isVisible());

    preset->setCurrentIndex(preset->findText(u"Until…"_s));
    QVERIFY(until->isVisible() && until->isEnabled());
    QVERIFY(until->calendarPopup());
    QVERIFY(!until->accessibleName().isEmpty());
    const QDateTime inAnHour = fixedNow.addSecs(3600).toTimeZone(QTimeZone::systemTimeZone());
    until->setDateTime(QDateTime(inAnHour.date(), inAnHour.time()));
    QVERIFY2(hint->text().startsWith(u"The link works for 1 h (until "_s), qPrintable(hint->text()));
    QVERIFY(generate->isEnabled());

    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_demo->tokenRequestCount(), 1);
    // What the server was asked for: its token lives exactly 60 minutes.
    auto* tokenEdit = child<QLineEdit>("tokenEdit");
    QVERIFY(tokenEdit);
    const std::optional<Jwt> jwt = Jwt::decode(tokenEdit->text().toUtf8());
    QVERIFY(jwt);
    QCOMPARE(jwt->timeClaim("iat"_L1).secsTo(jwt->timeClaim("exp"_L1)), 60 * 60);
    // Back to a preset, the date and time field goes away again.
    preset->setCurrentIndex(preset->findData(15));
    QVERIFY(!until->isVisible());
}

void TestMainWindow::until_inPast_disablesGenerateWithReason()
{
    const QDateTime fixedNow = QDateTime::currentDateTimeUtc();
    m_window->setClock([fixedNow] { return fixedNow; });
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* preset = child<QComboBox>("expiryPresetCombo");
    auto* until = child<QDateTimeEdit>("untilEdit");
    auto* hint = child<QLabel>("expiryHintLabel");
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(preset && until && hint && generate);
    QVERIFY(generate->isEnabled());

    preset->setCurrentIndex(preset->findText(u"Until…"_s));
    const QDateTime aMinuteAgo = fixedNow.addSecs(-60).toTimeZone(QTimeZone::systemTimeZone());
    until->setDateTime(QDateTime(aMinuteAgo.date(), aMinuteAgo.time()));

    QCOMPARE(hint->text(), u"That time has passed"_s);
    QVERIFY(!generate->isEnabled());
    const TestSupport::ApiRequestLog requests;
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCoreApplication::processEvents();
    QCOMPARE(requests.count(), 0);
    QCOMPARE(m_demo->tokenRequestCount(), 0);
}

void TestMainWindow::cancel_stopsBusyState()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    m_window->useDemo(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), m_demo->apiKey());
    showWindow();
    auto* cancel = child<QPushButton>("cancelButton");
    auto* generate = child<QPushButton>("generateButton");
    auto* busyBar = child<QProgressBar>("busyBar");
    auto* preset = child<QComboBox>("expiryPresetCombo");
    auto* labelEdit = child<QLineEdit>("labelEdit");
    auto* errorLabel = child<QLabel>("errorLabel");
    QVERIFY(cancel && generate && busyBar && preset && labelEdit && errorLabel);
    QVERIFY(!cancel->isVisible());

    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(busyBar->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(!preset->isEnabled() && !labelEdit->isEnabled() && !generate->isEnabled());
    // The connection reached the server, which never answers: still waiting.
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), NetworkTimeoutMs);
    QVERIFY(busyBar->isVisible());
    const QPointer<ApiRequest> pending = m_api->findChild<ApiRequest*>();
    QVERIFY(pending);

    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!busyBar->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY(preset->isEnabled() && labelEdit->isEnabled() && generate->isEnabled());
    // The aborted request has reported all it ever will (it deletes itself after its one
    // answer), and that changed nothing.
    QTRY_VERIFY_WITH_TIMEOUT(pending.isNull(), NetworkTimeoutMs);
    QVERIFY(!errorLabel->isVisible());
    QVERIFY(generate->isEnabled());

    // Esc cancels too.
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(busyBar->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QVERIFY(!busyBar->isVisible());
    QVERIFY(!errorLabel->isVisible());
}

void TestMainWindow::firstRun_noKey_showsKeyPage_thenSaveStoresInKeychain()
{
    showWindow();

    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    auto* apiKeyEdit = child<QLineEdit>("apiKeyEdit");
    auto* save = child<QPushButton>("saveKeyButton");
    auto* keychainLabel = child<QLabel>("keychainLabel");
    QVERIFY(apiKeyEdit && save && keychainLabel);
    QCOMPARE(apiKeyEdit->echoMode(), QLineEdit::Password);
    QVERIFY(keychainLabel->text().contains(CredentialStore::backendName()));

    const QString key = DemoServer::generateApiKey();
    QTest::keyClicks(apiKeyEdit, key);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(showsMainPage(), NetworkTimeoutMs);
    QVERIFY(apiKeyEdit->text().isEmpty());

    QCOMPARE(readKeyDirectly(), std::optional<QString>(key));
    m_window->close();
    m_store->sync();
    QVERIFY(!m_window->windowTitle().contains(key));
    QCOMPARE(TestSupport::filesContaining(m_dir->path(), key.toUtf8()), QStringList());
    const QString home = qEnvironmentVariable("FAULTSHARE_TEST_HOME");
    if (!home.isEmpty())
        QCOMPARE(TestSupport::filesContaining(home, key.section(u':', 2).toUtf8()), QStringList());
}

void TestMainWindow::firstRun_invalidKey_showsReasonAndStoresNothing()
{
    showWindow();
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    auto* apiKeyEdit = child<QLineEdit>("apiKeyEdit");
    auto* save = child<QPushButton>("saveKeyButton");
    auto* keyError = child<QLabel>("keyErrorLabel");
    QVERIFY(apiKeyEdit && save && keyError);

    // Whitespace inside can never travel in a header; any other string could be a key.
    QTest::keyClicks(apiKeyEdit, u"not a-key"_s);
    QTest::keyClick(apiKeyEdit, Qt::Key_Return);
    QVERIFY(keyError->isVisible());
    QVERIFY(!keyError->text().isEmpty());
    QVERIFY(!keyError->text().contains(u"a-key"_s));
    QCOMPARE(apiKeyEdit->text(), u"not a-key"_s); // kept for correcting
    QVERIFY(showsKeyPage());
    QCOMPARE(readKeyDirectly(), std::nullopt);
}

void TestMainWindow::storedKey_isReadOnStart_andGenerates()
{
    QVERIFY(writeKeyDirectly(m_demo->apiKey()));
    m_settings->setApiUrl(m_demo->url());
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(generate);
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);
    QVERIFY(showsMainPage());
    QVERIFY(!m_window->isDemo());
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_demo->tokenRequestCount(), 1);
}

void TestMainWindow::firstFrame_buildsNoKeyPageDetailsOrHistoryPanel()
{
    // What the first frame does not show is built when first needed (start-up time).
    showWindow();
    QVERIFY(!m_window->findChild<QWidget*>(u"keyPage"_s));
    QVERIFY(!m_window->findChild<QWidget*>(u"detailsGroup"_s));
    QVERIFY(!m_window->findChild<HistoryPanel*>());

    QVERIFY(writeKeyDirectly(m_demo->apiKey()));
    m_settings->setApiUrl(m_demo->url());
    m_window->start();
    QVERIFY(m_window->findChild<HistoryPanel*>());
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(generate);
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* details = child<QGroupBox>("detailsGroup");
    QVERIFY(details && details->isVisible());
    QVERIFY(!m_window->findChild<QWidget*>(u"keyPage"_s)); // a key all along
}

void TestMainWindow::storedKey_noted_nextStartReadsItAtFirstGenerate()
{
    QVERIFY(writeKeyDirectly(m_demo->apiKey()));
    m_settings->setApiUrl(m_demo->url());
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(generate);
    QCOMPARE(m_settings->keyStored(), std::nullopt);
    m_window->start(); // not known yet: asked at start
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);
    QCOMPARE(m_settings->keyStored(), std::optional<bool>(true));

    restart();
    generate = child<QPushButton>("generateButton");
    QVERIFY(generate);
    m_window->start();
    // Known to be stored: the main page at once, the key still in the keychain only.
    QVERIFY(showsMainPage());
    QVERIFY(generate->isEnabled());
    QVERIFY(!m_api->hasApiKey());
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_api->hasApiKey());
    QCOMPARE(m_demo->tokenRequestCount(), 1);
}

void TestMainWindow::storedKey_goneSinceNoted_generateShowsKeyPageWithReason()
{
    // Noted as stored, then removed outside FaultShare.
    m_settings->setKeyStored(true);
    m_settings->setApiUrl(m_demo->url());
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(generate);
    m_window->start();
    QVERIFY(showsMainPage());
    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    auto* keyError = child<QLabel>("keyErrorLabel");
    QVERIFY(keyError);
    QVERIFY(keyError->isVisible());
    QVERIFY2(keyError->text().contains(CredentialStore::backendName()), qPrintable(keyError->text()));
    QCOMPARE(m_settings->keyStored(), std::optional<bool>(false));
    QCOMPARE(m_demo->tokenRequestCount(), 0);
}

void TestMainWindow::noKey_noted_nextStartShowsKeyPageWithoutAsking()
{
    showWindow();
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    QCOMPARE(m_settings->keyStored(), std::optional<bool>(false));

    restart();
    // Known: the first frame is the first-run page already, and start() does not ask.
    QVERIFY(showsKeyPage());
    m_window->start();
    QVERIFY(showsKeyPage());
    QVERIFY2(!m_window->statusBar()->currentMessage().startsWith(u"Reading the API key"_s),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestMainWindow::tryDemo_emitsDemoRequested()
{
    showWindow();
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    auto* tryDemo = child<QPushButton>("tryDemoButton");
    QVERIFY(tryDemo);
    QSignalSpy requested(m_window.get(), &MainWindow::demoRequested);
    connect(m_window.get(), &MainWindow::demoRequested, this,
            [this] { m_window->useDemo(m_demo->url(), m_demo->apiKey()); });
    QTest::mouseClick(tryDemo, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QVERIFY(showsMainPage());
    QVERIFY(child<QLabel>("demoBadge")->isVisible());
}

void TestMainWindow::windowTitle_neverContainsSecrets()
{
    const QString sessionKey = DemoServer::generateApiKey();
    m_window->useSessionKey(sessionKey);
    QCOMPARE(m_window->windowTitle(), u"FaultShare"_s);
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    generateWithShortcut();
    if (QTest::currentTestFailed())
        return;
    auto* tokenEdit = child<QLineEdit>("tokenEdit");
    auto* reveal = child<QPushButton>("revealTokenButton");
    QVERIFY(tokenEdit && reveal);
    QTest::mouseClick(reveal, Qt::LeftButton);
    const QString token = tokenEdit->text();
    const QString link = child<QLabel>("shortLinkLabel")->text();
    QVERIFY(!token.isEmpty() && !link.isEmpty());

    const QStringList secrets{sessionKey, m_demo->apiKey(), token, link};
    const auto checkTitles = [&] {
        for (QWidget* top : QApplication::topLevelWidgets()) {
            for (const QString& secret : secrets)
                QVERIFY2(!top->windowTitle().contains(secret), qPrintable(top->windowTitle()));
        }
    };
    checkTitles();
    QCOMPARE(m_window->windowTitle(), u"FaultShare — Demo"_s);

    // Also after an error, and with the settings dialog open.
    m_window->useDemo(m_demo->url(), u"wrong:key:x"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("errorLabel")->isVisible(), NetworkTimeoutMs);
    checkTitles();
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(m_window->findChild<SettingsDialog*>());
    checkTitles();
    // The token is shown only in its (masked by default) field, in no label.
    for (QLabel* label : m_window->findChildren<QLabel*>())
        QVERIFY2(!label->text().contains(token), qPrintable(label->objectName()));
}

void TestMainWindow::settings_invalidApiUrl_disablesOk()
{
    showWindow();
    m_window->start();
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()) != nullptr);
    auto* urlEdit = dialog->findChild<QLineEdit*>(u"apiUrlEdit"_s);
    auto* urlError = dialog->findChild<QLabel*>(u"apiUrlErrorLabel"_s);
    auto* buttons = dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s);
    auto* defaultExpiry = dialog->findChild<QSpinBox*>(u"defaultExpirySpin"_s);
    QVERIFY(urlEdit && urlError && buttons && defaultExpiry);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    urlEdit->setText(u"http://example.com"_s); // http only on loopback
    QVERIFY(!ok->isEnabled());
    QVERIFY(urlError->isVisible() && !urlError->text().isEmpty());
    urlEdit->setText(u"https://api.example.com"_s);
    QVERIFY(ok->isEnabled());
    QVERIFY(!urlError->isVisible());

    defaultExpiry->setValue(480);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(m_api->apiUrl(), QUrl(u"https://api.example.com"_s));
    QCOMPARE(m_settings->apiUrl(), QUrl(u"https://api.example.com"_s));
    QCOMPARE(m_settings->defaultMinutes(), 480);
}

void TestMainWindow::settings_forgetKey_returnsToKeyPage()
{
    QVERIFY(writeKeyDirectly(DemoServer::generateApiKey()));
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    QVERIFY(generate);
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);

    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()) != nullptr);
    auto* forget = dialog->findChild<QPushButton*>(u"forgetKeyButton"_s);
    QVERIFY(forget && forget->isEnabled());
    QTest::mouseClick(forget, Qt::LeftButton);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY((confirm = dialog->findChild<QMessageBox*>(u"forgetKeyConfirm"_s)) != nullptr);
    QVERIFY(confirm->isVisible());
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    QCOMPARE(readKeyDirectly(), std::nullopt);
}

void TestMainWindow::settings_replaceKey_storesAndUsesNewKey()
{
    // The stored key is not one the server accepts; the replacement is.
    QVERIFY(writeKeyDirectly(DemoServer::generateApiKey()));
    m_settings->setApiUrl(m_demo->url());
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    auto* errorLabel = child<QLabel>("errorLabel");
    QVERIFY(generate && errorLabel);
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);
    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(errorLabel->isVisible(), NetworkTimeoutMs);

    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()) != nullptr);
    auto* replaceEdit = dialog->findChild<QLineEdit*>(u"replaceKeyEdit"_s);
    auto* replaceButton = dialog->findChild<QPushButton*>(u"replaceKeyButton"_s);
    auto* status = dialog->findChild<QLabel*>(u"keyStatusLabel"_s);
    QVERIFY(replaceEdit && replaceButton && status);
    QCOMPARE(replaceEdit->echoMode(), QLineEdit::Password);

    // An invalid key is refused inline, nothing is written.
    replaceEdit->setText(u"non\tsense"_s);
    QTest::mouseClick(replaceButton, Qt::LeftButton);
    QVERIFY(status->isVisible() && !status->text().isEmpty());
    QVERIFY(readKeyDirectly() != std::optional<QString>(u"non\tsense"_s));

    QSignalSpy replaced(dialog, &SettingsDialog::keyReplaced);
    replaceEdit->setText(m_demo->apiKey());
    QTest::mouseClick(replaceButton, Qt::LeftButton);
    QVERIFY(replaced.wait(NetworkTimeoutMs));
    QVERIFY(replaceEdit->text().isEmpty());
    QVERIFY(!status->text().contains(m_demo->apiKey()));
    QCOMPARE(readKeyDirectly(), std::optional<QString>(m_demo->apiKey()));
    dialog->reject();

    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("resultPanel")->isVisible(), NetworkTimeoutMs);
    QVERIFY(!errorLabel->isVisible());
}

void TestMainWindow::settings_demoMode_disablesConnectionAndKey()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()) != nullptr);
    QCOMPARE(dialog->keyMode(), SettingsDialog::KeyMode::Demo);
    for (const char* name : {"apiUrlEdit", "caFileEdit", "replaceKeyEdit", "replaceKeyButton", "forgetKeyButton"}) {
        auto* widget = dialog->findChild<QWidget*>(QLatin1StringView(name));
        QVERIFY2(widget, name);
        QVERIFY2(!widget->isEnabled(), name);
    }
    auto* buttons = dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s);
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    // The demo server's address went to the client only, never to the settings.
    QCOMPARE(m_api->apiUrl(), m_demo->url());
    m_store->sync();
    QVERIFY(TestSupport::filesContaining(m_dir->path(), m_demo->url().toString().toUtf8()).isEmpty());
}

void TestMainWindow::settings_notifications_defaultOnAtTenMinutes_andAreSaved()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()) != nullptr);
    auto* check = dialog->findChild<QCheckBox*>(u"notifyCheck"_s);
    auto* lead = dialog->findChild<QSpinBox*>(u"notifyLeadSpin"_s);
    auto* buttons = dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s);
    QVERIFY(check && lead && buttons);
    QVERIFY(check->isChecked());
    QCOMPARE(lead->value(), 10);
    QVERIFY(lead->isEnabled());
    lead->setValue(0);
    QVERIFY(!lead->text().contains(u'0'));
    check->setChecked(false);
    QVERIFY(!lead->isEnabled());
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(!m_settings->notifyEnabled());
    QCOMPARE(m_settings->notifyLeadMinutes(), 0);
}

// A stored key is bound to the API it was stored for. When the profile points elsewhere
// (Settings, an import, a managed default), the window names both hosts and sends the key
// only when the operator says so.
void TestMainWindow::keyStoredForAnotherApi_asksWithBothHosts_data()
{
    QTest::addColumn<bool>("useIt");
    QTest::newRow("use it for the new API") << true;
    QTest::newRow("enter a new key") << false;
}

void TestMainWindow::keyStoredForAnotherApi_asksWithBothHosts()
{
    QFETCH(bool, useIt);
    const CredentialStore store(m_service);
    QCOMPARE(TestSupport::writeSecret(store, CredentialStore::apiKeyEntry(m_settings->profile()), m_demo->apiKey(),
                                      u"https://old-api.example:443"_s, NetworkTimeoutMs)
                 .signal,
             u"written"_s);
    m_settings->setApiUrl(m_demo->url());
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    m_window->start();
    // The key is read at start when the settings do not know yet whether one is stored,
    // else at the first Generate: either way the question comes before anything is sent.
    QMessageBox* confirm = nullptr;
    const auto asked = [&] { return (confirm = m_window->findChild<QMessageBox*>(u"keyOriginConfirm"_s)) != nullptr; };
    QTRY_VERIFY_WITH_TIMEOUT(asked() || generate->isEnabled(), NetworkTimeoutMs);
    if (!asked())
        QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(asked(), NetworkTimeoutMs);
    QCOMPARE(confirm->textFormat(), Qt::PlainText);
    const QString newHost = u"127.0.0.1:"_s + QString::number(m_demo->url().port());
    QVERIFY2(confirm->text().contains(u"old-api.example"_s) && confirm->text().contains(newHost), qPrintable(confirm->text()));
    QVERIFY(!confirm->text().contains(m_demo->apiKey()));
    // Nothing was sent while the question is open.
    QCOMPARE(m_demo->tokenRequestCount(), 0);
    QVERIFY(!m_api->hasApiKey());

    auto* button = confirm->findChild<QPushButton*>(useIt ? u"useKeyForNewApiButton"_s : u"enterNewKeyButton"_s);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    if (!useIt) {
        QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
        QVERIFY(child<QLabel>("keyErrorLabel")->text().contains(newHost));
        QCOMPARE(m_demo->tokenRequestCount(), 0);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_api->hasApiKey() && generate->isEnabled(), NetworkTimeoutMs);
    if (m_demo->tokenRequestCount() == 0)
        QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>("shortLinkLabel")->text().isEmpty(), NetworkTimeoutMs);
    QCOMPARE(m_demo->tokenRequestCount(), 1);
    // Bound to the new API from now on.
    const TestSupport::KeychainOutcome bound
        = TestSupport::readSecret(store, CredentialStore::apiKeyEntry(m_settings->profile()), NetworkTimeoutMs);
    QCOMPARE(bound.signal, u"read"_s);
    QCOMPARE(bound.origin, Origin::of(m_demo->url()));
}

// The key in use when Settings points the profile at another API: it is not sent there
// until the operator confirms it.
void TestMainWindow::apiUrlChangedInSettings_keyInUseIsNotSentThereUnasked()
{
    m_settings->setApiUrl(m_demo->url());
    QVERIFY(writeKeyDirectly(m_demo->apiKey()));
    showWindow();
    auto* generate = child<QPushButton>("generateButton");
    m_window->start();
    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);
    QTest::mouseClick(generate, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_demo->tokenRequestCount(), 1, NetworkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_api->hasApiKey() && generate->isEnabled(), NetworkTimeoutMs);

    DemoServer other(m_demo->apiKey());
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()) != nullptr);
    dialog->findChild<QLineEdit*>(u"apiUrlEdit"_s)->setText(other.url().toString());
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s)->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(m_api->apiUrl(), other.url());
    QVERIFY(!m_api->hasApiKey());

    QTRY_VERIFY_WITH_TIMEOUT(generate->isEnabled(), NetworkTimeoutMs);
    QTest::mouseClick(generate, Qt::LeftButton);
    QMessageBox* confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = m_window->findChild<QMessageBox*>(u"keyOriginConfirm"_s)) != nullptr, NetworkTimeoutMs);
    QVERIFY(confirm->text().contains(QString::number(other.url().port())));
    QCOMPARE(other.tokenRequestCount(), 0);
    confirm->reject();
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
