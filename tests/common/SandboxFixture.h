#pragma once

#include "ErrorBanner.h"
#include "FreePort.h"
#include "MainWindow.h"
#include "SessionsPage.h"
#include "idp/sandbox/SandboxProcess.h"
#include "items/SessionModel.h"
#include "services/AppContext.h"
#include "services/ConnectorService.h"
#include "services/LogoutService.h"
#include "services/MockRpWorkspace.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>

#include <memory>

namespace signoff {

// The named child of parent; warns (and returns null) when there is none, so a renamed widget
// shows up in the log rather than only as a crash.
template <typename T> T *child(QObject *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no child %s", name);
    return w;
}

// The console in the real main window on a real sandbox IdP that the test starts on a free
// loopback port; the console's services reach it through the built-in sandbox profile. The
// sandbox's admin API, asked directly (not through Signoff), is the tests' oracle.
class SandboxFixture
{
public:
    struct Options
    {
        int seedUsers = 4;
        int seedSessions = 60;
        bool withLogout = false;  // a LogoutService in the AppContext
        bool withMockRps = false; // a MockRpWorkspace, persisted in the settings
        QSize windowSize{1200, 800};
    };
    // Bounds for a slow machine, not timing expectations.
    static constexpr int kStartTimeoutMs = 90000;
    static constexpr int kReplyTimeoutMs = 60000;

    // Starts the IdP, wires the services and shows the window; a failure fails the current test
    // function (check QTest::currentTestFailed()).
    void start(const Options &options)
    {
        QVERIFY(m_dir.isValid());
        m_port = freePort();
        m_options.port = m_port;
        m_options.dataDir = m_dir.filePath(QStringLiteral("sandbox"));
        m_options.seedUsers = options.seedUsers;
        m_options.seedSessions = options.seedSessions;
        m_options.healthIntervalMs = 300;
        m_options.startTimeoutMs = kStartTimeoutMs;
        startIdp();
        if (QTest::currentTestFailed())
            return;
        createServices(options);
        if (QTest::currentTestFailed())
            return;
        showWindow(options.windowSize);
    }

    // Closes the window and the services in reverse order, then stops the IdP.
    void stop()
    {
        m_window.reset();
        m_mockRps.reset();
        m_logout.reset();
        m_connectors.reset();
        m_profileService.reset();
        m_sandboxController.reset();
        m_appSandbox.reset();
        m_secrets.reset();
        m_store.reset(); // owns m_settings
        m_settings = nullptr;
        m_idp.reset();
    }

    // (Re)starts the test's IdP with the same port, data and secret.
    void startIdp()
    {
        m_idp = std::make_unique<SandboxProcess>(&m_nam, m_options);
        m_idp->start(m_secret);
        QTRY_VERIFY_WITH_TIMEOUT(m_idp->state() == SandboxProcess::State::Running ||
                                     m_idp->state() == SandboxProcess::State::Failed,
                                 kStartTimeoutMs);
        QVERIFY2(m_idp->state() == SandboxProcess::State::Running, qPrintable(m_idp->log().join(u'\n')));
    }

    SandboxProcess *idp() const { return m_idp.get(); }
    MainWindow *window() const { return m_window.get(); }
    QSettings *settings() const { return m_settings; }
    services::MockRpWorkspace *mockRps() const { return m_mockRps.get(); }
    QNetworkAccessManager *nam() { return &m_nam; }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    // The reply's body once it has finished (or the bound passed); its HTTP status into status.
    QByteArray await(QNetworkReply *reply, int *status = nullptr)
    {
        std::unique_ptr<QNetworkReply> r(reply);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(kReplyTimeoutMs);
        if (status)
            *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return r->readAll();
    }

    // A request to the sandbox's admin API with a fresh admin token.
    QNetworkRequest adminRequest(const QString &path, const QUrlQuery &query = {})
    {
        QUrl url(base() + path);
        if (!query.isEmpty())
            url.setQuery(query);
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + adminToken());
        return req;
    }

    QJsonObject adminGet(const QString &path, const QUrlQuery &query = {})
    {
        return QJsonDocument::fromJson(await(m_nam.get(adminRequest(path, query)))).object();
    }

    QJsonObject adminSession(const QString &uid) { return adminGet(QStringLiteral("/admin/sessions/") + uid); }

    // The listing's "total", or -1 when the answer has none.
    qint64 adminTotal(const QString &path, const QUrlQuery &query = {})
    {
        const QJsonValue total = adminGet(path, query).value(QStringLiteral("total"));
        return total.isDouble() ? qint64(total.toDouble()) : -1;
    }

    static QString sessionsText(qint64 n) { return QStringLiteral("%1 sessions").arg(QLocale().toString(n)); }

    SessionsPage *sessionsPage() const { return child<SessionsPage>(m_window.get(), "sessionsPage"); }

    // Waits until the Sessions page has loaded everything and says how many.
    void waitSessionsLoaded(qint64 total)
    {
        SessionsPage *page = sessionsPage();
        auto *count = child<QLabel>(page, "sessionCount");
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && count->text().startsWith(sessionsText(total)), kReplyTimeoutMs);
        QCOMPARE(page->model()->rowCount(), int(total));
        QVERIFY(!child<ErrorBanner>(page, "errorBanner")->isVisible());
    }

private:
    QByteArray adminToken()
    {
        QNetworkRequest tokenRequest(QUrl(base() + QStringLiteral("/token")));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        tokenRequest.setRawHeader("Authorization",
                                  "Basic " + QByteArray("signoff-admin:" + m_secret.toUtf8()).toBase64());
        return QJsonDocument::fromJson(await(m_nam.post(tokenRequest, "grant_type=client_credentials&scope=admin")))
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toUtf8();
    }

    void createServices(const Options &options)
    {
        m_settings = new QSettings(m_dir.filePath(QStringLiteral("Signoff.ini")), QSettings::IniFormat);
        m_store = std::make_unique<ProfileStore>(m_settings);
        Profile sandbox = m_store->ensureSandboxProfile();
        sandbox.baseUrl.setPort(m_port);
        QVERIFY(m_store->update(sandbox));
        m_store->setActiveProfileId(sandbox.id);
        m_secrets = std::make_unique<MemorySecretStore>();
        bool written = false;
        m_secrets->write(QStringLiteral("profile/sandbox"), m_secret, &m_context, [&written](Status s) {
            QVERIFY(s);
            written = true;
        });
        QTRY_VERIFY(written);
        // The console's own sandbox, never started: the test runs the IdP.
        m_appSandbox = std::make_unique<SandboxProcess>(&m_nam, m_options);
        m_sandboxController = std::make_unique<SandboxController>(m_appSandbox.get(), m_secrets.get(), &m_nam);
        m_profileService = std::make_unique<ProfileService>(m_store.get(), m_secrets.get());
        m_connectors = std::make_unique<ConnectorService>(&m_nam, m_secrets.get(), m_sandboxController.get());
        if (options.withLogout) {
            m_logout = std::make_unique<services::LogoutService>(m_connectors.get());
            m_logout->setProfileStore(m_store.get());
        }
        if (options.withMockRps) {
            m_mockRps = std::make_unique<services::MockRpWorkspace>(&m_nam);
            m_mockRps->persistIn(m_settings);
        }
    }

    void showWindow(QSize size)
    {
        AppContext app;
        app.settings = m_settings;
        app.nam = &m_nam;
        app.profiles = m_store.get();
        app.secrets = m_secrets.get();
        app.profileService = m_profileService.get();
        app.sandbox = m_sandboxController.get();
        app.connectors = m_connectors.get();
        app.logout = m_logout.get();
        app.mockRps = m_mockRps.get();
        m_window = std::make_unique<MainWindow>(app);
        m_window->resize(size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    QObject m_context; // receiver of the callbacks the fixture waits for
    const QString m_secret = QUuid::createUuid().toString(QUuid::WithoutBraces);
    int m_port = 0;
    SandboxProcess::Options m_options;
    std::unique_ptr<SandboxProcess> m_idp;
    QSettings *m_settings = nullptr;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<SandboxProcess> m_appSandbox;
    std::unique_ptr<SandboxController> m_sandboxController;
    std::unique_ptr<ProfileService> m_profileService;
    std::unique_ptr<ConnectorService> m_connectors;
    std::unique_ptr<services::LogoutService> m_logout;
    std::unique_ptr<services::MockRpWorkspace> m_mockRps;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace signoff
