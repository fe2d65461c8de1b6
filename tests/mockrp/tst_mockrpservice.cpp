// MockRpService, the one place that wires keys, endpoint and listener together (used by
// `signoffctl mock-rp` and the GUI): config problems as values with codes, start and stop,
// restarts, several mock RPs side by side in one process, TLS. Real loopback; tokens from npm
// `jose`; time is a ManualClock.
#include "../jose/NodeMint.h"

#include "jose/JwksSource.h"
#include "mockrp/TlsIdentity.h"
#include "services/MockRpService.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;
using namespace signoff::services;
using signoff::test::mintKey;
using signoff::test::mintToken;

Q_DECLARE_METATYPE(signoff::services::MockRpConfig)

namespace {
constexpr qint64 T0 = 1700000000;
const QString kIss = QStringLiteral("https://op.service.test");
const QString kBcl = QStringLiteral("http://schemas.openid.net/event/backchannel-logout");

QJsonObject claims(const QString &jti, const QString &aud)
{
    return {{QStringLiteral("iss"), kIss},
            {QStringLiteral("aud"), aud},
            {QStringLiteral("iat"), T0},
            {QStringLiteral("exp"), T0 + 120},
            {QStringLiteral("jti"), jti},
            {QStringLiteral("sid"), QString(QStringLiteral("sid-") + jti)},
            {QStringLiteral("events"), QJsonObject{{kBcl, QJsonObject()}}}};
}
} // namespace

class TestMockRpService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void configProblemsAreValues_data();
    void configProblemsAreValues();
    void startsValidatesAndStops();
    void restartStartsAfresh();
    void portInUseIsAFailure();
    void severalMockRpsInOneProcess();
    void tlsSelfSigned();

private:
    MockRpConfig config(const QString &client = QStringLiteral("rp-a")) const;
    QNetworkReply *post(const QUrl &url, const QByteArray &token, QNetworkAccessManager *nam = nullptr);
    int status(QNetworkReply *reply) const
    {
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    signoff::test::Minted m_minted;
    QTemporaryDir m_dir;
    QString m_jwksFile;
    ManualClock m_clock{QDateTime::fromSecsSinceEpoch(T0, Qt::UTC)};
    QObject *m_scope = nullptr;
    QNetworkAccessManager *m_nam = nullptr;
};

void TestMockRpService::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QJsonObject rs{{QStringLiteral("alg"), QStringLiteral("RS256")},
                         {QStringLiteral("kid"), QStringLiteral("rs-1")},
                         {QStringLiteral("typ"), QStringLiteral("logout+jwt")}};
    m_minted =
        signoff::test::mint(QJsonArray{mintKey(QStringLiteral("rs"), QStringLiteral("RS256"), QStringLiteral("rs-1"))},
                            QJsonArray{mintToken(QStringLiteral("a"), QStringLiteral("rs"), rs,
                                                 claims(QStringLiteral("j1"), QStringLiteral("rp-a"))),
                                       mintToken(QStringLiteral("b"), QStringLiteral("rs"), rs,
                                                 claims(QStringLiteral("j2"), QStringLiteral("rp-b")))});
    QVERIFY2(m_minted.ok(), qPrintable(m_minted.error));
    m_jwksFile = m_dir.filePath(QStringLiteral("jwks.json"));
    QFile f(m_jwksFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(m_minted.jwks), m_minted.jwks.size());
}

void TestMockRpService::init()
{
    m_scope = new QObject(this);
    m_nam = new QNetworkAccessManager(m_scope);
}

void TestMockRpService::cleanup()
{
    delete m_scope;
    m_scope = nullptr;
}

MockRpConfig TestMockRpService::config(const QString &client) const
{
    MockRpConfig c;
    c.port = 0;
    c.validator.issuer = kIss;
    c.validator.clientId = client;
    c.jwksUri = QUrl::fromLocalFile(m_jwksFile);
    return c;
}

QNetworkReply *TestMockRpService::post(const QUrl &url, const QByteArray &token, QNetworkAccessManager *nam)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    QNetworkReply *r = (nam ? nam : m_nam)->post(req, "logout_token=" + token);
    r->setParent(m_scope);
    return r;
}

void TestMockRpService::configProblemsAreValues_data()
{
    QTest::addColumn<MockRpConfig>("config");
    QTest::addColumn<int>("problem"); // 0: fine
    const MockRpConfig good = config();
    QTest::newRow("good") << good << 0;
    MockRpConfig c = good;
    c.validator.issuer.clear();
    QTest::newRow("no issuer") << c << int(MockRpConfig::NoIssuerOrClientId);
    c = good;
    c.validator.clientId.clear();
    QTest::newRow("no client id") << c << int(MockRpConfig::NoIssuerOrClientId);
    c = good;
    c.jwksUri.clear();
    QTest::newRow("no key source") << c << int(MockRpConfig::NoKeySource);
    c.validator.algorithms = {jose::JwsAlg::HS256};
    c.validator.clientSecret = "0123456789abcdef0123456789abcdef";
    QTest::newRow("hmac needs no key source") << c << 0;
    c.validator.clientSecret.clear();
    QTest::newRow("hmac without secret") << c << int(MockRpConfig::BadValidatorSettings);
    c = good;
    c.path = QStringLiteral("logout");
    QTest::newRow("relative path") << c << int(MockRpConfig::BadPath);
    c = good;
    c.forwardUrl = QUrl(QStringLiteral("ftp://rp.example/logout"));
    QTest::newRow("ftp relay") << c << int(MockRpConfig::BadForwardUrl);
    c = good;
    c.tls = MockRpConfig::Tls::Files;
    c.tlsCertFile = m_dir.filePath(QStringLiteral("cert.pem"));
    QTest::newRow("certificate without key") << c << int(MockRpConfig::TlsFilesMissing);
    c = good;
    c.connectionThreads = 0;
    QTest::newRow("no threads") << c << int(MockRpConfig::BadThreadCount);
}

void TestMockRpService::configProblemsAreValues()
{
    QFETCH(MockRpConfig, config);
    QFETCH(int, problem);
    const Status checked = config.check();
    QCOMPARE(checked.ok(), problem == 0);
    if (problem != 0) {
        QCOMPARE(checked.error().code, problem);
        QVERIFY(!checked.errorString().isEmpty());
        // start() refuses the same config with the same problem, and nothing runs.
        MockRpService service(m_nam, &m_clock);
        const Status started = service.start(config);
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, problem);
        QVERIFY(!service.isRunning());
        QVERIFY(service.url().isEmpty());
    }
}

void TestMockRpService::startsValidatesAndStops()
{
    MockRpService service(m_nam, &m_clock);
    QSignalSpy keys(&service, &MockRpService::keysLoaded);
    QSignalSpy recorded(&service, &MockRpService::requestRecorded);
    const Status started = service.start(config());
    QVERIFY2(started.ok(), qPrintable(started.errorString()));
    QVERIFY(service.isRunning());
    QCOMPARE(service.url().scheme(), QStringLiteral("http"));
    QCOMPARE(service.url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(service.url().path(), QStringLiteral("/backchannel-logout"));
    QVERIFY(service.url().port() > 0);
    QVERIFY(service.tlsFingerprint().isEmpty());
    QTRY_COMPARE(keys.count(), 1);
    QVERIFY(keys.first().first().value<Status>().ok());
    QCOMPARE(int(service.keys()->keys()->keys.size()), 1);

    QNetworkReply *r = post(service.url(), m_minted.tokens.value(QStringLiteral("a")));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(status(r), 200);
    QTRY_COMPARE(recorded.count(), 1);
    const auto rec = recorded.first().first().value<mockrp::RequestRecord>();
    QVERIFY(rec.valid());
    QCOMPARE(rec.logoutToken, m_minted.tokens.value(QStringLiteral("a")));
    QCOMPARE(service.requestCount(), quint64(1));

    const QUrl url = service.url();
    service.stop();
    QVERIFY(!service.isRunning());
    QCOMPARE(service.requestCount(), quint64(1)); // the records stay readable
    QCOMPARE(service.endpoint()->records().size(), 1);
    auto *fresh = new QNetworkAccessManager(m_scope); // no kept-alive connection to reuse
    r = post(url, m_minted.tokens.value(QStringLiteral("a")), fresh);
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(r->error(), QNetworkReply::ConnectionRefusedError);
}

void TestMockRpService::restartStartsAfresh()
{
    MockRpService service(m_nam, &m_clock);
    QVERIFY(service.start(config()).ok());
    QNetworkReply *r = post(service.url(), m_minted.tokens.value(QStringLiteral("a")));
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(status(r), 200);
    // A new start: new records, a new replay cache, possibly a new behaviour.
    MockRpConfig c = config();
    c.behaviour = *mockrp::MockRpBehaviour::parse(u"status:503");
    QVERIFY(service.start(c).ok());
    QCOMPARE(service.requestCount(), quint64(0));
    auto *fresh = new QNetworkAccessManager(m_scope);
    r = post(service.url(), m_minted.tokens.value(QStringLiteral("a")), fresh);
    QTRY_VERIFY(r->isFinished());
    QCOMPARE(status(r), 503);
    QTRY_COMPARE(service.requestCount(), quint64(1));
    QVERIFY(service.endpoint()->records().first().valid());
}

void TestMockRpService::portInUseIsAFailure()
{
    MockRpService first(m_nam, &m_clock);
    QVERIFY(first.start(config()).ok());
    MockRpConfig c = config();
    c.port = quint16(first.url().port());
    MockRpService second(m_nam, &m_clock);
    const Status s = second.start(c);
    QVERIFY(!s.ok());
    QVERIFY2(s.errorString().contains(QLatin1String("cannot listen")), qPrintable(s.errorString()));
    QVERIFY(!second.isRunning());
    QVERIFY(first.isRunning());
}

void TestMockRpService::severalMockRpsInOneProcess()
{
    // Two simulated RPs, each with its own client id, path, behaviour, thread setup and replay
    // cache; stopping one leaves the other serving.
    MockRpService a(m_nam, &m_clock);
    MockRpService b(m_nam, &m_clock);
    MockRpConfig ca = config(QStringLiteral("rp-a"));
    ca.path = QStringLiteral("/a/logout");
    MockRpConfig cb = config(QStringLiteral("rp-b"));
    cb.path = QStringLiteral("/b/logout");
    cb.connectionThreads = 2;
    QVERIFY(a.start(ca).ok());
    QVERIFY(b.start(cb).ok());
    QVERIFY(a.url().port() != b.url().port());
    QNetworkReply *toA = post(a.url(), m_minted.tokens.value(QStringLiteral("a")));
    QNetworkReply *toB = post(b.url(), m_minted.tokens.value(QStringLiteral("b")));
    QNetworkReply *wrongAud = post(b.url(), m_minted.tokens.value(QStringLiteral("a")));
    QTRY_VERIFY(toA->isFinished() && toB->isFinished() && wrongAud->isFinished());
    QCOMPARE(status(toA), 200);
    QCOMPARE(status(toB), 200);
    QCOMPARE(status(wrongAud), 400); // aud is rp-a
    QTRY_COMPARE(a.requestCount(), quint64(1));
    QTRY_COMPARE(b.requestCount(), quint64(2));

    // Replay caches are per mock RP: a third one for rp-a accepts the token a has used.
    MockRpService c(m_nam, &m_clock);
    QVERIFY(c.start(config(QStringLiteral("rp-a"))).ok());
    QNetworkReply *toC = post(c.url(), m_minted.tokens.value(QStringLiteral("a")));
    QTRY_VERIFY(toC->isFinished());
    QCOMPARE(status(toC), 200);

    const QUrl aUrl = a.url();
    a.stop();
    QVERIFY(b.isRunning() && c.isRunning());
    auto *fresh = new QNetworkAccessManager(m_scope);
    QNetworkReply *toStopped = post(aUrl, m_minted.tokens.value(QStringLiteral("a")), fresh);
    QNetworkReply *replayAtB = post(b.url(), m_minted.tokens.value(QStringLiteral("b")), fresh);
    QTRY_VERIFY(toStopped->isFinished() && replayAtB->isFinished());
    QCOMPARE(toStopped->error(), QNetworkReply::ConnectionRefusedError);
    QCOMPARE(status(replayAtB), 400);
    QVERIFY(replayAtB->readAll().contains("replay"));
}

void TestMockRpService::tlsSelfSigned()
{
    MockRpConfig c = config();
    c.tls = MockRpConfig::Tls::SelfSigned;
    MockRpService service(m_nam, &m_clock);
    QVERIFY(service.start(c).ok());
    QCOMPARE(service.url().scheme(), QStringLiteral("https"));
    const QString fingerprint = service.tlsFingerprint();
    QCOMPARE(fingerprint.size(), 32 * 3 - 1);
    // Trusted by its fingerprint only: accepted.
    QNetworkRequest req(service.url());
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    QNetworkReply *r = m_nam->post(req, "logout_token=" + m_minted.tokens.value(QStringLiteral("a")));
    r->setParent(m_scope);
    QObject::connect(r, &QNetworkReply::sslErrors, r, [r, fingerprint](const QList<QSslError> &errors) {
        // Only the self-signed certificate's own errors, and only for the pinned certificate.
        for (const QSslError &e : errors) {
            if (e.error() != QSslError::SelfSignedCertificate && e.error() != QSslError::HostNameMismatch)
                return;
        }
        if (mockrp::sha256Fingerprint(r->sslConfiguration().peerCertificate()) == fingerprint)
            r->ignoreSslErrors(errors);
    });
    QTRY_VERIFY(r->isFinished());
    QVERIFY2(r->error() == QNetworkReply::NoError, qPrintable(r->errorString()));
    QCOMPARE(status(r), 200);
}

QTEST_GUILESS_MAIN(TestMockRpService)
#include "tst_mockrpservice.moc"
