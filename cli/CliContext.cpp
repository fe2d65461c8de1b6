#include "CliCommand.h"

#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace signoff::cli {

namespace {
QString jsonLine(const QJsonObject &obj)
{
    return QString::fromUtf8(QJsonDocument(obj).toJson(QJsonDocument::Compact));
}

int g_stopFd[2] = {-1, -1};
void writeStopByte(int)
{
    const char c = 1;
    [[maybe_unused]] auto n = ::write(g_stopFd[0], &c, 1);
}
} // namespace

CliContext::CliContext(QTextStream &out, QTextStream &err, const AppContext &app)
    : m_out(out)
    , m_err(err)
    , m_app(app)
{}

CliContext::~CliContext() = default;

void CliContext::emitJson(const QJsonObject &obj)
{
    print(jsonLine(obj));
}

void CliContext::print(const QString &line)
{
    m_out << line << '\n';
    m_out.flush();
}

void CliContext::emitJsonStreamed(const QJsonObject &obj)
{
    printStreamed(jsonLine(obj));
}

void CliContext::printStreamed(const QString &line)
{
    m_out << line << '\n';
    streamed();
}

void CliContext::streamed()
{
    if (!m_flushTimer) {
        m_flushTimer = std::make_unique<QTimer>();
        m_flushTimer->setSingleShot(true);
        m_flushTimer->setInterval(20);
        QObject::connect(m_flushTimer.get(), &QTimer::timeout, m_flushTimer.get(), [this] {
            if (m_unflushed) {
                m_unflushed = false;
                m_out.flush();
                m_flushTimer->start(); // still busy: keep batching
            }
        });
    }
    if (m_flushTimer->isActive()) {
        m_unflushed = true;
        return;
    }
    m_out.flush();
    m_flushTimer->start();
}

void CliContext::error(const QString &message)
{
    // One line: embedded newlines from lower layers are folded so scripts can grep stderr.
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_err << QStringLiteral("signoffctl: ") << oneLine << '\n';
    m_err.flush();
}

std::optional<Profile> CliContext::requireProfile(const QString &idOrName)
{
    if (idOrName.isEmpty()) {
        error(QCoreApplication::translate("signoffctl", "--profile NAME is required (signoffctl profiles list)"));
        return std::nullopt;
    }
    auto p = profiles()->find(idOrName);
    if (!p)
        error(QCoreApplication::translate("signoffctl", "no profile named '%1'").arg(escapeUnsafeCharacters(idOrName)));
    return p;
}

void CliContext::exit(int code)
{
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

void CliContext::onStopSignal(QObject *context, std::function<void()> handler)
{
    if (g_stopFd[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_stopFd) != 0)
        return;
    auto *notifier = new QSocketNotifier(qintptr(g_stopFd[1]), QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, handler] {
        char c;
        [[maybe_unused]] auto n = ::read(g_stopFd[1], &c, 1);
        notifier->setEnabled(false);
        handler();
    });
    std::signal(SIGINT, writeStopByte);
    std::signal(SIGTERM, writeStopByte);
}

bool CliContext::stdinIsTty() const
{
    return ::isatty(STDIN_FILENO) == 1;
}

} // namespace signoff::cli
