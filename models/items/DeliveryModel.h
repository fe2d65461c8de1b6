#pragma once

#include "logout/DeliveryLedger.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <vector>

class QTimer;

namespace signoff {

// The deliveries of every run of this session, one row per (run, session, RP), in the order they
// first became known. Changes are staged (copied out of the run's ledger as they are announced)
// and enter the model at most every flush interval: new rows with one beginInsertRows per flush,
// changed rows with one dataChanged per contiguous range (one spanning range when they are
// scattered), so a flood of outcomes costs the view a few signals per interval, not one per event.
class DeliveryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        RunColumn,
        UserColumn,
        SessionColumn,
        RpColumn,
        StateColumn,
        HttpStatusColumn,
        LatencyColumn,
        ErrorColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1, // int of logout::DeliveryState; the view picks icon and colour
        RunIdRole,
        ClientIdRole,
        SortRole
    };
    static constexpr int kDefaultFlushMs = 100;
    // More ranges than this in one flush become one dataChanged from the first to the last row.
    static constexpr int kMaxRangesPerFlush = 32;

    explicit DeliveryModel(QObject *parent = nullptr);
    ~DeliveryModel() override;

    void setFlushInterval(int ms);

    // A run's status and counts as last announced (LiveRunsFeed keeps them current).
    void setRunInfo(const logout::RunInfo &info);
    logout::RunInfo runInfo(const QString &runId) const; // default when unknown

    // Copies these rows of the ledger; they enter the model at the next flush.
    void stage(const logout::DeliveryLedger &ledger, const QList<int> &rows);
    // Applies what is staged now (also called by the timer).
    void flush();
    int stagedCount() const { return m_stagedCount; }

    const logout::Delivery &at(int row) const { return m_rows[size_t(row)].delivery; }
    int ledgerRow(int row) const { return m_rows[size_t(row)].ledgerRow; }
    // The model row of a run's ledger row, -1 when it has not entered yet.
    int rowOf(const QString &runId, int ledgerRow) const;
    QStringList runIds() const { return m_runOrder; }
    // Runs by number (their order of appearance), so that filters compare an int per row, not a
    // run id string: -1 for a run this model has not seen.
    int runIndex(const QString &runId) const;
    int runIndexOf(int row) const { return m_rows[size_t(row)].run; }
    // RPs by number, for the same reason (the summary and the chart group a flood of rows by RP).
    int clientIndex(const QString &clientId) const { return m_clientIndex.value(clientId, -1); }
    int clientIndexOf(int row) const { return m_rows[size_t(row)].client; }
    int clientCount() const { return int(m_clients.size()); }
    const QString &clientAt(int index) const { return m_clients.at(index); }
    // The deliveries of one run (all runs when runId is empty), for the summary and the chart.
    QList<int> rowsOfRun(const QString &runId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // After a flush changed anything: how many rows entered and how many changed.
    void flushed(int inserted, int changed);
    void runInfoChanged(const QString &runId);

private:
    struct Row
    {
        logout::Delivery delivery;
        int ledgerRow = -1;
        int run = -1;
        int client = -1;
    };
    struct RunSlot
    {
        std::vector<int> modelRowOf;         // by ledger row; -1 until it entered
        QHash<int, logout::Delivery> staged; // by ledger row, the newest copy only
        QList<int> stagedOrder;              // ledger rows in the order first staged
        logout::RunInfo info;
        int index = -1;
    };

    RunSlot &slot(const QString &runId);
    int internClient(const QString &clientId);
    void scheduleFlush();
    void emitChanged(QList<int> rows);

    std::vector<Row> m_rows;
    QHash<QString, RunSlot> m_runs;
    QStringList m_runOrder;
    QStringList m_clients;
    QHash<QString, int> m_clientIndex;
    int m_stagedCount = 0;
    QTimer *m_timer;
};

} // namespace signoff
