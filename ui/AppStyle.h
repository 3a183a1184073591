#pragma once

#include <QIcon>
#include <QProxyStyle>

namespace faultshare {

// The application's style: the platform's own, without reading an image file to draw the
// first frame. Qt reads an image file by offering it to every image-format plugin first,
// which loads all of them (SVG with the SVG module, GIF, ICO, JPEG with libjpeg) for one
// small PNG. Two of those reads came before the first frame:
// - the menu bar asks for its overflow arrow in its constructor (an arrow that only shows
//   when the menus do not fit), and the fields' clear buttons for theirs: the standard
//   icons a window asks for while it is being built are read when first drawn;
// - Fusion draws a group box's frame from an image: this draws the same frame (a 20 %
//   grey rounded line around a 1 % shade) itself.
class AppStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    AppStyle();

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption* option = nullptr,
                       const QWidget* widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;

    // The application icon, from the PNGs rendered at build time and read with the
    // built-in PNG reader alone (no plugin is loaded).
    static QIcon applicationIcon();
};

} // namespace faultshare
