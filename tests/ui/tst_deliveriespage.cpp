#include "DeliveriesPage.h"
#include "DeliveryChart.h"
#include "DeliveryDetailsDialog.h"
#include "LogoutConfirmDialog.h"
#include "idp/IdpConnector.h"
#include "items/DeliveryFilterModel.h"
#include "items/DeliveryModel.h"
#include "items/RpSummaryModel.h"
#include "jose/Base64Url.h"
#include "logout/IdpOutcomeFeed.h"
#include "logout/LogoutRun.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;
using namespace signoff::logout;

namespace {
constexpr int kTimeoutMs = 30000; // a bound for a loaded machine, not a timing expectation

class FakeFeed : public IdpOutcomeFeed
{
public:
    using IdpOutcomeFeed::IdpOutcomeFeed;
    void start(qint64) override { m_started = true; }
    void stop() override { m_started = false; }
    qint64 cursor() const override { return 0; }
    bool started() const { return m_started; }

private:
    bool m_started = false;
};

// An IdP that ends one session per call and reports through its feed. Calls are answered when
// the test says so (answerAll), so a run can be caught with calls in flight.
class FakeIdp : public IdpConnector
{
public:
    FakeIdp()
        : m_feed(this)
    {}
    IdpCapabilities capabilities() const override { return {}; }
    QStringList limitations() const override { return {}; }
    void testConnection(QObject *, Done<ConnectionReport>) override {}
    void facts(QObject *, Done<IdpFacts>) override {}
    void relyingParties(QObject *, Done<QList<RelyingParty>>) override {}
    void users(const QString &, int, QObject *, Done<QList<IdpUser>>) override {}
    void sessions(const SessionQuery &, QObject *, PageCallback, StatusCallback) override {}
    LogoutSupport logoutSupport() const override { return support(); }
    static LogoutSupport support()
    {
        LogoutSupport s;
        s.endsSessions = s.sendsTokens = s.reportsOutcomes = true;
        s.canResend = false;
        s.resendAdvice = QStringLiteral("Ask the RP's owner to end the session on their side.");
        return s;
    }
    void logoutSessions(const QList<IdpSession> &sessions, int, QObject *context, Done<LogoutDispatch> done) override
    {
        m_calls.append({sessions.first().id, QPointer<QObject>(context), std::move(done)});
    }
    IdpOutcomeFeed *outcomeFeed() override { return &m_feed; }

    int pendingCalls() const { return int(m_calls.size()); }
    void answerAll()
    {
        for (auto &call : std::exchange(m_calls, {})) {
            LogoutDispatch dispatch;
            dispatch.idpRunId = QStringLiteral("idp-") + call.session;
            dispatch.eventsCursor = 0;
            if (call.context)
                call.done(dispatch);
        }
    }
    FakeFeed &feed() { return m_feed; }

private:
    struct Call
    {
        QString session;
        QPointer<QObject> context;
        Done<LogoutDispatch> done;
    };
    QList<Call> m_calls;
    FakeFeed m_feed;
};

const QStringList kClients{QStringLiteral("demo-healthy"), QStringLiteral("demo-failing"),
                           QStringLiteral("demo-no-bcl")};

LogoutPlan plan(int sessions)
{
    LogoutPlan p;
    p.profile.id = p.profile.name = QStringLiteral("fake");
    p.profile.kind = IdpKind::Sandbox;
    p.scope.kind = LogoutScope::Kind::Sessions;
    p.support = FakeIdp::support();
    p.users = sessions;
    for (int s = 0; s < sessions; ++s) {
        IdpSession session;
        session.id = QStringLiteral("sess-%1").arg(s);
        session.userId = QStringLiteral("user-%1").arg(s);
        session.userName = QStringLiteral("User %1").arg(s);
        p.scope.sessionIds << session.id;
        for (const QString &c : kClients) {
            session.rps.append({c, QStringLiteral("sid-%1").arg(s)});
            Delivery d;
            d.sessionId = session.id;
            d.userId = session.userId;
            d.userName = session.userName;
            d.clientId = c;
            d.sid = QStringLiteral("sid-%1").arg(s);
            if (c == QLatin1String("demo-no-bcl")) {
                d.state = DeliveryState::Skipped;
                d.error = QStringLiteral("no back-channel URI");
            }
            p.deliveries.append(d);
        }
        p.sessions.append(session);
    }
    for (const QString &c : kClients) {
        LogoutPlan::RpPrediction rp;
        rp.clientId = rp.name = c;
        rp.sessions = sessions;
        rp.notified = c != QLatin1String("demo-no-bcl");
        if (!rp.notified) {
            rp.reason = QStringLiteral("no back-channel URI");
            rp.findingCodes = {QStringLiteral("no_backchannel_uri")};
        }
        p.rps.append(rp);
    }
    return p;
}

OutcomeReport idpReport(const QString &session, const QString &client, DeliveryState state, int status, double ms)
{
    OutcomeReport r;
    r.source = OutcomeSource::Idp;
    r.idpRunId = QStringLiteral("idp-") + session;
    r.sessionId = session;
    r.clientId = client;
    r.state = state;
    r.httpStatus = status;
    r.latencyMs = ms;
    if (state == DeliveryState::Failed)
        r.error = QStringLiteral("HTTP 500: server_error (demo-failing always fails)");
    return r;
}

QByteArray token(const QJsonObject &header, const QJsonObject &claims)
{
    return jose::base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           jose::base64UrlEncode(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + ".c2lnbmF0dXJl";
}

// A mock RP saw the token of sess-0 → demo-failing, and one rule failed.
OutcomeReport mockRpReport()
{
    OutcomeReport r;
    r.source = OutcomeSource::MockRp;
    r.sessionId = QStringLiteral("sess-0");
    r.clientId = QStringLiteral("demo-failing");
    r.tokenJti = QStringLiteral("jti-failing-0");
    r.logoutToken = token(QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")},
                                      {QStringLiteral("kid"), QStringLiteral("sandbox-key-1")}},
                          QJsonObject{{QStringLiteral("iss"), QStringLiteral("http://127.0.0.1:1")},
                                      {QStringLiteral("sid"), QStringLiteral("sid-0")},
                                      {QStringLiteral("jti"), QStringLiteral("jti-failing-0")}});
    r.validation = QJsonObject{
        {QStringLiteral("valid"), false},
        {QStringLiteral("verdicts"),
         QJsonArray{QJsonObject{{QStringLiteral("rule"), QStringLiteral("signature")},
                                {QStringLiteral("result"), QStringLiteral("pass")},
                                {QStringLiteral("message"), QStringLiteral("verified with sandbox-key-1")}},
                    QJsonObject{{QStringLiteral("rule"), QStringLiteral("aud")},
                                {QStringLiteral("result"), QStringLiteral("fail")},
                                {QStringLiteral("message"), QStringLiteral("aud does not name this RP")}}}}};
    return r;
}
} // namespace

// The Deliveries page and the logout confirmation, offscreen, on a LogoutRun driven by a fake IdP
// (the whole flow on the real sandbox is tst_logoutflow).
class TestDeliveriesPage : public QObject
{
    Q_OBJECT

    template <typename T> T *child(QObject *parent, const char *name)
    {
        auto *w = parent->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

    int rowOf(const DeliveriesPage &page, const QString &session, const QString &client)
    {
        const DeliveryFilterModel *f = page.filterModel();
        for (int r = 0; r < f->rowCount(); ++r) {
            const Delivery &d = page.model()->at(f->mapToSource(f->index(r, 0)).row());
            if (d.sessionId == session && d.clientId == client)
                return r;
        }
        return -1;
    }

private slots:
    // Outcomes arrive in the table, the summary, the chart and the header; Enter on a failed
    // delivery shows its details with the decoded token and every verdict; "Retry failed" on an
    // IdP that cannot resend says what the administrator can do instead.
    void outcomesArriveAndDetailsOpen()
    {
        FakeIdp idp;
        DeliveriesPage page((AppContext()));
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *run = new LogoutRun(&idp, plan(3), LogoutRun::Options{}, {}, &page);
        page.follow(run);
        run->start();
        QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 9, kTimeoutMs);
        QCOMPARE(page.currentRunId(), run->info().id);
        QTRY_COMPARE_WITH_TIMEOUT(idp.pendingCalls(), 3, kTimeoutMs);
        idp.answerAll();
        QTRY_VERIFY_WITH_TIMEOUT(idp.feed().started(), kTimeoutMs);
        QList<OutcomeReport> reports;
        for (int s = 0; s < 3; ++s) {
            const QString session = QStringLiteral("sess-%1").arg(s);
            reports << idpReport(session, QStringLiteral("demo-healthy"), DeliveryState::Delivered, 200, 10 + s)
                    << idpReport(session, QStringLiteral("demo-failing"), DeliveryState::Failed, 500, 30 + s);
        }
        emit idp.feed().outcomes(reports);
        run->ingest({mockRpReport()});
        for (int s = 0; s < 3; ++s)
            emit idp.feed().idpRunFinished(QStringLiteral("idp-sess-%1").arg(s));
        QTRY_COMPARE_WITH_TIMEOUT(run->info().status, RunStatus::Finished, kTimeoutMs);

        auto *status = child<QLabel>(&page, "deliveryRunStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("9 of 9 deliveries settled")),
                                  qPrintable(status->text()), kTimeoutMs);
        QVERIFY2(status->text().startsWith(QStringLiteral("Finished")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("3 delivered, 3 failed")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("3 skipped")), qPrintable(status->text()));
        auto *progress = child<QProgressBar>(&page, "deliveryProgress");
        QCOMPARE(progress->value(), progress->maximum());
        QVERIFY(!child<QPushButton>(&page, "deliveryCancel")->isEnabled());
        QVERIFY(child<QPushButton>(&page, "deliveryRetry")->isEnabled());

        const int failing = page.summaryModel()->rowOfClient(QStringLiteral("demo-failing"));
        QVERIFY(failing >= 0);
        QCOMPARE(page.summaryModel()->at(failing).counts.failed, 3);
        QCOMPARE(page.summaryModel()->at(failing).p95Ms, 32.0);
        page.chart()->setClientId(QStringLiteral("demo-failing"));
        QTRY_COMPARE(page.chart()->barValue(DeliveryState::Failed), 3);
        QCOMPARE(page.chart()->pointCount(DeliveryState::Failed), 3);
        QCOMPARE(page.chart()->pointCount(DeliveryState::Delivered), 0);

        // The table shows state text and the IdP's error; Enter opens the details.
        auto *table = child<QTableView>(&page, "deliveriesTable");
        const int row = rowOf(page, QStringLiteral("sess-0"), QStringLiteral("demo-failing"));
        QVERIFY(row >= 0);
        QCOMPARE(table->model()->index(row, DeliveryModel::StateColumn).data().toString(),
                 deliveryStateLabel(DeliveryState::Failed));
        QCOMPARE(table->model()->index(row, DeliveryModel::HttpStatusColumn).data().toString(), QStringLiteral("500"));
        table->setFocus();
        table->setCurrentIndex(table->model()->index(row, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(page.detailsDialog() && page.detailsDialog()->isVisible());
        const QString details = page.detailsDialog()->text();
        for (const char *expected : {"demo-failing", "decided by idp", "HTTP status: 500", "server_error",
                                     "idp, mock_rp", "\"kid\": \"sandbox-key-1\"", "\"jti\": \"jti-failing-0\"",
                                     "aud does not name this RP", "signature", "failed at least one rule"})
            QVERIFY2(details.contains(QLatin1String(expected)), qPrintable(QLatin1String(expected) + u'\n' + details));
        QVERIFY2(!details.contains(QStringLiteral("c2lnbmF0dXJl")), "the signature is never shown");

        // A delivery no source saw the token of says how to see it.
        const int healthy = rowOf(page, QStringLiteral("sess-1"), QStringLiteral("demo-healthy"));
        table->setCurrentIndex(table->model()->index(healthy, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_VERIFY(page.detailsDialog()->text().contains(QStringLiteral("No source saw the token")));

        // The filter: failed ones only, then text.
        auto *stateFilter = child<QComboBox>(&page, "deliveryStateFilter");
        stateFilter->setCurrentIndex(stateFilter->findData(int(DeliveryState::Failed)));
        QCOMPARE(table->model()->rowCount(), 3);
        child<QLineEdit>(&page, "deliveryFilter")->setText(QStringLiteral("User 2"));
        QCOMPARE(table->model()->rowCount(), 1);

        // This IdP cannot resend: its advice is shown, nothing is started.
        QTest::mouseClick(child<QPushButton>(&page, "deliveryRetry"), Qt::LeftButton);
        auto *notice = child<QLabel>(&page, "deliveryNotice");
        QTRY_VERIFY(notice->isVisible());
        QCOMPARE(notice->text(), FakeIdp::support().resendAdvice);
    }

    // Esc cancels the run shown: sessions not yet handed to the IdP are skipped with the reason;
    // what was in flight is still reported as it arrives.
    void escapeCancelsTheRun()
    {
        FakeIdp idp;
        DeliveriesPage page((AppContext()));
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        LogoutRun::Options options;
        options.concurrency = 1;
        auto *run = new LogoutRun(&idp, plan(3), options, {}, &page);
        page.follow(run);
        run->start();
        QTRY_COMPARE_WITH_TIMEOUT(idp.pendingCalls(), 1, kTimeoutMs);
        auto *cancel = child<QPushButton>(&page, "deliveryCancel");
        QTRY_VERIFY(cancel->isEnabled());
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QTest::keyClick(&page, Qt::Key_Escape);
        idp.answerAll();
        QTRY_VERIFY_WITH_TIMEOUT(idp.feed().started(), kTimeoutMs);
        emit idp.feed().outcomes(
            {idpReport(QStringLiteral("sess-0"), QStringLiteral("demo-healthy"), DeliveryState::Delivered, 200, 5)});
        emit idp.feed().idpRunFinished(QStringLiteral("idp-sess-0"));
        QTRY_COMPARE_WITH_TIMEOUT(run->info().status, RunStatus::Cancelled, kTimeoutMs);
        auto *status = child<QLabel>(&page, "deliveryRunStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Cancelled")), qPrintable(status->text()),
                                  kTimeoutMs);
        QVERIFY2(status->text().contains(QStringLiteral("cancelled after 1 of 3 sessions")),
                 qPrintable(status->text()));
        QTRY_COMPARE(page.model()->at(page.model()->rowOf(run->info().id, 3)).error,
                     QStringLiteral("cancelled before sending"));
        QCOMPARE(page.model()->at(page.model()->rowOf(run->info().id, 0)).state, DeliveryState::Delivered);
        QVERIFY(!cancel->isEnabled());
    }

    // Over 100 sessions the count must be typed; the RPs that will not be told are listed with
    // the reason; the concurrency is remembered.
    void confirmationNeedsTheCountAndRemembersConcurrency()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        {
            LogoutConfirmDialog dialog(plan(150), &settings);
            auto *start = child<QPushButton>(&dialog, "logoutStart");
            auto *count = child<QLineEdit>(&dialog, "logoutTypedCount");
            auto *concurrency = child<QSpinBox>(&dialog, "logoutConcurrency");
            QVERIFY(count);
            QCOMPARE(concurrency->value(), LogoutConfirmDialog::kDefaultConcurrency);
            QVERIFY2(child<QLabel>(&dialog, "logoutHeadline")->text().contains(QStringLiteral("150 session(s) of 150")),
                     qPrintable(child<QLabel>(&dialog, "logoutHeadline")->text()));
            auto *rps = child<QTableWidget>(&dialog, "logoutRps");
            QCOMPARE(rps->rowCount(), 3);
            QCOMPARE(rps->item(2, 0)->text(), QStringLiteral("demo-no-bcl"));
            QCOMPARE(rps->item(2, 2)->text(), QStringLiteral("no"));
            QCOMPARE(rps->item(2, 3)->text(), QStringLiteral("no back-channel URI"));
            QCOMPARE(rps->item(0, 2)->text(), QStringLiteral("yes"));
            QVERIFY(!start->isEnabled());
            QTest::keyClicks(count, QStringLiteral("15"));
            QVERIFY(!start->isEnabled());
            dialog.accept(); // Enter before the count is complete starts nothing
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QTest::keyClicks(count, QStringLiteral("0"));
            QVERIFY(start->isEnabled());
            concurrency->setValue(3);
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            QTest::mouseClick(start, Qt::LeftButton);
            QCOMPARE(accepted.count(), 1);
        }
        LogoutConfirmDialog again(plan(2), &settings);
        QCOMPARE(child<QSpinBox>(&again, "logoutConcurrency")->value(), 3);
        QVERIFY(!again.findChild<QLineEdit *>(QStringLiteral("logoutTypedCount")));
        QVERIFY(child<QPushButton>(&again, "logoutStart")->isEnabled());
    }
};

QTEST_MAIN(TestDeliveriesPage)
#include "tst_deliveriespage.moc"
