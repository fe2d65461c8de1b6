#pragma once

#include "CliCommand.h"

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
};

} // namespace signoff::cli
