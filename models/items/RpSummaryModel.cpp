#include "RpSummaryModel.h"

#include "DeliveryModel.h"

#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace signoff {

using logout::DeliveryState;

namespace {
std::optional<double> nearestRank(const QList<double> &sorted, double p)
{
    if (sorted.isEmpty())
        return std::nullopt;
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}
} // namespace

RpSummaryModel::RpSummaryModel(DeliveryModel *deliveries, QObject *parent)
    : QAbstractTableModel(parent)
    , m_deliveries(deliveries)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RpSummaryModel::recompute);
    auto later = [this] {
        if (!m_timer->isActive())
            m_timer->start();
    };
    connect(deliveries, &DeliveryModel::flushed, this, later);
    connect(deliveries, &DeliveryModel::modelReset, this, later);
}

void RpSummaryModel::setRunId(const QString &runId)
{
    if (runId == m_runId)
        return;
    m_runId = runId;
    recompute();
}

void RpSummaryModel::setInterval(int ms)
{
    m_timer->setInterval(ms);
}

void RpSummaryModel::recompute()
{
    m_timer->stop();
    // Rows are grouped by the model's RP number: a flood of rows costs integer work per row.
    std::vector<std::pair<logout::RpSummary, QList<double>>> aggregates(size_t(m_deliveries->clientCount()));
    const int run = m_deliveries->runIndex(m_runId);
    for (int i = 0, n = m_runId.isEmpty() || run >= 0 ? m_deliveries->rowCount() : 0; i < n; ++i) {
        if (!m_runId.isEmpty() && m_deliveries->runIndexOf(i) != run)
            continue;
        const logout::Delivery &d = m_deliveries->at(i);
        auto &[summary, latencies] = aggregates[size_t(m_deliveries->clientIndexOf(i))];
        ++summary.counts.of(d.state);
        // Only answered deliveries have a latency worth a percentile (as in DeliveryLedger).
        if (d.latencyMs && d.httpStatus)
            latencies.append(*d.latencyMs);
    }
    for (int c = 0; c < int(aggregates.size()); ++c)
        aggregates[size_t(c)].first.clientId = m_deliveries->clientAt(c);
    aggregates.erase(
        std::remove_if(aggregates.begin(), aggregates.end(), [](const auto &a) { return a.first.counts.total() == 0; }),
        aggregates.end());
    QList<logout::RpSummary> rows;
    rows.reserve(qsizetype(aggregates.size()));
    for (auto &[summary, latencies] : aggregates) {
        // One sort for both percentiles (logout::percentile sorts a copy per call); the same
        // nearest-rank rule, so the numbers equal the ledger's.
        std::sort(latencies.begin(), latencies.end());
        summary.p50Ms = nearestRank(latencies, 50);
        summary.p95Ms = nearestRank(latencies, 95);
        rows.append(summary);
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.clientId < b.clientId; });
    const bool sameRps = rows.size() == m_rows.size() &&
                         std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                    [](const auto &a, const auto &b) { return a.clientId == b.clientId; });
    if (sameRps) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    emit recomputed();
}

int RpSummaryModel::rowOfClient(const QString &clientId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

std::optional<DeliveryState> RpSummaryModel::stateOfColumn(int column)
{
    switch (column) {
    case DeliveredColumn:
        return DeliveryState::Delivered;
    case FailedColumn:
        return DeliveryState::Failed;
    case TimedOutColumn:
        return DeliveryState::TimedOut;
    case SkippedColumn:
        return DeliveryState::Skipped;
    case UnconfirmedColumn:
        return DeliveryState::Unconfirmed;
    case PendingColumn:
        return DeliveryState::Pending;
    }
    return std::nullopt;
}

int RpSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RpSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RpSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const logout::RpSummary &s = at(index.row());
    const auto state = stateOfColumn(index.column());
    switch (role) {
    case ClientIdRole:
        return s.clientId;
    case StateRole:
        return state ? QVariant(int(*state)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == RpColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::DisplayRole: {
        if (state)
            return QLocale().toString(s.counts.of(*state));
        auto ms = [](const std::optional<double> &v) {
            return v ? tr("%1 ms").arg(QLocale().toString(*v, 'f', 0)) : QString();
        };
        switch (index.column()) {
        case RpColumn:
            return s.clientId;
        case P50Column:
            return ms(s.p50Ms);
        case P95Column:
            return ms(s.p95Ms);
        }
        return {};
    }
    }
    return {};
}

QVariant RpSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (const auto state = stateOfColumn(section))
        return logout::deliveryStateLabel(*state);
    switch (section) {
    case RpColumn:
        return tr("Relying party");
    case P50Column:
        return tr("p50");
    case P95Column:
        return tr("p95");
    }
    return {};
}

} // namespace signoff
