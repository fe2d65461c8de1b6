#include "CliApp.h"
#include "ProfilesCommand.h"

namespace signoff::cli {

void addBuiltinCommands(CliApp &app)
{
    app.add(std::make_unique<ProfilesCommand>());
}

} // namespace signoff::cli
