#include "Await.h"
#include "FakeIdpServer.h"
#include "idp/hydra/HydraConnector.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace signoff;

namespace {
const QString kClients = QStringLiteral("/admin/clients");
const QString kConsent = QStringLiteral("/admin/oauth2/auth/sessions/consent");
const QString kLogin = QStringLiteral("/admin/oauth2/auth/sessions/login");

// Hydra v2's admin port as far as the connector uses it: /version, clients and a subject's consent
// sessions, paged with page_size and an opaque page_token announced in a Link header. With an API
// key set, every request must carry it as a bearer (as a gateway in front of Hydra would check).
// DELETE of a login session by sid drops its consents (204; 404 once it is gone).
class FakeHydra
{
public:
    FakeIdpServer server;
    QByteArray apiKey; // empty: an open admin port
    int unauthorizedAnswers = 0;
    std::function<std::optional<FakeResponse>(const FakeRequest &)> override;
    QJsonArray clients = fixtureArray(QStringLiteral("hydra/clients.json"));
    QJsonArray consents = fixtureArray(QStringLiteral("hydra/consent-sessions.json"));

    FakeHydra()
    {
        server.setHandler([this](const FakeRequest &r) { return handle(r); });
        QVERIFY(server.listen());
    }

private:
    FakeResponse handle(const FakeRequest &r)
    {
        if (override)
            if (std::optional<FakeResponse> answer = override(r))
                return *answer;
        if (!apiKey.isEmpty() && r.header("authorization") != "Bearer " + apiKey) {
            ++unauthorizedAnswers;
            return FakeResponse::json(readFixture(QStringLiteral("hydra/error-unauthorized.json")), 401);
        }
        if (r.path == QLatin1String("/version"))
            return FakeResponse::json(readFixture(QStringLiteral("hydra/version.json")));
        if (r.path == kClients)
            return paged(clients, r);
        if (r.path == kLogin && r.method == "DELETE")
            return endLoginSession(r);
        if (r.path == kConsent) {
            if (!r.hasParam("subject"))
                return FakeResponse::json(QByteArray(R"({"error":"invalid_request"})"), 400);
            QJsonArray mine;
            for (const QJsonValue &c : consents)
                if (c.toObject()
                        .value(QStringLiteral("consent_request"))
                        .toObject()
                        .value(QStringLiteral("subject"))
                        .toString() == r.param("subject"))
                    mine.append(c);
            return paged(mine, r);
        }
        return FakeResponse::json(QByteArray(R"({"error":"Not Found"})"), 404);
    }

    FakeResponse endLoginSession(const FakeRequest &r)
    {
        if (!r.hasParam("sid"))
            return FakeResponse::json(QByteArray(R"({"error":"invalid_request"})"), 400);
        QJsonArray kept;
        for (const QJsonValue &c : consents)
            if (c.toObject()
                    .value(QStringLiteral("consent_request"))
                    .toObject()
                    .value(QStringLiteral("login_session_id"))
                    .toString() != r.param("sid"))
                kept.append(c);
        if (kept.size() == consents.size())
            return FakeResponse::json(
                QByteArray(R"({"error":"Not Found","error_description":"Unable to locate the requested resource"})"),
                404);
        consents = kept;
        return FakeResponse::json(QByteArray(), 204);
    }

    // page_token is opaque to clients: here "o" + the offset, base64-encoded like Hydra's keyset tokens.
    static FakeResponse paged(const QJsonArray &items, const FakeRequest &r)
    {
        const qsizetype size = r.hasParam("page_size") ? r.param("page_size").toLongLong() : 250;
        const qsizetype offset =
            r.hasParam("page_token") ? QByteArray::fromBase64(r.param("page_token").toLatin1()).mid(1).toLongLong() : 0;
        FakeResponse answer = FakeResponse::json(slice(items, offset, size));
        QByteArray link = "<" + r.path.toLatin1() + "?page_size=" + QByteArray::number(size) + ">; rel=\"first\"";
        if (offset + size < items.size()) {
            const QByteArray token = QUrl::toPercentEncoding(
                QString::fromLatin1(QByteArray("o" + QByteArray::number(offset + size)).toBase64()));
            link += ",<" + r.path.toLatin1() + "?page_size=" + QByteArray::number(size) + "&page_token=" + token +
                    ">; rel=\"next\"";
        }
        return answer.withHeader("Link", link);
    }
};

QStringList clientIds(const IdpSession &s)
{
    QStringList ids;
    for (const SessionRp &rp : s.rps)
        ids << rp.clientId;
    return ids;
}
} // namespace

class TestHydraConnector : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<FakeHydra> m_hydra;

    Profile profile(const QString &clientId = {}) const
    {
        Profile p;
        p.id = QStringLiteral("hydra");
        p.name = QStringLiteral("Hydra");
        p.kind = IdpKind::Hydra;
        p.baseUrl = m_hydra->server.url();
        p.clientId = clientId;
        return p;
    }

    std::unique_ptr<HydraConnector> connector(const Profile &p, const QString &secret = {})
    {
        auto c = std::make_unique<HydraConnector>(&m_nam, p, secretOf(secret));
        c->setPageSize(2);
        c->http()->setMaxRetryAfterS(5);
        return c;
    }

    static Result<QList<RelyingParty>> rps(HydraConnector &c)
    {
        return await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c.relyingParties(ctx, done); });
    }

    static Result<LogoutDispatch> logout(HydraConnector &c, const QList<IdpSession> &sessions)
    {
        return await<LogoutDispatch>([&](QObject *ctx, auto done) { c.logoutSessions(sessions, 1, ctx, done); });
    }

    static IdpSession loginSession(const QString &id)
    {
        IdpSession s;
        s.id = id;
        s.userId = QStringLiteral("alice");
        return s;
    }

    QList<FakeRequest> deletes() const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : m_hydra->server.requests)
            if (r.method == "DELETE")
                out << r;
        return out;
    }

    static SessionQuery subject(const QString &user, int pageSize = 2)
    {
        SessionQuery q;
        q.user = user;
        q.pageSize = pageSize;
        return q;
    }

private slots:
    void init()
    {
        m_hydra = std::make_unique<FakeHydra>();
        m_nam.clearConnectionCache();
    }

    void linkHeaderNextToken()
    {
        QCOMPARE(
            HydraConnector::nextPageToken(
                R"(</admin/clients?page_size=2>; rel="first",</admin/clients?page_size=2&page_token=b2E%3D>; rel="next")"),
            QStringLiteral("b2E="));
        QCOMPARE(HydraConnector::nextPageToken(R"(</admin/clients?page_size=2>; rel="first")"), QString());
        QCOMPARE(HydraConnector::nextPageToken(QByteArray()), QString());
    }

    void clientsAcrossPagesWithoutAuth()
    {
        auto c = connector(profile());
        const auto result = rps(*c);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(m_hydra->server.count(kClients), 3); // 5 clients, 2 a page
        QCOMPARE(result->size(), 5);
        const RelyingParty shop = result->first();
        QCOMPARE(shop.clientId, QStringLiteral("shop"));
        QCOMPARE(shop.name, QStringLiteral("Shop"));
        QCOMPARE(shop.backchannelLogoutUri, QStringLiteral("https://shop.example.com/backchannel-logout"));
        QVERIFY(shop.sessionRequired);
        QCOMPARE(result->at(1).frontchannelLogoutUri, QStringLiteral("https://wiki.example.com/frontchannel"));
        QVERIFY(!shop.sessionCount.has_value());
        for (const FakeRequest &r : std::as_const(m_hydra->server.requests))
            QVERIFY(r.header("authorization").isEmpty());
    }

    void apiKeyIsSentAsBearer()
    {
        m_hydra->apiKey = "ory_pat_k3y";
        auto c = connector(profile(QStringLiteral("signoff")), QStringLiteral("ory_pat_k3y"));
        QVERIFY(rps(*c).ok());
        QCOMPARE(m_hydra->unauthorizedAnswers, 0);
    }

    void wrongApiKeyIsAnErrorAfterOneRetry()
    {
        m_hydra->apiKey = "ory_pat_k3y";
        auto c = connector(profile(QStringLiteral("signoff")), QStringLiteral("wrong"));
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QVERIFY2(result.errorString().contains(QStringLiteral("refused the API key")),
                 qPrintable(result.errorString()));
        QCOMPARE(m_hydra->unauthorizedAnswers, 2); // the key read again once, then given up
    }

    void missingApiKeyIsSaid()
    {
        m_hydra->apiKey = "ory_pat_k3y";
        auto c = connector(profile());
        const auto result = rps(*c);
        QVERIFY2(result.errorString().contains(QStringLiteral("asks for credentials")),
                 qPrintable(result.errorString()));
    }

    void sessionsOfASubjectGroupedByLoginSession()
    {
        auto c = connector(profile());
        const Listing listing = listSessions(*c, subject(QStringLiteral("alice")));
        QVERIFY2(listing.status->ok(), qPrintable(listing.status->errorString()));
        QCOMPARE(m_hydra->server.count(kConsent), 3); // 5 consent sessions, 2 a page
        const QList<IdpSession> all = listing.all();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).id, QStringLiteral("ls-a1b2c3"));
        QCOMPARE(clientIds(all.at(0)), (QStringList{QStringLiteral("shop"), QStringLiteral("wiki")}));
        QCOMPARE(all.at(0).rps.first().sid, std::optional<QString>(QStringLiteral("ls-a1b2c3")));
        QCOMPARE(all.at(0).userId, QStringLiteral("alice"));
        QVERIFY(!all.at(0).ip.has_value()); // Hydra does not say: not invented
        QVERIFY(!all.at(0).started.has_value());
        QCOMPARE(all.at(2).id, QStringLiteral("ls-0718ab"));
        QCOMPARE(m_hydra->server.requests.last().param("subject"), QStringLiteral("alice"));
    }

    void sessionsOfASubjectForOneClient()
    {
        auto c = connector(profile());
        SessionQuery q = subject(QStringLiteral("alice"));
        q.clientId = QStringLiteral("shop");
        const Listing listing = listSessions(*c, q);
        QVERIFY(listing.status->ok());
        QCOMPARE(listing.all().size(), 2);
        q.clientId.clear();
        q.limit = 1;
        QCOMPARE(listSessions(*c, q).all().size(), 1);
    }

    void unknownSubjectHasNoSessions()
    {
        auto c = connector(profile());
        const Listing listing = listSessions(*c, subject(QStringLiteral("nobody")));
        QVERIFY(listing.status->ok());
        QVERIFY(listing.all().isEmpty());
    }

    void withoutASubjectHydraCannotList()
    {
        auto c = connector(profile());
        SessionQuery q;
        q.clientId = QStringLiteral("shop");
        const Listing listing = listSessions(*c, q);
        QVERIFY(!listing.status->ok());
        QVERIFY2(listing.status->errorString().contains(QStringLiteral("per subject only")),
                 qPrintable(listing.status->errorString()));
        QVERIFY(c->capabilities().testFlag(IdpCapability::SessionsPerSubjectOnly));
        QCOMPARE(m_hydra->server.requests.size(), 0);
        const auto users = await<QList<IdpUser>>([&](QObject *ctx, auto done) { c->users(QString(), 10, ctx, done); });
        QVERIFY(!users.ok());
    }

    void aPageFailingMidwayIsAnErrorNotAShortList()
    {
        m_hydra->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == kConsent && r.hasParam("page_token"))
                return FakeResponse::json(readFixture(QStringLiteral("hydra/error-server.json")), 500);
            return std::nullopt;
        };
        auto c = connector(profile());
        const Listing listing = listSessions(*c, subject(QStringLiteral("alice")));
        QVERIFY(!listing.status->ok());
        QCOMPARE(listing.status->error().code, 500);
        QVERIFY(listing.all().isEmpty());
    }

    void rateLimitedThenAnswers()
    {
        int refused = 0;
        m_hydra->override = [&refused](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path == kClients && refused++ == 0)
                return FakeResponse::json(QByteArray(R"({"error":"rate limited"})"), 429)
                    .withHeader("Retry-After", "1");
            return std::nullopt;
        };
        auto c = connector(profile());
        const auto result = rps(*c);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->size(), 5);
    }

    void silentServerTimesOut()
    {
        m_hydra->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            return r.path == kClients ? std::optional<FakeResponse>(FakeResponse::never()) : std::nullopt;
        };
        auto c = connector(profile());
        c->http()->setTimeoutMs(300);
        const auto result = rps(*c);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, int(IdpTimeout));
    }

    void publicPortIsNotTheAdminApi()
    {
        m_hydra->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.path.startsWith(QLatin1String("/admin/")))
                return FakeResponse::json(QByteArray(R"({"error":"Not Found"})"), 404);
            return std::nullopt;
        };
        auto c = connector(profile());
        const auto result = rps(*c);
        QVERIFY2(result.errorString().contains(QStringLiteral("admin port")), qPrintable(result.errorString()));
    }

    void logoutSupportSaysWhatHydraDoes()
    {
        auto c = connector(profile());
        const LogoutSupport support = c->logoutSupport();
        QVERIFY(support.endsSessions);
        QVERIFY(support.sendsTokens);
        QVERIFY(!support.reportsOutcomes);
        QVERIFY(!support.canResend);
        QCOMPARE(support.maxBatch, 1);
        QVERIFY2(support.resendAdvice.contains(QStringLiteral("cannot send a logout token again")),
                 qPrintable(support.resendAdvice));
    }

    void logoutEndsTheLoginSessionBySid()
    {
        m_hydra->apiKey = "ory_pat_k3y";
        auto c = connector(profile(QStringLiteral("gateway")), QStringLiteral("ory_pat_k3y"));
        const Listing before = listSessions(*c, subject(QStringLiteral("alice")));
        QVERIFY(before.status->ok());
        const IdpSession first = before.all().first();
        QCOMPARE(first.id, QStringLiteral("ls-a1b2c3"));
        const auto result = logout(*c, {first});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(result->idpRunId.isEmpty());
        QVERIFY(result->expected.isEmpty());
        QCOMPARE(deletes().size(), 1);
        const FakeRequest del = deletes().first();
        QCOMPARE(del.path, kLogin);
        QCOMPARE(del.param("sid"), QStringLiteral("ls-a1b2c3"));
        QVERIFY(!del.hasParam("subject")); // by subject Hydra would send no logout token
        QCOMPARE(del.header("authorization"), QByteArray("Bearer ory_pat_k3y"));
        const Listing after = listSessions(*c, subject(QStringLiteral("alice")));
        QCOMPARE(after.all().size(), before.all().size() - 1);
    }

    void logoutOnAnOpenAdminPortSendsNoBearer()
    {
        auto c = connector(profile());
        QVERIFY(logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))}).ok());
        QVERIFY(deletes().first().header("authorization").isEmpty());
    }

    void logoutOfAGoneSessionSaysItNoLongerExists()
    {
        auto c = connector(profile());
        QVERIFY(logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))}).ok());
        const auto again = logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))});
        QCOMPARE(again.error().code, 404);
        QVERIFY2(again.errorString().contains(QStringLiteral("session no longer exists")) &&
                     again.errorString().contains(QStringLiteral("ls-d4e5f6")),
                 qPrintable(again.errorString()));
    }

    void logoutRefusedByTheGatewaySaysSo()
    {
        m_hydra->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::json(QByteArray(R"({"error":"forbidden"})"), 403);
            return std::nullopt;
        };
        auto c = connector(profile(QStringLiteral("gateway")), QStringLiteral("ory_pat_k3y"));
        const auto result = logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))});
        QCOMPARE(result.error().code, 403);
        QVERIFY2(result.errorString().contains(QStringLiteral("refused the API key")) &&
                     result.errorString().contains(QStringLiteral("ls-d4e5f6")),
                 qPrintable(result.errorString()));
    }

    void logoutServerErrorIsAnError()
    {
        m_hydra->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::json(readFixture(QStringLiteral("hydra/error-server.json")), 500);
            return std::nullopt;
        };
        auto c = connector(profile());
        const auto result = logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))});
        QCOMPARE(result.error().code, 500);
        QVERIFY2(result.errorString().contains(QStringLiteral("HTTP 500")), qPrintable(result.errorString()));
    }

    void logoutToASilentServerTimesOut()
    {
        m_hydra->override = [](const FakeRequest &r) -> std::optional<FakeResponse> {
            if (r.method == "DELETE")
                return FakeResponse::never();
            return std::nullopt;
        };
        auto c = connector(profile());
        c->http()->setTimeoutMs(300);
        const auto result = logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))});
        QCOMPARE(result.error().code, int(IdpTimeout));
    }

    // The API key was rotated: the stale one gets a 401, the secret is read again, one more try.
    void logoutAfterA401ReadsTheKeyAgain()
    {
        auto key = std::make_shared<QString>(QStringLiteral("old-key"));
        m_hydra->apiKey = "old-key";
        auto c = std::make_unique<HydraConnector>(&m_nam, profile(QStringLiteral("gateway")),
                                                  [key](QObject *context, std::function<void(Result<QString>)> done) {
                                                      QMetaObject::invokeMethod(
                                                          context, [key, done] { done(*key); }, Qt::QueuedConnection);
                                                  });
        QVERIFY(listSessions(*c, subject(QStringLiteral("alice"))).status->ok());
        m_hydra->apiKey = "new-key";
        *key = QStringLiteral("new-key");
        const auto result = logout(*c, {loginSession(QStringLiteral("ls-d4e5f6"))});
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(m_hydra->unauthorizedAnswers, 1);
        QCOMPARE(deletes().size(), 2);
        QCOMPARE(deletes().last().header("authorization"), QByteArray("Bearer new-key"));
    }

    void sessionsByIdNeedASubject()
    {
        auto c = connector(profile());
        const auto found = await<QList<IdpSession>>(
            [&](QObject *ctx, auto done) { c->sessionsById({QStringLiteral("ls-a1b2c3")}, ctx, done); });
        QVERIFY(!found.ok());
        QVERIFY2(found.errorString().contains(QStringLiteral("subject")), qPrintable(found.errorString()));
        QVERIFY(m_hydra->server.requests.isEmpty());
    }

    void factsAndReport()
    {
        auto c = connector(profile());
        const auto report = await<ConnectionReport>([&](QObject *ctx, auto done) { c->testConnection(ctx, done); });
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report->facts.kind, QStringLiteral("hydra"));
        QCOMPARE(report->facts.version, QStringLiteral("v2.2.0"));
        QVERIFY(!report->facts.backchannelLogoutSupported.has_value()); // the admin port has no discovery here
        QCOMPARE(report->relyingParties, std::optional<int>(5));
        QVERIFY(report->notes.join(QLatin1Char('\n')).contains(QStringLiteral("no sub, exp or typ")));
    }
};

QTEST_GUILESS_MAIN(TestHydraConnector)
#include "tst_hydraconnector.moc"
