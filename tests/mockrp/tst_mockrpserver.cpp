// The mock RP over real loopback: good and bad requests, keep-alive and pipelining, the body
// cap, every behaviour, relay to a second local server, several endpoints, JWKS rotation with
// the rate-limited refresh, discovery, and HTTPS with the self-signed certificate trusted
// explicitly. Tokens are minted by npm `jose`; time is a ManualClock.
#include "../jose/NodeMint.h"

#include "jose/JwksSource.h"
#include "mockrp/MockRpEndpoint.h"
#include "mockrp/MockRpServer.h"
#include "mockrp/TlsIdentity.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <sys/socket.h>

using namespace signoff;
using namespace signoff::mockrp;
using signoff::test::mintKey;
using signoff::test::mintToken;

namespace {
constexpr qint64 T0 = 1700000000;
const QString kIss = QStringLiteral("https://op.loopback.test");
const QString kBcl = QStringLiteral("http://schemas.openid.net/event/backchannel-logout");

constexpr int kManyTokens = 240;

QJsonObject claims(const QString &jti, const QString &aud = QStringLiteral("rp-a"))
{
    return {{QStringLiteral("iss"), kIss},
            {QStringLiteral("aud"), aud},
            {QStringLiteral("iat"), T0},
            {QStringLiteral("exp"), T0 + 120},
            {QStringLiteral("jti"), jti},
            {QStringLiteral("sid"), QString(QStringLiteral("sid-") + jti)},
            {QStringLiteral("events"), QJsonObject{{kBcl, QJsonObject()}}}};
}

QJsonObject header(const QString &alg, const QString &kid)
{
    return {{QStringLiteral("alg"), alg},
            {QStringLiteral("kid"), kid},
            {QStringLiteral("typ"), QStringLiteral("logout+jwt")}};
}

QByteArray formFor(const QByteArray &token)
{
    // Tokens are base64url and dots: nothing to escape, but go through the real encoder anyway.
    return "logout_token=" + QUrl::toPercentEncoding(QString::fromLatin1(token)) + "&state=ignored";
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}
} // namespace

class TestMockRpServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void validTokenAccepted();
    void invalidTokenRefusedWithEveryVerdict();
    void wrongMethodAndMediaType();
    void oversizedBodyRefusedUnread();
    void keepAliveAndPipelining();
    void thousandsOfPipelinedRequests();
    void pipelinedBurstThroughEveryStream_data();
    void pipelinedBurstThroughEveryStream();
    void pipelinedBehindAPendingAnswerIsPausedNotRefused();
    void idleConnectionsAreClosed();
    void tricklingCannotOutstayTheRequestDeadline();
    void atTheCapALegitClientIsStillServed_data();
    void atTheCapALegitClientIsStillServed();
    void connectionThreadsShareOneReplayCache();
    void connectionThreadsSlowPaths();
    void connectionThreadsBatchAnswersAcrossConnections();
    void connectionThreadsKeepTheLastRecordsOverall();
    void connectionThreadsAnswerAHalfClosedPeer();
    void connectionThreadsServerStoppedWhileAnswerPending();
    void behaviourStatus();
    void behaviourDelay();
    void behaviourDrop();
    void behaviourFlaky();
    void jtiRememberedOnlyWhenAccepted_data();
    void jtiRememberedOnlyWhenAccepted();
    void jtiOfARelayedTokenRememberedOnlyWhenTheRpAccepted();
    void relayToSecondServer();
    void relayTargetDown();
    void severalEndpoints();
    void unknownKidRefreshesOnceRateLimited();
    void discoveryDocument();
    void httpsSelfSignedTrustedExplicitly();
    void recordsAreBounded();

private:
    MockRpEndpoint *endpoint(MockRpEndpointConfig cfg, const QUrl &jwks = {});
    MockRpEndpointConfig config(const QString &client = QStringLiteral("rp-a"),
                                const QString &path = QStringLiteral("/backchannel-logout")) const;
    MockRpServer *server(const QList<MockRpEndpoint *> &endpoints, int connectionThreads = 1);
    QNetworkReply *post(const QUrl &url, const QByteArray &body,
                        const QByteArray &type = "application/x-www-form-urlencoded");
    QByteArray rawExchange(quint16 port, const QByteArray &request, int expectedResponses);

    signoff::test::Minted m_minted;
    QTemporaryDir m_dir;
    QString m_jwksFile;
    ManualClock m_clock{QDateTime::fromSecsSinceEpoch(T0, Qt::UTC)};
    QObject *m_scope = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
};

void TestMockRpServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QJsonArray keys{mintKey(QStringLiteral("rs"), QStringLiteral("RS256"), QStringLiteral("rs-1")),
                          mintKey(QStringLiteral("es"), QStringLiteral("ES256"), QStringLiteral("es-1")),
                          mintKey(QStringLiteral("rs2"), QStringLiteral("RS256"), QStringLiteral("rs-2"))};
    QJsonArray t;
    t.append(mintToken(QStringLiteral("good"), QStringLiteral("rs"),
                       header(QStringLiteral("RS256"), QStringLiteral("rs-1")), claims(QStringLiteral("g1"))));
    t.append(mintToken(QStringLiteral("good_es"), QStringLiteral("es"),
                       header(QStringLiteral("ES256"), QStringLiteral("es-1")), claims(QStringLiteral("g2"))));
    t.append(mintToken(QStringLiteral("good_b"), QStringLiteral("rs"),
                       header(QStringLiteral("RS256"), QStringLiteral("rs-1")),
                       claims(QStringLiteral("g3"), QStringLiteral("rp-b"))));
    t.append(mintToken(QStringLiteral("rotated"), QStringLiteral("rs2"),
                       header(QStringLiteral("RS256"), QStringLiteral("rs-2")), claims(QStringLiteral("g4"))));
    t.append(mintToken(QStringLiteral("ghost1"), QStringLiteral("es"),
                       header(QStringLiteral("ES256"), QStringLiteral("ghost-1")), claims(QStringLiteral("g5"))));
    t.append(mintToken(QStringLiteral("ghost2"), QStringLiteral("es"),
                       header(QStringLiteral("ES256"), QStringLiteral("ghost-2")), claims(QStringLiteral("g6"))));
    for (int i = 0; i < kManyTokens; ++i)
        t.append(mintToken(QStringLiteral("many-%1").arg(i), i % 2 ? QStringLiteral("es") : QStringLiteral("rs"),
                           i % 2 ? header(QStringLiteral("ES256"), QStringLiteral("es-1"))
                                 : header(QStringLiteral("RS256"), QStringLiteral("rs-1")),
                           claims(QStringLiteral("m%1").arg(i))));
    QJsonObject bad = claims(QStringLiteral("b1"));
    bad.insert(QStringLiteral("iss"), QStringLiteral("https://someone-else"));
    bad.insert(QStringLiteral("nonce"), QStringLiteral("n"));
    t.append(mintToken(QStringLiteral("bad"), QStringLiteral("rs"),
                       header(QStringLiteral("RS256"), QStringLiteral("rs-1")), bad));
    m_minted = signoff::test::mint(keys, t);
    QVERIFY2(m_minted.ok(), qPrintable(m_minted.error));
    // Published: rs-1 and es-1. rs-2 appears later (rotation).
    QJsonArray published{m_minted.jwk.value(QStringLiteral("rs")), m_minted.jwk.value(QStringLiteral("es"))};
    m_jwksFile = m_dir.filePath(QStringLiteral("jwks.json"));
    QVERIFY(writeFile(m_jwksFile, QJsonDocument(QJsonObject{{QStringLiteral("keys"), published}}).toJson()));
}

void TestMockRpServer::init()
{
    m_clock.set(QDateTime::fromSecsSinceEpoch(T0, Qt::UTC));
    m_scope = new QObject(this);
    m_nam = new QNetworkAccessManager(m_scope);
    QVERIFY(writeFile(m_jwksFile, QJsonDocument(QJsonObject{{QStringLiteral("keys"),
                                                             QJsonArray{m_minted.jwk.value(QStringLiteral("rs")),
                                                                        m_minted.jwk.value(QStringLiteral("es"))}}})
                                      .toJson()));
}

void TestMockRpServer::cleanup()
{
    delete m_scope;
    m_scope = nullptr;
}

MockRpEndpointConfig TestMockRpServer::config(const QString &client, const QString &path) const
{
    MockRpEndpointConfig c;
    c.path = path;
    c.validator.issuer = kIss;
    c.validator.clientId = client;
    c.validator.algorithms = {jose::JwsAlg::RS256, jose::JwsAlg::ES256};
    return c;
}

MockRpEndpoint *TestMockRpServer::endpoint(MockRpEndpointConfig cfg, const QUrl &jwks)
{
    auto *keys = new jose::JwksSource(m_nam, &m_clock, m_scope);
    keys->setJwksUri(jwks.isEmpty() ? QUrl::fromLocalFile(m_jwksFile) : jwks);
    bool loaded = false;
    keys->load(m_scope, [&loaded](const Status &) { loaded = true; });
    [&] { QTRY_VERIFY(loaded); }();
    return new MockRpEndpoint(std::move(cfg), keys, m_nam, &m_clock, m_scope);
}

MockRpServer *TestMockRpServer::server(const QList<MockRpEndpoint *> &endpoints, int connectionThreads)
{
    auto *s = new MockRpServer(m_scope);
    s->setConnectionThreads(connectionThreads);
    for (MockRpEndpoint *e : endpoints)
        [&] { QVERIFY(s->addEndpoint(e).ok()); }();
    [&] { QVERIFY(s->listen(QHostAddress::LocalHost, 0).ok()); }();
    return s;
}

QNetworkReply *TestMockRpServer::post(const QUrl &url, const QByteArray &body, const QByteArray &type)
{
    QNetworkRequest req(url);
    if (!type.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, type);
    QNetworkReply *reply = m_nam->post(req, body);
    reply->setParent(m_scope);
    return reply;
}

static QByteArray postRequest(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Counts answer status lines as bytes arrive, without rescanning what came before (a burst of
// tens of thousands of answers arrives in many pieces).
struct AnswerCounter
{
    QByteArray marker = QByteArrayLiteral("HTTP/1.1 ");
    qsizetype count = 0;
    QByteArray carry; // the end of the previous piece: a marker may straddle two pieces

    void add(const QByteArray &piece)
    {
        const QByteArray joined = carry + piece;
        for (qsizetype at = joined.indexOf(marker); at >= 0; at = joined.indexOf(marker, at + marker.size()))
            ++count;
        carry = joined.right(marker.size() - 1);
    }
};

// Raw HTTP over several connections at once; returns each connection's bytes once it holds
// `expected` answers (or closed).
static QList<QByteArray> exchangeAll(quint16 port, const QList<QByteArray> &requests, const QList<int> &expected,
                                     int timeoutMs = 20000)
{
    QList<QByteArray> got(requests.size());
    QList<AnswerCounter> counted(requests.size());
    QList<bool> closed(requests.size(), false);
    std::vector<std::unique_ptr<QTcpSocket>> sockets; // after got/closed: sockets signal as they go
    for (qsizetype i = 0; i < requests.size(); ++i) {
        auto *sock = sockets.emplace_back(std::make_unique<QTcpSocket>()).get();
        QObject::connect(sock, &QTcpSocket::readyRead, sock, [&got, &counted, sock, i] {
            const QByteArray piece = sock->readAll();
            counted[i].add(piece);
            got[i] += piece;
        });
        QObject::connect(sock, &QTcpSocket::disconnected, sock, [&closed, i] { closed[i] = true; });
        sock->connectToHost(QHostAddress::LocalHost, port);
    }
    for (qsizetype i = 0; i < requests.size(); ++i) {
        [&] { QTRY_COMPARE(sockets[size_t(i)]->state(), QAbstractSocket::ConnectedState); }();
        sockets[size_t(i)]->write(requests[i]);
    }
    const auto done = [&] {
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (counted[i].count < expected[i] && !closed[i])
                return false;
        }
        return true;
    };
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done(), timeoutMs); }();
    for (qsizetype i = 0; i < requests.size(); ++i)
        got[i] += sockets[size_t(i)]->readAll();
    return got;
}

QByteArray TestMockRpServer::rawExchange(quint16 port, const QByteArray &request, int expectedResponses)
{
    // Event-driven (the server runs on this thread): no blocking waits.
    return exchangeAll(port, {request}, {expectedResponses}, 10000).first();
}

void TestMockRpServer::validTokenAccepted()
{
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e});
    QSignalSpy recorded(e, &MockRpEndpoint::requestRecorded);
    QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(r->rawHeader("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(r->readAll(), QByteArray());
    QTRY_COMPARE(recorded.count(), 1);
    const auto rec = recorded.first().first().value<RequestRecord>();
    QVERIFY(rec.valid());
    QCOMPARE(rec.status, 200);
    QVERIFY(rec.peer.startsWith(QLatin1String("127.0.0.1:")));
    QCOMPARE(rec.report.claims().value(QStringLiteral("sid")).toString(), QStringLiteral("sid-g1"));
    QCOMPARE(rec.toJson().value(QStringLiteral("verdicts")).toArray().size(),
             jose::LogoutTokenValidator::rules().size());
    // ES256 too, on the same (kept-alive) connection pool.
    r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good_es"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    // The replayed first token is now refused.
    r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(r->readAll().contains("replay"));
}

void TestMockRpServer::invalidTokenRefusedWithEveryVerdict()
{
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e});
    QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("bad"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QCOMPARE(r->rawHeader("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(r->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(r->readAll()).object();
    QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    const QString description = body.value(QStringLiteral("error_description")).toString();
    QVERIFY2(description.contains(QLatin1String("iss:")) && description.contains(QLatin1String("nonce:")),
             qPrintable(description));
    QTRY_COMPARE(e->records().size(), 1);
    const RequestRecord rec = e->records().first();
    QCOMPARE(rec.report.failures().size(), 2);
    QCOMPARE(rec.report.level(u"signature"), jose::VerdictLevel::Pass);
}

void TestMockRpServer::wrongMethodAndMediaType()
{
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e});
    QNetworkReply *get = m_nam->get(QNetworkRequest(s->url(e)));
    get->setParent(m_scope);
    QTRY_VERIFY(get->isFinished());
    QCOMPARE(get->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QCOMPARE(get->rawHeader("Allow"), QByteArray("POST"));
    QCOMPARE(get->rawHeader("Cache-Control"), QByteArray("no-store"));
    QNetworkReply *json = post(s->url(e), "{\"logout_token\":\"x\"}", "application/json");
    QTRY_VERIFY(json->isFinished());
    QCOMPARE(json->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 415);
    QNetworkReply *missing = post(s->url(e), "token=abc");
    QTRY_VERIFY(missing->isFinished());
    QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QUrl other = s->url(e);
    other.setPath(QStringLiteral("/elsewhere"));
    QNetworkReply *notFound = post(other, formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(notFound->isFinished());
    QCOMPARE(notFound->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QTRY_COMPARE(e->records().size(), 3);
}

void TestMockRpServer::oversizedBodyRefusedUnread()
{
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e});
    // Only the headers are sent: the answer must come without the body being read.
    const QByteArray req = "POST /backchannel-logout HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\n";
    const QByteArray answer = rawExchange(s->port(), req, 1);
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
    QVERIFY(answer.contains("Connection: close"));
    QVERIFY(answer.contains("Cache-Control: no-store"));
    QTRY_COMPARE(e->records().size(), 1);
    QCOMPARE(e->records().first().status, 413);
    // Expect: 100-continue with an acceptable size gets the interim answer.
    const QByteArray withExpect = "POST /backchannel-logout HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Content-Type: application/x-www-form-urlencoded\r\nExpect: 100-continue\r\n"
                                  "Content-Length: 5\r\n\r\n";
    const QByteArray interim = rawExchange(s->port(), withExpect, 1);
    QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue"), interim.constData());
}

void TestMockRpServer::keepAliveAndPipelining()
{
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e});
    const QByteArray body = formFor(m_minted.tokens.value(QStringLiteral("good")));
    const QByteArray one =
        "POST /backchannel-logout HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray two = "GET /backchannel-logout HTTP/1.1\r\nHost: h\r\n\r\n";
    const QByteArray three =
        "POST /backchannel-logout HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 12\r\nConnection: close\r\n\r\nlogout_token";
    const QByteArray answer = rawExchange(s->port(), one + two + three, 3);
    const qsizetype a = answer.indexOf("HTTP/1.1 200 ");
    const qsizetype b = answer.indexOf("HTTP/1.1 405 ");
    const qsizetype c = answer.indexOf("HTTP/1.1 400 ");
    QVERIFY2(a == 0 && b > a && c > b, answer.constData());
    QVERIFY(answer.mid(c).contains("Connection: close"));
    QCOMPARE(e->records().size(), 3);
    QTRY_COMPARE(s->connectionCount(), 0);
}

void TestMockRpServer::thousandsOfPipelinedRequests()
{
    // Answered in a loop, not by recursion: a client pipelining many tiny requests in one
    // write must get every answer, in order, and must not take the server's stack down.
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e});
    const int n = 6000;
    QByteArray burst;
    for (int i = 0; i < n; ++i)
        burst += "GET /backchannel-logout HTTP/1.1\r\nHost: h\r\n\r\n";
    const QByteArray answer = rawExchange(s->port(), burst, n);
    QCOMPARE(int(answer.count("HTTP/1.1 405 ")), n);
    QTRY_COMPARE(int(e->records().size()), qMin(n, 1000)); // the ring keeps the last 1,000
    QCOMPARE(e->requestCount(), quint64(n));
}

void TestMockRpServer::pipelinedBurstThroughEveryStream_data()
{
    QTest::addColumn<QString>("stream");
    QTest::newRow("descriptor") << QStringLiteral("descriptor");
    QTest::newRow("descriptor on connection threads") << QStringLiteral("threads");
    QTest::newRow("QTcpSocket") << QStringLiteral("qtcpsocket");
    QTest::newRow("TLS") << QStringLiteral("tls");
}

void TestMockRpServer::pipelinedBurstThroughEveryStream()
{
    // 50,000 pipelined requests in ONE write (about 2 MB, ten times what one request may take):
    // however the stream happens to read them, every one is answered, in order.
    QFETCH(QString, stream);
    MockRpEndpoint *e = endpoint(config());
    auto *s = new MockRpServer(m_scope);
    s->setConnectionThreads(stream == QLatin1String("threads") ? 2 : 1);
    s->setDescriptorFastPath(stream != QLatin1String("qtcpsocket"));
    QVERIFY(s->addEndpoint(e).ok());
    std::unique_ptr<QTcpSocket> client;
    if (stream == QLatin1String("tls")) {
        const auto identity = generateSelfSigned({QStringLiteral("127.0.0.1")});
        QVERIFY2(identity.ok(), qPrintable(identity.errorString()));
        QVERIFY(s->listenTls(QHostAddress::LocalHost, 0, *identity).ok());
        auto tls = std::make_unique<QSslSocket>();
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates({identity->certificate});
        tls->setSslConfiguration(conf);
        tls->connectToHostEncrypted(QStringLiteral("127.0.0.1"), s->port());
        QTRY_VERIFY_WITH_TIMEOUT(tls->isEncrypted(), 20000);
        client = std::move(tls);
    } else {
        QVERIFY(s->listen(QHostAddress::LocalHost, 0).ok());
        client = std::make_unique<QTcpSocket>();
        client->connectToHost(QHostAddress::LocalHost, s->port());
        QTRY_COMPARE(client->state(), QAbstractSocket::ConnectedState);
    }
    const int n = 50000;
    QByteArray burst;
    for (int i = 0; i < n; ++i)
        burst += "GET /backchannel-logout HTTP/1.1\r\nHost: h\r\n\r\n";
    AnswerCounter answers;
    answers.marker = QByteArrayLiteral("HTTP/1.1 405 ");
    AnswerCounter any;
    connect(client.get(), &QTcpSocket::readyRead, this, [&] {
        const QByteArray piece = client->readAll();
        answers.add(piece);
        any.add(piece);
    });
    client->write(burst);
    QTRY_VERIFY_WITH_TIMEOUT(any.count >= n || client->state() != QAbstractSocket::ConnectedState, 120000);
    QCOMPARE(int(any.count), n);
    QCOMPARE(int(answers.count), n);
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    QTRY_COMPARE(e->requestCount(), quint64(n));
    client.reset();
    delete s;
}

void TestMockRpServer::pipelinedBehindAPendingAnswerIsPausedNotRefused()
{
    // A client that queues far more than the backlog cap behind a request whose answer comes
    // later (here: a delay) is not cut off: reading pauses until the answer is out, and then
    // everything queued is answered.
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(u"delay:200");
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    const int n = 20000;
    QByteArray burst = postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good"))));
    for (int i = 0; i < n; ++i)
        burst += "GET /elsewhere HTTP/1.1\r\nHost: h\r\n\r\n";
    QTcpSocket client;
    AnswerCounter any;
    connect(&client, &QTcpSocket::readyRead, this, [&] { any.add(client.readAll()); });
    client.connectToHost(QHostAddress::LocalHost, s->port());
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    client.write(burst);
    QTRY_VERIFY_WITH_TIMEOUT(any.count >= n + 1 || client.state() != QAbstractSocket::ConnectedState, 60000);
    QCOMPARE(int(any.count), n + 1);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void TestMockRpServer::idleConnectionsAreClosed()
{
    // Idle, and stalled half-way through a request (slowloris), are both closed; a connection
    // that keeps sending requests is not, nor one whose answer is still being worked out.
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(u"delay:3000");
    MockRpEndpoint *e = endpoint(cfg);
    auto *s = new MockRpServer(m_scope);
    // Long enough that a client sending back to back is never that slow, however loaded the
    // machine; the waits below are on conditions, not on this figure.
    ConnectionLimits limits;
    limits.idleTimeoutMs = 2000;
    limits.requestTimeoutMs = 2000;
    s->setLimits(limits);
    QVERIFY(s->addEndpoint(e).ok());
    QVERIFY(s->listen(QHostAddress::LocalHost, 0).ok());
    QTcpSocket idle;
    QTcpSocket stalled;
    QTcpSocket busy;
    QTcpSocket waiting;
    for (QTcpSocket *sock : {&idle, &stalled, &busy, &waiting})
        sock->connectToHost(QHostAddress::LocalHost, s->port());
    QTRY_COMPARE(s->connectionCount(), 4);
    stalled.write("POST /backchannel-logout HTTP/1.1\r\nHost: h\r\n");
    // Longer than the idle timeout: only the request under way keeps this one open.
    waiting.write(postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good")))));
    // Back to back: the next request leaves as soon as the previous answer is in.
    int answers = 0;
    const QByteArray get = "GET /elsewhere HTTP/1.1\r\nHost: h\r\n\r\n";
    connect(&busy, &QTcpSocket::readyRead, this, [&] {
        const int n = int(busy.readAll().count("HTTP/1.1 404 "));
        answers += n;
        for (int i = 0; i < n; ++i)
            busy.write(get);
    });
    busy.write(get);
    QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(stalled.state(), QAbstractSocket::UnconnectedState, 30000);
    QCOMPARE(busy.state(), QAbstractSocket::ConnectedState);
    QVERIFY(answers > 0);
    QByteArray waitingGot;
    QTRY_VERIFY_WITH_TIMEOUT((waitingGot += waiting.readAll()).startsWith("HTTP/1.1 200 "), 30000);
    disconnect(&busy, nullptr, this, nullptr);
}

void TestMockRpServer::tricklingCannotOutstayTheRequestDeadline()
{
    // Slowloris: a byte of the request head at a time, each well inside the idle timeout. The
    // request deadline counts from the first byte, so the connection is answered 408 and closed
    // however long the trickle would go on.
    MockRpEndpoint *e = endpoint(config());
    auto *s = new MockRpServer(m_scope);
    ConnectionLimits limits;
    limits.idleTimeoutMs = 600000; // not what closes it
    limits.requestTimeoutMs = 500;
    s->setLimits(limits);
    QVERIFY(s->addEndpoint(e).ok());
    QVERIFY(s->listen(QHostAddress::LocalHost, 0).ok());
    QTcpSocket slow;
    QByteArray got;
    connect(&slow, &QTcpSocket::readyRead, this, [&] { got += slow.readAll(); });
    slow.connectToHost(QHostAddress::LocalHost, s->port());
    QTRY_COMPARE(slow.state(), QAbstractSocket::ConnectedState);
    // The request line at once (so the refusal is recorded for the endpoint), then a trickle.
    slow.write("POST /backchannel-logout HTTP/1.1\r\nHost: h\r\n");
    const QByteArray head = "X-Padding: " + QByteArray(8000, 'a');
    qsizetype sent = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&] {
        if (slow.state() == QAbstractSocket::ConnectedState && sent < head.size())
            slow.write(head.mid(sent++, 1));
    });
    trickle.start(20);
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 60000);
    trickle.stop();
    QVERIFY2(sent < head.size(), "the head was sent whole: the deadline never took effect");
    QVERIFY2(got.startsWith("HTTP/1.1 408 "), got.constData());
    QTRY_COMPARE(e->records().size(), 1);
    QCOMPARE(e->records().first().status, 408);
    QTRY_COMPARE(s->connectionCount(), 0);
}

void TestMockRpServer::atTheCapALegitClientIsStillServed_data()
{
    QTest::addColumn<bool>("trickling");
    QTest::newRow("idle connections") << false;
    QTest::newRow("trickling connections") << true;
}

void TestMockRpServer::atTheCapALegitClientIsStillServed()
{
    // Far more connections than the cap, holding their slots without finishing a request
    // (idle, or trickling a request head); the deadlines are long, so only shedding at the
    // cap can make room. Each legitimate POST on a new connection is still answered.
    QFETCH(bool, trickling);
    MockRpEndpoint *e = endpoint(config());
    auto *s = new MockRpServer(m_scope);
    ConnectionLimits limits;
    limits.maxConnections = 8;
    limits.idleTimeoutMs = 600000;
    limits.requestTimeoutMs = 600000;
    s->setLimits(limits);
    QVERIFY(s->addEndpoint(e).ok());
    QVERIFY(s->listen(QHostAddress::LocalHost, 0).ok());
    std::vector<std::unique_ptr<QTcpSocket>> attackers;
    for (int i = 0; i < 3 * limits.maxConnections; ++i) {
        auto *sock = attackers.emplace_back(std::make_unique<QTcpSocket>()).get();
        sock->connectToHost(QHostAddress::LocalHost, s->port());
    }
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&] {
        for (const auto &sock : attackers) {
            if (sock->state() == QAbstractSocket::ConnectedState)
                sock->write(sock->property("sent").toBool() ? QByteArray("a")
                                                            : QByteArray("POST /backchannel-logout HTTP/1.1\r\nX-A: "));
            sock->setProperty("sent", true);
        }
    });
    if (trickling)
        trickle.start(20);
    // Every attacker got in (shedding older ones) and the cap holds.
    QTRY_COMPARE_WITH_TIMEOUT(s->shedCount(), quint64(2 * limits.maxConnections), 30000);
    QTRY_COMPARE(s->connectionCount(), limits.maxConnections);
    const QList<QByteArray> tokens{m_minted.tokens.value(QStringLiteral("good")),
                                   m_minted.tokens.value(QStringLiteral("good_es"))};
    for (const QByteArray &token : tokens) {
        auto *nam = new QNetworkAccessManager(m_scope); // a new connection each time
        QNetworkRequest req(s->url(e));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        QNetworkReply *r = nam->post(req, formFor(token));
        QTRY_VERIFY_WITH_TIMEOUT(r->isFinished(), 30000);
        QVERIFY2(r->error() == QNetworkReply::NoError, qPrintable(r->errorString()));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(s->connectionCount() <= limits.maxConnections);
    }
    trickle.stop();
}

void TestMockRpServer::connectionThreadsShareOneReplayCache()
{
    // Several connection threads validate at once; they share the endpoint's replay cache, so
    // a token sent on every connection at the same moment is accepted exactly once.
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e}, 3);
    QCOMPARE(s->connectionThreads(), 3);
    int announced = 0;
    QThread *announcedOn = nullptr;
    connect(e, &MockRpEndpoint::requestRecorded, this, [&](const RequestRecord &) {
        ++announced;
        announcedOn = QThread::currentThread();
    });

    const int connections = 12;
    const QByteArray replayed =
        postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QList<QByteArray> requests;
    QList<int> expected;
    for (int c = 0; c < connections; ++c) {
        QByteArray pipeline = replayed;
        int n = 1;
        for (int i = c; i < kManyTokens; i += connections, ++n)
            pipeline +=
                postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("many-%1").arg(i))));
        requests << pipeline;
        expected << n;
    }
    const QList<QByteArray> answers = exchangeAll(s->port(), requests, expected);
    int ok = 0;
    int replays = 0;
    for (const QByteArray &a : answers) {
        ok += int(a.count("HTTP/1.1 200 "));
        replays += int(a.count("HTTP/1.1 400 "));
        QVERIFY2(!a.contains("HTTP/1.1 400 ") || a.contains("was already accepted (replay)"), a.constData());
    }
    QCOMPARE(ok, kManyTokens + 1);
    QCOMPARE(replays, connections - 1);
    QTRY_COMPARE(announced, kManyTokens + connections);
    QCOMPARE(announcedOn, QThread::currentThread()); // records are announced on the endpoint's thread
    QCOMPARE(e->requestCount(), quint64(kManyTokens + connections));
    QList<quint64> ids;
    for (const RequestRecord &r : e->records())
        ids << r.id;
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids.size(), kManyTokens + connections);
    QCOMPARE(ids.first(), quint64(1));
    QCOMPARE(ids.last(), quint64(kManyTokens + connections)); // every id once
    delete s;                                                 // joins the connection threads before the endpoint goes
    QCOMPARE(e->requestCount(), quint64(kManyTokens + connections));
}

void TestMockRpServer::connectionThreadsBatchAnswersAcrossConnections()
{
    // Connection threads hold answers back until their event loop is about to wait, then send
    // them all: every one must still leave, promptly, on every connection, including an answer
    // that closes its connection. Without the flush these wait for the 30 s idle timeout.
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e}, 2);
    const int connections = 24;
    for (int round = 0; round < 2; ++round) {
        QList<QByteArray> requests;
        for (int c = 0; c < connections; ++c) {
            const QByteArray token = m_minted.tokens.value(QStringLiteral("many-%1").arg(round * connections + c));
            QByteArray request = postRequest("/backchannel-logout", formFor(token));
            if (c == 0) // asks for the connection to be closed after its answer
                request.replace("Host: h\r\n", "Host: h\r\nConnection: close\r\n");
            requests << request;
        }
        const QList<QByteArray> answers = exchangeAll(s->port(), requests, QList<int>(connections, 1), 10000);
        for (int c = 0; c < connections; ++c) {
            QVERIFY2(answers[c].startsWith("HTTP/1.1 200 "), answers[c].constData());
            QCOMPARE(answers[c].contains("Connection: close"), c == 0);
        }
    }
    QCOMPARE(e->requestCount(), quint64(2 * connections));
    delete s;
}

void TestMockRpServer::connectionThreadsKeepTheLastRecordsOverall()
{
    // Each connection thread keeps its own records; read together they are still the last
    // recordCapacity requests of the endpoint, in order, however the load was spread.
    MockRpEndpointConfig cfg = config();
    cfg.recordCapacity = 10;
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e}, 3);
    const int connections = 5;
    const int perConnection = 8;
    QList<QByteArray> requests;
    for (int c = 0; c < connections; ++c) {
        QByteArray pipeline;
        for (int i = 0; i < perConnection; ++i)
            pipeline +=
                postRequest("/backchannel-logout",
                            formFor(m_minted.tokens.value(QStringLiteral("many-%1").arg(c * perConnection + i))));
        requests << pipeline;
    }
    exchangeAll(s->port(), requests, QList<int>(connections, perConnection));
    const int total = connections * perConnection;
    QTRY_COMPARE(e->requestCount(), quint64(total));
    const QList<RequestRecord> kept = e->records();
    QCOMPARE(kept.size(), 10);
    for (int i = 0; i < kept.size(); ++i)
        QCOMPARE(kept[i].id, quint64(total - 10 + 1 + i));
    delete s;
}

void TestMockRpServer::connectionThreadsAnswerAHalfClosedPeer()
{
    // A client that sends its request and then shuts down its sending side still reads the
    // answer, also when the answer was held in the thread's batch as the end of input arrived.
    // The requests are exactly one read chunk (16 KiB) long, so the end of input is seen in
    // the same pass as the request.
    MockRpEndpoint *e = endpoint(config());
    MockRpServer *s = server({e}, 2);
    const int connections = 6;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    QList<QByteArray> got(connections);
    for (int c = 0; c < connections; ++c) {
        const QByteArray form = formFor(m_minted.tokens.value(QStringLiteral("many-%1").arg(c)));
        QByteArray request = postRequest("/backchannel-logout", form + "&pad=");
        qsizetype pad = 0;
        while (request.size() != 16 * 1024) { // twice at most: Content-Length gains digits
            pad += 16 * 1024 - request.size();
            QVERIFY(pad >= 0);
            request = postRequest("/backchannel-logout", form + "&pad=" + QByteArray(pad, 'x'));
        }
        QCOMPARE(request.size(), 16 * 1024);
        auto *sock = sockets.emplace_back(std::make_unique<QTcpSocket>()).get();
        connect(sock, &QTcpSocket::readyRead, sock, [&got, sock, c] { got[c] += sock->readAll(); });
        sock->connectToHost(QHostAddress::LocalHost, s->port());
        QTRY_COMPARE_WITH_TIMEOUT(sock->state(), QAbstractSocket::ConnectedState, 20000);
        sock->write(request);
        QTRY_COMPARE_WITH_TIMEOUT(sock->bytesToWrite(), qint64(0), 20000);
        ::shutdown(int(sock->socketDescriptor()), SHUT_WR);
    }
    for (int c = 0; c < connections; ++c)
        QTRY_VERIFY2_WITH_TIMEOUT(got[c].startsWith("HTTP/1.1 200 "), got[c].constData(), 10000);
    delete s;
}

void TestMockRpServer::connectionThreadsSlowPaths()
{
    // What needs the endpoint's own event loop (a delay, a key refresh) still works when the
    // request arrived on a connection thread; the answer finds its way back to the connection.
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(QStringLiteral("delay:100"));
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e}, 2);
    // rs-2 is published only now: the first token signed with it triggers a JWKS refresh.
    QVERIFY(writeFile(m_jwksFile, QJsonDocument(QJsonObject{{QStringLiteral("keys"),
                                                             QJsonArray{m_minted.jwk.value(QStringLiteral("rs")),
                                                                        m_minted.jwk.value(QStringLiteral("rs2"))}}})
                                      .toJson()));
    m_clock.advanceSecs(30); // past the refresh rate limit of the initial load
    QElapsedTimer t;
    t.start();
    const QList<QByteArray> answers =
        exchangeAll(s->port(),
                    {postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good")))),
                     postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("rotated"))))},
                    {1, 1});
    QVERIFY2(answers[0].startsWith("HTTP/1.1 200 "), answers[0].constData());
    QVERIFY2(answers[1].startsWith("HTTP/1.1 200 "), answers[1].constData());
    QVERIFY(t.elapsed() >= 100);
    QTRY_COMPARE(e->records().size(), 2);
    QCOMPARE(e->keys()->fetchCount(), 2);
    delete s;
}

void TestMockRpServer::connectionThreadsServerStoppedWhileAnswerPending()
{
    // The server (and with it its connection threads and connections) goes away while a
    // delayed answer is still pending on the endpoint: the answer must go nowhere, safely, and
    // the request must still be recorded.
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(QStringLiteral("delay:300"));
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e}, 2);
    QTcpSocket sock;
    sock.connectToHost(QHostAddress::LocalHost, s->port());
    QTRY_COMPARE(sock.state(), QAbstractSocket::ConnectedState);
    sock.write(postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good")))));
    // The request has reached the endpoint. Its delay runs on this (the endpoint's) thread, so
    // it cannot end before the server is deleted below: no event loop runs in between.
    QTRY_COMPARE(e->answersPending(), 1);
    QCOMPARE(e->requestCount(), quint64(0));
    delete s;
    QTRY_COMPARE(sock.state(), QAbstractSocket::UnconnectedState);
    // The delay ends; its answer has no connection to go to, and the request is recorded.
    QTRY_COMPARE(e->records().size(), 1);
    QCOMPARE(e->records().first().status, 200);
    QCOMPARE(e->answersPending(), 0);
    QCOMPARE(sock.readAll(), QByteArray()); // no answer ever reached the client
}

void TestMockRpServer::behaviourStatus()
{
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(u"status:503");
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    QTRY_COMPARE(e->records().size(), 1);
    const RequestRecord rec = e->records().first();
    // The verdicts are recorded even though the answer is forced.
    QVERIFY(rec.valid());
    QCOMPARE(rec.verdictStatus, 200);
    QCOMPARE(rec.status, 503);
    QCOMPARE(rec.behaviour, QStringLiteral("status:503"));
}

void TestMockRpServer::behaviourDelay()
{
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(u"delay:400");
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(r->isFinished());
    QVERIFY2(timer.elapsed() >= 390, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_COMPARE(e->records().size(), 1);
    QVERIFY(e->records().first().latencyMs >= 390);
}

void TestMockRpServer::behaviourDrop()
{
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(u"drop");
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    const QByteArray body = formFor(m_minted.tokens.value(QStringLiteral("good")));
    const QByteArray req =
        "POST /backchannel-logout HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body;
    // Closed without a single byte of answer.
    QCOMPARE(rawExchange(s->port(), req, 1), QByteArray());
    QTRY_COMPARE(e->records().size(), 1);
    QVERIFY(e->records().first().dropped);
    QCOMPARE(e->records().first().status, 0);
    QVERIFY(e->records().first().valid());
}

void TestMockRpServer::behaviourFlaky()
{
    for (int percent : {0, 100}) {
        MockRpEndpointConfig cfg = config(QStringLiteral("rp-a"), QStringLiteral("/flaky%1").arg(percent));
        cfg.behaviour = *MockRpBehaviour::parse(QStringLiteral("flaky:%1").arg(percent));
        MockRpEndpoint *e = endpoint(cfg);
        MockRpServer *s = server({e});
        QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
        QTRY_VERIFY(r->isFinished());
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), percent == 100 ? 500 : 200);
    }
    // 50%: over 40 requests both outcomes appear (seeded, so this is deterministic).
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(u"flaky:50");
    MockRpEndpoint *e = endpoint(cfg);
    e->setRandomSeed(42);
    MockRpServer *s = server({e});
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 40; ++i)
        replies << post(s->url(e), "logout_token=not-a-token");
    QTRY_VERIFY(std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }));
    int failed = 0;
    for (QNetworkReply *r : replies) {
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY(status == 500 || status == 400);
        failed += status == 500 ? 1 : 0;
    }
    QVERIFY2(failed > 5 && failed < 35, qPrintable(QString::number(failed)));
}

void TestMockRpServer::jtiRememberedOnlyWhenAccepted_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<int>("firstStatus"); // 0: dropped, no answer
    QTest::addColumn<bool>("retryIsReplay");
    QTest::newRow("status:503 then ok") << QStringLiteral("status:503") << 503 << false;
    QTest::newRow("flaky:100 then ok") << QStringLiteral("flaky:100") << 500 << false;
    QTest::newRow("drop then ok") << QStringLiteral("drop") << 0 << false;
    QTest::newRow("status:400 then ok") << QStringLiteral("status:400") << 400 << false;
    QTest::newRow("status:204 then ok") << QStringLiteral("status:204") << 204 << true;
    QTest::newRow("ok twice") << QStringLiteral("ok") << 200 << true;
}

void TestMockRpServer::jtiRememberedOnlyWhenAccepted()
{
    // The IdP retries a token the RP did not accept; the retry is no replay. Once a 2xx was
    // sent, the same token again is one.
    QFETCH(QString, first);
    QFETCH(int, firstStatus);
    QFETCH(bool, retryIsReplay);
    MockRpEndpointConfig cfg = config();
    cfg.behaviour = *MockRpBehaviour::parse(first);
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    const QByteArray req = postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good"))));
    const QByteArray answer = rawExchange(s->port(), req, 1);
    if (firstStatus == 0)
        QCOMPARE(answer, QByteArray());
    else
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(firstStatus) + " ")),
                 answer.constData());
    QTRY_COMPARE(e->records().size(), 1);
    QVERIFY(e->records().first().valid());

    e->setBehaviour(MockRpBehaviour()); // the RP recovers
    const QByteArray retry = rawExchange(s->port(), req, 1);
    if (retryIsReplay) {
        QVERIFY2(retry.startsWith("HTTP/1.1 400 "), retry.constData());
        QVERIFY2(retry.contains("was already accepted (replay)"), retry.constData());
    } else {
        QVERIFY2(retry.startsWith("HTTP/1.1 200 "), retry.constData());
        // Accepted now: from here on it is a replay.
        const QByteArray again = rawExchange(s->port(), req, 1);
        QVERIFY2(again.startsWith("HTTP/1.1 400 ") && again.contains("(replay)"), again.constData());
    }
}

void TestMockRpServer::jtiOfARelayedTokenRememberedOnlyWhenTheRpAccepted()
{
    // A relay answers with the real RP's status: while that RP fails, the token stays unused at
    // the relay (and at the RP), so the IdP's retry goes through once the RP is back.
    MockRpEndpointConfig realCfg = config();
    realCfg.behaviour = *MockRpBehaviour::parse(u"status:503");
    MockRpEndpoint *real = endpoint(realCfg);
    MockRpServer *realServer = server({real});
    MockRpEndpointConfig relayCfg = config();
    relayCfg.forwardUrl = realServer->url(real);
    MockRpEndpoint *relay = endpoint(relayCfg);
    MockRpServer *relayServer = server({relay});
    const QByteArray req = postRequest("/backchannel-logout", formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QByteArray answer = rawExchange(relayServer->port(), req, 1);
    QVERIFY2(answer.startsWith("HTTP/1.1 503 "), answer.constData());
    real->setBehaviour(MockRpBehaviour());
    answer = rawExchange(relayServer->port(), req, 1);
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
    answer = rawExchange(relayServer->port(), req, 1);
    QVERIFY2(answer.startsWith("HTTP/1.1 400 ") && answer.contains("(replay)"), answer.constData());
}

void TestMockRpServer::relayToSecondServer()
{
    // The "real" RP: another mock RP answering 503 after validating on its own.
    MockRpEndpointConfig realCfg = config();
    realCfg.behaviour = *MockRpBehaviour::parse(u"status:503");
    MockRpEndpoint *real = endpoint(realCfg);
    MockRpServer *realServer = server({real});

    MockRpEndpointConfig relayCfg = config();
    relayCfg.forwardUrl = realServer->url(real);
    MockRpEndpoint *relay = endpoint(relayCfg);
    MockRpServer *relayServer = server({relay});

    QNetworkReply *r = post(relayServer->url(relay), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    QTRY_COMPARE(relay->records().size(), 1);
    const RequestRecord rec = relay->records().first();
    QVERIFY(rec.valid());
    QVERIFY(rec.relay.has_value());
    QCOMPARE(rec.relay->status, 503);
    QCOMPARE(rec.relay->url, realServer->url(real));
    QVERIFY(rec.relay->latencyMs >= 0);
    QCOMPARE(rec.toJson().value(QStringLiteral("relay")).toObject().value(QStringLiteral("status")).toInt(), 503);
    // The real RP received the original form body and validated the same token.
    QTRY_COMPARE(real->records().size(), 1);
    QVERIFY(real->records().first().valid());
    QCOMPARE(real->records().first().headers.isEmpty(), false);
}

void TestMockRpServer::relayTargetDown()
{
    // A port that was just free: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 deadPort = probe.serverPort();
    probe.close();
    MockRpEndpointConfig cfg = config();
    cfg.forwardUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/backchannel-logout").arg(deadPort));
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 502);
    QTRY_COMPARE(e->records().size(), 1);
    QCOMPARE(e->records().first().relay->status, 0);
    QVERIFY(!e->records().first().relay->error.isEmpty());
}

void TestMockRpServer::severalEndpoints()
{
    MockRpEndpoint *a = endpoint(config(QStringLiteral("rp-a"), QStringLiteral("/rp-a/logout")));
    MockRpEndpoint *b = endpoint(config(QStringLiteral("rp-b"), QStringLiteral("/rp-b/logout")));
    MockRpServer *s = server({a, b});
    QVERIFY(!s->addEndpoint(endpoint(config(QStringLiteral("rp-c"), QStringLiteral("/rp-a/logout")))).ok());
    QNetworkReply *toA = post(s->url(a), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QNetworkReply *toB = post(s->url(b), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QNetworkReply *toB2 = post(s->url(b), formFor(m_minted.tokens.value(QStringLiteral("good_b"))));
    QTRY_VERIFY(toA->isFinished() && toB->isFinished() && toB2->isFinished());
    QCOMPARE(toA->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(toB->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400); // aud is rp-a
    QCOMPARE(toB2->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(a->records().size(), 1);
    QCOMPARE(b->records().size(), 2);
    QCOMPARE(b->records().first().report.level(u"aud"), jose::VerdictLevel::Fail);
}

void TestMockRpServer::unknownKidRefreshesOnceRateLimited()
{
    MockRpEndpoint *e = endpoint(config());
    jose::JwksSource *keys = e->keys();
    MockRpServer *s = server({e});
    QCOMPARE(keys->fetchCount(), 1);
    // The OP rotates: rs-2 is published after the RP loaded its keys.
    QJsonArray rotated{m_minted.jwk.value(QStringLiteral("rs")), m_minted.jwk.value(QStringLiteral("es")),
                       m_minted.jwk.value(QStringLiteral("rs2"))};
    QVERIFY(writeFile(m_jwksFile, QJsonDocument(QJsonObject{{QStringLiteral("keys"), rotated}}).toJson()));
    // Inside the 10 s window the refresh is refused: the unknown kid fails.
    QNetworkReply *r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("rotated"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QCOMPARE(keys->fetchCount(), 1);
    // After it, one refresh finds the new key and the same token passes.
    m_clock.advanceSecs(11);
    r = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("rotated"))));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(keys->fetchCount(), 2);
    // A flood of made-up kids costs no more fetches inside the window.
    QList<QNetworkReply *> flood;
    for (int i = 0; i < 10; ++i)
        flood << post(s->url(e),
                      formFor(m_minted.tokens.value(i % 2 ? QStringLiteral("ghost1") : QStringLiteral("ghost2"))));
    QTRY_VERIFY(std::all_of(flood.begin(), flood.end(), [](QNetworkReply *x) { return x->isFinished(); }));
    for (QNetworkReply *x : flood)
        QCOMPARE(x->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QCOMPARE(keys->fetchCount(), 2);
    QVERIFY(e->records().last().report.find(u"signature")->message.contains(QLatin1String("ghost")));
}

void TestMockRpServer::discoveryDocument()
{
    const QString wellKnown = m_dir.filePath(QStringLiteral("op/.well-known"));
    QVERIFY(QDir().mkpath(wellKnown));
    const QJsonObject doc{{QStringLiteral("issuer"), kIss},
                          {QStringLiteral("jwks_uri"), QUrl::fromLocalFile(m_jwksFile).toString()},
                          {QStringLiteral("backchannel_logout_supported"), true}};
    QVERIFY(writeFile(wellKnown + QStringLiteral("/openid-configuration"), QJsonDocument(doc).toJson()));
    auto *keys = new jose::JwksSource(m_nam, &m_clock, m_scope);
    keys->setDiscoveryUrl(QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("op"))));
    QVERIFY(keys->discoveryUrl().path().endsWith(QLatin1String("/op/.well-known/openid-configuration")));
    std::optional<Status> result;
    keys->load(m_scope, [&result](const Status &s) { result = s; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->errorString()));
    QCOMPARE(keys->discoveredIssuer(), kIss);
    QCOMPARE(int(keys->keys()->keys.size()), 2);
    // A broken document is a clear failure, not a crash.
    QVERIFY(writeFile(wellKnown + QStringLiteral("/openid-configuration"), "{\"issuer\":"));
    m_clock.advanceSecs(60);
    result.reset();
    QVERIFY(keys->refresh(m_scope, [&result](const Status &s) { result = s; }));
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(int(keys->keys()->keys.size()), 2); // the last good keys stay
}

void TestMockRpServer::httpsSelfSignedTrustedExplicitly()
{
    const auto identity = generateSelfSigned({QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
    QVERIFY2(identity.ok(), qPrintable(identity.errorString()));
    const QString fingerprint = sha256Fingerprint(identity->certificate);
    QCOMPARE(fingerprint.size(), 32 * 3 - 1);
    MockRpEndpoint *e = endpoint(config());
    auto *s = new MockRpServer(m_scope);
    QVERIFY(s->addEndpoint(e).ok());
    QVERIFY(s->listenTls(QHostAddress::LocalHost, 0, *identity).ok());
    QCOMPARE(s->url(e).scheme(), QStringLiteral("https"));

    // Not trusted: the handshake fails with exactly the errors a self-signed certificate gives.
    QNetworkReply *untrusted = post(s->url(e), formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QSignalSpy sslErrors(untrusted, &QNetworkReply::sslErrors);
    QTRY_VERIFY(untrusted->isFinished());
    QCOMPARE(untrusted->error(), QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(sslErrors.count(), 1);
    QCOMPARE(e->records().size(), 0);

    // Trusted explicitly as the only CA: accepted, and the peer is the certificate we pinned.
    QNetworkRequest req(s->url(e));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({identity->certificate});
    req.setSslConfiguration(tls);
    // A fresh manager: the failed handshake above must not be reused from the connection cache.
    auto *nam = new QNetworkAccessManager(m_scope);
    QNetworkReply *trusted = nam->post(req, formFor(m_minted.tokens.value(QStringLiteral("good"))));
    QTRY_VERIFY(trusted->isFinished());
    QVERIFY2(trusted->error() == QNetworkReply::NoError, qPrintable(trusted->errorString()));
    QCOMPARE(trusted->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(sha256Fingerprint(trusted->sslConfiguration().peerCertificate()), fingerprint);
    QTRY_COMPARE(e->records().size(), 1);
}

void TestMockRpServer::recordsAreBounded()
{
    MockRpEndpointConfig cfg = config();
    cfg.recordCapacity = 3;
    MockRpEndpoint *e = endpoint(cfg);
    MockRpServer *s = server({e});
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 5; ++i)
        replies << post(s->url(e), "logout_token=x" + QByteArray::number(i));
    QTRY_VERIFY(std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }));
    QCOMPARE(e->records().size(), 3);
    QCOMPARE(e->requestCount(), quint64(5));
    QCOMPARE(e->records().last().id, quint64(5));
}

QTEST_GUILESS_MAIN(TestMockRpServer)
#include "tst_mockrpserver.moc"
