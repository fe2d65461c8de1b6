#pragma once

#include "CliCommand.h"

#include <memory>

namespace signoff::cli {

// signoffctl mock-rp: a back-channel logout endpoint that validates every rule and reports it
// (contract in DESIGN.md). Runs until SIGINT/SIGTERM.
class MockRpCommand : public CliCommand
{
public:
    MockRpCommand();
    ~MockRpCommand() override;
    QString name() const override { return QStringLiteral("mock-rp"); }
    QString summary() const override;
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    struct Running;
    std::unique_ptr<Running> m_running;
};

} // namespace signoff::cli
