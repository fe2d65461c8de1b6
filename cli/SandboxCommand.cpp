#include "SandboxCommand.h"

#include "idp/sandbox/SandboxAdminSecret.h"
#include "idp/sandbox/SandboxProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

SandboxProcess::Health probeSync(QNetworkAccessManager *nam, const QUrl &base)
{
    QEventLoop loop;
    SandboxProcess::Health out;
    SandboxProcess::probeHealth(nam, base, &loop, [&](SandboxProcess::Health h) {
        out = std::move(h);
        loop.quit();
    });
    loop.exec();
    return out;
}

qint64 readPid(const QString &dataDir)
{
    QFile f(dataDir + QStringLiteral("/sandbox.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().trimmed().toLongLong();
}

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

QString tail(const QString &file, int lines)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(qMax(0, int(all.size()) - lines)).join(QStringLiteral(" | "));
}

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
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
    const QString logFile = opt.dataDir + QStringLiteral("/sandbox.log");

    auto report = [&](const QString &state, const SandboxProcess::Health &h, qint64 pid) {
        if (ctx.json()) {
            ctx.emitJson({{QStringLiteral("state"), state},
                          {QStringLiteral("url"), base.toString()},
                          {QStringLiteral("pid"), pid},
                          {QStringLiteral("sessions"), h.sessions},
                          {QStringLiteral("version"), h.version},
                          {QStringLiteral("log"), logFile}});
        } else if (state == QLatin1String("running")) {
            ctx.print(Tr::tr("sandbox running at %1 (pid %2, %3 sessions)")
                          .arg(base.toString(), pid > 0 ? QString::number(pid) : Tr::tr("unknown"))
                          .arg(h.sessions));
        } else {
            ctx.print(Tr::tr("sandbox not running at %1").arg(base.toString()));
        }
    };

    if (action == QLatin1String("status")) {
        const auto h = probeSync(ctx.nam(), base);
        const qint64 pid = readPid(opt.dataDir);
        report(h.ok ? QStringLiteral("running") : QStringLiteral("stopped"), h, alive(pid) ? pid : 0);
        return h.ok ? ExitOk : ExitFailure;
    }

    if (action == QLatin1String("stop")) {
        const qint64 pid = readPid(opt.dataDir);
        if (!alive(pid)) {
            const auto h = probeSync(ctx.nam(), base);
            if (h.ok) {
                ctx.error(Tr::tr("a sandbox answers at %1 but has no pid file in %2; stop it where it was started")
                              .arg(base.toString(), opt.dataDir));
                return ExitFailure;
            }
            report(QStringLiteral("stopped"), h, 0);
            return ExitOk;
        }
        ::kill(pid_t(pid), SIGTERM);
        QDeadlineTimer deadline(qMin(timeoutS, 10) * 1000);
        while (alive(pid) && !deadline.hasExpired())
            QThread::msleep(50);
        if (alive(pid)) {
            ::kill(pid_t(pid), SIGKILL);
            ctx.error(Tr::tr("the sandbox (pid %1) ignored SIGTERM and was killed").arg(pid));
        }
        if (ctx.json())
            report(QStringLiteral("stopped"), {}, 0);
        else
            ctx.print(Tr::tr("sandbox stopped (pid %1)").arg(pid));
        return ExitOk;
    }

    if (action != QLatin1String("start")) {
        ctx.error(Tr::tr("unknown action '%1'; expected start, stop or status").arg(action));
        return ExitUsage;
    }

    if (const auto h = probeSync(ctx.nam(), base); h.ok) {
        if (h.issuer != base.toString()) {
            ctx.error(Tr::tr("port %1 is taken by something else (issuer %2)").arg(port).arg(h.issuer));
            return ExitFailure;
        }
        report(QStringLiteral("running"), h, readPid(opt.dataDir));
        return ExitOk;
    }
    const auto secret = ensureSandboxAdminSecretSync(ctx.secrets());
    if (!secret) {
        ctx.error(secret.errorString());
        return ExitFailure;
    }

    if (p.isSet(QStringLiteral("foreground"))) {
        auto *proc = new SandboxProcess(ctx.nam(), opt, QCoreApplication::instance());
        QObject::connect(proc, &SandboxProcess::logLine, proc, [&ctx](const QString &line) {
            if (!ctx.json())
                ctx.print(line);
        });
        QObject::connect(proc, &SandboxProcess::stateChanged, proc, [&ctx, proc, report](SandboxProcess::State s) {
            SandboxProcess::Health h;
            h.sessions = proc->sessionCount();
            if (s == SandboxProcess::State::Running || s == SandboxProcess::State::External)
                report(QStringLiteral("running"), h, proc->pid());
            else if (s == SandboxProcess::State::Failed) {
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
        proc->start(secret.value());
        return std::nullopt;
    }

    const auto pid = SandboxProcess::startDetached(opt, secret.value(), logFile);
    if (!pid) {
        ctx.error(pid.errorString());
        return ExitFailure;
    }
    QDeadlineTimer deadline(timeoutS * 1000);
    while (!deadline.hasExpired()) {
        if (!alive(pid.value())) {
            ctx.error(Tr::tr("the sandbox exited during start: %1").arg(tail(logFile, 3)));
            return ExitFailure;
        }
        const auto h = probeSync(ctx.nam(), base);
        if (h.ok) {
            report(QStringLiteral("running"), h, pid.value());
            return ExitOk;
        }
        QThread::msleep(200);
    }
    ::kill(pid_t(pid.value()), SIGTERM);
    ctx.error(Tr::tr("the sandbox did not answer within %1 s (log: %2)").arg(timeoutS).arg(logFile));
    return ExitFailure;
}

} // namespace signoff::cli
