#include "SecretLineEdit.h"

#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>

namespace faultshare {

using namespace Qt::StringLiterals;

SecretLineEdit::SecretLineEdit(QWidget* parent)
    : QLineEdit(parent)
{
    setDragEnabled(false);
}

void SecretLineEdit::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        event->accept();
        Q_EMIT copyRequested();
        return;
    }
    QLineEdit::keyPressEvent(event);
    withholdSelection();
}

void SecretLineEdit::mouseReleaseEvent(QMouseEvent* event)
{
    QLineEdit::mouseReleaseEvent(event);
    withholdSelection();
}

void SecretLineEdit::contextMenuEvent(QContextMenuEvent* event)
{
    // Not Qt's standard menu: its Copy puts the text on the clipboard as it is, and it
    // cannot be told from the other actions but by its (translated) text.
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* copy = menu->addAction(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(!text().isEmpty());
    connect(copy, &QAction::triggered, this, &SecretLineEdit::copyRequested);
    QAction* selectAll = menu->addAction(QIcon::fromTheme(u"edit-select-all"_s), tr("Select All"));
    selectAll->setShortcut(QKeySequence::SelectAll);
    selectAll->setEnabled(!text().isEmpty());
    connect(selectAll, &QAction::triggered, this, &QLineEdit::selectAll);
    menu->popup(event->globalPos());
}

// QLineEdit offers its selected text as the X11 PRIMARY selection after a mouse release
// and after each key it handles. Taken back before control returns to the event loop:
// another client gets the content of a selection only when our event loop answers its
// request, and then there is none to give.
void SecretLineEdit::withholdSelection()
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!clipboard->supportsSelection() || !clipboard->ownsSelection() || !hasSelectedText())
        return;
    if (clipboard->text(QClipboard::Selection) == selectedText())
        clipboard->clear(QClipboard::Selection);
}

} // namespace faultshare
