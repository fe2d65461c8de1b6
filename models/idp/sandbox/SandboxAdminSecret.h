#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

class QObject;

namespace signoff {

class SecretStore;

// The built-in Sandbox profile's admin client secret. Signoff makes it (random, 256 bit) the
// first time and keeps it in the keychain under the sandbox profile's key like any other secret;
// the sandbox receives it through its environment. The sandbox guards a throwaway IdP on
// loopback, so where no Secret Service is reachable at all (a CI runner, a server over SSH) the
// secret is kept instead where the sandbox itself keeps it: <data>/admin-secret, mode 0600 in a
// 0700 folder. Secrets of real profiles never take that path.
struct SandboxAdminSecret
{
    QString value;
    bool inKeychain = true;
    QString location; // "keychain (profile/sandbox)" or the file's path, for messages
};

QString sandboxSecretKey();
void resolveSandboxAdminSecret(SecretStore *secrets, const QString &dataDir, QObject *context,
                               std::function<void(Result<SandboxAdminSecret>)> done);
// <dataDir>/admin-secret, created (0600, atomically, folder 0700) when missing; the same file and
// format sandbox/lib/keys.js uses.
Result<QString> loadOrCreateSandboxSecretFile(const QString &dataDir);
// Creates dir with mode 0700, or tightens an existing one to 0700.
Status ensurePrivateDir(const QString &dir);

} // namespace signoff
