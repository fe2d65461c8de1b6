// `signoffctl history` as a process, against a history the test wrote with HistoryStore into an
// isolated data home: listing, one run's deliveries, exports, and exit 2 for bad input.
#include "TestEnv.h"
#include "store/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace signoff;
using namespace signoff::logout;

namespace {
const QByteArray kSignature = "U0lHTkFUVVJFLW11c3Qtbm90LWxlYWs";
const QByteArray kToken = "eyJhbGciOiJFUzI1NiJ9.eyJzaWQiOiJzLTEifQ." + kSignature;

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    }
    return lines;
}
} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsRunsNewestFirst();
    void listsOneRunsDeliveries();
    void exportsWithSignaturesRedacted_data();
    void exportsWithSignaturesRedacted();
    void badInputIsExit2_data();
    void badInputIsExit2();
    void unavailableHistoryIsExit1();

private:
    ProcResult ctl(const QStringList &args) const
    {
        return runProcess(signoffctlPath(), QStringList{QStringLiteral("history")} + args, m_home.environment());
    }
    QString historyPath() const { return m_home.dataHome() + QStringLiteral("/Signoff/Signoff/history.sqlite"); }

    IsolatedHome m_home;
};

void TestHistoryCli::initTestCase()
{
    auto store = HistoryStore::open(historyPath());
    QVERIFY2(store.ok(), qPrintable(store.errorString()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    RunInfo older;
    older.id = QStringLiteral("run-older");
    older.profileId = older.profileName = QStringLiteral("sandbox");
    older.scope.kind = LogoutScope::Kind::User;
    older.scope.user = QStringLiteral("alice");
    older.status = RunStatus::Finished;
    older.startedAt = now.addSecs(-3600);
    older.counts.delivered = 1;
    older.counts.failed = 1;
    Delivery ok;
    ok.sessionId = QStringLiteral("s-1");
    ok.clientId = QStringLiteral("demo-healthy");
    ok.userName = QStringLiteral("alice");
    ok.state = DeliveryState::Delivered;
    ok.source = OutcomeSource::Idp;
    ok.httpStatus = 200;
    ok.latencyMs = 4.0;
    ok.logoutToken = kToken;
    Delivery failed = ok;
    failed.clientId = QStringLiteral("demo-failing");
    failed.state = DeliveryState::Failed;
    failed.httpStatus = 500;
    failed.error = QStringLiteral("=cmd|' /C calc'!A0, \"quoted\"");
    QVERIFY((*store)->save(older, {ok, failed}));
    RunInfo newer = older;
    newer.id = QStringLiteral("run-newer");
    newer.startedAt = now;
    newer.counts = {};
    QVERIFY((*store)->save(newer, {}));
}

void TestHistoryCli::listsRunsNewestFirst()
{
    const ProcResult r = ctl({QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).value(QStringLiteral("id")).toString(), QStringLiteral("run-newer"));
    QCOMPARE(lines.at(1).value(QStringLiteral("id")).toString(), QStringLiteral("run-older"));
    QCOMPARE(lines.at(1).value(QStringLiteral("counts")).toObject().value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(lines.at(1).value(QStringLiteral("scope")).toString(), QStringLiteral("user"));

    const ProcResult text = ctl({});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY(text.out.contains("run-older"));
    QVERIFY(text.out.contains("1 failed"));

    const ProcResult limited = ctl({QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("1")});
    QCOMPARE(jsonLines(limited.out).size(), 1);
}

void TestHistoryCli::listsOneRunsDeliveries()
{
    const ProcResult r = ctl({QStringLiteral("--run"), QStringLiteral("run-older"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 2);
    for (const QJsonObject &o : lines) {
        QCOMPARE(o.value(QStringLiteral("run")).toString(), QStringLiteral("run-older"));
        QVERIFY(o.value(QStringLiteral("logout_token")).toString().endsWith(QStringLiteral(".<redacted>")));
    }
    QCOMPARE(lines.at(1).value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(lines.at(1).value(QStringLiteral("http_status")).toInt(), 500);
    QVERIFY(!r.out.contains(kSignature));

    const ProcResult empty = ctl({QStringLiteral("--run"), QStringLiteral("run-newer"), QStringLiteral("--json")});
    QCOMPARE(empty.exitCode, 0);
    QVERIFY(jsonLines(empty.out).isEmpty());
}

void TestHistoryCli::exportsWithSignaturesRedacted_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << "csv";
    QTest::newRow("json") << "json";
}

void TestHistoryCli::exportsWithSignaturesRedacted()
{
    QFETCH(QString, format);
    const QString file = m_home.path() + QStringLiteral("/export.") + format;
    const ProcResult r = ctl({QStringLiteral("export"), QStringLiteral("--format"), format, file});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains(kSignature));
    QVERIFY(bytes.contains("eyJhbGciOiJFUzI1NiJ9.eyJzaWQiOiJzLTEifQ.<redacted>"));
    if (format == QLatin1String("csv")) {
        // The formula is defused and the field quoted (it holds a comma and quotes).
        QVERIFY2(bytes.contains("\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\""), bytes.constData());
        QCOMPARE(bytes.count("\r\n"), 3);
    } else {
        const QJsonObject doc = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(doc.value(QStringLiteral("deliveries")).toArray().size(), 2);
    }

    const QString one = m_home.path() + QStringLiteral("/one.") + format;
    const ProcResult single = ctl({QStringLiteral("export"), QStringLiteral("--format"), format,
                                   QStringLiteral("--run"), QStringLiteral("run-newer"), one});
    QVERIFY2(single.exitCode == 0, single.err.constData());
    QVERIFY(QFile::exists(one));
}

void TestHistoryCli::badInputIsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown action") << QStringList{QStringLiteral("purge")} << QByteArray("unknown history action");
    QTest::newRow("bad format") << QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                                               QStringLiteral("xml"), QStringLiteral("/tmp/never.xml")}
                                << QByteArray("csv or json");
    QTest::newRow("no format") << QStringList{QStringLiteral("export"), QStringLiteral("/tmp/never.csv")}
                               << QByteArray("csv or json");
    QTest::newRow("no file") << QStringList{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")}
                             << QByteArray("one FILE");
    QTest::newRow("unknown run") << QStringList{QStringLiteral("--run"), QStringLiteral("run-nope")}
                                 << QByteArray("no run 'run-nope'");
    QTest::newRow("export unknown run") << QStringList{QStringLiteral("export"),   QStringLiteral("--format"),
                                                       QStringLiteral("csv"),      QStringLiteral("--run"),
                                                       QStringLiteral("run-nope"), QStringLiteral("/tmp/never.csv")}
                                        << QByteArray("no run 'run-nope'");
    QTest::newRow("format without export")
        << QStringList{QStringLiteral("--format"), QStringLiteral("csv")} << QByteArray("--format is for");
    QTest::newRow("bad limit") << QStringList{QStringLiteral("--limit"), QStringLiteral("0")} << QByteArray("--limit");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QByteArray("bogus");
}

void TestHistoryCli::badInputIsExit2()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const ProcResult r = ctl(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/never.csv")));
}

void TestHistoryCli::unavailableHistoryIsExit1()
{
    // A file where the data folder should be: the history cannot be opened, signoffctl says why
    // and the commands that do not need it still work.
    IsolatedHome broken;
    QFile blocker(broken.dataHome() + QStringLiteral("/Signoff"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const ProcResult r =
        runProcess(signoffctlPath(), {QStringLiteral("history"), QStringLiteral("--json")}, broken.environment());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("history is not available"), r.err.constData());
    const ProcResult other = runProcess(signoffctlPath(), {QStringLiteral("--version")}, broken.environment());
    QCOMPARE(other.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
