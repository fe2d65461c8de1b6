#pragma once

#include "DeliveryCells.h"
#include "logout/LogoutTypes.h"

#include <QAbstractTableModel>

namespace signoff {

// One past run's deliveries as the history holds them, for the History page. The Deliveries page
// has a live, batched model of its own; this one is loaded whole when a run is selected.
class HistoryDeliveryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
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
        StateRole = Qt::UserRole + 1, // int of logout::DeliveryState; the view picks the colour
        SortRole
    };

    explicit HistoryDeliveryModel(QObject *parent = nullptr);

    void setDeliveries(QList<logout::Delivery> deliveries);
    const logout::Delivery &at(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static DeliveryCells::Field field(int column);

    QList<logout::Delivery> m_rows;
};

} // namespace signoff
