#include "Await.h"
#include "LoopbackCutProxy.h"

#include "idp/sandbox/SandboxConnector.h"
#include "idp/sandbox/SandboxProcess.h"
#include "logout/LogoutRun.h"
#include "logout/MockRpOutcome.h"
#include "services/ConnectorService.h"
#include "services/LogoutService.h"
#include "services/MockRpService.h"
#include "services/SandboxController.h"
#include "store/MemorySecretStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace signoff;
using namespace signoff::logout;
using signoff::services::MockRpConfig;
using signoff::services::MockRpService;

namespace {
// Bounds for a hung sandbox on a loaded machine, not timing expectations.
constexpr int kStartTimeoutMs = 90000;
constexpr int kRunTimeoutMs = 600000;
constexpr int kEvidenceTimeoutMs = 60000;

bool allSeenBy(const QList<Delivery> &rows, const QString &source)
{
    return std::all_of(rows.cbegin(), rows.cend(), [&source](const Delivery &d) { return d.sources.contains(source); });
}

QString describe(const QList<Delivery> &rows)
{
    QStringList out;
    for (const Delivery &d : rows)
        out << QStringLiteral("%1/%2 %3 sid=%4 jti=%5 [%6] %7")
                   .arg(d.sessionId.left(6), d.clientId, deliveryStateId(d.state), d.sid, d.tokenJti.left(6),
                        d.sources.join(u','), d.error);
    return out.join(QStringLiteral("; "));
}

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

bool waitFinished(LogoutRun *run)
{
    QSignalSpy finished(run, &LogoutRun::finished);
    QDeadlineTimer deadline(kRunTimeoutMs);
    while (run->isActive() && !deadline.hasExpired())
        finished.wait(1000);
    return !run->isActive();
}

LogoutScope rpScope(const QString &clientId)
{
    LogoutScope s;
    s.kind = LogoutScope::Kind::RelyingParty;
    s.clientId = clientId;
    return s;
}
} // namespace

// Logout runs through LogoutService against the real sandbox on loopback: the IdP's stream, a
// mock RP and the relay merged into one ledger, retry through resend, cancel, a stream cut mid-run.
class TestLogoutSandbox : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    QTemporaryDir m_data;
    MemorySecretStore m_secrets;
    std::unique_ptr<SandboxProcess> m_process;
    std::unique_ptr<SandboxController> m_controller;
    std::unique_ptr<ConnectorService> m_connectors;
    std::unique_ptr<services::LogoutService> m_service;
    std::unique_ptr<IdpConnector> m_admin;
    quint16 m_port = 0;
    quint16 m_mockPort = 0;

    Profile profile(quint16 port) const
    {
        Profile p;
        p.id = QStringLiteral("sandbox");
        p.name = QStringLiteral("Sandbox");
        p.kind = IdpKind::Sandbox;
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        p.clientId = QStringLiteral("signoff-admin");
        p.builtin = true;
        return p;
    }
    QString issuer() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    // Sessions that include exactly these RPs.
    bool seed(const QStringList &clients, int sessions)
    {
        HttpCall call;
        call.method = "POST";
        call.url = static_cast<SandboxConnector *>(m_admin.get())->http()->url(QStringLiteral("/admin/seed"));
        call.contentType = "application/json";
        call.body = QJsonDocument(QJsonObject{{QStringLiteral("users"), 3},
                                              {QStringLiteral("sessions"), sessions},
                                              {QStringLiteral("clients"), QJsonArray::fromStringList(clients)},
                                              {QStringLiteral("clients_per_session"), int(clients.size())}})
                        .toJson(QJsonDocument::Compact);
        const Result<HttpAnswer> a = await<HttpAnswer>([&](QObject *context, auto done) {
            static_cast<SandboxConnector *>(m_admin.get())->http()->send(call, context, std::move(done));
        });
        return a.ok() && a->status == 201;
    }

    Result<LogoutPlan> plan(const LogoutScope &scope, quint16 port = 0)
    {
        return await<LogoutPlan>(
            [&](QObject *ctx, auto done) { m_service->plan(profile(port ? port : m_port), scope, ctx, done); });
    }

    // A mock RP for client signoff-mock-rp at the URL the sandbox posts to, feeding the service.
    std::unique_ptr<MockRpService> startMockRp(const QUrl &forward = {})
    {
        auto mock = std::make_unique<MockRpService>(&m_nam);
        MockRpConfig c;
        c.port = m_mockPort;
        c.validator.issuer = issuer();
        c.validator.clientId = QStringLiteral("signoff-mock-rp");
        c.discoveryUrl = QUrl(issuer() + QStringLiteral("/.well-known/openid-configuration"));
        c.forwardUrl = forward;
        QSignalSpy loaded(mock.get(), &MockRpService::keysLoaded);
        const Status started = mock->start(c);
        if (!started) {
            qWarning("mock RP: %s", qPrintable(started.errorString()));
            return {};
        }
        if (!loaded.wait(kStartTimeoutMs) && loaded.isEmpty())
            return {};
        connect(mock.get(), &MockRpService::requestRecorded, this,
                [this](const mockrp::RequestRecord &r) { m_service->ingest({mockRpOutcome(r)}); });
        return mock;
    }

private slots:
    void initTestCase()
    {
        m_port = quint16(freePort());
        do
            m_mockPort = quint16(freePort());
        while (m_mockPort == m_port);
        SandboxProcess::Options o;
        o.port = m_port;
        o.dataDir = m_data.path();
        o.mockRpUrl = QStringLiteral("http://127.0.0.1:%1/backchannel-logout").arg(m_mockPort);
        o.healthIntervalMs = 300;
        o.startTimeoutMs = kStartTimeoutMs;
        m_process = std::make_unique<SandboxProcess>(&m_nam, o);
        m_controller = std::make_unique<SandboxController>(m_process.get(), &m_secrets, &m_nam);
        std::optional<Result<SandboxAdminSecret>> secret;
        m_controller->start(0, this, [&](Result<SandboxAdminSecret> s) { secret = std::move(s); });
        QTRY_VERIFY_WITH_TIMEOUT(secret.has_value(), kStartTimeoutMs);
        QVERIFY2(secret->ok(), qPrintable(secret->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == SandboxProcess::State::Running ||
                                     m_process->state() == SandboxProcess::State::Failed,
                                 kStartTimeoutMs);
        QVERIFY2(m_process->state() == SandboxProcess::State::Running, qPrintable(m_process->log().join(u'\n')));
        m_connectors = std::make_unique<ConnectorService>(&m_nam, &m_secrets, m_controller.get());
        m_service = std::make_unique<services::LogoutService>(m_connectors.get());
        m_admin = m_connectors->connect(profile(m_port));
        QVERIFY(m_admin);
    }

    void cleanupTestCase()
    {
        m_admin.reset();
        m_service.reset();
        if (!m_controller)
            return;
        bool stopped = false;
        m_controller->stopAttached(this, [&] { stopped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(stopped, 30000);
    }

    void mockRpOutcomesMergeWithTheIdps()
    {
        auto mock = startMockRp();
        QVERIFY(mock);
        QVERIFY(seed({QStringLiteral("signoff-mock-rp"), QStringLiteral("demo-healthy")}, 3));
        auto p = plan(rpScope(QStringLiteral("signoff-mock-rp")));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->sessions.size(), 3);
        LogoutRun *run = m_service->start(p.value(), {4, 20});
        QVERIFY(waitFinished(run));
        QCOMPARE(run->info().status, RunStatus::Finished);
        // The mock RP's observations may land after the IdP's: the run still takes them.
        auto mockRows = [run] {
            QList<Delivery> rows;
            for (const Delivery &d : run->ledger().all()) {
                if (d.clientId == QLatin1String("signoff-mock-rp"))
                    rows << d;
            }
            return rows;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            allSeenBy(mockRows(), QStringLiteral("mock_rp")),
            qPrintable(describe(mockRows()) + QStringLiteral(" requests seen: %1").arg(mock->requestCount())),
            kEvidenceTimeoutMs);
        QCOMPARE(mockRows().size(), 3);
        for (const Delivery &d : mockRows()) {
            QCOMPARE(d.state, DeliveryState::Delivered);
            QCOMPARE(d.source, OutcomeSource::Idp); // the IdP's view decides; the mock RP adds its evidence
            QCOMPARE(d.sources.size(), 2);          // in the order they arrived
            QVERIFY(d.sources.contains(QStringLiteral("idp")) && d.sources.contains(QStringLiteral("mock_rp")));
            QVERIFY(!d.logoutToken.isEmpty());
            QVERIFY(!d.tokenJti.isEmpty());
            QCOMPARE(d.validation.value(QStringLiteral("valid")).toBool(), true);
            QVERIFY(!d.validation.value(QStringLiteral("verdicts")).toArray().isEmpty());
        }
        for (const Delivery &d : run->ledger().all()) {
            if (d.clientId == QLatin1String("demo-healthy"))
                QCOMPARE(d.sources, QStringList{QStringLiteral("idp")});
        }
    }

    void relayOutcomesMergeWithTheIdps()
    {
        // The relay forwards the token to the failing demo RP and answers the IdP with its 500.
        auto relay = startMockRp(QUrl(issuer() + QStringLiteral("/demo-rp/demo-failing/backchannel-logout")));
        QVERIFY(relay);
        QVERIFY(seed({QStringLiteral("signoff-mock-rp")}, 2));
        auto p = plan(rpScope(QStringLiteral("signoff-mock-rp")));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->sessions.size(), 2);
        LogoutRun *run = m_service->start(p.value(), {4, 20});
        QVERIFY(waitFinished(run));
        QTRY_VERIFY2_WITH_TIMEOUT(allSeenBy(run->ledger().all(), QStringLiteral("relay")),
                                  qPrintable(describe(run->ledger().all())), kEvidenceTimeoutMs);
        for (const Delivery &d : run->ledger().all()) {
            QCOMPARE(d.state, DeliveryState::Failed);
            QCOMPARE(d.httpStatus, std::optional<int>(500));
            QCOMPARE(d.sources.size(), 2);
            QVERIFY(d.sources.contains(QStringLiteral("idp")) && d.sources.contains(QStringLiteral("relay")));
            QVERIFY(!d.logoutToken.isEmpty());
        }
    }

    void retryResendsTheFailedDeliveries()
    {
        QVERIFY(seed({QStringLiteral("demo-failing"), QStringLiteral("demo-sid-required")}, 2));
        auto p = plan(rpScope(QStringLiteral("demo-failing")));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        LogoutRun *first = m_service->start(p.value(), {4, 20});
        QVERIFY(waitFinished(first));
        QCOMPARE(first->info().counts.failed, 2);

        const auto retried = await<LogoutRun *>(
            [&](QObject *ctx, auto done) { m_service->retry(first->info(), first->ledger().all(), ctx, done); });
        QVERIFY2(retried.ok(), qPrintable(retried.errorString()));
        LogoutRun *second = retried.value();
        QVERIFY(second != first);
        QVERIFY(second->info().id != first->info().id);
        QVERIFY(waitFinished(second));
        QCOMPARE(second->ledger().size(), 2); // only what failed is sent again
        for (const Delivery &d : second->ledger().all()) {
            QCOMPARE(d.clientId, QStringLiteral("demo-failing"));
            QCOMPARE(d.state, DeliveryState::Failed); // still failing: the RP did not change
            QCOMPARE(d.httpStatus, std::optional<int>(500));
            QCOMPARE(d.source, OutcomeSource::Idp);
            const Delivery &before = first->ledger().at(*first->ledger().find(d.sessionId, d.clientId));
            QVERIFY(!d.tokenJti.isEmpty());
            QVERIFY(d.tokenJti != before.tokenJti); // a new token
        }
        QCOMPARE(second->info().idpRunIds.size(), 1);
    }

    void cancelInALargeRun()
    {
        constexpr int kSessions = 2000;
        QVERIFY(seed({QStringLiteral("demo-sid-optional")}, kSessions));
        auto p = plan(rpScope(QStringLiteral("demo-sid-optional")));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->sessions.size(), kSessions);
        LogoutRun *run = m_service->start(p.value(), {1, 50});
        // Cancelled as soon as the first outcome is shown, while the IdP is still at it.
        bool cancelled = false; // once: a second cancel() would stop waiting for what was sent
        connect(run, &LogoutRun::deliveriesChanged, run, [run, &cancelled] {
            if (!cancelled && run->info().counts.delivered + run->info().counts.timedOut > 0) {
                cancelled = true;
                run->cancel();
            }
        });
        QVERIFY(waitFinished(run));
        QCOMPARE(run->info().status, RunStatus::Cancelled);
        QVERIFY(run->ledger().allFinal());
        int skipped = 0;
        int sent = 0;
        QSet<QString> cancelledSessions;
        for (const Delivery &d : run->ledger().all()) {
            if (d.error == QLatin1String("cancelled before sending")) {
                QCOMPARE(d.state, DeliveryState::Skipped);
                QCOMPARE(d.source, OutcomeSource::Signoff);
                cancelledSessions.insert(d.sessionId);
                ++skipped;
            } else {
                // What was sent is reported as the IdP saw it.
                QCOMPARE(d.source, OutcomeSource::Idp);
                ++sent;
            }
        }
        QVERIFY(skipped > 0);
        QVERIFY(sent > 0);
        QCOMPARE(skipped + sent, kSessions);
        QVERIFY(run->info().error.startsWith(QStringLiteral("cancelled after")));
        // The sessions that were not sent still exist at the IdP, the others are gone.
        SessionQuery q;
        q.clientId = QStringLiteral("demo-sid-optional");
        QSet<QString> left;
        for (const IdpSession &s : listSessions(*m_admin, q).all())
            left.insert(s.id);
        QCOMPARE(left, cancelledSessions);
    }

    void streamCutMidRunLosesNothing()
    {
        constexpr int kSessions = 200;
        QVERIFY(seed({QStringLiteral("demo-sid-required")}, kSessions));
        // Every connection to the event stream is cut after a few events, six times over.
        LoopbackCutProxy proxy(m_port, {2500, 4000, 3000, 6000, 2000, 5000});
        auto p = plan(rpScope(QStringLiteral("demo-sid-required")), proxy.port());
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->sessions.size(), kSessions);
        LogoutRun *run = m_service->start(p.value(), {4, 20});
        QVERIFY(waitFinished(run));
        QVERIFY(proxy.interruptions() > 0);
        QCOMPARE(run->info().status, RunStatus::Finished);
        QCOMPARE(run->ledger().size(), kSessions);
        for (const Delivery &d : run->ledger().all()) {
            QVERIFY2(d.source == OutcomeSource::Idp, qPrintable(d.error)); // no "report was lost"
            QVERIFY(d.state == DeliveryState::Delivered || d.state == DeliveryState::TimedOut);
        }
    }
};

QTEST_GUILESS_MAIN(TestLogoutSandbox)
#include "tst_logoutsandbox.moc"
