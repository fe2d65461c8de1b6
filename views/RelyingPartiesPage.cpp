#include "RelyingPartiesPage.h"

namespace signoff {

RelyingPartiesPage::RelyingPartiesPage(const AppContext &, QWidget *parent)
    : EmptyStatePage(tr("Relying parties"),
                     tr("The active profile's relying parties will appear here with their back-channel "
                        "logout settings, and warnings for settings that silently break logout (no URI, "
                        "http://, loopback addresses the IdP refuses, front-channel overriding back-channel). "
                        "This arrives with the IdP connectors."),
                     parent)
{
    setObjectName(QStringLiteral("relyingPartiesPage"));
}

} // namespace signoff
