#pragma once

#include "idp/IdpConnector.h"
#include "idp/sandbox/SandboxConnector.h"
#include "store/Profile.h"

#include <memory>

class QNetworkAccessManager;

namespace signoff {

// Obtains the profile's secret (keychain, env var, file): the same shape for every connector.
using SecretSource = SandboxConnector::SecretSource;

// The connector for a profile's IdP kind. The network manager is handed in and must outlive it.
std::unique_ptr<IdpConnector> createConnector(const Profile &profile, QNetworkAccessManager *nam, SecretSource secret);

} // namespace signoff
