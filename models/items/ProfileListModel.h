#pragma once

#include <QAbstractTableModel>

namespace signoff {

class ProfileStore;

// Rows mirror ProfileStore; the store's added/changed/removed signals map onto one
// begin/end pair each, so views keep their selection across edits.
class ProfileListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        KindColumn,
        UrlColumn,
        AuthColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        BuiltinRole
    };

    explicit ProfileListModel(ProfileStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString idAt(int row) const;
    int rowOf(const QString &id) const;

private:
    void onAdded(const QString &id);
    void onChanged(const QString &id);
    void onRemoved(const QString &id);

    ProfileStore *m_store;
    QStringList m_ids; // the order the view shows, kept in step with the store
};

} // namespace signoff
