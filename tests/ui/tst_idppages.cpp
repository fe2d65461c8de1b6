#include "ErrorBanner.h"
#include "MainWindow.h"
#include "SessionsPage.h"
#include "idp/sandbox/SandboxProcess.h"
#include "items/RelyingPartyModel.h"
#include "items/SessionModel.h"
#include "services/AppContext.h"
#include "services/ConnectorService.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QIcon>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

using namespace signoff;

namespace {
int freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

constexpr int kSeedUsers = 9; // user-000001..9: "user-000003" names one user and no other
constexpr int kSeedSessions = 2500;
constexpr int kStartTimeoutMs = 90000; // bounds for a slow machine, not timing expectations
constexpr int kLoadTimeoutMs = 60000;
} // namespace

// The Relying parties and Sessions pages in the real main window, on a real sandbox IdP the test
// starts on a free loopback port; the admin API, asked directly, is the oracle for the counts.
class TestIdpPages : public QObject
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
        AppContext app;
        app.settings = m_settings;
        app.nam = &m_nam;
        app.profiles = m_store;
        app.secrets = m_secrets;
        app.profileService = m_profileService;
        app.sandbox = m_sandboxController;
        app.connectors = m_connectors;
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
        delete m_connectors;
        delete m_profileService;
        delete m_sandboxController;
        delete m_appSandbox;
        delete m_secrets;
        delete m_store; // owns m_settings
        m_idp.reset();
    }

    void relyingPartiesWithLint()
    {
        const qint64 clients = adminTotal(QStringLiteral("/admin/clients"));
        QVERIFY(clients >= 8);
        m_window->showPage(MainWindow::RelyingPartiesPage);
        auto *page = child<QWidget>(m_window, "relyingPartiesPage");
        auto *table = child<QTableView>(page, "rpTable");
        auto *status = child<QLabel>(page, "rpStatus");
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(clients), kLoadTimeoutMs);
        QVERIFY2(status->text().contains(QStringLiteral("relying parties: %1;").arg(clients)),
                 qPrintable(status->text()));
        // Only demo-no-bcl has settings that break logout on the sandbox (loopback http is fine).
        QVERIFY2(status->text().contains(QStringLiteral("with settings that break logout: 1")),
                 qPrintable(status->text()));

        int noBcl = -1;
        int healthy = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const QString id = table->model()->index(r, RelyingPartyModel::ClientIdColumn).data().toString();
            noBcl = id == QLatin1String("demo-no-bcl") ? r : noBcl;
            healthy = id == QLatin1String("demo-healthy") ? r : healthy;
        }
        QVERIFY(noBcl >= 0 && healthy >= 0);
        // The badge: text, icon and colour, never colour alone.
        const QModelIndex badge = table->model()->index(noBcl, RelyingPartyModel::FindingsColumn);
        QVERIFY2(badge.data().toString().startsWith(QStringLiteral("1 error")), qPrintable(badge.data().toString()));
        QVERIFY(!qvariant_cast<QIcon>(badge.data(Qt::DecorationRole)).isNull());
        QVERIFY(badge.data(Qt::ForegroundRole).isValid());
        QCOMPARE(table->model()->index(noBcl, RelyingPartyModel::UriColumn).data().toString(),
                 QStringLiteral("(none)"));
        const QModelIndex ok = table->model()->index(healthy, RelyingPartyModel::FindingsColumn);
        QCOMPARE(ok.data().toString(), QStringLiteral("OK"));
        QVERIFY(!qvariant_cast<QIcon>(ok.data(Qt::DecorationRole)).isNull());

        // Walk to demo-no-bcl with the keyboard: the details pane explains the finding and its fix.
        auto *details = child<QTextBrowser>(page, "rpDetails");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Home);
        QTRY_COMPARE(table->currentIndex().row(), 0);
        for (int r = 0; r < noBcl; ++r)
            QTest::keyClick(table, Qt::Key_Down);
        QCOMPARE(table->currentIndex().row(), noBcl);
        const QString text = details->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("demo-no-bcl")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("no_backchannel_uri")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("never told when a user signs out")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("How to fix:")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Register the RP's back-channel logout endpoint")), qPrintable(text));
    }

    void sessionsBrowseFilterSelectCopy()
    {
        const qint64 total = adminTotal(QStringLiteral("/admin/sessions"));
        QCOMPARE(total, qint64(kSeedSessions));
        m_window->showPage(MainWindow::SessionsPage);
        SessionsPage *page = sessionsPage();
        QVERIFY(page && page->isVisible());
        waitLoaded(total);
        // The IP column shows what the sandbox's admin API has for the session, or says it has none.
        const QModelIndex first = page->filterModel()->index(0, SessionModel::IpColumn);
        const QJsonObject item = adminSession(first.data(SessionModel::SessionIdRole).toString());
        QVERIFY(!item.isEmpty());
        if (item.value(QStringLiteral("ip")).isString()) {
            QCOMPARE(first.data().toString(), item.value(QStringLiteral("ip")).toString());
            QVERIFY(!first.data(SessionModel::NotExposedRole).toBool());
        } else {
            QCOMPARE(first.data().toString(), SessionModel::notExposed());
            QVERIFY(first.data(SessionModel::NotExposedRole).toBool());
        }

        // Type to filter: one user's sessions (the filter is case-insensitive).
        const qint64 mine = adminTotal(QStringLiteral("/admin/sessions"),
                                       QUrlQuery{{QStringLiteral("user"), QStringLiteral("user-000003")}});
        QVERIFY(mine >= 3);
        auto *filter = child<QLineEdit>(page, "sessionFilter");
        auto *count = child<QLabel>(page, "sessionCount");
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("USER-000003"));
        QCOMPARE(page->filterModel()->rowCount(), int(mine));
        QVERIFY2(count->text().contains(QStringLiteral("%1 match the filter").arg(QLocale().toString(mine))),
                 qPrintable(count->text()));
        QVERIFY(count->text().startsWith(sessionsText(total)));

        // Select three rows with the keyboard, copy them as TSV.
        auto *table = child<QTableView>(page, "sessionsTable");
        table->setFocus();
        QTest::keyClick(table, Qt::Key_Home);
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 3);
        QCOMPARE(child<QTextBrowser>(page, "sessionDetails")->toPlainText(), QStringLiteral("3 sessions selected."));
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        for (int r = 0; r < 3; ++r) {
            const QStringList f = lines[r].split(QLatin1Char('\t'));
            QCOMPARE(f.size(), 7); // id, user, name, ip, started, last access, RPs
            const QModelIndex row = page->filterModel()->index(r, 0);
            QCOMPARE(f[0], row.data(SessionModel::SessionIdRole).toString());
            QCOMPARE(f[1], QStringLiteral("user-000003"));
            const IdpSession &s = page->model()->at(page->filterModel()->mapToSource(row).row());
            QCOMPARE(f[3], s.ip.value_or(QString())); // empty, not the "not exposed" sentence
            QCOMPARE(f[2], s.userName);
            QVERIFY2(QDateTime::fromString(f[4], Qt::ISODate).isValid(), qPrintable(f[4]));
            QCOMPARE(f[6], page->filterModel()->index(r, SessionModel::RpsColumn).data().toString());
        }

        filter->clear();
        QCOMPARE(page->filterModel()->rowCount(), int(total));
        QCOMPARE(count->text(), sessionsText(total));

        // Scope to one RP with the keyboard: only sessions that include it are loaded.
        auto *scope = child<QComboBox>(page, "sessionScope");
        QTRY_VERIFY_WITH_TIMEOUT(scope->findData(QStringLiteral("demo-healthy")) > 0, kLoadTimeoutMs);
        const qint64 healthy = adminTotal(QStringLiteral("/admin/sessions"),
                                          QUrlQuery{{QStringLiteral("client_id"), QStringLiteral("demo-healthy")}});
        QVERIFY(healthy > 0 && healthy < total);
        scope->setCurrentIndex(scope->findData(QStringLiteral("demo-healthy")) - 1);
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Down);
        QCOMPARE(scope->currentData().toString(), QStringLiteral("demo-healthy"));
        waitLoaded(healthy);
        for (const IdpSession &s : page->model()->sessions())
            QVERIFY2(SessionModel::rpList(s).contains(QStringLiteral("demo-healthy")), qPrintable(s.id));

        // Back to every RP.
        QTest::keyClick(scope, Qt::Key_Home);
        QCOMPARE(scope->currentIndex(), 0);
        waitLoaded(total);
    }

    void errorBannerAndRetry()
    {
        SessionsPage *page = sessionsPage();
        QVERIFY(page && page->isVisible());
        auto *banner = child<ErrorBanner>(page, "errorBanner");
        QVERIFY(!banner->isVisible());

        // The IdP goes away: Refresh says so in a banner instead of showing an empty list as the truth.
        m_idp->stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_idp->state(), SandboxProcess::State::Stopped, kLoadTimeoutMs);
        QTest::mouseClick(child<QPushButton>(page, "sessionsRefresh"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kLoadTimeoutMs);
        QVERIFY2(banner->text().contains(QStringLiteral("Loading stopped after 0 session")),
                 qPrintable(banner->text()));
        QVERIFY(!page->isLoading());

        // It comes back (a new process: new sessions, new tokens): Retry loads everything again.
        startIdp();
        const qint64 total = adminTotal(QStringLiteral("/admin/sessions"));
        QCOMPARE(total, qint64(kSeedSessions));
        QTest::mouseClick(child<QPushButton>(banner, "retryButton"), Qt::LeftButton);
        waitLoaded(total);
        QVERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(TestIdpPages)
#include "tst_idppages.moc"
