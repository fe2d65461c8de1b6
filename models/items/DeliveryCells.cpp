#include "DeliveryCells.h"

#include <QLocale>

namespace signoff {

using Field = DeliveryCells::Field;

QVariant DeliveryCells::cell(const logout::Delivery &d, Field field, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return display(d, field);
    case Qt::ToolTipRole:
        return toolTip(d, field);
    case Qt::TextAlignmentRole:
        if (field == Field::HttpStatus || field == Field::Latency)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant DeliveryCells::sortKey(const logout::Delivery &d, Field field)
{
    switch (field) {
    case Field::State:
        return int(d.state);
    case Field::HttpStatus:
        return d.httpStatus.value_or(-1);
    case Field::Latency:
        return d.latencyMs.value_or(-1.0);
    default:
        return display(d, field);
    }
}

QVariant DeliveryCells::display(const logout::Delivery &d, Field field)
{
    switch (field) {
    case Field::Run:
        return d.runId;
    case Field::User:
        return d.userName.isEmpty() ? d.userId : d.userName;
    case Field::Session:
        return d.sessionId;
    case Field::Rp:
        return d.clientId;
    case Field::State:
        return logout::deliveryStateLabel(d.state);
    case Field::HttpStatus:
        return d.httpStatus ? QString::number(*d.httpStatus) : QString();
    case Field::Latency:
        return d.latencyMs ? tr("%1 ms").arg(QLocale().toString(*d.latencyMs, 'f', 0)) : QString();
    case Field::Error:
        return d.error;
    case Field::Source:
        return d.sources.join(QStringLiteral(", "));
    }
    return {};
}

QVariant DeliveryCells::toolTip(const logout::Delivery &d, Field field)
{
    switch (field) {
    case Field::User:
        return tr("%1 (id %2)").arg(d.userName, d.userId);
    case Field::Error:
    case Field::State:
        // The error text is often longer than its column.
        return d.error.isEmpty() ? QVariant() : QVariant(d.error);
    case Field::Source:
        return tr("Decided by: %1").arg(logout::outcomeSourceId(d.source));
    default:
        return {};
    }
}

QString DeliveryCells::header(Field field)
{
    switch (field) {
    case Field::Run:
        return tr("Run");
    case Field::User:
        return tr("User");
    case Field::Session:
        return tr("Session");
    case Field::Rp:
        return tr("Relying party");
    case Field::State:
        return tr("State");
    case Field::HttpStatus:
        return tr("HTTP");
    case Field::Latency:
        return tr("Latency");
    case Field::Error:
        return tr("Error or reason");
    case Field::Source:
        return tr("Source");
    }
    return {};
}

} // namespace signoff
