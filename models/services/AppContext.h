#pragma once

#include <QString>

class QNetworkAccessManager;
class QSettings;

namespace signoff {

class ProfileStore;
class SecretStore;
class ProfileService;
class SandboxController;
class ConnectorService;
class HistoryStore;
namespace services {
class MockRpWorkspace;
class LogoutService;
} // namespace services

// The long-lived objects the composition root makes once. Pages and signoffctl's commands take
// what they need from here instead of growing constructor lists; nothing below app/ creates these.
struct AppContext
{
    QSettings *settings = nullptr;
    QNetworkAccessManager *nam = nullptr;
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr;
    ProfileService *profileService = nullptr;
    SandboxController *sandbox = nullptr;
    ConnectorService *connectors = nullptr;
    HistoryStore *history = nullptr;              // null when the history could not be opened (said so)
    QString historyError;                         // why history is null
    services::MockRpWorkspace *mockRps = nullptr; // the Mock RPs page's endpoints
    services::LogoutService *logout = nullptr;
};

} // namespace signoff
