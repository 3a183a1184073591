#include "ShareActions.h"

#include "Clipboard.h"
#include "EmbedToken.h"
#include "IframeSizeDialog.h"
#include "LinkResultPanel.h"
#include "Logging.h"
#include "Module.h"
#include "PrintModule.h"
#include "QrCode.h"
#include "QrExportDialog.h"
#include "QrPrintout.h"
#include "Settings.h"
#include "ShareFormats.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace faultshare {

using namespace Qt::StringLiterals;

namespace {

constexpr int StatusMessageMs = 5000;
// Copy QR image: about this many pixels per side, in whole modules.
constexpr int ClipboardQrPixels = 512;

} // namespace

ShareActions::ShareActions(LinkResultPanel& result, Clipboard& clipboard, Settings& settings, const Actions& actions,
                           QWidget& window)
    : QObject(&window)
    , m_result(result)
    , m_clipboard(clipboard)
    , m_settings(settings)
    , m_actions(actions)
    , m_window(window)
    , m_iframeSize(settings.iframeSize())
    , m_qrExportPixels(settings.qrExportPixels())
{
    auto* copyAsMenu = new QMenu(&window);
    copyAsMenu->setObjectName(u"copyAsMenu"_s);
    copyAsMenu->addActions({m_actions.copyLink, m_actions.copyMarkdown, m_actions.copyHtml, m_actions.copyIframe});
    auto* qrMenu = new QMenu(&window);
    qrMenu->setObjectName(u"qrMenu"_s);
    qrMenu->addActions({m_actions.saveQr, m_actions.copyQrImage, m_actions.printQr});
    m_result.setShareMenus(copyAsMenu, qrMenu);

    connect(m_actions.copyLink, &QAction::triggered, this, &ShareActions::copyLink);
    connect(m_actions.copyMarkdown, &QAction::triggered, this, [this] { copyAs(CopyFormat::Markdown); });
    connect(m_actions.copyHtml, &QAction::triggered, this, [this] { copyAs(CopyFormat::Html); });
    connect(m_actions.copyIframe, &QAction::triggered, this, &ShareActions::askIframeSizeAndCopy);
    connect(m_actions.openLink, &QAction::triggered, this, &ShareActions::openLink);
    connect(m_actions.copyToken, &QAction::triggered, this, &ShareActions::copyToken);
    connect(m_actions.saveQr, &QAction::triggered, this, &ShareActions::saveQrWithDialogs);
    connect(m_actions.copyQrImage, &QAction::triggered, this, &ShareActions::copyQrImage);
    connect(m_actions.printQr, &QAction::triggered, this, &ShareActions::printQrWithDialog);
    connect(&m_result, &LinkResultPanel::copyLinkClicked, this, &ShareActions::copyLink);
    connect(&m_result, &LinkResultPanel::openLinkClicked, this, &ShareActions::openLink);
    connect(&m_result, &LinkResultPanel::copyTokenRequested, this, &ShareActions::copyToken);
    connect(&m_result, &LinkResultPanel::stateChanged, this, &ShareActions::updateEnabled);
    updateEnabled();
}

ShareActions::~ShareActions() = default;

void ShareActions::setSaveChoices(bool save)
{
    m_saveChoices = save;
}

void ShareActions::updateEnabled()
{
    const bool link = m_result.hasLiveLink();
    for (QAction* action : {m_actions.copyLink, m_actions.openLink, m_actions.copyMarkdown, m_actions.copyHtml,
                            m_actions.copyIframe, m_actions.saveQr, m_actions.copyQrImage, m_actions.printQr})
        action->setEnabled(link);
    m_actions.copyToken->setEnabled(m_result.hasLiveToken());
}

void ShareActions::copyLink()
{
    if (!m_result.hasLiveLink())
        return;
    m_clipboard.copyText(m_result.link());
    m_result.showCopied();
}

void ShareActions::copyAs(CopyFormat format)
{
    if (!m_result.hasLiveLink())
        return;
    const QUrl link(m_result.link(), QUrl::StrictMode);
    const QString label = m_result.label();
    const QString text = format == CopyFormat::Markdown ? ShareFormats::markdownLink(link, label)
                                                        : ShareFormats::htmlAnchor(link, label);
    if (text.isEmpty())
        return;
    m_clipboard.copyText(text);
    m_result.showCopied();
}

void ShareActions::askIframeSizeAndCopy()
{
    if (!m_result.hasLiveLink())
        return;
    auto* dialog = new IframeSizeDialog(m_iframeSize, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QSize size = dialog->embedSize();
        m_iframeSize = size;
        if (m_saveChoices)
            m_settings.setIframeSize(size);
        // The link may have expired while the dialog was open.
        if (!m_result.hasLiveLink())
            return;
        const QString text = ShareFormats::iframeSnippet(QUrl(m_result.link(), QUrl::StrictMode), size.width(),
                                                         size.height(), m_result.label());
        if (text.isEmpty())
            return;
        m_clipboard.copyText(text);
        m_result.showCopied();
    });
    dialog->open();
}

void ShareActions::openLink()
{
    if (!m_result.hasLiveLink())
        return;
    const QUrl url(m_result.link(), QUrl::StrictMode);
    if (!EmbedToken::isShareableUrl(url))
        return;
    if (!QDesktopServices::openUrl(url))
        Q_EMIT message(tr("No web browser could open the link; copy it instead."), StatusMessageMs);
}

void ShareActions::copyToken()
{
    if (!m_result.hasLiveToken())
        return;
    const std::chrono::seconds delay = m_settings.clipboardClearDelay();
    m_clipboard.copySecret(m_result.token()->token(), delay);
    Q_EMIT message(tr("Token copied; the clipboard is cleared in %1 s.").arg(delay.count()), StatusMessageMs);
}

bool ShareActions::exportQr(const QString& path, int pixelSize)
{
    const QrCode code = m_result.currentQrCode();
    if (code.isNull()) {
        Q_EMIT message(tr("There is no live link whose QR code could be saved."), StatusMessageMs);
        return false;
    }
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"png"_s && suffix != u"svg"_s) {
        Q_EMIT message(tr("Choose a file name ending in .png or .svg."), StatusMessageMs);
        return false;
    }
    if (pixelSize < code.sizeWithQuietZone() || pixelSize > QrExportDialog::MaxPixels) {
        Q_EMIT message(tr("Choose a size between %1 and %2 pixels for this QR code.")
                           .arg(code.sizeWithQuietZone())
                           .arg(QrExportDialog::MaxPixels),
                       StatusMessageMs);
        return false;
    }
    const int moduleSize = code.moduleSizeFor(QSize(pixelSize, pixelSize));
    QSaveFile file(path);
    bool written = file.open(QIODevice::WriteOnly);
    // The code alone grants read access to fault data: owner-only, as the CLI's --output.
    if (written)
        written = file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (written && suffix == u"svg"_s) {
        const QByteArray svg = code.toSvg(moduleSize);
        written = file.write(svg) == svg.size();
    } else if (written) {
        written = code.toImage(moduleSize).save(&file, "PNG");
    }
    if (written)
        written = file.commit();
    else
        file.cancelWriting();
    const QString where = QDir::toNativeSeparators(path);
    if (!written) {
        Q_EMIT message(tr("Could not save the QR code to %1: %2").arg(where, file.errorString()), StatusMessageMs);
        qCWarning(lcUi) << "saving the QR code failed:" << file.errorString();
        return false;
    }
    Q_EMIT message(tr("QR code saved to %1").arg(where), StatusMessageMs);
    return true;
}

void ShareActions::saveQrWithDialogs()
{
    if (m_result.currentQrCode().isNull())
        return;
    // First the size, then the file; both dialogs are window-modal and asynchronous.
    auto* sizeDialog = new QrExportDialog(m_qrExportPixels, &m_window);
    sizeDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(sizeDialog, &QDialog::accepted, this, [this, sizeDialog] {
        const int pixels = sizeDialog->pixelSize();
        m_qrExportPixels = pixels;
        if (m_saveChoices)
            m_settings.setQrExportPixels(pixels);
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        auto* fileDialog =
            new QFileDialog(&m_window, tr("Save QR code"), QDir(pictures).filePath(u"faultshare-qr.png"_s));
        fileDialog->setObjectName(u"qrFileDialog"_s);
        fileDialog->setAttribute(Qt::WA_DeleteOnClose);
        fileDialog->setAcceptMode(QFileDialog::AcceptSave);
        const QString pngFilter = tr("PNG image (*.png)");
        fileDialog->setNameFilters({pngFilter, tr("SVG image (*.svg)")});
        fileDialog->setDefaultSuffix(u"png"_s);
        connect(fileDialog, &QFileDialog::filterSelected, fileDialog, [fileDialog, pngFilter](const QString& filter) {
            fileDialog->setDefaultSuffix(filter == pngFilter ? u"png"_s : u"svg"_s);
        });
        connect(fileDialog, &QFileDialog::fileSelected, this,
                [this, pixels](const QString& path) { exportQr(path, pixels); });
        fileDialog->open();
    });
    sizeDialog->open();
}

void ShareActions::copyQrImage()
{
    const QrCode code = m_result.currentQrCode();
    if (code.isNull())
        return;
    // RGB rather than grayscale: what every application accepts when pasting.
    m_clipboard.copyImage(code.toImage(code.moduleSizeFor(QSize(ClipboardQrPixels, ClipboardQrPixels)))
                              .convertToFormat(QImage::Format_RGB32));
    m_result.showCopied();
}

void ShareActions::printQrWithDialog()
{
    if (m_result.currentQrCode().isNull())
        return;
    // QtPrintSupport is a module's (PrintModule.h), loaded when the operator first prints.
    QString whyNot;
    auto* printing = static_cast<PrintModule*>(Module::load("print", &whyNot));
    if (!printing) {
        Q_EMIT message(Module::missingSentence(whyNot), StatusMessageMs);
        return;
    }
    printing->openPrintDialog(&m_window, [self = QPointer<ShareActions>(this)](QPaintDevice& printer) {
        if (self)
            self->printQr(printer);
    });
}

bool ShareActions::printQr(QPaintDevice& printer)
{
    const QrCode code = m_result.currentQrCode();
    if (code.isNull())
        return false;
    switch (QrPrintout(code, m_result.label(), m_window.font()).print(printer)) {
    case QrPrintout::Result::Printed:
        Q_EMIT message(tr("QR code sent to the printer"), StatusMessageMs);
        return true;
    case QrPrintout::Result::NotStarted:
        Q_EMIT message(tr("The printer could not be started; check it and try again."), StatusMessageMs);
        return false;
    case QrPrintout::Result::Failed:
        break;
    }
    Q_EMIT message(tr("Printing the QR code failed."), StatusMessageMs);
    return false;
}

void ShareActions::copyLinkOf(const EmbedToken& token, const QString& label)
{
    const QUrl link = token.shortLink();
    if (!EmbedToken::isShareableUrl(link))
        return;
    m_clipboard.copyText(link.toString(QUrl::FullyEncoded));
    Q_EMIT message(label.isEmpty() ? tr("Link copied.") : tr("Link of \"%1\" copied.").arg(label), StatusMessageMs);
}

} // namespace faultshare
