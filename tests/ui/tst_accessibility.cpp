// Accessibility and comfort, checked on the real windows: every focusable control has an
// accessible name and is reached with Tab; the generate-and-copy flow works by keyboard
// alone; with a dark palette the QR code stays dark on light and decodes, and the
// countdown colours keep a contrast of at least 4.5:1; at devicePixelRatio 2 (the second
// registration runs with QT_SCALE_FACTOR=2) every module is whole device pixels.

#include "WindowTest.h"
#include "Countdown.h"
#include "HistoryPanel.h"
#include "Presentation.h"
#include "PresentWindow.h"
#include "PreviewDialog.h"
#include "SettingsDialog.h"
#include "TestSupport.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int NetworkTimeoutMs = 10000;

// WCAG relative luminance and contrast ratio.
double luminance(const QColor& colour)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor text(0xee, 0xee, 0xee);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    return palette;
}

// Controls the keyboard can reach: Tab focus, not hidden behind another page.
QList<QWidget*> tabControls(QWidget* top, bool onlyReachable)
{
    QList<QWidget*> controls;
    const QList<QWidget*> all = top->findChildren<QWidget*>();
    for (QWidget* widget : all) {
        if (!(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
            continue;
        // Parts of a composite control (a spin box's editor, a scroll area's viewport).
        if (widget->objectName().startsWith("qt_"_L1) || widget->parentWidget()->inherits("QAbstractSpinBox")
            || widget->parentWidget()->inherits("QComboBox"))
            continue;
        if (onlyReachable && (!widget->isVisibleTo(top) || !widget->isEnabled()))
            continue;
        controls << widget;
    }
    return controls;
}

QString accessibleName(QWidget* widget)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

QString describe(const QWidget* widget)
{
    return u"%1 (%2)"_s.arg(widget->objectName(), QString::fromLatin1(widget->metaObject()->className()));
}

// The first light pixel along the diagonal, then the first dark one after it: the quiet
// zone and the finder pattern's corner. Both must exist for "dark modules on light".
bool darkOnLight(const QImage& image)
{
    const int n = std::min(image.width(), image.height());
    int light = -1;
    for (int i = 0; i < n; ++i) {
        const int l = qGray(image.pixel(i, i));
        if (light < 0 && l > 220)
            light = i;
        else if (light >= 0 && l < 40)
            return i - light >= 4; // a quiet zone of some pixels before the first module
    }
    return false;
}

} // namespace

class TestAccessibility final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void mainWindow_everyControlNamedAndReachableByTab();
    void keyPage_everyControlNamedAndReachableByTab();
    void settingsDialog_everyControlNamedAndReachableByTab();
    void previewDialog_everyControlNamed();
    void presentWindow_everyControlNamed_qrDescribed();
    void keyboardOnly_generateAndCopy();
    void darkTheme_qrDarkOnLight_andCountdownReadable();
    void highDpi_qrModulesAreWholeDevicePixels();

private:
    void showWindow(QWidget* window);
    void generate();
    // Names every control of top and, when tab is set, reaches each one with Tab.
    void checkControls(QWidget* top, bool tab);
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAccessibility::init()
{
    QVERIFY(setUpWindow());
}

void TestAccessibility::cleanup()
{
    QGuiApplication::clipboard()->clear();
    tearDownWindow();
}

void TestAccessibility::showWindow(QWidget* window)
{
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
}

void TestAccessibility::generate()
{
    auto* resultPanel = child<QWidget>("resultPanel");
    auto* busyBar = child<QProgressBar>("busyBar");
    QVERIFY(resultPanel && busyBar);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Return,
                    Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible() && !busyBar->isVisible(), NetworkTimeoutMs);
}

void TestAccessibility::checkControls(QWidget* top, bool tab)
{
    QStringList unnamed;
    for (QWidget* widget : tabControls(top, false)) {
        if (accessibleName(widget).isEmpty())
            unnamed << describe(widget);
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"no accessible name: "_s + unnamed.join(u", "_s)));
    if (!tab)
        return;

    const QList<QWidget*> reachable = tabControls(top, true);
    QVERIFY(!reachable.isEmpty());
    reachable.constFirst()->setFocus(Qt::TabFocusReason);
    QSet<QWidget*> visited;
    // Twice round the chain at most; every press is a real key event.
    for (int i = 0; i < 2 * int(reachable.size()) + 4; ++i) {
        QWidget* focus = QApplication::focusWidget();
        QVERIFY2(focus, "the focus left the window");
        for (QWidget* widget : reachable) {
            if (widget == focus || widget->isAncestorOf(focus))
                visited.insert(widget);
        }
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QStringList missed;
    for (QWidget* widget : reachable) {
        if (!visited.contains(widget))
            missed << describe(widget);
    }
    QVERIFY2(missed.isEmpty(), qPrintable(u"not reached with Tab: "_s + missed.join(u", "_s)));
}

void TestAccessibility::mainWindow_everyControlNamedAndReachableByTab()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow(m_window.get());
    generate();
    if (QTest::currentTestFailed())
        return;
    // The history dock has a row now; select it so its buttons are enabled.
    auto* dock = m_window->findChild<QDockWidget*>();
    QVERIFY(dock && dock->isVisible());
    checkControls(m_window.get(), true);
}

void TestAccessibility::keyPage_everyControlNamedAndReachableByTab()
{
    showWindow(m_window.get());
    m_window->start(); // no key in this keychain service: the first-run page
    QTRY_VERIFY_WITH_TIMEOUT(showsKeyPage(), NetworkTimeoutMs);
    auto* keyPage = child<QWidget>("keyPage");
    QVERIFY(keyPage);
    checkControls(keyPage, false);
    checkControls(m_window.get(), true);
    auto* keyEdit = child<QLineEdit>("apiKeyEdit");
    QVERIFY(keyEdit);
    QVERIFY(!QAccessible::queryAccessibleInterface(keyEdit)->text(QAccessible::Description).isEmpty());
}

void TestAccessibility::settingsDialog_everyControlNamedAndReachableByTab()
{
    SettingsDialog dialog(*m_settings, *m_keys);
    showWindow(&dialog);
    checkControls(&dialog, true);
}

void TestAccessibility::previewDialog_everyControlNamed()
{
    PreviewDialog dialog(*m_api, u"not-a-token"_s, u"NOC wall 2"_s);
    showWindow(&dialog);
    checkControls(&dialog, true);
}

void TestAccessibility::presentWindow_everyControlNamed_qrDescribed()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow(m_window.get());
    generate();
    if (QTest::currentTestFailed())
        return;
    auto* shortLink = child<QLabel>("shortLinkLabel");
    QVERIFY(shortLink);
    const QString link = shortLink->text();

    auto* qrView = child<QrView>("qrView");
    QVERIFY(qrView);
    QAccessibleInterface* qr = QAccessible::queryAccessibleInterface(qrView);
    QVERIFY(qr && !qr->text(QAccessible::Name).isEmpty());
    // It says what the code is; the link itself is the text beside it.
    QVERIFY(!qr->text(QAccessible::Description).isEmpty());
    QVERIFY(!qr->text(QAccessible::Name).contains(link));

    QAction* present = child<QAction>("presentAction");
    QVERIFY(present);
    present->trigger();
    PresentWindow* window = nullptr;
    QTRY_VERIFY((window = m_window->findChild<PresentWindow*>()) != nullptr);
    QTRY_VERIFY(window->isVisible());
    checkControls(window, false);
    auto* presentQr = window->findChild<QrView*>(u"presentQrView"_s);
    QVERIFY(presentQr && !accessibleName(presentQr).isEmpty());
    window->close();
}

void TestAccessibility::keyboardOnly_generateAndCopy()
{
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow(m_window.get());
    auto* labelEdit = child<QLineEdit>("labelEdit");
    auto* generateButton = child<QPushButton>("generateButton");
    QVERIFY(labelEdit && generateButton);

    // Only keys from here on: Tab to the label field, type, Tab to Generate, Enter.
    int presses = 0;
    while (QApplication::focusWidget() != labelEdit && presses++ < 60)
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), labelEdit);
    QTest::keyClicks(labelEdit, u"NOC wall 2"_s);
    presses = 0;
    while (QApplication::focusWidget() != generateButton && presses++ < 60)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), generateButton);
    QTest::keyClick(generateButton, Qt::Key_Enter);
    auto* resultPanel = child<QWidget>("resultPanel");
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible(), NetworkTimeoutMs);
    QCOMPARE(m_demo->tokenRequestCount(), 1);
    QCOMPARE(child<QLabel>("resultTitleLabel")->text(), u"NOC wall 2"_s);

    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_window.get(), Qt::Key_C,
                    Qt::ControlModifier | Qt::ShiftModifier);
    const QString link = child<QLabel>("shortLinkLabel")->text();
    QVERIFY(link.startsWith("http"_L1));
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), link);
    QCOMPARE(decodedQr(), link);

    // And back with Shift+Tab: the label field is reached again.
    presses = 0;
    while (QApplication::focusWidget() != labelEdit && presses++ < 60)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), labelEdit);
}

void TestAccessibility::darkTheme_qrDarkOnLight_andCountdownReadable()
{
    QStyle* fusion = QStyleFactory::create(u"Fusion"_s);
    QVERIFY(fusion);
    QApplication::setStyle(fusion);
    const QPalette dark = darkPalette();
    QApplication::setPalette(dark);
    newWindow();
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow(m_window.get());
    QVERIFY(Presentation::isDark(m_window->palette()));
    generate();
    if (QTest::currentTestFailed())
        return;

    const QString link = child<QLabel>("shortLinkLabel")->text();
    auto* qrView = child<QrView>("qrView");
    const QImage grab = qrView->grab().toImage();
    QCOMPARE(TestSupport::decodeQr(grab), link);
    QVERIFY2(darkOnLight(grab), "the QR code is not dark modules on a light quiet zone");

    // The countdown of the window, as drawn now (Fresh), and every phase's colour.
    auto* countdown = child<QLabel>("countdownLabel");
    QVERIFY(countdown);
    const QColor background = m_window->palette().color(QPalette::Window);
    const double now = contrast(countdown->palette().color(QPalette::WindowText), background);
    QVERIFY2(now >= 4.5, qPrintable(u"countdown contrast %1"_s.arg(now)));
    for (const auto phase : {Countdown::Phase::Fresh, Countdown::Phase::Warning, Countdown::Phase::Critical,
                             Countdown::Phase::Expired}) {
        const double onDark = contrast(Presentation::phaseColour(phase, true), background);
        const double onLight = contrast(Presentation::phaseColour(phase, false), Qt::white);
        QVERIFY2(onDark >= 4.5, qPrintable(u"phase %1 on dark: %2"_s.arg(int(phase)).arg(onDark)));
        QVERIFY2(onLight >= 4.5, qPrintable(u"phase %1 on light: %2"_s.arg(int(phase)).arg(onLight)));
    }
    QVERIFY(contrast(Presentation::errorColour(dark), background) >= 4.5);

    // The wall display keeps its light page whatever the desktop's theme.
    child<QAction>("presentAction")->trigger();
    PresentWindow* present = nullptr;
    QTRY_VERIFY((present = m_window->findChild<PresentWindow*>()) != nullptr);
    QTRY_VERIFY(present->isVisible());
    const QImage presentGrab = present->findChild<QrView*>(u"presentQrView"_s)->grab().toImage();
    QCOMPARE(TestSupport::decodeQr(presentGrab), link);
    QVERIFY2(darkOnLight(presentGrab), "the wall display's QR code is not dark on light");
    auto* presentCountdown = present->findChild<QLabel*>(u"presentCountdownLabel"_s);
    QVERIFY(presentCountdown);
    const double wall = contrast(presentCountdown->palette().color(QPalette::WindowText),
                                 present->palette().color(QPalette::Window));
    QVERIFY2(wall >= 4.5, qPrintable(u"wall countdown contrast %1"_s.arg(wall)));
    present->close();
    QApplication::setPalette(QPalette());
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
}

void TestAccessibility::highDpi_qrModulesAreWholeDevicePixels()
{
    if (qEnvironmentVariable("QT_SCALE_FACTOR") != "2"_L1)
        QSKIP("runs in the registration with QT_SCALE_FACTOR=2 (tst_accessibility_hidpi)");
    m_window->useDemo(m_demo->url(), m_demo->apiKey());
    showWindow(m_window.get());
    generate();
    if (QTest::currentTestFailed())
        return;
    auto* qrView = child<QrView>("qrView");
    QCOMPARE(qrView->devicePixelRatioF(), 2.0);
    QCOMPARE(m_window->devicePixelRatio(), 2);
    const QImage grab = qrView->grab().toImage();
    QCOMPARE(grab.devicePixelRatio(), 2.0);
    const QString link = child<QLabel>("shortLinkLabel")->text();
    QCOMPARE(TestSupport::decodeQr(grab), link);

    // The dark modules' bounding box in device pixels is a whole number of modules.
    int left = grab.width(), right = -1, top = grab.height(), bottom = -1;
    for (int y = 0; y < grab.height(); ++y) {
        for (int x = 0; x < grab.width(); ++x) {
            if (qGray(grab.pixel(x, y)) < 40) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    QVERIFY(right > left && bottom > top);
    const int modules = m_window->currentQrCode().size();
    QVERIFY(modules > 0);
    const int width = right - left + 1;
    QCOMPARE(width % modules, 0);
    QCOMPARE(bottom - top + 1, width);
    // No grey edge: every pixel is either module-dark or quiet-zone light.
    const int moduleSize = width / modules;
    QVERIFY(moduleSize >= 2);
    for (int x = left; x <= right; ++x) {
        const int g = qGray(grab.pixel(x, top));
        QVERIFY2(g < 40 || g > 215, qPrintable(u"grey pixel %1 at x=%2"_s.arg(g).arg(x)));
    }
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
