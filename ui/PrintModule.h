#pragma once

#include <functional>

class QPaintDevice;
class QWidget;

namespace faultshare {

// The print module's interface (Module::load("print")): QtPrintSupport is loaded when the
// operator first prints, not with the program. Only pure virtual functions over Qt types
// and std::function, so the module needs no symbol of the program.
class PrintModule
{
public:
    virtual ~PrintModule() = default;

    // Opens a window-modal print dialog (object name "printQrDialog") over parent and, when
    // the operator accepts it, calls print with the chosen printer. The printer is kept
    // while parent's window lives, so the choices made carry over to the next print.
    virtual void openPrintDialog(QWidget* parent, std::function<void(QPaintDevice&)> print) = 0;
};

} // namespace faultshare
