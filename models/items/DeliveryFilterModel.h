#pragma once

#include "logout/LogoutTypes.h"

#include <QSortFilterProxyModel>
#include <QStringMatcher>

#include <optional>

namespace signoff {

class DeliveryModel;

// The Deliveries table's filter: one run (or all), one state, one RP, and text matched against
// user, session, RP and error, reading the model's rows directly (no QVariant per cell).
class DeliveryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DeliveryFilterModel(DeliveryModel *source, QObject *parent = nullptr);

    void setRunId(const QString &runId);
    void setState(std::optional<logout::DeliveryState> state);
    void setClientId(const QString &clientId);
    void setText(const QString &text);
    QString runId() const { return m_runId; }
    std::optional<logout::DeliveryState> state() const { return m_state; }
    QString clientId() const { return m_clientId; }
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    DeliveryModel *m_source;
    QString m_runId;
    mutable int m_runIndex = -1; // resolved once the model has seen the run
    std::optional<logout::DeliveryState> m_state;
    QString m_clientId;
    QString m_text;
    QStringMatcher m_matcher;
};

} // namespace signoff
