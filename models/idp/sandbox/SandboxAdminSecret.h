#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

class QObject;

namespace signoff {

class SecretStore;

// The built-in Sandbox profile's admin client secret. Signoff makes it (random, 256 bit) the
// first time, keeps it in the keychain under the sandbox profile's key like any other secret,
// and hands it to the sandbox process through its environment.
QString sandboxSecretKey();
void ensureSandboxAdminSecret(SecretStore *secrets, QObject *context, std::function<void(Result<QString>)> done);
Result<QString> ensureSandboxAdminSecretSync(SecretStore *secrets);

} // namespace signoff
