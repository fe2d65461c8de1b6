#include "Await.h"
#include "idp/IdpHttpClient.h"
#include "mockrp/MockRpServer.h"
#include "mockrp/TlsIdentity.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace signoff;
using namespace signoff::mockrp;

// TLS as a profile sets it: verification always on; a pinned certificate is the only explicit
// exception, and a wrong pin is refused even for a certificate the system would trust. The HTTPS
// server is the mock RP's own, with a self-signed certificate made for the test.
class TestIdpHttpClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    MockRpServer *m_server = nullptr;
    QString m_fingerprint;
    QUrl m_url;

    Result<HttpAnswer> get(const QString &pin)
    {
        Profile p;
        p.kind = IdpKind::Hydra;
        p.baseUrl = m_url;
        p.pinnedSha256 = pin;
        IdpHttpClient client(&m_nam, p);
        HttpCall call;
        call.url = client.url(QStringLiteral("/admin/clients"));
        call.authorize = false;
        return await<HttpAnswer>([&](QObject *c, auto done) { client.send(call, c, done); });
    }

private slots:
    void initTestCase()
    {
        const auto identity = generateSelfSigned({QStringLiteral("127.0.0.1")});
        QVERIFY2(identity.ok(), qPrintable(identity.errorString()));
        m_fingerprint = sha256Fingerprint(identity->certificate);
        m_server = new MockRpServer(this);
        QVERIFY(m_server->listenTls(QHostAddress::LocalHost, 0, *identity).ok());
        m_url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->port()));
    }

    void untrustedCertificateIsRefusedWithASentence()
    {
        const auto r = get(QString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, int(IdpTlsFailure));
        QVERIFY2(r.errorString().contains(QStringLiteral("pin")), qPrintable(r.errorString()));
    }

    void pinnedCertificateIsTrusted()
    {
        const auto r = get(m_fingerprint);
        QVERIFY2(r.ok(), qPrintable(r.errorString()));
        QVERIFY(r->status > 0); // an HTTP answer came back over the pinned TLS connection
    }

    void pinnedConnectionIsNotReusedWithoutThePin()
    {
        // Right after a pinned request to the same host and port, through the same network manager.
        QVERIFY(get(m_fingerprint).ok());
        const auto r = get(QString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, int(IdpTlsFailure));
    }

    void wrongPinIsRefused()
    {
        QString wrong = m_fingerprint;
        wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(get(m_fingerprint).ok()); // a pooled connection must not carry the wrong pin through
        const auto r = get(wrong);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, int(IdpTlsFailure));
    }

    void refusedConnectionIsOneSentence()
    {
        Profile p;
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        IdpHttpClient client(&m_nam, p);
        HttpCall call;
        call.url = client.url(QStringLiteral("/x"));
        call.authorize = false;
        const auto r = await<HttpAnswer>([&](QObject *c, auto done) { client.send(call, c, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, int(IdpUnreachable));
        QVERIFY(!r.errorString().contains(u'\n'));
    }
};

QTEST_GUILESS_MAIN(TestIdpHttpClient)
#include "tst_idphttpclient.moc"
