#include "DeliveriesPage.h"

namespace signoff {

DeliveriesPage::DeliveriesPage(const AppContext &, QWidget *parent)
    : EmptyStatePage(tr("Deliveries"),
                     tr("Each forced logout will show here, live, which relying parties were told and what "
                        "they answered: delivered, failed, timed out, or sent but unconfirmed."),
                     parent)
{
    setObjectName(QStringLiteral("deliveriesPage"));
}

} // namespace signoff
