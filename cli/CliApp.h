#pragma once

#include "CliCommand.h"

#include <memory>
#include <optional>
#include <vector>

namespace signoff::cli {

// Parses `signoffctl [global options] COMMAND [options]` and dispatches to a command.
class CliApp
{
public:
    explicit CliApp(CliContext &ctx);
    ~CliApp();

    void add(std::unique_ptr<CliCommand> command);
    // Returns an exit code, or std::nullopt when the command runs on in the event loop.
    std::optional<int> run(const QStringList &arguments);

    QString usage() const;

private:
    CliCommand *find(const QString &name) const;

    CliContext &m_ctx;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

// Registers every built-in command.
void addBuiltinCommands(CliApp &app);

} // namespace signoff::cli
