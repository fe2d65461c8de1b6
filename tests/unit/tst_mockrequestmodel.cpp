// MockRequestModel: records enter in batches (one beginInsertRows per flush, never one per
// record), and past the capacity the oldest leave in bulk; cells say what the record says.
#include "items/MockRequestModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace signoff;
using signoff::mockrp::RequestRecord;

namespace {
RequestRecord record(quint64 id, bool valid = true)
{
    RequestRecord r;
    r.id = id;
    r.receivedAt = QDateTime::fromSecsSinceEpoch(1'790'000'000 + qint64(id), Qt::UTC);
    r.peer = QStringLiteral("127.0.0.1:%1").arg(40000 + id % 1000);
    r.method = "POST";
    r.target = "/backchannel-logout";
    r.tokenSeen = true;
    r.logoutToken = "eyJhbGciOiJSUzI1NiJ9.e30.sig";
    r.report.valid = valid;
    r.report.verdicts = {{jose::Rule::Signature, jose::VerdictLevel::Pass, QLatin1String("sig_valid"), QString()},
                         {jose::Rule::Aud, valid ? jose::VerdictLevel::Pass : jose::VerdictLevel::Fail,
                          QLatin1String(valid ? "aud_match" : "aud_mismatch"), QStringLiteral("aud")},
                         {jose::Rule::Exp, valid ? jose::VerdictLevel::Pass : jose::VerdictLevel::Fail,
                          QLatin1String(valid ? "exp_valid" : "exp_missing"), QStringLiteral("exp")}};
    r.verdictStatus = r.status = valid ? 200 : 400;
    r.latencyMs = 3;
    return r;
}

quint64 idAt(const MockRequestModel &m, int row)
{
    return m.index(row, 0).data(MockRequestModel::RecordIdRole).toULongLong();
}
} // namespace

class TestMockRequestModel : public QObject
{
    Q_OBJECT

private slots:
    void aFloodEntersAsOneBatch()
    {
        MockRequestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        constexpr int kFlood = 20000;
        for (int i = 1; i <= kFlood; ++i)
            model.append(QStringLiteral("rp"), record(quint64(i)));
        // Nothing enters while the records arrive: the view is not relaid out per record.
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.pendingCount(), qsizetype(kFlood));
        // The flush timer, not the test, moves them in: all of them, with one insert.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kFlood, 30000);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), kFlood - 1);
        QCOMPARE(idAt(model, 0), quint64(1));
        QCOMPARE(idAt(model, kFlood - 1), quint64(kFlood));
        QCOMPARE(model.pendingCount(), qsizetype(0));

        // A later batch goes after it, again as one insert.
        for (int i = kFlood + 1; i <= kFlood + 10; ++i)
            model.append(QStringLiteral("rp"), record(quint64(i)));
        model.flush();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.last().at(1).toInt(), kFlood);
        QCOMPARE(model.rowCount(), kFlood + 10);
    }

    void theOldestLeaveInBulk()
    {
        MockRequestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(1000);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // More than the capacity in one batch: only the newest 1000 enter.
        for (quint64 i = 1; i <= 2500; ++i)
            model.append(QStringLiteral("rp"), record(i));
        model.flush();
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(idAt(model, 0), quint64(1501));
        QCOMPARE(idAt(model, 999), quint64(2500));
        QCOMPARE(model.droppedCount(), quint64(1500));
        QCOMPARE(inserted.count(), 1);

        // Full: one more record makes a tenth of the rows leave at once, in one remove.
        model.append(QStringLiteral("rp"), record(2501));
        model.flush();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 99);
        QCOMPARE(model.rowCount(), 901);
        QCOMPARE(idAt(model, 0), quint64(1601));
        QCOMPARE(idAt(model, 900), quint64(2501));

        // So the next 99 batches of one record remove nothing.
        for (quint64 i = 2502; i <= 2600; ++i) {
            model.append(QStringLiteral("rp"), record(i));
            model.flush();
        }
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(idAt(model, 999), quint64(2600));
        QCOMPARE(model.droppedCount(), quint64(1600));

        // A long flood in many batches never holds more than the capacity.
        for (quint64 i = 2601; i <= 20000; ++i) {
            model.append(QStringLiteral("rp"), record(i));
            if (i % 777 == 0)
                model.flush();
            QVERIFY(model.rowCount() <= 1000);
        }
        model.flush();
        QVERIFY(model.rowCount() <= 1000 && model.rowCount() >= 900);
        QCOMPARE(idAt(model, model.rowCount() - 1), quint64(20000));
        QCOMPARE(quint64(model.rowCount()) + model.droppedCount(), quint64(20000));

        // Lowering the capacity drops at once; clear forgets everything.
        model.setCapacity(10);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(idAt(model, 9), quint64(20000));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedCount(), quint64(0));
    }

    void wholeRecordsForTheMostRecentOnly()
    {
        MockRequestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDetailCapacity(10);
        for (quint64 i = 1; i <= 25; ++i)
            model.append(QStringLiteral("rp"), record(i, i % 2 == 0));
        model.flush();
        QCOMPARE(model.rowCount(), 25);
        for (int row = 0; row < 25; ++row) {
            const mockrp::RequestRecord *r = model.record(row);
            QCOMPARE(r != nullptr, row >= 15);
            if (r) {
                QCOMPARE(r->id, quint64(row + 1));
                QCOMPARE(r->report.valid, (row + 1) % 2 == 0);
            }
            // The row itself keeps what the table shows, whatever its age.
            QCOMPARE(model.index(row, MockRequestModel::FailedRulesColumn).data().toString(),
                     (row + 1) % 2 == 0 ? QString() : QStringLiteral("aud, exp"));
        }
        QVERIFY(!model.record(25));
        QVERIFY(!model.record(-1));
        // Across batches and with rows leaving: still the newest, still matching their rows.
        model.setCapacity(12);
        for (quint64 i = 26; i <= 40; ++i) {
            model.append(QStringLiteral("rp"), record(i));
            model.flush();
        }
        QVERIFY(model.rowCount() <= 12);
        const int last = model.rowCount() - 1;
        QCOMPARE(model.record(last)->id, quint64(40));
        QCOMPARE(model.record(last - 9)->id, quint64(31));
        QVERIFY(!model.record(last - 10));
        model.setDetailCapacity(3);
        QCOMPARE(model.record(last - 2)->id, quint64(38));
        QVERIFY(!model.record(last - 3));
        model.clear();
        QVERIFY(!model.record(0));
        model.append(QStringLiteral("rp"), record(41));
        model.flush();
        QCOMPARE(model.record(0)->id, quint64(41));

        // A queue longer than the detail capacity keeps whole records for its newest only.
        model.setCapacity(100);
        model.setDetailCapacity(5);
        for (quint64 i = 42; i <= 60; ++i)
            model.append(QStringLiteral("rp"), record(i));
        model.flush();
        QCOMPARE(model.rowCount(), 20);
        for (int row = 0; row < 20; ++row) {
            QCOMPARE(model.record(row) != nullptr, row >= 15);
            QCOMPARE(model.index(row, 0).data(MockRequestModel::RecordIdRole).toULongLong(), quint64(41 + row));
        }
        QCOMPARE(model.record(15)->id, quint64(56));
    }

    void cellsSayWhatTheRecordSays()
    {
        MockRequestModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RequestRecord refused;
        refused.id = 3;
        refused.receivedAt = QDateTime::currentDateTimeUtc();
        refused.requestError = QStringLiteral("method GET not allowed");
        refused.status = refused.verdictStatus = 405;
        RequestRecord relayed = record(4);
        relayed.relay = mockrp::RelayOutcome{QUrl(QStringLiteral("http://127.0.0.1:1/bcl")), 200, 12, {}};
        RequestRecord dropped = record(5);
        dropped.dropped = true;
        dropped.status = 0;
        dropped.relay = mockrp::RelayOutcome{QUrl(QStringLiteral("http://127.0.0.1:1/bcl")), 0, 0,
                                             QStringLiteral("Connection refused")};
        model.append(QStringLiteral("first"), record(1));
        model.append(QStringLiteral("second"), record(2, false));
        model.append(QStringLiteral("third"), refused);
        model.append(QStringLiteral("third"), relayed);
        model.append(QStringLiteral("third"), dropped);
        model.flush();
        auto cell = [&model](int row, int col) { return model.index(row, col).data().toString(); };
        using M = MockRequestModel;
        QCOMPARE(cell(0, M::MockRpColumn), QStringLiteral("first"));
        QCOMPARE(cell(0, M::StatusColumn), QStringLiteral("200"));
        QCOMPARE(cell(0, M::VerdictColumn), QStringLiteral("valid"));
        QCOMPARE(cell(0, M::FailedRulesColumn), QString());
        QCOMPARE(cell(0, M::LatencyColumn), QStringLiteral("3 ms"));
        QCOMPARE(cell(0, M::PeerColumn), QStringLiteral("127.0.0.1:40001"));
        QCOMPARE(model.index(0, 0).data(M::OutcomeRole).toString(), QStringLiteral("valid"));
        QCOMPARE(cell(1, M::VerdictColumn), QStringLiteral("invalid"));
        QCOMPARE(cell(1, M::FailedRulesColumn), QStringLiteral("aud, exp"));
        QCOMPARE(cell(1, M::StatusColumn), QStringLiteral("400"));
        QCOMPARE(model.index(1, 0).data(M::OutcomeRole).toString(), QStringLiteral("invalid"));
        QCOMPARE(cell(2, M::VerdictColumn), QStringLiteral("refused: method GET not allowed"));
        QCOMPARE(model.index(2, 0).data(M::OutcomeRole).toString(), QStringLiteral("refused"));
        QCOMPARE(cell(3, M::RelayColumn), QStringLiteral("200 (12 ms)"));
        QCOMPARE(cell(4, M::StatusColumn), QStringLiteral("dropped"));
        QCOMPARE(cell(4, M::RelayColumn), QStringLiteral("failed: Connection refused"));
        QCOMPARE(cell(0, M::TimeColumn), record(1).receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
        QCOMPARE(model.index(0, M::TimeColumn).data(Qt::ToolTipRole).toString(),
                 record(1).receivedAt.toLocalTime().toString(Qt::ISODateWithMs));
        QCOMPARE(model.headerData(M::VerdictColumn, Qt::Horizontal).toString(), QStringLiteral("Verdict"));
    }
};

QTEST_GUILESS_MAIN(TestMockRequestModel)
#include "tst_mockrequestmodel.moc"
