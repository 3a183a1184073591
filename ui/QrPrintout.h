#pragma once

#include "QrCode.h"

#include <QFont>
#include <QString>

class QPrinter;

// A link's printed page: its QR code as large as the page allows, centred, with whole
// printer dots per module, and beneath it the label and the link as text.
//
// The text is set without ligatures, so what a PDF viewer copies ("fl", not "ﬂ") or a
// screen reader reads is the link itself, and the link is in the fixed-width font, in
// which l, I and 1 or O and 0 differ for an operator typing it from paper.
class QrPrintout final
{
public:
    enum class Result { Printed, NotStarted, Failed };

    // font: the label's family (the window's font); sizes are set for paper.
    QrPrintout(QrCode code, QString label, const QFont& font);

    // One page on printer (already set up: a chosen printer or a PDF file).
    Result print(QPrinter& printer) const;

private:
    QrCode m_code;
    QString m_label;
    QFont m_labelFont;
    QFont m_linkFont;
};
