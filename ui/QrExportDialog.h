#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class QrExportDialog;
}

namespace faultshare {

// Asks the side in pixels of a saved QR code, before the file is chosen; it applies to
// PNG and SVG alike (SVG declares it as its width and height).
class QrExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrExportDialog)

public:
    static constexpr int MinPixels = 100;
    static constexpr int MaxPixels = 20000;

    // pixels: shown first (the last size chosen).
    explicit QrExportDialog(int pixels, QWidget* parent = nullptr);
    ~QrExportDialog() override;

    int pixelSize() const;

private:
    const std::unique_ptr<Ui::QrExportDialog> m_ui;
};

} // namespace faultshare
