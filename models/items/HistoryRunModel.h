#pragma once

#include "logout/LogoutTypes.h"

#include <QAbstractTableModel>

namespace signoff {

// Past runs as the history holds them (newest first), for the History page. A refresh replaces
// the page of runs in one reset: it happens when asked or when a run finishes, never per event.
class HistoryRunModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StartedColumn,
        ProfileColumn,
        ScopeColumn,
        StatusColumn,
        DeliveredColumn,
        FailedColumn,
        TimedOutColumn,
        SkippedColumn,
        UnconfirmedColumn,
        PendingColumn,
        RunIdColumn,
        ColumnCount
    };
    enum Role
    {
        RunIdRole = Qt::UserRole + 1,
        SortRole
    };

    explicit HistoryRunModel(QObject *parent = nullptr);

    void setRuns(QList<logout::RunInfo> runs);
    const logout::RunInfo &at(int row) const { return m_runs.at(row); }
    int rowOf(const QString &runId) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<logout::RunInfo> m_runs;
};

} // namespace signoff
