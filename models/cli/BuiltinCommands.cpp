#include "CliApp.h"
#include "ProfilesCommand.h"
#include "SandboxCommand.h"

namespace signoff::cli {

void addBuiltinCommands(CliApp &app)
{
    app.add(std::make_unique<ProfilesCommand>());
    app.add(std::make_unique<SandboxCommand>());
}

} // namespace signoff::cli
