#pragma once

#include "QrCode.h"

#include <QString>
#include <QWidget>

namespace faultshare {

// Draws a QR code as large as the widget allows, with whole-pixel modules (device
// pixels, so it stays crisp at any devicePixelRatio), the quiet zone, dark on light
// whatever the palette. Without a code it shows a short placeholder text instead.
class QrView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrView)

public:
    explicit QrView(QWidget* parent = nullptr);

    void setQrCode(const QrCode& code);
    // Removes the code (e.g. when the link expired) and shows text in its place.
    void clear(const QString& placeholder = {});
    const QrCode& qrCode() const { return m_code; }
    QString placeholderText() const { return m_placeholder; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void updateAccessibleDescription();
    // Where m_code's symbol (quiet zone included) goes: module and symbol side in device
    // pixels, the top left corner in the widget's coordinates.
    struct Placement
    {
        int moduleSize = 0;
        int side = 0;
        QPointF topLeft;
    };
    Placement placement() const;
    // Where the modules of m_code are painted, in the widget's coordinates.
    QRect modulesRect() const;

    QrCode m_code;
    QString m_placeholder;
    // The symbol at one pixel per module, for painters that rotate or shear; kept until
    // the code changes.
    QImage m_cache;
};

} // namespace faultshare
