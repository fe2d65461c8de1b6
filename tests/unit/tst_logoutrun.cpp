#include "idp/IdpConnector.h"
#include "logout/IdpOutcomeFeed.h"
#include "logout/LogoutRun.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace signoff;
using namespace signoff::logout;

namespace {

// The IdP's report, driven by the test.
class FakeFeed : public IdpOutcomeFeed
{
public:
    using IdpOutcomeFeed::IdpOutcomeFeed;
    void start(qint64 cursor) override
    {
        started = true;
        startCursor = cursor;
    }
    void stop() override { stopped = true; }
    qint64 cursor() const override { return 0; }
    bool started = false;
    bool stopped = false;
    qint64 startCursor = -1;
};

// An IdP whose logout calls wait until the test answers them, so the test sees what is in flight.
class FakeConnector : public IdpConnector
{
public:
    struct Call
    {
        QList<IdpSession> sessions;
        QList<ResendItem> items;
        int concurrency = 0;
        Done<LogoutDispatch> done;
    };

    using IdpConnector::IdpConnector;
    IdpCapabilities capabilities() const override { return {}; }
    QStringList limitations() const override { return {}; }
    void testConnection(QObject *, Done<ConnectionReport>) override {}
    void facts(QObject *, Done<IdpFacts>) override {}
    void relyingParties(QObject *, Done<QList<RelyingParty>>) override {}
    void users(const QString &, int, QObject *, Done<QList<IdpUser>>) override {}
    void sessions(const SessionQuery &, QObject *, PageCallback, StatusCallback) override {}
    LogoutSupport logoutSupport() const override { return support; }
    logout::IdpOutcomeFeed *outcomeFeed() override { return support.reportsOutcomes ? &feed : nullptr; }

    void logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *,
                        Done<LogoutDispatch> done) override
    {
        pending.append({sessions, {}, concurrency, std::move(done)});
        callSizes << int(sessions.size());
        ++calls;
        maxInFlight = std::max(maxInFlight, int(pending.size()));
    }
    void resend(const QList<ResendItem> &items, int concurrency, QObject *, Done<LogoutDispatch> done) override
    {
        pending.append({{}, items, concurrency, std::move(done)});
        ++calls;
        maxInFlight = std::max(maxInFlight, int(pending.size()));
    }

    // Answers the oldest call (queued, like a real network answer).
    void answer(const std::function<Result<LogoutDispatch>(const Call &)> &make)
    {
        Call call = pending.takeFirst();
        Result<LogoutDispatch> result = make(call);
        QMetaObject::invokeMethod(
            this, [call, result] { call.done(result); }, Qt::QueuedConnection);
    }

    LogoutSupport support;
    FakeFeed feed{this};
    QList<Call> pending;
    int calls = 0;
    QList<int> callSizes;
    int maxInFlight = 0;
};

LogoutSupport keycloakLike()
{
    LogoutSupport s;
    s.endsSessions = true;
    s.sendsTokens = true;
    s.maxBatch = 1;
    return s;
}

LogoutSupport sandboxLike(int maxBatch)
{
    LogoutSupport s;
    s.endsSessions = true;
    s.sendsTokens = true;
    s.reportsOutcomes = true;
    s.canResend = true;
    s.maxBatch = maxBatch;
    return s;
}

// n sessions, each with the RPs named; deliveries all pending except those listed as skipped.
LogoutPlan makePlan(int n, const QStringList &clients, const LogoutSupport &support,
                    const QStringList &predictedSkips = {})
{
    LogoutPlan plan;
    plan.profile.name = QStringLiteral("test");
    plan.profile.kind = IdpKind::Keycloak;
    plan.support = support;
    for (int i = 0; i < n; ++i) {
        IdpSession s;
        s.id = QStringLiteral("s%1").arg(i);
        s.userId = QStringLiteral("u%1").arg(i % 3);
        for (const QString &c : clients) {
            s.rps.append({c, QStringLiteral("sid-%1-%2").arg(i).arg(c)});
            Delivery d;
            d.sessionId = s.id;
            d.userId = s.userId;
            d.clientId = c;
            d.sid = QStringLiteral("sid-%1-%2").arg(i).arg(c);
            if (predictedSkips.contains(c)) {
                d.state = DeliveryState::Skipped;
                d.error = QStringLiteral("no back-channel URI");
            }
            plan.deliveries.append(d);
        }
        plan.scope.sessionIds << s.id;
        plan.sessions.append(s);
    }
    plan.users = std::min(n, 3);
    return plan;
}

LogoutDispatch accepted(const FakeConnector::Call &)
{
    return {};
}

// Answers every call until the run has sent everything, checking the bound at each step.
void answerAll(FakeConnector &idp, LogoutRun &run,
               const std::function<Result<LogoutDispatch>(const FakeConnector::Call &)> &make)
{
    QDeadlineTimer deadline(60000);
    while (run.isActive() && !deadline.hasExpired()) {
        if (idp.pending.isEmpty()) {
            QTest::qWait(1);
            continue;
        }
        idp.answer(make);
    }
}

int countState(const LogoutRun &run, DeliveryState state)
{
    return run.ledger().counts().of(state);
}

} // namespace

class TestLogoutRun : public QObject
{
    Q_OBJECT

private slots:
    void concurrencyBoundNeverExceeded();
    void batchingIdpGetsTheConcurrency();
    void idpReportsSettleTheLedger();
    void lostReportsEndUnconfirmed();
    void everyDeliveryReportedEndsTheBatch();
    void mockRpWordDoesNotEndTheBatch();
    void expectedListReplacesThePrediction();
    void cancelSkipsWhatWasNotSent();
    void cancellingTwiceStopsWaiting();
    void oneFailedBatchAmongGoodOnes();
    void everyCallFailedFailsTheRun();
    void commitHappensBeforeAnnouncement();
    void commitFailureIsANotice();
    void slowCommitHoldsTheAnnouncement();
    void commitReturningAfterTheRunIsGone();
    void backlogGoesInBoundedCommits();
    void noSuccessClaimedWithoutASource();
    void mockRpUpgradesUnconfirmed();
    void noTokensMeansSkipped();
    void resendUsesResend();
};

void TestLogoutRun::concurrencyBoundNeverExceeded()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutRun run(&idp, makePlan(25, {QStringLiteral("shop")}, idp.support), {3, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 3, 10000);
    answerAll(idp, run, accepted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(idp.calls, 25);
    QCOMPARE(idp.maxInFlight, 3);
    QCOMPARE(idp.callSizes, QList<int>(25, 1));
    QCOMPARE(run.info().status, RunStatus::Finished);
    QCOMPARE(countState(run, DeliveryState::Unconfirmed), 25);
    QCOMPARE(run.ledger().at(0).error, QStringLiteral("Keycloak does not report back-channel results"));
    QCOMPARE(run.ledger().at(0).source, OutcomeSource::Signoff);
}

void TestLogoutRun::batchingIdpGetsTheConcurrency()
{
    FakeConnector idp;
    idp.support = sandboxLike(5);
    LogoutRun run(&idp, makePlan(12, {QStringLiteral("shop")}, idp.support), {8, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QList<int> sizes;
    QList<int> concurrencies;
    int runNo = 0;
    QDeadlineTimer deadline(30000);
    while (run.isActive() && !deadline.hasExpired()) {
        if (idp.pending.isEmpty()) {
            QTest::qWait(1);
            continue;
        }
        QVERIFY(idp.pending.size() <= 2);
        const QString idpRun = QStringLiteral("idp-%1").arg(++runNo);
        const FakeConnector::Call call = idp.pending.first();
        sizes << int(call.sessions.size());
        concurrencies << call.concurrency;
        idp.answer([&](const FakeConnector::Call &) {
            LogoutDispatch d;
            d.idpRunId = idpRun;
            d.eventsCursor = 100 * runNo;
            return d;
        });
        QTRY_VERIFY_WITH_TIMEOUT(run.info().idpRunIds.contains(idpRun), 10000);
        QList<OutcomeReport> reports;
        for (const IdpSession &s : call.sessions) {
            OutcomeReport r;
            r.idpRunId = idpRun;
            r.sessionId = s.id;
            r.clientId = QStringLiteral("shop");
            r.state = DeliveryState::Delivered;
            r.httpStatus = 200;
            reports << r;
        }
        emit idp.feed.outcomes(reports);
        emit idp.feed.idpRunFinished(idpRun);
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(sizes, (QList<int>{5, 5, 2}));
    QCOMPARE(concurrencies, (QList<int>{4, 4, 4}));
    QVERIFY(idp.feed.started);
    QCOMPARE(idp.feed.startCursor, 100);
    QVERIFY(idp.feed.stopped);
    QCOMPARE(countState(run, DeliveryState::Delivered), 12);
}

void TestLogoutRun::idpReportsSettleTheLedger()
{
    FakeConnector idp;
    idp.support = sandboxLike(1);
    LogoutRun run(&idp, makePlan(2, {QStringLiteral("ok"), QStringLiteral("bad")}, idp.support), {2, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 2, 10000);
    auto dispatched = [](const char *idpRun) {
        return [idpRun](const FakeConnector::Call &) {
            LogoutDispatch d;
            d.idpRunId = QLatin1String(idpRun);
            d.eventsCursor = 7;
            return d;
        };
    };
    auto outcome = [](const char *idpRun, const char *session, const char *client, DeliveryState state,
                      std::optional<int> status) {
        OutcomeReport r;
        r.idpRunId = QLatin1String(idpRun);
        r.sessionId = QLatin1String(session);
        r.clientId = QLatin1String(client);
        r.state = state;
        r.httpStatus = status;
        return r;
    };
    idp.answer(dispatched("r1"));
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    QCOMPARE(idp.feed.startCursor, 7);
    // The IdP's events for s1 overtake the answer of the call that started them; another run's
    // event for the same session is not ours.
    emit idp.feed.outcomes({outcome("r1", "s0", "ok", DeliveryState::Delivered, 200),
                            outcome("r2", "s1", "ok", DeliveryState::Delivered, 204),
                            outcome("elsewhere", "s1", "bad", DeliveryState::Delivered, 200)});
    emit idp.feed.idpRunFinished(QStringLiteral("r2"));
    QTRY_COMPARE_WITH_TIMEOUT(countState(run, DeliveryState::Delivered), 1, 10000);
    idp.answer(dispatched("r2"));
    QTRY_COMPARE_WITH_TIMEOUT(countState(run, DeliveryState::Delivered), 2, 10000);
    QVERIFY(finished.isEmpty()); // s0/bad is still open
    emit idp.feed.outcomes({outcome("r1", "s0", "bad", DeliveryState::Failed, 500)});
    emit idp.feed.idpRunFinished(QStringLiteral("r1"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(countState(run, DeliveryState::Delivered), 2);
    QCOMPARE(countState(run, DeliveryState::Failed), 1);
    // r2 finished without a word on s1/bad: its report was lost.
    const Delivery &lost = run.ledger().at(*run.ledger().find(QStringLiteral("s1"), QStringLiteral("bad")));
    QCOMPARE(lost.state, DeliveryState::Unconfirmed);
    QCOMPARE(lost.error, QStringLiteral("the IdP's report was lost"));
    QCOMPARE(run.info().idpRunIds, (QStringList{QStringLiteral("r1"), QStringLiteral("r2")}));
}

void TestLogoutRun::lostReportsEndUnconfirmed()
{
    FakeConnector idp;
    idp.support = sandboxLike(100);
    LogoutRun run(&idp, makePlan(2, {QStringLiteral("shop")}, idp.support), {4, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    QVERIFY(finished.isEmpty());
    emit idp.feed.idpRunFinished(QStringLiteral("r1"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(countState(run, DeliveryState::Unconfirmed), 2);
    QCOMPARE(run.ledger().at(0).error, QStringLiteral("the IdP's report was lost"));
}

// The IdP's "run finished" may be lost in a gap of its stream; once every delivery of a batch
// was reported there is nothing left to wait for.
void TestLogoutRun::everyDeliveryReportedEndsTheBatch()
{
    FakeConnector idp;
    idp.support = sandboxLike(2);
    LogoutRun run(&idp, makePlan(4, {QStringLiteral("shop")}, idp.support), {1, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    for (const char *idpRun : {"r1", "r2"}) {
        QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
        const QList<IdpSession> sessions = idp.pending.first().sessions;
        idp.answer([idpRun](const FakeConnector::Call &) {
            LogoutDispatch d;
            d.idpRunId = QLatin1String(idpRun);
            d.eventsCursor = 0;
            return d;
        });
        QTRY_VERIFY_WITH_TIMEOUT(run.info().idpRunIds.contains(QLatin1String(idpRun)), 10000);
        QList<OutcomeReport> reports;
        for (const IdpSession &s : sessions) {
            OutcomeReport r;
            r.idpRunId = QLatin1String(idpRun);
            r.sessionId = s.id;
            r.clientId = QStringLiteral("shop");
            r.state = DeliveryState::Delivered;
            r.httpStatus = 204;
            reports << r;
        }
        emit idp.feed.outcomes(reports); // and no run.finished
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(idp.calls, 2);
    QCOMPARE(countState(run, DeliveryState::Delivered), 4);
}

// The relay or a mock RP may see a delivery before the IdP reports it: the IdP's report still
// comes and must find the run listening.
void TestLogoutRun::mockRpWordDoesNotEndTheBatch()
{
    FakeConnector idp;
    idp.support = sandboxLike(10);
    LogoutRun run(&idp, makePlan(1, {QStringLiteral("shop")}, idp.support), {1, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    OutcomeReport relay;
    relay.source = OutcomeSource::Relay;
    relay.clientId = QStringLiteral("shop");
    relay.sid = QStringLiteral("sid-0-shop");
    relay.state = DeliveryState::Failed;
    relay.httpStatus = 500;
    run.ingest({relay});
    QTRY_COMPARE_WITH_TIMEOUT(run.info().counts.failed, 1, 10000);
    OutcomeReport otherRun;
    otherRun.idpRunId = QStringLiteral("someone-else");
    otherRun.sessionId = QStringLiteral("x");
    otherRun.clientId = QStringLiteral("shop");
    otherRun.state = DeliveryState::Delivered;
    otherRun.httpStatus = 200;
    emit idp.feed.outcomes({otherRun}); // the stream moves on, without a word on s0 yet
    QVERIFY(finished.isEmpty());
    OutcomeReport r;
    r.idpRunId = QStringLiteral("r1");
    r.sessionId = QStringLiteral("s0");
    r.clientId = QStringLiteral("shop");
    r.state = DeliveryState::Failed;
    r.httpStatus = 500;
    emit idp.feed.outcomes({r});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(run.ledger().at(0).source, OutcomeSource::Idp);
    QCOMPARE(run.ledger().at(0).sources, (QStringList{QStringLiteral("relay"), QStringLiteral("idp")}));
}

void TestLogoutRun::expectedListReplacesThePrediction()
{
    FakeConnector idp;
    idp.support = sandboxLike(100);
    LogoutPlan plan = makePlan(3, {QStringLiteral("shop"), QStringLiteral("nobcl"), QStringLiteral("mail")},
                               idp.support, {QStringLiteral("nobcl")});
    LogoutRun run(&idp, plan, {4, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        d.notFound = {QStringLiteral("s2")};
        auto e = [](const char *session, const char *client, bool deliver, const char *why = "") {
            return IdpExpectedDelivery{
                QLatin1String(session), QStringLiteral("u"), QLatin1String(client), QStringLiteral("x"), deliver,
                QLatin1String(why)};
        };
        // s0: the IdP will notify nobcl after all (predicted skipped), skips mail, omits shop.
        // s1: as predicted, plus an RP the plan did not know.
        d.expected = {e("s0", "nobcl", true), e("s0", "mail", false, "client is not registered (any more)"),
                      e("s1", "shop", true),  e("s1", "nobcl", false, "no backchannel_logout_uri"),
                      e("s1", "mail", true),  e("s1", "extra", true)};
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(run.info().idpRunIds.size() == 1, 10000);
    auto row = [&run](const char *s, const char *c) {
        return run.ledger().at(*run.ledger().find(QLatin1String(s), QLatin1String(c)));
    };
    QCOMPARE(row("s0", "nobcl").state, DeliveryState::Pending);
    QCOMPARE(row("s0", "mail").state, DeliveryState::Skipped);
    QCOMPARE(row("s0", "mail").source, OutcomeSource::Idp);
    QCOMPARE(row("s0", "mail").error, QStringLiteral("client is not registered (any more)"));
    QCOMPARE(row("s0", "shop").state, DeliveryState::Skipped);
    QCOMPARE(row("s0", "shop").error, QStringLiteral("the IdP did not list this RP"));
    QCOMPARE(row("s1", "extra").state, DeliveryState::Pending);
    QCOMPARE(row("s1", "nobcl").source, OutcomeSource::Idp);
    QCOMPARE(row("s2", "nobcl").error, QStringLiteral("no back-channel URI")); // already settled
    for (const char *c : {"shop", "mail"}) {
        QCOMPARE(row("s2", c).state, DeliveryState::Skipped);
        QCOMPARE(row("s2", c).error, QStringLiteral("session no longer exists at the IdP"));
    }
    emit idp.feed.idpRunFinished(QStringLiteral("r1"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    // Nothing reported for the deliveries the IdP listed: lost, not delivered.
    QCOMPARE(row("s1", "extra").state, DeliveryState::Unconfirmed);
    QCOMPARE(countState(run, DeliveryState::Delivered), 0);
    QCOMPARE(run.ledger().size(), 10);
}

void TestLogoutRun::cancelSkipsWhatWasNotSent()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutRun run(&idp, makePlan(6, {QStringLiteral("shop")}, idp.support), {2, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 2, 10000);
    idp.answer(accepted);
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 2, 10000); // the third session went out
    run.cancel();
    QVERIFY(finished.isEmpty()); // two calls are still in flight
    QCOMPARE(countState(run, DeliveryState::Skipped), 3);
    while (!idp.pending.isEmpty())
        idp.answer(accepted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(idp.calls, 3);
    QCOMPARE(run.info().status, RunStatus::Cancelled);
    QCOMPARE(countState(run, DeliveryState::Unconfirmed), 3); // what was sent is reported as sent
    QCOMPARE(countState(run, DeliveryState::Skipped), 3);
    QCOMPARE(run.ledger().at(5).error, QStringLiteral("cancelled before sending"));
    QCOMPARE(run.info().error, QStringLiteral("cancelled after 3 of 6 sessions"));
}

void TestLogoutRun::cancellingTwiceStopsWaiting()
{
    FakeConnector idp;
    idp.support = sandboxLike(1);
    LogoutRun run(&idp, makePlan(3, {QStringLiteral("shop")}, idp.support), {2, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 2, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    run.cancel(); // s2 is not sent; s0 waits for its report, s1 for the IdP's answer
    QVERIFY(finished.isEmpty());
    run.cancel(); // the IdP never reports: stop waiting
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(run.info().status, RunStatus::Cancelled);
    auto at = [&run](const char *s) {
        return run.ledger().at(*run.ledger().find(QLatin1String(s), QStringLiteral("shop")));
    };
    QCOMPARE(at("s0").state, DeliveryState::Unconfirmed);
    QCOMPARE(at("s0").error, QStringLiteral("sent; the run stopped waiting for the IdP's report"));
    QCOMPARE(at("s1").state, DeliveryState::Unconfirmed);
    QCOMPARE(at("s2").state, DeliveryState::Skipped);
    // The late answer of s1's call changes nothing.
    idp.answer(accepted);
    QTest::qWait(0);
    QCOMPARE(at("s1").state, DeliveryState::Unconfirmed);
    QCOMPARE(countState(run, DeliveryState::Delivered), 0);
}

void TestLogoutRun::oneFailedBatchAmongGoodOnes()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutRun run(&idp, makePlan(4, {QStringLiteral("shop"), QStringLiteral("mail")}, idp.support), {1, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    answerAll(idp, run, [](const FakeConnector::Call &call) -> Result<LogoutDispatch> {
        if (call.sessions.first().id == QLatin1String("s2"))
            return Error{QStringLiteral("HTTP 503 from the admin API")};
        return LogoutDispatch{};
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(run.info().status, RunStatus::Finished);
    QCOMPARE(countState(run, DeliveryState::Failed), 2);
    QCOMPARE(countState(run, DeliveryState::Unconfirmed), 6);
    for (const int r : run.ledger().rowsOfSession(QStringLiteral("s2"))) {
        QCOMPARE(run.ledger().at(r).state, DeliveryState::Failed);
        QCOMPARE(run.ledger().at(r).source, OutcomeSource::Signoff);
        QCOMPARE(run.ledger().at(r).error, QStringLiteral("HTTP 503 from the admin API"));
    }
}

void TestLogoutRun::everyCallFailedFailsTheRun()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutRun run(&idp, makePlan(3, {QStringLiteral("shop")}, idp.support), {2, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    answerAll(idp, run, [](const FakeConnector::Call &) -> Result<LogoutDispatch> {
        return Error{QStringLiteral("401: the admin secret was refused")};
    });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(run.info().status, RunStatus::Failed);
    QCOMPARE(run.info().error, QStringLiteral("401: the admin secret was refused"));
    QCOMPARE(countState(run, DeliveryState::Failed), 3);
}

void TestLogoutRun::commitHappensBeforeAnnouncement()
{
    FakeConnector idp;
    idp.support = sandboxLike(100);
    QHash<int, DeliveryState> committed; // what the history holds, by row
    QList<RunStatus> committedStatus;
    LogoutRun *runPtr = nullptr;
    auto hook = [&](const RunInfo &info, const QList<Delivery> &changed, LogoutRun::Committed done) {
        committedStatus << info.status;
        for (const Delivery &d : changed)
            committed.insert(*runPtr->ledger().find(d.sessionId, d.clientId), d.state);
        done(Status()); // before the hook returns, as a synchronous store does
    };
    LogoutRun run(
        &idp, makePlan(3, {QStringLiteral("shop"), QStringLiteral("nobcl")}, idp.support, {QStringLiteral("nobcl")}),
        {4, 10}, hook);
    runPtr = &run;
    int announced = 0;
    connect(&run, &LogoutRun::deliveriesChanged, this, [&](const QList<int> &rows) {
        for (const int r : rows) {
            QVERIFY(committed.contains(r));
            QCOMPARE(committed.value(r), run.ledger().at(r).state);
            ++announced;
        }
    });
    connect(&run, &LogoutRun::infoChanged, this,
            [&](const RunInfo &info) { QCOMPARE(committedStatus.last(), info.status); });
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    // The predicted skips are committed and announced before anything is sent back.
    QTRY_COMPARE_WITH_TIMEOUT(announced, 6, 10000);
    QCOMPARE(committed.value(1), DeliveryState::Skipped);
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    OutcomeReport r;
    r.idpRunId = QStringLiteral("r1");
    r.sessionId = QStringLiteral("s1");
    r.clientId = QStringLiteral("shop");
    r.state = DeliveryState::Delivered;
    r.httpStatus = 200;
    emit idp.feed.outcomes({r});
    QTRY_COMPARE_WITH_TIMEOUT(committed.value(2), DeliveryState::Delivered, 10000);
    emit idp.feed.idpRunFinished(QStringLiteral("r1"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(committedStatus.last(), RunStatus::Finished);
    for (int row = 0; row < run.ledger().size(); ++row)
        QCOMPARE(committed.value(row), run.ledger().at(row).state);
}

void TestLogoutRun::commitFailureIsANotice()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutRun run(&idp, makePlan(1, {QStringLiteral("shop")}, idp.support), {1, 10},
                  [](const RunInfo &, const QList<Delivery> &, LogoutRun::Committed done) {
                      done(Status::failure(QStringLiteral("disk full")));
                  });
    QSignalSpy notices(&run, &LogoutRun::notice);
    QSignalSpy changed(&run, &LogoutRun::deliveriesChanged);
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    answerAll(idp, run, accepted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(!notices.isEmpty());
    QVERIFY(notices.first().first().toString().contains(QStringLiteral("disk full")));
    QVERIFY(!changed.isEmpty());
}

namespace {
// A history whose writes complete when the test says so, like the writer thread under load.
struct SlowHistory
{
    struct Commit
    {
        RunInfo info;
        QList<Delivery> changed;
        LogoutRun::Committed done;
    };
    LogoutRun::CommitHook hook()
    {
        return [this](const RunInfo &info, const QList<Delivery> &changed, LogoutRun::Committed done) {
            pending.append({info, changed, std::move(done)});
        };
    }
    // Completes the oldest commit: from now on its rows are durable.
    void complete(const LogoutRun &run)
    {
        Commit c = pending.takeFirst();
        for (const Delivery &d : std::as_const(c.changed))
            durable.insert(*run.ledger().find(d.sessionId, d.clientId), d.state);
        durableStatus = c.info.status;
        c.done(Status());
    }
    QList<Commit> pending;
    QHash<int, DeliveryState> durable; // by ledger row
    std::optional<RunStatus> durableStatus;
};
} // namespace

// The commit answers later (the history's writer thread): nothing is announced before it did, one
// commit is in flight at a time, what changed meanwhile goes into the next one, and finished()
// waits for the last.
void TestLogoutRun::slowCommitHoldsTheAnnouncement()
{
    FakeConnector idp;
    idp.support = sandboxLike(100);
    SlowHistory history;
    // Rows 0, 2, 4: shop in sessions s0..s2 (sent); 1, 3, 5: nobcl, predicted skipped (never change).
    LogoutRun run(
        &idp, makePlan(3, {QStringLiteral("shop"), QStringLiteral("nobcl")}, idp.support, {QStringLiteral("nobcl")}),
        {4, 1}, history.hook());
    QList<int> announced;
    connect(&run, &LogoutRun::deliveriesChanged, this, [&](const QList<int> &rows) {
        for (const int r : rows) {
            QVERIFY2(history.durable.contains(r),
                     qPrintable(QStringLiteral("row %1 announced, never committed").arg(r)));
            QCOMPARE(history.durable.value(r), run.ledger().at(r).state);
        }
        announced << rows;
    });
    QList<RunStatus> announcedStatus;
    connect(&run, &LogoutRun::infoChanged, this, [&](const RunInfo &info) {
        QCOMPARE(history.durableStatus, std::optional<RunStatus>(info.status));
        announcedStatus << info.status;
    });
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(history.pending.size(), 1, 10000);
    QCOMPARE(history.pending.first().changed.size(), 6);
    QCOMPARE(history.pending.first().info.status, RunStatus::Running);
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    OutcomeReport r;
    r.idpRunId = QStringLiteral("r1");
    r.sessionId = QStringLiteral("s0");
    r.clientId = QStringLiteral("shop");
    r.state = DeliveryState::Delivered;
    r.httpStatus = 200;
    emit idp.feed.outcomes({r});
    emit idp.feed.idpRunFinished(QStringLiteral("r1"));
    // The run is over (s1 and s2 end unconfirmed) and commits that at once, but the first commit
    // has not returned: no second one, nothing announced, not finished.
    QTRY_VERIFY_WITH_TIMEOUT(!run.isActive(), 10000);
    QCOMPARE(run.ledger().at(0).state, DeliveryState::Delivered);
    QCOMPARE(run.ledger().at(2).state, DeliveryState::Unconfirmed);
    QCOMPARE(history.pending.size(), 1);
    QVERIFY(announced.isEmpty());
    QVERIFY(announcedStatus.isEmpty());
    QCOMPARE(finished.size(), 0);

    // The first commit returns: only the rows that did not change since are announced (the others
    // hold states not written yet); the next commit carries those and the end of the run.
    history.complete(run);
    QCOMPARE(announced, (QList<int>{1, 3, 5}));
    QCOMPARE(announcedStatus, QList<RunStatus>{RunStatus::Running});
    QTRY_COMPARE_WITH_TIMEOUT(history.pending.size(), 1, 10000);
    QCOMPARE(history.pending.first().changed.size(), 3);
    QCOMPARE(history.pending.first().info.status, RunStatus::Finished);
    QCOMPARE(finished.size(), 0);

    history.complete(run);
    QCOMPARE(announced, (QList<int>{1, 3, 5, 0, 2, 4}));
    QCOMPARE(announcedStatus.last(), RunStatus::Finished);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<RunInfo>().status, RunStatus::Finished);
    QCOMPARE(history.pending.size(), 0);
}

// A backlog (all rows at the start, a flood of outcomes) goes out in commits of at most
// maxCommitRows rows, oldest change first, each announced on its own; the run's counts are those
// of the rows written, and the run is written as finished only with its last rows.
void TestLogoutRun::backlogGoesInBoundedCommits()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    SlowHistory history;
    LogoutRun::Options options;
    options.concurrency = 8;
    options.flushIntervalMs = 1;
    options.maxCommitRows = 2;
    LogoutRun run(&idp, makePlan(5, {QStringLiteral("shop")}, idp.support), options, history.hook());
    QList<int> announced;
    connect(&run, &LogoutRun::deliveriesChanged, this, [&](const QList<int> &rows) {
        for (const int r : rows)
            QCOMPARE(history.durable.value(r), run.ledger().at(r).state);
        announced << rows;
    });
    QSignalSpy finished(&run, &LogoutRun::finished);
    const auto nextCommit = [&](const QList<int> &rows, RunStatus status, int pending, int unconfirmed) {
        QTRY_COMPARE_WITH_TIMEOUT(history.pending.size(), 1, 10000);
        const SlowHistory::Commit &c = history.pending.first();
        QList<int> committedRows;
        for (const Delivery &d : c.changed)
            committedRows << *run.ledger().find(d.sessionId, d.clientId);
        QCOMPARE(committedRows, rows);
        QCOMPARE(c.info.status, status);
        QCOMPARE(c.info.counts.pending, pending);
        QCOMPARE(c.info.counts.unconfirmed, unconfirmed);
    };
    run.start();
    nextCommit({0, 1}, RunStatus::Running, 2, 0);
    history.complete(run);
    QCOMPARE(announced, (QList<int>{0, 1}));
    nextCommit({2, 3}, RunStatus::Running, 4, 0);
    history.complete(run);
    nextCommit({4}, RunStatus::Running, 5, 0);
    // Every call answers while the last of the backlog is in flight: the run ends, every row
    // changes again, and nothing more is committed until that commit returns.
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 5, 10000);
    answerAll(idp, run, accepted);
    QVERIFY(!run.isActive());
    QCOMPARE(history.pending.size(), 1);
    history.complete(run);
    QCOMPARE(announced, (QList<int>{0, 1, 2, 3})); // row 4 holds a newer state than the one written
    nextCommit({0, 1}, RunStatus::Running, 3, 2);
    history.complete(run);
    nextCommit({2, 3}, RunStatus::Running, 1, 4);
    history.complete(run);
    nextCommit({4}, RunStatus::Finished, 0, 5);
    QCOMPARE(finished.size(), 0);
    history.complete(run);
    QCOMPARE(announced, (QList<int>{0, 1, 2, 3, 0, 1, 2, 3, 4}));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(run.info().counts.unconfirmed, 5);
}

// The writer may answer after the run was deleted (the service prunes old runs): nothing happens.
void TestLogoutRun::commitReturningAfterTheRunIsGone()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    SlowHistory history;
    auto run = std::make_unique<LogoutRun>(&idp, makePlan(1, {QStringLiteral("shop")}, idp.support),
                                           LogoutRun::Options{1, 1}, history.hook());
    run->start();
    QTRY_COMPARE_WITH_TIMEOUT(history.pending.size(), 1, 10000);
    LogoutRun::Committed done = history.pending.takeFirst().done;
    run.reset();
    done(Status());
}

void TestLogoutRun::noSuccessClaimedWithoutASource()
{
    FakeConnector idp;
    idp.support = sandboxLike(100);
    LogoutRun run(&idp, makePlan(2, {QStringLiteral("shop")}, idp.support), {4, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 1, 10000);
    idp.answer([](const FakeConnector::Call &) {
        LogoutDispatch d;
        d.idpRunId = QStringLiteral("r1");
        d.eventsCursor = 0;
        return d;
    });
    QTRY_VERIFY_WITH_TIMEOUT(idp.feed.started, 10000);
    OutcomeReport noStatus;
    noStatus.idpRunId = QStringLiteral("r1");
    noStatus.sessionId = QStringLiteral("s0");
    noStatus.clientId = QStringLiteral("shop");
    noStatus.state = DeliveryState::Delivered; // but no HTTP status: not believed
    emit idp.feed.outcomes({noStatus});
    emit idp.feed.idpRunFinished(QStringLiteral("r1"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(countState(run, DeliveryState::Delivered), 0);
    QCOMPARE(countState(run, DeliveryState::Unconfirmed), 2);
}

void TestLogoutRun::mockRpUpgradesUnconfirmed()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutRun run(&idp, makePlan(2, {QStringLiteral("shop")}, idp.support), {2, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    answerAll(idp, run, accepted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(countState(run, DeliveryState::Unconfirmed), 2);
    QSignalSpy changed(&run, &LogoutRun::deliveriesChanged);
    OutcomeReport mock;
    mock.source = OutcomeSource::MockRp;
    mock.clientId = QStringLiteral("shop");
    mock.sid = QStringLiteral("sid-1-shop");
    mock.state = DeliveryState::Delivered;
    mock.httpStatus = 200;
    run.ingest({mock});
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 10000);
    QCOMPARE(changed.first().first().value<QList<int>>(), QList<int>{1});
    QCOMPARE(run.ledger().at(1).state, DeliveryState::Delivered);
    QCOMPARE(run.info().counts.delivered, 1);
}

void TestLogoutRun::noTokensMeansSkipped()
{
    FakeConnector idp;
    idp.support.endsSessions = true;
    idp.support.noTokensReason = QStringLiteral("Logto's session delete sends no logout token");
    LogoutRun run(&idp, makePlan(2, {QStringLiteral("shop")}, idp.support), {2, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    answerAll(idp, run, accepted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(countState(run, DeliveryState::Skipped), 2);
    QCOMPARE(run.ledger().at(0).error, QStringLiteral("Logto's session delete sends no logout token"));
}

void TestLogoutRun::resendUsesResend()
{
    FakeConnector idp;
    idp.support = keycloakLike();
    LogoutPlan plan =
        makePlan(2, {QStringLiteral("shop"), QStringLiteral("nobcl")}, idp.support, {QStringLiteral("nobcl")});
    plan.resend = true;
    plan.sessions.clear(); // as LogoutService makes it: nothing to end, only deliveries to send
    LogoutRun run(&idp, plan, {4, 10}, {});
    QSignalSpy finished(&run, &LogoutRun::finished);
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(idp.pending.size(), 2, 10000);
    QCOMPARE(run.info().sessions, 2);
    QCOMPARE(idp.pending.first().items.size(), 1);
    QCOMPARE(idp.pending.first().items.first().clientId, QStringLiteral("shop"));
    QCOMPARE(idp.pending.first().items.first().sid, QStringLiteral("sid-0-shop"));
    QVERIFY(idp.pending.first().sessions.isEmpty());
    answerAll(idp, run, accepted);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(idp.calls, 2);
}

QTEST_GUILESS_MAIN(TestLogoutRun)
#include "tst_logoutrun.moc"
