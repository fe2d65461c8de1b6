#pragma once

#include "core/Result.h"
#include "idp/IdpConnector.h"
#include "idp/RpLint.h"
#include "store/Profile.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace signoff {

class SecretStore;
class SandboxController;

// Connects to a profile's IdP and answers what the Relying parties and Sessions pages and
// `signoffctl rps|sessions|profiles test` show, so each is worked out once: the connector with its
// secret (keychain; the sandbox's from SandboxController), RPs together with their lint.
class ConnectorService : public QObject
{
    Q_OBJECT
public:
    struct LintedRp
    {
        RelyingParty rp;
        QList<LintFinding> findings;
    };
    struct RpReport
    {
        IdpFacts facts;
        QList<LintedRp> rps;
    };

    ConnectorService(QNetworkAccessManager *nam, SecretStore *secrets, SandboxController *sandbox,
                     QObject *parent = nullptr);

    // A connector for the profile, owned by parent; its secret is read when first needed.
    std::unique_ptr<IdpConnector> connect(const Profile &profile, QObject *parent = nullptr) const;

    // The IdP's facts and every RP with its findings, RPs in the IdP's order.
    void relyingParties(IdpConnector *connector, QObject *context, std::function<void(Result<RpReport>)> done) const;

private:
    QNetworkAccessManager *m_nam;
    SecretStore *m_secrets;
    SandboxController *m_sandbox;
};

} // namespace signoff
