#include "ProfileListModel.h"

#include "store/ProfileStore.h"

namespace signoff {

ProfileListModel::ProfileListModel(ProfileStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_ids(store->ids())
{
    connect(store, &ProfileStore::profileAdded, this, &ProfileListModel::onAdded);
    connect(store, &ProfileStore::profileChanged, this, &ProfileListModel::onChanged);
    connect(store, &ProfileStore::profileRemoved, this, &ProfileListModel::onRemoved);
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int ProfileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto p = m_store->find(m_ids.at(index.row()));
    if (!p)
        return {};
    if (role == IdRole)
        return p->id;
    if (role == BuiltinRole)
        return p->builtin;
    if (role == Qt::ToolTipRole && p->builtin)
        return tr("Built-in: Signoff starts the local sandbox IdP for this profile.");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return p->name;
    case KindColumn:
        return idpKindLabel(p->kind);
    case UrlColumn:
        return p->baseUrl.toString();
    case AuthColumn:
        return p->authMethod == AuthMethod::Password ? tr("%1 (%2)").arg(authMethodLabel(p->authMethod), p->username)
                                                     : authMethodLabel(p->authMethod);
    }
    return {};
}

QVariant ProfileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("IdP");
    case UrlColumn:
        return tr("Base URL");
    case AuthColumn:
        return tr("Admin auth");
    }
    return {};
}

QString ProfileListModel::idAt(int row) const
{
    return m_ids.value(row);
}

int ProfileListModel::rowOf(const QString &id) const
{
    return int(m_ids.indexOf(id));
}

void ProfileListModel::onAdded(const QString &id)
{
    // The store may have inserted anywhere (the sandbox profile is prepended); follow its order.
    const int row = int(m_store->ids().indexOf(id));
    const int at = row < 0 ? int(m_ids.size()) : qMin(row, int(m_ids.size()));
    beginInsertRows({}, at, at);
    m_ids.insert(at, id);
    endInsertRows();
}

void ProfileListModel::onChanged(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ProfileListModel::onRemoved(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    endRemoveRows();
}

} // namespace signoff
