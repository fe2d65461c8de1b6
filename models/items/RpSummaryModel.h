#pragma once

#include "logout/LogoutTypes.h"

#include <QAbstractTableModel>

class QTimer;

namespace signoff {

class DeliveryModel;

// Per relying party: how many deliveries were delivered, failed, timed out, skipped, stayed
// unconfirmed or are pending, and p50 / p95 latency of the answered ones (the same rules as
// DeliveryLedger::rpSummaries), over one run or all of them. Recomputed from the DeliveryModel
// at most every interval while outcomes flow; rows are replaced only when the set of RPs changes.
class RpSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RpColumn,
        DeliveredColumn,
        FailedColumn,
        TimedOutColumn,
        SkippedColumn,
        UnconfirmedColumn,
        PendingColumn,
        P50Column,
        P95Column,
        ColumnCount
    };
    enum Role
    {
        ClientIdRole = Qt::UserRole + 1,
        StateRole // on a count column: int of the logout::DeliveryState it counts
    };
    static constexpr int kDefaultIntervalMs = 250;

    explicit RpSummaryModel(DeliveryModel *deliveries, QObject *parent = nullptr);

    void setRunId(const QString &runId); // empty: every run
    QString runId() const { return m_runId; }
    void setInterval(int ms);
    // Recomputes now (also called by the timer after the deliveries changed).
    void recompute();

    const logout::RpSummary &at(int row) const { return m_rows.at(row); }
    int rowOfClient(const QString &clientId) const;
    static std::optional<logout::DeliveryState> stateOfColumn(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void recomputed();

private:
    DeliveryModel *m_deliveries;
    QString m_runId;
    QList<logout::RpSummary> m_rows;
    QTimer *m_timer;
};

} // namespace signoff
