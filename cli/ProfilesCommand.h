#pragma once

#include "CliCommand.h"
#include "core/Result.h"

namespace signoff::cli {

// signoffctl profiles list|show|add|remove|set-secret|test
class ProfilesCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("profiles"); }
    QString summary() const override;
    QString syntax() const override
    {
        return QStringLiteral("list | show NAME | add | remove NAME | set-secret NAME | test NAME");
    }
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    static int testConnection(CliContext &ctx, const Profile &profile);
};

// Reads a secret the CLI way: --secret-file F, then $SIGNOFF_SECRET, then a no-echo prompt on a
// terminal. Never from the command line itself (it would land in shell history and `ps`).
Result<QString> readSecretInput(CliContext &ctx, const QString &secretFile, const QString &prompt);

} // namespace signoff::cli
