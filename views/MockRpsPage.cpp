#include "MockRpsPage.h"

namespace signoff {

MockRpsPage::MockRpsPage(const AppContext &, QWidget *parent)
    : EmptyStatePage(tr("Mock RPs"),
                     tr("Local mock relying-party endpoints will be managed here: they receive logout tokens, "
                        "check every rule of the spec, and can be told to misbehave. Until then, use "
                        "`signoffctl mock-rp`."),
                     parent)
{
    setObjectName(QStringLiteral("mockRpsPage"));
}

} // namespace signoff
