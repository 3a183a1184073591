// The print module, faultshare-print: the print dialog and the printer, the one part of
// the window that needs QtPrintSupport (PrintModule.h).

#include "ModuleEntry.h"
#include "PrintModule.h"

#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QWidget>


using namespace Qt::StringLiterals;

namespace faultshare {

namespace {

// One window's printer, a child of the window: the operator's choices carry over from one
// print to the next, and it is gone with the window, before QApplication and the print
// support plugin (a printer left to the end of the process would outlive them).
class WindowPrinter final : public QObject
{
    Q_OBJECT

public:
    explicit WindowPrinter(QWidget* window)
        : QObject(window)
        , m_printer(QPrinter::HighResolution)
    {
    }

    // The dialog points at the printer: it must not outlive it.
    ~WindowPrinter() override { delete m_dialog; }

    void openDialog(QWidget* parent, std::function<void(QPaintDevice&)> print)
    {
        // One dialog per printer; a second request shows the open one.
        if (m_dialog) {
            m_dialog->raise();
            m_dialog->activateWindow();
            return;
        }
        m_dialog = new QPrintDialog(&m_printer, parent);
        m_dialog->setObjectName(u"printQrDialog"_s);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &QDialog::accepted, this, [this, print = std::move(print)] { print(m_printer); });
        m_dialog->open(); // window-modal
    }

private:
    QPrinter m_printer;
    QPointer<QPrintDialog> m_dialog;
};

class PrintDialogs final : public PrintModule
{
public:
    void openPrintDialog(QWidget* parent, std::function<void(QPaintDevice&)> print) override
    {
        QWidget* window = parent->window();
        auto* printer = window->findChild<WindowPrinter*>(QString(), Qt::FindDirectChildrenOnly);
        if (!printer)
            printer = new WindowPrinter(window);
        printer->openDialog(parent, std::move(print));
    }
};

} // namespace

} // namespace faultshare

FAULTSHARE_MODULE_ENTRY(print, faultshare::PrintModule, faultshare::PrintDialogs)

#include "PrintModule.moc"
