#include "Await.h"
#include "idp/logto/LogtoConnector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

using namespace signoff;

// Opt-in: the Logto connector against a real Logto (CI has none, so this skips there and the
// contract test tst_logtoconnector covers the shapes). Point it at a Logto with
//   SIGNOFF_LOGTO_ENDPOINT=http://127.0.0.1:3001 SIGNOFF_LOGTO_APP_ID=... SIGNOFF_LOGTO_APP_SECRET=...
// (a machine-to-machine app with the "Logto Management API access" role; SIGNOFF_LOGTO_TENANT
// for Logto Cloud). ../shared/tools/logto/setup.sh starts one on loopback; its bcl-test.py adds a
// web app with a back-channel URI and a signed-in user. The connector's answers are checked
// against what the Management API itself says, read here without the connector.
namespace {
struct Live
{
    QUrl endpoint;
    QString appId;
    QString secret;
    QString tenant;
};

std::optional<Live> liveFromEnvironment()
{
    Live l{QUrl(qEnvironmentVariable("SIGNOFF_LOGTO_ENDPOINT")), qEnvironmentVariable("SIGNOFF_LOGTO_APP_ID"),
           qEnvironmentVariable("SIGNOFF_LOGTO_APP_SECRET"), qEnvironmentVariable("SIGNOFF_LOGTO_TENANT")};
    if (l.endpoint.isEmpty() || l.appId.isEmpty() || l.secret.isEmpty())
        return std::nullopt;
    return l;
}

struct RawAnswer
{
    int status = 0;
    QByteArray body;
    QByteArray totalNumber;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

// One request without the connector, for the reference answers.
RawAnswer rawCall(QNetworkAccessManager &nam, QNetworkRequest request, const QByteArray &postBody = {})
{
    request.setTransferTimeout(kAnswerBoundMs);
    QNetworkReply *reply = postBody.isNull() ? nam.get(request) : nam.post(request, postBody);
    QDeadlineTimer deadline(kAnswerBoundMs);
    while (!reply->isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    RawAnswer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                reply->rawHeader("Total-Number")};
    reply->deleteLater();
    return a;
}
} // namespace

class TestLogtoLive : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    Live m_live;
    QByteArray m_token;

    Profile profile(const QString &tenant) const
    {
        Profile p;
        p.id = QStringLiteral("logto-live");
        p.name = QStringLiteral("Logto (live)");
        p.kind = IdpKind::Logto;
        p.baseUrl = m_live.endpoint;
        p.realm = tenant;
        p.clientId = m_live.appId;
        return p;
    }

    std::unique_ptr<LogtoConnector> connector(const QString &secret, const QString &tenant)
    {
        return std::make_unique<LogtoConnector>(&m_nam, profile(tenant), secretOf(secret));
    }
    std::unique_ptr<LogtoConnector> connector() { return connector(m_live.secret, m_live.tenant); }

    RawAnswer api(const QString &path, const QList<std::pair<QString, QString>> &query = {})
    {
        QUrl url = m_live.endpoint.resolved(QUrl(QStringLiteral("/api") + path));
        QUrlQuery q;
        for (const auto &[k, v] : query)
            q.addQueryItem(k, v);
        url.setQuery(q);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token);
        return rawCall(m_nam, request);
    }

private slots:
    void initTestCase()
    {
        const auto live = liveFromEnvironment();
        if (!live)
            QSKIP("set SIGNOFF_LOGTO_ENDPOINT, SIGNOFF_LOGTO_APP_ID and SIGNOFF_LOGTO_APP_SECRET to run against a "
                  "real Logto");
        m_live = *live;
        auto c = connector();
        QNetworkRequest request(m_live.endpoint.resolved(QUrl(QStringLiteral("/oidc/token"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        const QByteArray credentials =
            QUrl::toPercentEncoding(m_live.appId) + ':' + QUrl::toPercentEncoding(m_live.secret);
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
        const RawAnswer token =
            rawCall(m_nam, request,
                    "grant_type=client_credentials&scope=all&resource=" + QUrl::toPercentEncoding(c->resource()));
        QVERIFY2(token.status == 200, token.body.constData());
        m_token = token.json().object().value(QLatin1String("access_token")).toString().toUtf8();
        QVERIFY(!m_token.isEmpty());
    }

    void testConnectionFindsThisLogto()
    {
        auto c = connector();
        const auto report = await<ConnectionReport>([&](QObject *ctx, auto done) { c->testConnection(ctx, done); });
        QVERIFY2(report.ok(), qPrintable(report.errorString()));
        QCOMPARE(report->facts.kind, QStringLiteral("logto"));
        QCOMPARE(report->facts.issuer, m_live.endpoint.resolved(QUrl(QStringLiteral("/oidc"))).toString());
        QVERIFY(report->relyingParties.has_value());
        qInfo().noquote() << "notes:" << report->notes.join(QStringLiteral(" | "));
    }

    // Every application but the machine-to-machine ones, with the back-channel settings Logto holds.
    void relyingPartiesAsTheManagementApiHasThem()
    {
        const RawAnswer raw =
            api(QStringLiteral("/applications"), {{QStringLiteral("page_size"), QStringLiteral("100")}});
        QCOMPARE(raw.status, 200);
        QHash<QString, QJsonObject> expected;
        for (const QJsonValue &v : raw.json().array())
            if (v.toObject().value(QLatin1String("type")).toString() != QLatin1String("MachineToMachine"))
                expected.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
        if (expected.isEmpty())
            QFAIL("this Logto has no application but machine-to-machine ones: run "
                  "../shared/tools/logto/bcl-test.py once to add a web app");

        auto c = connector();
        const auto rps = await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c->relyingParties(ctx, done); });
        QVERIFY2(rps.ok(), qPrintable(rps.errorString()));
        QCOMPARE(rps->size(), expected.size());
        for (const RelyingParty &rp : rps.value()) {
            QVERIFY2(expected.contains(rp.clientId), qPrintable(rp.clientId));
            const QJsonObject app = expected.value(rp.clientId);
            const QJsonObject meta = app.value(QLatin1String("oidcClientMetadata")).toObject();
            QCOMPARE(rp.name, app.value(QLatin1String("name")).toString());
            QCOMPARE(rp.backchannelLogoutUri, meta.value(QLatin1String("backchannelLogoutUri")).toString());
            QCOMPARE(rp.sessionRequired, meta.value(QLatin1String("backchannelLogoutSessionRequired")).toBool());
            QVERIFY(!rp.sessionCount.has_value());
        }
    }

    void usersAreListed()
    {
        const RawAnswer raw = api(QStringLiteral("/users"), {{QStringLiteral("page_size"), QStringLiteral("100")}});
        QCOMPARE(raw.status, 200);
        auto c = connector();
        const auto users = await<QList<IdpUser>>([&](QObject *ctx, auto done) { c->users(QString(), 100, ctx, done); });
        QVERIFY2(users.ok(), qPrintable(users.errorString()));
        QCOMPARE(users->size(), raw.json().array().size());
        for (int i = 0; i < users->size(); ++i) {
            const QJsonObject u = raw.json().array().at(i).toObject();
            QCOMPARE(users->at(i).id, u.value(QLatin1String("id")).toString());
            QCOMPARE(users->at(i).userName, u.value(QLatin1String("username")).toString());
        }
    }

    // Logto 1.38+ (or 1.37 with dev features) lists a user's sessions; otherwise the connector says
    // which version it needs instead of answering "no sessions".
    void sessionsOrTheVersionTheyNeed()
    {
        auto c = connector();
        const Listing listing = listSessions(*c, SessionQuery{});
        if (!listing.status->ok()) {
            QVERIFY2(listing.status->errorString().contains(QStringLiteral("needs Logto 1.38")),
                     qPrintable(listing.status->errorString()));
            qInfo() << "this Logto cannot list sessions; the connector says so";
            return;
        }
        // The same count as asking for each user's sessions directly.
        const RawAnswer users = api(QStringLiteral("/users"), {{QStringLiteral("page_size"), QStringLiteral("100")}});
        if (users.totalNumber.toInt() > 100)
            QSKIP("more than 100 users: the direct count here reads one page only");
        qsizetype expected = 0;
        for (const QJsonValue &u : users.json().array()) {
            const RawAnswer s =
                api(QStringLiteral("/users/%1/sessions").arg(u.toObject().value(QLatin1String("id")).toString()));
            QCOMPARE(s.status, 200);
            expected += s.json().object().value(QLatin1String("sessions")).toArray().size();
        }
        const QList<IdpSession> all = listing.all();
        QCOMPARE(all.size(), expected);
        for (const IdpSession &s : all) {
            QVERIFY(!s.id.isEmpty());
            QVERIFY(!s.userId.isEmpty());
            QVERIFY(s.started.has_value());
            QVERIFY(!s.lastAccess.has_value()); // Logto keeps none
            for (const SessionRp &rp : s.rps)
                QVERIFY(!rp.clientId.isEmpty());
        }
        qInfo() << all.size() << "session(s) listed";
    }

    void wrongSecretIsTheAdministratorSentence()
    {
        auto c = connector(QStringLiteral("not-the-secret"), m_live.tenant);
        const auto rps = await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c->relyingParties(ctx, done); });
        QVERIFY(!rps.ok());
        QVERIFY2(rps.errorString().startsWith(
                     QStringLiteral("Logto does not accept app \"%1\" with this secret").arg(m_live.appId)),
                 qPrintable(rps.errorString()));
    }

    void wrongTenantNamesTheResource()
    {
        auto c = connector(m_live.secret, QStringLiteral("wrongtenant"));
        const auto rps = await<QList<RelyingParty>>([&](QObject *ctx, auto done) { c->relyingParties(ctx, done); });
        QVERIFY(!rps.ok());
        QVERIFY2(rps.errorString().startsWith(
                     QStringLiteral("Logto does not know the API resource https://wrongtenant.logto.app/api")),
                 qPrintable(rps.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestLogtoLive)
#include "tst_logtolive.moc"
