#pragma once

#include "services/AppContext.h"
#include "store/Profile.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTimer;
class QObject;
class QTextStream;

namespace signoff::cli {

// Exit codes shared by every command.
enum ExitCode : int
{
    ExitOk = 0,
    ExitFailure = 1, // the operation failed (network, IdP, keychain, validation verdict)
    ExitUsage = 2,   // unknown command, bad option, bad input
};

// What a command gets from the composition root. Output helpers keep the --json contract
// (JSON Lines on stdout, one object per record or event) in one place.
class CliContext
{
public:
    CliContext(QTextStream &out, QTextStream &err, const AppContext &app);
    ~CliContext();

    const AppContext &app() const { return m_app; }
    QNetworkAccessManager *nam() const { return m_app.nam; }
    ProfileStore *profiles() const { return m_app.profiles; }
    SecretStore *secrets() const { return m_app.secrets; }

    bool json() const { return m_json; }
    void setJson(bool on) { m_json = on; }

    QTextStream &out() { return m_out; }
    // One JSON object on one line, flushed at once so pipes see events live.
    void emitJson(const QJsonObject &obj);
    // Text line on stdout, flushed.
    void print(const QString &line);
    // Per-event output of long-running commands (a line per request, thousands per second
    // under load): a line after a quiet spell is flushed at once, later ones at most every
    // 20 ms, so pipes still see events live without one write(2) per line.
    void emitJsonStreamed(const QJsonObject &obj);
    void printStreamed(const QString &line);
    // One-line error on stderr, prefixed with the program name.
    void error(const QString &message);
    // The profile named by --profile (id or name); an error line and nullopt when there is none.
    std::optional<Profile> requireProfile(const QString &idOrName);

    // Ends an asynchronous command; the event loop returns this code.
    void exit(int code);

    // Long-running commands stop cleanly on Ctrl+C / SIGTERM: handler runs once, on the event
    // loop, while context lives. The signal handler itself only writes to a socket pair (the
    // only async-signal-safe way to reach Qt).
    void onStopSignal(QObject *context, std::function<void()> handler);

    // Test hook / stdin secret prompt support.
    bool stdinIsTty() const;

private:
    QTextStream &m_out;
    QTextStream &m_err;
    AppContext m_app;
    bool m_json = false;
    std::unique_ptr<QTimer> m_flushTimer;
    bool m_unflushed = false;
    void streamed();
};

// Runs one asynchronous core call to its answer: start(context, callback) with the answer's type T.
// Short commands read as a sequence this way; the core answers queued, so the loop always runs.
template <typename T, typename Start> T await(Start start)
{
    QEventLoop loop;
    std::optional<T> answer;
    start(&loop, [&](T value) {
        answer.emplace(std::move(value));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

// One subcommand. setup() declares its options; run() either returns an exit code, or
// std::nullopt when it keeps working in the event loop and will call ctx.exit() itself.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Positional argument syntax for --help, e.g. "list|show|add|remove [NAME]".
    virtual QString syntax() const { return {}; }
    virtual bool hasJsonOutput() const { return true; }
    virtual void setup(QCommandLineParser &parser) = 0;
    virtual std::optional<int> run(CliContext &ctx, const QCommandLineParser &parser) = 0;
};

} // namespace signoff::cli
