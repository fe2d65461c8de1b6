#include "CliApp.h"
#include "HistoryCommand.h"
#include "IdpCommands.h"
#include "InspectCommand.h"
#include "LogoutCommand.h"
#include "MockRpCommand.h"
#include "ProfilesCommand.h"
#include "SandboxCommand.h"

namespace signoff::cli {

void addBuiltinCommands(CliApp &app)
{
    app.add(std::make_unique<ProfilesCommand>());
    app.add(std::make_unique<SandboxCommand>());
    app.add(std::make_unique<RpsCommand>());
    app.add(std::make_unique<SessionsCommand>());
    app.add(std::make_unique<MockRpCommand>());
    app.add(std::make_unique<InspectCommand>());
    app.add(std::make_unique<LogoutCommand>());
    app.add(std::make_unique<HistoryCommand>());
}

} // namespace signoff::cli
