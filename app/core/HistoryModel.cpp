#include "HistoryModel.h"

#include "History.h"

// Placeholder until the history model is written.
HistoryModel::HistoryModel(History& history, QObject* parent)
    : QAbstractTableModel(parent)
    , m_history(history)
{
}

HistoryModel::~HistoryModel() = default;

int HistoryModel::rowCount(const QModelIndex&) const { return 0; }
int HistoryModel::columnCount(const QModelIndex&) const { return ColumnCount; }
QVariant HistoryModel::data(const QModelIndex&, int) const { return {}; }
QVariant HistoryModel::headerData(int, Qt::Orientation, int) const { return {}; }

HistoryFilterModel::HistoryFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

bool HistoryFilterModel::filterAcceptsRow(int, const QModelIndex&) const { return true; }
