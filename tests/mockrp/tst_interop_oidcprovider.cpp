// Interop: a real OpenID Provider (npm oidc-provider 9, tests/fixtures/node/interop-op.mjs)
// performs a real login and an RP-initiated logout, and its own back-channel sender posts the
// logout token to `signoffctl mock-rp` (a process, keys from the provider's discovery
// document), which must accept it with every rule passing.
#include "../jose/NodeMint.h"

#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
QList<QJsonObject> jsonLines(const QByteArray &text)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : text.split('\n')) {
        const QJsonDocument d = QJsonDocument::fromJson(line);
        if (d.isObject()) // the provider prints plain-text notices too
            out << d.object();
    }
    return out;
}

QJsonObject findEvent(const QByteArray &text, const QString &event)
{
    for (const QJsonObject &o : jsonLines(text)) {
        if (o.value(QStringLiteral("event")).toString() == event)
            return o;
    }
    return {};
}
} // namespace

class TestInteropOidcProvider : public QObject
{
    Q_OBJECT

private slots:
    void backChannelLogoutFromRealProvider();
};

void TestInteropOidcProvider::backChannelLogoutFromRealProvider()
{
    const QString fixtures = signoff::test::nodeFixtureDir();
    QVERIFY2(QDir(fixtures + QStringLiteral("/node_modules/oidc-provider")).exists(),
             "oidc-provider is not installed in tests/fixtures/node: run scripts/install-deps");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("signoff.*.info=false"));

    // A loopback port for the mock RP, known before the provider registers the client.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString mockUrl = QStringLiteral("http://127.0.0.1:%1/backchannel-logout").arg(port);

    QProcess op;
    QByteArray opOut;
    op.setWorkingDirectory(fixtures);
    connect(&op, &QProcess::readyReadStandardOutput, this, [&] { opOut += op.readAllStandardOutput(); });
    op.start(signoff::test::nodeProgram(),
             {fixtures + QStringLiteral("/interop-op.mjs"), mockUrl, QStringLiteral("interop-rp")});
    QTRY_VERIFY_WITH_TIMEOUT(
        !findEvent(opOut, QStringLiteral("issuer")).isEmpty() || op.state() == QProcess::NotRunning, 30000);
    const QString issuer = findEvent(opOut, QStringLiteral("issuer")).value(QStringLiteral("issuer")).toString();
    QVERIFY2(!issuer.isEmpty(), op.readAllStandardError().constData());

    QProcess rp;
    QByteArray rpOut;
    rp.setProcessEnvironment(env);
    connect(&rp, &QProcess::readyReadStandardOutput, this, [&] { rpOut += rp.readAllStandardOutput(); });
    rp.start(qEnvironmentVariable("SIGNOFF_BINARY_DIR") + QStringLiteral("/app/signoffctl"),
             {QStringLiteral("mock-rp"), QStringLiteral("--json"), QStringLiteral("--listen"),
              QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--issuer"), issuer,
              QStringLiteral("--client-id"), QStringLiteral("interop-rp"), QStringLiteral("--discovery"), issuer,
              QStringLiteral("--require-typ")});
    QTRY_VERIFY_WITH_TIMEOUT(!findEvent(rpOut, QStringLiteral("keys")).isEmpty() || rp.state() == QProcess::NotRunning,
                             30000);
    QVERIFY2(findEvent(rpOut, QStringLiteral("keys")).value(QStringLiteral("ok")).toBool(), rpOut.constData());

    op.write("go\n");
    QTRY_VERIFY_WITH_TIMEOUT(op.state() == QProcess::NotRunning, 60000);
    const QJsonObject delivery = findEvent(opOut, QStringLiteral("backchannel"));
    QVERIFY2(!findEvent(opOut, QStringLiteral("login")).isEmpty(), opOut.constData());
    QVERIFY2(delivery.value(QStringLiteral("ok")).toBool(), opOut.constData());
    QCOMPARE(op.exitCode(), 0);

    QTRY_VERIFY_WITH_TIMEOUT(!findEvent(rpOut, QStringLiteral("request")).isEmpty(), 10000);
    const QJsonObject request = findEvent(rpOut, QStringLiteral("request"));
    QVERIFY2(request.value(QStringLiteral("valid")).toBool(), rpOut.constData());
    QCOMPARE(request.value(QStringLiteral("status")).toInt(), 200);
    const QJsonObject claims = request.value(QStringLiteral("claims")).toObject();
    QCOMPARE(claims.value(QStringLiteral("sid")).toString(), delivery.value(QStringLiteral("sid")).toString());
    QCOMPARE(claims.value(QStringLiteral("sub")).toString(), QStringLiteral("alice"));
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), issuer);
    for (const QJsonValue &v : request.value(QStringLiteral("verdicts")).toArray())
        QVERIFY2(v.toObject().value(QStringLiteral("result")).toString() == QLatin1String("pass"),
                 qPrintable(QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))));

    rp.terminate();
    QTRY_COMPARE_WITH_TIMEOUT(rp.state(), QProcess::NotRunning, 10000);
    QCOMPARE(rp.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestInteropOidcProvider)
#include "tst_interop_oidcprovider.moc"
