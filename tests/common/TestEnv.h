#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

// Paths of the build and source trees, passed in by signoff_add_test().
inline QString sourceDir()
{
    return qEnvironmentVariable("SIGNOFF_SOURCE_DIR");
}
inline QString binaryDir()
{
    return qEnvironmentVariable("SIGNOFF_BINARY_DIR");
}
inline QString signoffctlPath()
{
    return binaryDir() + QStringLiteral("/app/signoffctl");
}

// An isolated config/data home for one test, so tests never touch the user's real profiles.
// The D-Bus session (and so the Secret Service) is inherited from the test runner.
class IsolatedHome
{
public:
    IsolatedHome()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral(".config"));
        QDir(m_dir.path()).mkpath(QStringLiteral(".local/share"));
    }
    QString path() const { return m_dir.path(); }
    QString configHome() const { return m_dir.path() + QStringLiteral("/.config"); }
    QString dataHome() const { return m_dir.path() + QStringLiteral("/.local/share"); }
    QString settingsFile() const { return configHome() + QStringLiteral("/Signoff/Signoff.ini"); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome());
        env.remove(QStringLiteral("SIGNOFF_SECRET"));
        // Messages are checked in English whatever the developer's locale.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        return env;
    }
    // Points this process's QSettings/QStandardPaths at the isolated home.
    void applyToThisProcess() const
    {
        qputenv("XDG_CONFIG_HOME", configHome().toUtf8());
        qputenv("XDG_DATA_HOME", dataHome().toUtf8());
    }

private:
    QTemporaryDir m_dir;
};

struct ProcResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ProcResult runProcess(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                             const QByteArray &stdinData = {}, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return {};
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, p.readAllStandardOutput(), p.readAllStandardError()};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -3, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// Every file under dir whose bytes contain needle (recursively), for secret-leak scans.
inline QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    const QDir d(dir);
    for (const QFileInfo &fi : d.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (fi.isDir() && !fi.isSymLink()) {
            hits += filesContaining(fi.absoluteFilePath(), needle);
        } else if (fi.isFile()) {
            QFile f(fi.absoluteFilePath());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                hits << fi.absoluteFilePath();
        }
    }
    return hits;
}
