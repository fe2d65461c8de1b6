#pragma once

#include "CliCommand.h"
#include "idp/sandbox/SandboxProcess.h"
#include "services/SandboxController.h"

namespace signoff::cli {

// signoffctl sandbox start|stop|status
class SandboxCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sandbox"); }
    QString summary() const override;
    QString syntax() const override { return QStringLiteral("start | stop | status"); }
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    static std::optional<int> startForeground(CliContext &ctx, const SandboxProcess::Options &options);
    static void warnIfSecretInDataFolder(CliContext &ctx, const SandboxController::Report &report);
};

} // namespace signoff::cli
