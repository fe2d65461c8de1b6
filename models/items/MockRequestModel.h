#pragma once

#include "mockrp/RequestRecord.h"

#include <QAbstractTableModel>

#include <deque>
#include <optional>

class QTimer;

namespace signoff {

// The requests the console's mock RPs received, newest last. Records are queued as they arrive
// and enter at most every flush interval with one beginInsertRows, so a flood of requests costs
// the view one relayout per interval; past the capacity the oldest rows leave in bulk (at least a
// tenth of the capacity at a time), so a long flood neither grows memory without bound nor removes
// rows on every flush.
//
// A row keeps what the table shows (a few hundred bytes); the whole record (token, decoded JSON,
// every verdict: several kilobytes) is kept for the most recent detailCapacity() requests only.
class MockRequestModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        MockRpColumn,
        PeerColumn,
        StatusColumn,
        VerdictColumn,
        FailedRulesColumn,
        LatencyColumn,
        RelayColumn,
        ColumnCount
    };
    enum Role
    {
        RecordIdRole = Qt::UserRole + 1,
        // "valid", "invalid" (a token that failed a rule) or "refused" (no token to judge): views
        // pick the icon and colour, core stays free of QtGui.
        OutcomeRole
    };
    enum class Outcome : quint8
    {
        Valid,
        Invalid,
        Refused
    };
    struct Row
    {
        quint64 seq = 0;      // arrival order in this model
        quint64 recordId = 0; // the mock RP's own id (each mock RP counts from 1)
        QString mockRp;       // the mock RP's name when the request arrived
        qint64 receivedAtMs = 0;
        QString peer;
        int status = 0;
        bool dropped = false;
        Outcome outcome = Outcome::Refused;
        QString failedRules;
        QString requestError;
        qint64 latencyMs = 0;
        int relayStatus = -1; // -1: not relayed; 0: no answer (relayError says why)
        qint64 relayLatencyMs = 0;
        QString relayError;
    };

    static constexpr qsizetype kDefaultCapacity = 100000;
    static constexpr qsizetype kDefaultDetailCapacity = 5000;
    static constexpr int kDefaultFlushMs = 100;

    explicit MockRequestModel(QObject *parent = nullptr);
    ~MockRequestModel() override;

    // Queued; it shows at the next flush.
    void append(const QString &mockRp, const mockrp::RequestRecord &record);
    // Moves everything queued into the model now.
    void flush();
    void clear();

    void setCapacity(qsizetype rows); // at least 1
    qsizetype capacity() const { return m_capacity; }
    void setDetailCapacity(qsizetype records); // at least 1
    qsizetype detailCapacity() const { return m_detailCapacity; }
    void setFlushIntervalMs(int ms);
    qsizetype pendingCount() const { return qsizetype(m_pending.size()); }
    // Requests that left (or never entered) because of the capacity.
    quint64 droppedCount() const { return m_dropped; }
    const Row &at(int row) const { return m_rows[size_t(row)]; }
    // The whole record, or null when it is older than the last detailCapacity() requests.
    const mockrp::RequestRecord *record(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString outcomeId(Outcome outcome);
    static QString failedRules(const mockrp::RequestRecord &record);

private:
    struct Pending
    {
        Row row; // seq given on entry
        // Only the last detailCapacity() queued keep theirs: a stalled flood is held as rows.
        std::optional<mockrp::RequestRecord> record;
    };
    static Row rowFor(const QString &mockRp, const mockrp::RequestRecord &record);
    QString text(const Row &r, int column) const;
    void dropOldest(qsizetype incoming);
    void trimDetails();

    std::deque<Row> m_rows;
    // The last records in full, in arrival order: m_details[i] has seq m_firstDetailSeq + i.
    std::deque<mockrp::RequestRecord> m_details;
    quint64 m_firstDetailSeq = 0;
    std::deque<Pending> m_pending;
    quint64 m_nextSeq = 0;
    qsizetype m_capacity = kDefaultCapacity;
    qsizetype m_detailCapacity = kDefaultDetailCapacity;
    quint64 m_dropped = 0;
    QTimer *m_flush;
};

} // namespace signoff
