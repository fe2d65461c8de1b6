#pragma once

#include "logout/LogoutTypes.h"

#include <QCoreApplication>
#include <QVariant>

namespace signoff {

// How one delivery reads in a table: the live Deliveries model and the History one show the same
// fields the same way, each with its own column order (and roles).
class DeliveryCells
{
    Q_DECLARE_TR_FUNCTIONS(signoff::DeliveryCells)
public:
    enum class Field
    {
        Run,
        User,
        Session,
        Rp,
        State,
        HttpStatus,
        Latency,
        Error,
        Source
    };

    // Qt::DisplayRole, Qt::ToolTipRole and Qt::TextAlignmentRole; an empty QVariant otherwise.
    static QVariant cell(const logout::Delivery &d, Field field, int role);
    // What the field sorts by: numbers for the numeric ones, the display text for the rest.
    static QVariant sortKey(const logout::Delivery &d, Field field);
    static QString header(Field field);

private:
    static QVariant display(const logout::Delivery &d, Field field);
    static QVariant toolTip(const logout::Delivery &d, Field field);
};

} // namespace signoff
