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

QVariant HistoryDeliveryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const logout::Delivery &d = m_rows.at(index.row());
    if (role == StateRole)
        return int(d.state);
    const int column = index.column();
    if (role == SortRole) {
        if (column == HttpStatusColumn)
            return d.httpStatus.value_or(-1);
        if (column == LatencyColumn)
            return d.latencyMs.value_or(-1.0);
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::ToolTipRole && column == ErrorColumn && !d.error.isEmpty())
        return d.error;
    if (role == Qt::TextAlignmentRole && (column == HttpStatusColumn || column == LatencyColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case UserColumn:
        return d.userName.isEmpty() ? d.userId : d.userName;
    case SessionColumn:
        return d.sessionId;
    case RpColumn:
        return d.clientId;
    case StateColumn:
        return logout::deliveryStateLabel(d.state);
    case HttpStatusColumn:
        return d.httpStatus ? QVariant(*d.httpStatus) : QVariant();
    case LatencyColumn:
        return d.latencyMs ? QVariant(tr("%1 ms").arg(*d.latencyMs, 0, 'f', 1)) : QVariant();
    case ErrorColumn:
        return d.error;
    case SourceColumn:
        return d.sources.isEmpty() ? QString(logout::outcomeSourceId(d.source)) : d.sources.join(QStringLiteral(", "));
    }
    return {};
}

QVariant HistoryDeliveryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("User");
    case SessionColumn:
        return tr("Session");
    case RpColumn:
        return tr("Relying party");
    case StateColumn:
        return tr("State");
    case HttpStatusColumn:
        return tr("HTTP");
    case LatencyColumn:
        return tr("Latency");
    case ErrorColumn:
        return tr("Error");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

} // namespace signoff
