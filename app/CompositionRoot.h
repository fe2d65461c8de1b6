#pragma once

#include <QString>

#include <memory>

class QCoreApplication;
class QNetworkAccessManager;
class QSettings;

namespace signoff {

class ProfileStore;
class SecretStore;
class SandboxProcess;

// Creates the long-lived objects once and hands them down: the one network manager, the
// settings, the profile store, the keychain. Nothing below app/ creates these itself.
struct CompositionRoot
{
    explicit CompositionRoot(QCoreApplication &app);
    ~CompositionRoot();

    QSettings *settings = nullptr;
    QNetworkAccessManager *nam = nullptr;
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
    SandboxProcess *sandbox = nullptr; // started on demand by the Sandbox profile
    QString language;                  // the language in use after installing translators
};

} // namespace signoff
