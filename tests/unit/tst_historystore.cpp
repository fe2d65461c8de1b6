#include "services/HistoryRetention.h"
#include "store/HistoryExport.h"
#include "store/HistoryStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/stat.h>

using namespace signoff;
using namespace signoff::logout;

// Shows the store's error text when a call fails.
#define QVERIFY_OK(expr)                                                                                               \
    do {                                                                                                               \
        const auto status_ = (expr);                                                                                   \
        QVERIFY2(status_.ok(), qPrintable(status_.errorString()));                                                     \
    } while (false)

namespace {
// header.payload.signature of a real-looking compact JWS; the signature must never reach an export.
const QByteArray kSignature = "c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw";
const QByteArray kToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9." + kSignature;

RunInfo makeRun(const QString &id, const QDateTime &started, const QString &profile = QStringLiteral("sandbox"))
{
    RunInfo r;
    r.id = id;
    r.profileId = profile;
    r.profileName = profile + QStringLiteral(" name");
    r.idpKind = QStringLiteral("sandbox");
    r.scope.kind = LogoutScope::Kind::Sessions;
    r.scope.sessionIds = {QStringLiteral("s1"), QStringLiteral("s2")};
    r.status = RunStatus::Running;
    r.startedAt = started;
    r.sessions = 2;
    r.users = 1;
    r.concurrency = 4;
    r.counts.pending = 2;
    r.idpRunIds = {QStringLiteral("idp-run-7")};
    return r;
}

Delivery makeDelivery(const QString &session, const QString &client, DeliveryState state)
{
    Delivery d;
    d.sessionId = session;
    d.clientId = client;
    d.userId = QStringLiteral("u-1");
    d.userName = QStringLiteral("alice");
    d.sid = QStringLiteral("sid-") + session;
    d.state = state;
    d.source = OutcomeSource::Idp;
    d.updatedAt = QDateTime::currentDateTimeUtc();
    return d;
}

std::unique_ptr<HistoryStore> openStore(const QString &path)
{
    auto store = HistoryStore::open(path);
    if (!store)
        qWarning() << store.errorString();
    return store ? std::move(store).value() : nullptr;
}

// A strict RFC 4180 reader, so the test checks the file as a spreadsheet would read it.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void savesRunAndDeliveriesAndReadsThemBack()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(store);
        const QDateTime started = QDateTime::fromMSecsSinceEpoch(1'800'000'000'123, QTimeZone::utc());
        RunInfo run = makeRun(QStringLiteral("run-1"), started);
        Delivery d = makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Delivered);
        d.httpStatus = 200;
        d.latencyMs = 12.5;
        d.tokenJti = QStringLiteral("jti-1");
        d.logoutToken = kToken;
        d.validation = QJsonObject{{QStringLiteral("valid"), true}};
        d.sources = {QStringLiteral("idp"), QStringLiteral("mock_rp")};
        QVERIFY_OK(
            store->save(run, {d, makeDelivery(QStringLiteral("s2"), QStringLiteral("app-a"), DeliveryState::Pending)}));

        const auto runs = store->runs({});
        QVERIFY2(runs.ok(), qPrintable(runs.errorString()));
        QCOMPARE(runs->size(), 1);
        const RunInfo &r = runs->first();
        QCOMPARE(r.id, run.id);
        QCOMPARE(r.profileName, run.profileName);
        QCOMPARE(r.scope.sessionIds, run.scope.sessionIds);
        QCOMPARE(r.status, RunStatus::Running);
        QCOMPARE(r.startedAt, started);
        QVERIFY(!r.finishedAt.isValid());
        QCOMPARE(r.counts.pending, 2);
        QCOMPARE(r.idpRunIds, run.idpRunIds);

        HistoryStore::DeliveryFilter f;
        f.runId = run.id;
        const auto rows = store->deliveries(f);
        QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
        QCOMPARE(rows->size(), 2);
        const Delivery &back = rows->first();
        QCOMPARE(back.runId, run.id);
        QCOMPARE(back.state, DeliveryState::Delivered);
        QCOMPARE(back.httpStatus, std::optional<int>(200));
        QCOMPARE(back.latencyMs, std::optional<double>(12.5));
        QCOMPARE(back.logoutToken, kToken); // the history keeps the token whole; exports redact
        QCOMPARE(back.validation, d.validation);
        QCOMPARE(back.sources, d.sources);
        QCOMPARE(back.sid, d.sid);
        QVERIFY(!rows->at(1).httpStatus.has_value());
    }

    void upsertsByRunSessionAndClient()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("b.sqlite")));
        QVERIFY(store);
        RunInfo run = makeRun(QStringLiteral("run-u"), QDateTime::currentDateTimeUtc());
        QVERIFY_OK(
            store->save(run, {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Pending),
                              makeDelivery(QStringLiteral("s1"), QStringLiteral("app-b"), DeliveryState::Pending)}));
        Delivery later = makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Failed);
        later.httpStatus = 503;
        later.error = QStringLiteral("upstream down");
        run.status = RunStatus::Finished;
        run.counts = {};
        run.counts.failed = 1;
        run.counts.pending = 1;
        QVERIFY_OK(store->save(run, {later}));

        HistoryStore::DeliveryFilter f;
        f.runId = run.id;
        const auto rows = store->deliveries(f);
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).clientId, QStringLiteral("app-a"));
        QCOMPARE(rows->at(0).state, DeliveryState::Failed);
        QCOMPARE(rows->at(0).httpStatus, std::optional<int>(503));
        QCOMPARE(rows->at(0).error, later.error);
        QCOMPARE(rows->at(1).state, DeliveryState::Pending);
        const auto runs = store->runs({});
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().status, RunStatus::Finished);
        QCOMPARE(runs->first().counts.failed, 1);
        // The scope written with the first save stays.
        QCOMPARE(runs->first().scope.sessionIds, run.scope.sessionIds);
    }

    void filtersRunsAndDeliveries()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY_OK(
            store->save(makeRun(QStringLiteral("run-old"), now.addDays(-3), QStringLiteral("kc")),
                        {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Delivered)}));
        Delivery bob = makeDelivery(QStringLiteral("s2"), QStringLiteral("app-b"), DeliveryState::Failed);
        bob.userId = QStringLiteral("u-2");
        bob.userName = QStringLiteral("bob");
        QVERIFY_OK(
            store->save(makeRun(QStringLiteral("run-new"), now, QStringLiteral("sandbox")),
                        {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Skipped), bob}));

        const auto ids = [&](const HistoryStore::RunFilter &f) {
            QStringList out;
            const auto runs = store->runs(f);
            for (const auto &r : runs.value())
                out << r.id;
            return out;
        };
        QCOMPARE(ids({}), QStringList({QStringLiteral("run-new"), QStringLiteral("run-old")})); // newest first
        HistoryStore::RunFilter byProfile;
        byProfile.profile = QStringLiteral("kc name");
        QCOMPARE(ids(byProfile), QStringList{QStringLiteral("run-old")});
        HistoryStore::RunFilter since;
        since.since = now.addDays(-1);
        QCOMPARE(ids(since), QStringList{QStringLiteral("run-new")});
        HistoryStore::RunFilter byClient;
        byClient.clientId = QStringLiteral("app-b");
        QCOMPARE(ids(byClient), QStringList{QStringLiteral("run-new")});
        HistoryStore::RunFilter byState;
        byState.state = DeliveryState::Delivered;
        QCOMPARE(ids(byState), QStringList{QStringLiteral("run-old")});
        HistoryStore::RunFilter limited;
        limited.limit = 1;
        QCOMPARE(ids(limited), QStringList{QStringLiteral("run-new")});

        HistoryStore::DeliveryFilter byUser;
        byUser.user = QStringLiteral("bob");
        QCOMPARE(store->deliveries(byUser)->size(), 1);
        byUser.user = QStringLiteral("u-1");
        QCOMPARE(store->deliveries(byUser)->size(), 2);
        HistoryStore::DeliveryFilter failed;
        failed.state = DeliveryState::Failed;
        QCOMPARE(store->deliveries(failed)->size(), 1);
        QCOMPARE(store->deliveries(failed)->first().userName, QStringLiteral("bob"));
        HistoryStore::DeliveryFilter appA;
        appA.clientId = QStringLiteral("app-a");
        QCOMPARE(store->deliveries(appA)->size(), 2);
    }

    void survivesReopenAndUsesWal()
    {
        const QString path = m_dir.filePath(QStringLiteral("d.sqlite"));
        {
            auto store = openStore(path);
            QVERIFY(store);
            QCOMPARE(store->path(), path);
            QVERIFY_OK(
                store->save(makeRun(QStringLiteral("run-r"), QDateTime::currentDateTimeUtc()),
                            {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Failed)}));
        }
        auto again = openStore(path);
        QVERIFY(again);
        QCOMPARE(again->runs({})->size(), 1);
        QCOMPARE(again->deliveries({})->size(), 1);
        // WAL is a property of the file: check it with a connection of our own.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void databaseIsTheUsersAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("private.sqlite"));
        const auto mode = [](const QString &file) {
            struct stat st
            {};
            return ::stat(QFile::encodeName(file).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
        };
        {
            auto store = openStore(path);
            QVERIFY(store);
            QVERIFY_OK(store->save(makeRun(QStringLiteral("run-p"), QDateTime::currentDateTimeUtc()), {}));
            QCOMPARE(mode(path), 0600);
            QCOMPARE(mode(path + QStringLiteral("-wal")), 0600);
        }
        // A file left readable by others (an older version, a copy) is tightened on open.
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        auto again = openStore(path);
        QVERIFY(again);
        QCOMPARE(mode(path), 0600);
    }

    void severalStoresInOneProcess()
    {
        auto a = openStore(m_dir.filePath(QStringLiteral("e1.sqlite")));
        auto b = openStore(m_dir.filePath(QStringLiteral("e2.sqlite")));
        auto a2 = openStore(m_dir.filePath(QStringLiteral("e1.sqlite")));
        QVERIFY(a && b && a2);
        QVERIFY_OK(a->save(makeRun(QStringLiteral("run-a"), QDateTime::currentDateTimeUtc()), {}));
        QCOMPARE(a2->runs({})->size(), 1); // same file, another connection
        QCOMPARE(b->runs({})->size(), 0);
    }

    void refusesWhatItCannotUse_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("not a database") << "garbage";
        QTest::newRow("a directory") << "directory";
        QTest::newRow("newer schema") << "newer";
        QTest::newRow("folder cannot be made") << "blocked";
    }
    void refusesWhatItCannotUse()
    {
        QFETCH(QString, kind);
        QString path = m_dir.filePath(kind + QStringLiteral(".sqlite"));
        if (kind == QLatin1String("garbage")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        } else if (kind == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(path));
        } else if (kind == QLatin1String("newer")) {
            QVERIFY(openStore(path));
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("INSERT INTO schema_version VALUES (99)")));
            db.close();
        } else {
            QFile f(m_dir.filePath(QStringLiteral("plainfile")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            path = f.fileName() + QStringLiteral("/sub/history.sqlite");
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        const auto store = HistoryStore::open(path);
        QVERIFY(!store.ok());
        QVERIFY(store.errorString().contains(path) || store.errorString().contains(QStringLiteral("newer")));
        qInfo() << store.errorString();
    }

    void exportsRedactSignaturesAndQuoteCsv()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("f.sqlite")));
        QVERIFY(store);
        Delivery tricky = makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Failed);
        tricky.logoutToken = kToken;
        tricky.error = QStringLiteral("=HYPERLINK(\"http://x\"),\nsecond line");
        tricky.userName = QStringLiteral("@admin");
        tricky.httpStatus = 500;
        Delivery plain = makeDelivery(QStringLiteral("s2"), QStringLiteral("app-b"), DeliveryState::Delivered);
        plain.logoutToken = "not-a-jws" + kSignature;
        QVERIFY_OK(store->save(makeRun(QStringLiteral("run-x"), QDateTime::currentDateTimeUtc()), {tricky, plain}));

        const QString csvPath = m_dir.filePath(QStringLiteral("out.csv"));
        HistoryStore::DeliveryFilter all;
        QVERIFY_OK(store->exportTo(csvPath, HistoryStore::ExportFormat::Csv, all));
        const QByteArray csv = readAll(csvPath);
        QVERIFY(!csv.contains(kSignature));
        const auto rows = parseCsv(QString::fromUtf8(csv));
        QCOMPARE(rows.size(), 3);
        const QStringList header = rows.at(0);
        QCOMPARE(header, HistoryExport::csvColumns());
        const auto col = [&](const QStringList &row, const char *name) {
            return row.value(header.indexOf(QLatin1String(name)));
        };
        QCOMPARE(col(rows.at(1), "error"), QLatin1Char('\'') + tricky.error);
        QCOMPARE(col(rows.at(1), "user_name"), QStringLiteral("'@admin"));
        QCOMPARE(col(rows.at(1), "logout_token"),
                 QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.<redacted>"));
        QCOMPARE(col(rows.at(1), "http_status"), QStringLiteral("500"));
        QCOMPARE(col(rows.at(1), "state"), QStringLiteral("failed"));
        QCOMPARE(col(rows.at(2), "logout_token"), QStringLiteral("<redacted>"));

        const QString jsonPath = m_dir.filePath(QStringLiteral("out.json"));
        QVERIFY_OK(store->exportTo(jsonPath, HistoryStore::ExportFormat::Json, all));
        const QByteArray json = readAll(jsonPath);
        QVERIFY(!json.contains(kSignature));
        const QJsonObject doc = QJsonDocument::fromJson(json).object();
        QCOMPARE(doc.value(QStringLiteral("runs")).toArray().size(), 1);
        const QJsonArray deliveries = doc.value(QStringLiteral("deliveries")).toArray();
        QCOMPARE(deliveries.size(), 2);
        QCOMPARE(deliveries.at(0).toObject().value(QStringLiteral("error")).toString(), tricky.error);
        QVERIFY(deliveries.at(0)
                    .toObject()
                    .value(QStringLiteral("logout_token"))
                    .toString()
                    .endsWith(QStringLiteral(".<redacted>")));

        // An export of one run holds only that run.
        QVERIFY_OK(
            store->save(makeRun(QStringLiteral("run-y"), QDateTime::currentDateTimeUtc()),
                        {makeDelivery(QStringLiteral("s9"), QStringLiteral("app-a"), DeliveryState::Delivered)}));
        HistoryStore::DeliveryFilter one;
        one.runId = QStringLiteral("run-y");
        QVERIFY_OK(store->exportTo(jsonPath, HistoryStore::ExportFormat::Json, one));
        const QJsonObject single = QJsonDocument::fromJson(readAll(jsonPath)).object();
        QCOMPARE(single.value(QStringLiteral("deliveries")).toArray().size(), 1);
        QCOMPARE(single.value(QStringLiteral("runs")).toArray().at(0).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("run-y"));
    }

    void exportHoldsEveryMatchingDeliveryWhateverTheLimit()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("j.sqlite")));
        QVERIFY(store);
        QList<Delivery> many;
        for (int i = 0; i < 250; ++i)
            many << makeDelivery(QStringLiteral("s%1").arg(i), QStringLiteral("app-a"), DeliveryState::Delivered);
        QVERIFY_OK(store->save(makeRun(QStringLiteral("run-big"), QDateTime::currentDateTimeUtc()), many));
        HistoryStore::DeliveryFilter limited;
        limited.limit = 100;
        QCOMPARE(store->deliveries(limited)->size(), 100); // a listing is bounded
        const QString csvPath = m_dir.filePath(QStringLiteral("big.csv"));
        QVERIFY_OK(store->exportTo(csvPath, HistoryStore::ExportFormat::Csv, limited));
        QCOMPARE(parseCsv(QString::fromUtf8(readAll(csvPath))).size(), 1 + 250);
        const QString jsonPath = m_dir.filePath(QStringLiteral("big.json"));
        QVERIFY_OK(store->exportTo(jsonPath, HistoryStore::ExportFormat::Json, limited));
        const QJsonObject doc = QJsonDocument::fromJson(readAll(jsonPath)).object();
        QCOMPARE(doc.value(QStringLiteral("deliveries")).toArray().size(), 250);
        QCOMPARE(doc.value(QStringLiteral("runs")).toArray().size(), 1);
    }

    void exportToAnUnwritablePlaceFailsAndLeavesNothing()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("k.sqlite")));
        QVERIFY(store);
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/out.csv"));
        const Status s = store->exportTo(path, HistoryStore::ExportFormat::Csv, {});
        QVERIFY(!s.ok());
        QVERIFY(s.errorString().contains(path));
        QVERIFY(!QFile::exists(path));
    }

    void csvFieldRules_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << "abc"
                               << "abc";
        QTest::newRow("comma") << "a,b"
                               << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\""
                               << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "a\nb"
                                 << "\"a\nb\"";
        QTest::newRow("formula =") << "=1+1"
                                   << "'=1+1";
        QTest::newRow("formula +") << "+1"
                                   << "'+1";
        QTest::newRow("formula -") << "-1"
                                   << "'-1";
        QTest::newRow("formula @") << "@SUM(A1)"
                                   << "'@SUM(A1)";
        QTest::newRow("tab") << "\tx"
                             << "'\tx";
        QTest::newRow("formula and comma") << "=a,b"
                                           << "\"'=a,b\"";
        QTest::newRow("empty") << ""
                               << "";
    }
    void csvFieldRules()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(HistoryExport::csvField(in), out);
    }

    void purgesOldRunsWithTheirDeliveriesAndMockRequests()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("g.sqlite")));
        QVERIFY(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY_OK(
            store->save(makeRun(QStringLiteral("run-old"), now.addDays(-100)),
                        {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Delivered)}));
        QVERIFY_OK(
            store->save(makeRun(QStringLiteral("run-new"), now.addDays(-1)),
                        {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Delivered)}));
        mockrp::RequestRecord oldReq;
        oldReq.id = 1;
        oldReq.receivedAt = now.addDays(-100);
        oldReq.tokenSeen = true;
        oldReq.logoutToken = kToken;
        oldReq.status = 200;
        mockrp::RequestRecord newReq = oldReq;
        newReq.id = 2;
        newReq.receivedAt = now;
        QVERIFY_OK(store->saveMockRequests(QStringLiteral("mock-1"), {oldReq, newReq}));
        QCOMPARE(store->mockRequests(QStringLiteral("mock-1"))->size(), 2);

        const auto purged = store->purgeOlderThan(now.addDays(-90));
        QVERIFY2(purged.ok(), qPrintable(purged.errorString()));
        QCOMPARE(*purged, 1);
        QCOMPARE(store->runs({})->size(), 1);
        QCOMPARE(store->runs({})->first().id, QStringLiteral("run-new"));
        const auto left = store->deliveries({});
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->first().runId, QStringLiteral("run-new"));
        const auto requests = store->mockRequests({});
        QCOMPARE(requests->size(), 1);
        QCOMPARE(requests->first().value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(requests->first().value(QStringLiteral("mock_rp")).toString(), QStringLiteral("mock-1"));
        QCOMPARE(requests->first().value(QStringLiteral("logout_token")).toString().toLatin1(), kToken);
    }

    void aRunWithoutIdWritesNothing()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(store);
        RunInfo bad = makeRun(QString(), QDateTime::currentDateTimeUtc());
        QVERIFY(
            !store->save(bad, {makeDelivery(QStringLiteral("s1"), QStringLiteral("app-a"), DeliveryState::Failed)}));
        QCOMPARE(store->deliveries({})->size(), 0);
        QCOMPARE(store->runs({})->size(), 0);
    }

    void retentionFollowsTheSetting()
    {
        auto store = openStore(m_dir.filePath(QStringLiteral("i.sqlite")));
        QVERIFY(store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ManualClock clock(now);
        QVERIFY_OK(store->save(makeRun(QStringLiteral("run-40d"), now.addDays(-40)), {}));
        QVERIFY_OK(store->save(makeRun(QStringLiteral("run-20d"), now.addDays(-20)), {}));
        QSettings settings(m_dir.filePath(QStringLiteral("retention.ini")), QSettings::IniFormat);
        HistoryRetention retention(store.get(), &settings, &clock);
        QCOMPARE(HistoryRetention::days(&settings), 90); // the default keeps both
        QCOMPARE(retention.apply().value(), 0);
        settings.setValue(HistoryRetention::daysKey(), 0); // 0: keep everything
        clock.advanceSecs(3650LL * 24 * 3600);
        QCOMPARE(retention.apply().value(), 0);
        QCOMPARE(store->runs({})->size(), 2);
        clock.set(now);
        settings.setValue(HistoryRetention::daysKey(), 30);
        QSignalSpy purged(&retention, &HistoryRetention::purged);
        QCOMPARE(retention.apply().value(), 1);
        QCOMPARE(purged.size(), 1);
        QCOMPARE(store->runs({})->first().id, QStringLiteral("run-20d"));
        settings.setValue(HistoryRetention::daysKey(), QStringLiteral("nonsense"));
        QCOMPARE(HistoryRetention::days(&settings), 90);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
