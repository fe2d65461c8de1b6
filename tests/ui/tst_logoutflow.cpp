#include "DeliveriesPage.h"
#include "DeliveryChart.h"
#include "DeliveryDetailsDialog.h"
#include "ErrorBanner.h"
#include "LogoutConfirmDialog.h"
#include "LogoutFlow.h"
#include "MainWindow.h"
#include "RelyingPartiesPage.h"
#include "SandboxFixture.h"
#include "SessionsPage.h"
#include "items/DeliveryFilterModel.h"
#include "items/DeliveryModel.h"
#include "items/RelyingPartyModel.h"
#include "items/RpSummaryModel.h"
#include "items/SessionModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace signoff;
using namespace signoff::logout;

namespace {
constexpr int kSeedUsers = 9;
constexpr int kSeedSessions = 60;
constexpr int kLoadTimeoutMs = 60000; // bounds for a slow machine, not timing expectations
} // namespace

// The logout flow in the real main window on a real sandbox IdP the test starts on a free
// loopback port.
class TestLogoutFlow : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_fx;

private slots:
    void initTestCase() { m_fx.start({kSeedUsers, kSeedSessions, /*withLogout=*/true}); }

    void cleanupTestCase() { m_fx.stop(); }

    // "Log out user…" and "Log out every session of this RP…" plan their scope at the IdP and
    // show the confirmation; cancelling it sends nothing.
    void userAndRpScopesAskFirst()
    {
        const qint64 total = m_fx.adminTotal(QStringLiteral("/admin/sessions"));
        m_fx.window()->showPage(MainWindow::SessionsPage);
        SessionsPage *page = m_fx.sessionsPage();
        m_fx.waitSessionsLoaded(total);
        auto *table = child<QTableView>(page, "sessionsTable");
        table->selectRow(0);
        const IdpSession first = page->selectedSessions().value(0);
        QVERIFY(!first.userId.isEmpty());
        const qint64 ofUser =
            m_fx.adminTotal(QStringLiteral("/admin/sessions"), QUrlQuery{{QStringLiteral("user"), first.userId}});
        QTest::mouseClick(child<QPushButton>(page, "sessionsLogoutUser"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->logoutFlow()->dialog() && page->logoutFlow()->dialog()->isVisible(),
                                 kLoadTimeoutMs);
        QString headline = child<QLabel>(page->logoutFlow()->dialog(), "logoutHeadline")->text();
        QVERIFY2(headline.contains(QStringLiteral("Log out %1 session(s) of 1 user(s)").arg(ofUser)),
                 qPrintable(headline));
        QVERIFY2(headline.contains(QStringLiteral("every session of user %1").arg(first.userId)), qPrintable(headline));
        page->logoutFlow()->dialog()->reject();
        QTRY_VERIFY(!page->logoutFlow()->dialog());

        m_fx.window()->showPage(MainWindow::RelyingPartiesPage);
        auto *rpPage = child<RelyingPartiesPage>(m_fx.window(), "relyingPartiesPage");
        auto *rpTable = child<QTableView>(rpPage, "rpTable");
        QTRY_VERIFY_WITH_TIMEOUT(rpTable->model()->rowCount() > 0, kLoadTimeoutMs);
        int noBcl = -1;
        for (int r = 0; r < rpTable->model()->rowCount(); ++r) {
            if (rpTable->model()->index(r, RelyingPartyModel::ClientIdColumn).data().toString() ==
                QLatin1String("demo-no-bcl"))
                noBcl = r;
        }
        QVERIFY(noBcl >= 0);
        rpTable->selectRow(noBcl);
        const qint64 ofRp = m_fx.adminTotal(QStringLiteral("/admin/sessions"),
                                            QUrlQuery{{QStringLiteral("client_id"), QStringLiteral("demo-no-bcl")}});
        QTest::mouseClick(child<QPushButton>(rpPage, "rpLogoutAll"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rpPage->logoutFlow()->dialog() && rpPage->logoutFlow()->dialog()->isVisible(),
                                 kLoadTimeoutMs);
        LogoutConfirmDialog *dialog = rpPage->logoutFlow()->dialog();
        headline = child<QLabel>(dialog, "logoutHeadline")->text();
        QVERIFY2(headline.contains(QStringLiteral("Log out %1 session(s)").arg(ofRp)), qPrintable(headline));
        // The RP itself will not be told, and why (the lint's prediction).
        auto *rps = child<QTableWidget>(dialog, "logoutRps");
        bool listed = false;
        for (int r = 0; r < rps->rowCount(); ++r) {
            if (rps->item(r, 0)->text().startsWith(QStringLiteral("demo-no-bcl"))) {
                listed = true;
                QCOMPARE(rps->item(r, 2)->text(), QStringLiteral("no"));
                QVERIFY(!rps->item(r, 3)->text().isEmpty());
            }
        }
        QVERIFY(listed);
        dialog->reject();
        QCOMPARE(m_fx.adminTotal(QStringLiteral("/admin/sessions")), total); // nothing was sent
    }

    // The whole flow on a real sandbox: select sessions that include the failing demo RP in a
    // filtered list, Ctrl+L, confirm with a chosen concurrency, watch the outcomes arrive on the
    // Deliveries page, open a failed delivery's details. The sandbox's admin API is the oracle.
    void selectConfirmWatchAndOpenAFailure()
    {
        const qint64 total = m_fx.adminTotal(QStringLiteral("/admin/sessions"));
        QCOMPARE(total, qint64(kSeedSessions));
        m_fx.window()->showPage(MainWindow::SessionsPage);
        SessionsPage *page = m_fx.sessionsPage();
        m_fx.waitSessionsLoaded(total);
        // Keyboard focus needs the active window (a dialog of an earlier case may have had it).
        m_fx.window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_fx.window()));
        auto *filter = child<QLineEdit>(page, "sessionFilter");
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("demo-failing"));
        QVERIFY(page->filterModel()->rowCount() >= 2);
        // Every session the filter shows, and only those (a filtered selection).
        const int shown = page->filterModel()->rowCount();
        auto *table = child<QTableView>(page, "sessionsTable");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        const QList<IdpSession> chosen = page->selectedSessions();
        QCOMPARE(chosen.size(), shown);
        QVERIFY(shown < total);
        int expected = 0;
        for (const IdpSession &s : chosen) {
            QVERIFY(SessionModel::rpList(s).contains(QStringLiteral("demo-failing")));
            expected += int(s.rps.size());
        }
        QTest::keyClick(table, Qt::Key_L, Qt::ControlModifier);

        QTRY_VERIFY2_WITH_TIMEOUT(page->logoutFlow()->dialog() && page->logoutFlow()->dialog()->isVisible(),
                                  qPrintable(child<QLabel>(page, "sessionsLogoutStatus")->text()), kLoadTimeoutMs);
        LogoutConfirmDialog *dialog = page->logoutFlow()->dialog();
        const QString headline = child<QLabel>(dialog, "logoutHeadline")->text();
        QVERIFY2(headline.contains(QStringLiteral("Log out %1 session(s)").arg(shown)), qPrintable(headline));
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("logoutTypedCount"))); // under 100
        child<QSpinBox>(dialog, "logoutConcurrency")->setValue(2);
        QTest::mouseClick(child<QPushButton>(dialog, "logoutStart"), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(m_fx.window()->currentPage(), int(MainWindow::DeliveriesPage), kLoadTimeoutMs);
        auto *deliveries = child<DeliveriesPage>(m_fx.window(), "deliveriesPage");
        QCOMPARE(m_fx.settings()->value(LogoutConfirmDialog::concurrencyKey()).toInt(), 2);
        // Every expected delivery settles (the hanging demo RP takes the sender's timeout).
        auto settled = [deliveries] {
            const DeliveryModel *m = deliveries->model();
            if (m->rowCount() == 0 || m->stagedCount() > 0)
                return false;
            for (int r = 0; r < m->rowCount(); ++r) {
                if (m->at(r).state == DeliveryState::Pending)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(settled(), kLoadTimeoutMs);
        QCOMPARE(deliveries->model()->rowCount(), expected);
        auto *status = child<QLabel>(deliveries, "deliveryRunStatus");
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Finished")), qPrintable(status->text()),
                                  kLoadTimeoutMs);
        QVERIFY2(status->text().contains(QStringLiteral("%1 of %1 deliveries settled").arg(expected)),
                 qPrintable(status->text()));

        // Per RP, what the sandbox's demo RPs are built to do.
        for (int r = 0; r < deliveries->model()->rowCount(); ++r) {
            const Delivery &d = deliveries->model()->at(r);
            const QString what = d.clientId + QLatin1Char(' ') + deliveryStateId(d.state) + QLatin1Char(' ') + d.error;
            if (d.clientId == QLatin1String("demo-failing")) {
                QVERIFY2(d.state == DeliveryState::Failed, qPrintable(what));
                QCOMPARE(d.httpStatus, 500);
                QCOMPARE(d.source, OutcomeSource::Idp);
            } else if (d.clientId == QLatin1String("demo-healthy") || d.clientId == QLatin1String("demo-slow")) {
                QVERIFY2(d.state == DeliveryState::Delivered, qPrintable(what));
            } else if (d.clientId == QLatin1String("demo-no-bcl")) {
                QVERIFY2(d.state == DeliveryState::Skipped, qPrintable(what));
            } else if (d.clientId == QLatin1String("demo-hanging")) {
                QVERIFY2(d.state == DeliveryState::TimedOut || d.state == DeliveryState::Failed, qPrintable(what));
            }
        }
        // The sessions are gone at the IdP.
        for (const IdpSession &s : chosen)
            QVERIFY2(m_fx.adminSession(s.id).isEmpty() || m_fx.adminSession(s.id).contains(QStringLiteral("error")),
                     qPrintable(s.id));
        const int failingRp = deliveries->summaryModel()->rowOfClient(QStringLiteral("demo-failing"));
        QTRY_VERIFY(failingRp >= 0 && deliveries->summaryModel()->at(failingRp).counts.failed == shown);

        // Open a failed delivery's details with the keyboard.
        auto *dtable = child<QTableView>(deliveries, "deliveriesTable");
        int failedRow = -1;
        for (int r = 0; r < dtable->model()->rowCount() && failedRow < 0; ++r) {
            if (dtable->model()->index(r, DeliveryModel::RpColumn).data().toString() == QLatin1String("demo-failing"))
                failedRow = r;
        }
        QVERIFY(failedRow >= 0);
        dtable->setFocus();
        dtable->setCurrentIndex(dtable->model()->index(failedRow, 0));
        QTest::keyClick(dtable, Qt::Key_Return);
        QTRY_VERIFY(deliveries->detailsDialog() && deliveries->detailsDialog()->isVisible());
        const QString details = deliveries->detailsDialog()->text();
        QVERIFY2(details.contains(QStringLiteral("demo-failing")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("HTTP status: 500")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("decided by idp")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Error or reason")), qPrintable(details));
        saveScreenshots(deliveries);

        // Retry failed: the sandbox sends the failed and timed-out deliveries again, as a new run
        // the page switches to; the failing RP fails again.
        const QString firstRun = deliveries->currentRunId();
        int again = 0;
        for (const int row : deliveries->model()->rowsOfRun(firstRun)) {
            const DeliveryState s = deliveries->model()->at(row).state;
            again += s == DeliveryState::Failed || s == DeliveryState::TimedOut ? 1 : 0;
        }
        QVERIFY(again >= shown);
        QTest::mouseClick(child<QPushButton>(deliveries, "deliveryRetry"), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(deliveries->currentRunId() != firstRun,
                                  qPrintable(child<QLabel>(deliveries, "deliveryNotice")->text()), kLoadTimeoutMs);
        const QString retryRun = deliveries->currentRunId();
        QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Finished")) &&
                                      status->text().contains(QStringLiteral("%1 of %1 deliveries settled").arg(again)),
                                  qPrintable(status->text()), kLoadTimeoutMs);
        const QList<int> retried = deliveries->model()->rowsOfRun(retryRun);
        QCOMPARE(retried.size(), again);
        for (const int row : retried) {
            const Delivery &d = deliveries->model()->at(row);
            if (d.clientId == QLatin1String("demo-failing")) {
                QVERIFY2(d.state == DeliveryState::Failed && d.httpStatus == 500, qPrintable(deliveryStateId(d.state)));
            }
        }
    }

private:
    // For the README: SIGNOFF_SCREENSHOT_DIR set (and a real display, e.g. Xvfb) saves the
    // Deliveries page and the details dialog as they are now.
    void saveScreenshots(DeliveriesPage *page)
    {
        const QString dir = qEnvironmentVariable("SIGNOFF_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        m_fx.window()->resize(1400, 900);
        page->chart()->setClientId(QStringLiteral("demo-slow"));
        QTRY_VERIFY(child<QLabel>(page->chart(), "chartCaption")->text().startsWith(QStringLiteral("demo-slow")));
        QVERIFY(m_fx.window()->grab().save(dir + QStringLiteral("/screenshot-deliveries.png")));
        QVERIFY(page->detailsDialog()->grab().save(dir + QStringLiteral("/screenshot-delivery-details.png")));
    }
};

QTEST_MAIN(TestLogoutFlow)
#include "tst_logoutflow.moc"
