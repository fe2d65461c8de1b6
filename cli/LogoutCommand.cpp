#include "LogoutCommand.h"

#include "logout/LogoutRun.h"
#include "services/LogoutService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace signoff::cli {

using namespace signoff::logout;

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

constexpr int kMaxConcurrency = 256;

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject deliveryJson(const Delivery &d)
{
    return {{QStringLiteral("type"), QStringLiteral("delivery")},
            {QStringLiteral("run"), d.runId},
            {QStringLiteral("session"), d.sessionId},
            {QStringLiteral("user"), d.userId},
            {QStringLiteral("user_name"), orNull(d.userName)},
            {QStringLiteral("client_id"), d.clientId},
            {QStringLiteral("sid"), orNull(d.sid)},
            {QStringLiteral("state"), deliveryStateId(d.state)},
            {QStringLiteral("http_status"), d.httpStatus ? QJsonValue(*d.httpStatus) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("latency_ms"), d.latencyMs ? QJsonValue(*d.latencyMs) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("error"), orNull(d.error)},
            {QStringLiteral("source"), outcomeSourceId(d.source)},
            {QStringLiteral("sources"), QJsonArray::fromStringList(d.sources)},
            {QStringLiteral("token_jti"), orNull(d.tokenJti)}};
}

QJsonObject summaryJson(const LogoutRun &run)
{
    const RunInfo &info = run.info();
    QJsonArray rps;
    for (const RpSummary &s : run.ledger().rpSummaries()) {
        QJsonObject o = s.counts.toJson();
        o.insert(QStringLiteral("client_id"), s.clientId);
        o.insert(QStringLiteral("p50_ms"), s.p50Ms ? QJsonValue(*s.p50Ms) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("p95_ms"), s.p95Ms ? QJsonValue(*s.p95Ms) : QJsonValue(QJsonValue::Null));
        rps.append(o);
    }
    return {{QStringLiteral("type"), QStringLiteral("summary")},
            {QStringLiteral("run"), info.id},
            {QStringLiteral("status"), runStatusId(info.status)},
            {QStringLiteral("profile"), info.profileName},
            {QStringLiteral("idp"), info.idpKind},
            {QStringLiteral("scope"), LogoutScope::kindId(info.scope.kind)},
            {QStringLiteral("sessions"), info.sessions},
            {QStringLiteral("users"), info.users},
            {QStringLiteral("concurrency"), info.concurrency},
            {QStringLiteral("counts"), info.counts.toJson()},
            {QStringLiteral("rps"), rps},
            {QStringLiteral("idp_runs"), QJsonArray::fromStringList(info.idpRunIds)},
            {QStringLiteral("started"), info.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("finished"), info.finishedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("duration_ms"), double(info.startedAt.msecsTo(info.finishedAt))},
            {QStringLiteral("error"), orNull(info.error)}};
}

QString deliveryLine(const Delivery &d)
{
    return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\t%7")
        .arg(deliveryStateId(d.state), d.clientId, d.sessionId, d.userName.isEmpty() ? d.userId : d.userName,
             d.httpStatus ? QString::number(*d.httpStatus) : QStringLiteral("-"),
             d.latencyMs ? QStringLiteral("%1 ms").arg(*d.latencyMs, 0, 'f', 1) : QStringLiteral("-"),
             d.error.isEmpty() ? outcomeSourceId(d.source)
                               : QStringLiteral("%1: %2").arg(outcomeSourceId(d.source), d.error));
}

// 0 when everything expected was delivered or skipped; 3 when anything was not confirmed or the
// run was cancelled (what was asked did not fully happen); 1 when the run itself failed.
int exitCodeOf(const RunInfo &info)
{
    if (info.status == RunStatus::Failed)
        return ExitFailure;
    const StateCounts &c = info.counts;
    if (info.status == RunStatus::Cancelled || c.pending + c.failed + c.timedOut + c.unconfirmed > 0)
        return 3;
    return ExitOk;
}
} // namespace

QString LogoutCommand::summary() const
{
    return Tr::tr("Force logout of sessions, a user or every session of an RP, and report every RP's delivery.");
}

void LogoutCommand::setup(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("profile"), Tr::tr("Profile id or name."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("session"), Tr::tr("A session to end (repeat for several)."), QStringLiteral("ID")});
    p.addOption(
        {QStringLiteral("user"), Tr::tr("End every session of this user (id or username)."), QStringLiteral("USER")});
    p.addOption(
        {QStringLiteral("rp"), Tr::tr("End every session that includes this client id."), QStringLiteral("CLIENT_ID")});
    p.addOption({QStringLiteral("yes"), Tr::tr("Do not ask for confirmation (required without a terminal).")});
    p.addOption(
        {QStringLiteral("concurrency"),
         Tr::tr("Logout calls in flight, or the IdP's own parallelism (1..%1, default 8).").arg(kMaxConcurrency),
         QStringLiteral("N")});
}

std::optional<LogoutScope> LogoutCommand::scopeFrom(CliContext &ctx, const QCommandLineParser &p) const
{
    const QStringList sessions = p.values(QStringLiteral("session"));
    const QString user = p.value(QStringLiteral("user"));
    const QString rp = p.value(QStringLiteral("rp"));
    const int given =
        int(!sessions.isEmpty()) + int(p.isSet(QStringLiteral("user"))) + int(p.isSet(QStringLiteral("rp")));
    if (given != 1) {
        ctx.error(Tr::tr("give exactly one of --session ID..., --user USER or --rp CLIENT_ID"));
        return std::nullopt;
    }
    LogoutScope scope;
    if (!sessions.isEmpty()) {
        scope.kind = LogoutScope::Kind::Sessions;
        for (const QString &s : sessions) {
            if (s.trimmed().isEmpty() || scope.sessionIds.contains(s))
                continue;
            scope.sessionIds << s;
        }
        if (scope.sessionIds.isEmpty()) {
            ctx.error(Tr::tr("--session needs a session id"));
            return std::nullopt;
        }
    } else if (p.isSet(QStringLiteral("user"))) {
        scope.kind = LogoutScope::Kind::User;
        scope.user = user.trimmed();
    } else {
        scope.kind = LogoutScope::Kind::RelyingParty;
        scope.clientId = rp.trimmed();
    }
    if ((scope.kind == LogoutScope::Kind::User && scope.user.isEmpty()) ||
        (scope.kind == LogoutScope::Kind::RelyingParty && scope.clientId.isEmpty())) {
        ctx.error(Tr::tr("--user and --rp need a value"));
        return std::nullopt;
    }
    return scope;
}

std::optional<int> LogoutCommand::run(CliContext &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.requireProfile(p.value(QStringLiteral("profile")));
    if (!profile)
        return ExitUsage;
    const auto scope = scopeFrom(ctx, p);
    if (!scope)
        return ExitUsage;
    m_yes = p.isSet(QStringLiteral("yes"));
    if (p.isSet(QStringLiteral("concurrency"))) {
        bool ok = false;
        m_concurrency = p.value(QStringLiteral("concurrency")).toInt(&ok);
        if (!ok || m_concurrency < 1 || m_concurrency > kMaxConcurrency) {
            ctx.error(Tr::tr("--concurrency must be a number from 1 to %1").arg(kMaxConcurrency));
            return ExitUsage;
        }
    }
    // Refused before anything is asked of the IdP: a script must say --yes.
    if (!m_yes && !ctx.stdinIsTty()) {
        ctx.error(Tr::tr("refusing to log out without confirmation: no terminal to ask on; add --yes"));
        return ExitUsage;
    }
    services::LogoutService *service = ctx.app().logout;
    if (!service) {
        ctx.error(Tr::tr("logout is not available in this build"));
        return ExitFailure;
    }
    service->plan(*profile, *scope, &m_context,
                  [this, &ctx](Result<LogoutPlan> plan) { planned(ctx, std::move(plan)); });
    return std::nullopt;
}

void LogoutCommand::planned(CliContext &ctx, Result<LogoutPlan> plan)
{
    if (!plan) {
        ctx.error(plan.errorString());
        ctx.exit(plan.error().code == ExitUsage ? ExitUsage : ExitFailure);
        return;
    }
    if (!m_yes && !plan->sessions.isEmpty() && !confirm(ctx, plan.value())) {
        ctx.error(Tr::tr("not confirmed; nothing was sent"));
        ctx.exit(ExitUsage);
        return;
    }
    startRun(ctx, std::move(plan).value());
}

void LogoutCommand::printPlan(QTextStream &err, const LogoutPlan &plan) const
{
    err << Tr::tr("Log out %n session(s)", nullptr, int(plan.sessions.size()))
        << Tr::tr(" of %n user(s)", nullptr, plan.users)
        << Tr::tr(" on %1 (%2): %3").arg(plan.profile.name, idpKindId(plan.profile.kind), plan.scope.describe())
        << '\n';
    for (const LogoutPlan::RpPrediction &rp : plan.rps) {
        const QString what = rp.notified ? Tr::tr("will be notified") : Tr::tr("NOT notified: %1").arg(rp.reason);
        err << QStringLiteral("  %1  %2  %3\n")
                   .arg(rp.clientId, -24)
                   .arg(Tr::tr("%n session(s)", nullptr, rp.sessions), -14)
                   .arg(what);
    }
    for (const QString &note : plan.notes)
        err << QStringLiteral("  * ") << note << '\n';
}

bool LogoutCommand::confirm(CliContext &, const LogoutPlan &plan) const
{
    QTextStream err(stderr);
    printPlan(err, plan);
    const QString count = QString::number(plan.sessions.size());
    if (plan.needsTypedCount())
        err << Tr::tr("Type the number of sessions (%1) to proceed: ").arg(count);
    else
        err << Tr::tr("Proceed? [y/N] ");
    err.flush();
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed();
    if (plan.needsTypedCount())
        return answer == count;
    return answer.compare(QLatin1String("y"), Qt::CaseInsensitive) == 0 ||
           answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}

void LogoutCommand::startRun(CliContext &ctx, LogoutPlan plan)
{
    LogoutRun::Options options;
    options.concurrency = m_concurrency;
    m_run = ctx.app().logout->start(std::move(plan), options);
    LogoutRun *run = m_run;
    // Printed only from deliveriesChanged: what the CLI shows has been committed first.
    QObject::connect(run, &LogoutRun::deliveriesChanged, &m_context,
                     [this, &ctx](const QList<int> &rows) { printChanged(ctx, rows); });
    QObject::connect(run, &LogoutRun::notice, &m_context, [&ctx](const QString &message) { ctx.error(message); });
    QObject::connect(run, &LogoutRun::finished, &m_context, [this, &ctx] { finish(ctx); });
    armStop(ctx);
}

// Ctrl+C cancels (what was sent is still reported); a second Ctrl+C stops waiting for that.
void LogoutCommand::armStop(CliContext &ctx)
{
    ctx.onStopSignal(&m_context, [this, &ctx] {
        if (!m_run)
            return;
        m_run->cancel();
        if (m_run && m_run->isActive()) {
            ctx.error(Tr::tr("cancelled: waiting for what was sent to be reported (Ctrl+C again to stop waiting)"));
            armStop(ctx);
        }
    });
}

void LogoutCommand::printChanged(CliContext &ctx, const QList<int> &rows)
{
    if (!m_run)
        return;
    for (const int row : rows) {
        const Delivery &d = m_run->ledger().at(row);
        if (!isFinal(d.state) || m_printed.contains(row))
            continue;
        m_printed.insert(row);
        if (ctx.json())
            ctx.emitJsonStreamed(deliveryJson(d));
        else
            ctx.printStreamed(deliveryLine(d));
    }
}

void LogoutCommand::finish(CliContext &ctx)
{
    if (!m_run)
        return;
    const RunInfo &info = m_run->info();
    if (ctx.json()) {
        ctx.emitJson(summaryJson(*m_run));
    } else {
        const StateCounts &c = info.counts;
        ctx.print(Tr::tr("Run %1 %2: %3 expected, %4 delivered, %5 failed, %6 timed out, %7 skipped, %8 unconfirmed")
                      .arg(info.id, runStatusId(info.status))
                      .arg(c.total())
                      .arg(c.delivered)
                      .arg(c.failed)
                      .arg(c.timedOut)
                      .arg(c.skipped)
                      .arg(c.unconfirmed));
        for (const RpSummary &s : m_run->ledger().rpSummaries())
            ctx.print(QStringLiteral(
                          "  %1  delivered %2  failed %3  timed out %4  skipped %5  unconfirmed %6  p50 %7  p95 %8")
                          .arg(s.clientId, -24)
                          .arg(s.counts.delivered)
                          .arg(s.counts.failed)
                          .arg(s.counts.timedOut)
                          .arg(s.counts.skipped)
                          .arg(s.counts.unconfirmed)
                          .arg(s.p50Ms ? QStringLiteral("%1 ms").arg(*s.p50Ms, 0, 'f', 1) : QStringLiteral("-"))
                          .arg(s.p95Ms ? QStringLiteral("%1 ms").arg(*s.p95Ms, 0, 'f', 1) : QStringLiteral("-")));
        if (!info.error.isEmpty() && info.status != RunStatus::Failed)
            ctx.print(info.error);
    }
    if (info.status == RunStatus::Failed)
        ctx.error(info.error);
    ctx.exit(exitCodeOf(info));
}

} // namespace signoff::cli
