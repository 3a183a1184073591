#pragma once

#include "Fault.h"

#include <QAbstractTableModel>
#include <QList>
#include <QVariant>
#include <functional>

namespace faultshare {

// A link's faults as a table for a view. Sorting happens here, once per sort() (the view
// calls it when a header is clicked), so tens of thousands of rows stay cheap: the view
// asks only for what is visible.
class FaultModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultModel)

public:
    // What an operator reads first comes first; the cause, long, comes last.
    enum Column {
        SeverityColumn,
        StatusColumn,
        MessageColumn,
        WhereColumn,
        CreatedColumn,
        ResolvedColumn,
        CommentsColumn,
        TypeColumn,
        CauseColumn,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Fault::Severity)
        ResolvedRole,                    // bool
        IdRole,                          // QString
    };

    explicit FaultModel(QObject* parent = nullptr);
    ~FaultModel() override;

    // Replaces every row, in the current sort order (Fault::showsBefore: unresolved first,
    // then most severe, then newest, until sort() is called with another column).
    void setFaults(const QList<Fault>& faults);
    const QList<Fault>& faults() const { return m_faults; }
    Fault faultAt(int row) const { return m_faults.value(row); }

    int activeCount() const;
    int resolvedCount() const { return int(m_faults.size()) - activeCount(); }
    QMap<Fault::Severity, int> countBySeverity() const { return Fault::countBySeverity(m_faults); }

    // Qt::DecorationRole of the Severity column (a colour chip); the UI passes colours
    // readable on its palette.
    void setSeverityColour(std::function<QVariant(Fault::Severity)> colour);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Everything about one fault as plain text for a details pane: severity, status,
    // where, message, cause, type, since and resolved times, and the comments.
    static QString details(const Fault& fault);

private:
    // Sorts m_faults by m_sortColumn and m_sortOrder; returns each old row's new row.
    QList<int> sortRows();

    QList<Fault> m_faults;
    std::function<QVariant(Fault::Severity)> m_severityColour;
    int m_sortColumn = SeverityColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace faultshare
