#include "SandboxProcess.h"

#include "SandboxAdminSecret.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace signoff {

namespace {
constexpr int kLogLines = 500;
const QByteArray kReadyPrefix = QByteArrayLiteral("SANDBOX READY ");
constexpr const char *kSandboxAdminClient = "signoff-admin";
} // namespace

SandboxProcess::SandboxProcess(QNetworkAccessManager *nam, Options options, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_options(std::move(options))
    , m_health(new QTimer(this))
    , m_startTimer(new QTimer(this))
{
    m_health->setInterval(m_options.healthIntervalMs);
    connect(m_health, &QTimer::timeout, this, &SandboxProcess::onHealthTick);
    m_startTimer->setSingleShot(true);
    connect(m_startTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Starting)
            return;
        appendLog(
            tr("The sandbox did not report ready within %1 s; stopping it.").arg(m_options.startTimeoutMs / 1000));
        const QString err = tr("The sandbox did not start within %1 s.").arg(m_options.startTimeoutMs / 1000);
        if (m_process) {
            QProcess *p = m_process;
            p->disconnect(this);
            connect(p, &QProcess::finished, p, &QObject::deleteLater);
            p->kill();
            m_process = nullptr;
        }
        setState(State::Failed, err);
    });
}

SandboxProcess::~SandboxProcess()
{
    // Only what we started is stopped; an external sandbox belongs to whoever ran it.
    // The console stops its sandbox with stop() before quitting (SandboxController::stopAttached), so
    // this is the fallback for an abnormal end: SIGKILL, which the kernel completes at once, rather
    // than SIGTERM and a wait that would freeze the window.
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString SandboxProcess::locateServerScript()
{
    QStringList candidates;
    const QString env = qEnvironmentVariable("SIGNOFF_SANDBOX_DIR");
    if (!env.isEmpty())
        candidates << env + QStringLiteral("/server.js");
    const QString appDir = QCoreApplication::applicationDirPath();
    candidates << appDir + QStringLiteral("/../share/signoff/sandbox/server.js");
#ifdef SIGNOFF_SOURCE_DIR
    candidates << QStringLiteral(SIGNOFF_SOURCE_DIR) + QStringLiteral("/sandbox/server.js");
#endif
    for (const QString &c : candidates) {
        if (QFileInfo::exists(c))
            return QFileInfo(c).canonicalFilePath();
    }
    return {};
}

QString SandboxProcess::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/Signoff/sandbox");
}

QUrl SandboxProcess::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_options.port));
}

qint64 SandboxProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString SandboxProcess::stateText() const
{
    switch (m_state) {
    case State::Stopped:
        return tr("Sandbox stopped");
    case State::Starting:
        return tr("Sandbox starting…");
    case State::Running:
        return tr("Sandbox running at %1 (%n session(s))", nullptr, m_sessions).arg(baseUrl().toString());
    case State::External:
        return tr("Sandbox running at %1, started outside Signoff (%n session(s))", nullptr, m_sessions)
                   .arg(baseUrl().toString()) +
               (m_warning.isEmpty() ? QString() : QStringLiteral(" — ") + m_warning);
    case State::Stopping:
        return tr("Sandbox stopping…");
    case State::Failed:
        return tr("Sandbox failed: %1").arg(m_error);
    }
    return {};
}

void SandboxProcess::setState(State s, const QString &error)
{
    m_error = error;
    if (s != State::External)
        m_warning.clear();
    const bool live = s == State::Running || s == State::External;
    if (live)
        m_health->start();
    else
        m_health->stop();
    if (s != State::Starting)
        m_startTimer->stop();
    if (s == m_state && error.isEmpty())
        return;
    m_state = s;
    if (!error.isEmpty())
        qCWarning(lcSandbox) << error;
    emit stateChanged(s);
}

void SandboxProcess::appendLog(const QString &line)
{
    m_log << line;
    if (m_log.size() > kLogLines)
        m_log.remove(0, m_log.size() - kLogLines);
    emit logLine(line);
}

void SandboxProcess::probeHealth(QNetworkAccessManager *nam, const QUrl &base, QObject *context,
                                 std::function<void(Health)> done)
{
    QNetworkRequest req(QUrl(base.toString() + QStringLiteral("/admin/health")));
    req.setTransferTimeout(3000);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam->get(req);
    connect(reply, &QNetworkReply::finished, context, [reply, done] {
        reply->deleteLater();
        Health h;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->read(64 * 1024)).object();
        h.issuer = o.value(QStringLiteral("issuer")).toString();
        h.version = o.value(QStringLiteral("version")).toString();
        h.sessions = o.value(QStringLiteral("sessions")).toInt();
        h.ok = reply->error() == QNetworkReply::NoError && status == 200 &&
               o.value(QStringLiteral("status")).toString() == QLatin1String("ok");
        if (!h.ok)
            h.error = reply->error() != QNetworkReply::NoError ? reply->errorString()
                                                               : tr("unexpected answer (HTTP %1)").arg(status);
        done(h);
    });
    // A reply whose context dies must not leak.
    connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
}

void SandboxProcess::start(const QString &adminSecret)
{
    if (m_state == State::Starting || m_state == State::Running || m_state == State::External)
        return;
    setState(State::Starting);
    m_startTimer->start(m_options.startTimeoutMs);
    // Something may already answer on the port: a sandbox started outside (use it), or
    // another program (refuse, clearly).
    probeHealth(m_nam, baseUrl(), this, [this, adminSecret](const Health &h) {
        if (m_state != State::Starting)
            return;
        if (h.ok && h.issuer == baseUrl().toString()) {
            m_sessions = h.sessions;
            appendLog(tr("A sandbox already runs at %1; using it (Signoff will not stop it).").arg(h.issuer));
            setState(State::External);
            checkAdminSecret(adminSecret);
            return;
        }
        launch(adminSecret);
    });
}

Result<QStringList> SandboxProcess::arguments(const Options &options)
{
    const QString script = options.serverScript.isEmpty() ? locateServerScript() : options.serverScript;
    if (script.isEmpty())
        return Result<QStringList>::failure(
            tr("sandbox/server.js was not found (set SIGNOFF_SANDBOX_DIR to the sandbox folder)."));
    if (!QFileInfo::exists(QFileInfo(script).absolutePath() + QStringLiteral("/node_modules/oidc-provider")))
        return Result<QStringList>::failure(
            tr("The sandbox's packages are not installed: run `npm ci` in %1 (scripts/install-deps does it).")
                .arg(QFileInfo(script).absolutePath()));
    QStringList args{script, QStringLiteral("--port"), QString::number(options.port), QStringLiteral("--data"),
                     options.dataDir.isEmpty() ? defaultDataDir() : options.dataDir};
    if (!options.mockRpUrl.isEmpty())
        args << QStringLiteral("--mock-rp-url") << options.mockRpUrl;
    if (options.seedUsers > 0)
        args << QStringLiteral("--seed-users") << QString::number(options.seedUsers);
    if (options.seedSessions > 0)
        args << QStringLiteral("--seed-sessions") << QString::number(options.seedSessions);
    return args;
}

namespace {
QProcessEnvironment childEnvironment(const QString &adminSecret)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!adminSecret.isEmpty())
        env.insert(QStringLiteral("SIGNOFF_SANDBOX_ADMIN_SECRET"), adminSecret);
    return env;
}
} // namespace

Result<qint64> SandboxProcess::startDetached(const Options &options, const QString &adminSecret, const QString &logFile)
{
    const auto args = arguments(options);
    if (!args)
        return args.error();
    if (Status s = ensurePrivateDir(QFileInfo(logFile).absolutePath()); !s)
        return s.error();
    {
        // The log names the data folder and the RPs' addresses: readable by its owner only.
        QFile log(logFile);
        if (!log.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            !log.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return Result<qint64>::failure(
                tr("Could not create the sandbox's log %1: %2").arg(logFile, log.errorString()));
    }
    QProcess proc;
    proc.setProgram(options.node);
    proc.setArguments(args.value());
    proc.setProcessEnvironment(childEnvironment(adminSecret));
    proc.setWorkingDirectory(QFileInfo(args->first()).absolutePath());
    proc.setStandardOutputFile(logFile, QIODevice::Append);
    proc.setStandardErrorFile(logFile, QIODevice::Append);
    proc.setStandardInputFile(QProcess::nullDevice());
    qint64 pid = 0;
    if (!proc.startDetached(&pid))
        return Result<qint64>::failure(tr("Could not run %1 (is Node.js installed?)").arg(options.node));
    return pid;
}

void SandboxProcess::checkAdminSecret(const QString &adminSecret)
{
    // A sandbox someone started by hand has its own admin secret; say so now rather than
    // letting every admin call fail later with a bare 401.
    QNetworkRequest req(QUrl(baseUrl().toString() + QStringLiteral("/token")));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    req.setRawHeader("Authorization",
                     "Basic " + QByteArray(QByteArray(kSandboxAdminClient) + ':' + adminSecret.toUtf8()).toBase64());
    req.setTransferTimeout(5000);
    QNetworkReply *reply = m_nam->post(req, QByteArrayLiteral("grant_type=client_credentials&scope=admin"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_state != State::External)
            return;
        if (status == 200) {
            emit adminSecretChecked(true);
            return;
        }
        m_warning = tr("it does not accept Signoff's admin secret (HTTP %1), so its admin API cannot be used; stop "
                       "it (signoffctl sandbox stop) and let Signoff start its own")
                        .arg(status);
        appendLog(m_warning);
        emit stateChanged(m_state);
        emit adminSecretChecked(false);
    });
}

void SandboxProcess::launch(const QString &adminSecret)
{
    const auto args = arguments(m_options);
    if (!args) {
        setState(State::Failed, args.errorString());
        return;
    }
    auto *proc = new QProcess(this);
    m_process = proc;
    proc->setProcessEnvironment(childEnvironment(adminSecret));
    proc->setWorkingDirectory(QFileInfo(args->first()).absolutePath());
#ifdef Q_OS_LINUX
    // If Signoff dies without cleaning up (killed, crashed), the sandbox it started goes too.
    proc->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(proc, &QProcess::readyReadStandardOutput, this, [this] { onReadyRead(QProcess::StandardOutput); });
    connect(proc, &QProcess::readyReadStandardError, this, [this] { onReadyRead(QProcess::StandardError); });
    connect(proc, &QProcess::finished, this, &SandboxProcess::onFinished);
    connect(proc, &QProcess::errorOccurred, this, [this, proc](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        const QString err = tr("Could not run %1: %2 (is Node.js installed?)").arg(m_options.node, proc->errorString());
        appendLog(err);
        proc->deleteLater();
        setState(State::Failed, err);
    });
    appendLog(tr("Starting %1 %2").arg(m_options.node, args->join(QLatin1Char(' '))));
    proc->start(m_options.node, args.value());
}

void SandboxProcess::onReadyRead(QProcess::ProcessChannel channel)
{
    if (!m_process)
        return;
    m_process->setReadChannel(channel);
    QByteArray &buf = m_partial[channel == QProcess::StandardOutput ? 0 : 1];
    buf += m_process->readAll();
    qsizetype nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
        const QByteArray line = buf.left(nl).trimmed();
        buf.remove(0, nl + 1);
        if (line.isEmpty())
            continue;
        appendLog(QString::fromUtf8(line));
        if (channel == QProcess::StandardOutput && line.startsWith(kReadyPrefix) && m_state == State::Starting) {
            probeHealth(m_nam, baseUrl(), this, [this](const Health &h) {
                m_sessions = h.sessions;
                if (m_state == State::Starting)
                    setState(h.ok ? State::Running : State::Failed,
                             h.ok ? QString()
                                  : tr("The sandbox said it was ready but its health check failed: %1").arg(h.error));
            });
        }
    }
}

void SandboxProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_process)
        m_process->deleteLater();
    m_process = nullptr;
    if (m_state == State::Stopping) {
        appendLog(tr("Sandbox stopped."));
        setState(State::Stopped);
        return;
    }
    // Whatever it printed last usually says why (port in use, bad data folder, ...).
    QString reason =
        status == QProcess::CrashExit ? tr("the sandbox crashed") : tr("the sandbox exited with code %1").arg(exitCode);
    for (auto it = m_log.crbegin(); it != m_log.crend(); ++it) {
        if (it->startsWith(QLatin1String("signoff-sandbox:"))) {
            reason += QStringLiteral(": ") + it->mid(int(qstrlen("signoff-sandbox:"))).trimmed();
            break;
        }
    }
    setState(State::Failed, reason);
}

void SandboxProcess::onHealthTick()
{
    probeHealth(m_nam, baseUrl(), this, [this](const Health &h) {
        if (m_state != State::Running && m_state != State::External)
            return;
        if (h.ok) {
            m_failedProbes = 0;
            if (h.sessions != m_sessions) {
                m_sessions = h.sessions;
                emit stateChanged(m_state);
            }
            return;
        }
        // One missed probe can be a busy sandbox (seeding 100k sessions); two in a row is not.
        if (++m_failedProbes >= 2) {
            m_failedProbes = 0;
            setState(State::Failed, tr("The sandbox at %1 stopped answering.").arg(baseUrl().toString()));
        }
    });
}

void SandboxProcess::stop()
{
    if (!m_process) {
        if (m_state == State::External)
            appendLog(tr("The sandbox was started outside Signoff; leaving it running."));
        setState(State::Stopped);
        return;
    }
    setState(State::Stopping);
    m_process->terminate();
    QTimer::singleShot(5000, m_process, [p = m_process] {
        if (p && p->state() != QProcess::NotRunning)
            p->kill();
    });
}

} // namespace signoff
