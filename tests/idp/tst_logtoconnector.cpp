#include "Await.h"
#include "FakeIdpServer.h"
#include "idp/logto/LogtoConnector.h"

#include <QDateTime>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace signoff;

namespace {
const QString kAppId = QStringLiteral("m2m-mgmt-test");
const QString kWebApp = QStringLiteral("nxy28enc5dqw3paxakn4j"); // the captured Traditional app
const QString kOtherApp = QStringLiteral("app-3");
const QString kAlice = QStringLiteral("01kjd5ow6nxw");

QJsonObject firstObject(const QJsonArray &a)
{
    return a.first().toObject();
}

// Logto core as far as the connector uses it, from the captured answers: the M2M token for the
// Management API resource, applications and users paged with page/page_size and Total-Number, and
// each user's sessions. The one captured user, app and session are multiplied (new ids, same
// shape) so that listings span several pages. DELETE of a session ends it: the user's sessions
// list it no more, and a second DELETE answers 404 (a JSON code; hand-written, not captured).
class FakeLogto
{
public:
    FakeIdpServer server;
    QString secret = QStringLiteral("m2m-secret");
    bool sessionsRoute = true; // false: Logto 1.37 without dev features
    QString sessionsFixture = QStringLiteral("logto/user-sessions.json");
    int tokensIssued = 0;
    int unauthorizedAnswers = 0;
    QSet<QByteArray> tokens;
    std::function<std::optional<FakeResponse>(const FakeRequest &)> override;
    QJsonArray applications;
    QJsonArray users;
    QSet<QString> endedSessions; // uids

    FakeLogto()
    {
        applications = fixtureArray(QStringLiteral("logto/applications.json"));
        const QJsonObject web = firstObject(applications);
        for (int i = 3; i <= 5; ++i) {
            QJsonObject app = web;
            app.insert(QStringLiteral("id"), QStringLiteral("app-%1").arg(i));
            app.insert(QStringLiteral("name"), QStringLiteral("App %1").arg(i));
            applications.append(app);
        }
        users = fixtureArray(QStringLiteral("logto/users.json"));
        const QJsonObject alice = firstObject(users);
        for (int i = 2; i <= 5; ++i) {
            QJsonObject u = alice;
            u.insert(QStringLiteral("id"), QStringLiteral("user-%1").arg(i));
            u.insert(QStringLiteral("username"), QStringLiteral("user%1").arg(i));
            u.insert(QStringLiteral("name"), QStringLiteral("User %1").arg(i));
            users.append(u);
        }
        server.setHandler([this](const FakeRequest &r) { return handle(r); });
        QVERIFY(server.listen());
    }

private:
    FakeResponse handle(const FakeRequest &r)
    {
        if (override)
            if (std::optional<FakeResponse> answer = override(r))
                return *answer;
        if (r.path == QLatin1String("/oidc/token"))
            return token(r);
        if (r.path == QLatin1String("/oidc/.well-known/openid-configuration"))
            return FakeResponse::json(readFixture(QStringLiteral("logto/openid-configuration.json")));
        if (!r.path.startsWith(QLatin1String("/api/")))
            return FakeResponse::json(QByteArray("Not Found"), 404);
        if (!r.header("authorization").startsWith("Bearer ") || !tokens.contains(r.header("authorization").mid(7))) {
            ++unauthorizedAnswers;
            return FakeResponse::json(readFixture(QStringLiteral("logto/error-unauthorized.json")), 401);
        }
        return api(r);
    }

    FakeResponse token(const FakeRequest &r)
    {
        const QByteArray expected = "Basic " + QByteArray(kAppId.toUtf8() + ':' + secret.toUtf8()).toBase64();
        if (r.header("authorization") != expected)
            return FakeResponse::json(readFixture(QStringLiteral("logto/error-invalid-client.json")), 401);
        if (r.form("grant_type") != QLatin1String("client_credentials") || r.form("scope") != QLatin1String("all"))
            return FakeResponse::json(QByteArray(R"({"error":"invalid_request"})"), 400);
        if (r.form("resource") != QLatin1String("https://default.logto.app/api"))
            return FakeResponse::json(readFixture(QStringLiteral("logto/error-invalid-target.json")), 400);
        const QByteArray value = "logto-" + QByteArray::number(++tokensIssued);
        tokens.insert(value);
        QJsonObject o = QJsonDocument::fromJson(readFixture(QStringLiteral("logto/m2m-token-response.json"))).object();
        o.insert(QStringLiteral("access_token"), QString::fromLatin1(value));
        return FakeResponse::json(QJsonDocument(o));
    }

    static FakeResponse paged(const QJsonArray &items, const FakeRequest &r)
    {
        const qsizetype page = r.hasParam("page") ? r.param("page").toLongLong() : 1;
        const qsizetype size = r.hasParam("page_size") ? r.param("page_size").toLongLong() : 20;
        return FakeResponse::json(slice(items, (page - 1) * size, size))
            .withHeader("Total-Number", QByteArray::number(items.size()));
    }

    // User k (1-based) has one session; odd users are signed in to the captured web app, users
    // from the third on to app-3.
    QJsonDocument sessionsOf(qsizetype k, const QString &userId) const
    {
        QJsonObject doc = QJsonDocument::fromJson(readFixture(sessionsFixture)).object();
        QJsonArray list = doc.value(QStringLiteral("sessions")).toArray();
        QJsonObject session = list.first().toObject();
        QJsonObject payload = session.value(QStringLiteral("payload")).toObject();
        const QJsonObject grant = payload.value(QStringLiteral("authorizations")).toObject().begin()->toObject();
        QJsonObject authorizations;
        if (k % 2 == 1) {
            QJsonObject g = grant;
            g.insert(QStringLiteral("sid"), QStringLiteral("sid-web-%1").arg(k));
            authorizations.insert(kWebApp, g);
        }
        if (k >= 3) {
            QJsonObject g = grant;
            g.insert(QStringLiteral("sid"), QStringLiteral("sid-3-%1").arg(k));
            authorizations.insert(kOtherApp, g);
        }
        payload.insert(QStringLiteral("authorizations"), authorizations);
        payload.insert(QStringLiteral("accountId"), userId);
        if (k > 1)
            payload.insert(QStringLiteral("uid"), QStringLiteral("uid-%1").arg(k));
        session.insert(QStringLiteral("payload"), payload);
        list[0] = session;
        if (endedSessions.contains(payload.value(QStringLiteral("uid")).toString()))
            list = QJsonArray();
        doc.insert(QStringLiteral("sessions"), list);
        return QJsonDocument(doc);
    }

    FakeResponse endSession(qsizetype k, const QString &userId, const QString &uid)
    {
        const QJsonArray current = sessionsOf(k, userId).object().value(QStringLiteral("sessions")).toArray();
        if (current.isEmpty() ||
            current.first().toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("uid")) != uid)
            return FakeResponse::json(
                QByteArray(R"({"message":"The session does not exist.","code":"entity.not_exists"})"), 404);
        endedSessions.insert(uid);
        return FakeResponse::json(QByteArray(), 204);
    }

    FakeResponse api(const FakeRequest &r)
    {
        const QStringList parts = r.path.mid(5).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts == QStringList{QStringLiteral("applications")})
            return paged(applications, r);
        if (parts == QStringList{QStringLiteral("users")}) {
            if (!r.hasParam("search"))
                return paged(users, r);
            QJsonArray match;
            for (const QJsonValue &u : users)
                if (u.toObject().value(QStringLiteral("username")).toString().contains(r.param("search")))
                    match.append(u);
            return paged(match, r);
        }
        if (parts.size() >= 2 && parts[0] == QLatin1String("users")) {
            qsizetype k = 0;
            while (k < users.size() && users.at(k).toObject().value(QStringLiteral("id")).toString() != parts[1])
                ++k;
            if (parts.size() >= 3 && parts[2] == QLatin1String("sessions") && !sessionsRoute)
                return FakeResponse::json(QByteArray("Not Found"), 404);
            if (k == users.size())
                return FakeResponse::json(readFixture(QStringLiteral("logto/error-user-not-found.json")), 404);
            if (parts.size() == 2)
                return FakeResponse::json(QJsonDocument(users.at(k).toObject()));
            if (parts.size() == 3 && parts[2] == QLatin1String("sessions"))
                return FakeResponse::json(sessionsOf(k + 1, parts[1]));
            if (parts.size() == 4 && parts[2] == QLatin1String("sessions") && r.method == "DELETE")
                return endSession(k + 1, parts[1], parts[3]);
        }
        return FakeResponse::json(QByteArray("Not Found"), 404);
    }
};

QStringList ids(const QList<IdpSession> &sessions)
{
    QStringList out;
    for (const IdpSession &s : sessions)
        out << s.id;
    return out;
}
} // namespace

class TestLogtoConnector : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<FakeLogto> m_logto;

    Profile profile() const
    {
        Profile p;
        p.id = QStringLiteral("logto");
        p.name = QStringLiteral("Logto");
        p.kind = IdpKind::Logto;
        p.baseUrl = m_logto->server.url();
        p.clientId = kAppId;
        return p;
    }

    std::unique_ptr<LogtoConnector> connector(const Profile &p, const QString &secret)
    {
        auto c = std::make_unique<LogtoConnector>(&m_nam, p, secretOf(secret));
        c->setPageSize(2);
        c->http()->setMaxRetryAfterS(5);
        return c;
    }
    std::unique_ptr<LogtoConnector> connector() { return connector(profile(), m_logto->secret); }

    static Result<QList<RelyingParty>> rps(LogtoConnector &c)
    {
        return await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c.relyingParties(ctx, done); });
    }

    static Result<LogoutDispatch> logout(LogtoConnector &c, const QList<IdpSession> &sessions)
    {
        return await<LogoutDispatch>([&](QObject *ctx, auto done) { c.logoutSessions(sessions, 1, ctx, done); });
    }

    IdpSession aliceSession(LogtoConnector &c)
    {
        const Listing listing = listSessions(c, query(QString(), kAlice));
        return listing.all().value(0);
    }

    QList<FakeRequest> deletes() const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : m_logto->server.requests)
            if (r.method == "DELETE")
                out << r;
        return out;
    }

    static SessionQuery query(const QString &clientId, const QString &user = {})
    {
        SessionQuery q;
        q.clientId = clientId;
        q.user = user;
        return q;
    }

private slots:
    void init()
    {
        m_logto = std::make_unique<FakeLogto>();
        m_nam.clearConnectionCache();
    }

    void applicationsAcrossPages()
    {
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(m_logto->server.count(QStringLiteral("/api/applications")), 3); // 5 apps, 2 a page
        QCOMPARE(result->size(), 4);                                             // the M2M app is no RP
        const RelyingParty web = result->first();
        QCOMPARE(web.clientId, kWebApp);
        QCOMPARE(web.name, QStringLiteral("BCL test web app"));
        QCOMPARE(web.backchannelLogoutUri, QStringLiteral("http://127.0.0.1:9099/backchannel"));
        QVERIFY(web.sessionRequired);
        QVERIFY(!web.sessionCount.has_value()); // Logto does not count sessions
    }

    void tokenForTheManagementApi()
    {
        auto c = connector();
        QVERIFY(rps(*c).ok());
        const FakeRequest t = m_logto->server.requests.first();
        QCOMPARE(t.path, QStringLiteral("/oidc/token"));
        QCOMPARE(t.form("resource"), QStringLiteral("https://default.logto.app/api"));
        QCOMPARE(t.form("scope"), QStringLiteral("all"));
        QCOMPARE(c->resource(), QStringLiteral("https://default.logto.app/api"));
    }

    void wrongResourceIsSaidPlainly()
    {
        Profile p = profile();
        p.realm = QStringLiteral("acme");
        auto c = connector(p, m_logto->secret);
        QCOMPARE(c->resource(), QStringLiteral("https://acme.logto.app/api"));
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("does not know the API resource "
                                                              "https://acme.logto.app/api")),
                 qPrintable(result.errorString()));
    }

    void wrongSecretSaysSo()
    {
        auto c = connector(profile(), QStringLiteral("nope"));
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("does not accept app \"m2m-mgmt-test\"")),
                 qPrintable(result.errorString()));
    }

    // What a real Logto 1.37.1 answered a profile whose base URL was its admin endpoint (port 3002):
    // that Logto has no such app, which is not a wrong secret.
    void unknownAppIsNotCalledAWrongSecret()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == QLatin1String("/oidc/token"))
                return FakeResponse::json(readFixture(QStringLiteral("logto/error-unknown-client.json")), 400);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("has no app \"m2m-mgmt-test\"")),
                 qPrintable(result.errorString()));
        QVERIFY2(result.errorString().contains(QStringLiteral("not its admin console endpoint")),
                 qPrintable(result.errorString()));
    }

    void sessionsOfAnAppByWalkingUsers()
    {
        auto c = connector();
        const Listing listing = listSessions(*c, query(kWebApp));
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        QCOMPARE(m_logto->server.count(QStringLiteral("/api/users")), 3); // 5 users, 2 a page
        QCOMPARE(listing.pages.size(), 3);
        QCOMPARE(ids(listing.all()), (QStringList{QStringLiteral("mZGjk0RNSE2nG1zNAGyFr"), QStringLiteral("uid-3"),
                                                  QStringLiteral("uid-5")}));
        const IdpSession alice = listing.all().first();
        QCOMPARE(alice.userId, kAlice);
        QCOMPARE(alice.userName, QStringLiteral("alice"));
        QCOMPARE(alice.ip, std::optional<QString>(QStringLiteral("127.0.0.1")));
        QCOMPARE(alice.started->toSecsSinceEpoch(), 1796053473);
        QVERIFY(!alice.lastAccess.has_value()); // Logto keeps none: not invented
        QCOMPARE(alice.rps.size(), 1);
        QCOMPARE(alice.rps.first().clientId, kWebApp);
        QCOMPARE(alice.rps.first().sid, std::optional<QString>(QStringLiteral("sid-web-1")));
        QCOMPARE(listing.progress.last().total, std::optional<qint64>(3));
    }

    void sessionsInLogto142Shape()
    {
        m_logto->sessionsFixture = QStringLiteral("logto/user-sessions-1.42.json");
        auto c = connector();
        const Listing listing = listSessions(*c, query(QString(), kAlice));
        QVERIFY(listing.status->ok());
        QCOMPARE(ids(listing.all()), QStringList{QStringLiteral("OQvW62p0kDofvlPn1GiQOSrB5n2Lwn5zAlbwEH-R3nJ")});
    }

    void sessionsOfAUserByIdOrName()
    {
        auto c = connector();
        Listing listing = listSessions(*c, query(QString(), QStringLiteral("user5")));
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        QCOMPARE(ids(listing.all()), QStringList{QStringLiteral("uid-5")});
        QCOMPARE(listing.all().first().rps.size(), 2);
        listing = listSessions(*c, query(kOtherApp, kAlice));
        QVERIFY(listing.status->ok());
        QVERIFY(listing.all().isEmpty()); // alice has no session with app-3
        listing = listSessions(*c, query(QString(), QStringLiteral("mallory")));
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("no user \"mallory\"")),
                 qPrintable(listing.status->errorString()));
    }

    void sessionLimitStopsTheWalk()
    {
        auto c = connector();
        SessionQuery q = query(kOtherApp);
        q.limit = 2;
        const Listing listing = listSessions(*c, q);
        QVERIFY(listing.status->ok());
        QCOMPARE(ids(listing.all()), (QStringList{QStringLiteral("uid-3"), QStringLiteral("uid-4")}));
        QCOMPARE(m_logto->server.count(QStringLiteral("/api/users/user-5/sessions")), 0);
    }

    void logto137WithoutDevFeaturesNeeds138()
    {
        m_logto->sessionsRoute = false;
        auto c = connector();
        const Listing listing = listSessions(*c, query(kWebApp));
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("Logto 1.38")),
                 qPrintable(listing.status->errorString()));
        const auto report = await<ConnectionReport>([&](QObject *ctx, auto done) { c->testConnection(ctx, done); });
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QVERIFY(report->notes.first().contains(QStringLiteral("Logto 1.38")));
        QVERIFY(!report->capabilities.testFlag(IdpCapability::SessionsPerUser));
    }

    void aUserDeletedDuringTheWalkIsSkipped()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == QLatin1String("/api/users/user-3/sessions"))
                return FakeResponse::json(readFixture(QStringLiteral("logto/error-entity-not-found.json")), 404);
            return std::nullopt;
        };
        auto c = connector();
        const Listing listing = listSessions(*c, query(kWebApp));
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        QCOMPARE(ids(listing.all()), (QStringList{QStringLiteral("mZGjk0RNSE2nG1zNAGyFr"), QStringLiteral("uid-5")}));
    }

    void aPageFailingMidwayIsAnErrorNotAShortList()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == QLatin1String("/api/users") && r.param("page") == QLatin1String("2"))
                return FakeResponse::json(QByteArray(R"({"message":"Internal server error"})"), 500);
            return std::nullopt;
        };
        auto c = connector();
        const Listing listing = listSessions(*c, query(kWebApp));
        QVERIFY(!listing.status->ok());
        QCOMPARE(listing.status->error().code, 500);
    }

    void aSessionsCallFailingIsAnError()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == QLatin1String("/api/users/user-4/sessions"))
                return FakeResponse::json(QByteArray(R"({"message":"Internal server error"})"), 500);
            return std::nullopt;
        };
        auto c = connector();
        const Listing listing = listSessions(*c, query(kWebApp));
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("HTTP 500")),
                 qPrintable(listing.status->errorString()));
    }

    void missingRoleIsNamed()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path.startsWith(QLatin1String("/api/")))
                return FakeResponse::json(readFixture(QStringLiteral("logto/error-forbidden.json")), 403);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("Logto Management API access")),
                 qPrintable(result.errorString()));
    }

    void reauthenticatesOnceOn401()
    {
        auto c = connector();
        QVERIFY(rps(*c).ok());
        m_logto->tokens.clear();
        QVERIFY(rps(*c).ok());
        QCOMPARE(m_logto->tokensIssued, 2);
        QCOMPARE(m_logto->unauthorizedAnswers, 1);
    }

    void rateLimitedThenAnswers()
    {
        int refused = 0;
        m_logto->override = [&refused](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == QLatin1String("/api/applications") && refused++ == 0)
                return FakeResponse::json(QByteArray(R"({"message":"Too many requests"})"), 429)
                    .withHeader("Retry-After", "1");
            return std::nullopt;
        };
        auto c = connector();
        const auto result = rps(*c);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->size(), 4);
    }

    void silentServerTimesOut()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == QLatin1String("/api/users/user-2/sessions"))
                return FakeResponse::never();
            return std::nullopt;
        };
        auto c = connector();
        c->http()->setTimeoutMs(300);
        const Listing listing = listSessions(*c, query(kWebApp));
        QVERIFY(!listing.status->ok());
        QCOMPARE(listing.status->error().code, int(IdpTimeout));
    }

    void logoutSupportSaysNoTokens()
    {
        auto c = connector();
        const LogoutSupport support = c->logoutSupport();
        QVERIFY(support.endsSessions);
        QVERIFY(!support.sendsTokens);
        QVERIFY(!support.reportsOutcomes);
        QVERIFY(!support.canResend);
        QCOMPARE(support.maxBatch, 1);
        QVERIFY2(support.noTokensReason.contains(QStringLiteral("without sending logout tokens")) &&
                     support.noTokensReason.contains(QStringLiteral("RP-initiated logout")),
                 qPrintable(support.noTokensReason));
        QVERIFY(!support.resendAdvice.isEmpty());
    }

    // The session still ends (the administrator wants the user out); the run marks its deliveries
    // skipped with noTokensReason.
    void logoutDeletesTheSessionAndRevokesGrants()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        QCOMPARE(session.id, QStringLiteral("mZGjk0RNSE2nG1zNAGyFr"));
        const auto result = logout(*c, {session});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(result->idpRunId.isEmpty());
        QVERIFY(result->expected.isEmpty());
        QCOMPARE(deletes().size(), 1);
        const FakeRequest del = deletes().first();
        QCOMPARE(del.path, QStringLiteral("/api/users/") + kAlice + QStringLiteral("/sessions/mZGjk0RNSE2nG1zNAGyFr"));
        QCOMPARE(del.param("revokeGrantsTarget"), QStringLiteral("all"));
        QCOMPARE(del.header("authorization"), QByteArray("Bearer logto-1"));
        QVERIFY(listSessions(*c, query(QString(), kAlice)).all().isEmpty());
    }

    void logoutOfAGoneSessionSaysItNoLongerExists()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        QVERIFY(logout(*c, {session}).ok());
        const auto again = logout(*c, {session});
        QCOMPARE(again.error().code, 404);
        QVERIFY2(again.errorString().contains(QStringLiteral("session no longer exists")) &&
                     again.errorString().contains(QStringLiteral("alice")),
                 qPrintable(again.errorString()));
    }

    void logoutOnLogto137WithoutDevFeaturesNeeds138()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        m_logto->sessionsRoute = false;
        const auto result = logout(*c, {session});
        QCOMPARE(result.error().code, 404);
        QVERIFY2(result.errorString().contains(QStringLiteral("1.38")), qPrintable(result.errorString()));
    }

    void logoutWithoutTheManagementRoleNamesIt()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::json(readFixture(QStringLiteral("logto/error-forbidden.json")), 403);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = logout(*c, {aliceSession(*c)});
        QCOMPARE(result.error().code, 403);
        QVERIFY2(result.errorString().contains(QStringLiteral("Logto Management API access")) &&
                     result.errorString().contains(QStringLiteral("mZGjk0RNSE2nG1zNAGyFr")),
                 qPrintable(result.errorString()));
    }

    void logoutServerErrorIsAnError()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::json(QByteArray(R"({"message":"Internal server error."})"), 500);
            return std::nullopt;
        };
        auto c = connector();
        const auto result = logout(*c, {aliceSession(*c)});
        QCOMPARE(result.error().code, 500);
        QVERIFY2(result.errorString().contains(QStringLiteral("HTTP 500")), qPrintable(result.errorString()));
    }

    void logoutToASilentServerTimesOut()
    {
        m_logto->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::never();
            return std::nullopt;
        };
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        c->http()->setTimeoutMs(300);
        QCOMPARE(logout(*c, {session}).error().code, int(IdpTimeout));
    }

    void logoutReauthenticatesOnceOn401()
    {
        auto c = connector();
        const IdpSession session = aliceSession(*c);
        m_logto->tokens.clear();
        const auto result = logout(*c, {session});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(m_logto->tokensIssued, 2);
        QCOMPARE(m_logto->unauthorizedAnswers, 1);
        QCOMPARE(deletes().last().header("authorization"), QByteArray("Bearer logto-2"));
    }

    void factsSayLogtoRefusesPrivateAddresses()
    {
        auto c = connector();
        const auto facts = await<IdpFacts>([&](QObject *ctx, auto done) { c->facts(ctx, done); });
        QVERIFY2(facts.ok(), qPrintable(facts.errorString()));
        QCOMPARE(facts->kind, QStringLiteral("logto"));
        QCOMPARE(facts->issuer, QStringLiteral("http://127.0.0.1:3001/oidc"));
        QVERIFY(facts->mayRefusePrivateAddresses);
        QVERIFY(!facts->refusesPrivateAddresses);
        QCOMPARE(facts->backchannelLogoutSessionSupported, std::optional<bool>(true));
    }

    void testConnectionReportsUsersToWalk()
    {
        auto c = connector();
        const auto report = await<ConnectionReport>([&](QObject *ctx, auto done) { c->testConnection(ctx, done); });
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report->relyingParties, std::optional<int>(4));
        QVERIFY(report->capabilities.testFlag(IdpCapability::SessionsPerRpByWalking));
        const QString notes = report->notes.join(QLatin1Char('\n'));
        QVERIFY2(notes.contains(QStringLiteral("5 user(s)")) || notes.contains(QStringLiteral("5 users")),
                 qPrintable(notes));
        QVERIFY(notes.contains(QStringLiteral("sends no logout token")));
    }
};

QTEST_GUILESS_MAIN(TestLogtoConnector)
#include "tst_logtoconnector.moc"
