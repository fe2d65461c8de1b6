#pragma once

#include "mockrp/RequestRecord.h"

#include <QAbstractTableModel>

#include <deque>

class QTimer;

namespace signoff {

// The requests the console's mock RPs received, newest last. Records are queued as they arrive
// and enter at most every flush interval with one beginInsertRows, so a flood of requests costs
// the view one relayout per interval; past the capacity the oldest rows leave in bulk (at least a
// tenth of the capacity at a time), so a long flood neither grows memory without bound nor removes
// rows on every flush.
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
    struct Entry
    {
        QString mockRp; // the mock RP's name when the request arrived
        mockrp::RequestRecord record;
    };

    static constexpr qsizetype kDefaultCapacity = 100000;
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
    void setFlushIntervalMs(int ms);
    qsizetype pendingCount() const { return qsizetype(m_pending.size()); }
    // Requests that left (or never entered) because of the capacity.
    quint64 droppedCount() const { return m_dropped; }
    const Entry &at(int row) const { return m_rows[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString outcome(const mockrp::RequestRecord &record);
    static QString failedRules(const mockrp::RequestRecord &record);

private:
    QString text(const Entry &e, int column) const;
    void dropOldest(qsizetype incoming);

    std::deque<Entry> m_rows;
    std::deque<Entry> m_pending;
    qsizetype m_capacity = kDefaultCapacity;
    quint64 m_dropped = 0;
    QTimer *m_flush;
};

} // namespace signoff
