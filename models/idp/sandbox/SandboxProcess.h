#pragma once

#include "core/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

namespace signoff {

// Runs (or finds) the embedded sandbox IdP: `node sandbox/server.js` on 127.0.0.1.
// If a sandbox already answers on the port it is used as is and never stopped by us
// ("external"); one we started is stopped when this object goes away. A crash, an exit or a
// sandbox that stops answering is reported as a state with the reason and the last log lines,
// never as a hang.
class SandboxProcess : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Starting,
        Running,
        External,
        Stopping,
        Failed
    };
    Q_ENUM(State)

    struct Options
    {
        QString node = QStringLiteral("node");
        QString serverScript; // empty: locate() finds it
        int port = 9400;
        QString dataDir; // empty: $XDG_DATA_HOME/Signoff/sandbox
        QString mockRpUrl;
        int seedUsers = 0;
        int seedSessions = 0;
        int startTimeoutMs = 60000;
        int healthIntervalMs = 5000;
    };

    SandboxProcess(QNetworkAccessManager *nam, Options options, QObject *parent = nullptr);
    ~SandboxProcess() override;

    struct Health
    {
        bool ok = false;
        QString issuer;
        QString version;
        int sessions = 0;
        QString error; // why not ok
    };
    // GET {base}/admin/health (no auth), answered through done bound to context.
    static void probeHealth(QNetworkAccessManager *nam, const QUrl &base, QObject *context,
                            std::function<void(Health)> done);

    // Where sandbox/server.js is: $SIGNOFF_SANDBOX_DIR, the installed share folder, or the source tree.
    static QString locateServerScript();
    static QString defaultDataDir();

    // adminSecret is handed to the child through its environment, never its command line.
    void start(const QString &adminSecret);
    // Starts a sandbox that outlives the caller (signoffctl sandbox start), output to logFile.
    static Result<qint64> startDetached(const Options &options, const QString &adminSecret, const QString &logFile);
    // Arguments for `node` (script first) for these options.
    static Result<QStringList> arguments(const Options &options);
    void stop();

    // Takes effect at the next start().
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    State state() const { return m_state; }
    QString stateText() const;
    QString error() const { return m_error; }
    // Set when an external sandbox does not accept our admin secret (its admin API is then unusable).
    QString warning() const { return m_warning; }
    QUrl baseUrl() const;
    qint64 pid() const;
    bool ownsProcess() const { return m_process != nullptr; }
    QStringList log() const { return m_log; }
    int sessionCount() const { return m_sessions; }

signals:
    void stateChanged(signoff::SandboxProcess::State state);
    void logLine(const QString &line);
    // After adopting an external sandbox: whether it accepts our admin secret.
    void adminSecretChecked(bool accepted);

private:
    void setState(State s, const QString &error = {});
    void launch(const QString &adminSecret);
    void onReadyRead(QProcess::ProcessChannel channel);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onHealthTick();
    void checkAdminSecret(const QString &adminSecret);
    void appendLog(const QString &line);

    QNetworkAccessManager *m_nam;
    Options m_options;
    State m_state = State::Stopped;
    QString m_error;
    QString m_warning;
    QPointer<QProcess> m_process;
    QTimer *m_health;
    QTimer *m_startTimer;
    QStringList m_log;
    QByteArray m_partial[2];
    int m_sessions = 0;
    int m_failedProbes = 0;
};

} // namespace signoff
