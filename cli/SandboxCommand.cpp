#include "SandboxCommand.h"

#include "services/SandboxController.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};
} // namespace

QString SandboxCommand::summary() const
{
    return Tr::tr("Start, stop or query the embedded sandbox IdP (127.0.0.1).");
}

void SandboxCommand::setup(QCommandLineParser &p)
{
    p.addPositionalArgument(QStringLiteral("action"), Tr::tr("start | stop | status"), QStringLiteral(" "));
    p.addOption({QStringLiteral("port"), Tr::tr("Port on 127.0.0.1 (default 9400)."), QStringLiteral("PORT"),
                 QStringLiteral("9400")});
    p.addOption({QStringLiteral("data"), Tr::tr("Data folder (default: $XDG_DATA_HOME/Signoff/sandbox)."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("mock-rp-url"),
                 Tr::tr("Back-channel URI of the demo RP that points at Signoff's mock RP (start)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("seed-users"), Tr::tr("Create N demo users at start."), QStringLiteral("N")});
    p.addOption({QStringLiteral("seed-sessions"), Tr::tr("Create N sessions across the demo RPs at start."),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("foreground"), Tr::tr("Run attached, print the sandbox's log, stop on Ctrl+C (start).")});
    p.addOption({QStringLiteral("timeout"), Tr::tr("Seconds to wait for start or stop (default 60)."),
                 QStringLiteral("SECONDS"), QStringLiteral("60")});
}

std::optional<int> SandboxCommand::run(CliContext &ctx, const QCommandLineParser &p)
{
    const QString action = p.positionalArguments().value(0);
    bool portOk = false;
    const int port = p.value(QStringLiteral("port")).toInt(&portOk);
    if (!portOk || port < 1 || port > 65535) {
        ctx.error(Tr::tr("--port must be a number from 1 to 65535"));
        return ExitUsage;
    }
    bool timeoutOk = false;
    const int timeoutS = p.value(QStringLiteral("timeout")).toInt(&timeoutOk);
    if (!timeoutOk || timeoutS < 1) {
        ctx.error(Tr::tr("--timeout must be a positive number of seconds"));
        return ExitUsage;
    }
    SandboxProcess::Options opt;
    opt.port = port;
    opt.dataDir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : SandboxProcess::defaultDataDir();
    opt.mockRpUrl = p.value(QStringLiteral("mock-rp-url"));
    opt.seedUsers = p.value(QStringLiteral("seed-users")).toInt();
    opt.seedSessions = p.value(QStringLiteral("seed-sessions")).toInt();
    opt.startTimeoutMs = timeoutS * 1000;
    SandboxController *sandbox = ctx.app().sandbox;

    auto report = [&ctx](const SandboxController::Report &r) {
        if (ctx.json()) {
            ctx.emitJson({{QStringLiteral("state"), r.running ? QStringLiteral("running") : QStringLiteral("stopped")},
                          {QStringLiteral("url"), r.url.toString()},
                          {QStringLiteral("pid"), r.pid},
                          {QStringLiteral("sessions"), r.sessions},
                          {QStringLiteral("version"), r.version},
                          {QStringLiteral("log"), r.logFile},
                          {QStringLiteral("admin_secret"), r.secretLocation}});
        } else if (r.running) {
            ctx.print(Tr::tr("sandbox running at %1 (pid %2, %3 sessions)")
                          .arg(r.url.toString(), r.pid > 0 ? QString::number(r.pid) : Tr::tr("unknown"))
                          .arg(r.sessions));
            if (!r.secretLocation.isEmpty())
                ctx.print(Tr::tr("admin secret kept in %1").arg(r.secretLocation));
        } else {
            ctx.print(Tr::tr("sandbox not running at %1").arg(r.url.toString()));
        }
    };
    using ReportResult = Result<SandboxController::Report>;

    if (action == QLatin1String("status")) {
        const auto r = await<ReportResult>([&](QObject *c, auto done) { sandbox->status(opt, c, done); });
        report(*r);
        return r->running ? ExitOk : ExitFailure;
    }
    if (action == QLatin1String("stop")) {
        const auto r =
            await<ReportResult>([&](QObject *c, auto done) { sandbox->stopDetached(opt, timeoutS * 1000, c, done); });
        if (!r) {
            ctx.error(r.errorString());
            return ExitFailure;
        }
        if (!r->warning.isEmpty())
            ctx.error(r->warning);
        if (ctx.json() || r->pid == 0)
            report(*r);
        else
            ctx.print(Tr::tr("sandbox stopped (pid %1)").arg(r->pid));
        return ExitOk;
    }
    if (action != QLatin1String("start")) {
        ctx.error(Tr::tr("unknown action '%1'; expected start, stop or status").arg(action));
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("foreground")))
        return startForeground(ctx, opt);

    const auto r = await<ReportResult>([&](QObject *c, auto done) { sandbox->startDetached(opt, c, done); });
    if (!r) {
        ctx.error(r.errorString());
        return ExitFailure;
    }
    warnIfSecretInDataFolder(ctx, *r);
    report(*r);
    return ExitOk;
}

void SandboxCommand::warnIfSecretInDataFolder(CliContext &ctx, const SandboxController::Report &r)
{
    if (!r.secretInKeychain)
        ctx.error(Tr::tr("no Secret Service is reachable: the sandbox's admin secret is kept in %1 (mode 0600); "
                         "secrets of other profiles still need the keychain")
                      .arg(r.secretLocation));
}

std::optional<int> SandboxCommand::startForeground(CliContext &ctx, const SandboxProcess::Options &opt)
{
    SandboxController *sandbox = ctx.app().sandbox;
    SandboxProcess *proc = sandbox->process();
    proc->setOptions(opt);
    QObject::connect(proc, &SandboxProcess::logLine, proc, [&ctx](const QString &line) {
        if (!ctx.json())
            ctx.print(line);
    });
    auto secretInfo = std::make_shared<SandboxAdminSecret>();
    QObject::connect(proc, &SandboxProcess::stateChanged, proc, [&ctx, proc, secretInfo](SandboxProcess::State s) {
        if (s == SandboxProcess::State::Running || s == SandboxProcess::State::External) {
            SandboxController::Report r;
            r.running = true;
            r.url = proc->baseUrl();
            r.pid = proc->pid();
            r.sessions = proc->sessionCount();
            r.secretLocation = secretInfo->location;
            if (ctx.json())
                ctx.emitJson({{QStringLiteral("state"), QStringLiteral("running")},
                              {QStringLiteral("url"), r.url.toString()},
                              {QStringLiteral("pid"), r.pid},
                              {QStringLiteral("sessions"), r.sessions},
                              {QStringLiteral("admin_secret"), r.secretLocation}});
            else
                ctx.print(Tr::tr("sandbox running at %1 (pid %2, %3 sessions); admin secret kept in %4")
                              .arg(r.url.toString(), QString::number(r.pid))
                              .arg(r.sessions)
                              .arg(r.secretLocation));
        } else if (s == SandboxProcess::State::Failed) {
            ctx.error(proc->error());
            ctx.exit(ExitFailure);
        } else if (s == SandboxProcess::State::Stopped) {
            ctx.exit(ExitOk);
        }
    });
    ctx.onStopSignal(proc, [proc] {
        if (proc->ownsProcess())
            proc->stop();
        else
            QCoreApplication::exit(ExitOk);
    });
    sandbox->start(opt.port, proc, [&ctx, secretInfo](Result<SandboxAdminSecret> secret) {
        if (!secret) {
            ctx.error(secret.errorString());
            ctx.exit(ExitFailure);
            return;
        }
        *secretInfo = secret.value();
        SandboxController::Report r;
        r.secretInKeychain = secret->inKeychain;
        r.secretLocation = secret->location;
        warnIfSecretInDataFolder(ctx, r);
    });
    return std::nullopt;
}

} // namespace signoff::cli
