#pragma once

#include "EmbedToken.h"

#include <QPointer>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class QTableView;

namespace faultshare {

class ApiError;
class History;
class HistoryFilterModel;
class HistoryModel;
class Ticker;

// The history of issued links as a table: live remaining time for every row from the
// app's one ticker (held only while the panel is visible and some link is live),
// sorting, an Active / Expired / All filter, a label search, and per-row actions. The
// actions that need the token fetch it from the history (memory or keychain) and hand
// it to the window with actionReady().
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    enum class Action { CopyLink, ShowQr, Present, Preview };
    Q_ENUM(Action)

    explicit HistoryPanel(Ticker& ticker, QWidget* parent = nullptr);
    ~HistoryPanel() override;

    // The history shown; null shows nothing. The caller keeps it alive.
    void setHistory(History* history);
    History* history() const { return m_history; }

    HistoryModel* model() const { return m_model; }
    HistoryFilterModel* filterModel() const { return m_filter; }
    QTableView* view() const { return m_view; }

    // A sentence about the history itself (a file set aside, a keychain that is locked)
    // above the rows, until the operator dismisses it or another replaces it; empty
    // hides it. The status bar's messages time out; this one must not go unread.
    void showNotice(const QString& sentence);
    QString notice() const;

    // Makes the row of id current when the filter shows it.
    void select(const QString& id);
    // The id of the current row, empty when none.
    QString currentId() const;

public Q_SLOTS:
    // Fetches the token of the current row, then emits actionReady (or actionFailed).
    void trigger(HistoryPanel::Action action);
    // Forgets the current row (after a confirmation when its link still works).
    void forgetCurrent();

Q_SIGNALS:
    void actionReady(HistoryPanel::Action action, const EmbedToken& token, const QString& label,
                     const QString& profile);
    // One sentence for the status bar.
    void actionFailed(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onTick();
    void updateTicking();
    void updateActions();
    void onTokenReady(const QString& id, const EmbedToken& token);
    void onTokenFailed(const QString& id, const ApiError& error);

    Ticker& m_ticker;
    History* m_history = nullptr;
    HistoryModel* m_model = nullptr;
    HistoryFilterModel* m_filter;
    QLineEdit* m_searchEdit;
    QComboBox* m_showCombo;
    QTableView* m_view;
    QWidget* m_noticeBar;
    QLabel* m_notice;
    QPushButton* m_copyButton;
    QPushButton* m_showButton;
    QPushButton* m_presentButton;
    QPushButton* m_previewButton;
    QPushButton* m_forgetButton;
    QList<QAction*> m_rowActions;
    QPointer<QMessageBox> m_forgetConfirm;

    QString m_pendingId; // the row whose token is being fetched for m_pendingAction
    Action m_pendingAction = Action::ShowQr;
};

} // namespace faultshare
