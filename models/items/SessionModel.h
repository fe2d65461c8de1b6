#pragma once

#include "idp/IdpTypes.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QStringMatcher>

#include <vector>

namespace signoff {

// Sessions as the IdP listed them: one flat vector, each page entering with one beginInsertRows
// (a 100,000-session listing is 100 inserts, not 100,000), cells formatted when asked for.
class SessionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        UserColumn,
        IpColumn,
        StartedColumn,
        LastAccessColumn,
        RpsColumn,
        ColumnCount
    };
    enum Role
    {
        SessionIdRole = Qt::UserRole + 1,
        UserIdRole,
        SortRole,
        // true for a cell whose field the IdP does not expose; the view greys it with its own
        // palette (core has no QtGui, and a Qt::GlobalColor in ForegroundRole is not a QBrush to a view).
        NotExposedRole
    };

    explicit SessionModel(QObject *parent = nullptr);

    void clear();
    void append(const QList<IdpSession> &page);
    const IdpSession &at(int row) const { return m_sessions[size_t(row)]; }
    const std::vector<IdpSession> &sessions() const { return m_sessions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // What a cell shows for a field the IdP does not expose.
    static QString notExposed();
    static QString rpList(const IdpSession &s);

private:
    std::vector<IdpSession> m_sessions;
};

// Type-to-filter over user (id and name), IP and RP client ids, reading the model's vector
// directly: no QVariant per cell per keystroke.
class SessionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SessionFilterModel(SessionModel *source, QObject *parent = nullptr);
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    SessionModel *m_source;
    QString m_text;
    QStringMatcher m_matcher; // built once per text, not once per row and field
};

} // namespace signoff
