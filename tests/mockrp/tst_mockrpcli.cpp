// `signoffctl mock-rp` and `signoffctl inspect` run as processes, driven as an IdP and an
// administrator would: JSON Lines events, good and bad tokens, wrong methods, usage errors,
// HTTPS with the printed fingerprint, and a clean stop on SIGTERM/SIGINT.
#include "../jose/NodeMint.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using signoff::test::mintKey;
using signoff::test::mintToken;

namespace {
const QString kIss = QStringLiteral("https://op.cli.test");
const QString kBcl = QStringLiteral("http://schemas.openid.net/event/backchannel-logout");

QString signoffctl()
{
    return qEnvironmentVariable("SIGNOFF_BINARY_DIR") + QStringLiteral("/app/signoffctl");
}

QProcessEnvironment cleanEnv(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("signoff.*.info=false"));
    return env;
}

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestMockRpCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void mockRpJsonLinesAndCleanStop();
    void mockRpUsageErrors_data();
    void mockRpUsageErrors();
    void mockRpPortInUse();
    void mockRpHttpsFingerprint();
    void inspect();

private:
    Run run(const QStringList &args, const QByteArray &input = {});
    QProcess *startMockRp(const QStringList &extra);
    QList<QJsonObject> events(QProcess *p);
    QStringList baseArgs() const;

    QTemporaryDir m_dir;
    QString m_jwks;
    signoff::test::Minted m_minted;
    QByteArray m_stdout; // accumulated output of the running mock-rp
};

void TestMockRpCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(signoffctl()), qPrintable(signoffctl()));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const auto claims = [&](const QString &jti, const QString &aud) {
        return QJsonObject{{QStringLiteral("iss"), kIss},
                           {QStringLiteral("aud"), aud},
                           {QStringLiteral("iat"), now},
                           {QStringLiteral("exp"), now + 300},
                           {QStringLiteral("jti"), jti},
                           {QStringLiteral("sub"), QStringLiteral("alice")},
                           {QStringLiteral("sid"), QString(QStringLiteral("s-") + jti)},
                           {QStringLiteral("events"), QJsonObject{{kBcl, QJsonObject()}}}};
    };
    const QJsonObject rs{{QStringLiteral("alg"), QStringLiteral("RS256")},
                         {QStringLiteral("kid"), QStringLiteral("k1")},
                         {QStringLiteral("typ"), QStringLiteral("logout+jwt")}};
    const QJsonObject es{{QStringLiteral("alg"), QStringLiteral("ES256")},
                         {QStringLiteral("kid"), QStringLiteral("k2")}};
    m_minted =
        signoff::test::mint(QJsonArray{mintKey(QStringLiteral("rs"), QStringLiteral("RS256"), QStringLiteral("k1")),
                                       mintKey(QStringLiteral("es"), QStringLiteral("ES256"), QStringLiteral("k2"))},
                            QJsonArray{mintToken(QStringLiteral("good"), QStringLiteral("rs"), rs,
                                                 claims(QStringLiteral("c1"), QStringLiteral("cli-rp"))),
                                       mintToken(QStringLiteral("good_es"), QStringLiteral("es"), es,
                                                 claims(QStringLiteral("c2"), QStringLiteral("cli-rp"))),
                                       mintToken(QStringLiteral("wrong_aud"), QStringLiteral("rs"), rs,
                                                 claims(QStringLiteral("c3"), QStringLiteral("other")))});
    QVERIFY2(m_minted.ok(), qPrintable(m_minted.error));
    m_jwks = m_dir.filePath(QStringLiteral("jwks.json"));
    QFile f(m_jwks);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_minted.jwks);
}

QStringList TestMockRpCli::baseArgs() const
{
    return {QStringLiteral("--issuer"),   kIss,   QStringLiteral("--client-id"), QStringLiteral("cli-rp"),
            QStringLiteral("--jwks-uri"), m_jwks, QStringLiteral("--alg"),       QStringLiteral("RS256,ES256")};
}

Run TestMockRpCli::run(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessEnvironment(cleanEnv(m_dir.path()));
    p.start(signoffctl(), args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QProcess *TestMockRpCli::startMockRp(const QStringList &extra)
{
    auto *p = new QProcess(this);
    p->setProcessEnvironment(cleanEnv(m_dir.path()));
    m_stdout.clear();
    connect(p, &QProcess::readyReadStandardOutput, this, [this, p] { m_stdout += p->readAllStandardOutput(); });
    p->start(signoffctl(),
             QStringList{QStringLiteral("mock-rp"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + extra);
    return p;
}

QList<QJsonObject> TestMockRpCli::events(QProcess *)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : m_stdout.split('\n')) {
        if (!line.trimmed().isEmpty())
            out << QJsonDocument::fromJson(line).object();
    }
    return out;
}

void TestMockRpCli::mockRpJsonLinesAndCleanStop()
{
    QProcess *p = startMockRp(QStringList{QStringLiteral("--json")} + baseArgs());
    const auto find = [&](const QString &event, int n = 1) {
        QList<QJsonObject> found;
        for (const QJsonObject &o : events(p)) {
            if (o.value(QStringLiteral("event")).toString() == event)
                found << o;
        }
        return found.size() >= n ? found.at(n - 1) : QJsonObject();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!find(QStringLiteral("listening")).isEmpty(), 15000);
    QTRY_VERIFY(!find(QStringLiteral("keys")).isEmpty());
    QCOMPARE(find(QStringLiteral("keys")).value(QStringLiteral("count")).toInt(), 2);
    const QUrl url(find(QStringLiteral("listening")).value(QStringLiteral("url")).toString());
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(url.path(), QStringLiteral("/backchannel-logout"));
    QVERIFY(url.port() > 0);

    QNetworkAccessManager nam;
    const auto post = [&](const QByteArray &token) {
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        QNetworkReply *r = nam.post(req, "logout_token=" + token);
        r->setParent(p);
        return r;
    };
    QNetworkReply *good = post(m_minted.tokens.value(QStringLiteral("good")));
    QTRY_VERIFY(good->isFinished());
    QCOMPARE(good->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_VERIFY(!find(QStringLiteral("request")).isEmpty());
    QJsonObject ev = find(QStringLiteral("request"));
    QCOMPARE(ev.value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(ev.value(QStringLiteral("status")).toInt(), 200);
    QCOMPARE(ev.value(QStringLiteral("verdicts")).toArray().size(), 14);
    QCOMPARE(ev.value(QStringLiteral("claims")).toObject().value(QStringLiteral("sub")).toString(),
             QStringLiteral("alice"));
    // The whole compact token, as the RP received it: an administrator can replay it.
    QCOMPARE(ev.value(QStringLiteral("logout_token")).toString(),
             QString::fromLatin1(m_minted.tokens.value(QStringLiteral("good"))));

    QNetworkReply *es = post(m_minted.tokens.value(QStringLiteral("good_es")));
    QNetworkReply *bad = post(m_minted.tokens.value(QStringLiteral("wrong_aud")));
    QTRY_VERIFY(es->isFinished() && bad->isFinished());
    QCOMPARE(es->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(bad->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QTRY_VERIFY(!find(QStringLiteral("request"), 3).isEmpty());
    bool sawAudFailure = false;
    for (const QJsonObject &o : events(p)) {
        if (o.value(QStringLiteral("valid")).toBool() ||
            o.value(QStringLiteral("event")).toString() != QLatin1String("request"))
            continue;
        for (const QJsonValue &v : o.value(QStringLiteral("verdicts")).toArray()) {
            const QJsonObject vo = v.toObject();
            sawAudFailure = sawAudFailure || (vo.value(QStringLiteral("rule")).toString() == QLatin1String("aud") &&
                                              vo.value(QStringLiteral("result")).toString() == QLatin1String("fail"));
        }
    }
    QVERIFY(sawAudFailure);
    // A refused token is there too.
    bool sawRefusedToken = false;
    for (const QJsonObject &o : events(p))
        sawRefusedToken =
            sawRefusedToken || o.value(QStringLiteral("logout_token")).toString() ==
                                   QString::fromLatin1(m_minted.tokens.value(QStringLiteral("wrong_aud")));
    QVERIFY(sawRefusedToken);

    QNetworkReply *get = nam.get(QNetworkRequest(url));
    get->setParent(p);
    QTRY_VERIFY(get->isFinished());
    QCOMPARE(get->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QTRY_VERIFY(!find(QStringLiteral("request"), 4).isEmpty());

    p->terminate(); // SIGTERM
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), QProcess::NotRunning, 10000);
    QCOMPARE(p->exitStatus(), QProcess::NormalExit);
    QCOMPARE(p->exitCode(), 0);
    m_stdout += p->readAllStandardOutput();
    QCOMPARE(find(QStringLiteral("stopped")).value(QStringLiteral("requests")).toInt(), 4);
    // Every stdout line is one JSON object.
    for (const QByteArray &line : m_stdout.split('\n')) {
        if (!line.isEmpty())
            QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    }
}

void TestMockRpCli::mockRpUsageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString jwks = m_dir.filePath(QStringLiteral("jwks.json"));
    const QStringList ok{QStringLiteral("--issuer"),   kIss, QStringLiteral("--client-id"), QStringLiteral("x"),
                         QStringLiteral("--jwks-uri"), jwks};
    QTest::newRow("no issuer") << QStringList{QStringLiteral("--client-id"), QStringLiteral("x"),
                                              QStringLiteral("--jwks-uri"), jwks}
                               << QStringLiteral("--issuer");
    QTest::newRow("no keys") << QStringList{QStringLiteral("--issuer"), kIss, QStringLiteral("--client-id"),
                                            QStringLiteral("x")}
                             << QStringLiteral("--jwks-uri");
    QTest::newRow("alg none") << ok + QStringList{QStringLiteral("--alg"), QStringLiteral("none")}
                              << QStringLiteral("none");
    QTest::newRow("alg unknown") << ok + QStringList{QStringLiteral("--alg"), QStringLiteral("RS257")}
                                 << QStringLiteral("RS257");
    QTest::newRow("hs without secret") << ok + QStringList{QStringLiteral("--alg"), QStringLiteral("HS256")}
                                       << QStringLiteral("client secret");
    QTest::newRow("bad behaviour") << ok + QStringList{QStringLiteral("--behaviour"), QStringLiteral("explode")}
                                   << QStringLiteral("behaviour");
    QTest::newRow("bad listen") << ok + QStringList{QStringLiteral("--listen"), QStringLiteral("nowhere")}
                                << QStringLiteral("HOST:PORT");
    QTest::newRow("bad forward") << ok + QStringList{QStringLiteral("--forward"), QStringLiteral("ftp://x")}
                                 << QStringLiteral("--forward");
    QTest::newRow("both tls") << ok + QStringList{QStringLiteral("--tls-self-signed"), QStringLiteral("--tls-cert"),
                                                  jwks}
                              << QStringLiteral("either");
    QTest::newRow("bad skew") << ok + QStringList{QStringLiteral("--clock-skew"), QStringLiteral("soon")}
                              << QStringLiteral("--clock-skew");
}

void TestMockRpCli::mockRpUsageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList{QStringLiteral("mock-rp")} + args);
    QCOMPARE(r.code, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith("signoffctl: ") && r.err.count('\n') == 1, r.err.constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestMockRpCli::mockRpPortInUse()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const Run r = run(QStringList{QStringLiteral("mock-rp"), QStringLiteral("--listen"),
                                  QStringLiteral("127.0.0.1:%1").arg(taken.serverPort())} +
                      baseArgs());
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("cannot listen"), r.err.constData());
}

void TestMockRpCli::mockRpHttpsFingerprint()
{
    QProcess *p = startMockRp(QStringList{QStringLiteral("--tls-self-signed")} + baseArgs());
    QTRY_VERIFY_WITH_TIMEOUT(m_stdout.contains("SHA-256 fingerprint: "), 15000);
    const QString text = QString::fromUtf8(m_stdout);
    const qsizetype at = text.indexOf(QLatin1String("listening on "));
    const QUrl url(text.mid(at + 13).section(QLatin1Char('\n'), 0, 0).trimmed());
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    const QString printed =
        text.section(QStringLiteral("SHA-256 fingerprint: "), 1).section(QLatin1Char('\n'), 0, 0).trimmed();

    // Connect expecting exactly the self-signed error, then compare the served certificate.
    QSslSocket socket;
    connect(&socket, &QSslSocket::sslErrors, this, [&socket](const QList<QSslError> &errors) {
        QList<QSslError> expected;
        for (const QSslError &e : errors) {
            if (e.error() == QSslError::SelfSignedCertificate)
                expected << e;
        }
        socket.ignoreSslErrors(expected);
    });
    socket.connectToHostEncrypted(url.host(), quint16(url.port()));
    QTRY_VERIFY_WITH_TIMEOUT(socket.isEncrypted(), 10000);
    const QString served =
        QString::fromLatin1(socket.peerCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    QCOMPARE(printed, served);
    socket.disconnectFromHost();

    ::kill(pid_t(p->processId()), SIGINT);
    QTRY_COMPARE_WITH_TIMEOUT(p->state(), QProcess::NotRunning, 10000);
    QCOMPARE(p->exitCode(), 0);
    QVERIFY(m_stdout.contains("mock RP stopped"));
}

void TestMockRpCli::inspect()
{
    const QByteArray good = m_minted.tokens.value(QStringLiteral("good"));
    Run r = run(QStringList{QStringLiteral("inspect"), QString::fromLatin1(good)} + baseArgs());
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("Result: valid"), r.out.constData());
    QVERIFY(r.out.contains("pass  signature"));
    QVERIFY(r.out.contains("\"sub\": \"alice\""));

    r = run(QStringList{QStringLiteral("inspect"),
                        QString::fromLatin1(m_minted.tokens.value(QStringLiteral("wrong_aud")))} +
            baseArgs());
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("fail  aud"), r.out.constData());
    QVERIFY(r.out.contains("Result: INVALID (1 rules failed)"));

    // Without keys or expectations: decoded, signature and iss/aud skipped.
    r = run({QStringLiteral("inspect"), QString::fromLatin1(good)});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("skip  signature"));
    QVERIFY(r.out.contains("skip  iss"));

    // From standard input, as copied from a request body; JSON output.
    r = run({QStringLiteral("inspect"), QStringLiteral("-"), QStringLiteral("--json"), QStringLiteral("--jwks-uri"),
             m_jwks, QStringLiteral("--alg"), QStringLiteral("ES256")},
            "logout_token=" + m_minted.tokens.value(QStringLiteral("good_es")) + "\n");
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.count('\n'), 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("header")).toObject().value(QStringLiteral("kid")).toString(),
             QStringLiteral("k2"));

    // Garbage is bad input: one line on stderr, exit 2.
    r = run({QStringLiteral("inspect"), QStringLiteral("not-a-token")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("signoffctl: ") && r.err.count('\n') == 1, r.err.constData());
    r = run({QStringLiteral("inspect")});
    QCOMPARE(r.code, 2);
}

QTEST_GUILESS_MAIN(TestMockRpCli)
#include "tst_mockrpcli.moc"
