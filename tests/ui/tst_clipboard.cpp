// The clipboard of secrets: marked for clipboard managers on every platform, cleared after
// the delay and when the application quits, and only while it still holds our secret.
// The token field lets its text out only through that path. The clipboard is Qt's own
// (offscreen platform), and a real X server's in tst_clipboard_x11 (a private Xvfb, with
// the PRIMARY selection); the application's event loop really runs and really quits.

#include "Clipboard.h"
#include "SecretLineEdit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace faultshare;

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestClipboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void secretMarkers_freeDesktop_isPasswordManagerHint();
    void secretMarkers_macOs_isConcealedType();
    void secretMarkers_windows_excludeMonitorsHistoryAndCloud();
    void copySecret_setsThisPlatformsMarkersBesideText();
    void copyText_isNotMarkedAndNotCleared();
    void copySecret_isClearedAfterDelay();
    void copySecret_replacedMeanwhile_isLeftAlone();
    void applicationQuit_clearsSecret();
    void applicationQuit_leavesReplacedClipboardAlone();
    void secretLineEdit_copyKeys_requestSecretCopy_copyNothingPlain_data();
    void secretLineEdit_copyKeys_requestSecretCopy_copyNothingPlain();
    void secretLineEdit_contextMenu_copyRequestsSecretCopy_noActionCopiesPlain();
    void secretLineEdit_selecting_neverFillsPrimarySelection();

private:
    // A revealed token in a SecretLineEdit, shown in a window of its own.
    static std::unique_ptr<SecretLineEdit> revealedToken();
    // Runs the application's event loop and quits it as the quit action does, with a
    // safety exit in case quitting does not end the loop.
    static int runAndQuit();

    std::unique_ptr<Clipboard> m_clipboard;
};

void TestClipboard::init()
{
    QGuiApplication::clipboard()->clear();
    m_clipboard = std::make_unique<Clipboard>(nullptr);
}

void TestClipboard::cleanup()
{
    m_clipboard.reset();
    QGuiApplication::clipboard()->clear();
}

int TestClipboard::runAndQuit()
{
    QTimer::singleShot(0, qApp, [] { QCoreApplication::quit(); });
    QTimer::singleShot(10000, qApp, [] { QCoreApplication::exit(99); });
    return QCoreApplication::exec();
}

void TestClipboard::secretMarkers_freeDesktop_isPasswordManagerHint()
{
    const QList<Clipboard::Marker> markers = Clipboard::secretMarkers(Clipboard::Platform::FreeDesktop, u"s3cret"_s);
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.at(0).format, u"x-kde-passwordManagerHint"_s);
    QCOMPARE(markers.at(0).data, QByteArrayLiteral("secret"));
}

void TestClipboard::secretMarkers_macOs_isConcealedType()
{
    // Qt maps this MIME type to NSPasteboard's org.nspasteboard.ConcealedType.
    const QList<Clipboard::Marker> markers = Clipboard::secretMarkers(Clipboard::Platform::MacOs, u"s3cret"_s);
    QCOMPARE(markers.size(), 1);
    QCOMPARE(markers.at(0).format, u"application/x-nspasteboard-concealed-type"_s);
    QCOMPARE(markers.at(0).data, QByteArrayLiteral("s3cret"));
}

void TestClipboard::secretMarkers_windows_excludeMonitorsHistoryAndCloud()
{
    const QList<Clipboard::Marker> markers = Clipboard::secretMarkers(Clipboard::Platform::Windows, u"s3cret"_s);
    const auto data = [&markers](const QString& name) -> std::optional<QByteArray> {
        const QString format = u"application/x-qt-windows-mime;value=\"%1\""_s.arg(name);
        for (const Clipboard::Marker& marker : markers) {
            if (marker.format == format)
                return marker.data;
        }
        return std::nullopt;
    };
    QCOMPARE(markers.size(), 3);
    QVERIFY(data(u"ExcludeClipboardContentFromMonitorProcessing"_s).has_value());
    // DWORD 0: "no" to clipboard history (Win+V) and to cloud sync.
    QCOMPARE(data(u"CanIncludeInClipboardHistory"_s), std::optional<QByteArray>(QByteArray(4, '\0')));
    QCOMPARE(data(u"CanUploadToCloudClipboard"_s), std::optional<QByteArray>(QByteArray(4, '\0')));
    // The secret itself is only in text/plain, not in a marker.
    for (const Clipboard::Marker& marker : markers)
        QVERIFY(!marker.data.contains("s3cret"));
}

void TestClipboard::copySecret_setsThisPlatformsMarkersBesideText()
{
    m_clipboard->copySecret(u"tok.en.value"_s, 60s);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), u"tok.en.value"_s);
#if defined(Q_OS_MACOS)
    const auto platform = Clipboard::Platform::MacOs;
#elif defined(Q_OS_WIN)
    const auto platform = Clipboard::Platform::Windows;
#else
    const auto platform = Clipboard::Platform::FreeDesktop;
    QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArrayLiteral("secret"));
#endif
    for (const Clipboard::Marker& marker : Clipboard::secretMarkers(platform, u"tok.en.value"_s))
        QVERIFY2(mime->hasFormat(marker.format), qPrintable(marker.format));
    QVERIFY(m_clipboard->holdsSecret());
    // Only the clipboard: a secret in the X11 selection is pasted by any middle click.
    if (QGuiApplication::clipboard()->supportsSelection())
        QVERIFY(QGuiApplication::clipboard()->text(QClipboard::Selection) != u"tok.en.value"_s);
}

void TestClipboard::copyText_isNotMarkedAndNotCleared()
{
    QSignalSpy expired(m_clipboard.get(), &Clipboard::secretExpired);
    m_clipboard->copyText(u"https://altostr.at/aBcDeFg"_s);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), u"https://altostr.at/aBcDeFg"_s);
    QVERIFY(!mime->hasFormat(u"x-kde-passwordManagerHint"_s));
    QVERIFY(!m_clipboard->holdsSecret());
    QCOMPARE(runAndQuit(), 0);
    m_clipboard.reset();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"https://altostr.at/aBcDeFg"_s);
    QCOMPARE(expired.count(), 0);
}

void TestClipboard::copySecret_isClearedAfterDelay()
{
    QSignalSpy expired(m_clipboard.get(), &Clipboard::secretExpired);
    m_clipboard->copySecret(u"tok.en.value"_s, 1s);
    // Time is the subject here: half-way through its 1 s the secret is still there.
    QTest::qWait(500);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"tok.en.value"_s);
    QVERIFY(expired.wait(5000));
    QCOMPARE(expired.first().at(0).toBool(), true);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!m_clipboard->holdsSecret());
}

void TestClipboard::copySecret_replacedMeanwhile_isLeftAlone()
{
    QSignalSpy expired(m_clipboard.get(), &Clipboard::secretExpired);
    m_clipboard->copySecret(u"tok.en.value"_s, 1s);
    QGuiApplication::clipboard()->setText(u"the operator's own text"_s);
    QVERIFY(!m_clipboard->holdsSecret());
    QVERIFY(expired.wait(5000));
    QCOMPARE(expired.first().at(0).toBool(), false);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"the operator's own text"_s);
}

void TestClipboard::applicationQuit_clearsSecret()
{
    m_clipboard->copySecret(u"tok.en.value"_s, 60s);
    QVERIFY(m_clipboard->holdsSecret());
    QCOMPARE(runAndQuit(), 0);
    // Cleared by the quit itself: the Clipboard object is still alive here.
    QVERIFY(m_clipboard);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestClipboard::applicationQuit_leavesReplacedClipboardAlone()
{
    m_clipboard->copySecret(u"tok.en.value"_s, 60s);
    QGuiApplication::clipboard()->setText(u"the operator's own text"_s);
    QCOMPARE(runAndQuit(), 0);
    m_clipboard.reset();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"the operator's own text"_s);
}

std::unique_ptr<SecretLineEdit> TestClipboard::revealedToken()
{
    auto edit = std::make_unique<SecretLineEdit>();
    edit->setReadOnly(true);
    edit->setText(u"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWFtIn0.c2lnbmF0dXJl"_s);
    edit->setEchoMode(QLineEdit::Normal);
    edit->resize(400, edit->sizeHint().height());
    edit->show();
    edit->activateWindow();
    edit->setFocus();
    return edit;
}

// Copy in the token field asks for the secret copy (copyRequested, which the window
// answers with copySecret: tst_mainwindow) and puts nothing on the clipboard itself.
void TestClipboard::secretLineEdit_copyKeys_requestSecretCopy_copyNothingPlain_data()
{
    QTest::addColumn<QKeyCombination>("key");
    QTest::newRow("Ctrl+C") << QKeyCombination(Qt::ControlModifier, Qt::Key_C);
    QTest::newRow("Ctrl+Insert") << QKeyCombination(Qt::ControlModifier, Qt::Key_Insert);
}

void TestClipboard::secretLineEdit_copyKeys_requestSecretCopy_copyNothingPlain()
{
    QFETCH(QKeyCombination, key);
    if (!QKeySequence::keyBindings(QKeySequence::Copy).contains(QKeySequence(key)))
        QSKIP("not a Copy key on this platform");
    const auto edit = revealedToken();
    QVERIFY(QTest::qWaitForWindowExposed(edit.get()));
    QVERIFY(!edit->dragEnabled());
    QSignalSpy requested(edit.get(), &SecretLineEdit::copyRequested);
    QGuiApplication::clipboard()->setText(u"before"_s);
    edit->selectAll();
    QCOMPARE(edit->selectedText(), edit->text());

    QTest::keyClick(edit.get(), key.key(), key.keyboardModifiers());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);

    // Masked, the same: the field copies the secret only through the secret path.
    edit->setEchoMode(QLineEdit::Password);
    QTest::keyClick(edit.get(), key.key(), key.keyboardModifiers());
    QCOMPARE(requested.count(), 2);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"before"_s);
}

void TestClipboard::secretLineEdit_contextMenu_copyRequestsSecretCopy_noActionCopiesPlain()
{
    const auto edit = revealedToken();
    QVERIFY(QTest::qWaitForWindowExposed(edit.get()));
    QSignalSpy requested(edit.get(), &SecretLineEdit::copyRequested);
    edit->selectAll();
    const QPoint at = edit->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, edit->mapToGlobal(at));
    QApplication::sendEvent(edit.get(), &event);
    QMenu* menu = nullptr;
    QTRY_VERIFY((menu = edit->findChild<QMenu*>()) != nullptr && menu->isVisible());

    // Every action the menu offers, one after the other: none puts the token on the
    // clipboard, and Copy asks for the secret copy.
    const QList<QAction*> actions = menu->actions();
    QAction* copy = nullptr;
    for (QAction* action : actions) {
        if (action->isSeparator() || !action->isEnabled())
            continue;
        QGuiApplication::clipboard()->setText(u"before"_s);
        const qsizetype before = requested.count();
        action->trigger();
        QVERIFY2(!QGuiApplication::clipboard()->text().contains(edit->text()), qPrintable(action->text()));
        if (requested.count() > before)
            copy = action;
        edit->selectAll();
    }
    QVERIFY(copy);
    QCOMPARE(requested.count(), 1);
    QVERIFY2(copy->text().contains(u"Copy"_s), qPrintable(copy->text()));
    menu->close();
}

// On X11 any middle click pastes the PRIMARY selection, which no clipboard manager hint
// covers: selecting the shown token (keys, mouse) must not put it there. The offscreen
// platform has no selection; tst_clipboard_x11 runs this on a private Xvfb.
void TestClipboard::secretLineEdit_selecting_neverFillsPrimarySelection()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard->supportsSelection())
        QSKIP("no selection on this platform (tst_clipboard_x11 checks it on X11)");
    const auto edit = revealedToken();
    QVERIFY(QTest::qWaitForWindowExposed(edit.get()));
    const QString token = edit->text();
    const auto primaryHoldsToken = [clipboard, &token] {
        const QString primary = clipboard->text(QClipboard::Selection);
        return !primary.isEmpty() && token.contains(primary);
    };

    // What a plain line edit does here: the check below can fail.
    {
        QLineEdit plain(token);
        plain.setReadOnly(true);
        plain.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plain));
        QTest::keyClick(&plain, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(clipboard->text(QClipboard::Selection), token);
        clipboard->clear(QClipboard::Selection);
    }

    QTest::keyClick(edit.get(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(edit->selectedText(), token); // still selectable, to the eye
    QVERIFY(!primaryHoldsToken());
    QTest::keyClick(edit.get(), Qt::Key_Home);
    QTest::keyClick(edit.get(), Qt::Key_End, Qt::ShiftModifier);
    QCOMPARE(edit->selectedText(), token);
    QVERIFY(!primaryHoldsToken());
    QTest::keyClick(edit.get(), Qt::Key_Left, Qt::ShiftModifier);
    QVERIFY(edit->hasSelectedText());
    QVERIFY(!primaryHoldsToken());

    // With the mouse: a drag across, a double click on a word.
    const int y = edit->height() / 2;
    QTest::mousePress(edit.get(), Qt::LeftButton, {}, QPoint(8, y));
    QTest::mouseMove(edit.get(), QPoint(edit->width() / 2, y));
    QTest::mouseRelease(edit.get(), Qt::LeftButton, {}, QPoint(edit->width() / 2, y));
    QVERIFY(edit->hasSelectedText());
    QVERIFY(!primaryHoldsToken());
    QTest::mouseDClick(edit.get(), Qt::LeftButton, {}, QPoint(20, y));
    QVERIFY(edit->hasSelectedText());
    QVERIFY(!primaryHoldsToken());
}

QTEST_MAIN(TestClipboard)
#include "tst_clipboard.moc"
