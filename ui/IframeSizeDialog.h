#pragma once

#include <QDialog>
#include <QSize>
#include <memory>

namespace Ui {
class IframeSizeDialog;
}

namespace faultshare {

// Asks the width and height of an embed (iframe) snippet before it is copied.
class IframeSizeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IframeSizeDialog)

public:
    // size: shown first (the last one chosen).
    explicit IframeSizeDialog(const QSize& size, QWidget* parent = nullptr);
    ~IframeSizeDialog() override;

    QSize embedSize() const;

private:
    const std::unique_ptr<Ui::IframeSizeDialog> m_ui;
};

} // namespace faultshare
