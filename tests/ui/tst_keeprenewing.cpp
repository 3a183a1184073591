// "Keep renewing" and the kiosk start as an operator (or a wall-display box) runs them: the
// real MainWindow over the demo API on 127.0.0.1 (or a raw ScriptedServer that hands out a
// link of a few seconds and then refuses), the real clock, and a real QR decoder on what
// was drawn. One-minute links renewed 57 s before their end give a renewal every 3 s.

#include "WindowTest.h"

#include "Countdown.h"
#include "FaultMatrix.h"
#include "History.h"
#include "KioskStart.h"
#include "LinkSession.h"
#include "PresentWindow.h"
#include "RenewControl.h"
#include "Rotation.h"
#include "ScriptedServer.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int TimeoutMs = 15000;
constexpr std::chrono::seconds RenewBefore = 57s;

// A 200 answer whose link expires secondsLeft from now (only a scripted server hands out
// a link this short; EmbedToken takes expires_at over expires_in_minutes).
QByteArray shortLivedAnswer(int secondsLeft)
{
    QJsonObject answer = FaultMatrix::validAnswer();
    answer.insert(u"expires_in_minutes"_s, 1);
    answer.insert(u"expires_at"_s, FaultMatrix::timestamp(QDateTime::currentDateTimeUtc().addSecs(secondsLeft)));
    return ScriptedServer::response(200, FaultMatrix::json(answer));
}

// Every paint of the present window's QR view: whether it had a code and where it was,
// and what the window on the screen decoded to just after (zxing on the flushed frame).
class FrameWatch final : public QObject
{
public:
    explicit FrameWatch(PresentWindow& window)
        : m_window(&window)
        , m_view(window.findChild<QrView*>(u"presentQrView"_s))
    {
        m_view->installEventFilter(this);
    }

    struct Frame
    {
        bool hasCode = false;
        QRect geometry;
    };
    QList<Frame> frames;
    QStringList decoded;

    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            frames << Frame{!m_view->qrCode().isNull(), m_view->geometry()};
            // Once this paint has reached the screen: what a camera would see there.
            QTimer::singleShot(0, this, [this] {
                if (!m_window)
                    return;
                QScreen* screen = m_window->screen();
                QImage shot = screen ? screen->grabWindow(m_window->winId()).toImage() : QImage();
                if (shot.isNull())
                    shot = m_window->grab().toImage();
                decoded << TestSupport::decodeQr(shot);
            });
        }
        return false;
    }

private:
    QPointer<PresentWindow> m_window;
    QrView* m_view;
};

} // namespace

class TestKeepRenewing final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void switchOn_withLiveLink_renewsBeforeItsEnd_andSaysWhen();
    void switchOn_withoutLink_mintsNow_andGenerateGoesOnFromTheNewLink();
    void present_renewedLinkReplacesQrInOnePaint_bothDecode();
    void expiryWithNoSuccessor_takesQrDown_andSaysWhy();
    void profileSwitchDemoAndClose_stopRenewing();
    void renewBefore_isBoundedByLifetime_andRememberedPerProfile();
    void kiosk_presentsAtStart_andMintsOneLink();
    void kiosk_rotate_renews();
    void kiosk_noKey_saysWhyInPlaceOfQr();
    void kiosk_options_checkedLikeTheCli();
    void kiosk_unknownScreen_exit2_withTheNames();

private:
    void showWindow();
    void generate();
    QString shownLink() const { return child<QLabel>("shortLinkLabel")->text(); }
    LinkSession& session() const { return m_window->session(); }
    Rotation& rotation() const { return m_window->session().rotation(); }
    // No timer of the rotation is left running.
    bool rotationIdle() const;
    void useOneMinuteLinks();
};

void TestKeepRenewing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestKeepRenewing::init()
{
    QVERIFY(setUpWindow());
}

void TestKeepRenewing::cleanup()
{
    tearDownWindow();
}

void TestKeepRenewing::showWindow()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->start();
}

void TestKeepRenewing::useOneMinuteLinks()
{
    m_window->setExpiryMinutes(1);
    QVERIFY(m_window->renewControl().setRenewBefore(RenewBefore, false));
}

void TestKeepRenewing::generate()
{
    const QString before = shownLink();
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(shownLink() != before, TimeoutMs);
}

bool TestKeepRenewing::rotationIdle() const
{
    const QList<QTimer*> timers = rotation().findChildren<QTimer*>();
    return !rotation().isRunning() && !rotation().isMinting()
        && std::none_of(timers.cbegin(), timers.cend(), [](const QTimer* timer) { return timer->isActive(); });
}

void TestKeepRenewing::switchOn_withLiveLink_renewsBeforeItsEnd_andSaysWhen()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    useOneMinuteLinks();
    child<QLineEdit>("labelEdit")->setText(u"NOC wall 2"_s);
    generate();
    const QString first = shownLink();
    QCOMPARE(m_demo->tokenRequestCount(), 1);

    auto* check = child<QCheckBox>("keepRenewingCheck");
    auto* status = child<QLabel>("renewStatusLabel");
    QVERIFY(check && status);
    QVERIFY(!check->isChecked());
    QVERIFY(!status->isVisible());
    QVERIFY(!check->accessibleName().isEmpty());
    // In the Tab order after the label, before Generate: the form's fields come first.
    auto* labelEdit = child<QLineEdit>("labelEdit");
    child<QWidget>("expiryPresetCombo")->setFocus();
    for (int presses = 0; QApplication::focusWidget() != labelEdit && presses < 6; ++presses) {
        QVERIFY(QApplication::focusWidget() != check);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(QApplication::focusWidget(), labelEdit);
    QTest::keyClick(labelEdit, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), check);
    QTest::keyClick(check, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>("renewBeforeEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>("generateButton"));
    check->setFocus();
    QTest::keyClick(check, Qt::Key_Space);
    QVERIFY(check->isChecked());

    // The link on screen is kept: renewed 57 s before its end, nothing asked for yet.
    QVERIFY(rotation().isRunning());
    QVERIFY(!rotation().isMinting());
    QCOMPARE(m_demo->tokenRequestCount(), 1);
    QCOMPARE(rotation().current()->shortLink().toString(QUrl::FullyEncoded), first);
    QCOMPARE(rotation().nextRenewal(), rotation().current()->localExpiresAt().addSecs(-RenewBefore.count()));
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), u"Renews at %1"_s.arg(Countdown::clockText(rotation().nextRenewal())));

    QTRY_VERIFY_WITH_TIMEOUT(shownLink() != first, TimeoutMs);
    const QString second = shownLink();
    QCOMPARE(decodedQr(), second);
    QCOMPARE(m_demo->tokenRequestCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!rotation().isMinting(), TimeoutMs);
    QCOMPARE(status->text(), u"Renews at %1"_s.arg(Countdown::clockText(rotation().nextRenewal())));
    // In the history, newest first, with the label and the rotation's mark.
    const HistoryEntry renewed = m_window->history().entries().at(0);
    QCOMPARE(renewed.label, u"NOC wall 2"_s);
    QCOMPARE(renewed.rotation.id, rotation().id());
    QCOMPARE(renewed.rotation.number, 1);
    QVERIFY(m_window->history().entries().at(1).rotation.isNull());

    // Off: nothing runs any more, the link stays.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QVERIFY(!check->isChecked());
    QVERIFY(rotationIdle());
    QVERIFY(!status->isVisible());
    QCOMPARE(shownLink(), second);
}

void TestKeepRenewing::switchOn_withoutLink_mintsNow_andGenerateGoesOnFromTheNewLink()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    m_window->setExpiryMinutes(60);
    m_window->renewControl().setOn(true);
    QVERIFY(rotation().isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!shownLink().isEmpty(), TimeoutMs);
    QCOMPARE(decodedQr(), shownLink());
    QTRY_VERIFY_WITH_TIMEOUT(!rotation().isMinting(), TimeoutMs);
    QCOMPARE(rotation().minted(), 1);
    // A tenth of an hour before the end.
    QCOMPARE(rotation().nextRenewal(), rotation().current()->localExpiresAt().addSecs(-360));

    // Generate while renewing: a fresh link (15 min now), and the renewal follows it.
    const QString id = rotation().id();
    m_window->setExpiryMinutes(15);
    generate();
    QTRY_VERIFY_WITH_TIMEOUT(!session().isBusy(), TimeoutMs);
    QVERIFY(rotation().isRunning());
    QCOMPARE(rotation().current()->shortLink().toString(QUrl::FullyEncoded), shownLink());
    QCOMPARE(rotation().plan().minutes, 15);
    QVERIFY(rotation().id() != id);
    QCOMPARE(rotation().nextRenewal(),
             rotation().current()->localExpiresAt().addSecs(-m_window->renewControl().renewBefore()->count()));
    QCOMPARE(m_demo->tokenRequestCount(), 2);
    m_window->renewControl().setOn(false);
    QVERIFY(rotationIdle());
}

void TestKeepRenewing::present_renewedLinkReplacesQrInOnePaint_bothDecode()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    useOneMinuteLinks();
    generate();
    const QString first = shownLink();

    QTest::keyClick(m_window.get(), Qt::Key_F11);
    QPointer<PresentWindow> present = m_window->presentWindow();
    QVERIFY(present);
    QTRY_VERIFY(present->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(present));
    QCOMPARE(TestSupport::decodeQr(present->grab().toImage()), first);

    // The same switch in present mode: its context menu and its key.
    auto* action = present->findChild<QAction*>(u"keepRenewingAction"_s);
    QVERIFY(!action); // the window's own action, not a copy
    QVERIFY(present->actions().contains(m_window->renewControl().action()));
    present->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(present));
    FrameWatch watch(*present);
    QTest::keyClick(present, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(rotation().isRunning());
    auto* renewLabel = present->findChild<QLabel*>(u"presentRenewLabel"_s);
    QVERIFY(renewLabel && renewLabel->isVisible());
    QCOMPARE(present->renewalStatus(), u"Renews at %1"_s.arg(Countdown::clockText(rotation().nextRenewal())));

    QTRY_VERIFY_WITH_TIMEOUT(present->shownLink() != first, TimeoutMs);
    const QString second = present->shownLink();
    QVERIFY(!second.isEmpty());
    QCOMPARE(second, shownLink());
    // The paint that follows, once it is on the screen.
    QTRY_VERIFY_WITH_TIMEOUT(watch.decoded.contains(second), TimeoutMs);
    QCOMPARE(TestSupport::decodeQr(present->grab().toImage()), second);
    QCOMPARE(present->renewalStatus(), u"Renews at %1"_s.arg(Countdown::clockText(rotation().nextRenewal())));

    // Every frame in between had a code, in the same place, and showed the old link or
    // the new one: never an empty frame or a half layout.
    QVERIFY(!watch.frames.isEmpty());
    for (const FrameWatch::Frame& frame : std::as_const(watch.frames)) {
        QVERIFY(frame.hasCode);
        QCOMPARE(frame.geometry, watch.frames.first().geometry);
    }
    const qsizetype firstNew = watch.decoded.indexOf(second);
    for (qsizetype i = 0; i < watch.decoded.size(); ++i)
        QCOMPARE(watch.decoded.at(i), i < firstNew ? first : second);

    m_window->renewControl().setOn(false);
    QVERIFY(rotationIdle());
    QVERIFY(!renewLabel->isVisible());
    present->close();
    QTRY_VERIFY(!present);
}

void TestKeepRenewing::expiryWithNoSuccessor_takesQrDown_andSaysWhy()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.setResponses({shortLivedAnswer(6), ScriptedServer::response(503, {})});
    m_window->useApiUrl(server.url());
    m_window->useSessionKey(DemoServer::generateApiKey());
    showWindow();
    useOneMinuteLinks();
    m_window->renewControl().setOn(true);
    QTRY_VERIFY_WITH_TIMEOUT(!shownLink().isEmpty(), TimeoutMs);
    const QDateTime end = rotation().current()->localExpiresAt();
    QVERIFY(!decodedQr().isEmpty());

    // The renewal is refused; the link still lives and stays, with when it is tried again.
    auto* status = child<QLabel>("renewStatusLabel");
    auto* errorLabel = child<QLabel>("errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(session().renewalProblem().has_value(), TimeoutMs);
    if (QDateTime::currentDateTimeUtc() < end.addMSecs(-500)) {
        QVERIFY(!decodedQr().isEmpty());
        QVERIFY2(status->text().startsWith(u"Renewal failed; trying again at "_s), qPrintable(status->text()));
        QVERIFY(errorLabel->isVisible());
    }

    // It runs out: the QR code goes, the reason is there, the retries go on.
    QTRY_VERIFY_WITH_TIMEOUT(!rotation().current(), TimeoutMs);
    QVERIFY(QDateTime::currentDateTimeUtc() >= end);
    QTRY_VERIFY_WITH_TIMEOUT(child<QrView>("qrView")->qrCode().isNull(), TimeoutMs);
    QCOMPARE(decodedQr(), QString());
    QVERIFY2(errorLabel->text().startsWith(u"The link expired before a new one could be made: "_s),
             qPrintable(errorLabel->text()));
    QVERIFY(rotation().isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"No link yet; trying again at "_s), TimeoutMs);

    m_window->close();
    QVERIFY(rotationIdle());
}

void TestKeepRenewing::profileSwitchDemoAndClose_stopRenewing()
{
    // Demo mode switched on while renewing against the profile's API: it stops.
    m_window->useApiUrl(m_demo->url());
    m_window->useSessionKey(m_demo->apiKey());
    showWindow();
    m_window->renewControl().setOn(true);
    QTRY_VERIFY_WITH_TIMEOUT(!shownLink().isEmpty(), TimeoutMs);
    QVERIFY(rotation().isRunning());
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    QVERIFY(rotationIdle());
    QVERIFY(!child<QCheckBox>("keepRenewingCheck")->isChecked());

    // Closing the window stops it, including a renewal in flight.
    m_window->renewControl().setOn(true);
    QVERIFY(rotation().isRunning());
    m_window->close();
    QVERIFY(rotationIdle());
    QVERIFY(!session().isBusy());
}

void TestKeepRenewing::renewBefore_isBoundedByLifetime_andRememberedPerProfile()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    auto* edit = child<QLineEdit>("renewBeforeEdit");
    auto* check = child<QCheckBox>("keepRenewingCheck");
    QVERIFY(edit && check);
    QVERIFY(!edit->accessibleName().isEmpty());
    m_window->setExpiryMinutes(60);
    QCOMPARE(edit->text(), Rotation::durationText(Rotation::defaultRenewBefore(60)));
    m_window->setExpiryMinutes(15);
    QCOMPARE(edit->text(), Rotation::durationText(Rotation::defaultRenewBefore(15)));

    // Typed: kept (remembered for the profile); one as long as the lifetime is refused.
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, u"20m"_s);
    auto* hint = child<QLabel>("renewHintLabel");
    QVERIFY(hint->isVisible());
    QVERIFY(!check->isEnabled());
    edit->selectAll();
    QTest::keyClicks(edit, u"2m"_s);
    QVERIFY(!hint->isVisible());
    QVERIFY(check->isEnabled());
    QTest::keyClick(edit, Qt::Key_Tab);
    QCOMPARE(m_settings->renewBefore(), std::optional<std::chrono::seconds>(120s));
    // A shorter lifetime than that brings back the default of the new one.
    m_window->setExpiryMinutes(1);
    QCOMPARE(edit->text(), Rotation::durationText(Rotation::defaultRenewBefore(1)));
    QVERIFY(check->isEnabled());

    // A window that opens again has the renew-before, but is not renewing.
    m_window->setExpiryMinutes(60);
    newWindow();
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow();
    m_window->setExpiryMinutes(60);
    QCOMPARE(child<QLineEdit>("renewBeforeEdit")->text(), u"2m"_s);
    QVERIFY(!child<QCheckBox>("keepRenewingCheck")->isChecked());
    QVERIFY(!rotation().isRunning());
    QCOMPARE(m_demo->tokenRequestCount(), 0);
}

void TestKeepRenewing::kiosk_presentsAtStart_andMintsOneLink()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    QString why;
    const auto options = KioskStart::parse(false, u"1"_s, {}, {}, 60, &why);
    QVERIFY2(options, qPrintable(why));
    KioskStart kiosk(*m_window, *options, QGuiApplication::primaryScreen());
    QPointer<PresentWindow> present = kiosk.present();
    QVERIFY(present);
    QVERIFY(QTest::qWaitForWindowExposed(present));
    QVERIFY(present->isFullScreen());
    QVERIFY(!m_window->isVisible());
    QCOMPARE(present->findChild<QrView*>(u"presentQrView"_s)->placeholderText(), u"Making a link…"_s);
    QCOMPARE(m_demo->tokenRequestCount(), 0);

    kiosk.start();
    QTRY_VERIFY_WITH_TIMEOUT(present->hasLiveLink(), TimeoutMs);
    QCOMPARE(TestSupport::decodeQr(present->grab().toImage()), present->shownLink());
    QCOMPARE(m_demo->tokenRequestCount(), 1);
    QVERIFY(!rotation().isRunning());

    // Leaving present mode brings the window up.
    present->close();
    QTRY_VERIFY(m_window->isVisible());
}

void TestKeepRenewing::kiosk_rotate_renews()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    QString why;
    const auto options = KioskStart::parse(true, u"1"_s, u"57s"_s, {}, 60, &why);
    QVERIFY2(options, qPrintable(why));
    KioskStart kiosk(*m_window, *options, QGuiApplication::primaryScreen());
    QPointer<PresentWindow> present = kiosk.present();
    QVERIFY(QTest::qWaitForWindowExposed(present));
    kiosk.start();
    QTRY_VERIFY_WITH_TIMEOUT(present->hasLiveLink(), TimeoutMs);
    const QString first = present->shownLink();
    QVERIFY(rotation().isRunning());
    QCOMPARE(rotation().plan().minutes, 1);
    QCOMPARE(rotation().plan().renewBefore, 57s);
    QTRY_VERIFY_WITH_TIMEOUT(present->shownLink() != first && present->hasLiveLink(), TimeoutMs);
    QCOMPARE(TestSupport::decodeQr(present->grab().toImage()), present->shownLink());
    QVERIFY(m_demo->tokenRequestCount() >= 2);
    // The kiosk's renew-before is not remembered for the profile.
    QCOMPARE(m_settings->renewBefore(), std::nullopt);
    m_window->close();
    QVERIFY(rotationIdle());
}

void TestKeepRenewing::kiosk_noKey_saysWhyInPlaceOfQr()
{
    m_settings->setKeyStored(false);
    m_settings->setApiUrl(m_demo->url());
    const auto options = KioskStart::parse(true, {}, {}, {}, 60, nullptr);
    QVERIFY(options);
    KioskStart kiosk(*m_window, *options, QGuiApplication::primaryScreen());
    QPointer<PresentWindow> present = kiosk.present();
    QVERIFY(QTest::qWaitForWindowExposed(present));
    kiosk.start();
    auto* qrView = present->findChild<QrView*>(u"presentQrView"_s);
    QTRY_VERIFY(qrView->placeholderText().startsWith(u"No API key or token is stored for this profile"_s));
    QVERIFY(!present->hasToken());
    QVERIFY(present->renewalStatus().startsWith(u"Trying again at "_s));
    QCOMPARE(m_demo->tokenRequestCount(), 0);
}

void TestKeepRenewing::kiosk_options_checkedLikeTheCli()
{
    QString why;
    QVERIFY(!KioskStart::parse(true, u"0"_s, {}, {}, 60, &why));
    QCOMPARE(why, u"--minutes must be a whole number from 1 to 43200 (30 days)."_s);
    QVERIFY(!KioskStart::parse(true, u"1"_s, u"2m"_s, {}, 60, &why));
    QCOMPARE(why, u"The time to renew before the end (2m) must be shorter than each link's lifetime (1m)."_s);
    QVERIFY(!KioskStart::parse(true, u"60"_s, u"soon"_s, {}, 60, &why));
    QVERIFY(why.contains(u"soon"_s));
    QVERIFY(!KioskStart::parse(false, u"60"_s, u"5m"_s, {}, 60, &why));
    // The profile's default lifetime when --minutes is not given: its tenth renews.
    const auto options = KioskStart::parse(true, {}, {}, u" HDMI-1 "_s, 480, &why);
    QVERIFY(options);
    QCOMPARE(options->minutes, std::nullopt);
    QCOMPARE(options->screen, u"HDMI-1"_s);

    // Screens by name: the named one, else the remembered one, else the primary.
    QScreen* primary = QGuiApplication::primaryScreen();
    QCOMPARE(KioskStart::screenFor({}, {}, &why), primary);
    QCOMPARE(KioskStart::screenFor({}, u"gone"_s, &why), primary);
    QCOMPARE(KioskStart::screenFor(primary->name(), {}, &why), primary);
    QCOMPARE(KioskStart::screenFor(u"NOPE-9"_s, {}, &why), nullptr);
    QVERIFY(why.contains(u"\"NOPE-9\""_s));
    QVERIFY(why.contains(u'"' + primary->name() + u'"'));
}

void TestKeepRenewing::kiosk_unknownScreen_exit2_withTheNames()
{
    const QString bin = qEnvironmentVariable("FAULTSHARE_BIN_DIR");
    if (bin.isEmpty())
        QSKIP("FAULTSHARE_BIN_DIR is not set (run through ctest)");
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    app.setProcessEnvironment(environment);
    app.start(bin + u"/faultshare"_s, {u"--present"_s, u"--rotate"_s, u"--screen"_s, u"NOPE-9"_s, u"--demo"_s});
    QVERIFY(app.waitForFinished(TimeoutMs));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 2);
    const QStringList lines = QString::fromUtf8(app.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts).filter(u"faultshare:"_s);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(u"faultshare: --screen: no screen is named \"NOPE-9\"; the screens are: "_s),
             qPrintable(lines.first()));
}

QTEST_MAIN(TestKeepRenewing)
#include "tst_keeprenewing.moc"
