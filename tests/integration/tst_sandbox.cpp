#include "Keychain.h"
#include "TestEnv.h"
#include "idp/sandbox/SandboxAdminSecret.h"
#include "idp/sandbox/SandboxProcess.h"
#include "services/SandboxController.h"
#include "store/MemorySecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <csignal>

using namespace signoff;

namespace {
int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}
} // namespace

// The real sandbox (node + oidc-provider) started as a process, reached over loopback.
class TestSandbox : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    QTemporaryDir m_data;
    const QString m_secret = QUuid::createUuid().toString(QUuid::WithoutBraces);

    SandboxProcess::Options options(int port)
    {
        SandboxProcess::Options o;
        o.port = port;
        o.dataDir = m_data.path();
        o.healthIntervalMs = 300;
        o.startTimeoutMs = 60000;
        return o;
    }

    QNetworkReply *sync(QNetworkReply *reply)
    {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(60000); // a bound for a hung sandbox, not a timing expectation
        return reply;
    }

    QString adminToken(int port, const QString &secret)
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(port)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        req.setRawHeader("Authorization",
                         "Basic " + QByteArray(QByteArray("signoff-admin:") + secret.toUtf8()).toBase64());
        std::unique_ptr<QNetworkReply> r(sync(m_nam.post(req, "grant_type=client_credentials&scope=admin")));
        return QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("access_token")).toString();
    }

private slots:
    void startsReachableAndStopsWithUs()
    {
        const int port = freePort();
        qint64 pid = 0;
        {
            SandboxProcess sandbox(&m_nam, options(port));
            QSignalSpy states(&sandbox, &SandboxProcess::stateChanged);
            sandbox.start(m_secret);
            QTRY_VERIFY_WITH_TIMEOUT(sandbox.state() == SandboxProcess::State::Running ||
                                         sandbox.state() == SandboxProcess::State::Failed,
                                     60000);
            QVERIFY2(sandbox.state() == SandboxProcess::State::Running, qPrintable(sandbox.log().join(u'\n')));
            QVERIFY(sandbox.ownsProcess());
            pid = sandbox.pid();
            QVERIFY(pid > 0);
            QVERIFY(sandbox.stateText().contains(QString::number(port)));

            // The admin API answers with the secret we handed over through the environment...
            const QString token = adminToken(port, m_secret);
            QVERIFY(!token.isEmpty());
            QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/admin/clients").arg(port)));
            req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
            std::unique_ptr<QNetworkReply> r(sync(m_nam.get(req)));
            QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            const QByteArray body = r->readAll();
            QVERIFY2(body.contains("demo-healthy"), body.constData());
            // ...and refuses a wrong one.
            QVERIFY(adminToken(port, QStringLiteral("wrong")).isEmpty());
            req.setRawHeader("Authorization", "Bearer not-a-token");
            std::unique_ptr<QNetworkReply> denied(sync(m_nam.get(req)));
            QCOMPARE(denied->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
            // The secret went through the environment: it is in no file of the data folder.
            QVERIFY(filesContaining(m_data.path(), m_secret.toUtf8()).isEmpty());
        }
        // Destroying the owner stopped the child.
        QVERIFY(::kill(pid_t(pid), 0) != 0);
    }

    void crashIsReportedNotHung()
    {
        const int port = freePort();
        SandboxProcess sandbox(&m_nam, options(port));
        sandbox.start(m_secret);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.state(), SandboxProcess::State::Running, 60000);
        ::kill(pid_t(sandbox.pid()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.state(), SandboxProcess::State::Failed, 10000);
        QVERIFY2(sandbox.error().contains(QStringLiteral("crashed")) ||
                     sandbox.error().contains(QStringLiteral("exited")),
                 qPrintable(sandbox.error()));
        QVERIFY(sandbox.stateText().startsWith(QStringLiteral("Sandbox failed")));
    }

    void externalSandboxIsUsedNotStoppedAndItsDeathIsNoticed()
    {
        const int port = freePort();
        SandboxProcess first(&m_nam, options(port));
        first.start(m_secret);
        QTRY_COMPARE_WITH_TIMEOUT(first.state(), SandboxProcess::State::Running, 60000);

        SandboxProcess second(&m_nam, options(port));
        second.start(QStringLiteral("not-the-secret"));
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), SandboxProcess::State::External, 10000);
        QVERIFY(!second.ownsProcess());
        QTRY_VERIFY(second.warning().contains(QStringLiteral("admin secret")));
        QVERIFY(second.stateText().contains(QStringLiteral("admin secret")));
        second.stop(); // detaches only
        QCOMPARE(second.state(), SandboxProcess::State::Stopped);
        QCOMPARE(first.state(), SandboxProcess::State::Running);

        QSignalSpy checked(&second, &SandboxProcess::adminSecretChecked);
        second.start(m_secret);
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), SandboxProcess::State::External, 10000);
        QTRY_COMPARE(checked.count(), 1);
        QCOMPARE(checked.first().first().toBool(), true);
        QVERIFY(second.warning().isEmpty());
        ::kill(pid_t(first.pid()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(second.state(), SandboxProcess::State::Failed, 15000);
        QVERIFY(second.error().contains(QStringLiteral("stopped answering")));
    }

    void portTakenBySomethingElseFailsClearly()
    {
        QTcpServer squatter; // accepts connections, never speaks HTTP
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        SandboxProcess sandbox(&m_nam, options(squatter.serverPort()));
        sandbox.start(m_secret);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.state(), SandboxProcess::State::Failed, 30000);
        QVERIFY2(sandbox.error().contains(QString::number(squatter.serverPort())) ||
                     sandbox.error().contains(QStringLiteral("in use")),
                 qPrintable(sandbox.error()));
    }

    void missingScriptFailsClearly()
    {
        auto o = options(freePort());
        o.serverScript = QStringLiteral("/nonexistent/server.js");
        SandboxProcess sandbox(&m_nam, o);
        sandbox.start(m_secret);
        QTRY_COMPARE(sandbox.state(), SandboxProcess::State::Failed);
        QVERIFY(sandbox.error().contains(QStringLiteral("npm ci")));
    }

    void cliStartsWithoutAnySecretService()
    {
        // A CI runner or a server over SSH: no D-Bus session at all. The throwaway sandbox keeps its
        // admin secret in its own private data folder and says so once on stderr.
        IsolatedHome home;
        auto env = home.environment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        const QString port = QString::number(freePort());
        auto r = runProcess(signoffctlPath(),
                            {QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--port"), port,
                             QStringLiteral("--json")},
                            env, {}, 90000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString dir = home.dataHome() + QStringLiteral("/Signoff/sandbox");
        const QString secretFile = dir + QStringLiteral("/admin-secret");
        QCOMPARE(r.err.count("no Secret Service"), 1);
        QVERIFY2(r.err.contains(secretFile.toUtf8()), r.err.constData());
        const auto o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("admin_secret")).toString(), secretFile);
        const qint64 pid = o.value(QStringLiteral("pid")).toInteger();

        QCOMPARE(QFileInfo(dir).permissions() & 0x0777, QFileDevice::Permissions(0x0700));
        for (const char *f : {"admin-secret", "sandbox.log"}) {
            const QFileInfo fi(dir + QLatin1Char('/') + QLatin1String(f));
            QVERIFY2((fi.permissions() & 0x0077) == 0, f);
        }
        QFile file(secretFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!adminToken(port.toInt(), QString::fromUtf8(file.readAll()).trimmed()).isEmpty());

        r = runProcess(signoffctlPath(),
                       {QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--port"), port}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(::kill(pid_t(pid), 0) != 0);
    }

    void controllerStopsAttachedSandboxWithoutBlocking()
    {
        const int port = freePort();
        MemorySecretStore secrets;
        SandboxProcess sandbox(&m_nam, options(port));
        SandboxController controller(&sandbox, &secrets, &m_nam);
        std::optional<Result<SandboxAdminSecret>> secret;
        controller.start(0, this, [&](Result<SandboxAdminSecret> s) { secret = std::move(s); });
        QTRY_VERIFY(secret.has_value());
        QVERIFY(secret->ok());
        QVERIFY(secret->value().inKeychain);
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.state() == SandboxProcess::State::Running ||
                                     sandbox.state() == SandboxProcess::State::Failed,
                                 60000);
        QVERIFY2(sandbox.state() == SandboxProcess::State::Running, qPrintable(sandbox.log().join(u'\n')));
        QVERIFY(!adminToken(port, secrets.entries().value(QStringLiteral("profile/sandbox"))).isEmpty());
        const qint64 pid = sandbox.pid();

        bool stopped = false;
        controller.stopAttached(this, [&] { stopped = true; });
        QVERIFY(!stopped); // answered later, from the event loop: the caller is never blocked
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 15000);
        QCOMPARE(sandbox.state(), SandboxProcess::State::Stopped);
        QTRY_VERIFY(::kill(pid_t(pid), 0) != 0);
    }

    void adminSecretFallsBackToThePrivateDataFolderOnlyWithoutAKeychain()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("sb"));
        MemorySecretStore secrets;
        secrets.setUnavailable(true);
        std::optional<Result<SandboxAdminSecret>> got;
        resolveSandboxAdminSecret(&secrets, data, this, [&](Result<SandboxAdminSecret> s) { got = std::move(s); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->ok());
        QVERIFY(!got->value().inKeychain);
        QCOMPARE(got->value().location, data + QStringLiteral("/admin-secret"));
        QCOMPARE(QFileInfo(data).permissions() & 0x0777, QFileDevice::Permissions(0x0700));
        QCOMPARE(QFileInfo(got->value().location).permissions() & 0x0077, QFileDevice::Permissions());
        const QString first = got->value().value;
        // Reused on the next start, the same as the sandbox's own keys.js reads it.
        got.reset();
        resolveSandboxAdminSecret(&secrets, data, this, [&](Result<SandboxAdminSecret> s) { got = std::move(s); });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->value().value, first);
        // With a keychain the secret goes there, never to the file.
        MemorySecretStore keychain;
        QTemporaryDir other;
        got.reset();
        resolveSandboxAdminSecret(&keychain, other.path(), this,
                                  [&](Result<SandboxAdminSecret> s) { got = std::move(s); });
        QTRY_VERIFY(got.has_value());
        QVERIFY(got->value().inKeychain);
        QVERIFY(!QFile::exists(other.filePath(QStringLiteral("admin-secret"))));
        QCOMPARE(keychain.entries().value(QStringLiteral("profile/sandbox")), got->value().value);
    }

    void cliStartStatusStop()
    {
        SIGNOFF_REQUIRE_SECRET_SERVICE();
        IsolatedHome home;
        const QString port = QString::number(freePort());
        const auto env = home.environment();
        auto r = runProcess(signoffctlPath(),
                            {QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--port"), port,
                             QStringLiteral("--seed-users"), QStringLiteral("5"), QStringLiteral("--seed-sessions"),
                             QStringLiteral("40"), QStringLiteral("--json")},
                            env, {}, 90000);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        auto o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(o.value(QStringLiteral("sessions")).toInt(), 40);
        const qint64 pid = o.value(QStringLiteral("pid")).toInteger();
        QVERIFY(pid > 0);

        // Starting again finds it running; status says so; the keychain holds its secret.
        r = runProcess(signoffctlPath(),
                       {QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--port"), port}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("running"));
        r = runProcess(signoffctlPath(),
                       {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--port"), port}, env);
        QCOMPARE(r.exitCode, 0);
        const auto secret = runProcess(QStringLiteral("secret-tool"),
                                       {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("Signoff"),
                                        QStringLiteral("user"), QStringLiteral("profile/sandbox")},
                                       env);
        QVERIFY(!secret.out.isEmpty());
        QVERIFY(!adminToken(port.toInt(), QString::fromUtf8(secret.out)).isEmpty());
        QVERIFY(filesContaining(home.path(), secret.out).isEmpty());

        r = runProcess(signoffctlPath(),
                       {QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--port"), port}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(::kill(pid_t(pid), 0) != 0);
        r = runProcess(signoffctlPath(),
                       {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--port"), port}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("not running"));
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
