// `signoffctl inspect -` as a process: standard input larger than the limit is refused with
// one clear line (exit 2), never cut and then misjudged as a malformed token.
#include "TestEnv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {
constexpr qsizetype kLimit = 1024 * 1024;

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// An unsigned-looking but well-formed compact JWS: inspect without keys decodes it.
QByteArray token()
{
    return base64Url("{\"alg\":\"RS256\",\"typ\":\"logout+jwt\"}") + '.' +
           base64Url("{\"iss\":\"https://op.example.test\",\"sid\":\"s-1\",\"jti\":\"j-1\"}") + '.' + base64Url("sig");
}

ProcResult inspectStdin(const QByteArray &input)
{
    IsolatedHome home;
    return runProcess(signoffctlPath(), {QStringLiteral("inspect"), QStringLiteral("--json"), QStringLiteral("-")},
                      home.environment(), input);
}
} // namespace

class TestInspectCli : public QObject
{
    Q_OBJECT

private slots:
    void tokenOnStdinIsDecoded();
    void inputAtTheLimitIsRead();
    void inputOverTheLimitIsRefused_data();
    void inputOverTheLimitIsRefused();
};

void TestInspectCli::tokenOnStdinIsDecoded()
{
    const ProcResult r = inspectStdin(token() + '\n');
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("claims")).toObject().value(QStringLiteral("sid")).toString(),
             QStringLiteral("s-1"));
}

void TestInspectCli::inputAtTheLimitIsRead()
{
    // Trailing blanks up to exactly the limit: all of it is read, the token still decodes.
    QByteArray input = token();
    input += QByteArray(kLimit - input.size(), ' ');
    QCOMPARE(input.size(), kLimit);
    const ProcResult r = inspectStdin(input);
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());
    QVERIFY2(!r.err.contains("larger than"), r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("claims")).toObject().value(QStringLiteral("jti")).toString(),
             QStringLiteral("j-1"));
}

void TestInspectCli::inputOverTheLimitIsRefused_data()
{
    QTest::addColumn<QByteArray>("input");
    // A token-like blob with its dots past the cut: cut at the limit, it would "have 2 parts".
    QByteArray blob = QByteArray(kLimit - 10, 'A') + ".BBBBBBBBBBBBBBBBBBBB.CCCC";
    QTest::newRow("one byte over") << QByteArray(token() + QByteArray(kLimit + 1 - token().size(), ' '));
    QTest::newRow("dots past the cut") << blob;
    QTest::newRow("8 MiB") << QByteArray(8 * kLimit, 'A');
}

void TestInspectCli::inputOverTheLimitIsRefused()
{
    QFETCH(QByteArray, input);
    const ProcResult r = inspectStdin(input);
    QCOMPARE(r.exitCode, 2);
    const QByteArray err = r.err.trimmed();
    QVERIFY2(!err.contains('\n'), err.constData());
    QVERIFY2(err.startsWith("signoffctl: "), err.constData());
    QVERIFY2(err.contains("standard input is larger than 1048576 bytes"), err.constData());
    QVERIFY2(!err.contains("parts"), err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestInspectCli)
#include "tst_inspectcli.moc"
