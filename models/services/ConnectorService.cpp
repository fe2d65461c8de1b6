#include "ConnectorService.h"

#include "SandboxController.h"
#include "idp/ConnectorFactory.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QPointer>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorService)
};

} // namespace

ConnectorService::ConnectorService(QNetworkAccessManager *nam, SecretStore *secrets, SandboxController *sandbox,
                                   QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_secrets(secrets)
    , m_sandbox(sandbox)
{}

std::unique_ptr<IdpConnector> ConnectorService::connect(const Profile &profile, QObject *parent) const
{
    SecretSource secret;
    if (profile.kind == IdpKind::Sandbox) {
        SandboxController *sandbox = m_sandbox;
        secret = [sandbox](QObject *context, std::function<void(Result<QString>)> done) {
            sandbox->adminSecret(SandboxController::dataDir(sandbox->process()->options()), context,
                                 [done](Result<SandboxAdminSecret> s) {
                                     done(s ? Result<QString>(s->value) : Result<QString>(s.error()));
                                 });
        };
    } else {
        SecretStore *secrets = m_secrets;
        const QString key = profile.secretKey();
        secret = [secrets, key](QObject *context, std::function<void(Result<QString>)> done) {
            secrets->read(key, context, std::move(done));
        };
    }
    auto connector = createConnector(profile, m_nam, secret);
    if (connector)
        connector->setParent(parent);
    return connector;
}

void ConnectorService::relyingParties(IdpConnector *connector, QObject *context,
                                      std::function<void(Result<RpReport>)> done) const
{
    QPointer<IdpConnector> c(connector);
    connector->facts(context, [c, context, done](Result<IdpFacts> facts) {
        if (!facts || !c) {
            done(facts ? Result<RpReport>::failure(Tr::tr("The connection was closed.")) : facts.error());
            return;
        }
        c->relyingParties(context, [facts, done](Result<QList<RelyingParty>> rps) {
            if (!rps) {
                done(rps.error());
                return;
            }
            RpReport report;
            report.facts = facts.value();
            report.rps.reserve(rps->size());
            for (const RelyingParty &rp : rps.value())
                report.rps.append({rp, lintRelyingParty(rp, report.facts)});
            done(report);
        });
    });
}

} // namespace signoff
