// Present mode as a wall display shows it: grabs of the real window at real display
// sizes, decoded by a real QR decoder, also scaled down as a phone across the room sees
// it. The main-window cases run against the in-process demo API. Only the clock is faked.

#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "MonospaceCheck.h"
#include "PresentWindow.h"
#include "Presentation.h"
#include "QrCode.h"
#include "QrDecode.h"
#include "QrView.h"
#include "Settings.h"

#include <QAction>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFontInfo>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace faultshare;

using namespace Qt::StringLiterals;

namespace {

constexpr int NetworkTimeoutMs = 10000;
const QString ShortLink = u"https://altostr.at/aBcDeFg"_s;
const QDateTime Issued(QDate(2025, 10, 21), QTime(12, 0), Qt::UTC);

QByteArray b64(const QByteArray& json)
{
    return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A JWT-shaped token, as the API returns it, for a link issued at `issued` (server
// Date header serverDate, none when invalid).
EmbedToken makeToken(const QString& link = ShortLink, int minutes = 15, const QDateTime& issued = Issued,
                     const QDateTime& serverDate = {})
{
    const QString jwt = QString::fromLatin1(b64(R"({"alg":"HS256","typ":"JWT"})") + '.'
                                            + b64(QByteArrayLiteral(R"({"sub":"team","iat":)")
                                                  + QByteArray::number(issued.toSecsSinceEpoch()) + '}')
                                            + ".c2lnbmF0dXJl");
    const QJsonObject body{
        {u"token"_s, jwt},
        {u"type"_s, u"jwt"_s},
        {u"expires_in_minutes"_s, minutes},
        {u"expires_at"_s, issued.addSecs(minutes * 60).toString(Qt::ISODateWithMs)},
        {u"short_link"_s, link},
    };
    QString why;
    const auto token = EmbedToken::parse(QJsonDocument(body).toJson(QJsonDocument::Compact), issued, serverDate, QUrl(QStringLiteral("https://v1.api.altostrat.io")), &why);
    if (!token)
        qFatal("test token does not parse: %s", qPrintable(why));
    return *token;
}

QImage grabOf(QWidget& widget)
{
    return widget.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    palette.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    palette.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    return palette;
}

// On the grab of the QR view: every module (quiet zone included) is a whole block of
// pure black or white, centred, and the view around the symbol is light. Returns what is
// wrong, or empty.
QString modulesProblem(const QImage& gray, const QrCode& code)
{
    const int m = code.moduleSizeFor(gray.size());
    const int n = code.sizeWithQuietZone();
    const int side = n * m;
    const int left = (gray.width() - side) / 2;
    const int top = (gray.height() - side) / 2;
    for (const QPoint corner : {QPoint(0, 0), QPoint(gray.width() - 1, gray.height() - 1)}) {
        if (gray.constScanLine(corner.y())[corner.x()] < 200)
            return u"background at (%1, %2) is not light"_s.arg(corner.x()).arg(corner.y());
    }
    for (int y = 0; y < side; ++y) {
        const uchar* line = gray.constScanLine(top + y);
        for (int x = 0; x < side; ++x) {
            const uchar expected = code.isDark(x / m - QrCode::QuietZone, y / m - QrCode::QuietZone) ? 0 : 255;
            if (line[left + x] != expected)
                return u"pixel (%1, %2) is %3, expected %4 (module size %5)"_s.arg(x).arg(y).arg(line[left + x]).arg(
                    expected).arg(m);
        }
    }
    return {};
}

} // namespace

class TestPresentWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void grab_decodesToExactLink_alsoAtQuarterSize_data();
    void grab_decodesToExactLink_alsoAtQuarterSize();
    void grab_modulesAreWholePixelsOnLight_evenInDarkTheme_data();
    void grab_modulesAreWholePixelsOnLight_evenInDarkTheme();
    void showsLinkLabelAndCountdown();
    void monospaceCheck_acceptsMonospaceFacesOnly_data();
    void monospaceCheck_acceptsMonospaceFacesOnly();
    void linkFont_noLigatureEvenInAFaceThatHasThem();
    void countdown_followsClockWithPhaseColours();
    void countdown_followsServerClockWhenSkewed();
    void expired_takesQrDown_nothingDecodes();
    void updateToken_showsNewLink();
    void escape_closes();
    void doubleClick_closes();
    void cursor_hidesWhenIdle_returnsOnMove();
    void present_oneScreen_fullscreen_orRememberedWindow();
    void mainWindow_f11_presentsSameLink_andFollowsNewLink();

private:
    std::unique_ptr<PresentWindow> makeWindow(const EmbedToken& token, const QString& label = u"NOC wall 2"_s);
    static QLabel* label(QWidget& window, const char* name)
    {
        return window.findChild<QLabel*>(QLatin1StringView(name));
    }

    std::shared_ptr<QDateTime> m_now = std::make_shared<QDateTime>(Issued);
};

void TestPresentWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPresentWindow::cleanup()
{
    QApplication::setPalette(QPalette());
    *m_now = Issued;
}

std::unique_ptr<PresentWindow> TestPresentWindow::makeWindow(const EmbedToken& token, const QString& labelText)
{
    auto window = std::make_unique<PresentWindow>(token, labelText);
    const auto now = m_now;
    window->setClock([now] { return *now; });
    return window;
}

void TestPresentWindow::grab_decodesToExactLink_alsoAtQuarterSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("3840x2160") << QSize(3840, 2160);
}

void TestPresentWindow::grab_decodesToExactLink_alsoAtQuarterSize()
{
    QFETCH(QSize, size);
    const auto window = makeWindow(makeToken());
    window->show();
    window->resize(size);
    const QImage grab = window->grab().toImage();
    QCOMPARE(grab.size(), size);
    QCOMPARE(TestSupport::decodeQr(grab), ShortLink);
    // A phone across the room: a quarter of the size, smoothed.
    const QImage far = grab.scaledToWidth(size.width() / 4, Qt::SmoothTransformation);
    QCOMPARE(TestSupport::decodeQr(far), ShortLink);
}

void TestPresentWindow::grab_modulesAreWholePixelsOnLight_evenInDarkTheme_data()
{
    grab_decodesToExactLink_alsoAtQuarterSize_data();
}

void TestPresentWindow::grab_modulesAreWholePixelsOnLight_evenInDarkTheme()
{
    QFETCH(QSize, size);
    QApplication::setPalette(darkPalette());
    const auto window = makeWindow(makeToken());
    window->show();
    window->resize(size);
    auto* qrView = window->findChild<QrView*>(u"presentQrView"_s);
    QVERIFY(qrView);
    const QImage gray = grabOf(*window).copy(qrView->geometry());
    const QrCode& code = qrView->qrCode();
    QVERIFY(!code.isNull());
    // As large as the display allows: the symbol takes most of the height, the rest is
    // the link, label and countdown.
    const int side = code.sizeWithQuietZone() * code.moduleSizeFor(gray.size());
    QVERIFY2(side >= size.height() * 6 / 10, qPrintable(u"symbol only %1 px high"_s.arg(side)));
    const QString problem = modulesProblem(gray, code);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestPresentWindow::showsLinkLabelAndCountdown()
{
    *m_now = Issued.addSecs(60);
    const auto window = makeWindow(makeToken());
    window->show();
    QLabel* link = label(*window, "presentLinkLabel");
    QLabel* title = label(*window, "presentTitleLabel");
    QLabel* countdown = label(*window, "presentCountdownLabel");
    QVERIFY(link && title && countdown);
    QCOMPARE(link->text(), ShortLink);
    QCOMPARE(title->text(), u"NOC wall 2"_s);
    QVERIFY(link->isVisible() && title->isVisible() && countdown->isVisible());
    QVERIFY2(countdown->text().startsWith(u"14:00"_s), qPrintable(countdown->text()));
    // Large type: bigger than the main window's.
    window->resize(1920, 1080);
    QVERIFY2(link->font().pixelSize() >= 30, qPrintable(QString::number(link->font().pixelSize())));
    QVERIFY(countdown->font().pixelSize() > link->font().pixelSize());
    // Read from across the room and typed: l, I and 1 must differ (a fixed-width face),
    // and the text is the link itself (no ligature).
    const QString fontProblem = TestSupport::monospaceProblem(link->font());
    QVERIFY2(fontProblem.isEmpty(), qPrintable(QFontInfo(link->font()).family() + u": "_s + fontProblem));
}

// The check of the link font, on faces named outright, whatever the default monospace
// is: one that fontconfig calls fixed-pitch, one it does not although every glyph has
// the same advance, and a proportional one, which must fail it.
void TestPresentWindow::monospaceCheck_acceptsMonospaceFacesOnly_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<bool>("monospace");
    QTest::newRow("DejaVu Sans Mono") << u"DejaVu Sans Mono"_s << true;
    QTest::newRow("Noto Sans Mono") << u"Noto Sans Mono"_s << true;
    QTest::newRow("DejaVu Sans") << u"DejaVu Sans"_s << false;
}

void TestPresentWindow::monospaceCheck_acceptsMonospaceFacesOnly()
{
    QFETCH(QString, family);
    QFETCH(bool, monospace);
    QFont font = Presentation::linkFont();
    font.setFamilies({family});
    const QFontInfo info(font);
    if (info.family() != family)
        QSKIP(qPrintable(family + u" is not installed (fonts-dejavu-core, fonts-noto-mono)"_s));
    qInfo("%s: fontconfig says %s", qPrintable(family), info.fixedPitch() ? "fixed pitch" : "not fixed pitch");
    const QString problem = TestSupport::monospaceProblem(font);
    QVERIFY2(problem.isEmpty() == monospace, qPrintable(problem.isEmpty() ? u"accepted"_s : problem));
}

// Whatever monospace face the desktop has, some have ligatures (Fira Code, Cascadia
// Code...): the link font sets one glyph per character even in a face that has them.
void TestPresentWindow::linkFont_noLigatureEvenInAFaceThatHasThem()
{
    const QString text = u"ffi fl"_s;
    QFont shaped(u"DejaVu Sans"_s);
    if (QFontInfo(shaped).family() != u"DejaVu Sans"_s)
        QSKIP("DejaVu Sans is not installed (fonts-dejavu-core)");
    // The face has the ligatures: the check below can fail.
    QVERIFY(TestSupport::glyphCount(shaped, text) < text.size());
    QFont font = Presentation::linkFont();
    font.setFamilies({u"DejaVu Sans"_s});
    QCOMPARE(TestSupport::glyphCount(font, text), text.size());
}

void TestPresentWindow::countdown_followsClockWithPhaseColours()
{
    const auto window = makeWindow(makeToken());
    window->show();
    QLabel* countdown = label(*window, "presentCountdownLabel");
    QVERIFY(countdown);
    const QColor fresh = countdown->palette().color(QPalette::WindowText);
    QVERIFY2(countdown->text().startsWith(u"15:00"_s), qPrintable(countdown->text()));

    // 30 s before the end of a 15 min link: Critical, in another colour.
    *m_now = Issued.addSecs(15 * 60 - 30);
    const auto now = m_now;
    window->setClock([now] { return *now; });
    QVERIFY2(countdown->text().startsWith(u"0:30"_s), qPrintable(countdown->text()));
    QVERIFY(countdown->text().contains(Countdown::phaseName(Countdown::Phase::Critical)));
    const QColor critical = countdown->palette().color(QPalette::WindowText);
    QVERIFY(critical != fresh);
    QCOMPARE(critical, Presentation::phaseColour(Countdown::Phase::Critical, false));
}

void TestPresentWindow::countdown_followsServerClockWhenSkewed()
{
    // The server's clock runs 10 min ahead: a 15 min link has 5 min left on it.
    const auto window = makeWindow(makeToken(ShortLink, 15, Issued, Issued.addSecs(600)));
    window->show();
    QLabel* countdown = label(*window, "presentCountdownLabel");
    QVERIFY(countdown);
    QVERIFY2(countdown->text().startsWith(u"5:00"_s), qPrintable(countdown->text()));
}

void TestPresentWindow::expired_takesQrDown_nothingDecodes()
{
    const auto window = makeWindow(makeToken());
    window->show();
    window->resize(1920, 1080);
    QCOMPARE(TestSupport::decodeQr(window->grab().toImage()), ShortLink);

    *m_now = Issued.addSecs(15 * 60 + 1);
    const auto now = m_now;
    window->setClock([now] { return *now; });
    QVERIFY(window->isExpired());
    QCOMPARE(window->shownLink(), QString());
    auto* qrView = window->findChild<QrView*>(u"presentQrView"_s);
    QVERIFY(qrView);
    QVERIFY(qrView->qrCode().isNull());
    QCOMPARE(qrView->placeholderText(), u"Expired — generate a new link"_s);
    QLabel* link = label(*window, "presentLinkLabel");
    QVERIFY(link && !link->isVisible());
    const QImage grab = window->grab().toImage();
    QCOMPARE(TestSupport::decodeQr(grab), QString());
    QCOMPARE(TestSupport::decodeQr(grab.scaledToWidth(480, Qt::SmoothTransformation)), QString());
}

void TestPresentWindow::updateToken_showsNewLink()
{
    const auto window = makeWindow(makeToken());
    window->show();
    window->resize(1920, 1080);
    const QString newer = u"https://altostr.at/zYxWvUt"_s;
    window->updateToken(makeToken(newer, 60), u"NOC wall 3"_s);
    QCOMPARE(TestSupport::decodeQr(window->grab().toImage()), newer);
    QCOMPARE(label(*window, "presentLinkLabel")->text(), newer);
    QCOMPARE(label(*window, "presentTitleLabel")->text(), u"NOC wall 3"_s);

    // An expired window comes back with a new link.
    *m_now = Issued.addSecs(2 * 3600);
    const auto now = m_now;
    window->setClock([now] { return *now; });
    QVERIFY(window->isExpired());
    window->updateToken(makeToken(ShortLink, 60, *m_now), {});
    QVERIFY(!window->isExpired());
    QCOMPARE(TestSupport::decodeQr(window->grab().toImage()), ShortLink);
}

void TestPresentWindow::escape_closes()
{
    const auto window = makeWindow(makeToken());
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QVERIFY(!window->isVisible());
}

void TestPresentWindow::doubleClick_closes()
{
    const auto window = makeWindow(makeToken());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto* qrView = window->findChild<QrView*>(u"presentQrView"_s);
    QVERIFY(qrView);
    QTest::mouseDClick(qrView, Qt::LeftButton);
    QTRY_VERIFY(!window->isVisible());
}

void TestPresentWindow::cursor_hidesWhenIdle_returnsOnMove()
{
    const auto window = makeWindow(makeToken());
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QCOMPARE(window->cursor().shape(), Qt::ArrowCursor);
    window->setCursorIdleDelay(std::chrono::milliseconds(20));
    QTRY_COMPARE(window->cursor().shape(), Qt::BlankCursor);
    auto* qrView = window->findChild<QrView*>(u"presentQrView"_s);
    QVERIFY(qrView);
    // A click first: QTest's mouse state from earlier cases is left behind.
    QTest::mouseClick(qrView, Qt::LeftButton, {}, QPoint(5, 5));
    QTRY_COMPARE(window->cursor().shape(), Qt::BlankCursor);
    // Back on a move over any part of the window; stays while the mouse moves.
    window->setCursorIdleDelay(std::chrono::minutes(1));
    QTest::mouseMove(qrView, QPoint(10, 10));
    QTRY_COMPARE(window->cursor().shape(), Qt::ArrowCursor);
}

void TestPresentWindow::present_oneScreen_fullscreen_orRememberedWindow()
{
    if (QGuiApplication::screens().size() != 1)
        QSKIP("needs exactly one screen");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Settings settings(store);

    const auto full = makeWindow(makeToken());
    full->present(&settings);
    QTRY_VERIFY(full->isVisible());
    QVERIFY(full->isFullScreen());
    QVERIFY(!full->isInWindow());
    QCOMPARE(full->geometry(), QGuiApplication::primaryScreen()->geometry());

    settings.setPresentInWindow(true);
    const auto windowed = makeWindow(makeToken());
    windowed->present(&settings);
    QTRY_VERIFY(windowed->isVisible());
    QVERIFY(!windowed->isFullScreen());
    QVERIFY(windowed->isInWindow());
}

void TestPresentWindow::mainWindow_f11_presentsSameLink_andFollowsNewLink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    Settings settings(store);
    ApiClient api;
    CredentialStore keys(u"FaultShareTest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    DemoServer demo(DemoServer::generateApiKey());
    QVERIFY(demo.listen(QHostAddress::LocalHost, 0));
    MainWindow window(api, keys, settings);
    window.useDemo(demo.url(), demo.apiKey());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto* presentAction = window.findChild<QAction*>(u"presentAction"_s);
    auto* busyBar = window.findChild<QProgressBar*>(u"busyBar"_s);
    auto* shortLinkLabel = window.findChild<QLabel*>(u"shortLinkLabel"_s);
    QVERIFY(presentAction && busyBar && shortLinkLabel);
    QVERIFY(!presentAction->isEnabled());
    QCOMPARE(presentAction->shortcut(), QKeySequence(Qt::Key_F11));

    const auto generate = [&] {
        const QString before = shortLinkLabel->text();
        QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
        return QTest::qWaitFor([&] { return !busyBar->isVisible() && shortLinkLabel->text() != before; },
                               NetworkTimeoutMs);
    };
    QVERIFY(generate());
    QVERIFY(presentAction->isEnabled());
    const QString first = shortLinkLabel->text();

    QTest::keyClick(&window, Qt::Key_F11);
    QPointer<PresentWindow> present = window.findChild<PresentWindow*>();
    QVERIFY(present);
    QTRY_VERIFY(present->isVisible());
    QVERIFY(present->isWindow());
    QCOMPARE(TestSupport::decodeQr(present->grab().toImage()), first);

    // F11 again raises the same window rather than opening another.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_F11);
    QCOMPARE(window.findChildren<PresentWindow*>().size(), 1);

    // A new link follows into the open present window.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(generate());
    const QString second = shortLinkLabel->text();
    QVERIFY(second != first);
    QVERIFY(present);
    QCOMPARE(present->shownLink(), second);
    QCOMPARE(TestSupport::decodeQr(present->grab().toImage()), second);

    present->close();
    QTRY_VERIFY(!present);
}

QTEST_MAIN(TestPresentWindow)
#include "tst_presentwindow.moc"
