#include "items/DeliveryFilterModel.h"
#include "items/DeliveryModel.h"
#include "items/HistoryDeliveryModel.h"
#include "items/RpSummaryModel.h"
#include "logout/DeliveryLedger.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <numeric>

using namespace signoff;
using namespace signoff::logout;

namespace {
const QStringList kClients{QStringLiteral("demo-healthy"), QStringLiteral("demo-slow"), QStringLiteral("demo-failing")};
const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

// sessions × the three RPs, users user-<session % 4>.
std::unique_ptr<DeliveryLedger> ledger(const QString &runId, int sessions)
{
    auto l = std::make_unique<DeliveryLedger>(runId);
    for (int s = 0; s < sessions; ++s) {
        for (const QString &c : kClients) {
            Delivery d;
            d.sessionId = QStringLiteral("sess-%1").arg(s);
            d.userId = QStringLiteral("user-%1").arg(s % 4);
            d.userName = QStringLiteral("User %1").arg(s % 4);
            d.clientId = c;
            l->add(d);
        }
    }
    return l;
}

QList<int> allRows(const DeliveryLedger &l)
{
    QList<int> rows(l.size());
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

// The IdP's report for one row: delivered in latency ms, or failed with 500.
OutcomeReport report(const Delivery &d, DeliveryState state, double latency)
{
    OutcomeReport r;
    r.source = OutcomeSource::Idp;
    r.sessionId = d.sessionId;
    r.clientId = d.clientId;
    r.state = state;
    r.httpStatus = state == DeliveryState::Delivered ? 200 : 500;
    r.latencyMs = latency;
    if (state == DeliveryState::Failed)
        r.error = QStringLiteral("HTTP 500 from the RP");
    return r;
}

QList<int> apply(DeliveryLedger &l, const QList<int> &rows, DeliveryState state, double latency = 10)
{
    QList<int> changed;
    for (const int row : rows) {
        if (const auto c = l.apply(report(l.at(row), state, latency + row), kNow))
            changed.append(*c);
    }
    return changed;
}

struct Range
{
    int top;
    int bottom;
};
QList<Range> ranges(const QSignalSpy &spy)
{
    QList<Range> out;
    for (const auto &args : spy)
        out.append({args.at(0).toModelIndex().row(), args.at(1).toModelIndex().row()});
    return out;
}
} // namespace

class TestDeliveryModel : public QObject
{
    Q_OBJECT

private slots:
    // Staged rows enter only at the flush, all of them with one insert; the model and its proxy
    // stay consistent (the testers abort on the first broken rule) through inserts and changes.
    void aBatchEntersWithOneInsert()
    {
        auto l = ledger(QStringLiteral("run-a"), 100);
        DeliveryModel model;
        DeliveryFilterModel filter(&model);
        QAbstractItemModelTester t1(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester t2(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        filter.sort(DeliveryModel::StateColumn);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.stage(*l, allRows(*l));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.stagedCount(), 300);
        model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(filter.rowCount(), 300);
        QCOMPARE(model.at(4).sessionId, QStringLiteral("sess-1"));
        QCOMPARE(model.at(4).clientId, QStringLiteral("demo-slow"));
        QCOMPARE(model.rowOf(QStringLiteral("run-a"), 4), 4);
        QCOMPARE(model.index(4, DeliveryModel::StateColumn).data().toString(),
                 deliveryStateLabel(DeliveryState::Pending));
        QCOMPARE(model.index(4, DeliveryModel::StateColumn).data(DeliveryModel::StateRole).toInt(),
                 int(DeliveryState::Pending));
    }

    // The History page shows a delivery as the Deliveries page does: every cell, tooltip,
    // alignment, sort key and header of its columns equals the live model's (which adds Run),
    // but for the source of a row that has no list of sources.
    void historyCellsMatchTheLiveOnes()
    {
        auto l = ledger(QStringLiteral("run-a"), 2);
        apply(*l, {0, 3}, DeliveryState::Delivered, 12.4);
        apply(*l, {1, 4}, DeliveryState::Failed, 1234.5);
        DeliveryModel live;
        live.stage(*l, allRows(*l));
        live.flush();
        HistoryDeliveryModel history;
        QList<Delivery> rows;
        for (int r = 0; r < live.rowCount(); ++r)
            rows << live.at(r);
        history.setDeliveries(rows);
        QCOMPARE(history.rowCount(), live.rowCount());
        QCOMPARE(history.columnCount(), live.columnCount() - 1);
        for (int c = 0; c < history.columnCount(); ++c)
            QCOMPARE(history.headerData(c, Qt::Horizontal), live.headerData(c + 1, Qt::Horizontal));
        const QList<int> roles{Qt::DisplayRole, Qt::ToolTipRole, Qt::TextAlignmentRole};
        for (int r = 0; r < history.rowCount(); ++r) {
            for (int c = 0; c < history.columnCount(); ++c) {
                for (int role : roles) {
                    if (c == HistoryDeliveryModel::SourceColumn && role == Qt::DisplayRole &&
                        history.at(r).sources.isEmpty())
                        continue; // the one difference, checked below
                    QCOMPARE(history.index(r, c).data(role), live.index(r, c + 1).data(role));
                }
                QCOMPARE(history.index(r, c).data(HistoryDeliveryModel::SortRole),
                         live.index(r, c + 1).data(DeliveryModel::SortRole));
            }
        }
        QCOMPARE(history.index(1, HistoryDeliveryModel::HttpStatusColumn).data().toString(), QStringLiteral("500"));
        // A stored row without its list of sources names the one that decided it.
        QVERIFY(history.at(2).sources.isEmpty());
        QCOMPARE(history.index(2, HistoryDeliveryModel::SourceColumn).data().toString(), QStringLiteral("prediction"));
        QCOMPARE(history.index(0, HistoryDeliveryModel::SourceColumn).data().toString(), QStringLiteral("idp"));
        QCOMPARE(history.index(1, HistoryDeliveryModel::ErrorColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("HTTP 500 from the RP"));
    }

    // A contiguous block of changes is one dataChanged; a few scattered blocks are one each; a
    // flood of scattered changes is one spanning range, never one signal per row.
    void changesAreCoalescedIntoRanges()
    {
        auto l = ledger(QStringLiteral("run-a"), 1000);
        DeliveryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.stage(*l, allRows(*l));
        model.flush();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        QList<int> block(200);
        std::iota(block.begin(), block.end(), 50);
        model.stage(*l, apply(*l, block, DeliveryState::Delivered));
        model.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ranges(changed).first().top, 50);
        QCOMPARE(ranges(changed).first().bottom, 249);
        QCOMPARE(model.at(120).state, DeliveryState::Delivered);
        QCOMPARE(model.index(120, DeliveryModel::HttpStatusColumn).data().toString(), QStringLiteral("200"));

        changed.clear();
        model.stage(*l, apply(*l, {1000, 1001, 1002, 2000, 2500, 2501}, DeliveryState::Failed));
        model.flush();
        QCOMPARE(changed.count(), 3);

        changed.clear();
        QList<int> scattered;
        for (int r = 300; r < 3000; r += 3)
            scattered.append(r);
        model.stage(*l, apply(*l, scattered, DeliveryState::Failed));
        model.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ranges(changed).first().top, 300);
        QCOMPARE(ranges(changed).first().bottom, 2997);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(model.at(2997).state, DeliveryState::Failed);
        QCOMPARE(model.at(2998).state, DeliveryState::Pending);
    }

    // A row staged twice before a flush enters once, as its newest copy.
    void aRowStagedTwiceEntersOnceAsItsNewestCopy()
    {
        auto l = ledger(QStringLiteral("run-a"), 2);
        DeliveryModel model;
        model.stage(*l, {0, 1});
        OutcomeReport r = report(l->at(0), DeliveryState::Pending, 0);
        r.source = OutcomeSource::MockRp;
        r.tokenJti = QStringLiteral("jti-1");
        l->apply(r, kNow);
        model.stage(*l, {0});
        model.stage(*l, apply(*l, {0}, DeliveryState::Delivered, 42));
        QCOMPARE(model.stagedCount(), 2);
        QSignalSpy flushed(&model, &DeliveryModel::flushed);
        model.flush();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(flushed.count(), 1);
        QCOMPARE(flushed.first().at(0).toInt(), 2);
        QCOMPARE(model.at(0).state, DeliveryState::Delivered);
        QCOMPARE(model.at(0).latencyMs, 42.0);
        QCOMPARE(model.at(0).tokenJti, QStringLiteral("jti-1"));
        QCOMPARE(model.at(0).sources, (QStringList{QStringLiteral("mock_rp"), QStringLiteral("idp")}));
    }

    // Rows are copied when staged: a run (and its ledger) gone before the flush loses nothing.
    void stagedRowsSurviveTheirLedger()
    {
        DeliveryModel model;
        {
            auto l = ledger(QStringLiteral("run-gone"), 5);
            model.stage(*l, apply(*l, allRows(*l), DeliveryState::Failed));
        }
        model.flush();
        QCOMPARE(model.rowCount(), 15);
        QCOMPARE(model.at(14).error, QStringLiteral("HTTP 500 from the RP"));
    }

    // Without an explicit flush, the timer brings staged rows in.
    void theTimerFlushes()
    {
        auto l = ledger(QStringLiteral("run-a"), 3);
        DeliveryModel model;
        model.setFlushInterval(10);
        model.stage(*l, allRows(*l));
        QCOMPARE(model.rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 9, 10000);
    }

    // Two runs: rows in the order they became known, each run's rows found again by ledger row.
    void rowsOfSeveralRuns()
    {
        auto a = ledger(QStringLiteral("run-a"), 2);
        auto b = ledger(QStringLiteral("run-b"), 1);
        DeliveryModel model;
        model.stage(*a, {0, 1, 2});
        model.stage(*b, allRows(*b));
        model.flush();
        model.stage(*a, {3, 4, 5});
        model.stage(*b, apply(*b, {1}, DeliveryState::Delivered));
        model.flush();
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.runIds(), (QStringList{QStringLiteral("run-a"), QStringLiteral("run-b")}));
        QCOMPARE(model.rowOf(QStringLiteral("run-b"), 1), 4);
        QCOMPARE(model.at(4).state, DeliveryState::Delivered);
        QCOMPARE(model.rowOf(QStringLiteral("run-a"), 3), 6);
        QCOMPARE(model.rowsOfRun(QStringLiteral("run-b")), (QList<int>{3, 4, 5}));
        QCOMPARE(model.rowsOfRun({}).size(), 9);
    }

    void theFilterTakesRunStateRpAndText()
    {
        auto a = ledger(QStringLiteral("run-a"), 10);
        auto b = ledger(QStringLiteral("run-b"), 10);
        apply(*a, {0, 1, 2}, DeliveryState::Delivered);
        apply(*a, {5}, DeliveryState::Failed);
        DeliveryModel model;
        DeliveryFilterModel filter(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.stage(*a, allRows(*a));
        model.stage(*b, allRows(*b));
        model.flush();
        QCOMPARE(filter.rowCount(), 60);
        filter.setRunId(QStringLiteral("run-a"));
        QCOMPARE(filter.rowCount(), 30);
        filter.setState(DeliveryState::Delivered);
        QCOMPARE(filter.rowCount(), 3);
        filter.setClientId(QStringLiteral("demo-slow"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setClientId({});
        filter.setState(std::nullopt);
        filter.setText(QStringLiteral("HTTP 500"));
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QStringLiteral("sess-7"));
        QCOMPARE(filter.rowCount(), 3);
        filter.setText(QStringLiteral("user 3")); // "User 3", case-insensitive
        QCOMPARE(filter.rowCount(), 6);           // sessions 3 and 7, three RPs each
        filter.setRunId({});
        QCOMPARE(filter.rowCount(), 12);
        // A row that changes state enters or leaves the filtered view.
        filter.setText({});
        filter.setState(DeliveryState::Failed);
        QCOMPARE(filter.rowCount(), 1);
        model.stage(*b, apply(*b, {7, 8}, DeliveryState::Failed));
        model.flush();
        QCOMPARE(filter.rowCount(), 3);
    }

    // The per-RP summary agrees with the ledger's own rpSummaries, per run and over both runs.
    void theSummaryMatchesTheLedger()
    {
        auto a = ledger(QStringLiteral("run-a"), 40);
        auto b = ledger(QStringLiteral("run-b"), 10);
        QList<int> rows = allRows(*a);
        apply(*a, rows.mid(0, 60), DeliveryState::Delivered, 5);
        apply(*a, rows.mid(60, 20), DeliveryState::Failed, 100);
        OutcomeReport timeout = report(a->at(90), DeliveryState::TimedOut, 0);
        timeout.httpStatus.reset();
        timeout.latencyMs.reset();
        a->apply(timeout, kNow);
        a->settlePending({QStringLiteral("sess-39")}, DeliveryState::Unconfirmed, QStringLiteral("not reported"), kNow);
        apply(*b, allRows(*b), DeliveryState::Delivered, 1);

        DeliveryModel model;
        RpSummaryModel summary(&model);
        QAbstractItemModelTester tester(&summary, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.stage(*a, allRows(*a));
        model.stage(*b, allRows(*b));
        model.flush();
        summary.setRunId(QStringLiteral("run-a"));
        summary.recompute();
        const QList<RpSummary> expected = a->rpSummaries();
        QCOMPARE(summary.rowCount(), expected.size());
        for (int i = 0; i < expected.size(); ++i) {
            const RpSummary &got = summary.at(i);
            QCOMPARE(got.clientId, expected.at(i).clientId);
            QCOMPARE(got.counts.toJson(), expected.at(i).counts.toJson());
            QCOMPARE(got.p50Ms, expected.at(i).p50Ms);
            QCOMPARE(got.p95Ms, expected.at(i).p95Ms);
        }
        const int slow = summary.rowOfClient(QStringLiteral("demo-slow"));
        QVERIFY(slow >= 0);
        QCOMPARE(summary.index(slow, RpSummaryModel::FailedColumn).data().toString(),
                 QString::number(expected.at(slow).counts.failed));
        QVERIFY(expected.at(slow).counts.failed > 0);

        summary.setRunId({});
        QCOMPARE(summary.at(summary.rowOfClient(QStringLiteral("demo-slow"))).counts.total(), 50);
        QCOMPARE(summary.at(summary.rowOfClient(QStringLiteral("demo-slow"))).counts.delivered,
                 expected.at(slow).counts.delivered + 10);
    }

    // After outcomes flow, the summary follows by itself (its own timer after the model's flush).
    void theSummaryFollowsTheModel()
    {
        auto a = ledger(QStringLiteral("run-a"), 4);
        DeliveryModel model;
        RpSummaryModel summary(&model);
        model.setFlushInterval(5);
        summary.setInterval(5);
        model.stage(*a, allRows(*a));
        QTRY_COMPARE_WITH_TIMEOUT(summary.rowCount(), 3, 10000);
        QCOMPARE(summary.at(0).counts.pending, 4);
        model.stage(*a, apply(*a, allRows(*a), DeliveryState::Delivered));
        QTRY_COMPARE_WITH_TIMEOUT(summary.at(0).counts.delivered, 4, 10000);
        QCOMPARE(summary.at(0).counts.pending, 0);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryModel)
#include "tst_deliverymodel.moc"
