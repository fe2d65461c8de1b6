#include "ConnectorService.h"

#include "SandboxController.h"
#include "idp/sandbox/SandboxConnector.h"
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

class UnsupportedConnector : public IdpConnector
{
public:
    UnsupportedConnector(const Profile &p, QObject *parent)
        : IdpConnector(parent)
        , m_error(Tr::tr("Signoff has no %1 connector yet.").arg(idpKindLabel(p.kind)))
    {}
    IdpCapabilities capabilities() const override { return {}; }
    QStringList limitations() const override { return {m_error}; }
    template <typename T> void fail(QObject *c, Done<T> done) const
    {
        QMetaObject::invokeMethod(
            c, [done, e = m_error] { done(Result<T>::failure(e)); }, Qt::QueuedConnection);
    }
    void testConnection(QObject *c, Done<ConnectionReport> d) override { fail(c, d); }
    void facts(QObject *c, Done<IdpFacts> d) override { fail(c, d); }
    void relyingParties(QObject *c, Done<QList<RelyingParty>> d) override { fail(c, d); }
    void users(const QString &, int, QObject *c, Done<QList<IdpUser>> d) override { fail(c, d); }
    void sessions(const SessionQuery &, QObject *c, PageCallback, StatusCallback d) override
    {
        QMetaObject::invokeMethod(
            c, [d, e = m_error] { d(Status::failure(e)); }, Qt::QueuedConnection);
    }

private:
    QString m_error;
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
    if (profile.kind == IdpKind::Sandbox) {
        SandboxController *sandbox = m_sandbox;
        auto secret = [sandbox](QObject *context, std::function<void(Result<QString>)> done) {
            sandbox->adminSecret(SandboxController::dataDir(sandbox->process()->options()), context,
                                 [done](Result<SandboxAdminSecret> s) {
                                     done(s ? Result<QString>(s->value) : Result<QString>(s.error()));
                                 });
        };
        return std::make_unique<SandboxConnector>(m_nam, profile, secret, parent);
    }
    return std::make_unique<UnsupportedConnector>(profile, parent);
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
