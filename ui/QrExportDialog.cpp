#include "QrExportDialog.h"
#include "ui_QrExportDialog.h"

#include <QPushButton>

namespace faultshare {

QrExportDialog::QrExportDialog(int pixels, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::QrExportDialog>())
{
    m_ui->setupUi(this);
    m_ui->qrSizeSpin->setRange(MinPixels, MaxPixels);
    m_ui->qrSizeSpin->setValue(pixels);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Choose file…"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QrExportDialog::~QrExportDialog() = default;

int QrExportDialog::pixelSize() const
{
    return m_ui->qrSizeSpin->value();
}

} // namespace faultshare
