#include "CompositionRoot.h"

#include "core/Translations.h"
#include "idp/sandbox/SandboxProcess.h"
#include "services/ConnectorService.h"
#include "services/LogoutService.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSettings>

void signoffLinkTranslations();

namespace signoff {

CompositionRoot::CompositionRoot(QCoreApplication &app)
{
    signoffLinkTranslations();
    QCoreApplication::setOrganizationName(QStringLiteral("Signoff"));
    QCoreApplication::setApplicationName(QStringLiteral("Signoff"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGNOFF_VERSION));

    // INI in the user's config folder ($XDG_CONFIG_HOME/Signoff/Signoff.ini): readable, so
    // anyone can check that no secret is in it.
    auto *settings = new QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Signoff"),
                                   QStringLiteral("Signoff"), &app);
    language = installTranslators(app, settings->value(QStringLiteral("ui/language")).toString());
    auto *nam = new QNetworkAccessManager(&app);
    auto *profiles = new ProfileStore(settings, &app);
    profiles->ensureSandboxProfile();
    auto *secrets = new KeychainSecretStore(&app);
    auto *sandbox = new SandboxProcess(nam, SandboxProcess::Options{}, &app);
    context.settings = settings;
    context.nam = nam;
    context.profiles = profiles;
    context.secrets = secrets;
    context.profileService = new ProfileService(profiles, secrets, &app);
    context.sandbox = new SandboxController(sandbox, secrets, nam, &app);
    context.connectors = new ConnectorService(nam, secrets, context.sandbox, &app);
    context.logout = new services::LogoutService(context.connectors, Clock::system(), &app);
    context.logout->setProfileStore(profiles);
    // TODO(lead, issue 11): once branch history is merged, open HistoryStore::defaultPath() here,
    // set context.history and context.logout->setCommitHook(history->save).
}

CompositionRoot::~CompositionRoot() = default;

} // namespace signoff
