#include "SandboxController.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <csignal>
#include <memory>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Sandbox)
};

constexpr int kPollStartMs = 200;
constexpr int kPollStopMs = 50;
constexpr int kMaxStopWaitMs = 10000;

qint64 readPid(const QString &dataDir)
{
    QFile f(dataDir + QStringLiteral("/sandbox.pid"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.read(32).trimmed().toLongLong();
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
    if (f.size() > 64 * 1024)
        f.seek(f.size() - 64 * 1024);
    const QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(qMax(0, int(all.size()) - lines)).join(QStringLiteral(" | "));
}

// Calls step every intervalMs on context until it returns true or the deadline passes (then onTimeout).
void pollUntil(QObject *context, int intervalMs, QDeadlineTimer deadline,
               std::function<void(std::function<void(bool)>)> step, std::function<void()> onTimeout)
{
    auto again = std::make_shared<std::function<void()>>();
    QPointer<QObject> ctx(context);
    *again = [=] {
        if (!ctx)
            return;
        step([=](bool finished) {
            if (finished || !ctx)
                return;
            if (deadline.hasExpired()) {
                onTimeout();
                return;
            }
            QTimer::singleShot(intervalMs, ctx, [again] { (*again)(); });
        });
    };
    (*again)();
}
} // namespace

SandboxController::SandboxController(SandboxProcess *process, SecretStore *secrets, QNetworkAccessManager *nam,
                                     QObject *parent)
    : QObject(parent)
    , m_process(process)
    , m_secrets(secrets)
    , m_nam(nam)
{}

QUrl SandboxController::baseUrl(const SandboxProcess::Options &o)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(o.port));
}

QString SandboxController::dataDir(const SandboxProcess::Options &o)
{
    return o.dataDir.isEmpty() ? SandboxProcess::defaultDataDir() : o.dataDir;
}

QString SandboxController::logFile(const SandboxProcess::Options &o)
{
    return dataDir(o) + QStringLiteral("/sandbox.log");
}

void SandboxController::adminSecret(const QString &dir, QObject *context,
                                    std::function<void(Result<SandboxAdminSecret>)> done)
{
    if (m_secretDir == dir && m_secret) {
        QTimer::singleShot(0, context, [done, s = *m_secret] { done(s); });
        return;
    }
    // One resolution at a time: two callers that both found no secret would each make one, and the
    // second would overwrite the secret the sandbox was started with.
    QPointer<QObject> ctx(context);
    m_waiting.append({dir, [ctx, done](Result<SandboxAdminSecret> r) {
                          if (ctx)
                              done(std::move(r));
                      }});
    if (m_waiting.size() == 1)
        resolveNext();
}

void SandboxController::resolveNext()
{
    if (m_waiting.isEmpty())
        return;
    const QString dir = m_waiting.first().first;
    resolveSandboxAdminSecret(m_secrets, dir, this, [this, dir](Result<SandboxAdminSecret> r) {
        if (r) {
            m_secret = r.value();
            m_secretDir = dir;
        }
        // Answer every waiter for the same folder; a waiter for another folder starts the next round.
        QList<std::pair<QString, std::function<void(Result<SandboxAdminSecret>)>>> rest;
        const auto waiting = std::exchange(m_waiting, {});
        for (const auto &[d, cb] : waiting) {
            if (d == dir)
                cb(r);
            else
                rest.append({d, cb});
        }
        m_waiting = rest + m_waiting;
        resolveNext();
    });
}

void SandboxController::start(int port, QObject *context, std::function<void(Result<SandboxAdminSecret>)> done)
{
    SandboxProcess::Options opt = m_process->options();
    if (port > 0)
        opt.port = port;
    m_process->setOptions(opt);
    QPointer<SandboxProcess> process(m_process);
    adminSecret(dataDir(opt), context, [process, done](Result<SandboxAdminSecret> secret) {
        if (secret && process)
            process->start(secret->value);
        done(std::move(secret));
    });
}

void SandboxController::stopAttached(QObject *context, std::function<void()> done)
{
    using S = SandboxProcess::State;
    const S s = m_process->state();
    if (!m_process->ownsProcess() || s == S::Stopped || s == S::Failed) {
        QTimer::singleShot(0, context, std::move(done));
        return;
    }
    auto called = std::make_shared<bool>(false);
    auto finish = [called, done] {
        if (!std::exchange(*called, true))
            done();
    };
    connect(m_process, &SandboxProcess::stateChanged, context, [finish](SandboxProcess::State st) {
        if (st == SandboxProcess::State::Stopped || st == SandboxProcess::State::Failed)
            finish();
    });
    m_process->stop();
}

void SandboxController::status(const SandboxProcess::Options &opt, QObject *context, ReportCallback done)
{
    const QString dir = dataDir(opt);
    SandboxProcess::probeHealth(m_nam, baseUrl(opt), context, [opt, dir, done](SandboxProcess::Health h) {
        Report r;
        r.running = h.ok;
        r.url = baseUrl(opt);
        const qint64 pid = readPid(dir);
        r.pid = alive(pid) ? pid : 0;
        r.sessions = h.sessions;
        r.version = h.version;
        r.issuer = h.issuer;
        r.logFile = logFile(opt);
        done(r);
    });
}

void SandboxController::startDetached(const SandboxProcess::Options &opt, QObject *context, ReportCallback done)
{
    status(opt, context, [this, opt, context, done](Result<Report> current) {
        if (current->running) {
            // Something answers there already: ours if it is a sandbox with this very issuer.
            if (current->issuer != baseUrl(opt).toString())
                done(Result<Report>::failure(
                    Tr::tr("port %1 is taken by something else (issuer %2)").arg(opt.port).arg(current->issuer)));
            else
                done(current);
            return;
        }
        adminSecret(dataDir(opt), context, [this, opt, context, done](Result<SandboxAdminSecret> secret) {
            if (!secret) {
                done(secret.error());
                return;
            }
            if (Status s = ensurePrivateDir(dataDir(opt)); !s) {
                done(s.error());
                return;
            }
            const auto pid = SandboxProcess::startDetached(opt, secret->value, logFile(opt));
            if (!pid) {
                done(pid.error());
                return;
            }
            Report r;
            r.url = baseUrl(opt);
            r.pid = pid.value();
            r.logFile = logFile(opt);
            r.secretLocation = secret->location;
            r.secretInKeychain = secret->inKeychain;
            waitUntilHealthy(opt, r, context, done);
        });
    });
}

void SandboxController::waitUntilHealthy(const SandboxProcess::Options &opt, Report r, QObject *context,
                                         ReportCallback done)
{
    const QDeadlineTimer deadline(opt.startTimeoutMs);
    auto step = [this, opt, r, context, done](std::function<void(bool)> next) {
        if (!alive(r.pid)) {
            done(Result<Report>::failure(Tr::tr("the sandbox exited during start: %1").arg(tail(r.logFile, 3))));
            next(true);
            return;
        }
        SandboxProcess::probeHealth(m_nam, baseUrl(opt), context, [r, done, next](SandboxProcess::Health h) {
            if (!h.ok) {
                next(false);
                return;
            }
            Report up = r;
            up.running = true;
            up.sessions = h.sessions;
            up.version = h.version;
            done(up);
            next(true);
        });
    };
    pollUntil(context, kPollStartMs, deadline, step, [opt, r, done] {
        ::kill(pid_t(r.pid), SIGTERM);
        done(Result<Report>::failure(
            Tr::tr("the sandbox did not answer within %1 s (log: %2)").arg(opt.startTimeoutMs / 1000).arg(r.logFile)));
    });
}

void SandboxController::stopDetached(const SandboxProcess::Options &opt, int timeoutMs, QObject *context,
                                     ReportCallback done)
{
    const qint64 pid = readPid(dataDir(opt));
    if (!alive(pid)) {
        status(opt, context, [opt, done](Result<Report> r) {
            if (r->running)
                done(Result<Report>::failure(
                    Tr::tr("a sandbox answers at %1 but has no pid file in %2; stop it where it was started")
                        .arg(baseUrl(opt).toString(), dataDir(opt))));
            else
                done(r);
        });
        return;
    }
    ::kill(pid_t(pid), SIGTERM);
    Report r;
    r.url = baseUrl(opt);
    r.pid = pid;
    r.logFile = logFile(opt);
    const QDeadlineTimer deadline(qMin(timeoutMs, kMaxStopWaitMs));
    auto step = [pid, r, done](std::function<void(bool)> next) {
        const bool gone = !alive(pid);
        if (gone)
            done(r);
        next(gone);
    };
    pollUntil(context, kPollStopMs, deadline, step, [pid, r, done] {
        ::kill(pid_t(pid), SIGKILL);
        Report killed = r;
        killed.warning = Tr::tr("the sandbox (pid %1) ignored SIGTERM and was killed").arg(pid);
        done(killed);
    });
}

} // namespace signoff
