#pragma once

#include "CliCommand.h"
#include "store/HistoryStore.h"

namespace signoff::cli {

// signoffctl history [--run ID] [--json]: past runs, or one run's deliveries;
// signoffctl history export --format csv|json FILE [--run ID]: a file with token signatures redacted.
class HistoryCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("history"); }
    QString summary() const override;
    QString syntax() const override { return QStringLiteral("[export FILE]"); }
    void setup(QCommandLineParser &parser) override;
    std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) override;

private:
    static int listRuns(CliContext &ctx, HistoryStore &history, const QCommandLineParser &parser);
    static int listDeliveries(CliContext &ctx, HistoryStore &history, const QString &runId);
    static int exportFile(CliContext &ctx, HistoryStore &history, const QCommandLineParser &parser);
    static bool runExists(CliContext &ctx, HistoryStore &history, const QString &runId);
};

} // namespace signoff::cli
