#include "SessionsPage.h"

namespace signoff {

SessionsPage::SessionsPage(const AppContext &, QWidget *parent)
    : EmptyStatePage(tr("Sessions"),
                     tr("Users' active sessions per relying party will appear here, searchable and paged, "
                        "with actions to force a logout. This arrives with the IdP connectors."),
                     parent)
{
    setObjectName(QStringLiteral("sessionsPage"));
}

} // namespace signoff
