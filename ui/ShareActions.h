#pragma once

#include <QObject>
#include <QSize>
#include <QString>

class QAction;
class QPaintDevice;
class QWidget;

namespace faultshare {

class Clipboard;
class LinkResultPanel;
class EmbedToken;
class Settings;

// What the operator does with the shown link: copy it (plain, Markdown, HTML, an iframe
// snippet), open it, save its QR code (PNG or SVG), copy the code as an image, print it;
// and copy the token. The actions are the window's (its menus and shortcuts); this class
// enables them while there is something live to share, and answers them.
class ShareActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareActions)

public:
    // The window's actions this class drives.
    struct Actions
    {
        QAction* copyLink;
        QAction* copyMarkdown;
        QAction* copyHtml;
        QAction* copyIframe;
        QAction* openLink;
        QAction* copyToken;
        QAction* saveQr;
        QAction* copyQrImage;
        QAction* printQr;
    };

    // window: the parent of the menus and dialogs (window-modal), and the printout's font.
    ShareActions(LinkResultPanel& result, Clipboard& clipboard, Settings& settings, const Actions& actions,
                 QWidget& window);
    ~ShareActions() override;

    // Whether the sizes chosen are written to the settings (not in demo mode); the session
    // keeps them either way.
    void setSaveChoices(bool save);

    // Writes the QR code of the current link to path: SVG when the name ends in .svg,
    // else PNG. pixelSize is the side in pixels, rounded down to whole modules (quiet
    // zone included). Says what happened with message(); false when nothing was written.
    bool exportQr(const QString& path, int pixelSize);
    // Prints the QR code centred on one page of printer (a QPrinter, set up) with whole
    // printer-pixel modules, the label and the link below it. False when there is no live
    // link or the printer failed.
    bool printQr(QPaintDevice& printer);

    // Copies the link of token (a history row's), saying whose.
    void copyLinkOf(const EmbedToken& token, const QString& label);

Q_SIGNALS:
    // One sentence for the status bar.
    void message(const QString& text, int timeoutMs);

private:
    enum class CopyFormat { Markdown, Html };

    void updateEnabled();
    void copyLink();
    void copyAs(CopyFormat format);
    void askIframeSizeAndCopy();
    void openLink();
    void copyToken();
    void saveQrWithDialogs();
    void copyQrImage();
    void printQrWithDialog();

    LinkResultPanel& m_result;
    Clipboard& m_clipboard;
    Settings& m_settings;
    const Actions m_actions;
    QWidget& m_window;
    bool m_saveChoices = true;
    // Sharing choices of this session; written to the settings too (setSaveChoices).
    QSize m_iframeSize;
    int m_qrExportPixels = 0;
};

} // namespace faultshare
