#include "Await.h"
#include "FakeKeycloak.h"

#include "logout/LogoutRun.h"
#include "services/ConnectorService.h"
#include "services/LogoutService.h"
#include "store/MemorySecretStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace signoff;
using namespace signoff::logout;

namespace {
const QString kAliceId = QStringLiteral("b1a7c0de-0000-4000-8000-000000000001");
const QString kSeeded = QStringLiteral("run-session-1");
constexpr int kTimeoutMs = 60000;
} // namespace

// A whole logout run through LogoutService against a loopback fake of Keycloak's admin API.
// Keycloak answers 204 whatever the RPs said, so what it attempted stays "unconfirmed", what the
// lint predicts it will not send is "skipped", and nothing is ever "delivered" on its word.
class TestKeycloakLogoutRun : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<FakeKeycloak> m_kc;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ConnectorService> m_connectors;
    std::unique_ptr<services::LogoutService> m_service;

    Profile profile() const
    {
        Profile p;
        p.id = QStringLiteral("kc");
        p.name = QStringLiteral("Keycloak");
        p.kind = IdpKind::Keycloak;
        p.baseUrl = m_kc->server.url();
        p.realm = QStringLiteral("acme");
        p.authMethod = AuthMethod::ClientCredentials;
        p.clientId = QStringLiteral("signoff");
        return p;
    }

    Result<LogoutPlan> plan(const LogoutScope &scope)
    {
        return await<LogoutPlan>([&](QObject *ctx, auto done) { m_service->plan(profile(), scope, ctx, done); });
    }

    static LogoutScope userScope(const QString &user)
    {
        LogoutScope s;
        s.kind = LogoutScope::Kind::User;
        s.user = user;
        return s;
    }

    static const LogoutPlan::RpPrediction *prediction(const LogoutPlan &plan, const QString &clientId)
    {
        for (const auto &rp : plan.rps) {
            if (rp.clientId == clientId)
                return &rp;
        }
        return nullptr;
    }

private slots:
    void init()
    {
        m_kc = std::make_unique<FakeKeycloak>();
        QVERIFY(m_kc->isListening());
        m_kc->addSession(kSeeded, kAliceId,
                         {QStringLiteral("shop"), QStringLiteral("wiki"), QStringLiteral("legacy-crm"),
                          QStringLiteral("admin-cli")});
        m_secrets = std::make_unique<MemorySecretStore>();
        std::optional<Status> written;
        m_secrets->write(profile().secretKey(), m_kc->secret, this, [&written](Status s) { written = s; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), kTimeoutMs);
        QVERIFY(written->ok());
        m_connectors = std::make_unique<ConnectorService>(&m_nam, m_secrets.get(), nullptr);
        m_service = std::make_unique<services::LogoutService>(m_connectors.get());
    }

    void cleanup()
    {
        m_service.reset();
        m_connectors.reset();
        m_secrets.reset();
        m_kc.reset();
    }

    void planPredictsWhatKeycloakWillNotSend()
    {
        const auto p = plan(userScope(QStringLiteral("alice"))); // by username; the run below names the id
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->sessions.size(), 3);
        QCOMPARE(p->users, 1);
        QVERIFY(!p->support.reportsOutcomes);
        QVERIFY(p->notes.join(u'\n').contains(QStringLiteral("Keycloak does not report back-channel results")));
        const auto *shop = prediction(*p, QStringLiteral("shop"));
        QVERIFY(shop);
        QVERIFY(shop->notified);
        QCOMPARE(shop->sessions, 3);
        const auto *wiki = prediction(*p, QStringLiteral("wiki"));
        QVERIFY(wiki && !wiki->notified);
        QVERIFY(wiki->findingCodes.contains(QStringLiteral("frontchannel_overrides_backchannel")));
        const auto *crm = prediction(*p, QStringLiteral("legacy-crm"));
        QVERIFY(crm && !crm->notified);
        QCOMPARE(crm->findingCodes, QStringList{QStringLiteral("client_disabled")});
        const auto *cli = prediction(*p, QStringLiteral("admin-cli"));
        QVERIFY(cli && !cli->notified);
        QCOMPARE(cli->findingCodes, QStringList{QStringLiteral("no_backchannel_uri")});
        for (const Delivery &d : p->deliveries)
            QCOMPARE(d.state, d.clientId == QLatin1String("shop") ? DeliveryState::Pending : DeliveryState::Skipped);
    }

    // The Sessions page's selection: sessions the caller already holds, predicted the same way.
    void planSessionsPredictsTheSelection()
    {
        const auto byUser = plan(userScope(QStringLiteral("alice")));
        QVERIFY2(byUser.ok(), qPrintable(byUser.errorString()));
        QList<IdpSession> selection;
        for (const IdpSession &s : byUser->sessions) {
            if (s.id == kSeeded)
                selection << s;
        }
        QCOMPARE(selection.size(), 1);
        const auto p = await<LogoutPlan>(
            [&](QObject *ctx, auto done) { m_service->planSessions(profile(), selection, ctx, done); });
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QCOMPARE(p->scope.kind, LogoutScope::Kind::Sessions);
        QCOMPARE(p->scope.sessionIds, QStringList{kSeeded});
        QCOMPARE(p->users, 1);
        QCOMPARE(p->deliveries.size(), 4);
        QCOMPARE(p->rps.size(), 4);
        for (const Delivery &d : p->deliveries)
            QCOMPARE(d.state, d.clientId == QLatin1String("shop") ? DeliveryState::Pending : DeliveryState::Skipped);
    }

    void unknownOrAmbiguousUserIsBadInput()
    {
        const auto none = plan(userScope(QStringLiteral("zelda")));
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, 2);
        QVERIFY2(none.errorString().contains(QStringLiteral("zelda")), qPrintable(none.errorString()));
    }

    void attemptedStayUnconfirmedPredictedAreSkippedNoneDelivered()
    {
        auto p = plan(userScope(kAliceId));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        QList<RunStatus> committed;
        m_service->setCommitHook([&](const RunInfo &run, const QList<Delivery> &, LogoutRun::Committed done) {
            committed << run.status;
            done(Status());
        });
        LogoutRun *run = m_service->start(p.value(), {2, 20});
        QSignalSpy finished(run, &LogoutRun::finished);
        QVERIFY(finished.wait(kTimeoutMs) || !finished.isEmpty());
        QCOMPARE(run->info().status, RunStatus::Finished);
        QCOMPARE(committed.last(), RunStatus::Finished);
        QCOMPARE(m_kc->deletedSessions.size(), 3);
        QVERIFY(m_kc->deletedSessions.contains(kSeeded));
        const StateCounts c = run->info().counts;
        QCOMPARE(c.delivered, 0);
        QCOMPARE(c.unconfirmed, 3); // shop in each of alice's sessions
        QCOMPARE(c.skipped, 4);     // wiki twice, legacy-crm, admin-cli
        QCOMPARE(c.total(), 7);
        for (const Delivery &d : run->ledger().all()) {
            if (d.clientId == QLatin1String("shop")) {
                QCOMPARE(d.state, DeliveryState::Unconfirmed);
                QCOMPARE(d.error, QStringLiteral("Keycloak does not report back-channel results"));
            } else {
                QCOMPARE(d.state, DeliveryState::Skipped);
                QCOMPARE(d.source, OutcomeSource::Prediction);
            }
        }

        // A mock RP that saw one of the tokens settles that delivery; the others stay unconfirmed.
        QSignalSpy changed(run, &LogoutRun::deliveriesChanged);
        OutcomeReport seen;
        seen.source = OutcomeSource::MockRp;
        seen.clientId = QStringLiteral("shop");
        seen.sub = kAliceId;
        seen.tokenJti = QStringLiteral("jti-1");
        seen.state = DeliveryState::Delivered;
        seen.httpStatus = 200;
        m_service->ingest({seen});
        QVERIFY(changed.wait(kTimeoutMs) || !changed.isEmpty());
        QCOMPARE(run->info().counts.delivered, 1);
        QCOMPARE(run->info().counts.unconfirmed, 2);
    }

    void failedDeleteIsFailedAndRetryExplainsWhy()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE" && r.path.endsWith(kSeeded))
                return FakeResponse::json(QByteArrayLiteral("{\"error\":\"unknown_error\"}"), 500);
            return std::nullopt;
        };
        auto p = plan(userScope(QStringLiteral("alice")));
        QVERIFY2(p.ok(), qPrintable(p.errorString()));
        LogoutRun *run = m_service->start(p.value(), {1, 20});
        QSignalSpy finished(run, &LogoutRun::finished);
        QVERIFY(finished.wait(kTimeoutMs) || !finished.isEmpty());
        QCOMPARE(run->info().status, RunStatus::Finished); // the other sessions ended
        const auto row = run->ledger().find(kSeeded, QStringLiteral("shop"));
        QVERIFY(row);
        QCOMPARE(run->ledger().at(*row).state, DeliveryState::Failed);
        QCOMPARE(run->ledger().at(*row).source, OutcomeSource::Signoff);
        QVERIFY(!run->ledger().at(*row).error.isEmpty());
        QCOMPARE(run->info().counts.delivered, 0);

        const auto retried = await<LogoutRun *>(
            [&](QObject *ctx, auto done) { m_service->retry(run->info(), run->ledger().all(), ctx, done); });
        QVERIFY(!retried.ok());
        QVERIFY2(retried.errorString().contains(QStringLiteral("cannot send a logout token again")),
                 qPrintable(retried.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestKeycloakLogoutRun)
#include "tst_keycloaklogoutrun.moc"
