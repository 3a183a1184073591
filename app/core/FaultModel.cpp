#include "FaultModel.h"

#include <QLocale>

#include <algorithm>
#include <numeric>

namespace {

QString siteText(const Fault& fault)
{
    if (fault.site.isEmpty())
        return fault.resource;
    if (fault.resource.isEmpty())
        return fault.site;
    return fault.site + QStringLiteral(" / ") + fault.resource;
}

QString localTime(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString resolvedText(const Fault& fault)
{
    if (fault.resolvedAt.isValid())
        return localTime(fault.resolvedAt);
    return fault.isResolved() ? FaultModel::tr("Resolved") : FaultModel::tr("Active");
}

// Tooltips are rich text when they look like it: the server's words are escaped, and
// wrapped in a paragraph so long causes wrap.
QString causeTooltip(const Fault& fault)
{
    return QStringLiteral("<p>") + FaultModel::tr("Cause: %1").arg(fault.cause.toHtmlEscaped())
        + QStringLiteral("</p>");
}

// Ties in one column fall back to severity, then created time, then id: a stable order
// for equal keys whatever the input order.
int compareRows(const Fault& a, const Fault& b, int column)
{
    const auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
    int result = 0;
    switch (column) {
    case FaultModel::MessageColumn:
        result = a.message.localeAwareCompare(b.message);
        break;
    case FaultModel::SiteColumn:
        result = siteText(a).localeAwareCompare(siteText(b));
        break;
    case FaultModel::CreatedColumn:
        result = cmp(a.createdAt, b.createdAt);
        break;
    case FaultModel::ResolvedColumn:
        // Active ones count as the latest.
        result = cmp(a.isResolved() ? 0 : 1, b.isResolved() ? 0 : 1);
        if (result == 0)
            result = cmp(a.resolvedAt, b.resolvedAt);
        break;
    default:
        break;
    }
    if (result == 0)
        result = cmp(FaultModel::severityRank(a.severity), FaultModel::severityRank(b.severity));
    if (result == 0)
        result = cmp(a.createdAt, b.createdAt);
    if (result == 0)
        result = a.id.compare(b.id);
    return result;
}

} // namespace

FaultModel::FaultModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

FaultModel::~FaultModel() = default;

int FaultModel::severityRank(Fault::Severity severity)
{
    switch (severity) {
    case Fault::Severity::Critical:
        return 4;
    case Fault::Severity::High:
        return 3;
    case Fault::Severity::Medium:
        return 2;
    case Fault::Severity::Low:
        return 1;
    case Fault::Severity::Unknown:
        break;
    }
    return 0;
}

void FaultModel::setFaults(const QList<Fault>& faults)
{
    beginResetModel();
    m_faults = faults;
    sortRows();
    endResetModel();
}

int FaultModel::activeCount() const
{
    return int(std::count_if(m_faults.cbegin(), m_faults.cend(), [](const Fault& f) { return !f.isResolved(); }));
}

void FaultModel::setSeverityColour(std::function<QVariant(Fault::Severity)> colour)
{
    m_severityColour = std::move(colour);
    if (!m_faults.isEmpty())
        Q_EMIT dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn), {Qt::DecorationRole});
}

int FaultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_faults.size());
}

int FaultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FaultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Fault& fault = m_faults.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return Fault::severityName(fault.severity);
        case MessageColumn:
            return fault.message;
        case SiteColumn:
            return siteText(fault);
        case CreatedColumn:
            return localTime(fault.createdAt);
        case ResolvedColumn:
            return resolvedText(fault);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn && m_severityColour)
            return m_severityColour(fault.severity);
        return {};
    case Qt::ToolTipRole:
        return fault.cause.isEmpty() ? QVariant() : QVariant(causeTooltip(fault));
    case Qt::AccessibleDescriptionRole:
        return fault.cause.isEmpty() ? QVariant() : QVariant(fault.cause);
    case SeverityRole:
        return int(fault.severity);
    case ResolvedRole:
        return fault.isResolved();
    case IdRole:
        return fault.id;
    default:
        return {};
    }
}

QVariant FaultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case SiteColumn:
        return tr("Site / resource");
    case CreatedColumn:
        return tr("Created");
    case ResolvedColumn:
        return tr("Resolved");
    default:
        return {};
    }
}

void FaultModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sortColumn = column;
    m_sortOrder = order;
    const QList<int> newRowOf = sortRows();
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& old : before)
        after << index(newRowOf.at(old.row()), old.column());
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QList<int> FaultModel::sortRows()
{
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    QList<int> order(m_faults.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this, column, descending](int a, int b) {
        const int result = compareRows(m_faults.at(a), m_faults.at(b), column);
        return descending ? result > 0 : result < 0;
    });
    QList<Fault> sorted;
    sorted.reserve(m_faults.size());
    QList<int> newRowOf(m_faults.size());
    for (int row = 0; row < int(order.size()); ++row) {
        sorted << m_faults.at(order.at(row));
        newRowOf[order.at(row)] = row;
    }
    m_faults = std::move(sorted);
    return newRowOf;
}
