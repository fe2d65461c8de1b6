#include "HistoryRunModel.h"

namespace signoff {

using logout::DeliveryState;

namespace {
int countOf(const logout::StateCounts &c, int column)
{
    switch (column) {
    case HistoryRunModel::DeliveredColumn:
        return c.delivered;
    case HistoryRunModel::FailedColumn:
        return c.failed;
    case HistoryRunModel::TimedOutColumn:
        return c.timedOut;
    case HistoryRunModel::SkippedColumn:
        return c.skipped;
    case HistoryRunModel::UnconfirmedColumn:
        return c.unconfirmed;
    case HistoryRunModel::PendingColumn:
        return c.pending;
    default:
        return 0;
    }
}

QString statusText(logout::RunStatus status)
{
    switch (status) {
    case logout::RunStatus::Planned:
        return HistoryRunModel::tr("Planned");
    case logout::RunStatus::Running:
        return HistoryRunModel::tr("Running (or interrupted)");
    case logout::RunStatus::Finished:
        return HistoryRunModel::tr("Finished");
    case logout::RunStatus::Cancelled:
        return HistoryRunModel::tr("Cancelled");
    case logout::RunStatus::Failed:
        return HistoryRunModel::tr("Failed");
    }
    return {};
}
} // namespace

HistoryRunModel::HistoryRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HistoryRunModel::setRuns(QList<logout::RunInfo> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int HistoryRunModel::rowOf(const QString &runId) const
{
    for (int i = 0; i < m_runs.size(); ++i) {
        if (m_runs.at(i).id == runId)
            return i;
    }
    return -1;
}

int HistoryRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryRunModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_runs.size())
        return {};
    const logout::RunInfo &r = m_runs.at(index.row());
    if (role == RunIdRole)
        return r.id;
    const int column = index.column();
    if (role == SortRole) {
        if (column == StartedColumn)
            return r.startedAt.toMSecsSinceEpoch();
        if (column >= DeliveredColumn && column <= PendingColumn)
            return countOf(r.counts, column);
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::TextAlignmentRole && column >= DeliveredColumn && column <= PendingColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && column == StatusColumn)
        return r.error.isEmpty() ? QVariant() : QVariant(r.error);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case StartedColumn:
        return r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case ProfileColumn:
        return r.profileName.isEmpty() ? r.profileId : r.profileName;
    case ScopeColumn:
        return r.scope.describe();
    case StatusColumn:
        return statusText(r.status);
    case RunIdColumn:
        return r.id;
    default:
        return countOf(r.counts, column);
    }
}

QVariant HistoryRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case ProfileColumn:
        return tr("Profile");
    case ScopeColumn:
        return tr("Scope");
    case StatusColumn:
        return tr("Status");
    case DeliveredColumn:
        return tr("Delivered");
    case FailedColumn:
        return tr("Failed");
    case TimedOutColumn:
        return tr("Timed out");
    case SkippedColumn:
        return tr("Skipped");
    case UnconfirmedColumn:
        return tr("Unconfirmed");
    case PendingColumn:
        return tr("Pending");
    case RunIdColumn:
        return tr("Run");
    }
    return {};
}

} // namespace signoff
