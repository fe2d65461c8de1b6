#pragma once

#include "CliCommand.h"
#include "core/Result.h"
#include "logout/LogoutPlan.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace signoff::logout {
class LogoutRun;
}

namespace signoff::cli {

// signoffctl logout --profile NAME (--session ID... | --user USER | --rp CLIENT_ID) [--yes]
// [--concurrency N] [--json]: shows the prediction and asks (on a terminal), runs the logout and
// prints each delivery once its outcome is final and committed, then a summary.
class LogoutCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("logout"); }
    QString summary() const override;
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    std::optional<logout::LogoutScope> scopeFrom(CliContext &ctx, const QCommandLineParser &parser) const;
    void planned(CliContext &ctx, Result<logout::LogoutPlan> plan);
    bool confirm(CliContext &ctx, const logout::LogoutPlan &plan) const;
    void printPlan(QTextStream &err, const logout::LogoutPlan &plan) const;
    void startRun(CliContext &ctx, logout::LogoutPlan plan);
    void armStop(CliContext &ctx);
    void printChanged(CliContext &ctx, const QList<int> &rows);
    void finish(CliContext &ctx);

    QObject m_context; // the callbacks' context: they end with the command
    bool m_yes = false;
    int m_concurrency = 8;
    QPointer<logout::LogoutRun> m_run;
    QSet<int> m_printed;
};

} // namespace signoff::cli
