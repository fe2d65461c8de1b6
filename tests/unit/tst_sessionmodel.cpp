#include "items/RelyingPartyModel.h"
#include "items/SessionModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace signoff;

namespace {
IdpSession session(int n, const QString &user, const QString &name, std::optional<QString> ip,
                   const QStringList &clients)
{
    IdpSession s;
    s.id = QStringLiteral("uid-%1").arg(n);
    s.userId = user;
    s.userName = name;
    s.ip = std::move(ip);
    s.started = QDateTime::fromSecsSinceEpoch(1'790'000'000 + n, Qt::UTC);
    s.lastAccess = QDateTime::fromSecsSinceEpoch(1'790'000'500 + n, Qt::UTC);
    for (const QString &c : clients)
        s.rps.append({c, QStringLiteral("sid-%1-%2").arg(c).arg(n)});
    return s;
}

// n sessions numbered from first, users user-<k> spread over three RPs.
QList<IdpSession> page(int first, int n)
{
    QList<IdpSession> out;
    for (int i = first; i < first + n; ++i)
        out.append(session(i, QStringLiteral("user-%1").arg(i, 6, 10, QLatin1Char('0')),
                           QStringLiteral("Seeded User %1").arg(i), QStringLiteral("198.51.100.%1").arg(i % 250),
                           {i % 3 == 0 ? QStringLiteral("demo-healthy") : QStringLiteral("demo-slow"),
                            QStringLiteral("demo-no-bcl")}));
    return out;
}

QStringList ids(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

struct Inserted
{
    int first;
    int last;
};
} // namespace

class TestSessionModel : public QObject
{
    Q_OBJECT

private slots:
    // The model and its proxy stay consistent (the tester aborts on the first broken rule) while
    // pages arrive, the filter changes between and during pages, and the list is cleared.
    void modelsPassTheTesterThroughAppendFilterClear()
    {
        SessionModel model;
        SessionFilterModel filter(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filter.sort(SessionModel::StartedColumn, Qt::DescendingOrder);
        for (int p = 0; p < 5; ++p) {
            model.append(page(p * 100, 100));
            if (p == 2)
                filter.setText(QStringLiteral("demo-healthy"));
        }
        QCOMPARE(model.rowCount(), 500);
        QCOMPARE(filter.rowCount(), 167); // every third session
        filter.setText(QStringLiteral("user-0004"));
        QCOMPARE(filter.rowCount(), 100);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(filter.rowCount(), 0);
        model.append(page(400, 10));
        QCOMPARE(filter.rowCount(), 10);
        filter.setText({});
        model.append(page(0, 10));
        QCOMPARE(filter.rowCount(), 20);
        // Sorted by start, newest first, missing times last.
        QCOMPARE(filter.index(0, 0).data(SessionModel::SessionIdRole).toString(), QStringLiteral("uid-409"));
        IdpSession noTime = session(9999, QStringLiteral("x"), QStringLiteral("X"), {}, {});
        noTime.started.reset();
        model.append({noTime});
        QCOMPARE(filter.index(filter.rowCount() - 1, 0).data(SessionModel::SessionIdRole).toString(),
                 QStringLiteral("uid-9999"));

        RelyingPartyModel rps;
        QAbstractItemModelTester t3(&rps, QAbstractItemModelTester::FailureReportingMode::Fatal);
        RelyingParty a;
        a.clientId = QStringLiteral("a");
        rps.setRelyingParties({{a, {}}, {a, {}}});
        rps.setRelyingParties({});
        rps.setRelyingParties({{a, {}}});
        QCOMPARE(rps.rowCount(), 1);
    }

    void onePageIsOneInsert()
    {
        SessionModel model;
        QList<Inserted> inserts;
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&inserts](const QModelIndex &parent, int first, int last) {
                    QVERIFY(!parent.isValid());
                    inserts.append({first, last});
                });
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.append(page(0, 1000));
        model.append({}); // an empty page changes nothing
        model.append(page(1000, 1000));
        model.append(page(2000, 1));
        QCOMPARE(inserts.size(), 3);
        QCOMPARE(inserts[0].first, 0);
        QCOMPARE(inserts[0].last, 999);
        QCOMPARE(inserts[1].first, 1000);
        QCOMPARE(inserts[1].last, 1999);
        QCOMPARE(inserts[2].first, 2000);
        QCOMPARE(inserts[2].last, 2000);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 2001);
        QCOMPARE(model.at(1500).id, QStringLiteral("uid-1500"));

        model.clear();
        QCOMPARE(resets.count(), 1);
        model.clear(); // already empty: no reset for nothing
        QCOMPARE(resets.count(), 1);
    }

    void cellsShowWhatTheIdpExposed()
    {
        SessionModel model;
        IdpSession full = session(1, QStringLiteral("u1"), QStringLiteral("Alice Adams"), QStringLiteral("203.0.113.9"),
                                  {QStringLiteral("demo-healthy"), QStringLiteral("x")});
        IdpSession bare;
        bare.id = QStringLiteral("kc-session");
        bare.userId = QStringLiteral("u2");
        model.append({full, bare});

        const auto cell = [&model](int row, int col, int role = Qt::DisplayRole) {
            return model.index(row, col).data(role);
        };
        QCOMPARE(cell(0, SessionModel::UserColumn).toString(), QStringLiteral("Alice Adams"));
        QCOMPARE(cell(0, SessionModel::IpColumn).toString(), QStringLiteral("203.0.113.9"));
        QCOMPARE(cell(0, SessionModel::StartedColumn).toString(),
                 full.started->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(cell(0, SessionModel::LastAccessColumn).toString(),
                 full.lastAccess->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(cell(0, SessionModel::RpsColumn).toString(), QStringLiteral("demo-healthy, x"));
        for (int col : {SessionModel::IpColumn, SessionModel::StartedColumn, SessionModel::LastAccessColumn})
            QCOMPARE(cell(0, col, SessionModel::NotExposedRole).toBool(), false);

        // No user name: the id; no IP or times: said so, greyed, never an invented value.
        QCOMPARE(cell(1, SessionModel::UserColumn).toString(), QStringLiteral("u2"));
        QCOMPARE(cell(1, SessionModel::RpsColumn).toString(), QString());
        QCOMPARE(cell(1, SessionModel::UserColumn, SessionModel::NotExposedRole).toBool(), false);
        // Nothing the views would misread: no colour a delegate cannot convert.
        QVERIFY(!cell(1, SessionModel::IpColumn, Qt::ForegroundRole).isValid());
        for (int col : {SessionModel::IpColumn, SessionModel::StartedColumn, SessionModel::LastAccessColumn}) {
            QCOMPARE(cell(1, col).toString(), QStringLiteral("not exposed by the IdP"));
            QCOMPARE(cell(1, col).toString(), SessionModel::notExposed());
            QCOMPARE(cell(1, col, SessionModel::NotExposedRole).toBool(), true);
        }
        QCOMPARE(cell(1, SessionModel::StartedColumn, SessionModel::SortRole).toLongLong(), -1);
        QCOMPARE(cell(1, 0, SessionModel::SessionIdRole).toString(), QStringLiteral("kc-session"));
        QCOMPARE(cell(1, 0, SessionModel::UserIdRole).toString(), QStringLiteral("u2"));
        QCOMPARE(model.headerData(SessionModel::IpColumn, Qt::Horizontal).toString(), QStringLiteral("IP address"));
    }

    void filterMatchesUserIpAndRp_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("empty: all") << QString() << ids("uid-1 uid-2 uid-3 uid-4");
        QTest::newRow("blank: all") << QStringLiteral("   ") << ids("uid-1 uid-2 uid-3 uid-4");
        QTest::newRow("user name, other case") << QStringLiteral("aLiCe") << ids("uid-1 uid-2");
        QTest::newRow("user name part") << QStringLiteral("brown") << ids("uid-3");
        QTest::newRow("user id") << QStringLiteral("USER-000004") << ids("uid-4");
        QTest::newRow("user id, trimmed") << QStringLiteral(" user-000004 ") << ids("uid-4");
        QTest::newRow("ip") << QStringLiteral("192.0.2.") << ids("uid-1 uid-3");
        QTest::newRow("ipv6, other case") << QStringLiteral("2001:DB8") << ids("uid-2");
        QTest::newRow("rp client id") << QStringLiteral("DEMO-HANGING") << ids("uid-2 uid-4");
        QTest::newRow("rp part") << QStringLiteral("healthy") << ids("uid-1");
        QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList();
        // The "not exposed" text is not an IP address.
        QTest::newRow("not exposed") << QStringLiteral("exposed") << QStringList();
    }
    void filterMatchesUserIpAndRp()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        SessionModel model;
        SessionFilterModel filter(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.append({session(1, QStringLiteral("alice"), QStringLiteral("Alice Adams"), QStringLiteral("192.0.2.1"),
                              {QStringLiteral("demo-healthy")}),
                      session(2, QStringLiteral("alice"), QStringLiteral("Alice Adams"), QStringLiteral("2001:db8::7"),
                              {QStringLiteral("demo-hanging")})});
        filter.setText(text);
        // Pages that arrive after the text was typed are filtered too.
        model.append({session(3, QStringLiteral("bob"), QStringLiteral("Bob Brown"), QStringLiteral("192.0.2.3"),
                              {QStringLiteral("demo-slow")}),
                      session(4, QStringLiteral("user-000004"), QString(), std::nullopt,
                              {QStringLiteral("demo-slow"), QStringLiteral("demo-hanging")})});
        QCOMPARE(filter.text(), text.trimmed());
        QStringList got;
        for (int r = 0; r < filter.rowCount(); ++r)
            got << filter.index(r, 0).data(SessionModel::SessionIdRole).toString();
        QCOMPARE(got, ids);
    }

    void relyingPartyModelShowsSettingsAndLint()
    {
        RelyingPartyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        RelyingParty ok;
        ok.clientId = QStringLiteral("demo-healthy");
        ok.name = QStringLiteral("Healthy");
        ok.backchannelLogoutUri = QStringLiteral("https://rp.example.com/bcl");
        ok.sessionRequired = true;
        ok.sessionCount = 12;
        RelyingParty none;
        none.clientId = QStringLiteral("demo-no-bcl");
        const QList<LintFinding> findings{
            {QStringLiteral("no_backchannel_uri"), LintFinding::Severity::Error, QStringLiteral("m"),
             QStringLiteral("f")},
            {QStringLiteral("client_disabled"), LintFinding::Severity::Warning, QStringLiteral("m2"),
             QStringLiteral("f")},
            {QStringLiteral("x_silent"), LintFinding::Severity::Info, QStringLiteral("m3"), QStringLiteral("f")}};
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setRelyingParties({{ok, {}}, {none, findings}});
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        const auto cell = [&model](int row, int col, int role = Qt::DisplayRole) {
            return model.index(row, col).data(role);
        };
        QCOMPARE(cell(0, RelyingPartyModel::UriColumn).toString(), ok.backchannelLogoutUri);
        QCOMPARE(cell(0, RelyingPartyModel::SessionRequiredColumn).toString(), QStringLiteral("yes"));
        QCOMPARE(cell(0, RelyingPartyModel::SessionsColumn).toLongLong(), 12);
        QCOMPARE(cell(0, RelyingPartyModel::FindingsColumn).toString(), QStringLiteral("OK"));
        QCOMPARE(cell(0, 0, RelyingPartyModel::WorstSeverityRole).toInt(), -1);
        QCOMPARE(cell(1, RelyingPartyModel::UriColumn).toString(), QStringLiteral("(none)"));
        QCOMPARE(cell(1, RelyingPartyModel::SessionRequiredColumn).toString(), QStringLiteral("no"));
        QCOMPARE(cell(1, RelyingPartyModel::SessionsColumn).toString(), QStringLiteral("unknown"));
        QCOMPARE(cell(1, RelyingPartyModel::FindingsColumn).toString(),
                 QStringLiteral("1 error(s), 1 warning(s), 1 note(s)"));
        QCOMPARE(cell(1, 0, RelyingPartyModel::WorstSeverityRole).toInt(), int(LintFinding::Severity::Error));
        const QString tip = cell(1, RelyingPartyModel::FindingsColumn, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Error: m")) && tip.contains(QStringLiteral("Info: m3")), qPrintable(tip));
        QCOMPARE(RelyingPartyModel::worst({findings[2], findings[1]}), LintFinding::Severity::Warning);
    }
};

QTEST_GUILESS_MAIN(TestSessionModel)
#include "tst_sessionmodel.moc"
