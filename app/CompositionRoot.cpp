#include "CompositionRoot.h"

#include "core/Translations.h"
#include "idp/sandbox/SandboxProcess.h"
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
    settings = new QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Signoff"),
                             QStringLiteral("Signoff"), &app);
    language = installTranslators(app, settings->value(QStringLiteral("ui/language")).toString());
    nam = new QNetworkAccessManager(&app);
    profiles = new ProfileStore(settings, &app);
    profiles->ensureSandboxProfile();
    secrets = new KeychainSecretStore(&app);
    sandbox = new SandboxProcess(nam, SandboxProcess::Options{}, &app);
}

CompositionRoot::~CompositionRoot() = default;

} // namespace signoff
