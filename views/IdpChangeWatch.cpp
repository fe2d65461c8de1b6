#include "IdpChangeWatch.h"

#include "idp/sandbox/SandboxProcess.h"
#include "services/AppContext.h"
#include "services/SandboxController.h"
#include "store/ProfileStore.h"

#include <QWidget>

namespace signoff {

void watchActiveIdp(QWidget *page, const AppContext &app, std::function<void()> changed)
{
    QObject::connect(app.profiles, &ProfileStore::activeProfileChanged, page, [changed] { changed(); });
    ProfileStore *profiles = app.profiles;
    QObject::connect(app.sandbox->process(), &SandboxProcess::stateChanged, page,
                     [profiles, changed](SandboxProcess::State s) {
                         const auto p = profiles->find(profiles->activeProfileId());
                         if (p && p->kind == IdpKind::Sandbox &&
                             (s == SandboxProcess::State::Running || s == SandboxProcess::State::External))
                             changed();
                     });
}

} // namespace signoff
