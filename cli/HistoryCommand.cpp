#include "HistoryCommand.h"

#include "store/HistoryExport.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace signoff::cli {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

QString localTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QStringLiteral("-");
}

QString countsText(const logout::StateCounts &c)
{
    return Tr::tr("%1 delivered, %2 failed, %3 timed out, %4 skipped, %5 unconfirmed, %6 pending")
        .arg(c.delivered)
        .arg(c.failed)
        .arg(c.timedOut)
        .arg(c.skipped)
        .arg(c.unconfirmed)
        .arg(c.pending);
}
} // namespace

QString HistoryCommand::summary() const
{
    return Tr::tr("Past logout runs and their deliveries; export them as CSV or JSON.");
}

void HistoryCommand::setup(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("export"), Tr::tr("Write the history to FILE instead of listing it."),
                                 QStringLiteral("[export FILE]"));
    parser.addOption({QStringLiteral("run"), Tr::tr("Only this run (its deliveries)."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("format"), Tr::tr("Export format: csv or json."), QStringLiteral("FORMAT")});
    parser.addOption({QStringLiteral("limit"), Tr::tr("List at most N runs (default 100)."), QStringLiteral("N")});
}

std::optional<int> HistoryCommand::run(CliContext &ctx, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const bool exporting = !args.isEmpty() && args.first() == QLatin1String("export");
    if (!args.isEmpty() && !exporting) {
        ctx.error(Tr::tr("unknown history action '%1' (history [--run ID] or history export --format csv|json FILE)")
                      .arg(args.first()));
        return ExitUsage;
    }
    if (!exporting && parser.isSet(QStringLiteral("format"))) {
        ctx.error(Tr::tr("--format is for 'history export'"));
        return ExitUsage;
    }
    HistoryStore *history = ctx.app().history;
    if (!history) {
        ctx.error(Tr::tr("the history is not available: %1").arg(ctx.app().historyError));
        return ExitFailure;
    }
    if (exporting)
        return exportFile(ctx, *history, parser);
    const QString runId = parser.value(QStringLiteral("run"));
    if (!runId.isEmpty())
        return listDeliveries(ctx, *history, runId);
    return listRuns(ctx, *history, parser);
}

bool HistoryCommand::runExists(CliContext &ctx, HistoryStore &history, const QString &runId)
{
    HistoryStore::RunFilter filter;
    filter.runId = runId;
    filter.limit = 1;
    const auto runs = history.runs(filter);
    if (!runs) {
        ctx.error(runs.errorString());
        return false;
    }
    if (runs->isEmpty()) {
        ctx.error(Tr::tr("no run '%1' in the history (signoffctl history lists them)").arg(runId));
        return false;
    }
    return true;
}

int HistoryCommand::listRuns(CliContext &ctx, HistoryStore &history, const QCommandLineParser &parser)
{
    HistoryStore::RunFilter filter;
    filter.limit = 100;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        filter.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || filter.limit <= 0) {
            ctx.error(Tr::tr("--limit takes a positive number"));
            return ExitUsage;
        }
    }
    const auto runs = history.runs(filter);
    if (!runs) {
        ctx.error(runs.errorString());
        return ExitFailure;
    }
    for (const logout::RunInfo &run : *runs) {
        if (ctx.json()) {
            ctx.emitJson(HistoryExport::json(run));
            continue;
        }
        ctx.print(QStringLiteral("%1  %2  %3  %4  %5  %6")
                      .arg(run.id, localTime(run.startedAt), run.profileName, run.scope.describe(),
                           logout::runStatusId(run.status), countsText(run.counts)));
    }
    if (!ctx.json() && runs->isEmpty())
        ctx.print(Tr::tr("No runs in the history."));
    return ExitOk;
}

int HistoryCommand::listDeliveries(CliContext &ctx, HistoryStore &history, const QString &runId)
{
    if (!runExists(ctx, history, runId))
        return ExitUsage;
    HistoryStore::DeliveryFilter filter;
    filter.runId = runId;
    filter.limit = 0; // a script asking for a run gets all of it
    const auto rows = history.deliveries(filter);
    if (!rows) {
        ctx.error(rows.errorString());
        return ExitFailure;
    }
    for (const logout::Delivery &d : *rows) {
        if (ctx.json()) {
            ctx.emitJsonStreamed(HistoryExport::json(d));
            continue;
        }
        ctx.printStreamed(QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                              .arg(d.sessionId, d.userName.isEmpty() ? d.userId : d.userName, d.clientId,
                                   logout::deliveryStateId(d.state),
                                   d.httpStatus ? QString::number(*d.httpStatus) : QStringLiteral("-"),
                                   d.latencyMs ? Tr::tr("%1 ms").arg(*d.latencyMs, 0, 'f', 0) : QStringLiteral("-"),
                                   d.error));
    }
    ctx.out().flush();
    return ExitOk;
}

int HistoryCommand::exportFile(CliContext &ctx, HistoryStore &history, const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 || args.at(1).isEmpty()) {
        ctx.error(Tr::tr("history export needs one FILE (history export --format csv|json FILE)"));
        return ExitUsage;
    }
    const QString format = parser.value(QStringLiteral("format"));
    HistoryStore::ExportFormat fmt;
    if (format == QLatin1String("csv")) {
        fmt = HistoryStore::ExportFormat::Csv;
    } else if (format == QLatin1String("json")) {
        fmt = HistoryStore::ExportFormat::Json;
    } else {
        ctx.error(Tr::tr("--format must be csv or json"));
        return ExitUsage;
    }
    HistoryStore::DeliveryFilter filter;
    filter.runId = parser.value(QStringLiteral("run"));
    if (!filter.runId.isEmpty() && !runExists(ctx, history, filter.runId))
        return ExitUsage;
    if (Status s = history.exportTo(args.at(1), fmt, filter); !s) {
        ctx.error(s.errorString());
        return ExitFailure;
    }
    if (ctx.json())
        ctx.emitJson({{QStringLiteral("file"), args.at(1)}, {QStringLiteral("format"), format}});
    return ExitOk;
}

} // namespace signoff::cli
