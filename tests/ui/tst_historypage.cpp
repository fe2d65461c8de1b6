// The History page, offscreen, over a real history in a temporary data folder: runs listed newest
// first, filter as you type, state and RP filters, a run's deliveries, Export (Ctrl+E) with the
// signature redacted, Refresh (F5), a run that finishes appears, and a missing history said plainly.
#include "HistoryPage.h"
#include "TestEnv.h"
#include "logout/LogoutRun.h"
#include "services/AppContext.h"
#include "services/LogoutService.h"
#include "store/HistoryStore.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace signoff;
using namespace signoff::logout;

namespace {
constexpr int kUiTimeoutMs = 10000; // generous bound for a loaded machine, not a speed claim
const QByteArray kSignature = "c2lnbmF0dXJlLW9mLXRoZS11aS10ZXN0";

RunInfo run(const QString &id, const QString &profile, int minutesAgo)
{
    RunInfo r;
    r.id = id;
    r.profileId = profile;
    r.profileName = profile;
    r.scope.kind = LogoutScope::Kind::RelyingParty;
    r.scope.clientId = QStringLiteral("demo-healthy");
    r.status = RunStatus::Finished;
    r.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo);
    return r;
}

Delivery delivery(const QString &session, const QString &client, DeliveryState state)
{
    Delivery d;
    d.sessionId = session;
    d.clientId = client;
    d.userName = QStringLiteral("alice");
    d.state = state;
    d.source = OutcomeSource::Idp;
    d.httpStatus = state == DeliveryState::Delivered ? 200 : 503;
    d.logoutToken = "eyJhbGciOiJSUzI1NiJ9.eyJzaWQiOiJ4In0." + kSignature;
    return d;
}
} // namespace

class TestHistoryPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsFiltersAndShowsDeliveries();
    void exportsWithCtrlE();
    void refreshAndFinishedRunsShowNewRuns();
    void missingHistoryIsSaid();

private:
    template <typename T> T *child(const char *name)
    {
        auto *w = m_page->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    int runRows() { return child<QTableView>("historyRuns")->model()->rowCount(); }
    int deliveryRows() { return child<QTableView>("historyDeliveries")->model()->rowCount(); }
    void selectRun(int row)
    {
        auto *view = child<QTableView>("historyRuns");
        view->selectRow(row);
    }

    IsolatedHome m_home;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<services::LogoutService> m_logout;
    AppContext m_app;
    std::unique_ptr<HistoryPage> m_page;
};

void TestHistoryPage::initTestCase()
{
    m_home.applyToThisProcess();
    QCoreApplication::setOrganizationName(QStringLiteral("Signoff"));
    QCoreApplication::setApplicationName(QStringLiteral("Signoff"));
    auto opened = HistoryStore::open(HistoryStore::defaultPath());
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    QVERIFY(HistoryStore::defaultPath().startsWith(m_home.dataHome()));
    m_history = std::move(opened).value();
    QVERIFY(m_history->save(run(QStringLiteral("run-a"), QStringLiteral("Sandbox"), 30),
                            {delivery(QStringLiteral("s1"), QStringLiteral("demo-healthy"), DeliveryState::Delivered),
                             delivery(QStringLiteral("s2"), QStringLiteral("demo-failing"), DeliveryState::Failed)}));
    QVERIFY(m_history->save(run(QStringLiteral("run-b"), QStringLiteral("Keycloak prod"), 20),
                            {delivery(QStringLiteral("s3"), QStringLiteral("portal"), DeliveryState::Delivered)}));
    QVERIFY(m_history->save(run(QStringLiteral("run-c"), QStringLiteral("Sandbox"), 10), {}));
    m_settings = std::make_unique<QSettings>(m_home.settingsFile(), QSettings::IniFormat);
    m_logout = std::make_unique<services::LogoutService>(nullptr);
    m_app.settings = m_settings.get();
    m_app.history = m_history.get();
    m_app.logout = m_logout.get();
    m_page = std::make_unique<HistoryPage>(m_app);
    m_page->resize(1000, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestHistoryPage::listsFiltersAndShowsDeliveries()
{
    QCOMPARE(runRows(), 3);
    auto *runs = child<QTableView>("historyRuns");
    QCOMPARE(runs->model()->index(0, 0).data(Qt::UserRole + 1).toString(), QStringLiteral("run-c")); // newest first

    // Filter as you type, over every column.
    QTest::keyClicks(child<QLineEdit>("historyFilter"), QStringLiteral("keycl"));
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 1, kUiTimeoutMs);
    child<QLineEdit>("historyFilter")->clear();
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 3, kUiTimeoutMs);

    // State: only runs with a failed delivery, and only the failed deliveries.
    auto *state = child<QComboBox>("historyStateFilter");
    state->setCurrentIndex(state->findData(QStringLiteral("failed")));
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 1, kUiTimeoutMs);
    selectRun(0);
    QTRY_COMPARE_WITH_TIMEOUT(deliveryRows(), 1, kUiTimeoutMs);
    state->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 3, kUiTimeoutMs);
    // The selection survives the reload: run-a's two deliveries now.
    QCOMPARE(m_page->selectedRunId(), QStringLiteral("run-a"));
    QTRY_COMPARE_WITH_TIMEOUT(deliveryRows(), 2, kUiTimeoutMs);

    // Relying party (debounced as you type).
    QTest::keyClicks(child<QLineEdit>("historyRpFilter"), QStringLiteral("portal"));
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 1, kUiTimeoutMs);
    child<QLineEdit>("historyRpFilter")->clear();
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 3, kUiTimeoutMs);
}

void TestHistoryPage::exportsWithCtrlE()
{
    const QString file = m_home.path() + QStringLiteral("/export.csv");
    int asked = 0;
    m_page->setFileChooser([&](HistoryStore::ExportFormat *format) {
        ++asked;
        *format = HistoryStore::ExportFormat::Csv;
        return file;
    });
    const int row = child<QTableView>("historyRuns")
                        ->model()
                        ->match(child<QTableView>("historyRuns")->model()->index(0, 0), Qt::UserRole + 1,
                                QStringLiteral("run-a"))[0]
                        .row();
    selectRun(row);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->selectedRunId(), QStringLiteral("run-a"), kUiTimeoutMs);
    child<QTableView>("historyRuns")->setFocus();
    QTest::keyClick(child<QTableView>("historyRuns"), Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(asked, 1, kUiTimeoutMs);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QVERIFY(csv.contains("run-a"));
    QVERIFY(!csv.contains("run-b"));
    QVERIFY(!csv.contains(kSignature));
    QVERIFY(csv.contains(".<redacted>"));
    QVERIFY(child<QLabel>("historyStatus")->text().contains(file));
}

void TestHistoryPage::refreshAndFinishedRunsShowNewRuns()
{
    // Written by someone else (signoffctl): F5 reads it.
    QVERIFY(m_history->save(run(QStringLiteral("run-d"), QStringLiteral("Sandbox"), 5), {}));
    QCOMPARE(runRows(), 3);
    child<QTableView>("historyRuns")->setFocus();
    QTest::keyClick(child<QTableView>("historyRuns"), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 4, kUiTimeoutMs);

    // A run of this console: shown when it starts and read again when it finishes.
    LogoutRun live(nullptr, LogoutPlan{}, LogoutRun::Options{}, {});
    QSignalSpy resets(child<QTableView>("historyRuns")->model(), &QAbstractItemModel::modelReset);
    emit m_logout->runStarted(&live);
    QTRY_VERIFY_WITH_TIMEOUT(resets.size() >= 1, kUiTimeoutMs);
    QCOMPARE(runRows(), 4);
    // Written after the start was read: only the finish can bring it in.
    RunInfo info = run(QStringLiteral("run-e"), QStringLiteral("Sandbox"), 0);
    QVERIFY(m_history->save(info, {}));
    emit live.finished(info);
    QTRY_COMPARE_WITH_TIMEOUT(runRows(), 5, kUiTimeoutMs);
}

void TestHistoryPage::missingHistoryIsSaid()
{
    AppContext none;
    none.historyError = QStringLiteral("Cannot open the history database /nowhere: disk on fire");
    HistoryPage page(none);
    auto *warning = page.findChild<QLabel *>(QStringLiteral("historyUnavailable"));
    QVERIFY(warning);
    QVERIFY(warning->text().contains(QStringLiteral("disk on fire")));
    QVERIFY(warning->text().contains(QStringLiteral("not being kept")));
}

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
