// The history loses nothing that was shown: `signoffctl logout --json` prints a delivery only after
// the history committed it, so SIGKILL in the middle of a 10,000-session run must leave every
// printed delivery in the database with the state and HTTP status that were printed.
#include "TestEnv.h"
#include "store/HistoryStore.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace signoff;

namespace {
constexpr int kSessions = 10000;
constexpr int kKillAfterLines = 2000;
constexpr int kTimeoutMs = 300000; // a bound for a hung process on a loaded machine, never a speed claim

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QJsonObject awaitJson(QNetworkReply *reply)
{
    std::unique_ptr<QNetworkReply> r(reply);
    QSignalSpy done(r.get(), &QNetworkReply::finished);
    QDeadlineTimer deadline(kTimeoutMs);
    while (!r->isFinished() && !deadline.hasExpired())
        done.wait(1000);
    if (r->error() != QNetworkReply::NoError)
        qWarning() << "admin API:" << r->errorString();
    return QJsonDocument::fromJson(r->readAll()).object();
}
} // namespace

class TestHistoryKill : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedRunKeepsEverythingItPrinted();

private:
    ProcResult ctl(const QStringList &args) { return runProcess(signoffctlPath(), args, m_env, {}, kTimeoutMs); }
    QJsonObject admin(const QString &path, const QJsonObject &body);

    IsolatedHome m_home;
    QProcessEnvironment m_env;
    QString m_port;
    QNetworkAccessManager m_nam;
    bool m_started = false;
};

void TestHistoryKill::initTestCase()
{
    m_env = m_home.environment();
    // No Secret Service: the sandbox's admin secret stays in its data folder, so this runs anywhere.
    m_env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    m_env.remove(QStringLiteral("DISPLAY"));
    m_port = QString::number(freePort());
    {
        QSettings ini(m_home.settingsFile(), QSettings::IniFormat);
        ini.beginWriteArray(QStringLiteral("profiles"), 1);
        ini.setArrayIndex(0);
        ini.setValue(QStringLiteral("id"), QStringLiteral("sandbox"));
        ini.setValue(QStringLiteral("name"), QStringLiteral("Sandbox"));
        ini.setValue(QStringLiteral("kind"), QStringLiteral("sandbox"));
        ini.setValue(QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        ini.setValue(QStringLiteral("clientId"), QStringLiteral("signoff-admin"));
        ini.setValue(QStringLiteral("builtin"), true);
        ini.endArray();
    }
    const auto started = ctl({QStringLiteral("sandbox"), QStringLiteral("start"), QStringLiteral("--port"), m_port,
                              QStringLiteral("--json")});
    QVERIFY2(started.exitCode == 0, started.err.constData());
    m_started = true;
    const QJsonObject seeded =
        admin(QStringLiteral("/admin/seed"), {{QStringLiteral("users"), 100},
                                              {QStringLiteral("sessions"), kSessions},
                                              {QStringLiteral("clients"), QJsonArray{QStringLiteral("demo-healthy")}},
                                              {QStringLiteral("clients_per_session"), 1}});
    QVERIFY2(seeded.value(QStringLiteral("sessions_created")).toInt() == kSessions,
             QJsonDocument(seeded).toJson().constData());
}

void TestHistoryKill::cleanupTestCase()
{
    if (!m_started)
        return;
    const auto r = ctl({QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--port"), m_port});
    QVERIFY2(r.exitCode == 0, r.err.constData());
}

QJsonObject TestHistoryKill::admin(const QString &path, const QJsonObject &body)
{
    QFile secretFile(m_home.dataHome() + QStringLiteral("/Signoff/sandbox/admin-secret"));
    if (!secretFile.open(QIODevice::ReadOnly)) {
        qWarning() << "no admin secret at" << secretFile.fileName();
        return {};
    }
    const QByteArray secret = secretFile.readAll().trimmed();
    QNetworkRequest tokenReq(QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port)));
    tokenReq.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    tokenReq.setRawHeader("Authorization", "Basic " + QByteArray("signoff-admin:" + secret).toBase64());
    const QJsonObject token = awaitJson(m_nam.post(tokenReq, "grant_type=client_credentials&scope=admin"));
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port, path)));
    req.setRawHeader("Authorization", "Bearer " + token.value(QStringLiteral("access_token")).toString().toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return awaitJson(m_nam.post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

void TestHistoryKill::killedRunKeepsEverythingItPrinted()
{
    QProcess logout;
    logout.setProcessEnvironment(m_env);
    logout.setProcessChannelMode(QProcess::SeparateChannels);
    logout.start(signoffctlPath(), {QStringLiteral("logout"), QStringLiteral("--profile"), QStringLiteral("sandbox"),
                                    QStringLiteral("--rp"), QStringLiteral("demo-healthy"), QStringLiteral("--yes"),
                                    QStringLiteral("--json")});
    QVERIFY(logout.waitForStarted(30000));

    // Complete lines only: whatever follows the last newline may be half written.
    QByteArray buffer;
    QList<QJsonObject> lines;
    const auto takeLines = [&] {
        buffer += logout.readAllStandardOutput();
        qsizetype eol;
        while ((eol = buffer.indexOf('\n')) >= 0) {
            const QByteArray line = buffer.left(eol);
            buffer.remove(0, eol + 1);
            if (!line.trimmed().isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        }
    };
    const auto deliveriesSeen = [&] {
        return std::count_if(lines.cbegin(), lines.cend(), [](const QJsonObject &o) {
            return o.value(QStringLiteral("type")).toString() == QLatin1String("delivery");
        });
    };
    QDeadlineTimer deadline(kTimeoutMs);
    while (deliveriesSeen() < kKillAfterLines && logout.state() == QProcess::Running && !deadline.hasExpired()) {
        logout.waitForReadyRead(1000);
        takeLines();
    }
    QVERIFY2(deliveriesSeen() >= kKillAfterLines,
             qPrintable(QStringLiteral("only %1 delivery lines before the end; stderr: %2")
                            .arg(deliveriesSeen())
                            .arg(QString::fromUtf8(logout.readAllStandardError()))));
    ::kill(pid_t(logout.processId()), SIGKILL);
    QVERIFY(logout.waitForFinished(30000));
    takeLines(); // what it printed between the 2,000th line and the kill counts too
    QCOMPARE(logout.exitStatus(), QProcess::CrashExit);

    QHash<QString, QJsonObject> printed; // "session|client" → the line
    QString runId;
    for (const QJsonObject &o : std::as_const(lines)) {
        QVERIFY2(o.value(QStringLiteral("type")).toString() == QLatin1String("delivery"),
                 "the run ended before the kill: the test did not kill it in the middle");
        runId = o.value(QStringLiteral("run")).toString();
        printed.insert(o.value(QStringLiteral("session")).toString() + QLatin1Char('|') +
                           o.value(QStringLiteral("client_id")).toString(),
                       o);
    }
    QVERIFY(!runId.isEmpty());
    qInfo("killed after %lld delivery lines of %d sessions", qlonglong(printed.size()), kSessions);

    auto history = HistoryStore::open(m_home.dataHome() + QStringLiteral("/Signoff/Signoff/history.sqlite"));
    QVERIFY2(history.ok(), qPrintable(history.errorString()));
    HistoryStore::RunFilter runFilter;
    runFilter.runId = runId;
    const auto runs = (*history)->runs(runFilter);
    QVERIFY2(runs.ok() && runs->size() == 1, qPrintable(runs.errorString()));
    HistoryStore::DeliveryFilter filter;
    filter.runId = runId;
    const auto stored = (*history)->deliveries(filter);
    QVERIFY2(stored.ok(), qPrintable(stored.errorString()));
    QHash<QString, logout::Delivery> byKey;
    for (const logout::Delivery &d : *stored)
        byKey.insert(d.sessionId + QLatin1Char('|') + d.clientId, d);

    int missing = 0;
    int differing = 0;
    for (auto it = printed.cbegin(); it != printed.cend(); ++it) {
        const auto found = byKey.constFind(it.key());
        if (found == byKey.cend()) {
            ++missing;
            continue;
        }
        const QJsonObject &line = it.value();
        const QJsonValue status = line.value(QStringLiteral("http_status"));
        const bool sameState = logout::deliveryStateId(found->state) == line.value(QStringLiteral("state")).toString();
        const bool sameStatus =
            status.isNull() ? !found->httpStatus.has_value() : found->httpStatus == std::optional<int>(status.toInt());
        if (!sameState || !sameStatus) {
            if (differing++ < 5)
                qWarning() << "printed" << line << "stored" << logout::deliveryStateId(found->state)
                           << found->httpStatus.value_or(-1);
        }
    }
    QCOMPARE(missing, 0);
    QCOMPARE(differing, 0);
}

QTEST_GUILESS_MAIN(TestHistoryKill)
#include "tst_historykill.moc"
