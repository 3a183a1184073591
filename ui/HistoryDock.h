#pragma once

#include "HistoryPanel.h"

#include <QDockWidget>

class QAction;

namespace faultshare {

class History;
class Ticker;

// The dock of the history's panel. The dock is in the window's first frame; the panel (a
// table, its header, a filter) is built after it, when first asked for.
class HistoryDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDock)

public:
    // toggle: the window's checkable "History" action, kept in step with the dock.
    HistoryDock(Ticker& ticker, QAction& toggle, QWidget* parent = nullptr);
    ~HistoryDock() override;

    // The history shown (now, or by the panel when built). The caller keeps it alive.
    void setHistory(History* history);
    // HistoryPanel::showNotice, kept until the panel is built.
    void showNotice(const QString& sentence);
    // The panel, built on first use.
    HistoryPanel* panel();

Q_SIGNALS:
    // The panel's signals, for the window.
    void actionReady(HistoryPanel::Action action, const EmbedToken& token, const QString& label,
                     const QString& profile);
    void actionFailed(const QString& message);

private:
    Ticker& m_ticker;
    History* m_history = nullptr;
    HistoryPanel* m_panel = nullptr;
    QString m_notice; // for the panel not built yet
};

} // namespace faultshare
