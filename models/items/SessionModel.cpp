#include "SessionModel.h"

#include <QCoreApplication>
#include <QLocale>

namespace signoff {

namespace {
QString when(const std::optional<QDateTime> &t)
{
    return t ? t->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : SessionModel::notExposed();
}
} // namespace

SessionModel::SessionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString SessionModel::notExposed()
{
    return tr("not exposed by the IdP");
}

QString SessionModel::rpList(const IdpSession &s)
{
    QStringList ids;
    ids.reserve(s.rps.size());
    for (const SessionRp &rp : s.rps)
        ids << rp.clientId;
    return ids.join(QStringLiteral(", "));
}

void SessionModel::clear()
{
    if (m_sessions.empty())
        return;
    beginResetModel();
    m_sessions.clear();
    m_sessions.shrink_to_fit();
    endResetModel();
}

void SessionModel::append(const QList<IdpSession> &page)
{
    if (page.isEmpty())
        return;
    const int first = int(m_sessions.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_sessions.insert(m_sessions.end(), page.cbegin(), page.cend());
    endInsertRows();
}

int SessionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const IdpSession &s = at(index.row());
    switch (role) {
    case SessionIdRole:
        return s.id;
    case UserIdRole:
        return s.userId;
    case Qt::ToolTipRole:
        if (index.column() == UserColumn)
            return tr("%1 (id %2), session %3").arg(s.userName, s.userId, s.id);
        return {};
    case NotExposedRole:
        return (index.column() == IpColumn && !s.ip) || (index.column() == StartedColumn && !s.started) ||
               (index.column() == LastAccessColumn && !s.lastAccess);
    case SortRole:
        switch (index.column()) {
        case StartedColumn:
            return s.started ? s.started->toSecsSinceEpoch() : -1;
        case LastAccessColumn:
            return s.lastAccess ? s.lastAccess->toSecsSinceEpoch() : -1;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case UserColumn:
            return s.userName.isEmpty() ? s.userId : s.userName;
        case IpColumn:
            return s.ip.value_or(notExposed());
        case StartedColumn:
            return when(s.started);
        case LastAccessColumn:
            return when(s.lastAccess);
        case RpsColumn:
            return rpList(s);
        }
    }
    return {};
}

QVariant SessionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case UserColumn:
        return tr("User");
    case IpColumn:
        return tr("IP address");
    case StartedColumn:
        return tr("Started");
    case LastAccessColumn:
        return tr("Last access");
    case RpsColumn:
        return tr("Relying parties");
    }
    return {};
}

SessionFilterModel::SessionFilterModel(SessionModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
    , m_matcher(QString(), Qt::CaseInsensitive)
{
    setSourceModel(source);
    setSortRole(SessionModel::SortRole);
}

void SessionFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    m_matcher.setPattern(t);
    // One rebuild and one layout change: invalidateRowsFilter() removes every run of rejected rows
    // with its own rowsRemoved, and a view with 100,000 rows relays itself out for each run (a
    // keystroke that rejects scattered rows took seconds).
    invalidate();
}

bool SessionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_text.isEmpty())
        return true;
    const IdpSession &s = m_source->at(sourceRow);
    auto found = [this](QStringView field) { return m_matcher.indexIn(field) >= 0; };
    if (found(s.userName) || found(s.userId) || (s.ip && found(*s.ip)))
        return true;
    for (const SessionRp &rp : s.rps)
        if (found(rp.clientId))
            return true;
    return false;
}

} // namespace signoff
