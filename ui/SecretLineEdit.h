#pragma once

#include <QLineEdit>

class QContextMenuEvent;
class QKeyEvent;
class QMouseEvent;

namespace faultshare {

// A read-only line edit for a secret (the embed token), masked or shown through its echo
// mode. Its text leaves it only through the application's secret clipboard path: Copy
// (Ctrl+C, Ctrl+Insert, the context menu) emits copyRequested() instead of putting plain
// text on the clipboard, dragging is off, and selecting the shown text never offers it
// as the X11 PRIMARY selection, which any middle click pastes and which no clipboard
// manager hint covers.
class SecretLineEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretLineEdit)

public:
    explicit SecretLineEdit(QWidget* parent = nullptr);

Q_SIGNALS:
    // The operator asked to copy the secret: all of it, whatever is selected (a part of a
    // token is of no use).
    void copyRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void withholdSelection();
};

} // namespace faultshare
