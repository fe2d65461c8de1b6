#include "logout/DeliveryLedger.h"

#include <QTest>

using namespace signoff::logout;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

Delivery delivery(const QString &session, const QString &client, const QString &user = QStringLiteral("alice"),
                  const QString &sid = {})
{
    Delivery d;
    d.sessionId = session;
    d.clientId = client;
    d.userId = user;
    d.sid = sid;
    return d;
}

OutcomeReport report(OutcomeSource source, DeliveryState state, std::optional<int> status = std::nullopt)
{
    OutcomeReport r;
    r.source = source;
    r.state = state;
    r.httpStatus = status;
    return r;
}

OutcomeReport forRow(OutcomeReport r, const QString &session, const QString &client)
{
    r.sessionId = session;
    r.clientId = client;
    return r;
}
} // namespace

class TestDeliveryLedger : public QObject
{
    Q_OBJECT

private slots:
    void addKeepsOneRowPerSessionAndClient();
    void predictedSkipIsFinalAtOnce();
    void idpReportDecides();
    void neverDeliveredWithoutA2xx_data();
    void neverDeliveredWithoutA2xx();
    void idpWinsOverMockRp();
    void mockRpAddsEvidenceToIdpOutcome();
    void mockRpUpgradesUnconfirmed();
    void mockRpSettlesAPredictedSkipThatWasSent();
    void signoffSettlesOnlyPending();
    void lateIdpReportOverridesSignoff();
    void matchesByJti();
    void matchesBySid();
    void matchesBySubOnlyUntokenedRows();
    void unmatchedReportChangesNothing();
    void reopenPredictedUndoesOnlyPredictions();
    void countsAndSummaries();
};

void TestDeliveryLedger::addKeepsOneRowPerSessionAndClient()
{
    DeliveryLedger ledger(QStringLiteral("run-1"));
    const int a = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    const int b = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("mail")));
    QCOMPARE(ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop"))), a);
    QCOMPARE(ledger.size(), 2);
    QVERIFY(a != b);
    QCOMPARE(ledger.at(a).runId, QStringLiteral("run-1"));
    QCOMPARE(ledger.find(QStringLiteral("s1"), QStringLiteral("mail")), std::optional<int>(b));
    QCOMPARE(ledger.rowsOfSession(QStringLiteral("s1")), (QList<int>{a, b}));
    QVERIFY(!ledger.allFinal());
}

void TestDeliveryLedger::predictedSkipIsFinalAtOnce()
{
    DeliveryLedger ledger;
    Delivery d = delivery(QStringLiteral("s1"), QStringLiteral("nobcl"));
    d.state = DeliveryState::Skipped;
    d.error = QStringLiteral("no back-channel URI");
    const int row = ledger.add(d);
    QVERIFY(ledger.allFinal());
    QCOMPARE(ledger.at(row).sources, QStringList{QStringLiteral("prediction")});
    QCOMPARE(ledger.counts().skipped, 1);
}

void TestDeliveryLedger::idpReportDecides()
{
    DeliveryLedger ledger;
    const int row = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    OutcomeReport r =
        forRow(report(OutcomeSource::Idp, DeliveryState::Failed, 500), QStringLiteral("s1"), QStringLiteral("shop"));
    r.error = QStringLiteral("got 500");
    r.latencyMs = 12.5;
    QCOMPARE(ledger.apply(r, kNow), std::optional<int>(row));
    const Delivery &d = ledger.at(row);
    QCOMPARE(d.state, DeliveryState::Failed);
    QCOMPARE(d.source, OutcomeSource::Idp);
    QCOMPARE(d.httpStatus, std::optional<int>(500));
    QCOMPARE(d.latencyMs, std::optional<double>(12.5));
    QCOMPARE(d.error, QStringLiteral("got 500"));
    QCOMPARE(d.updatedAt, kNow);
    // A second IdP report for the same delivery is no news.
    QVERIFY(!ledger.apply(
        forRow(report(OutcomeSource::Idp, DeliveryState::Delivered, 200), QStringLiteral("s1"), QStringLiteral("shop")),
        kNow));
    QCOMPARE(ledger.at(row).state, DeliveryState::Failed);
    // Pending is no outcome.
    const int other = ledger.add(delivery(QStringLiteral("s2"), QStringLiteral("shop")));
    ledger.apply(
        forRow(report(OutcomeSource::Idp, DeliveryState::Pending), QStringLiteral("s2"), QStringLiteral("shop")), kNow);
    QCOMPARE(ledger.at(other).state, DeliveryState::Pending);
}

void TestDeliveryLedger::neverDeliveredWithoutA2xx_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<std::optional<int>>("status");
    QTest::addColumn<bool>("delivered");
    for (auto source : {OutcomeSource::Idp, OutcomeSource::MockRp, OutcomeSource::Relay, OutcomeSource::Signoff}) {
        const QByteArray id = outcomeSourceId(source).latin1();
        QTest::newRow(QByteArray(id + " no status").constData()) << int(source) << std::optional<int>() << false;
        QTest::newRow(QByteArray(id + " 500").constData()) << int(source) << std::optional<int>(500) << false;
        QTest::newRow(QByteArray(id + " 302").constData()) << int(source) << std::optional<int>(302) << false;
        QTest::newRow(QByteArray(id + " 200").constData()) << int(source) << std::optional<int>(200) << true;
        QTest::newRow(QByteArray(id + " 204").constData()) << int(source) << std::optional<int>(204) << true;
    }
}

void TestDeliveryLedger::neverDeliveredWithoutA2xx()
{
    QFETCH(int, source);
    QFETCH(std::optional<int>, status);
    QFETCH(bool, delivered);
    DeliveryLedger ledger;
    const int row = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    ledger.apply(forRow(report(OutcomeSource(source), DeliveryState::Delivered, status), QStringLiteral("s1"),
                        QStringLiteral("shop")),
                 kNow);
    QCOMPARE(ledger.at(row).state == DeliveryState::Delivered, delivered);
    QVERIFY(isFinal(ledger.at(row).state));
    QCOMPARE(ledger.counts().delivered, delivered ? 1 : 0);
}

void TestDeliveryLedger::idpWinsOverMockRp()
{
    DeliveryLedger ledger;
    const int row = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    OutcomeReport mock = report(OutcomeSource::MockRp, DeliveryState::Delivered, 200);
    mock.clientId = QStringLiteral("shop");
    mock.sub = QStringLiteral("alice");
    mock.tokenJti = QStringLiteral("jti-1");
    mock.logoutToken = "a.b.c";
    QCOMPARE(ledger.apply(mock, kNow), std::optional<int>(row));
    QCOMPARE(ledger.at(row).state, DeliveryState::Delivered);
    QCOMPARE(ledger.at(row).source, OutcomeSource::MockRp);

    // The IdP gave up waiting (the mock RP answered too late for it): the IdP's view stands.
    OutcomeReport idp =
        forRow(report(OutcomeSource::Idp, DeliveryState::TimedOut), QStringLiteral("s1"), QStringLiteral("shop"));
    idp.tokenJti = QStringLiteral("jti-1");
    QCOMPARE(ledger.apply(idp, kNow), std::optional<int>(row));
    const Delivery &d = ledger.at(row);
    QCOMPARE(d.state, DeliveryState::TimedOut);
    QCOMPARE(d.source, OutcomeSource::Idp);
    QCOMPARE(d.sources, (QStringList{QStringLiteral("mock_rp"), QStringLiteral("idp")}));
    QCOMPARE(d.logoutToken, QByteArray("a.b.c")); // the evidence stays
}

void TestDeliveryLedger::mockRpAddsEvidenceToIdpOutcome()
{
    DeliveryLedger ledger;
    const int row = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    OutcomeReport idp =
        forRow(report(OutcomeSource::Idp, DeliveryState::Delivered, 200), QStringLiteral("s1"), QStringLiteral("shop"));
    idp.tokenJti = QStringLiteral("jti-9");
    ledger.apply(idp, kNow);

    OutcomeReport mock = report(OutcomeSource::MockRp, DeliveryState::Failed, 400);
    mock.clientId = QStringLiteral("shop");
    mock.tokenJti = QStringLiteral("jti-9");
    mock.logoutToken = "h.p.s";
    mock.validation = QJsonObject{{QStringLiteral("valid"), false}};
    QCOMPARE(ledger.apply(mock, kNow), std::optional<int>(row));
    const Delivery &d = ledger.at(row);
    QCOMPARE(d.state, DeliveryState::Delivered);
    QCOMPARE(d.httpStatus, std::optional<int>(200));
    QCOMPARE(d.logoutToken, QByteArray("h.p.s"));
    QCOMPARE(d.validation.value(QStringLiteral("valid")).toBool(true), false);
    QCOMPARE(d.sources, (QStringList{QStringLiteral("idp"), QStringLiteral("mock_rp")}));
    // The same observation again changes nothing.
    QVERIFY(!ledger.apply(mock, kNow));
}

void TestDeliveryLedger::mockRpUpgradesUnconfirmed()
{
    DeliveryLedger ledger;
    const int row = ledger.add(
        delivery(QStringLiteral("s1"), QStringLiteral("shop"), QStringLiteral("u1"), QStringLiteral("sid-1")));
    ledger.settlePending({}, DeliveryState::Unconfirmed, QStringLiteral("Keycloak does not report"), kNow);
    QCOMPARE(ledger.at(row).state, DeliveryState::Unconfirmed);
    QVERIFY(ledger.allFinal());

    OutcomeReport relay = report(OutcomeSource::Relay, DeliveryState::Delivered, 204);
    relay.clientId = QStringLiteral("shop");
    relay.sid = QStringLiteral("sid-1");
    relay.latencyMs = 40;
    QCOMPARE(ledger.apply(relay, kNow), std::optional<int>(row));
    QCOMPARE(ledger.at(row).state, DeliveryState::Delivered);
    QCOMPARE(ledger.at(row).source, OutcomeSource::Relay);
    QCOMPARE(ledger.at(row).error, QString());
    QCOMPARE(ledger.at(row).sources, (QStringList{QStringLiteral("signoff"), QStringLiteral("relay")}));
}

void TestDeliveryLedger::mockRpSettlesAPredictedSkipThatWasSent()
{
    DeliveryLedger ledger;
    Delivery d = delivery(QStringLiteral("s1"), QStringLiteral("shop"), QStringLiteral("u1"), QStringLiteral("sid"));
    d.state = DeliveryState::Skipped;
    d.error = QStringLiteral("the IdP refuses private addresses");
    const int row = ledger.add(d);
    OutcomeReport mock = report(OutcomeSource::MockRp, DeliveryState::Delivered, 200);
    mock.clientId = QStringLiteral("shop");
    mock.sid = QStringLiteral("sid");
    ledger.apply(mock, kNow);
    QCOMPARE(ledger.at(row).state, DeliveryState::Delivered);
    QCOMPARE(ledger.at(row).source, OutcomeSource::MockRp);
}

void TestDeliveryLedger::signoffSettlesOnlyPending()
{
    DeliveryLedger ledger;
    const int done = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    const int open = ledger.add(delivery(QStringLiteral("s2"), QStringLiteral("shop")));
    const int other = ledger.add(delivery(QStringLiteral("s3"), QStringLiteral("shop")));
    ledger.apply(
        forRow(report(OutcomeSource::Idp, DeliveryState::Delivered, 200), QStringLiteral("s1"), QStringLiteral("shop")),
        kNow);
    const QList<int> changed = ledger.settlePending({QStringLiteral("s1"), QStringLiteral("s2")},
                                                    DeliveryState::Skipped, QStringLiteral("cancelled"), kNow);
    QCOMPARE(changed, QList<int>{open});
    QCOMPARE(ledger.at(done).state, DeliveryState::Delivered);
    QCOMPARE(ledger.at(open).state, DeliveryState::Skipped);
    QCOMPARE(ledger.at(open).source, OutcomeSource::Signoff);
    QCOMPARE(ledger.at(open).error, QStringLiteral("cancelled"));
    QCOMPARE(ledger.at(other).state, DeliveryState::Pending);

    // A Signoff conclusion never overrides a source's outcome.
    QVERIFY(!ledger.apply(
        forRow(report(OutcomeSource::Signoff, DeliveryState::Failed), QStringLiteral("s1"), QStringLiteral("shop")),
        kNow));
    QCOMPARE(ledger.at(done).state, DeliveryState::Delivered);
}

void TestDeliveryLedger::lateIdpReportOverridesSignoff()
{
    DeliveryLedger ledger;
    const int row = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    ledger.settlePending({}, DeliveryState::Unconfirmed, QStringLiteral("the IdP's report was lost"), kNow);
    ledger.apply(
        forRow(report(OutcomeSource::Idp, DeliveryState::Failed, 503), QStringLiteral("s1"), QStringLiteral("shop")),
        kNow);
    QCOMPARE(ledger.at(row).state, DeliveryState::Failed);
    QCOMPARE(ledger.at(row).source, OutcomeSource::Idp);
}

void TestDeliveryLedger::matchesByJti()
{
    DeliveryLedger ledger;
    ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    const int row = ledger.add(delivery(QStringLiteral("s2"), QStringLiteral("shop")));
    OutcomeReport idp =
        forRow(report(OutcomeSource::Idp, DeliveryState::Delivered, 200), QStringLiteral("s2"), QStringLiteral("shop"));
    idp.tokenJti = QStringLiteral("j2");
    ledger.apply(idp, kNow);
    OutcomeReport mock = report(OutcomeSource::MockRp, DeliveryState::Delivered, 200);
    mock.tokenJti = QStringLiteral("j2");
    mock.clientId = QStringLiteral("shop");
    QCOMPARE(ledger.match(mock), std::optional<int>(row));
}

void TestDeliveryLedger::matchesBySid()
{
    DeliveryLedger ledger;
    ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop"), QStringLiteral("u"), QStringLiteral("sid-a")));
    const int row = ledger.add(
        delivery(QStringLiteral("s2"), QStringLiteral("shop"), QStringLiteral("u"), QStringLiteral("sid-b")));
    ledger.add(delivery(QStringLiteral("s2"), QStringLiteral("mail"), QStringLiteral("u"), QStringLiteral("sid-b")));
    OutcomeReport mock = report(OutcomeSource::MockRp, DeliveryState::Delivered, 200);
    mock.clientId = QStringLiteral("shop");
    mock.sid = QStringLiteral("sid-b");
    mock.sub = QStringLiteral("u");
    QCOMPARE(ledger.match(mock), std::optional<int>(row));
    mock.clientId = QStringLiteral("other");
    mock.sub.clear();
    QCOMPARE(ledger.match(mock), std::nullopt);
}

void TestDeliveryLedger::matchesBySubOnlyUntokenedRows()
{
    DeliveryLedger ledger;
    const int first = ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop"), QStringLiteral("bob")));
    const int second = ledger.add(delivery(QStringLiteral("s2"), QStringLiteral("shop"), QStringLiteral("bob")));
    ledger.add(delivery(QStringLiteral("s3"), QStringLiteral("shop"), QStringLiteral("carol")));
    OutcomeReport mock = report(OutcomeSource::MockRp, DeliveryState::Delivered, 200);
    mock.clientId = QStringLiteral("shop");
    mock.sub = QStringLiteral("bob");
    mock.tokenJti = QStringLiteral("t1");
    QCOMPARE(ledger.apply(mock, kNow), std::optional<int>(first));
    // The next token for bob goes to bob's other delivery, not to the one already matched.
    mock.tokenJti = QStringLiteral("t2");
    QCOMPARE(ledger.apply(mock, kNow), std::optional<int>(second));
    mock.tokenJti = QStringLiteral("t3");
    QCOMPARE(ledger.match(mock), std::nullopt);
}

void TestDeliveryLedger::unmatchedReportChangesNothing()
{
    DeliveryLedger ledger;
    ledger.add(delivery(QStringLiteral("s1"), QStringLiteral("shop")));
    OutcomeReport r =
        forRow(report(OutcomeSource::Idp, DeliveryState::Delivered, 200), QStringLiteral("s9"), QStringLiteral("shop"));
    QCOMPARE(ledger.apply(r, kNow), std::nullopt);
    QCOMPARE(ledger.counts().pending, 1);
}

void TestDeliveryLedger::reopenPredictedUndoesOnlyPredictions()
{
    DeliveryLedger ledger;
    Delivery d = delivery(QStringLiteral("s1"), QStringLiteral("shop"));
    d.state = DeliveryState::Skipped;
    d.error = QStringLiteral("predicted");
    const int predicted = ledger.add(d);
    const int reported = ledger.add(delivery(QStringLiteral("s2"), QStringLiteral("shop")));
    ledger.apply(
        forRow(report(OutcomeSource::Idp, DeliveryState::Skipped), QStringLiteral("s2"), QStringLiteral("shop")), kNow);
    QVERIFY(ledger.reopenPredicted(predicted, kNow));
    QCOMPARE(ledger.at(predicted).state, DeliveryState::Pending);
    QCOMPARE(ledger.at(predicted).error, QString());
    QVERIFY(ledger.at(predicted).sources.isEmpty());
    QVERIFY(!ledger.reopenPredicted(reported, kNow));
    QCOMPARE(ledger.at(reported).state, DeliveryState::Skipped);
}

void TestDeliveryLedger::countsAndSummaries()
{
    DeliveryLedger ledger;
    for (int i = 0; i < 4; ++i)
        ledger.add(delivery(QStringLiteral("s%1").arg(i), QStringLiteral("shop")));
    ledger.add(delivery(QStringLiteral("s0"), QStringLiteral("mail")));
    const QList<double> latencies{10, 20, 30};
    for (int i = 0; i < 3; ++i) {
        OutcomeReport r = forRow(report(OutcomeSource::Idp, DeliveryState::Delivered, 200),
                                 QStringLiteral("s%1").arg(i), QStringLiteral("shop"));
        r.latencyMs = latencies.at(i);
        ledger.apply(r, kNow);
    }
    OutcomeReport timedOut =
        forRow(report(OutcomeSource::Idp, DeliveryState::TimedOut), QStringLiteral("s3"), QStringLiteral("shop"));
    timedOut.latencyMs = 2500;
    ledger.apply(timedOut, kNow);
    const StateCounts counts = ledger.counts();
    QCOMPARE(counts.delivered, 3);
    QCOMPARE(counts.timedOut, 1);
    QCOMPARE(counts.pending, 1);
    QCOMPARE(counts.total(), 5);
    const QList<RpSummary> summaries = ledger.rpSummaries();
    QCOMPARE(summaries.size(), 2);
    QCOMPARE(summaries.at(0).clientId, QStringLiteral("mail"));
    QCOMPARE(summaries.at(1).clientId, QStringLiteral("shop"));
    QCOMPARE(summaries.at(1).p50Ms, std::optional<double>(20));
    QCOMPARE(summaries.at(1).p95Ms, std::optional<double>(30));
    QCOMPARE(summaries.at(0).p50Ms, std::nullopt);
}

QTEST_GUILESS_MAIN(TestDeliveryLedger)
#include "tst_deliveryledger.moc"
