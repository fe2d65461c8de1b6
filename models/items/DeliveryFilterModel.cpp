#include "DeliveryFilterModel.h"

#include "DeliveryModel.h"

namespace signoff {

DeliveryFilterModel::DeliveryFilterModel(DeliveryModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
    , m_matcher(QString(), Qt::CaseInsensitive)
{
    setSourceModel(source);
    setSortRole(DeliveryModel::SortRole);
}

// Each setter rebuilds once (invalidate), not per run of rejected rows: see SessionFilterModel.
void DeliveryFilterModel::setRunId(const QString &runId)
{
    if (runId == m_runId)
        return;
    m_runId = runId;
    m_runIndex = m_source->runIndex(runId);
    invalidate();
}

void DeliveryFilterModel::setState(std::optional<logout::DeliveryState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidate();
}

void DeliveryFilterModel::setClientId(const QString &clientId)
{
    if (clientId == m_clientId)
        return;
    m_clientId = clientId;
    invalidate();
}

void DeliveryFilterModel::setText(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_text)
        return;
    m_text = t;
    m_matcher.setPattern(t);
    invalidate();
}

bool DeliveryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (!m_runId.isEmpty()) {
        if (m_runIndex < 0)
            m_runIndex = m_source->runIndex(m_runId);
        if (m_source->runIndexOf(sourceRow) != m_runIndex)
            return false;
    }
    const logout::Delivery &d = m_source->at(sourceRow);
    if ((m_state && d.state != *m_state) || (!m_clientId.isEmpty() && d.clientId != m_clientId))
        return false;
    if (m_text.isEmpty())
        return true;
    auto found = [this](QStringView field) { return m_matcher.indexIn(field) >= 0; };
    return found(d.userName) || found(d.userId) || found(d.sessionId) || found(d.clientId) || found(d.error);
}

} // namespace signoff
