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
    if (qsizetype(m_rows.size()) > m_capacity) {
        dropOldest(0);
        trimDetails();
    }
}

void MockRequestModel::setDetailCapacity(qsizetype records)
{
    m_detailCapacity = qMax<qsizetype>(1, records);
    trimDetails();
}

void MockRequestModel::trimDetails()
{
    // The last detailCapacity() records, and none whose row has left.
    while (!m_details.empty() && (qsizetype(m_details.size()) > m_detailCapacity || m_rows.empty() ||
                                  m_firstDetailSeq < m_rows.front().seq)) {
        m_details.pop_front();
        ++m_firstDetailSeq;
    }
}

const mockrp::RequestRecord *MockRequestModel::record(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const quint64 seq = m_rows[size_t(row)].seq;
    if (seq < m_firstDetailSeq || seq - m_firstDetailSeq >= m_details.size())
        return nullptr;
    return &m_details[size_t(seq - m_firstDetailSeq)];
}

MockRequestModel::Row MockRequestModel::rowFor(const QString &mockRp, const mockrp::RequestRecord &r)
{
    Row row;
    row.recordId = r.id;
    row.mockRp = mockRp;
    row.receivedAtMs = r.receivedAt.toMSecsSinceEpoch();
    row.peer = r.peer;
    row.status = r.status;
    row.dropped = r.dropped;
    row.outcome = !r.tokenSeen ? Outcome::Refused : r.report.valid ? Outcome::Valid : Outcome::Invalid;
    row.failedRules = failedRules(r);
    row.requestError = r.requestError;
    row.latencyMs = r.latencyMs;
    if (r.relay) {
        row.relayStatus = r.relay->status;
        row.relayLatencyMs = r.relay->latencyMs;
        row.relayError = r.relay->error;
    }
    return row;
}

void MockRequestModel::append(const QString &mockRp, const mockrp::RequestRecord &record)
{
    m_pending.push_back({rowFor(mockRp, record), record});
    if (qsizetype(m_pending.size()) > m_detailCapacity)
        m_pending[m_pending.size() - 1 - size_t(m_detailCapacity)].record.reset();
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
    // The records kept in full are a suffix of the queue: one without its record means every
    // record before it is older than those still to come.
    for (Pending &p : m_pending) {
        p.row.seq = m_nextSeq++;
        if (p.record) {
            if (m_details.empty())
                m_firstDetailSeq = p.row.seq;
            m_details.push_back(std::move(*p.record));
        } else {
            m_details.clear();
        }
        m_rows.push_back(std::move(p.row));
    }
    m_pending.clear();
    trimDetails();
    endInsertRows();
}

void MockRequestModel::clear()
{
    m_flush->stop();
    beginResetModel();
    m_rows.clear();
    m_details.clear();
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

QString MockRequestModel::outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Valid:
        return QStringLiteral("valid");
    case Outcome::Invalid:
        return QStringLiteral("invalid");
    case Outcome::Refused:
        return QStringLiteral("refused");
    }
    return QString();
}

QString MockRequestModel::failedRules(const mockrp::RequestRecord &r)
{
    QStringList ids;
    for (const jose::Verdict &v : r.report.failures())
        ids << QString(jose::ruleId(v.rule));
    return ids.join(QStringLiteral(", "));
}

QString MockRequestModel::text(const Row &r, int column) const
{
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(r.receivedAtMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case MockRpColumn:
        return r.mockRp;
    case PeerColumn:
        return r.peer;
    case StatusColumn:
        return r.dropped ? tr("dropped") : QString::number(r.status);
    case VerdictColumn:
        switch (r.outcome) {
        case Outcome::Valid:
            return tr("valid");
        case Outcome::Invalid:
            return tr("invalid");
        case Outcome::Refused:
            return tr("refused: %1").arg(r.requestError);
        }
        return QString();
    case FailedRulesColumn:
        return r.failedRules;
    case LatencyColumn:
        return tr("%1 ms").arg(r.latencyMs);
    case RelayColumn:
        if (r.relayStatus < 0)
            return QString();
        if (r.relayStatus == 0)
            return tr("failed: %1").arg(r.relayError);
        return tr("%1 (%2 ms)").arg(r.relayStatus).arg(r.relayLatencyMs);
    }
    return QString();
}

QVariant MockRequestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &r = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return text(r, index.column());
    case Qt::ToolTipRole:
        // The time column shows the time of day; the date is one hover away.
        return index.column() == TimeColumn ? QDateTime::fromMSecsSinceEpoch(r.receivedAtMs).toString(Qt::ISODateWithMs)
                                            : text(r, index.column());
    case RecordIdRole:
        return QVariant::fromValue(r.recordId);
    case OutcomeRole:
        return outcomeId(r.outcome);
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
