#pragma once

#include "core/Result.h"
#include "idp/sandbox/SandboxAdminSecret.h"
#include "idp/sandbox/SandboxProcess.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace signoff {

class SecretStore;

// Everything that starts, stops or queries the embedded sandbox IdP, for the console and for
// `signoffctl sandbox`: where its admin secret comes from (keychain, or its own data folder where
// no Secret Service is reachable), the process the console runs attached, and the detached
// sandbox signoffctl leaves running (pid file, health probes, SIGTERM then SIGKILL). Waiting is
// done with timers on the caller's event loop, never by blocking it.
class SandboxController : public QObject
{
    Q_OBJECT
public:
    struct Report
    {
        bool running = false;
        QUrl url;
        qint64 pid = 0;
        int sessions = 0;
        QString version;
        QString issuer;
        QString logFile;
        QString secretLocation; // where the admin secret is kept (after a start)
        bool secretInKeychain = true;
        QString warning; // e.g. a sandbox that ignored SIGTERM and was killed
    };
    using ReportCallback = std::function<void(Result<Report>)>;

    SandboxController(SandboxProcess *process, SecretStore *secrets, QNetworkAccessManager *nam,
                      QObject *parent = nullptr);

    // The sandbox the console runs (attached: it stops when Signoff exits).
    SandboxProcess *process() const { return m_process; }
    // Starts the attached sandbox on port (0: keep the configured one) once its admin secret is known.
    void start(int port, QObject *context, std::function<void(Result<SandboxAdminSecret>)> done);
    // Stops the attached sandbox without blocking; done runs once it has stopped (or was not ours).
    void stopAttached(QObject *context, std::function<void()> done);

    void adminSecret(const QString &dataDir, QObject *context, std::function<void(Result<SandboxAdminSecret>)> done);

    // Detached sandboxes (signoffctl sandbox start|stop|status).
    void status(const SandboxProcess::Options &options, QObject *context, ReportCallback done);
    void startDetached(const SandboxProcess::Options &options, QObject *context, ReportCallback done);
    void stopDetached(const SandboxProcess::Options &options, int timeoutMs, QObject *context, ReportCallback done);

    static QUrl baseUrl(const SandboxProcess::Options &options);
    static QString dataDir(const SandboxProcess::Options &options);
    static QString logFile(const SandboxProcess::Options &options);

private:
    void waitUntilHealthy(const SandboxProcess::Options &options, Report report, QObject *context, ReportCallback done);

    void resolveNext();

    SandboxProcess *m_process;
    std::optional<SandboxAdminSecret> m_secret; // resolved once per data folder
    QString m_secretDir;
    QList<std::pair<QString, std::function<void(Result<SandboxAdminSecret>)>>> m_waiting;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_nam;
};

} // namespace signoff
