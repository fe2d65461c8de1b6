#include "Await.h"
#include "FakeIdpServer.h"
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

// Keycloak 24–26 as far as the connector uses it: the realm's token endpoint (client credentials
// for client "signoff", password grant for "admin" with admin-cli), discovery, and the admin paths,
// paged with first/max, all from the fixtures. Tokens expire as they say; a test may answer any
// request differently through override.
class FakeKeycloak
{
public:
    FakeIdpServer server;
    QString secret = QStringLiteral("s3cret+&=%");
    int expiresIn = 60;
    int tokensIssued = 0;
    int unauthorizedAnswers = 0;
    QHash<QByteArray, qint64> tokenExpiry; // token -> ms since epoch
    std::function<std::optional<FakeResponse>(const FakeRequest &)> override;
    QJsonArray clients = fixtureArray(QStringLiteral("keycloak/clients.json"));
    QJsonArray sessions = fixtureArray(QStringLiteral("keycloak/user-sessions.json"));

    FakeKeycloak()
    {
        server.setHandler([this](const FakeRequest &r) { return handle(r); });
        QVERIFY(server.listen());
    }

    void revokeTokens() { tokenExpiry.clear(); }

private:
    FakeResponse handle(const FakeRequest &r)
    {
        if (override)
            if (std::optional<FakeResponse> answer = override(r))
                return *answer;
        const QString realmPrefix = QStringLiteral("/realms/") + kRealm;
        if (r.path.endsWith(QLatin1String("/protocol/openid-connect/token")))
            return r.path.startsWith(realmPrefix + QLatin1Char('/')) ? token(r) : notFoundRealm();
        if (r.path.endsWith(QLatin1String("/.well-known/openid-configuration")))
            return r.path.startsWith(realmPrefix + QLatin1Char('/'))
                       ? FakeResponse::json(readFixture(QStringLiteral("keycloak/openid-configuration.json")))
                       : notFoundRealm();
        if (!authorized(r)) {
            ++unauthorizedAnswers;
            return FakeResponse::json(QByteArray(R"({"error":"HTTP 401 Unauthorized"})"), 401);
        }
        if (r.path == QLatin1String("/admin/serverinfo"))
            return FakeResponse::json(readFixture(QStringLiteral("keycloak/serverinfo.json")));
        if (!r.path.startsWith(kAdmin + QLatin1Char('/')))
            return FakeResponse::json(QByteArray(R"({"error":"Realm not found."})"), 404);
        return admin(r, r.path.mid(kAdmin.size()));
    }

    static FakeResponse notFoundRealm()
    {
        return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-realm-not-found.json")), 404);
    }

    bool authorized(const FakeRequest &r) const
    {
        const QByteArray auth = r.header("authorization");
        if (!auth.startsWith("Bearer "))
            return false;
        const auto it = tokenExpiry.constFind(auth.mid(7));
        return it != tokenExpiry.cend() && QDateTime::currentMSecsSinceEpoch() < *it;
    }

    FakeResponse token(const FakeRequest &r)
    {
        const QString grant = r.form("grant_type");
        const bool ok = grant == QLatin1String("client_credentials")
                            ? r.form("client_id") == QLatin1String("signoff") && r.form("client_secret") == secret
                            : grant == QLatin1String("password") && r.form("client_id") == QLatin1String("admin-cli") &&
                                  r.form("username") == QLatin1String("admin") && r.form("password") == secret;
        if (!ok)
            return FakeResponse::json(readFixture(grant == QLatin1String("password")
                                                      ? QStringLiteral("keycloak/error-invalid-grant.json")
                                                      : QStringLiteral("keycloak/error-invalid-client.json")),
                                      401);
        const QByteArray value = "tok-" + QByteArray::number(++tokensIssued);
        tokenExpiry.insert(value, QDateTime::currentMSecsSinceEpoch() + expiresIn * 1000LL);
        QJsonObject o = QJsonDocument::fromJson(readFixture(QStringLiteral("keycloak/token.json"))).object();
        o.insert(QStringLiteral("access_token"), QString::fromLatin1(value));
        o.insert(QStringLiteral("expires_in"), expiresIn);
        return FakeResponse::json(QJsonDocument(o));
    }

    static qsizetype intParam(const FakeRequest &r, const char *name, qsizetype fallback)
    {
        return r.hasParam(name) ? r.param(name).toLongLong() : fallback;
    }

    QJsonArray sessionsWhere(const std::function<bool(const QJsonObject &)> &keep) const
    {
        QJsonArray out;
        for (const QJsonValue &v : sessions)
            if (keep(v.toObject()))
                out.append(v);
        return out;
    }

    FakeResponse admin(const FakeRequest &r, const QString &path)
    {
        const qsizetype first = intParam(r, "first", 0);
        const qsizetype max = intParam(r, "max", 100);
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (path == QLatin1String("/clients")) {
            if (r.hasParam("clientId")) {
                QJsonArray match;
                for (const QJsonValue &c : clients)
                    if (c.toObject().value(QStringLiteral("clientId")).toString() == r.param("clientId"))
                        match.append(c);
                return FakeResponse::json(QJsonDocument(match));
            }
            return FakeResponse::json(slice(clients, first, max));
        }
        if (path == QLatin1String("/client-session-stats"))
            return FakeResponse::json(readFixture(QStringLiteral("keycloak/client-session-stats.json")));
        if (parts.size() == 3 && parts[0] == QLatin1String("clients") && parts[2] == QLatin1String("user-sessions")) {
            const QString uuid = parts[1];
            return FakeResponse::json(slice(sessionsWhere([&](const QJsonObject &s) {
                                                return s.value(QStringLiteral("clients")).toObject().contains(uuid);
                                            }),
                                            first, max));
        }
        const QJsonArray users = fixtureArray(QStringLiteral("keycloak/users.json"));
        if (path == QLatin1String("/users")) {
            QJsonArray match;
            for (const QJsonValue &u : users) {
                const QString name = u.toObject().value(QStringLiteral("username")).toString();
                if ((!r.hasParam("username") || name == r.param("username")) &&
                    (!r.hasParam("search") || name.contains(r.param("search"))))
                    match.append(u);
            }
            return FakeResponse::json(slice(match, first, max));
        }
        if (parts.size() >= 2 && parts[0] == QLatin1String("users")) {
            const QString id = parts[1];
            const auto user = std::find_if(users.begin(), users.end(), [&](const QJsonValue &u) {
                return u.toObject().value(QStringLiteral("id")).toString() == id;
            });
            if (user == users.end())
                return FakeResponse::json(QByteArray(R"({"error":"User not found"})"), 404);
            if (parts.size() == 2)
                return FakeResponse::json(QJsonDocument((*user).toObject()));
            if (parts.size() == 3 && parts[2] == QLatin1String("sessions"))
                return FakeResponse::json(QJsonDocument(sessionsWhere(
                    [&](const QJsonObject &s) { return s.value(QStringLiteral("userId")).toString() == id; })));
        }
        return FakeResponse::json(QByteArray(R"({"error":"Unable to find matching target resource method"})"), 404);
    }
};

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
