#pragma once

#include <QEvent>
#include <QObject>
#include <QPaintEvent>
#include <QRegion>
#include <QWidget>

// Records the paint events a widget receives from construction on: how many, the last
// one's region and the union of all of them. Declare it after the widget.
class PaintWatch final : public QObject
{
public:
    explicit PaintWatch(QWidget* widget) { widget->installEventFilter(this); }

    int paints = 0;
    QRegion last;
    QRegion all;

    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            last = static_cast<QPaintEvent*>(event)->region();
            all += last;
            ++paints;
        }
        return false;
    }
};
