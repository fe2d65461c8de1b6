#include "ConnectorFactory.h"

#include "idp/hydra/HydraConnector.h"
#include "idp/keycloak/KeycloakConnector.h"
#include "idp/logto/LogtoConnector.h"

namespace signoff {

std::unique_ptr<IdpConnector> createConnector(const Profile &profile, QNetworkAccessManager *nam, SecretSource secret)
{
    switch (profile.kind) {
    case IdpKind::Sandbox:
        return std::make_unique<SandboxConnector>(nam, profile, std::move(secret));
    case IdpKind::Keycloak:
        return std::make_unique<KeycloakConnector>(nam, profile, std::move(secret));
    case IdpKind::Logto:
        return std::make_unique<LogtoConnector>(nam, profile, std::move(secret));
    case IdpKind::Hydra:
        return std::make_unique<HydraConnector>(nam, profile, std::move(secret));
    }
    Q_UNREACHABLE();
    return nullptr;
}

} // namespace signoff
