#pragma once

#include "QrCode.h"

#include <QFont>
#include <QString>

class QPaintDevice;

namespace faultshare {

// A link's printed page: its QR code as large as the page allows, centred, with whole
// printer dots per module, and beneath it the label and the link as text: the link in
// Presentation::linkFont(), and neither with ligatures, so a PDF's text copies as typed.
class QrPrintout final
{
public:
    enum class Result { Printed, NotStarted, Failed };

    // font: the label's family (the window's font); sizes are set for paper.
    QrPrintout(QrCode code, QString label, const QFont& font);

    // One page on printer: a QPrinter already set up (a chosen printer or a PDF file), or
    // any paint device; only its size is asked. Not a QPrinter here, so that the widgets
    // need no QtPrintSupport (that is the print module's, PrintModule.h).
    Result print(QPaintDevice& printer) const;

private:
    QrCode m_code;
    QString m_label;
    QFont m_labelFont;
    QFont m_linkFont;
};

} // namespace faultshare
