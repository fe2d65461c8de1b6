#include "HistoryDeliveryModel.h"

namespace signoff {

HistoryDeliveryModel::HistoryDeliveryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void HistoryDeliveryModel::setDeliveries(QList<logout::Delivery> deliveries)
{
    beginResetModel();
    m_rows = std::move(deliveries);
    endResetModel();
}

int HistoryDeliveryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryDeliveryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The columns are DeliveryCells' fields from User on, in their order (a run's rows need no run).
static_assert(int(DeliveryCells::Field::User) == HistoryDeliveryModel::UserColumn + 1);
static_assert(int(DeliveryCells::Field::Source) == HistoryDeliveryModel::SourceColumn + 1);

DeliveryCells::Field HistoryDeliveryModel::field(int column)
{
    return DeliveryCells::Field(column + 1);
}

QVariant HistoryDeliveryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const logout::Delivery &d = m_rows.at(index.row());
    if (role == StateRole)
        return int(d.state);
    if (role == SortRole)
        return DeliveryCells::sortKey(d, field(index.column()));
    // Runs stored before deliveries listed every source have only the deciding one.
    if (role == Qt::DisplayRole && index.column() == SourceColumn && d.sources.isEmpty())
        return QString(logout::outcomeSourceId(d.source));
    return DeliveryCells::cell(d, field(index.column()), role);
}

QVariant HistoryDeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return DeliveryCells::header(field(section));
}

} // namespace signoff
