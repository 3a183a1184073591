#pragma once

#include "Countdown.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <functional>

namespace faultshare {

class History;

// The history as a table for a view. Remaining time is recomputed from now(), which the
// one app ticker sets once a second with setNow(): one dataChanged for the Remaining
// column of all rows (the view repaints only what is visible), plus whole-row changes
// for the rows that expired since the last call.
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryModel)

public:
    enum Column { LabelColumn, ProfileColumn, IssuedColumn, ExpiresColumn, RemainingColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        SortRole,                  // a value that sorts the column (QDateTime, text, msecs)
        ExpiredRole,               // bool, at now()
        PhaseRole,                 // int(Countdown::Phase) at now()
    };

    explicit HistoryModel(History& history, QObject* parent = nullptr);
    ~HistoryModel() override;

    void setNow(const QDateTime& now);
    QDateTime now() const { return m_now; }
    // How many rows are live at now(): the ticker is only needed while some are.
    int activeCount() const;

    // Qt::ForegroundRole of the Remaining column; the UI passes its phase colours.
    void setPhaseColour(std::function<QVariant(Countdown::Phase)> colour);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    History& m_history;
    QDateTime m_now;
    std::function<QVariant(Countdown::Phase)> m_phaseColour;
};

// Sorting (by SortRole), the Active / Expired / All filter and the label search.
class HistoryFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFilterModel)

public:
    enum class Show { Active, Expired, All };

    explicit HistoryFilterModel(QObject* parent = nullptr);
    void setShow(Show show);
    Show show() const { return m_show; }
    // Case-insensitive substring of the label; empty shows every label.
    void setSearch(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show m_show = Show::All;
    QString m_search;
};

} // namespace faultshare
