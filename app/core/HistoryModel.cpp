#include "HistoryModel.h"

#include "History.h"

#include <QLocale>

namespace faultshare {

using namespace Qt::StringLiterals;

HistoryModel::HistoryModel(History& history, QObject* parent)
    : QAbstractTableModel(parent)
    , m_history(history)
    , m_now(QDateTime::currentDateTimeUtc())
{
    connect(&m_history, &History::aboutToInsert, this,
            [this](qsizetype index) { beginInsertRows({}, int(index), int(index)); });
    connect(&m_history, &History::inserted, this, [this] { endInsertRows(); });
    connect(&m_history, &History::aboutToRemove, this,
            [this](qsizetype index) { beginRemoveRows({}, int(index), int(index)); });
    connect(&m_history, &History::removed, this, [this] { endRemoveRows(); });
    // History announces a reload only once it is done; nothing reads the model between
    // its change and this reset (both happen in the same call).
    connect(&m_history, &History::reset, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

HistoryModel::~HistoryModel() = default;

void HistoryModel::setNow(const QDateTime& now)
{
    const QDateTime previous = m_now;
    m_now = now;
    const QList<HistoryEntry>& entries = m_history.entries();
    const int rows = int(entries.size());
    if (rows == 0)
        return;
    // Every remaining time changed; a view repaints only the cells it shows.
    Q_EMIT dataChanged(index(0, RemainingColumn), index(rows - 1, RemainingColumn),
                       {Qt::DisplayRole, Qt::ForegroundRole, PhaseRole});
    // A row that expired (or, with the clock set back, came alive) changes everywhere:
    // the filter model must look at it again.
    for (int row = 0; row < rows; ++row) {
        const HistoryEntry& entry = entries.at(row);
        if (entry.isExpired(previous) != entry.isExpired(now))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int HistoryModel::activeCount() const
{
    const QList<HistoryEntry>& entries = m_history.entries();
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [this](const HistoryEntry& entry) { return !entry.isExpired(m_now); }));
}

void HistoryModel::setPhaseColour(std::function<QVariant(Countdown::Phase)> colour)
{
    m_phaseColour = std::move(colour);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, RemainingColumn), index(rowCount() - 1, RemainingColumn), {Qt::ForegroundRole});
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_history.entries().size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry& entry = m_history.entries().at(index.row());
    const auto displayText = [&]() -> QString {
        switch (index.column()) {
        case LabelColumn: {
            const QString label = entry.label.isEmpty() ? u"—"_s : entry.label;
            // A link a rotation minted says which of its renewals it is.
            return entry.rotation.isNull() ? label : tr("%1 · renewal %2").arg(label).arg(entry.rotation.number);
        }
        case ProfileColumn:
            return entry.profile;
        case IssuedColumn:
            return entry.issuedAt.isValid() ? QLocale().toString(entry.issuedAt.toLocalTime(), QLocale::ShortFormat)
                                            : QString();
        case ExpiresColumn:
            return QLocale().toString(entry.expiresAt.toLocalTime(), QLocale::ShortFormat);
        case RemainingColumn:
            return entry.isExpired(m_now) ? tr("Expired") : Countdown::text(Countdown::remaining(m_now, entry.expiresAt));
        }
        return {};
    };

    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayText();
    case Qt::ToolTipRole:
        return tr("Expires %1").arg(Countdown::expiryText(entry.expiresAt));
    case Qt::TextAlignmentRole:
        if (index.column() == RemainingColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == RemainingColumn && m_phaseColour)
            return m_phaseColour(Countdown::phase(m_now, entry.issuedAt, entry.expiresAt));
        return {};
    case IdRole:
        return entry.id;
    case SortRole:
        switch (index.column()) {
        case LabelColumn:
            return entry.label;
        case ProfileColumn:
            return entry.profile;
        case IssuedColumn:
            // Arrival to the millisecond: links issued in the same second keep their order.
            return entry.receivedAt.isValid() ? entry.receivedAt : entry.issuedAt;
        case ExpiresColumn:
            return entry.expiresAt;
        case RemainingColumn:
            // Keeps counting below zero, so expired rows keep their order too.
            return m_now.msecsTo(entry.expiresAt);
        }
        return {};
    case ExpiredRole:
        return entry.isExpired(m_now);
    case PhaseRole:
        return int(Countdown::phase(m_now, entry.issuedAt, entry.expiresAt));
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LabelColumn:
        return tr("Label");
    case ProfileColumn:
        return tr("Profile");
    case IssuedColumn:
        return tr("Issued");
    case ExpiresColumn:
        return tr("Expires");
    case RemainingColumn:
        return tr("Remaining");
    }
    return {};
}

HistoryFilterModel::HistoryFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HistoryModel::SortRole);
    // The filter reads ExpiredRole: a tick that only changes remaining times (display,
    // colour, phase) is not a reason to filter every row again.
    setFilterRole(HistoryModel::ExpiredRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void HistoryFilterModel::setShow(Show show)
{
    if (show == m_show)
        return;
    m_show = show;
    invalidateFilter();
}

void HistoryFilterModel::setSearch(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateFilter();
}

bool HistoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex label = sourceModel()->index(sourceRow, HistoryModel::LabelColumn, sourceParent);
    if (m_show != Show::All) {
        const bool expired = label.data(HistoryModel::ExpiredRole).toBool();
        if (expired != (m_show == Show::Expired))
            return false;
    }
    return m_search.isEmpty()
        || label.data(HistoryModel::SortRole).toString().contains(m_search, Qt::CaseInsensitive);
}

} // namespace faultshare
