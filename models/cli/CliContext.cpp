#include "CliCommand.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

namespace signoff::cli {

CliContext::CliContext(QTextStream &out, QTextStream &err, QNetworkAccessManager *nam, ProfileStore *profiles,
                       SecretStore *secrets)
    : m_out(out)
    , m_err(err)
    , m_nam(nam)
    , m_profiles(profiles)
    , m_secrets(secrets)
{}

void CliContext::emitJson(const QJsonObject &obj)
{
    m_out << QString::fromUtf8(QJsonDocument(obj).toJson(QJsonDocument::Compact)) << '\n';
    m_out.flush();
}

void CliContext::print(const QString &line)
{
    m_out << line << '\n';
    m_out.flush();
}

void CliContext::error(const QString &message)
{
    // One line: embedded newlines from lower layers are folded so scripts can grep stderr.
    QString oneLine = message;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    m_err << QStringLiteral("signoffctl: ") << oneLine << '\n';
    m_err.flush();
}

void CliContext::exit(int code)
{
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

bool CliContext::stdinIsTty() const
{
    return ::isatty(STDIN_FILENO) == 1;
}

} // namespace signoff::cli
