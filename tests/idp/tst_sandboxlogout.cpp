#include "Await.h"
#include "LoopbackCutProxy.h"
#include "idp/sandbox/SandboxConnector.h"
#include "idp/sandbox/SandboxProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace signoff;
using logout::DeliveryState;
using logout::OutcomeReport;

namespace {
// Bounds for a hung sandbox on a loaded machine, not timing expectations.
constexpr int kStartTimeoutMs = 90000;
constexpr int kRunTimeoutMs = 120000;

// Processes events until cond holds; false when the bound passed first. (QTRY_* would wait as long
// again after a failure to report timings, which with this bound outlasts the test watchdog.)
bool waitUntil(const std::function<bool()> &cond, int timeoutMs = kRunTimeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!cond()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(10);
    }
    return true;
}

int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// A browser with a cookie jar that signs a user in at a demo RP's own pages and then logs out
// there (RP-initiated logout at the sandbox's /session/end), redirect by redirect.
class Browser
{
public:
    explicit Browser(const QUrl &base)
        : m_base(base)
    {
        m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
    }

    // The demo RP's RP-initiated logout link, once signed in; empty on any surprise.
    QUrl signIn(const QString &clientId, const QString &user)
    {
        QUrl at = m_base.resolved(QUrl(QStringLiteral("/demo-rp/%1/login").arg(clientId)));
        at = redirect(get(at)); // to the authorization endpoint
        const QUrl login = redirect(get(at));
        at = redirect(post(login, {{"prompt", QStringLiteral("login")}, {"login", user}, {"password", user}}));
        const QUrl consent = redirect(get(at));
        at = redirect(post(consent, {{"prompt", QStringLiteral("consent")}}));
        at = redirect(get(at)); // back to the RP's callback
        const Page page = get(at);
        const QRegularExpressionMatch end =
            QRegularExpression(QStringLiteral("href=\"([^\"]*session/end[^\"]*)\"")).match(page.body);
        if (page.status != 200 || !end.hasMatch())
            return {};
        return m_base.resolved(QUrl(end.captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"))));
    }

    // The logout confirmation page, then its form; true when the sandbox redirected after it.
    bool endSession(const QUrl &endUrl)
    {
        const Page confirm = get(endUrl);
        const QString action =
            QRegularExpression(QStringLiteral("action=\"([^\"]+)\"")).match(confirm.body).captured(1);
        const QString xsrf =
            QRegularExpression(QStringLiteral("name=\"xsrf\" value=\"([^\"]+)\"")).match(confirm.body).captured(1);
        if (action.isEmpty() || xsrf.isEmpty())
            return false;
        const Page done = post(m_base.resolved(QUrl(action)), {{"xsrf", xsrf}, {"logout", QStringLiteral("yes")}});
        return done.status == 302 || done.status == 303;
    }

private:
    struct Page
    {
        int status = 0;
        QUrl location;
        QString body;
    };

    QUrl redirect(const Page &page) const { return page.status / 100 == 3 ? page.location : QUrl(); }

    Page get(const QUrl &url) { return url.isEmpty() ? Page{} : finish(m_nam.get(request(url))); }

    Page post(const QUrl &url, const QList<std::pair<const char *, QString>> &fields)
    {
        if (url.isEmpty())
            return {};
        QByteArray body;
        for (const auto &[name, value] : fields)
            body += (body.isEmpty() ? "" : "&") + QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
        QNetworkRequest req = request(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        return finish(m_nam.post(req, body));
    }

    static QNetworkRequest request(const QUrl &url)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        return req;
    }

    Page finish(QNetworkReply *r)
    {
        std::unique_ptr<QNetworkReply> reply(r);
        if (!waitUntil([&] { return reply->isFinished(); }))
            return {};
        Page page;
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.location = reply->url().resolved(QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
        page.body = QString::fromUtf8(reply->readAll());
        return page;
    }

    QNetworkAccessManager m_nam;
    QUrl m_base;
};

Profile sandboxProfile(quint16 port)
{
    Profile p;
    p.id = QStringLiteral("sandbox");
    p.name = QStringLiteral("Sandbox");
    p.kind = IdpKind::Sandbox;
    p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    p.clientId = QStringLiteral("signoff-admin");
    return p;
}

// Everything a feed said, recorded through a context that dies with the test function.
struct FeedLog
{
    QList<OutcomeReport> reports;
    QStringList finishedRuns;
    QStringList drops;
    QStringList gaps;
    int batches = 0;

    void attach(logout::IdpOutcomeFeed *feed, QObject *context)
    {
        QObject::connect(feed, &logout::IdpOutcomeFeed::outcomes, context, [this](const QList<OutcomeReport> &r) {
            reports += r;
            ++batches;
        });
        QObject::connect(feed, &logout::IdpOutcomeFeed::idpRunFinished, context,
                         [this](const QString &id) { finishedRuns << id; });
        QObject::connect(feed, &logout::IdpOutcomeFeed::connectionChanged, context,
                         [this](bool connected, const QString &message) {
                             if (!connected)
                                 drops << message;
                         });
        QObject::connect(feed, &logout::IdpOutcomeFeed::gap, context, [this](const QString &m) { gaps << m; });
    }

    QHash<QString, OutcomeReport> ofRun(const QString &runId, int *repeats) const
    {
        QHash<QString, OutcomeReport> byKey;
        *repeats = 0;
        for (const OutcomeReport &r : reports) {
            if (r.idpRunId != runId)
                continue;
            const QString key = r.sessionId + u'|' + r.clientId;
            if (byKey.contains(key))
                ++*repeats;
            byKey.insert(key, r);
        }
        return byKey;
    }
};

QSet<QString> expectedKeys(const LogoutDispatch &d)
{
    QSet<QString> keys;
    for (const IdpExpectedDelivery &e : d.expected)
        keys.insert(e.sessionId + u'|' + e.clientId);
    return keys;
}
} // namespace

// The sandbox connector's logout, resend and event stream against the real sandbox IdP on loopback.
class TestSandboxLogout : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    QTemporaryDir m_data;
    QString m_secret;
    std::unique_ptr<SandboxProcess> m_process;
    std::unique_ptr<SandboxConnector> m_connector;
    quint16 m_port = 0;

    HttpAnswer adminCall(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        HttpCall call;
        call.method = method;
        call.url = m_connector->http()->url(path);
        if (method != "GET") {
            call.contentType = "application/json";
            call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        const Result<HttpAnswer> a = await<HttpAnswer>(
            [&](QObject *context, auto done) { m_connector->http()->send(call, context, std::move(done)); });
        return a ? a.value() : HttpAnswer{};
    }

    // Seeds sessions that include exactly these RPs and returns them (listed through the first RP).
    QList<IdpSession> seed(const QStringList &clients, int sessions)
    {
        SessionQuery q;
        q.clientId = clients.first();
        QSet<QString> before;
        for (const IdpSession &s : listSessions(*m_connector, q).all())
            before.insert(s.id);
        const HttpAnswer a = adminCall("POST", QStringLiteral("/admin/seed"),
                                       {{QStringLiteral("users"), 5},
                                        {QStringLiteral("sessions"), sessions},
                                        {QStringLiteral("clients"), QJsonArray::fromStringList(clients)},
                                        {QStringLiteral("clients_per_session"), int(clients.size())}});
        if (a.status != 201)
            return {};
        QList<IdpSession> created;
        for (const IdpSession &s : listSessions(*m_connector, q).all()) {
            if (!before.contains(s.id))
                created << s;
        }
        return created;
    }

    // A fresh admin token straight from the sandbox's token endpoint.
    QByteArray adminToken()
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        req.setRawHeader("Authorization", "Basic " + QByteArray("signoff-admin:" + m_secret.toUtf8()).toBase64());
        std::unique_ptr<QNetworkReply> reply(m_nam.post(req, "grant_type=client_credentials&scope=admin"));
        if (!waitUntil([&] { return reply->isFinished(); }))
            return {};
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QLatin1String("access_token"))
            .toString()
            .toUtf8();
    }

    qint64 latestCursor(SandboxConnector &connector)
    {
        HttpCall call;
        call.url = connector.http()->url(QStringLiteral("/admin/health"));
        call.authorize = false;
        const Result<HttpAnswer> a = await<HttpAnswer>(
            [&](QObject *context, auto done) { connector.http()->send(call, context, std::move(done)); });
        return a ? qint64(a->json().object().value(QLatin1String("events_cursor")).toDouble(-1)) : -1;
    }

    Result<LogoutDispatch> logout(SandboxConnector &connector, const QList<IdpSession> &sessions, int concurrency)
    {
        return await<LogoutDispatch>([&](QObject *context, auto done) {
            connector.logoutSessions(sessions, concurrency, context, std::move(done));
        });
    }

private slots:
    void initTestCase()
    {
        m_port = quint16(freePort());
        m_secret = QString::number(QRandomGenerator::global()->generate64(), 36);
        SandboxProcess::Options o;
        o.port = m_port;
        o.dataDir = m_data.path();
        o.healthIntervalMs = 300;
        o.startTimeoutMs = kStartTimeoutMs;
        m_process = std::make_unique<SandboxProcess>(&m_nam, o);
        m_process->start(m_secret);
        QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == SandboxProcess::State::Running ||
                                     m_process->state() == SandboxProcess::State::Failed,
                                 kStartTimeoutMs);
        QVERIFY2(m_process->state() == SandboxProcess::State::Running, qPrintable(m_process->log().join(u'\n')));
        m_connector = std::make_unique<SandboxConnector>(&m_nam, sandboxProfile(m_port), secretOf(m_secret));
    }

    void cleanupTestCase()
    {
        m_connector.reset();
        if (m_process) {
            m_process->stop();
            QTRY_VERIFY_WITH_TIMEOUT(m_process->state() == SandboxProcess::State::Stopped ||
                                         m_process->state() == SandboxProcess::State::Failed,
                                     30000);
        }
    }

    void logoutSupportIsComplete()
    {
        const LogoutSupport s = m_connector->logoutSupport();
        QVERIFY(s.endsSessions && s.sendsTokens && s.reportsOutcomes && s.canResend);
        QVERIFY(s.maxBatch >= 100);
        QCOMPARE(m_connector->outcomeFeed(), m_connector->eventStream());
    }

    void everyStateArrivesThroughTheFeed()
    {
        const QStringList clients{QStringLiteral("demo-healthy"), QStringLiteral("demo-slow"),
                                  QStringLiteral("demo-failing"), QStringLiteral("demo-hanging"),
                                  QStringLiteral("demo-no-bcl")};
        const QList<IdpSession> sessions = seed(clients, 2);
        QCOMPARE(sessions.size(), 2);

        const Result<LogoutDispatch> d = logout(*m_connector, sessions, 4);
        QVERIFY2(d.ok(), qPrintable(d.errorString()));
        QVERIFY(!d->idpRunId.isEmpty());
        QVERIFY(d->eventsCursor.has_value());
        QVERIFY(d->notFound.isEmpty());
        QCOMPARE(d->expected.size(), 10);
        for (const IdpExpectedDelivery &e : d->expected) {
            QVERIFY(!e.sid.isEmpty());
            QVERIFY(!e.userId.isEmpty());
            QCOMPARE(e.deliver, e.clientId != QLatin1String("demo-no-bcl"));
            QCOMPARE(e.skipReason, e.deliver ? QString() : QStringLiteral("no backchannel_logout_uri"));
        }

        QObject context;
        FeedLog log;
        log.attach(m_connector->outcomeFeed(), &context);
        m_connector->outcomeFeed()->start(*d->eventsCursor);
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(d->idpRunId); }),
                 "the run never finished on the feed");
        QVERIFY(m_connector->eventStream()->isConnected());
        QVERIFY(log.drops.isEmpty());
        QCOMPARE(m_connector->outcomeFeed()->cursor(), latestCursor(*m_connector));
        m_connector->outcomeFeed()->stop();
        QVERIFY(!m_connector->eventStream()->isConnected());

        int repeats = 0;
        const QHash<QString, OutcomeReport> got = log.ofRun(d->idpRunId, &repeats);
        QCOMPARE(repeats, 0);
        const QList<QString> gotKeys = got.keys();
        QCOMPARE(QSet<QString>(gotKeys.cbegin(), gotKeys.cend()), expectedKeys(*d));
        for (const OutcomeReport &r : got) {
            QCOMPARE(r.source, logout::OutcomeSource::Idp);
            QVERIFY(!r.sid.isEmpty());
            QVERIFY(!r.sub.isEmpty());
            QVERIFY(r.time.isValid());
            const QString c = r.clientId;
            if (c == QLatin1String("demo-healthy") || c == QLatin1String("demo-slow")) {
                QCOMPARE(r.state, DeliveryState::Delivered);
                QCOMPARE(r.httpStatus, std::optional<int>(200));
                QVERIFY(!r.tokenJti.isEmpty());
                QVERIFY(r.latencyMs.has_value());
                if (c == QLatin1String("demo-slow"))
                    QVERIFY(*r.latencyMs >= 1400); // the demo RP waits 1.5 s before it answers
            } else if (c == QLatin1String("demo-failing")) {
                QCOMPARE(r.state, DeliveryState::Failed);
                QCOMPARE(r.httpStatus, std::optional<int>(500));
                QVERIFY(r.error.contains(QStringLiteral("500")));
            } else if (c == QLatin1String("demo-hanging")) {
                QCOMPARE(r.state, DeliveryState::TimedOut);
                QVERIFY(!r.httpStatus);
                QVERIFY(!r.error.isEmpty());
            } else {
                QCOMPARE(c, QStringLiteral("demo-no-bcl"));
                QCOMPARE(r.state, DeliveryState::Skipped);
                QCOMPARE(r.error, QStringLiteral("no backchannel_logout_uri"));
            }
        }
    }

    void aStreamCutMidRunResumesWithoutLossOrRepeat()
    {
        const QList<IdpSession> sessions = seed({QStringLiteral("demo-healthy")}, 200);
        QCOMPARE(sessions.size(), 200);
        // Budgets that end connections in the middle of events (and of the HTTP chunks holding them).
        LoopbackCutProxy proxy(m_port, {3001, 5003, 7919, 4099, 6007, 9001, 2503, 8009});
        SandboxConnector viaProxy(&m_nam, sandboxProfile(proxy.port()), secretOf(m_secret));

        // Subscribe first, at the present, so the run's events arrive while the cuts happen.
        const qint64 now = latestCursor(*m_connector);
        QVERIFY(now >= 0);
        QObject context;
        FeedLog log;
        log.attach(viaProxy.outcomeFeed(), &context);
        viaProxy.outcomeFeed()->start(now);

        const Result<LogoutDispatch> d = logout(*m_connector, sessions, 2);
        QVERIFY2(d.ok(), qPrintable(d.errorString()));
        QCOMPARE(d->expected.size(), 200);
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(d->idpRunId); }),
                 "the run never finished on the feed");
        viaProxy.outcomeFeed()->stop();

        QVERIFY2(proxy.interruptions() >= 4, qPrintable(QString::number(proxy.interruptions())));
        QVERIFY(log.drops.size() >= proxy.interruptions());
        QVERIFY(log.gaps.isEmpty());
        int repeats = 0;
        const QHash<QString, OutcomeReport> got = log.ofRun(d->idpRunId, &repeats);
        QCOMPARE(repeats, 0);
        const QList<QString> gotKeys = got.keys();
        QCOMPARE(QSet<QString>(gotKeys.cbegin(), gotKeys.cend()), expectedKeys(*d));
        for (const OutcomeReport &r : got)
            QCOMPARE(r.state, DeliveryState::Delivered);
    }

    void aSilentStreamIsReopened()
    {
        const QList<IdpSession> sessions = seed({QStringLiteral("demo-sid-required")}, 3);
        QCOMPARE(sessions.size(), 3);
        // The first stream goes quiet after its first bytes without closing: only the silence
        // timeout can notice.
        LoopbackCutProxy proxy(m_port, {200}, /*stall=*/true);
        SandboxConnector viaProxy(&m_nam, sandboxProfile(proxy.port()), secretOf(m_secret));
        viaProxy.eventStream()->setSilenceTimeoutMs(1500);

        const Result<LogoutDispatch> d = logout(*m_connector, sessions, 3);
        QVERIFY2(d.ok(), qPrintable(d.errorString()));
        QObject context;
        FeedLog log;
        log.attach(viaProxy.outcomeFeed(), &context);
        viaProxy.outcomeFeed()->start(*d->eventsCursor);
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(d->idpRunId); }),
                 "the run never finished on the feed");
        viaProxy.outcomeFeed()->stop();

        QCOMPARE(proxy.interruptions(), 1);
        QVERIFY(!log.drops.isEmpty());
        QVERIFY2(log.drops.first().contains(QStringLiteral("nothing arrived")), qPrintable(log.drops.first()));
        int repeats = 0;
        const QHash<QString, OutcomeReport> got = log.ofRun(d->idpRunId, &repeats);
        QCOMPARE(repeats, 0);
        QCOMPARE(got.size(), 3);
    }

    void aRefusedTokenIsRenewed()
    {
        const QList<IdpSession> sessions = seed({QStringLiteral("demo-sid-optional")}, 2);
        QCOMPARE(sessions.size(), 2);
        // The first token is refused (as after a sandbox restart): the stream must get a new one.
        IdpHttpClient http(&m_nam, sandboxProfile(m_port));
        int tokensAsked = 0;
        http.setTokenSource([&](QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done) {
            const QByteArray token = ++tokensAsked == 1 ? QByteArray("not-a-valid-token") : adminToken();
            QMetaObject::invokeMethod(
                context,
                [done, token] {
                    done(IdpHttpClient::Token{token, 0});
                },
                Qt::QueuedConnection);
        });
        SandboxEventStream stream(&http);
        QObject context;
        FeedLog log;
        log.attach(&stream, &context);
        const Result<LogoutDispatch> d = logout(*m_connector, sessions, 2);
        QVERIFY2(d.ok(), qPrintable(d.errorString()));
        stream.start(*d->eventsCursor);
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(d->idpRunId); }),
                 "the run never finished on the feed");
        stream.stop();
        QCOMPARE(tokensAsked, 2);
        QVERIFY(!log.drops.isEmpty());
        QVERIFY2(log.drops.first().contains(QStringLiteral("credentials")), qPrintable(log.drops.first()));
        int repeats = 0;
        QCOMPARE(log.ofRun(d->idpRunId, &repeats).size(), 2);
        QCOMPARE(repeats, 0);
    }

    void aCursorBeyondTheStreamIsAReset()
    {
        // As after a sandbox restart: the cursor Signoff holds is ahead of the new stream.
        const QList<IdpSession> sessions = seed({QStringLiteral("demo-sid-optional")}, 1);
        QCOMPARE(sessions.size(), 1);
        SandboxEventStream *stream = m_connector->eventStream();
        QObject context;
        FeedLog log;
        log.attach(stream, &context);
        stream->start(latestCursor(*m_connector) + 100000);
        QVERIFY2(waitUntil([&] { return !log.gaps.isEmpty(); }), "no reset reported");
        QVERIFY(waitUntil([&] { return stream->cursor() == latestCursor(*m_connector); }));
        const Result<LogoutDispatch> d = logout(*m_connector, sessions, 1);
        QVERIFY2(d.ok(), qPrintable(d.errorString()));
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(d->idpRunId); }),
                 "the run never finished on the feed");
        stream->stop();
        int repeats = 0;
        QCOMPARE(log.ofRun(d->idpRunId, &repeats).size(), 1);
        QCOMPARE(log.gaps.size(), 1);
    }

    void eventsThatLeftTheRingAreAGap()
    {
        // A sandbox of its own with the smallest ring (1,000 events).
        const quint16 port = quint16(freePort());
        QTemporaryDir data;
        SandboxProcess::Options o;
        o.port = port;
        o.dataDir = data.path();
        o.healthIntervalMs = 300;
        o.startTimeoutMs = kStartTimeoutMs;
        SandboxProcess process(&m_nam, o);
        qputenv("SIGNOFF_SANDBOX_EVENT_BUFFER", "1000");
        process.start(m_secret);
        const bool up = waitUntil(
            [&] {
                return process.state() == SandboxProcess::State::Running ||
                       process.state() == SandboxProcess::State::Failed;
            },
            kStartTimeoutMs);
        qunsetenv("SIGNOFF_SANDBOX_EVENT_BUFFER");
        QVERIFY2(up && process.state() == SandboxProcess::State::Running, qPrintable(process.log().join(u'\n')));
        SandboxConnector connector(&m_nam, sandboxProfile(port), secretOf(m_secret));
        HttpCall seedCall;
        seedCall.method = "POST";
        seedCall.url = connector.http()->url(QStringLiteral("/admin/seed"));
        seedCall.contentType = "application/json";
        seedCall.body = R"({"users":5,"sessions":600,"clients":["demo-sid-optional"],"clients_per_session":1})";
        const Result<HttpAnswer> seeded =
            await<HttpAnswer>([&](QObject *c, auto done) { connector.http()->send(seedCall, c, std::move(done)); });
        QVERIFY(seeded && seeded->status == 201);
        SessionQuery q;
        q.clientId = QStringLiteral("demo-sid-optional");
        const QList<IdpSession> sessions = listSessions(connector, q).all();
        QCOMPARE(sessions.size(), 600);

        // Two runs (500 + 100 sessions: 1,204 events) read live, then read again from the start.
        const qint64 start = latestCursor(connector);
        QObject context;
        FeedLog live;
        live.attach(connector.outcomeFeed(), &context);
        connector.outcomeFeed()->start(start);
        // One after the other, so the events that leave the ring are all the first run's.
        const Result<LogoutDispatch> first = logout(connector, sessions.mid(0, 500), 32);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        QVERIFY2(waitUntil([&] { return live.finishedRuns.contains(first->idpRunId); }), "run 1 never finished");
        const Result<LogoutDispatch> second = logout(connector, sessions.mid(500), 32);
        QVERIFY2(second.ok(), qPrintable(second.errorString()));
        QVERIFY2(waitUntil([&] { return live.finishedRuns.contains(second->idpRunId); }), "run 2 never finished");
        connector.outcomeFeed()->stop();

        SandboxEventStream late(connector.http());
        FeedLog replay;
        replay.attach(&late, &context);
        late.start(start);
        QVERIFY2(waitUntil([&] { return replay.finishedRuns.contains(second->idpRunId); }), "no replay");
        late.stop();
        QCOMPARE(replay.gaps.size(), 1);
        int repeats = 0;
        QCOMPARE(replay.ofRun(second->idpRunId, &repeats).size(), 100); // still in the ring
        QCOMPARE(repeats, 0);
        const int firstKept = int(replay.ofRun(first->idpRunId, &repeats).size());
        QCOMPARE(repeats, 0);
        QVERIFY2(firstKept > 0 && firstKept < 500, qPrintable(QString::number(firstKept)));
        process.stop();
        QVERIFY(waitUntil([&] { return process.state() == SandboxProcess::State::Stopped; }, 30000));
    }

    void rpInitiatedLogoutsPassThrough()
    {
        // The provider's own /session/end notifies the RP outside any admin run: run_id is null.
        Browser browser(sandboxProfile(m_port).baseUrl);
        const QUrl endUrl = browser.signIn(QStringLiteral("demo-healthy"), QStringLiteral("bob"));
        QVERIFY(endUrl.isValid() && !endUrl.isEmpty());
        SandboxEventStream *stream = m_connector->eventStream();
        QObject context;
        FeedLog log;
        log.attach(stream, &context);
        stream->start(latestCursor(*m_connector));
        QVERIFY(browser.endSession(endUrl));
        QVERIFY2(waitUntil([&] { return !log.reports.isEmpty(); }), "no end_session delivery on the feed");
        stream->stop();
        const OutcomeReport &r = log.reports.first();
        QVERIFY(r.idpRunId.isEmpty());
        QVERIFY(!r.sessionId.isEmpty());
        QCOMPARE(r.clientId, QStringLiteral("demo-healthy"));
        QCOMPARE(r.sub, QStringLiteral("bob"));
        QCOMPARE(r.state, DeliveryState::Delivered);
        QCOMPARE(r.httpStatus, std::optional<int>(200));
        QVERIFY(!r.sid.isEmpty()); // demo-healthy requires it (the sandbox reports no jti here)
    }

    void resendAfterTheSessionIsGone()
    {
        const QList<IdpSession> sessions =
            seed({QStringLiteral("demo-failing"), QStringLiteral("demo-sid-optional")}, 1);
        QCOMPARE(sessions.size(), 1);
        QObject context;
        FeedLog log;
        log.attach(m_connector->outcomeFeed(), &context);

        const Result<LogoutDispatch> first = logout(*m_connector, sessions, 2);
        QVERIFY2(first.ok(), qPrintable(first.errorString()));
        m_connector->outcomeFeed()->start(*first->eventsCursor);
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(first->idpRunId); }),
                 "the run never finished on the feed");

        const Result<QList<IdpSession>> gone = await<QList<IdpSession>>(
            [&](QObject *c, auto done) { m_connector->sessionsById({sessions.first().id}, c, std::move(done)); });
        QVERIFY2(gone.ok(), qPrintable(gone.errorString()));
        QVERIFY(gone->isEmpty());

        int repeats = 0;
        const QHash<QString, OutcomeReport> before = log.ofRun(first->idpRunId, &repeats);
        QList<ResendItem> items;
        for (const IdpExpectedDelivery &e : first->expected)
            items.append({e.sessionId, e.userId, e.clientId, e.sid});
        const Result<LogoutDispatch> again =
            await<LogoutDispatch>([&](QObject *c, auto done) { m_connector->resend(items, 2, c, std::move(done)); });
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QVERIFY(again->idpRunId != first->idpRunId);
        QCOMPARE(expectedKeys(*again), expectedKeys(*first));
        // The feed is still running: the resend's outcomes arrive on the same stream.
        QVERIFY2(waitUntil([&] { return log.finishedRuns.contains(again->idpRunId); }),
                 "the run never finished on the feed");
        m_connector->outcomeFeed()->stop();

        const QHash<QString, OutcomeReport> after = log.ofRun(again->idpRunId, &repeats);
        QCOMPARE(repeats, 0);
        QCOMPARE(after.size(), 2);
        for (const OutcomeReport &r : after) {
            QCOMPARE(r.sessionId, sessions.first().id);
            QCOMPARE(r.state,
                     r.clientId == QLatin1String("demo-failing") ? DeliveryState::Failed : DeliveryState::Delivered);
            QVERIFY(!r.tokenJti.isEmpty());
            const QString key = r.sessionId + u'|' + r.clientId;
            QVERIFY(before.contains(key));
            QVERIFY(before.value(key).tokenJti != r.tokenJti); // a new token, not a replay
        }
    }

    void resendRefusesWhatTheSandboxRefuses()
    {
        // demo-healthy requires sid: the sandbox answers 400 naming the item.
        const Result<LogoutDispatch> r = await<LogoutDispatch>([&](QObject *c, auto done) {
            m_connector->resend({{QString(), QStringLiteral("alice"), QStringLiteral("demo-healthy"), QString()}}, 1, c,
                                std::move(done));
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, 400);
        QVERIFY2(r.errorString().contains(QStringLiteral("sid is required")), qPrintable(r.errorString()));
        const Result<LogoutDispatch> none =
            await<LogoutDispatch>([&](QObject *c, auto done) { m_connector->resend({}, 1, c, std::move(done)); });
        QVERIFY(!none.ok());
    }

    void sessionsByIdLeavesUnknownIdsOut()
    {
        const QList<IdpSession> sessions = seed({QStringLiteral("demo-sid-optional")}, 12);
        QCOMPARE(sessions.size(), 12);
        QStringList ids;
        for (int i = 0; i < sessions.size(); ++i) {
            ids << sessions.at(i).id;
            if (i % 4 == 0)
                ids << QStringLiteral("no-such-session-%1").arg(i);
        }
        ids << sessions.first().id; // asked twice, answered once
        const Result<QList<IdpSession>> got = await<QList<IdpSession>>(
            [&](QObject *c, auto done) { m_connector->sessionsById(ids, c, std::move(done)); });
        QVERIFY2(got.ok(), qPrintable(got.errorString()));
        QCOMPARE(got->size(), sessions.size());
        for (int i = 0; i < sessions.size(); ++i) {
            const IdpSession &s = got->at(i);
            QCOMPARE(s.id, sessions.at(i).id);
            QCOMPARE(s.userId, sessions.at(i).userId);
            QCOMPARE(s.rps.size(), 1);
            QCOMPARE(s.rps.first().clientId, QStringLiteral("demo-sid-optional"));
            QCOMPARE(s.rps.first().sid, sessions.at(i).rps.first().sid);
        }
        const Result<QList<IdpSession>> unknown = await<QList<IdpSession>>(
            [&](QObject *c, auto done) { m_connector->sessionsById({QStringLiteral("nope")}, c, std::move(done)); });
        QVERIFY2(unknown.ok(), qPrintable(unknown.errorString()));
        QVERIFY(unknown->isEmpty());
    }

    void unknownSessionsAreNamedNotFound()
    {
        IdpSession ghost;
        ghost.id = QStringLiteral("no-such-session");
        const Result<LogoutDispatch> d = logout(*m_connector, {ghost}, 1);
        QVERIFY2(d.ok(), qPrintable(d.errorString()));
        QCOMPARE(d->notFound, QStringList{ghost.id});
        QVERIFY(d->expected.isEmpty());
        const Result<LogoutDispatch> empty = logout(*m_connector, {}, 1);
        QVERIFY(!empty.ok());
        QVERIFY(!empty.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxLogout)
#include "tst_sandboxlogout.moc"
