// QR export and the copy formats as an operator uses them: the real main window against
// the demo API on 127.0.0.1, every output (PNG, SVG, clipboard image, printed PDF)
// decoded with a real QR decoder, every copied string compared exactly.

#include "WindowTest.h"
#include "ApiClient.h"
#include "CredentialStore.h"
#include "DemoServer.h"
#include "MainWindow.h"
#include "QrDecode.h"
#include "QrPrintout.h"
#include "QrView.h"
#include "Settings.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

#if defined(Q_OS_UNIX)
#include <sys/stat.h>
#endif

using namespace faultshare;

using namespace Qt::StringLiterals;
using Level = QrCode::ErrorCorrection;

namespace {

constexpr int NetworkTimeoutMs = 10000;
// Every character that means something in HTML or Markdown, and some that are not ASCII.
const QString nastyLabel = u"NOC <wall> & \"ops\" 'B' [2] (east) \\ Zürich"_s;

} // namespace

class TestQrExport final : public WindowTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void savePng_wholeModulesWithinSize_decodes_data();
    void savePng_wholeModulesWithinSize_decodes();
    void saveSvg_rendersToDecodableImage();
    void saveQrAction_asksSizeThenFileAndSaves();
    void saveQr_badSizeOrSuffix_writesNothing_data();
    void saveQr_badSizeOrSuffix_writesNothing();
    void saveQr_fileIsOwnerOnly_data();
    void saveQr_fileIsOwnerOnly();
    void copyQrImage_putsDecodableImageOnClipboard();
    void printQr_pdfRasterizesToCentredDecodableQrWithLinkAndLabel();
    void printout_textIsTheLinkAsTyped_noLigatures();
    void printQrAction_opensTheModulesDialog_keepsThePrinter();
    void errorCorrection_eachLevelChangesSymbolAndDecodes();
    void errorCorrection_defaultsToMediumAndIsRemembered();
    void copyAs_markdownAndHtml_putExactStrings();
    void copyIframe_asksSizeCopiesExactSnippetAndRemembersSize();
    void demo_remembersNoSharingChoices();
    void expired_disablesExports();

private:
    // Session mode (settings are written) or demo mode (they are not); then generates.
    void generate(bool demo, const QString& label = {});
    QString link() const;
    QString clipboardText() const { return QGuiApplication::clipboard()->text(); }
    QString rasterizePdf(const QString& pdf, int dpi);
    // The text of the PDF as poppler extracts it (what a viewer copies).
    static QString pdfText(const QString& pdf);

};

void TestQrExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestQrExport::init()
{
    QVERIFY(setUpWindow());
}

void TestQrExport::cleanup()
{
    QGuiApplication::clipboard()->clear();
    tearDownWindow();
}

void TestQrExport::generate(bool demo, const QString& label)
{
    if (demo) {
        m_window->useDemo(m_demo->url(), m_demo->apiKey());
    } else {
        m_window->useApiUrl(m_demo->url());
        m_window->useSessionKey(m_demo->apiKey());
    }
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto* labelEdit = child<QLineEdit>("labelEdit");
    auto* busyBar = child<QProgressBar>("busyBar");
    auto* errorLabel = child<QLabel>("errorLabel");
    auto* resultPanel = child<QWidget>("resultPanel");
    QVERIFY(labelEdit && busyBar && errorLabel && resultPanel);
    labelEdit->setText(label);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!busyBar->isVisible(), NetworkTimeoutMs);
    QVERIFY2(!errorLabel->isVisible(), qPrintable(errorLabel->text()));
    QTRY_VERIFY_WITH_TIMEOUT(resultPanel->isVisible(), NetworkTimeoutMs);
    QVERIFY(!link().isEmpty());
}

QString TestQrExport::link() const
{
    auto* label = child<QLabel>("shortLinkLabel");
    return label ? label->text() : QString();
}

// The PDF as a PNG page at dpi, by poppler: an independent reader of what we printed.
QString TestQrExport::rasterizePdf(const QString& pdf, int dpi)
{
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (pdftoppm.isEmpty())
        return {};
    const QString prefix = m_dir->filePath(u"page"_s);
    QProcess process;
    process.start(pdftoppm, {u"-png"_s, u"-r"_s, QString::number(dpi), u"-singlefile"_s, pdf, prefix});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("pdftoppm failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return prefix + u".png"_s;
}

QString TestQrExport::pdfText(const QString& pdf)
{
    const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
    if (pdftotext.isEmpty()) {
        qWarning("pdftotext is missing: install poppler-utils");
        return {};
    }
    QProcess process;
    process.start(pdftotext, {pdf, u"-"_s});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("pdftotext failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestQrExport::savePng_wholeModulesWithinSize_decodes_data()
{
    QTest::addColumn<int>("requested");
    QTest::newRow("300 px") << 300;
    QTest::newRow("1000 px") << 1000;
}

void TestQrExport::savePng_wholeModulesWithinSize_decodes()
{
    QFETCH(int, requested);
    generate(true);
    if (QTest::currentTestFailed())
        return;
    const QString path = m_dir->filePath(u"qr.png"_s);
    QVERIFY(m_window->exportQr(path, requested));

    QImage image;
    QVERIFY(image.load(path, "PNG"));
    const int modules = m_window->currentQrCode().sizeWithQuietZone();
    QVERIFY(modules > 20);
    QCOMPARE(image.width(), image.height());
    QCOMPARE(image.width() % modules, 0);
    QVERIFY2(image.width() <= requested, qPrintable(QString::number(image.width())));
    // The largest whole module size that fits, not just any.
    QVERIFY2(image.width() + modules > requested, qPrintable(QString::number(image.width())));
    QCOMPARE(TestSupport::decodeQr(image), link());
}

void TestQrExport::saveSvg_rendersToDecodableImage()
{
    generate(true);
    if (QTest::currentTestFailed())
        return;
    const QString path = m_dir->filePath(u"qr.SVG"_s); // the suffix in any case
    QVERIFY(m_window->exportQr(path, 600));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.peek(5) == "<?xml");
    file.close();

    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    const int modules = m_window->currentQrCode().sizeWithQuietZone();
    const QSize declared = renderer.defaultSize();
    QCOMPARE(declared.width(), declared.height());
    QCOMPARE(declared.width() % modules, 0);
    QVERIFY(declared.width() <= 600 && declared.width() + modules > 600);
    QImage image(declared, QImage::Format_RGB32);
    image.fill(Qt::red); // the SVG must paint its own light background
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white));
    QCOMPARE(TestSupport::decodeQr(image), link());
}

void TestQrExport::saveQrAction_asksSizeThenFileAndSaves()
{
    generate(false);
    if (QTest::currentTestFailed())
        return;
    auto* action = child<QAction>("saveQrAction");
    QVERIFY(action && action->isEnabled());
    action->trigger();
    QDialog* sizeDialog = nullptr;
    QTRY_VERIFY((sizeDialog = m_window->findChild<QDialog*>(u"qrSizeDialog"_s)) != nullptr);
    auto* spin = sizeDialog->findChild<QSpinBox*>(u"qrSizeSpin"_s);
    QVERIFY(spin);
    QCOMPARE(spin->value(), 1000); // the default
    spin->setValue(500);
    sizeDialog->accept();

    QFileDialog* fileDialog = nullptr;
    QTRY_VERIFY((fileDialog = m_window->findChild<QFileDialog*>(u"qrFileDialog"_s)) != nullptr);
    QCOMPARE(fileDialog->acceptMode(), QFileDialog::AcceptSave);
    const QString path = m_dir->filePath(u"chosen.png"_s);
    fileDialog->selectFile(path);
    static_cast<QDialog*>(fileDialog)->accept(); // QFileDialog::accept() is protected; virtual
    QTRY_VERIFY(QFile::exists(path));
    QImage image;
    QVERIFY(image.load(path));
    const int modules = m_window->currentQrCode().sizeWithQuietZone();
    QVERIFY(image.width() <= 500 && image.width() + modules > 500);
    QCOMPARE(TestSupport::decodeQr(image), link());
    // The size is the default next time.
    QCOMPARE(m_settings->qrExportPixels(), 500);
}

void TestQrExport::saveQr_badSizeOrSuffix_writesNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("pixels");
    QTest::newRow("smaller than one pixel per module") << u"qr.png"_s << 20;
    QTest::newRow("unknown suffix") << u"qr.jpg"_s << 500;
    QTest::newRow("no suffix") << u"qr"_s << 500;
}

void TestQrExport::saveQr_badSizeOrSuffix_writesNothing()
{
    QFETCH(QString, name);
    QFETCH(int, pixels);
    generate(true);
    if (QTest::currentTestFailed())
        return;
    const QString path = m_dir->filePath(name);
    QVERIFY(!m_window->exportQr(path, pixels));
    QVERIFY(!QFile::exists(path));
}

// The code alone grants read access to fault data: like the CLI's --output files, a saved
// code is the owner's only, whatever the umask, also when it replaces a readable file.
void TestQrExport::saveQr_fileIsOwnerOnly_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("replaces");
    QTest::newRow("new PNG") << u"qr.png"_s << false;
    QTest::newRow("new SVG") << u"qr.svg"_s << false;
    QTest::newRow("PNG over a readable file") << u"old.png"_s << true;
}

void TestQrExport::saveQr_fileIsOwnerOnly()
{
    QFETCH(QString, name);
    QFETCH(bool, replaces);
#if defined(Q_OS_UNIX)
    // The usual umask: without the export's own permissions, group and others could read.
    const mode_t oldMask = ::umask(022);
    const auto restoreMask = qScopeGuard([oldMask] { ::umask(oldMask); });
#endif
    generate(true);
    if (QTest::currentTestFailed())
        return;
    const QString path = m_dir->filePath(name);
    const QFileDevice::Permissions readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    if (replaces) {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
        old.close();
        QVERIFY(old.setPermissions(readable));
        QCOMPARE(QFile::permissions(path), readable);
    }
    QVERIFY(m_window->exportQr(path, 500));

    const QFileDevice::Permissions permissions = QFile::permissions(path);
    const QFileDevice::Permissions groupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QVERIFY2(!(permissions & groupOrOther), qPrintable(QString::number(int(permissions), 16)));
    QVERIFY(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QImage image;
    if (name.endsWith(u".png"_s)) {
        QVERIFY(image.load(path, "PNG"));
        QCOMPARE(TestSupport::decodeQr(image), link());
    }
}

void TestQrExport::copyQrImage_putsDecodableImageOnClipboard()
{
    generate(true);
    if (QTest::currentTestFailed())
        return;
    auto* action = child<QAction>("copyQrImageAction");
    auto* feedback = child<QLabel>("copyFeedbackLabel");
    QVERIFY(action && feedback);
    QVERIFY(action->isEnabled());
    QGuiApplication::clipboard()->setText(u"something else"_s);

    action->trigger();

    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QCOMPARE(image.width() % m_window->currentQrCode().sizeWithQuietZone(), 0);
    QCOMPARE(TestSupport::decodeQr(image), link());
    QVERIFY(feedback->isVisible());
    QCOMPARE(feedback->text(), u"Copied"_s);
}

void TestQrExport::printQr_pdfRasterizesToCentredDecodableQrWithLinkAndLabel()
{
    if (QStandardPaths::findExecutable(u"pdftoppm"_s).isEmpty())
        QFAIL("pdftoppm is missing: install poppler-utils (TEST_PACKAGES in scripts/common.sh)");
    generate(true, u"NOC wall 2"_s);
    if (QTest::currentTestFailed())
        return;
    const QString pdf = m_dir->filePath(u"qr.pdf"_s);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(pdf);
    printer.setPageSize(QPageSize(QPageSize::A4));
    // Landscape: the height limits the symbol, so its horizontal position shows centring.
    printer.setPageOrientation(QPageLayout::Landscape);
    QVERIFY(m_window->printQr(printer));
    QVERIFY(QFileInfo(pdf).size() > 0);

    const QString png = rasterizePdf(pdf, 150);
    QVERIFY2(!png.isEmpty(), "pdftoppm could not rasterize the printed PDF");
    QImage page;
    QVERIFY(page.load(png));
    page = page.convertToFormat(QImage::Format_Grayscale8);
    QCOMPARE(TestSupport::decodeQr(page), link());

    // Centred across the page: the dark modules span the symbol's full width.
    int minX = page.width(), maxX = -1;
    for (int y = 0; y < page.height(); ++y) {
        const uchar* line = page.constScanLine(y);
        for (int x = 0; x < page.width(); ++x) {
            if (line[x] < 128) {
                minX = std::min(minX, x);
                maxX = std::max(maxX, x);
            }
        }
    }
    QVERIFY(maxX > minX);
    const int margin = 4; // pixels at 150 dpi: the printable area's margins may differ by a little
    QVERIFY2(std::abs((minX + maxX + 1) - page.width()) <= 2 * margin,
             qPrintable(u"dark from %1 to %2 of %3"_s.arg(minX).arg(maxX).arg(page.width())));

    // The label and the link are printed as text below it.
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(link()), qPrintable(text));
    QVERIFY2(text.contains(u"NOC wall 2"_s), qPrintable(text));
}

// Short codes are random base62, so some hold "fi", "fl" or "ff": set with a font's
// ligature glyph, the PDF's text would read "ﬂ" and a copied link would be wrong.
void TestQrExport::printout_textIsTheLinkAsTyped_noLigatures()
{
    const QString link = u"http://127.0.0.1:8080/s/ffiflf"_s;
    const QString label = u"Office fluff ffl"_s;
    const QString pdf = m_dir->filePath(u"ligatures.pdf"_s);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(pdf);
    QCOMPARE(QrPrintout(QrCode(link), label, QApplication::font()).print(printer), QrPrintout::Result::Printed);

    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(link), qPrintable(text));
    QVERIFY2(text.contains(label), qPrintable(text));
}

// The print action opens the print module's dialog (faultshare-print, loaded from the build
// tree as from an installed one); cancelled, nothing is printed, and the next dialog edits
// the same printer, so the operator's choices are kept.
void TestQrExport::printQrAction_opensTheModulesDialog_keepsThePrinter()
{
    generate(true);
    if (QTest::currentTestFailed())
        return;
    auto* action = child<QAction>("printQrAction");
    QVERIFY(action && action->isEnabled());
    // What the status bar says: when the module cannot be loaded, why; after a print, that
    // it went to the printer.
    QSignalSpy said(m_window->statusBar(), &QStatusBar::messageChanged);
    const auto saidText = [&said] {
        QStringList text;
        for (const QList<QVariant>& arguments : std::as_const(said)) {
            if (!arguments.first().toString().isEmpty()) // not a message timing out
                text << arguments.first().toString();
        }
        return text.join(u" | "_s);
    };

    action->trigger();
    QPrintDialog* dialog = nullptr;
    QTRY_VERIFY2((dialog = m_window->findChild<QPrintDialog*>(u"printQrDialog"_s)) != nullptr, qPrintable(saidText()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    QPrinter* printer = dialog->printer();
    QVERIFY(printer);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<QPrintDialog*>(u"printQrDialog"_s)); // deleted on close

    action->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<QPrintDialog*>(u"printQrDialog"_s)) != nullptr);
    QCOMPARE(dialog->printer(), printer);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<QPrintDialog*>(u"printQrDialog"_s));
    QVERIFY2(saidText().isEmpty(), qPrintable(saidText())); // nothing printed, nothing missing
}

void TestQrExport::errorCorrection_eachLevelChangesSymbolAndDecodes()
{
    generate(true);
    if (QTest::currentTestFailed())
        return;
    auto* combo = child<QComboBox>("errorCorrectionCombo");
    auto* view = child<QrView>("qrView");
    QVERIFY(combo && view);
    QCOMPARE(combo->count(), 4);

    QList<int> sizes;
    const QList<Level> levels{Level::Low, Level::Medium, Level::Quartile, Level::High};
    for (const Level level : levels) {
        combo->setCurrentIndex(combo->findData(int(level)));
        const QString what = combo->currentText();
        // The screen and the exports use the chosen level.
        const int expected = QrCode(link(), level).size();
        QCOMPARE(view->qrCode().size(), expected);
        QCOMPARE(m_window->currentQrCode().size(), expected);
        QCOMPARE(TestSupport::decodeQr(view->grab().toImage()), link());
        const QString path = m_dir->filePath(u"qr-%1.png"_s.arg(int(level)));
        QVERIFY2(m_window->exportQr(path, 1000), qPrintable(what));
        QImage image;
        QVERIFY(image.load(path));
        QCOMPARE(image.width() % (expected + 2 * QrCode::QuietZone), 0);
        QCOMPARE(TestSupport::decodeQr(image), link());
        sizes << expected;
    }
    // More error correction, more modules; L and H never share a version.
    QVERIFY(std::is_sorted(sizes.cbegin(), sizes.cend()));
    QVERIFY2(sizes.first() < sizes.last(), qPrintable(u"%1 vs %2"_s.arg(sizes.first()).arg(sizes.last())));
}

void TestQrExport::errorCorrection_defaultsToMediumAndIsRemembered()
{
    auto* combo = child<QComboBox>("errorCorrectionCombo");
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toInt(), int(Level::Medium));
    generate(false);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_window->currentQrCode().size(), QrCode(link(), Level::Medium).size());
    combo->setCurrentIndex(combo->findData(int(Level::High)));
    QCOMPARE(m_settings->qrErrorCorrection(), Level::High);

    newWindow();
    combo = child<QComboBox>("errorCorrectionCombo");
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toInt(), int(Level::High));
    generate(false);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(child<QrView>("qrView")->qrCode().size(), QrCode(link(), Level::High).size());
}

void TestQrExport::copyAs_markdownAndHtml_putExactStrings()
{
    generate(true, nastyLabel);
    if (QTest::currentTestFailed())
        return;
    auto* button = child<QWidget>("copyAsButton");
    auto* markdown = child<QAction>("copyMarkdownAction");
    auto* html = child<QAction>("copyHtmlAction");
    auto* feedback = child<QLabel>("copyFeedbackLabel");
    QVERIFY(button && markdown && html && feedback);
    QVERIFY(button->isEnabled());
    QVERIFY(!feedback->isVisible());

    markdown->trigger();
    QCOMPARE(clipboardText(),
             u"[NOC \\<wall\\> \\& \"ops\" 'B' \\[2\\] \\(east\\) \\\\ Zürich](%1)"_s.arg(link()));
    QVERIFY(feedback->isVisible());
    QCOMPARE(feedback->text(), u"Copied"_s);

    html->trigger();
    QCOMPARE(clipboardText(),
             u"<a href=\"%1\" rel=\"noopener noreferrer\">"
             "NOC &lt;wall&gt; &amp; &quot;ops&quot; &#39;B&#39; [2] (east) \\ Zürich</a>"_s.arg(link()));
    // Not a secret: no password-manager hint.
    QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(u"x-kde-passwordManagerHint"_s));
}

void TestQrExport::copyIframe_asksSizeCopiesExactSnippetAndRemembersSize()
{
    generate(false, u"Wall 2"_s);
    if (QTest::currentTestFailed())
        return;
    const auto runDialog = [this](int width, int height, QSize* shown) {
        auto* action = child<QAction>("copyIframeAction");
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(u"iframeSizeDialog"_s)) != nullptr);
        QVERIFY(dialog->isVisible());
        auto* widthSpin = dialog->findChild<QSpinBox*>(u"iframeWidthSpin"_s);
        auto* heightSpin = dialog->findChild<QSpinBox*>(u"iframeHeightSpin"_s);
        auto* buttons = dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s);
        QVERIFY(widthSpin && heightSpin && buttons);
        *shown = QSize(widthSpin->value(), heightSpin->value());
        widthSpin->setValue(width);
        heightSpin->setValue(height);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<QDialog*>(u"iframeSizeDialog"_s));
    };
    const auto snippet = [this](int width, int height) {
        return u"<iframe src=\"%1\" width=\"%2\" height=\"%3\" title=\"Wall 2\" loading=\"lazy\""
               " referrerpolicy=\"no-referrer\" style=\"border:0\"></iframe>"_s.arg(link())
            .arg(width)
            .arg(height);
    };

    QSize shown;
    runDialog(1024, 768, &shown);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(shown, QSize(800, 600)); // the defaults
    QCOMPARE(clipboardText(), snippet(1024, 768));
    QVERIFY(child<QLabel>("copyFeedbackLabel")->isVisible());

    // Cancelling copies nothing.
    QGuiApplication::clipboard()->setText(u"unchanged"_s);
    child<QAction>("copyIframeAction")->trigger();
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(u"iframeSizeDialog"_s)) != nullptr);
    dialog->reject();
    QCOMPARE(clipboardText(), u"unchanged"_s);

    newWindow();
    generate(false, u"Wall 2"_s);
    if (QTest::currentTestFailed())
        return;
    runDialog(640, 360, &shown);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(shown, QSize(1024, 768)); // remembered across windows
    QCOMPARE(clipboardText(), snippet(640, 360));
}

void TestQrExport::demo_remembersNoSharingChoices()
{
    generate(true);
    if (QTest::currentTestFailed())
        return;
    auto* combo = child<QComboBox>("errorCorrectionCombo");
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(int(Level::Quartile)));
    // The session still uses it.
    QCOMPARE(m_window->currentQrCode().size(), QrCode(link(), Level::Quartile).size());
    child<QAction>("copyIframeAction")->trigger();
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(u"iframeSizeDialog"_s)) != nullptr);
    dialog->findChild<QSpinBox*>(u"iframeWidthSpin"_s)->setValue(333);
    dialog->accept();
    QVERIFY(clipboardText().contains(u"width=\"333\""_s));
    m_window->close();
    m_store->sync();
    QCOMPARE(m_store->allKeys(), QStringList());
}

void TestQrExport::expired_disablesExports()
{
    generate(true);
    if (QTest::currentTestFailed())
        return;
    // Jump the window's clock past any expiry; the countdown takes the link down.
    m_window->setClock([] { return QDateTime::currentDateTimeUtc().addDays(40); });
    QTRY_VERIFY_WITH_TIMEOUT(!child<QAction>("saveQrAction")->isEnabled(), 5000);
    for (const char* name : {"copyMarkdownAction", "copyHtmlAction", "copyIframeAction", "copyQrImageAction",
                             "printQrAction", "copyAsButton", "qrMenuButton"}) {
        QObject* object = m_window->findChild<QObject*>(QLatin1StringView(name));
        QVERIFY2(object, name);
        QVERIFY2(!object->property("enabled").toBool(), name);
    }
    QVERIFY(m_window->currentQrCode().isNull());
    const QString path = m_dir->filePath(u"late.png"_s);
    QVERIFY(!m_window->exportQr(path, 500));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestQrExport)
#include "tst_qrexport.moc"
