#include "MockRequestModel.h"

#include <QTimer>

namespace signoff {

MockRequestModel::MockRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_flush(new QTimer(this))
{
    m_flush->setSingleShot(true);
    m_flush->setInterval(kDefaultFlushMs);
    connect(m_flush, &QTimer::timeout, this, &MockRequestModel::flush);
}

MockRequestModel::~MockRequestModel() = default;

void MockRequestModel::setFlushIntervalMs(int ms)
{
    m_flush->setInterval(ms);
}

void MockRequestModel::setCapacity(qsizetype rows)
{
    m_capacity = qMax<qsizetype>(1, rows);
    if (qsizetype(m_rows.size()) > m_capacity)
        dropOldest(0);
}

void MockRequestModel::append(const QString &mockRp, const mockrp::RequestRecord &record)
{
    m_pending.push_back({mockRp, record});
    // The queue itself is capped too: what could never be shown is not kept while the view is busy.
    if (qsizetype(m_pending.size()) > m_capacity) {
        m_pending.pop_front();
        ++m_dropped;
    }
    if (!m_flush->isActive())
        m_flush->start();
}

void MockRequestModel::dropOldest(qsizetype incoming)
{
    const qsizetype over = qsizetype(m_rows.size()) + incoming - m_capacity;
    if (over <= 0)
        return;
    const qsizetype drop = qMin(qsizetype(m_rows.size()), qMax(over, m_capacity / 10));
    beginRemoveRows({}, 0, int(drop - 1));
    m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
    endRemoveRows();
    m_dropped += quint64(drop);
}

void MockRequestModel::flush()
{
    m_flush->stop();
    if (m_pending.empty())
        return;
    const qsizetype incoming = qsizetype(m_pending.size());
    dropOldest(incoming);
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    std::move(m_pending.begin(), m_pending.end(), std::back_inserter(m_rows));
    m_pending.clear();
    endInsertRows();
}

void MockRequestModel::clear()
{
    m_flush->stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_dropped = 0;
    endResetModel();
}

int MockRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MockRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MockRequestModel::outcome(const mockrp::RequestRecord &r)
{
    if (!r.tokenSeen)
        return QStringLiteral("refused");
    return r.report.valid ? QStringLiteral("valid") : QStringLiteral("invalid");
}

QString MockRequestModel::failedRules(const mockrp::RequestRecord &r)
{
    QStringList ids;
    for (const jose::Verdict &v : r.report.failures())
        ids << QString(jose::ruleId(v.rule));
    return ids.join(QStringLiteral(", "));
}

QString MockRequestModel::text(const Entry &e, int column) const
{
    const mockrp::RequestRecord &r = e.record;
    switch (column) {
    case TimeColumn:
        return r.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MockRpColumn:
        return e.mockRp;
    case PeerColumn:
        return r.peer;
    case StatusColumn:
        return r.dropped ? tr("dropped") : QString::number(r.status);
    case VerdictColumn:
        if (!r.tokenSeen)
            return tr("refused: %1").arg(r.requestError);
        return r.report.valid ? tr("valid") : tr("invalid");
    case FailedRulesColumn:
        return failedRules(r);
    case LatencyColumn:
        return tr("%1 ms").arg(r.latencyMs);
    case RelayColumn:
        if (!r.relay)
            return QString();
        if (r.relay->status == 0)
            return tr("failed: %1").arg(r.relay->error);
        return tr("%1 (%2 ms)").arg(r.relay->status).arg(r.relay->latencyMs);
    }
    return QString();
}

QVariant MockRequestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry &e = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return text(e, index.column());
    case Qt::ToolTipRole:
        // The time column shows the time of day; the date is one hover away.
        return index.column() == TimeColumn ? e.record.receivedAt.toLocalTime().toString(Qt::ISODateWithMs)
                                            : text(e, index.column());
    case RecordIdRole:
        return QVariant::fromValue(e.record.id);
    case OutcomeRole:
        return outcome(e.record);
    default:
        return {};
    }
}

QVariant MockRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MockRpColumn:
        return tr("Mock RP");
    case PeerColumn:
        return tr("Peer");
    case StatusColumn:
        return tr("Status");
    case VerdictColumn:
        return tr("Verdict");
    case FailedRulesColumn:
        return tr("Failed rules");
    case LatencyColumn:
        return tr("Latency");
    case RelayColumn:
        return tr("Relay");
    }
    return {};
}

} // namespace signoff
