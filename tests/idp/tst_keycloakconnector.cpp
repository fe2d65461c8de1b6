#include "Await.h"
#include "FakeKeycloak.h"
#include "idp/keycloak/KeycloakConnector.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace signoff;

namespace {
const QString kRealm = QStringLiteral("acme");
const QString kAdmin = QStringLiteral("/admin/realms/acme");
const QString kAliceId = QStringLiteral("b1a7c0de-0000-4000-8000-000000000001");
const QString kAliceSession = QStringLiteral("9d3e2a10-1c2b-4b7a-8f00-000000000001"); // shop + wiki

FakeResponse forbidden()
{
    return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-forbidden.json")), 403);
}

QStringList clientIds(const QList<SessionRp> &rps)
{
    QStringList ids;
    for (const SessionRp &rp : rps)
        ids << rp.clientId;
    ids.sort();
    return ids;
}
} // namespace

class TestKeycloakConnector : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<FakeKeycloak> m_kc;

    Profile profile(AuthMethod method = AuthMethod::ClientCredentials) const
    {
        Profile p;
        p.id = QStringLiteral("kc");
        p.name = QStringLiteral("Keycloak");
        p.kind = IdpKind::Keycloak;
        p.baseUrl = m_kc->server.url();
        p.realm = kRealm;
        p.authMethod = method;
        if (method == AuthMethod::Password)
            p.username = QStringLiteral("admin");
        else
            p.clientId = QStringLiteral("signoff");
        return p;
    }

    std::unique_ptr<KeycloakConnector> connector(const Profile &p, const QString &secret)
    {
        auto c = std::make_unique<KeycloakConnector>(&m_nam, p, secretOf(secret));
        c->http()->setMaxRetryAfterS(5);
        return c;
    }
    std::unique_ptr<KeycloakConnector> connector() { return connector(profile(), m_kc->secret); }

    static Result<QList<RelyingParty>> rps(KeycloakConnector &c)
    {
        return await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c.relyingParties(ctx, done); });
    }

    static Result<LogoutDispatch> logout(KeycloakConnector &c, const QList<IdpSession> &sessions)
    {
        return await<LogoutDispatch>([&](QObject *ctx, auto done) { c.logoutSessions(sessions, 1, ctx, done); });
    }

    // Alice's first session as the listing gives it.
    IdpSession aliceSession(KeycloakConnector &c)
    {
        SessionQuery q;
        q.user = QStringLiteral("alice");
        const Listing listing = listSessions(c, q);
        for (const IdpSession &s : listing.all())
            if (s.id == kAliceSession)
                return s;
        return {};
    }

    QList<FakeRequest> deletes() const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : m_kc->server.requests)
            if (r.method == "DELETE")
                out << r;
        return out;
    }

    static SessionQuery forClient(const QString &clientId, int pageSize)
    {
        SessionQuery q;
        q.clientId = clientId;
        q.pageSize = pageSize;
        return q;
    }

private slots:
    void init()
    {
        m_kc = std::make_unique<FakeKeycloak>();
        QVERIFY(m_kc->isListening());
        m_nam.clearConnectionCache();
    }

    void relyingPartiesAcrossPagesWithBackchannelSettings()
    {
        auto c = connector();
        c->setPageSize(2);
        const auto result = rps(*c);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->size(), 5);
        QCOMPARE(m_kc->server.count(kAdmin + QStringLiteral("/clients")), 3);
        const RelyingParty shop = result->at(0);
        QCOMPARE(shop.clientId, QStringLiteral("shop"));
        QCOMPARE(shop.internalId, QStringLiteral("3b0f6c2e-6f1a-4d8e-9a51-0c1d2e3f4a01"));
        QCOMPARE(shop.backchannelLogoutUri, QStringLiteral("https://shop.example.com/backchannel-logout"));
        QVERIFY(shop.sessionRequired);
        QCOMPARE(shop.sessionCount, std::optional<qint64>(5));
        const RelyingParty wiki = result->at(1);
        QVERIFY(wiki.frontchannelLogout);
        QCOMPARE(wiki.backchannelLogoutUri, QStringLiteral("/oidc/backchannel"));
        QCOMPARE(wiki.rootUrl, QStringLiteral("https://wiki.example.com"));
        QVERIFY(!wiki.sessionRequired);
        QVERIFY(!result->at(2).enabled);
        QCOMPARE(result->at(3).clientId, QStringLiteral("admin-cli"));
        QVERIFY(result->at(3).backchannelLogoutUri.isEmpty());
        QCOMPARE(result->at(3).sessionCount, std::optional<qint64>(0)); // absent from the stats: none
    }

    void clientCredentialsAreSentAsAForm()
    {
        auto c = connector();
        QVERIFY(rps(*c).ok());
        const FakeRequest tokenRequest = m_kc->server.requests.first();
        QCOMPARE(tokenRequest.method, QByteArray("POST"));
        QCOMPARE(tokenRequest.form("grant_type"), QStringLiteral("client_credentials"));
        QCOMPARE(tokenRequest.form("client_secret"), m_kc->secret); // +, &, = and % survive the form
        QCOMPARE(m_kc->server.requests.at(1).header("authorization"), QByteArray("Bearer tok-1"));
    }

    void passwordGrantUsesAdminCli()
    {
        auto c = connector(profile(AuthMethod::Password), m_kc->secret);
        QVERIFY2(rps(*c).ok(), "password grant");
        const FakeRequest tokenRequest = m_kc->server.requests.first();
        QCOMPARE(tokenRequest.form("grant_type"), QStringLiteral("password"));
        QCOMPARE(tokenRequest.form("client_id"), QStringLiteral("admin-cli"));
        QCOMPARE(tokenRequest.form("username"), QStringLiteral("admin"));
    }

    void wrongPasswordSaysSo()
    {
        auto c = connector(profile(AuthMethod::Password), QStringLiteral("wrong"));
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("refused user \"admin\"")),
                 qPrintable(result.errorString()));
        QCOMPARE(result.error().code, int(IdpAuthFailed));
    }

    void wrongOrExpiredSecretSaysSo()
    {
        auto c = connector(profile(), QStringLiteral("expired"));
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("secret of client \"signoff\"")) &&
                     result.errorString().contains(QStringLiteral("expired")),
                 qPrintable(result.errorString()));
    }

    void unknownRealmIsNamed()
    {
        Profile p = profile();
        p.realm = QStringLiteral("acme-typo");
        auto c = connector(p, m_kc->secret);
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("realm \"acme-typo\" does not exist")),
                 qPrintable(result.errorString()));
        const auto facts = await<IdpFacts>([&](QObject *ctx, auto done) { c->facts(ctx, done); });
        QVERIFY2(facts.errorString().contains(QStringLiteral("realm \"acme-typo\" does not exist")),
                 qPrintable(facts.errorString()));
    }

    void missingRoleIsNamed()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == kAdmin + QStringLiteral("/clients") || r.path.startsWith(kAdmin + QStringLiteral("/users")))
                return forbidden();
            return std::nullopt;
        };
        auto c = connector();
        const auto clients = rps(*c);
        QVERIFY2(clients.errorString().contains(QStringLiteral("view-clients")), qPrintable(clients.errorString()));
        QVERIFY2(clients.errorString().contains(QStringLiteral("client \"signoff\"")),
                 qPrintable(clients.errorString()));
        QCOMPARE(clients.error().code, 403);
        SessionQuery q;
        q.user = QStringLiteral("alice");
        const Listing listing = listSessions(*c, q);
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("view-users")),
                 qPrintable(listing.status->errorString()));
    }

    void countsUnknownWithoutViewRealm()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path.endsWith(QLatin1String("/client-session-stats")))
                return forbidden();
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY(result.ok());
        QVERIFY(!result->first().sessionCount.has_value()); // unknown, not zero
        const auto report = await<ConnectionReport>([&](QObject *ctx, auto done) { c->testConnection(ctx, done); });
        QVERIFY(report.ok());
        QVERIFY2(report->notes.join(QLatin1Char('\n')).contains(QStringLiteral("view-realm")),
                 qPrintable(report->notes.join(QLatin1Char('\n'))));
    }

    void reauthenticatesOnceOn401()
    {
        auto c = connector();
        QVERIFY(rps(*c).ok());
        m_kc->revokeTokens(); // e.g. the admin's sessions were ended in Keycloak
        QVERIFY(rps(*c).ok());
        QCOMPARE(m_kc->tokensIssued, 2);
        QCOMPARE(m_kc->unauthorizedAnswers, 1);
    }

    void persistent401IsAnErrorAfterOneRetry()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path.startsWith(kAdmin))
                return FakeResponse::json(QByteArray(R"({"error":"HTTP 401 Unauthorized"})"), 401);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, 401);
        QCOMPARE(m_kc->tokensIssued, 2);
    }

    void renewsTheTokenBeforeItExpires()
    {
        m_kc->expiresIn = 1; // the fake refuses it afterwards
        auto c = connector();
        QVERIFY(rps(*c).ok());
        const qint64 expiry = m_kc->tokenExpiry.value("tok-1");
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > expiry, 10000);
        QVERIFY(rps(*c).ok());
        QCOMPARE(m_kc->tokensIssued, 2);
        QCOMPARE(m_kc->unauthorizedAnswers, 0); // renewed on its own, not after a refusal
    }

    void rateLimitedThenAnswers()
    {
        int refused = 0;
        m_kc->override = [&refused](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == kAdmin + QStringLiteral("/clients") && refused++ == 0)
                return FakeResponse::json(QByteArray(R"({"error":"too many requests"})"), 429)
                    .withHeader("Retry-After", "1");
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->size(), 5);
        QCOMPARE(m_kc->server.count(kAdmin + QStringLiteral("/clients")), 2);
    }

    void serverErrorIsAnError()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == kAdmin + QStringLiteral("/clients"))
                return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-server.json")), 500);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, 500);
        QVERIFY2(result.errorString().contains(QStringLiteral("HTTP 500")), qPrintable(result.errorString()));
    }

    void silentServerTimesOut()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == kAdmin + QStringLiteral("/clients"))
                return FakeResponse::never();
            return std::nullopt;
        };
        auto c = connector();
        c->http()->setTimeoutMs(300);
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, int(IdpTimeout));
    }

    void sessionsOfAClientPageUntilAShortPage()
    {
        auto c = connector();
        const Listing listing = listSessions(*c, forClient(QStringLiteral("shop"), 2));
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        QCOMPARE(listing.pages.size(), 3);
        QCOMPARE(listing.pages.at(2).size(), 1);
        QCOMPARE(listing.progress.last().received, 5);
        const IdpSession first = listing.all().first();
        QCOMPARE(first.id, QStringLiteral("9d3e2a10-1c2b-4b7a-8f00-000000000001"));
        QCOMPARE(first.userName, QStringLiteral("alice"));
        QCOMPARE(first.ip, std::optional<QString>(QStringLiteral("192.0.2.10")));
        QCOMPARE(first.started->toMSecsSinceEpoch(), 1764500000000); // epoch milliseconds
        QCOMPARE(first.lastAccess->toMSecsSinceEpoch(), 1764500060000);
        QCOMPARE(clientIds(first.rps), (QStringList{QStringLiteral("shop"), QStringLiteral("wiki")}));
        QCOMPARE(first.rps.first().sid, std::optional<QString>(first.id)); // Keycloak's sid is the session id
    }

    void sessionLimitStopsPaging()
    {
        auto c = connector();
        SessionQuery q = forClient(QStringLiteral("shop"), 2);
        q.limit = 3;
        const Listing listing = listSessions(*c, q);
        QVERIFY(listing.status->ok());
        QCOMPARE(listing.all().size(), 3);
        const QString path = kAdmin + QStringLiteral("/clients/3b0f6c2e-6f1a-4d8e-9a51-0c1d2e3f4a01/user-sessions");
        QCOMPARE(m_kc->server.count(path), 2);
        QCOMPARE(m_kc->server.requests.last().param("max"), QStringLiteral("1"));
    }

    void unknownClientIsAnError()
    {
        auto c = connector();
        const Listing listing = listSessions(*c, forClient(QStringLiteral("nope"), 2));
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("no client \"nope\"")),
                 qPrintable(listing.status->errorString()));
    }

    void aPageFailingMidwayIsAnErrorNotAShortList()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path.endsWith(QLatin1String("/user-sessions")) && r.param("first") == QLatin1String("2"))
                return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-server.json")), 500);
            return std::nullopt;
        };
        auto c = connector();
        const Listing listing = listSessions(*c, forClient(QStringLiteral("shop"), 2));
        QVERIFY(!listing.status->ok());
        QCOMPARE(listing.status->error().code, 500);
        QCOMPARE(listing.all().size(), 2); // what arrived before the failure, flagged by the error
    }

    void sessionsOfAUserByNameOrId()
    {
        auto c = connector();
        SessionQuery q;
        q.user = QStringLiteral("alice");
        Listing listing = listSessions(*c, q);
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        QCOMPARE(listing.all().size(), 2);
        q.user = QStringLiteral("b1a7c0de-0000-4000-8000-000000000002");
        listing = listSessions(*c, q);
        QVERIFY(listing.status->ok());
        QCOMPARE(listing.all().size(), 1);
        QCOMPARE(listing.all().first().userName, QStringLiteral("bob"));
        q.user = QStringLiteral("alice");
        q.clientId = QStringLiteral("wiki");
        listing = listSessions(*c, q);
        QCOMPARE(listing.all().size(), 1);
        q.user = QStringLiteral("mallory");
        listing = listSessions(*c, q);
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("no user \"mallory\"")),
                 qPrintable(listing.status->errorString()));
    }

    void allSessionsWalkEveryClientOnce()
    {
        auto c = connector();
        c->setPageSize(2);
        SessionQuery q;
        q.pageSize = 2;
        const Listing listing = listSessions(*c, q);
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        const QList<IdpSession> all = listing.all();
        QCOMPARE(all.size(), 5); // 5 + 2 + 2 sightings of 5 sessions
        QSet<QString> ids;
        for (const IdpSession &s : all)
            ids.insert(s.id);
        QCOMPARE(ids.size(), 5);
        const auto dave = std::find_if(all.begin(), all.end(),
                                       [](const IdpSession &s) { return s.userName == QLatin1String("dave"); });
        QCOMPARE(clientIds(dave->rps),
                 (QStringList{QStringLiteral("reports"), QStringLiteral("shop"), QStringLiteral("wiki")}));
    }

    void logoutSupportSaysWhatKeycloakDoes()
    {
        auto c = connector();
        const LogoutSupport support = c->logoutSupport();
        QVERIFY(support.endsSessions);
        QVERIFY(support.sendsTokens);
        QVERIFY(!support.reportsOutcomes);
        QVERIFY(!support.canResend);
        QCOMPARE(support.maxBatch, 1);
        QVERIFY2(support.resendAdvice.contains(QStringLiteral("cannot send a logout token again")),
                 qPrintable(support.resendAdvice));
        QVERIFY2(support.resendAdvice.contains(QStringLiteral("RP's operator")), qPrintable(support.resendAdvice));
    }

    void logoutDeletesTheSessionWithTheBearer()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        QCOMPARE(session.id, kAliceSession);
        const auto result = logout(*c, {session});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(result->idpRunId.isEmpty()); // Keycloak has no runs and reports nothing back
        QVERIFY(!result->eventsCursor.has_value());
        QVERIFY(result->expected.isEmpty());
        QCOMPARE(deletes().size(), 1);
        QCOMPARE(deletes().first().path, kAdmin + QStringLiteral("/sessions/") + kAliceSession);
        QVERIFY(!deletes().first().hasParam("isOffline"));
        QCOMPARE(deletes().first().header("authorization"), QByteArray("Bearer tok-1"));
        QCOMPARE(m_kc->deletedSessions, QStringList{kAliceSession});
        QVERIFY(!m_kc->hasSession(kAliceSession));
    }

    void logoutOfAGoneSessionSaysItNoLongerExists()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        QVERIFY(logout(*c, {session}).ok());
        const auto again = logout(*c, {session});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, 404);
        QVERIFY2(again.errorString().contains(QStringLiteral("session no longer exists")) &&
                     again.errorString().contains(kAliceSession),
                 qPrintable(again.errorString()));
    }

    void logoutInAMissingRealmSaysSo()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::json(QByteArray(R"({"error":"Realm not found."})"), 404);
            return std::nullopt;
        };
        auto c = connector();
        IdpSession session;
        session.id = kAliceSession;
        const auto result = logout(*c, {session});
        QCOMPARE(result.error().code, 404);
        QVERIFY2(result.errorString().contains(QStringLiteral("realm \"acme\" does not exist")),
                 qPrintable(result.errorString()));
    }

    void logoutWithoutManageUsersNamesTheRole()
    {
        m_kc->manageUsers = false;
        auto c = connector();
        const auto result = logout(*c, {aliceSession(*c)});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, 403);
        QVERIFY2(result.errorString().contains(QStringLiteral("manage-users")) &&
                     result.errorString().contains(QStringLiteral("client \"signoff\"")),
                 qPrintable(result.errorString()));
        QVERIFY(m_kc->hasSession(kAliceSession));
    }

    void logoutServerErrorIsAnError()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-server.json")), 500);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = logout(*c, {aliceSession(*c)});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, 500);
        QVERIFY2(result.errorString().contains(QStringLiteral("HTTP 500")) &&
                     result.errorString().contains(kAliceSession),
                 qPrintable(result.errorString()));
    }

    void logoutToASilentServerTimesOutWithTheOutcomeOpen()
    {
        m_kc->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::never();
            return std::nullopt;
        };
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        c->setLogoutTimeout(300, 0);
        const auto result = logout(*c, {session});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, int(IdpTimeout));
        QVERIFY2(result.errorString().contains(QStringLiteral("may still be sending logout tokens")),
                 qPrintable(result.errorString()));
    }

    // Keycloak answers the DELETE only after posting every RP's token (up to 5 s each): the call
    // must outwait that even where the client's usual read timeout is shorter.
    void logoutWaitsWhileKeycloakSendsTheTokens()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        QCOMPARE(session.rps.size(), 2);
        QCOMPARE(c->logoutTimeoutMs(session), 60000 + 2 * 5000);
        c->http()->setTimeoutMs(2000);
        m_kc->deleteDelayMs = 4000;
        const auto result = logout(*c, {session});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(m_kc->deletedSessions, QStringList{kAliceSession});
    }

    void logoutReauthenticatesOnceOn401()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        m_kc->revokeTokens();
        const auto result = logout(*c, {session});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(m_kc->tokensIssued, 2);
        QCOMPARE(m_kc->unauthorizedAnswers, 1);
        QCOMPARE(deletes().size(), 2);
        QCOMPARE(deletes().last().header("authorization"), QByteArray("Bearer tok-2"));
    }

    void logoutTakesOneSessionPerCall()
    {
        auto c = connector();
        IdpSession a;
        a.id = kAliceSession;
        IdpSession b;
        b.id = QStringLiteral("9d3e2a10-1c2b-4b7a-8f00-000000000002");
        QVERIFY(!logout(*c, {a, b}).ok());
        QVERIFY(deletes().isEmpty());
    }

    void sessionsByIdWalkEverySession()
    {
        auto c = connector();
        const auto found = await<QList<IdpSession>>([&](QObject *ctx, auto done) {
            c->sessionsById({kAliceSession, QStringLiteral("gone")}, ctx, done);
        });
        QVERIFY2(found.ok(), qPrintable(found.errorString()));
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().id, kAliceSession);
    }

    // What an integration test of a whole run seeds: one session over a normal RP, the
    // front-channel one, the disabled one and the one without a back-channel URL.
    void fakeServesAWholeRunScenario()
    {
        const QString sid = QStringLiteral("run-session-1");
        m_kc->addSession(sid, kAliceId,
                         {QStringLiteral("shop"), QStringLiteral("wiki"), QStringLiteral("legacy-crm"),
                          QStringLiteral("admin-cli")});
        m_kc->editClient(QStringLiteral("shop"), [](QJsonObject &client) {
            FakeKeycloak::setBackchannelUrl(client, QStringLiteral("http://127.0.0.1:9/bcl"));
        });
        auto c = connector();
        const auto clients = rps(*c);
        QVERIFY2(clients.ok(), qPrintable(clients.errorString()));
        QCOMPARE(clients->at(0).backchannelLogoutUri, QStringLiteral("http://127.0.0.1:9/bcl"));
        QCOMPARE(clients->at(2).sessionCount, std::optional<qint64>(1)); // legacy-crm: the seeded session
        SessionQuery q;
        q.user = QStringLiteral("alice");
        const QList<IdpSession> all = listSessions(*c, q).all();
        QCOMPARE(all.size(), 3);
        const auto seeded = std::find_if(all.begin(), all.end(), [&](const IdpSession &s) { return s.id == sid; });
        QVERIFY(seeded != all.end());
        const IdpSession session = *seeded;
        QCOMPARE(clientIds(session.rps), (QStringList{QStringLiteral("admin-cli"), QStringLiteral("legacy-crm"),
                                                      QStringLiteral("shop"), QStringLiteral("wiki")}));
        QVERIFY(logout(*c, {session}).ok());
        QVERIFY(!m_kc->hasSession(sid));
        QCOMPARE(listSessions(*c, q).all().size(), 2);
    }

    void factsFromDiscoveryAndServerInfo()
    {
        auto c = connector();
        const auto facts = await<IdpFacts>([&](QObject *ctx, auto done) { c->facts(ctx, done); });
        QVERIFY2(facts.ok(), qPrintable(facts.errorString()));
        QCOMPARE(facts->kind, QStringLiteral("keycloak"));
        QCOMPARE(facts->issuer, QStringLiteral("http://127.0.0.1/realms/acme"));
        QCOMPARE(facts->backchannelLogoutSupported, std::optional<bool>(true));
        QCOMPARE(facts->backchannelLogoutSessionSupported, std::optional<bool>(true));
        QCOMPARE(facts->version, QStringLiteral("25.0.6"));
    }

    void testConnectionReports()
    {
        auto c = connector();
        const auto report = await<ConnectionReport>([&](QObject *ctx, auto done) { c->testConnection(ctx, done); });
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report->relyingParties, std::optional<int>(5));
        QVERIFY(report->capabilities.testFlag(IdpCapability::SessionsPerRp));
        QCOMPARE(report->facts.version, QStringLiteral("25.0.6"));
    }
};

QTEST_GUILESS_MAIN(TestKeycloakConnector)
#include "tst_keycloakconnector.moc"
