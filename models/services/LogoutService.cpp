#include "LogoutService.h"

#include "ConnectorService.h"
#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <memory>

namespace signoff::services {

using namespace signoff::logout;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LogoutService)
};

// An error code the CLI maps to "bad input" (exit 2): the scope names nothing usable.
constexpr int kBadScope = 2;
// Finished runs stay reachable (late mock RP reports, the Deliveries page) until this many newer
// ones finished.
constexpr int kKeepFinished = 20;

// Findings that mean the IdP will not post a logout token to the RP at all.
bool stopsDelivery(const LintFinding &f)
{
    static const QSet<QString> codes{
        QStringLiteral("no_backchannel_uri"),        QStringLiteral("frontchannel_overrides_backchannel"),
        QStringLiteral("private_address_refused"),   QStringLiteral("invalid_uri"),
        QStringLiteral("relative_uri_without_root"), QStringLiteral("discovery_no_backchannel")};
    return f.severity == LintFinding::Severity::Error && codes.contains(f.code);
}

struct Prediction
{
    bool notified = true;
    QString reason;
    QStringList codes;
};

Prediction predict(const ConnectorService::LintedRp &rp, const LogoutSupport &support, IdpKind kind)
{
    Prediction p;
    if (!support.sendsTokens) {
        p.notified = false;
        p.reason = support.noTokensReason;
        return p;
    }
    for (const LintFinding &f : rp.findings) {
        if (stopsDelivery(f)) {
            p.codes << f.code;
            if (p.reason.isEmpty())
                p.reason = f.message;
        }
    }
    // Keycloak sends nothing to a disabled client (a warning in the lint: it is not wrong as such).
    if (kind == IdpKind::Keycloak && !rp.rp.enabled) {
        p.codes << QStringLiteral("client_disabled");
        if (p.reason.isEmpty())
            p.reason = Tr::tr("the client is disabled");
    }
    p.notified = p.codes.isEmpty();
    return p;
}

QString userLabel(const IdpUser &u)
{
    return u.userName.isEmpty() || u.userName == u.id ? u.id : QStringLiteral("%1 (%2)").arg(u.userName, u.id);
}

// The user the administrator meant among the IdP's search results: the id exactly, else the
// username (case does not matter to people). nullopt: no exact match among them.
std::optional<Result<IdpUser>> pickUser(const QString &wanted, const QList<IdpUser> &candidates)
{
    for (const IdpUser &u : candidates) {
        if (u.id == wanted)
            return Result<IdpUser>(u);
    }
    QList<IdpUser> byName;
    for (const IdpUser &u : candidates) {
        if (u.userName.compare(wanted, Qt::CaseInsensitive) == 0)
            byName.append(u);
    }
    if (byName.size() == 1)
        return Result<IdpUser>(byName.first());
    if (byName.isEmpty())
        return std::nullopt;
    QStringList labels;
    for (const IdpUser &u : byName)
        labels << userLabel(u);
    return Result<IdpUser>(Error{
        Tr::tr("\"%1\" names more than one user: %2.").arg(wanted, labels.join(QStringLiteral(", "))), kBadScope});
}

Error noSuchUser(const QString &wanted, const QList<IdpUser> &candidates)
{
    if (candidates.isEmpty())
        return {Tr::tr("No such user: %1.").arg(wanted), kBadScope};
    QStringList labels;
    for (const IdpUser &u : candidates)
        labels << userLabel(u);
    return {Tr::tr("No user is exactly \"%1\"; candidates: %2.").arg(wanted, labels.join(QStringLiteral(", "))),
            kBadScope};
}
} // namespace

// One plan in the making: the connector it uses and where the answer goes.
struct LogoutService::PlanJob
{
    Profile profile;
    LogoutScope scope;
    IdpConnector *connector = nullptr;
    QPointer<QObject> context;
    std::function<void(Result<LogoutPlan>)> done;
    QList<IdpSession> sessions;
    QStringList notes;

    void finish(Result<LogoutPlan> result)
    {
        if (connector)
            connector->deleteLater();
        connector = nullptr;
        if (context && done)
            done(std::move(result));
        done = nullptr;
    }
};

LogoutService::LogoutService(ConnectorService *connectors, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_connectors(connectors)
    , m_clock(clock)
{}

LogoutService::~LogoutService() = default;

void LogoutService::setProfileStore(ProfileStore *profiles)
{
    m_profiles = profiles;
}

std::shared_ptr<LogoutService::PlanJob> LogoutService::newJob(const Profile &profile, QObject *context,
                                                              std::function<void(Result<LogoutPlan>)> done)
{
    auto job = std::make_shared<PlanJob>();
    job->profile = profile;
    job->context = context;
    job->done = std::move(done);
    job->connector = m_connectors->connect(profile, this).release();
    return job;
}

void LogoutService::plan(const Profile &profile, const LogoutScope &scope, QObject *context,
                         std::function<void(Result<LogoutPlan>)> done)
{
    auto job = newJob(profile, context, std::move(done));
    job->scope = scope;
    if (!job->connector) {
        job->finish(Error{Tr::tr("No connector for profile %1.").arg(profile.name)});
        return;
    }
    switch (scope.kind) {
    case LogoutScope::Kind::Sessions:
        resolveSessions(job);
        return;
    case LogoutScope::Kind::User:
        resolveUser(job);
        return;
    case LogoutScope::Kind::RelyingParty:
        listSessions(job, SessionQuery{scope.clientId, {}, 0, 1000});
        return;
    }
}

void LogoutService::planSessions(const Profile &profile, const QList<IdpSession> &sessions, QObject *context,
                                 std::function<void(Result<LogoutPlan>)> done)
{
    auto job = newJob(profile, context, std::move(done));
    job->scope.kind = LogoutScope::Kind::Sessions;
    for (const IdpSession &s : sessions)
        job->scope.sessionIds << s.id;
    job->sessions = sessions;
    if (!job->connector) {
        job->finish(Error{Tr::tr("No connector for profile %1.").arg(profile.name)});
        return;
    }
    predictJob(job);
}

void LogoutService::resolveSessions(const std::shared_ptr<PlanJob> &job)
{
    const QStringList ids = job->scope.sessionIds;
    job->connector->sessionsById(ids, job->connector, [this, job, ids](Result<QList<IdpSession>> found) {
        if (!found) {
            job->finish(found.error());
            return;
        }
        job->sessions = found.value();
        QSet<QString> have;
        for (const IdpSession &s : std::as_const(job->sessions))
            have.insert(s.id);
        QStringList missing;
        for (const QString &id : ids) {
            if (!have.contains(id))
                missing << id;
        }
        if (job->sessions.isEmpty()) {
            job->finish(
                Error{Tr::tr("No such session at the IdP: %1.").arg(missing.join(QStringLiteral(", "))), kBadScope});
            return;
        }
        if (!missing.isEmpty())
            job->notes << Tr::tr("%n session(s) no longer exist at the IdP: %1", nullptr, int(missing.size()))
                              .arg(missing.join(QStringLiteral(", ")));
        predictJob(job);
    });
}

void LogoutService::resolveUser(const std::shared_ptr<PlanJob> &job)
{
    const QString wanted = job->scope.user;
    job->connector->users(wanted, 50, job->connector, [this, job, wanted](Result<QList<IdpUser>> users) {
        if (!users) {
            job->finish(users.error());
            return;
        }
        const auto picked = pickUser(wanted, users.value());
        if (picked && !*picked) {
            job->finish(picked->error());
            return;
        }
        if (picked) {
            listSessions(job, SessionQuery{{}, (*picked)->id, 0, 1000});
            return;
        }
        if (!users->isEmpty()) {
            job->finish(noSuchUser(wanted, users.value()));
            return;
        }
        // An IdP's search may not look at ids (Keycloak's does not): its own lookup by id or
        // exact name decides, and an unknown user is bad input.
        job->connector->sessions(
            SessionQuery{{}, wanted, 0, 1000}, job->connector,
            [job](const QList<IdpSession> &page, ListProgress) { job->sessions.append(page); },
            [this, job, wanted](Status status) {
                if (!status) {
                    job->finish(status.error().code == 404 ? noSuchUser(wanted, {}) : status.error());
                    return;
                }
                // Some IdPs answer an unknown user with an empty list: nobody found by search and
                // no session under that id is no user to log out.
                if (job->sessions.isEmpty()) {
                    job->finish(noSuchUser(wanted, {}));
                    return;
                }
                predictJob(job);
            });
    });
}

void LogoutService::listSessions(const std::shared_ptr<PlanJob> &job, const SessionQuery &query)
{
    job->connector->sessions(
        query, job->connector, [job](const QList<IdpSession> &page, ListProgress) { job->sessions.append(page); },
        [this, job](Status status) {
            if (!status) {
                job->finish(status.error());
                return;
            }
            predictJob(job);
        });
}

void LogoutService::predictJob(const std::shared_ptr<PlanJob> &job)
{
    m_connectors->relyingParties(job->connector, job->connector, [job](Result<ConnectorService::RpReport> report) {
        if (!report) {
            job->finish(report.error());
            return;
        }
        job->finish(buildPlan(*job, report.value()));
    });
}

Result<LogoutPlan> LogoutService::buildPlan(const PlanJob &job, const ConnectorService::RpReport &report)
{
    LogoutPlan plan;
    plan.profile = job.profile;
    plan.scope = job.scope;
    plan.facts = report.facts;
    plan.support = job.connector->logoutSupport();
    plan.sessions = job.sessions;
    plan.notes = job.notes;

    QHash<QString, int> rpIndex;
    for (int i = 0; i < report.rps.size(); ++i)
        rpIndex.insert(report.rps.at(i).rp.clientId, i);
    if (job.scope.kind == LogoutScope::Kind::RelyingParty && !rpIndex.contains(job.scope.clientId))
        return Error{Tr::tr("No relying party with client id %1.").arg(job.scope.clientId), kBadScope};

    QHash<QString, int> predictionIndex;
    QSet<QString> users;
    for (const IdpSession &s : job.sessions) {
        users.insert(s.userId);
        for (const SessionRp &rp : s.rps) {
            Delivery d;
            d.sessionId = s.id;
            d.userId = s.userId;
            d.userName = s.userName;
            d.clientId = rp.clientId;
            d.sid = rp.sid.value_or(QString());
            Prediction p;
            QString name;
            if (const auto it = rpIndex.constFind(rp.clientId); it != rpIndex.cend()) {
                p = predict(report.rps.at(*it), plan.support, job.profile.kind);
                name = report.rps.at(*it).rp.name;
            } else if (!plan.support.sendsTokens) {
                p = predict({}, plan.support, job.profile.kind);
            }
            if (!p.notified) {
                d.state = DeliveryState::Skipped;
                d.source = OutcomeSource::Prediction;
                d.error = p.reason;
            }
            plan.deliveries.append(d);
            auto at = predictionIndex.constFind(rp.clientId);
            if (at == predictionIndex.cend()) {
                at = predictionIndex.insert(rp.clientId, int(plan.rps.size()));
                plan.rps.append({rp.clientId, name, 0, p.notified, p.reason, p.codes});
            }
            ++plan.rps[*at].sessions;
        }
    }
    std::sort(plan.rps.begin(), plan.rps.end(), [&rpIndex](const auto &a, const auto &b) {
        return rpIndex.value(a.clientId, INT_MAX) < rpIndex.value(b.clientId, INT_MAX);
    });
    plan.users = int(users.size());
    plan.notes << notesFor(plan, job.connector->limitations());
    return plan;
}

QStringList LogoutService::notesFor(const LogoutPlan &plan, const QStringList &limitations)
{
    QStringList notes;
    const QString kind = idpKindLabel(plan.profile.kind);
    if (!plan.support.endsSessions)
        notes << plan.support.noTokensReason;
    else if (!plan.support.sendsTokens)
        notes << plan.support.noTokensReason;
    else if (!plan.support.reportsOutcomes)
        notes << Tr::tr("%1 does not report back-channel results: a delivery it attempts stays \"unconfirmed\" "
                        "unless a mock RP or the relay sees it.")
                     .arg(kind);
    for (const QString &l : limitations) {
        if (!notes.contains(l))
            notes << l;
    }
    return notes;
}

LogoutRun *LogoutService::start(LogoutPlan plan, LogoutRun::Options options)
{
    std::unique_ptr<IdpConnector> connector = m_connectors->connect(plan.profile);
    auto commit = [this](const RunInfo &run, const QList<Delivery> &changed, LogoutRun::Committed committed) {
        if (m_commit)
            m_commit(run, changed, std::move(committed));
        else
            committed(Status());
    };
    auto *run = new LogoutRun(connector.get(), std::move(plan), options, commit, this);
    if (connector)
        connector.release()->setParent(run);
    m_runs.append(run);
    connect(run, &LogoutRun::finished, this, [this] { pruneFinished(); });
    emit runStarted(run);
    run->start();
    return run;
}

void LogoutService::pruneFinished()
{
    int finished = 0;
    for (qsizetype i = m_runs.size() - 1; i >= 0; --i) {
        LogoutRun *run = m_runs.at(i);
        if (!run) {
            m_runs.removeAt(i);
            continue;
        }
        if (run->isActive())
            continue;
        if (++finished > kKeepFinished) {
            m_runs.removeAt(i);
            run->deleteLater();
        }
    }
}

void LogoutService::retry(const RunInfo &run, const QList<Delivery> &deliveries, QObject *context,
                          std::function<void(Result<LogoutRun *>)> done)
{
    auto answer = [context, done](Result<LogoutRun *> r) {
        QMetaObject::invokeMethod(
            context, [done, r] { done(r); }, Qt::QueuedConnection);
    };
    QList<Delivery> again;
    for (const Delivery &d : deliveries) {
        if (d.state == DeliveryState::Failed || d.state == DeliveryState::TimedOut)
            again.append(d);
    }
    if (again.isEmpty()) {
        answer(Error{Tr::tr("Nothing to retry: no delivery of this run failed or timed out."), kBadScope});
        return;
    }
    const std::optional<Profile> profile = profileOf(run);
    if (!profile) {
        answer(Error{Tr::tr("The profile of run %1 no longer exists.").arg(run.id)});
        return;
    }
    std::unique_ptr<IdpConnector> probe = m_connectors->connect(*profile);
    const LogoutSupport support = probe ? probe->logoutSupport() : LogoutSupport{};
    if (!support.canResend) {
        answer(Error{support.resendAdvice});
        return;
    }
    answer(start(resendPlan(run, *profile, support, again), LogoutRun::Options{}));
}

LogoutPlan LogoutService::resendPlan(const RunInfo &run, const Profile &profile, const LogoutSupport &support,
                                     const QList<Delivery> &again)
{
    LogoutPlan plan;
    plan.profile = profile;
    plan.support = support;
    plan.resend = true;
    plan.scope.kind = LogoutScope::Kind::Sessions;
    QSet<QString> users;
    for (const Delivery &old : again) {
        Delivery d;
        d.sessionId = old.sessionId;
        d.userId = old.userId;
        d.userName = old.userName;
        d.clientId = old.clientId;
        d.sid = old.sid;
        plan.deliveries.append(d);
        users.insert(d.userId);
        if (!plan.scope.sessionIds.contains(d.sessionId))
            plan.scope.sessionIds << d.sessionId;
    }
    plan.users = int(users.size());
    plan.notes << Tr::tr("Retry of run %1: %n delivery(ies) sent again.", nullptr, int(again.size())).arg(run.id);
    return plan;
}

std::optional<Profile> LogoutService::profileOf(const RunInfo &run) const
{
    for (LogoutRun *live : m_runs) {
        if (live && live->info().id == run.id)
            return live->plan().profile;
    }
    if (m_profiles)
        return m_profiles->find(run.profileId.isEmpty() ? run.profileName : run.profileId);
    return std::nullopt;
}

QList<LogoutRun *> LogoutService::liveRuns() const
{
    QList<LogoutRun *> runs;
    for (LogoutRun *run : m_runs) {
        if (run)
            runs.append(run);
    }
    return runs;
}

void LogoutService::setCommitHook(LogoutRun::CommitHook hook)
{
    m_commit = std::move(hook);
}

void LogoutService::ingest(const QList<OutcomeReport> &reports)
{
    for (LogoutRun *run : liveRuns())
        run->ingest(reports);
}

} // namespace signoff::services
