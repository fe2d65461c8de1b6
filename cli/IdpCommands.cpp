#include "IdpCommands.h"

#include "core/IsoTime.h"
#include "services/ConnectorService.h"
#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue isoOrNull(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(isoUtcSeconds(t->toSecsSinceEpoch())) : QJsonValue(QJsonValue::Null);
}

QJsonObject rpJson(const ConnectorService::LintedRp &l)
{
    QJsonArray findings;
    for (const LintFinding &f : l.findings)
        findings.append(QJsonObject{{QStringLiteral("code"), f.code},
                                    {QStringLiteral("severity"), severityId(f.severity)},
                                    {QStringLiteral("message"), f.message}});
    return {{QStringLiteral("client_id"), l.rp.clientId},
            {QStringLiteral("name"), l.rp.name},
            {QStringLiteral("backchannel_logout_uri"), orNull(l.rp.backchannelLogoutUri)},
            {QStringLiteral("session_required"), l.rp.sessionRequired},
            {QStringLiteral("enabled"), l.rp.enabled},
            {QStringLiteral("sessions"),
             l.rp.sessionCount ? QJsonValue(double(*l.rp.sessionCount)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("findings"), findings}};
}

QJsonObject sessionJson(const IdpSession &s)
{
    QJsonArray rps;
    for (const SessionRp &rp : s.rps)
        rps.append(QJsonObject{{QStringLiteral("client_id"), rp.clientId},
                               {QStringLiteral("sid"), rp.sid ? QJsonValue(*rp.sid) : QJsonValue(QJsonValue::Null)}});
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("user"), s.userId},
            {QStringLiteral("user_name"), s.userName},
            {QStringLiteral("ip"), s.ip ? QJsonValue(*s.ip) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("started"), isoOrNull(s.started)},
            {QStringLiteral("last_access"), isoOrNull(s.lastAccess)},
            {QStringLiteral("rps"), rps}};
}

void addProfileOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("profile"), Tr::tr("Profile id or name."), QStringLiteral("NAME")});
}
} // namespace

RpsCommand::RpsCommand() = default;
RpsCommand::~RpsCommand() = default;

QString RpsCommand::summary() const
{
    return Tr::tr("List the relying parties with their back-channel settings and what silently breaks logout.");
}

void RpsCommand::setup(QCommandLineParser &p)
{
    addProfileOption(p);
}

std::optional<int> RpsCommand::run(CliContext &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.requireProfile(p.value(QStringLiteral("profile")));
    if (!profile)
        return ExitUsage;
    m_connector = ctx.app().connectors->connect(*profile);
    ctx.app().connectors->relyingParties(
        m_connector.get(), m_connector.get(), [&ctx](Result<ConnectorService::RpReport> report) {
            if (!report) {
                ctx.error(report.errorString());
                ctx.exit(ExitFailure);
                return;
            }
            for (const auto &l : report->rps) {
                if (ctx.json()) {
                    ctx.emitJson(rpJson(l));
                    continue;
                }
                ctx.print(QStringLiteral("%1\t%2\t%3\t%4")
                              .arg(l.rp.clientId,
                                   l.rp.backchannelLogoutUri.isEmpty() ? Tr::tr("(no back-channel URI)")
                                                                       : l.rp.backchannelLogoutUri,
                                   l.rp.sessionCount ? QString::number(*l.rp.sessionCount) : QStringLiteral("?"),
                                   l.rp.name));
                for (const LintFinding &f : l.findings)
                    ctx.print(QStringLiteral("    %1 %2: %3").arg(severityId(f.severity), f.code, f.message));
            }
            ctx.exit(ExitOk);
        });
    return std::nullopt;
}

SessionsCommand::SessionsCommand() = default;
SessionsCommand::~SessionsCommand() = default;

QString SessionsCommand::summary() const
{
    return Tr::tr("List active sessions (every page unless --limit), per RP or per user.");
}

void SessionsCommand::setup(QCommandLineParser &p)
{
    addProfileOption(p);
    p.addOption(
        {QStringLiteral("rp"), Tr::tr("Only sessions that include this client id."), QStringLiteral("CLIENT_ID")});
    p.addOption(
        {QStringLiteral("user"), Tr::tr("Only this user's sessions (id or username)."), QStringLiteral("USER")});
    p.addOption({QStringLiteral("limit"), Tr::tr("Stop after N sessions."), QStringLiteral("N")});
}

std::optional<int> SessionsCommand::run(CliContext &ctx, const QCommandLineParser &p)
{
    const auto profile = ctx.requireProfile(p.value(QStringLiteral("profile")));
    if (!profile)
        return ExitUsage;
    SessionQuery query;
    query.clientId = p.value(QStringLiteral("rp"));
    query.user = p.value(QStringLiteral("user"));
    if (p.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = p.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || query.limit < 1) {
            ctx.error(Tr::tr("--limit must be a positive number"));
            return ExitUsage;
        }
    }
    query.pageSize = 1000;
    m_connector = ctx.app().connectors->connect(*profile);
    auto onPage = [&ctx](const QList<IdpSession> &page, ListProgress) {
        for (const IdpSession &s : page) {
            if (ctx.json()) {
                ctx.emitJsonStreamed(sessionJson(s));
                continue;
            }
            QStringList rps;
            for (const SessionRp &rp : s.rps)
                rps << rp.clientId;
            ctx.printStreamed(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                                  .arg(s.id, s.userName.isEmpty() ? s.userId : s.userName,
                                       s.ip.value_or(QStringLiteral("-")),
                                       s.started ? isoUtcSeconds(s.started->toSecsSinceEpoch()) : QStringLiteral("-"),
                                       rps.join(QLatin1Char(','))));
        }
    };
    m_connector->sessions(query, m_connector.get(), onPage, [&ctx](Status s) {
        if (!s) {
            ctx.error(s.errorString());
            ctx.exit(ExitFailure);
            return;
        }
        ctx.exit(ExitOk);
    });
    return std::nullopt;
}

} // namespace signoff::cli
