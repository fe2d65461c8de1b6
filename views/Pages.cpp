#include "Pages.h"

#include "DeliveriesPage.h"
#include "HistoryPage.h"
#include "MockRpsPage.h"
#include "ProfilesPage.h"
#include "RelyingPartiesPage.h"
#include "SessionsPage.h"

#include <QCoreApplication>

namespace signoff {

QList<PageEntry> createPages(const AppContext &app, QWidget *parent)
{
    return {
        {QCoreApplication::translate("signoff::MainWindow", "Profiles"), new ProfilesPage(app, parent)},
        {QCoreApplication::translate("signoff::MainWindow", "Relying parties"), new RelyingPartiesPage(app, parent)},
        {QCoreApplication::translate("signoff::MainWindow", "Sessions"), new SessionsPage(app, parent)},
        {QCoreApplication::translate("signoff::MainWindow", "Deliveries"), new DeliveriesPage(app, parent)},
        {QCoreApplication::translate("signoff::MainWindow", "Mock RPs"), new MockRpsPage(app, parent)},
        {QCoreApplication::translate("signoff::MainWindow", "History"), new HistoryPage(app, parent)},
    };
}

} // namespace signoff
