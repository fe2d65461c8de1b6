#pragma once

#include "CliCommand.h"

#include <memory>

namespace signoff::cli {

// signoffctl inspect TOKEN: decoded header and claims and, as far as the options allow, the
// verdict of every validation rule.
class InspectCommand : public CliCommand
{
public:
    InspectCommand();
    ~InspectCommand() override;
    QString name() const override { return QStringLiteral("inspect"); }
    QString summary() const override;
    QString syntax() const override { return QStringLiteral("TOKEN|-"); }
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    struct Pending;
    std::unique_ptr<Pending> m_pending;
};

} // namespace signoff::cli
