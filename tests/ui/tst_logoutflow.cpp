#include "DeliveriesPage.h"
#include "DeliveryChart.h"
#include "DeliveryDetailsDialog.h"
#include "ErrorBanner.h"
#include "LogoutConfirmDialog.h"
#include "LogoutFlow.h"
#include "MainWindow.h"
#include "RelyingPartiesPage.h"
#include "SessionsPage.h"
#include "idp/sandbox/SandboxProcess.h"
#include "items/DeliveryFilterModel.h"
#include "items/DeliveryModel.h"
#include "items/RelyingPartyModel.h"
#include "items/RpSummaryModel.h"
#include "items/SessionModel.h"
#include "services/AppContext.h"
#include "services/ConnectorService.h"
#include "services/LogoutService.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"

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
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

using namespace signoff;
using namespace signoff::logout;

namespace {
int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

constexpr int kSeedUsers = 9;
constexpr int kSeedSessions = 60;
constexpr int kStartTimeoutMs = 90000; // bounds for a slow machine, not timing expectations
constexpr int kLoadTimeoutMs = 60000;
} // namespace

// The Relying parties and Sessions pages in the real main window, on a real sandbox IdP the test
// starts on a free loopback port; the admin API, asked directly, is the oracle for the counts.
// The logout flow in the real main window on a real sandbox IdP the test starts on a free
// loopback port.
class TestLogoutFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    const QString m_secret = QUuid::createUuid().toString(QUuid::WithoutBraces);
    int m_port = 0;
    SandboxProcess::Options m_options;
    QSettings *m_settings = nullptr;
    ProfileStore *m_store = nullptr;
    MemorySecretStore *m_secrets = nullptr;
    SandboxProcess *m_appSandbox = nullptr; // the console's own, never started: the test runs the IdP
    SandboxController *m_sandboxController = nullptr;
    ProfileService *m_profileService = nullptr;
    ConnectorService *m_connectors = nullptr;
    services::LogoutService *m_logout = nullptr;
    MainWindow *m_window = nullptr;
    std::unique_ptr<SandboxProcess> m_idp;

    template <typename T> T *child(QObject *parent, const char *name)
    {
        auto *w = parent->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

    void startIdp()
    {
        m_idp = std::make_unique<SandboxProcess>(&m_nam, m_options);
        m_idp->start(m_secret);
        QTRY_VERIFY_WITH_TIMEOUT(m_idp->state() == SandboxProcess::State::Running ||
                                     m_idp->state() == SandboxProcess::State::Failed,
                                 kStartTimeoutMs);
        QVERIFY2(m_idp->state() == SandboxProcess::State::Running, qPrintable(m_idp->log().join(u'\n')));
    }

    QByteArray await(QNetworkReply *reply)
    {
        std::unique_ptr<QNetworkReply> r(reply);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(kLoadTimeoutMs);
        return r->readAll();
    }

    QByteArray adminToken()
    {
        QNetworkRequest tokenRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port)));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        tokenRequest.setRawHeader("Authorization",
                                  "Basic " + QByteArray("signoff-admin:" + m_secret.toUtf8()).toBase64());
        return QJsonDocument::fromJson(await(m_nam.post(tokenRequest, "grant_type=client_credentials&scope=admin")))
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toUtf8();
    }

    // Straight from the sandbox's admin API, not through Signoff's connector.
    QJsonObject adminGet(const QString &path, const QUrlQuery &query = {})
    {
        QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
        url.setQuery(query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + adminToken());
        return QJsonDocument::fromJson(await(m_nam.get(req))).object();
    }

    QJsonObject adminSession(const QString &uid) { return adminGet(QStringLiteral("/admin/sessions/") + uid); }

    qint64 adminTotal(const QString &path, const QUrlQuery &query = {})
    {
        const QJsonValue total = adminGet(path, query).value(QStringLiteral("total"));
        return total.isDouble() ? qint64(total.toDouble()) : -1;
    }

    QString sessionsText(qint64 n) const { return QStringLiteral("%1 sessions").arg(QLocale().toString(n)); }

    SessionsPage *sessionsPage() { return child<SessionsPage>(m_window, "sessionsPage"); }

    // Waits until the page has loaded everything and says how many.
    void waitLoaded(qint64 total)
    {
        SessionsPage *page = sessionsPage();
        auto *count = child<QLabel>(page, "sessionCount");
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && count->text().startsWith(sessionsText(total)), kLoadTimeoutMs);
        QCOMPARE(page->model()->rowCount(), int(total));
        QVERIFY(!child<ErrorBanner>(page, "errorBanner")->isVisible());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_port = freePort();
        m_options.port = m_port;
        m_options.dataDir = m_dir.filePath(QStringLiteral("sandbox"));
        m_options.seedUsers = kSeedUsers;
        m_options.seedSessions = kSeedSessions;
        m_options.healthIntervalMs = 300;
        m_options.startTimeoutMs = kStartTimeoutMs;
        startIdp();
        if (QTest::currentTestFailed())
            return;

        m_settings = new QSettings(m_dir.filePath(QStringLiteral("Signoff.ini")), QSettings::IniFormat);
        m_store = new ProfileStore(m_settings);
        Profile sandbox = m_store->ensureSandboxProfile();
        sandbox.baseUrl.setPort(m_port);
        QVERIFY(m_store->update(sandbox));
        m_store->setActiveProfileId(sandbox.id);
        m_secrets = new MemorySecretStore;
        bool written = false;
        m_secrets->write(QStringLiteral("profile/sandbox"), m_secret, this, [&written](Status s) {
            QVERIFY(s);
            written = true;
        });
        QTRY_VERIFY(written);
        m_appSandbox = new SandboxProcess(&m_nam, m_options);
        m_sandboxController = new SandboxController(m_appSandbox, m_secrets, &m_nam);
        m_profileService = new ProfileService(m_store, m_secrets);
        m_connectors = new ConnectorService(&m_nam, m_secrets, m_sandboxController);
        m_logout = new services::LogoutService(m_connectors);
        m_logout->setProfileStore(m_store);
        AppContext app;
        app.settings = m_settings;
        app.nam = &m_nam;
        app.profiles = m_store;
        app.secrets = m_secrets;
        app.profileService = m_profileService;
        app.sandbox = m_sandboxController;
        app.connectors = m_connectors;
        app.logout = m_logout;
        m_window = new MainWindow(app);
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
    }

    void cleanupTestCase()
    {
        delete m_window;
        delete m_logout;
        delete m_connectors;
        delete m_profileService;
        delete m_sandboxController;
        delete m_appSandbox;
        delete m_secrets;
        delete m_store; // owns m_settings
        m_idp.reset();
    }

    // "Log out user…" and "Log out every session of this RP…" plan their scope at the IdP and
    // show the confirmation; cancelling it sends nothing.
    void userAndRpScopesAskFirst()
    {
        const qint64 total = adminTotal(QStringLiteral("/admin/sessions"));
        m_window->showPage(MainWindow::SessionsPage);
        SessionsPage *page = sessionsPage();
        waitLoaded(total);
        auto *table = child<QTableView>(page, "sessionsTable");
        table->selectRow(0);
        const IdpSession first = page->selectedSessions().value(0);
        QVERIFY(!first.userId.isEmpty());
        const qint64 ofUser =
            adminTotal(QStringLiteral("/admin/sessions"), QUrlQuery{{QStringLiteral("user"), first.userId}});
        QTest::mouseClick(child<QPushButton>(page, "sessionsLogoutUser"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page->logoutFlow()->dialog() && page->logoutFlow()->dialog()->isVisible(),
                                 kLoadTimeoutMs);
        QString headline = child<QLabel>(page->logoutFlow()->dialog(), "logoutHeadline")->text();
        QVERIFY2(headline.contains(QStringLiteral("Log out %1 session(s) of 1 user(s)").arg(ofUser)),
                 qPrintable(headline));
        QVERIFY2(headline.contains(QStringLiteral("every session of user %1").arg(first.userId)), qPrintable(headline));
        page->logoutFlow()->dialog()->reject();
        QTRY_VERIFY(!page->logoutFlow()->dialog());

        m_window->showPage(MainWindow::RelyingPartiesPage);
        auto *rpPage = child<RelyingPartiesPage>(m_window, "relyingPartiesPage");
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
        const qint64 ofRp = adminTotal(QStringLiteral("/admin/sessions"),
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
        QCOMPARE(adminTotal(QStringLiteral("/admin/sessions")), total); // nothing was sent
    }

    // The whole flow on a real sandbox: select sessions that include the failing demo RP in a
    // filtered list, Ctrl+L, confirm with a chosen concurrency, watch the outcomes arrive on the
    // Deliveries page, open a failed delivery's details. The sandbox's admin API is the oracle.
    void selectConfirmWatchAndOpenAFailure()
    {
        const qint64 total = adminTotal(QStringLiteral("/admin/sessions"));
        QCOMPARE(total, qint64(kSeedSessions));
        m_window->showPage(MainWindow::SessionsPage);
        SessionsPage *page = sessionsPage();
        waitLoaded(total);
        // Keyboard focus needs the active window (a dialog of an earlier case may have had it).
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
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

        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), int(MainWindow::DeliveriesPage), kLoadTimeoutMs);
        auto *deliveries = child<DeliveriesPage>(m_window, "deliveriesPage");
        QCOMPARE(m_settings->value(LogoutConfirmDialog::concurrencyKey()).toInt(), 2);
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
            QVERIFY2(adminSession(s.id).isEmpty() || adminSession(s.id).contains(QStringLiteral("error")),
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
        m_window->resize(1400, 900);
        page->chart()->setClientId(QStringLiteral("demo-slow"));
        QTRY_VERIFY(child<QLabel>(page->chart(), "chartCaption")->text().startsWith(QStringLiteral("demo-slow")));
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/screenshot-deliveries.png")));
        QVERIFY(page->detailsDialog()->grab().save(dir + QStringLiteral("/screenshot-delivery-details.png")));
    }
};

QTEST_MAIN(TestLogoutFlow)
#include "tst_logoutflow.moc"
