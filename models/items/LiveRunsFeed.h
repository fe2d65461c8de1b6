#pragma once

#include <QObject>

namespace signoff::logout {
class LogoutRun;
}
namespace signoff::services {
class LogoutService;
}

namespace signoff {

class DeliveryModel;

// Feeds a DeliveryModel from live runs: every run the service starts (or one run), its rows at
// once, then the rows each change announces, copied out of its ledger as they are announced so a
// run that is deleted before the model's next flush loses nothing.
class LiveRunsFeed : public QObject
{
    Q_OBJECT
public:
    explicit LiveRunsFeed(DeliveryModel *model, QObject *parent = nullptr);

    void follow(services::LogoutService *service);
    void follow(logout::LogoutRun *run);

private:
    DeliveryModel *m_model;
};

} // namespace signoff
