// MockRpWorkspace: named mock RPs side by side, each request announced with the index of the mock
// RP that answered it (also after an earlier one was removed), configs kept in QSettings without
// the client secret and read back by the next console. Real loopback.
#include "services/MockRpWorkspace.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;
using namespace signoff::services;

namespace {
const QByteArray kSecret = "workspace-test-secret-0123456789abcdef";

MockRpConfig hmacConfig(const QString &client)
{
    MockRpConfig c;
    c.port = 0;
    c.validator.issuer = QStringLiteral("http://127.0.0.1:9400");
    c.validator.clientId = client;
    c.validator.algorithms = {jose::JwsAlg::HS256};
    c.validator.clientSecret = kSecret;
    return c;
}
} // namespace

class TestMockRpWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void requestsCarryTheAnsweringIndex()
    {
        QNetworkAccessManager nam;
        MockRpWorkspace ws(&nam);
        QSignalSpy changed(&ws, &MockRpWorkspace::changed);
        QSignalSpy recorded(&ws, &MockRpWorkspace::requestRecorded);
        QCOMPARE(ws.add(QStringLiteral("alpha"), hmacConfig(QStringLiteral("rp-a"))), 0);
        QCOMPARE(ws.add(QStringLiteral("alpha"), hmacConfig(QStringLiteral("rp-b"))), 1);
        QCOMPARE(ws.name(1), QStringLiteral("alpha 2")); // names stay unique
        QCOMPARE(ws.indexOf(QStringLiteral("ALPHA 2")), 1);
        QCOMPARE(ws.indexOf(ws.at(1)), 1);
        QVERIFY(!ws.at(0)->isRunning());
        for (int i = 0; i < 2; ++i) {
            const Status s = ws.start(i);
            QVERIFY2(s, qPrintable(s.errorString()));
        }
        QVERIFY(ws.at(0)->url() != ws.at(1)->url());
        QVERIFY(changed.count() >= 4);

        auto post = [&nam](const QUrl &url) -> int {
            QNetworkRequest req(url);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
            std::unique_ptr<QNetworkReply> r(nam.post(req, QByteArray("logout_token=not.a.token")));
            QSignalSpy done(r.get(), &QNetworkReply::finished);
            if (!r->isFinished())
                done.wait(30000); // a bound for a loaded machine; the status below is the check
            return r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QCOMPARE(post(ws.at(1)->url()), 400);
        QTRY_COMPARE(recorded.count(), 1);
        QCOMPARE(recorded.at(0).at(0).toInt(), 1);
        const auto record = recorded.at(0).at(1).value<mockrp::RequestRecord>();
        QVERIFY(record.tokenSeen);
        QVERIFY(!record.valid());
        QCOMPARE(record.logoutToken, QByteArray("not.a.token"));

        // The first goes: the second is index 0 now, and its requests say so.
        ws.remove(0);
        QCOMPARE(ws.count(), 1);
        QCOMPARE(ws.name(0), QStringLiteral("alpha 2"));
        QCOMPARE(post(ws.at(0)->url()), 400);
        QTRY_COMPARE(recorded.count(), 2);
        QCOMPARE(recorded.at(1).at(0).toInt(), 0);

        // A new behaviour applies while serving: same port (it was "any free port"), no restart.
        const QUrl before = ws.at(0)->url();
        MockRpConfig slow = ws.config(0);
        slow.behaviour = *mockrp::MockRpBehaviour::parse(u"status:503");
        QVERIFY(ws.reconfigure(0, slow));
        QVERIFY(ws.at(0)->isRunning());
        QCOMPARE(ws.at(0)->url(), before);
        QCOMPARE(ws.at(0)->config().behaviour.toString(), QStringLiteral("status:503"));
        QCOMPARE(post(ws.at(0)->url()), 503);
        QTRY_COMPARE(recorded.count(), 3);
        QCOMPARE(recorded.at(2).at(1).value<mockrp::RequestRecord>().behaviour, QStringLiteral("status:503"));
        // Anything else restarts it with the new settings.
        MockRpConfig other = ws.config(0);
        other.validator.clientId = QStringLiteral("rp-c");
        QVERIFY(ws.reconfigure(0, other));
        QVERIFY(ws.at(0)->isRunning());
        QCOMPARE(ws.at(0)->config().validator.clientId, QStringLiteral("rp-c"));

        ws.stop(0);
        QVERIFY(!ws.at(0)->isRunning());
        // A config that does not pass check() is refused by start() with the reason.
        MockRpConfig bad = ws.config(0);
        bad.validator.issuer.clear();
        ws.setConfig(0, bad);
        const Status s = ws.start(0);
        QVERIFY(!s);
        QCOMPARE(s.error().code, int(MockRpConfig::NoIssuerOrClientId));
        QVERIFY(!ws.at(0)->isRunning());
    }

    void thoseThatRanStartAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ini = dir.filePath(QStringLiteral("Signoff.ini"));
        QNetworkAccessManager nam;
        {
            QSettings settings(ini, QSettings::IniFormat);
            MockRpWorkspace ws(&nam);
            ws.persistIn(&settings);
            // Keys from a JWKS URL (never fetched here): a config that is complete without a secret.
            MockRpConfig rs = hmacConfig(QStringLiteral("rp"));
            rs.validator.algorithms = {jose::JwsAlg::RS256};
            rs.validator.clientSecret.clear();
            rs.jwksUri = QUrl(QStringLiteral("http://127.0.0.1:9/jwks"));
            ws.add(QStringLiteral("running"), rs);
            ws.add(QStringLiteral("stopped"), rs);
            ws.add(QStringLiteral("hmac"), hmacConfig(QStringLiteral("rp")));
            QVERIFY(ws.start(0));
            QVERIFY(ws.start(1));
            ws.stop(1);
            QVERIFY(ws.start(2)); // its secret is not saved: it cannot start again by itself
        }                         // the console quits with 0 and 2 running
        QSettings settings(ini, QSettings::IniFormat);
        MockRpWorkspace again(&nam);
        again.persistIn(&settings);
        QCOMPARE(again.count(), 3);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!again.at(i)->isRunning()); // loading alone starts nothing (signoffctl)
        again.resumeRunning();
        QVERIFY(again.at(0)->isRunning());
        QVERIFY(again.startError(0).isEmpty());
        QVERIFY(!again.at(1)->isRunning());
        QVERIFY(!again.at(2)->isRunning());
        QVERIFY2(again.startError(2).contains(QStringLiteral("HS256")), qPrintable(again.startError(2)));
        // The wish to run survives the failure, so the next launch tries again.
        settings.sync();
        QSettings reread(ini, QSettings::IniFormat);
        QCOMPARE(reread.value(QStringLiteral("mockrps/3/running")).toBool(), true);
        QCOMPARE(reread.value(QStringLiteral("mockrps/2/running")).toBool(), false);
    }

    void configsPersistWithoutTheSecret()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ini = dir.filePath(QStringLiteral("Signoff.ini"));
        QNetworkAccessManager nam;
        MockRpConfig full = hmacConfig(QStringLiteral("rp-full"));
        full.address = QHostAddress(QStringLiteral("::1"));
        full.port = 9555;
        full.path = QStringLiteral("/logout/bc");
        full.validator.algorithms = {jose::JwsAlg::HS256, jose::JwsAlg::ES384};
        full.validator.clockSkewSecs = 7;
        full.validator.allowMissingExp = true;
        full.validator.requireTyp = true;
        full.discoveryUrl = QUrl(QStringLiteral("http://127.0.0.1:9400/.well-known/openid-configuration"));
        full.behaviour = *mockrp::MockRpBehaviour::parse(u"flaky:30");
        full.forwardUrl = QUrl(QStringLiteral("http://127.0.0.1:9400/demo-rp/demo-healthy/backchannel-logout"));
        full.tls = MockRpConfig::Tls::Files;
        full.tlsCertFile = dir.filePath(QStringLiteral("c.pem"));
        full.tlsKeyFile = dir.filePath(QStringLiteral("k.pem"));
        {
            QSettings settings(ini, QSettings::IniFormat);
            MockRpWorkspace ws(&nam);
            ws.persistIn(&settings);
            QCOMPARE(ws.count(), 0);
            ws.add(QStringLiteral("full"), full);
            ws.add(QStringLiteral("plain"), hmacConfig(QStringLiteral("rp-plain")));
            MockRpConfig changedConfig = ws.config(1);
            changedConfig.jwksUri = QUrl(QStringLiteral("http://127.0.0.1:9400/jwks"));
            ws.setConfig(1, changedConfig);
            QCOMPARE(ws.config(0).validator.clientSecret, kSecret); // kept in memory while running
        }
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("rp-full"));
        QVERIFY2(!text.contains(kSecret), text.constData());

        QSettings settings(ini, QSettings::IniFormat);
        MockRpWorkspace again(&nam);
        again.persistIn(&settings);
        QCOMPARE(again.count(), 2);
        QCOMPARE(again.name(0), QStringLiteral("full"));
        QCOMPARE(again.name(1), QStringLiteral("plain"));
        const MockRpConfig &c = again.config(0);
        QCOMPARE(c.address, full.address);
        QCOMPARE(c.port, full.port);
        QCOMPARE(c.path, full.path);
        QCOMPARE(c.validator.issuer, full.validator.issuer);
        QCOMPARE(c.validator.clientId, full.validator.clientId);
        QCOMPARE(c.validator.algorithms, full.validator.algorithms);
        QCOMPARE(c.validator.clockSkewSecs, 7);
        QVERIFY(c.validator.allowMissingExp);
        QVERIFY(c.validator.requireTyp);
        QVERIFY(c.validator.clientSecret.isEmpty()); // never saved: asked for again
        QCOMPARE(c.discoveryUrl, full.discoveryUrl);
        QCOMPARE(c.behaviour.toString(), QStringLiteral("flaky:30"));
        QCOMPARE(c.forwardUrl, full.forwardUrl);
        QCOMPARE(int(c.tls), int(MockRpConfig::Tls::Files));
        QCOMPARE(c.tlsCertFile, full.tlsCertFile);
        QCOMPARE(c.tlsKeyFile, full.tlsKeyFile);
        QCOMPARE(again.config(1).jwksUri, QUrl(QStringLiteral("http://127.0.0.1:9400/jwks")));
        // Without its secret an HS256 mock RP does not start, and says why.
        const Status s = again.start(1);
        QVERIFY(!s);
        QCOMPARE(s.error().code, int(MockRpConfig::BadValidatorSettings));

        again.remove(0);
        MockRpWorkspace third(&nam);
        QSettings reread(ini, QSettings::IniFormat);
        third.persistIn(&reread);
        QCOMPARE(third.count(), 1);
        QCOMPARE(third.name(0), QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestMockRpWorkspace)
#include "tst_mockrpworkspace.moc"
