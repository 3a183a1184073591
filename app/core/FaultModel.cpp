#include "FaultModel.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <numeric>

namespace faultshare {

namespace {

QString localTime(const QDateTime& utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString resolvedText(const Fault& fault)
{
    if (fault.resolvedAt.isValid())
        return localTime(fault.resolvedAt);
    return fault.isResolved() ? FaultModel::tr("Resolved") : FaultModel::tr("Active");
}

QString typeText(const Fault& fault)
{
    if (fault.microserviceId.isEmpty())
        return fault.type;
    if (fault.type.isEmpty())
        return fault.microserviceId;
    return FaultModel::tr("%1 (%2)").arg(fault.type, fault.microserviceId);
}

// Tooltips are rich text when they look like it: the server's words are escaped, and
// wrapped in a paragraph so long causes wrap.
QString causeTooltip(const Fault& fault)
{
    return QStringLiteral("<p>") + FaultModel::tr("Cause: %1").arg(fault.cause.toHtmlEscaped())
        + QStringLiteral("</p>");
}

// Ties in one column fall back to the order a list is first shown in: a stable order
// for equal keys whatever the input order. Negative: a before b in ascending order.
int compareRows(const Fault& a, const Fault& b, int column)
{
    const auto cmp = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
    int result = 0;
    switch (column) {
    case FaultModel::StatusColumn:
        result = cmp(a.isResolved() ? 0 : 1, b.isResolved() ? 0 : 1);
        break;
    case FaultModel::WhereColumn:
        result = a.where().localeAwareCompare(b.where());
        break;
    case FaultModel::MessageColumn:
        result = a.message.localeAwareCompare(b.message);
        break;
    case FaultModel::CauseColumn:
        result = a.cause.localeAwareCompare(b.cause);
        break;
    case FaultModel::TypeColumn:
        result = typeText(a).localeAwareCompare(typeText(b));
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
    case FaultModel::CommentsColumn:
        result = cmp(a.comments.size(), b.comments.size());
        break;
    default:
        break;
    }
    if (result != 0)
        return result;
    // Descending by the Severity column is the order of Fault::showsBefore.
    if (Fault::showsBefore(a, b))
        return 1;
    return Fault::showsBefore(b, a) ? -1 : 0;
}

} // namespace

QString FaultModel::details(const Fault& fault)
{
    QStringList lines;
    QStringList head{fault.severityLabel()};
    if (!fault.status.isEmpty())
        head << fault.status;
    if (const QString where = fault.where(); !where.isEmpty())
        head << where;
    lines << head.join(QStringLiteral(" \u00b7 "));
    if (!fault.message.isEmpty())
        lines << fault.message;
    if (!fault.cause.isEmpty())
        lines << tr("Cause: %1").arg(fault.cause);
    if (const QString type = typeText(fault); !type.isEmpty())
        lines << tr("Type: %1").arg(type);
    if (fault.createdAt.isValid())
        lines << tr("Since: %1 (%2 UTC)").arg(localTime(fault.createdAt), fault.createdAt.toString(Qt::ISODate));
    if (fault.resolvedAt.isValid())
        lines << tr("Resolved: %1 (%2 UTC)").arg(localTime(fault.resolvedAt), fault.resolvedAt.toString(Qt::ISODate));
    if (!fault.ancestryPath.isEmpty())
        lines << tr("Path: %1").arg(fault.ancestryPath.split(QLatin1Char('|'), Qt::SkipEmptyParts).join(QStringLiteral(" \u203a ")));
    if (!fault.id.isEmpty())
        lines << tr("Fault: %1").arg(fault.id);
    if (fault.comments.isEmpty()) {
        lines << tr("No comments.");
    } else {
        lines << QString() << tr("Comments:");
        for (const FaultComment& comment : fault.comments) {
            const QString who = comment.userId.isEmpty() ? tr("someone") : comment.userId;
            lines << (comment.createdAt.isValid() ? tr("%1, %2: %3").arg(localTime(comment.createdAt), who, comment.comment)
                                                  : tr("%1: %2").arg(who, comment.comment));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

FaultModel::FaultModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

FaultModel::~FaultModel() = default;

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
            return fault.severityLabel();
        case StatusColumn:
            return fault.isResolved() ? tr("Resolved") : tr("Unresolved");
        case WhereColumn:
            return fault.where();
        case MessageColumn:
            return fault.message;
        case CauseColumn:
            return fault.cause;
        case TypeColumn:
            return typeText(fault);
        case CreatedColumn:
            return localTime(fault.createdAt);
        case ResolvedColumn:
            return resolvedText(fault);
        case CommentsColumn:
            return fault.comments.isEmpty() ? QString() : QString::number(fault.comments.size());
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
    case StatusColumn:
        return tr("Status");
    case WhereColumn:
        return tr("Where");
    case MessageColumn:
        return tr("Message");
    case CauseColumn:
        return tr("Cause");
    case TypeColumn:
        return tr("Type");
    case CreatedColumn:
        return tr("Since");
    case ResolvedColumn:
        return tr("Resolved");
    case CommentsColumn:
        return tr("Comments");
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

} // namespace faultshare
