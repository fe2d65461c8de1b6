#pragma once

#include "ConnectorService.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "logout/LogoutPlan.h"
#include "logout/LogoutRun.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace signoff {
class ProfileStore;
} // namespace signoff

namespace signoff::services {

// Logout runs for the console and signoffctl alike: plans a scope (sessions, RPs and the lint's
// prediction), starts runs, routes mock RP and relay observations into every live run, commits
// every change (the history) before it is shown, and retries failed deliveries through the IdP.
// The history and the mock RPs are wired in by the composition root (setCommitHook, ingest), so
// this class knows neither.
class LogoutService : public QObject
{
    Q_OBJECT
public:
    LogoutService(ConnectorService *connectors, const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~LogoutService() override;

    // Where retry() finds the profile of a run that is no longer held here (a run from the history).
    void setProfileStore(ProfileStore *profiles);

    // Resolves the scope against the IdP (a user by id or name: ambiguous or unknown is an error
    // naming the candidates, code 2) and predicts every delivery.
    void plan(const Profile &profile, const logout::LogoutScope &scope, QObject *context,
              std::function<void(Result<logout::LogoutPlan>)> done);
    // The same for sessions the caller already holds (the Sessions page's selection).
    void planSessions(const Profile &profile, const QList<IdpSession> &sessions, QObject *context,
                      std::function<void(Result<logout::LogoutPlan>)> done);

    // Starts the run; it lives until finished and a while after (owned by the service).
    logout::LogoutRun *start(logout::LogoutPlan plan, logout::LogoutRun::Options options);
    // Sends the failed / timed-out deliveries of a run again where the IdP can; a new run.
    void retry(const logout::RunInfo &run, const QList<logout::Delivery> &deliveries, QObject *context,
               std::function<void(Result<logout::LogoutRun *>)> done);

    QList<logout::LogoutRun *> liveRuns() const;

    // Every run commits through this before announcing a change (the history's writer); the hook
    // calls committed on this service's thread, where the runs live.
    void setCommitHook(logout::LogoutRun::CommitHook hook);
    // Observations from mock RPs and the relay; each live run takes those that match its ledger.
    void ingest(const QList<logout::OutcomeReport> &reports);

signals:
    void runStarted(signoff::logout::LogoutRun *run);

private:
    struct PlanJob;
    std::shared_ptr<PlanJob> newJob(const Profile &profile, QObject *context,
                                    std::function<void(Result<logout::LogoutPlan>)> done);
    void resolveSessions(const std::shared_ptr<PlanJob> &job);
    void resolveUser(const std::shared_ptr<PlanJob> &job);
    void listSessions(const std::shared_ptr<PlanJob> &job, const SessionQuery &query);
    void predictJob(const std::shared_ptr<PlanJob> &job);
    static Result<logout::LogoutPlan> buildPlan(const PlanJob &job, const ConnectorService::RpReport &report);
    static QStringList notesFor(const logout::LogoutPlan &plan, const QStringList &limitations);
    static logout::LogoutPlan resendPlan(const logout::RunInfo &run, const Profile &profile,
                                         const LogoutSupport &support, const QList<logout::Delivery> &again);
    std::optional<Profile> profileOf(const logout::RunInfo &run) const;
    void pruneFinished();

    ConnectorService *m_connectors;
    const Clock *m_clock;
    ProfileStore *m_profiles = nullptr;
    logout::LogoutRun::CommitHook m_commit;
    QList<QPointer<logout::LogoutRun>> m_runs;
};

} // namespace signoff::services
