#include "LiveRunsFeed.h"

#include "DeliveryModel.h"
#include "core/Result.h" // LogoutRun.h uses Status without including it
#include "logout/LogoutRun.h"
#include "services/LogoutService.h"

#include <numeric>

namespace signoff {

LiveRunsFeed::LiveRunsFeed(DeliveryModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

void LiveRunsFeed::follow(services::LogoutService *service)
{
    connect(service, &services::LogoutService::runStarted, this, qOverload<logout::LogoutRun *>(&LiveRunsFeed::follow));
}

void LiveRunsFeed::follow(logout::LogoutRun *run)
{
    m_model->setRunInfo(run->info());
    QList<int> all(run->ledger().size());
    std::iota(all.begin(), all.end(), 0);
    m_model->stage(run->ledger(), all);
    connect(run, &logout::LogoutRun::deliveriesChanged, m_model,
            [model = m_model, run](const QList<int> &rows) { model->stage(run->ledger(), rows); });
    connect(run, &logout::LogoutRun::infoChanged, m_model, &DeliveryModel::setRunInfo);
    connect(run, &logout::LogoutRun::finished, m_model, [model = m_model](const logout::RunInfo &info) {
        // The last outcomes show together with the final status, not one interval later.
        model->flush();
        model->setRunInfo(info);
    });
}

} // namespace signoff
