#include "IframeSizeDialog.h"
#include "ui_IframeSizeDialog.h"

#include "ShareFormats.h"

#include <QPushButton>

namespace faultshare {

IframeSizeDialog::IframeSizeDialog(const QSize& size, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::IframeSizeDialog>())
{
    m_ui->setupUi(this);
    for (QSpinBox* spin : {m_ui->iframeWidthSpin, m_ui->iframeHeightSpin})
        spin->setRange(ShareFormats::MinIframeSide, ShareFormats::MaxIframeSide);
    m_ui->iframeWidthSpin->setValue(size.width());
    m_ui->iframeHeightSpin->setValue(size.height());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Copy"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

IframeSizeDialog::~IframeSizeDialog() = default;

QSize IframeSizeDialog::embedSize() const
{
    return {m_ui->iframeWidthSpin->value(), m_ui->iframeHeightSpin->value()};
}

} // namespace faultshare
