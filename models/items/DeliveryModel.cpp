#include "DeliveryModel.h"

#include "DeliveryCells.h"

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

// The columns are DeliveryCells' fields in their order.
static_assert(int(DeliveryCells::Field::Run) == DeliveryModel::RunColumn);
static_assert(int(DeliveryCells::Field::Source) == DeliveryModel::SourceColumn);

QVariant DeliveryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Delivery &d = at(index.row());
    const auto field = DeliveryCells::Field(index.column());
    switch (role) {
    case StateRole:
        return int(d.state);
    case RunIdRole:
        return d.runId;
    case ClientIdRole:
        return d.clientId;
    case SortRole:
        return DeliveryCells::sortKey(d, field);
    default:
        return DeliveryCells::cell(d, field, role);
    }
}

QVariant DeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return DeliveryCells::header(DeliveryCells::Field(section));
}

} // namespace signoff
