#include "HistoryPage.h"

namespace signoff {

HistoryPage::HistoryPage(const AppContext &, QWidget *parent)
    : EmptyStatePage(tr("History"),
                     tr("Every logout run and its per-RP outcomes will be kept here, in a local database, "
                        "searchable and exportable."),
                     parent)
{
    setObjectName(QStringLiteral("historyPage"));
}

} // namespace signoff
