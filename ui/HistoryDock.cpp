#include "HistoryDock.h"

#include <QAction>

namespace faultshare {

using namespace Qt::StringLiterals;

HistoryDock::HistoryDock(Ticker& ticker, QAction& toggle, QWidget* parent)
    : QDockWidget(tr("History"), parent)
    , m_ticker(ticker)
{
    setObjectName(u"historyDock"_s);
    setWidget(new QWidget(this)); // a placeholder until the panel is built
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    toggle.setChecked(true);
    connect(&toggle, &QAction::toggled, this, &QDockWidget::setVisible);
    // The action is the context: the window tears down its actions before this dock.
    connect(this, &QDockWidget::visibilityChanged, &toggle, [this, &toggle](bool visible) {
        // Tabbed away counts as hidden for the view, not for the menu.
        if (visible || isHidden())
            toggle.setChecked(visible);
    });
}

HistoryDock::~HistoryDock() = default;

void HistoryDock::setHistory(History* history)
{
    m_history = history;
    if (m_panel)
        m_panel->setHistory(history);
}

void HistoryDock::showNotice(const QString& sentence)
{
    if (m_panel)
        m_panel->showNotice(sentence);
    else
        m_notice = sentence;
}

HistoryPanel* HistoryDock::panel()
{
    if (m_panel)
        return m_panel;
    m_panel = new HistoryPanel(m_ticker, this);
    m_panel->setHistory(m_history);
    m_panel->showNotice(m_notice);
    connect(m_panel, &HistoryPanel::actionReady, this, &HistoryDock::actionReady);
    connect(m_panel, &HistoryPanel::actionFailed, this, &HistoryDock::actionFailed);
    QWidget* placeholder = widget();
    setWidget(m_panel);
    delete placeholder;
    return m_panel;
}

} // namespace faultshare
