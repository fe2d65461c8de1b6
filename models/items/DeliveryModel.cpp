#include "DeliveryModel.h"

#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace signoff {

using logout::Delivery;
using logout::DeliveryState;

DeliveryModel::DeliveryModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultFlushMs);
    connect(m_timer, &QTimer::timeout, this, &DeliveryModel::flush);
}

DeliveryModel::~DeliveryModel() = default;

void DeliveryModel::setFlushInterval(int ms)
{
    m_timer->setInterval(ms);
}

DeliveryModel::RunSlot &DeliveryModel::slot(const QString &runId)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end()) {
        it = m_runs.insert(runId, RunSlot{});
        it->index = int(m_runOrder.size());
        m_runOrder.append(runId);
    }
    return *it;
}

void DeliveryModel::setRunInfo(const logout::RunInfo &info)
{
    slot(info.id).info = info;
    emit runInfoChanged(info.id);
}

logout::RunInfo DeliveryModel::runInfo(const QString &runId) const
{
    const auto it = m_runs.constFind(runId);
    return it == m_runs.cend() ? logout::RunInfo{} : it->info;
}

void DeliveryModel::stage(const logout::DeliveryLedger &ledger, const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    RunSlot &s = slot(ledger.runId());
    for (const int row : rows) {
        if (row < 0 || row >= ledger.size())
            continue;
        auto it = s.staged.find(row);
        if (it == s.staged.end()) {
            s.staged.insert(row, ledger.at(row));
            s.stagedOrder.append(row);
            ++m_stagedCount;
        } else {
            *it = ledger.at(row);
        }
    }
    scheduleFlush();
}

void DeliveryModel::scheduleFlush()
{
    if (!m_timer->isActive())
        m_timer->start();
}

void DeliveryModel::flush()
{
    m_timer->stop();
    if (m_stagedCount == 0)
        return;
    std::vector<Row> fresh;
    QList<int> changed;
    const int first = int(m_rows.size());
    for (const QString &runId : std::as_const(m_runOrder)) {
        RunSlot &s = m_runs[runId];
        for (const int ledgerRow : std::as_const(s.stagedOrder)) {
            Delivery d = s.staged.take(ledgerRow);
            if (size_t(ledgerRow) >= s.modelRowOf.size())
                s.modelRowOf.resize(size_t(ledgerRow) + 1, -1);
            int &modelRow = s.modelRowOf[size_t(ledgerRow)];
            if (modelRow >= 0) {
                m_rows[size_t(modelRow)].delivery = std::move(d);
                changed.append(modelRow);
            } else {
                modelRow = first + int(fresh.size());
                const int client = internClient(d.clientId);
                fresh.push_back(Row{std::move(d), ledgerRow, s.index, client});
            }
        }
        s.stagedOrder.clear();
    }
    m_stagedCount = 0;
    if (!fresh.empty()) {
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
        endInsertRows();
    }
    const int changedCount = int(changed.size());
    emitChanged(std::move(changed));
    emit flushed(int(fresh.size()), changedCount);
}

void DeliveryModel::emitChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    QList<std::pair<int, int>> ranges;
    for (const int r : std::as_const(rows)) {
        if (!ranges.isEmpty() && r <= ranges.last().second + 1)
            ranges.last().second = r;
        else
            ranges.append({r, r});
    }
    if (ranges.size() > kMaxRangesPerFlush)
        ranges = {{ranges.first().first, ranges.last().second}};
    for (const auto &[top, bottom] : std::as_const(ranges))
        emit dataChanged(index(top, 0), index(bottom, ColumnCount - 1));
}

int DeliveryModel::rowOf(const QString &runId, int ledgerRow) const
{
    const auto it = m_runs.constFind(runId);
    if (it == m_runs.cend() || ledgerRow < 0 || size_t(ledgerRow) >= it->modelRowOf.size())
        return -1;
    return it->modelRowOf[size_t(ledgerRow)];
}

int DeliveryModel::internClient(const QString &clientId)
{
    const auto it = m_clientIndex.constFind(clientId);
    if (it != m_clientIndex.cend())
        return *it;
    m_clients.append(clientId);
    return *m_clientIndex.insert(clientId, int(m_clients.size()) - 1);
}

int DeliveryModel::runIndex(const QString &runId) const
{
    const auto it = m_runs.constFind(runId);
    return it == m_runs.cend() ? -1 : it->index;
}

QList<int> DeliveryModel::rowsOfRun(const QString &runId) const
{
    QList<int> out;
    const int run = runIndex(runId);
    if (!runId.isEmpty() && run < 0)
        return out;
    out.reserve(runId.isEmpty() ? qsizetype(m_rows.size()) : 0);
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (runId.isEmpty() || m_rows[size_t(i)].run == run)
            out.append(i);
    }
    return out;
}

int DeliveryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliveryModel::stateText(const Delivery &d)
{
    return logout::deliveryStateLabel(d.state);
}

QVariant DeliveryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Delivery &d = at(index.row());
    switch (role) {
    case StateRole:
        return int(d.state);
    case RunIdRole:
        return d.runId;
    case ClientIdRole:
        return d.clientId;
    case Qt::ToolTipRole:
        if (index.column() == UserColumn)
            return tr("%1 (id %2)").arg(d.userName, d.userId);
        if (index.column() == ErrorColumn || index.column() == StateColumn)
            return d.error.isEmpty() ? QVariant() : QVariant(d.error);
        if (index.column() == SourceColumn)
            return tr("Decided by: %1").arg(logout::outcomeSourceId(d.source));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == HttpStatusColumn || index.column() == LatencyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(d.state);
        case HttpStatusColumn:
            return d.httpStatus.value_or(-1);
        case LatencyColumn:
            return d.latencyMs.value_or(-1.0);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case RunColumn:
            return d.runId;
        case UserColumn:
            return d.userName.isEmpty() ? d.userId : d.userName;
        case SessionColumn:
            return d.sessionId;
        case RpColumn:
            return d.clientId;
        case StateColumn:
            return stateText(d);
        case HttpStatusColumn:
            return d.httpStatus ? QString::number(*d.httpStatus) : QString();
        case LatencyColumn:
            return d.latencyMs ? tr("%1 ms").arg(QLocale().toString(*d.latencyMs, 'f', 0)) : QString();
        case ErrorColumn:
            return d.error;
        case SourceColumn:
            return d.sources.join(QStringLiteral(", "));
        }
    }
    return {};
}

QVariant DeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn:
        return tr("Run");
    case UserColumn:
        return tr("User");
    case SessionColumn:
        return tr("Session");
    case RpColumn:
        return tr("Relying party");
    case StateColumn:
        return tr("State");
    case HttpStatusColumn:
        return tr("HTTP");
    case LatencyColumn:
        return tr("Latency");
    case ErrorColumn:
        return tr("Error or reason");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

} // namespace signoff
