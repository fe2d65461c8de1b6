#include "Await.h"
#include "FakeIdpServer.h"
#include "idp/ConnectorFactory.h"
#include "idp/hydra/HydraConnector.h"
#include "idp/keycloak/KeycloakConnector.h"
#include "idp/logto/LogtoConnector.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace signoff;

class TestConnectorFactory : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    static Profile profileOf(IdpKind kind, const QUrl &base = QUrl(QStringLiteral("http://127.0.0.1:1")))
    {
        Profile p;
        p.id = idpKindId(kind);
        p.name = idpKindLabel(kind);
        p.kind = kind;
        p.baseUrl = base;
        p.realm = QStringLiteral("acme");
        p.clientId = QStringLiteral("signoff");
        return p;
    }

private slots:
    void oneConnectorPerKind()
    {
        const auto make = [this](IdpKind kind) { return createConnector(profileOf(kind), &m_nam, secretOf({})); };
        QVERIFY(qobject_cast<SandboxConnector *>(make(IdpKind::Sandbox).get()));
        QVERIFY(qobject_cast<KeycloakConnector *>(make(IdpKind::Keycloak).get()));
        QVERIFY(qobject_cast<LogtoConnector *>(make(IdpKind::Logto).get()));
        QVERIFY(qobject_cast<HydraConnector *>(make(IdpKind::Hydra).get()));
        QVERIFY(make(IdpKind::Logto)->capabilities().testFlag(IdpCapability::SessionsPerRpByWalking));
        QVERIFY(make(IdpKind::Hydra)->capabilities().testFlag(IdpCapability::SessionsPerSubjectOnly));
        QVERIFY(make(IdpKind::Keycloak)->capabilities().testFlag(IdpCapability::SessionsPerRp));
    }

    // The secret reaches the IdP through the source handed to the factory, nowhere else.
    void secretComesFromTheSource()
    {
        FakeIdpServer server;
        QByteArray seen;
        server.setHandler([&seen](const FakeRequest &r) {
            seen = r.header("authorization");
            return FakeResponse::json(QByteArray("[]"));
        });
        QVERIFY(server.listen());
        auto c = createConnector(profileOf(IdpKind::Hydra, server.url()), &m_nam, secretOf(QStringLiteral("k3y")));
        const auto rps = await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c->relyingParties(ctx, done); });
        QVERIFY2(rps.ok(), qPrintable(rps.errorString()));
        QCOMPARE(seen, QByteArray("Bearer k3y"));
    }
};

QTEST_GUILESS_MAIN(TestConnectorFactory)
#include "tst_connectorfactory.moc"
