#include "AboutDialog.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "ProfilesPage.h"
#include "Theme.h"
#include "idp/sandbox/SandboxProcess.h"
#include "services/AppContext.h"
#include "services/ConnectorService.h"
#include "services/MockRpWorkspace.h"
#include "services/ProfileService.h"
#include "services/SandboxController.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QSettings *m_settings = nullptr;
    ProfileStore *m_store = nullptr;
    MemorySecretStore *m_secrets = nullptr;
    MainWindow *m_window = nullptr;
    QNetworkAccessManager m_nam;
    SandboxProcess *m_sandbox = nullptr;
    ProfileService *m_profileService = nullptr;
    SandboxController *m_sandboxController = nullptr;
    ConnectorService *m_connectors = nullptr;
    services::MockRpWorkspace *m_mockRps = nullptr;

    QString settingsFile() const { return m_dir.filePath(QStringLiteral("Signoff.ini")); }

    template <typename T> T *child(QObject *parent, const char *name)
    {
        auto *w = parent->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }

    void fill(ProfileDialog *d, const char *name, const QString &text)
    {
        auto *e = child<QLineEdit>(d, name);
        QVERIFY(e);
        e->clear();
        QTest::keyClicks(e, text);
    }

private slots:
    void init()
    {
        m_settings = new QSettings(settingsFile(), QSettings::IniFormat);
        m_store = new ProfileStore(m_settings);
        m_store->ensureSandboxProfile();
        m_secrets = new MemorySecretStore;
        m_sandbox = new SandboxProcess(&m_nam, SandboxProcess::Options{});
        m_profileService = new ProfileService(m_store, m_secrets);
        m_sandboxController = new SandboxController(m_sandbox, m_secrets, &m_nam);
        AppContext app;
        app.settings = m_settings;
        app.nam = &m_nam;
        app.profiles = m_store;
        app.secrets = m_secrets;
        app.profileService = m_profileService;
        app.sandbox = m_sandboxController;
        m_connectors = new ConnectorService(&m_nam, m_secrets, m_sandboxController);
        app.connectors = m_connectors;
        m_mockRps = new services::MockRpWorkspace(&m_nam);
        app.mockRps = m_mockRps;
        m_window = new MainWindow(app);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup()
    {
        delete m_window;
        delete m_mockRps;
        delete m_connectors;
        delete m_sandboxController;
        delete m_profileService;
        delete m_sandbox;
        delete m_secrets;
        delete m_store;
        QFile::remove(settingsFile());
    }

    void navigatesEveryPage()
    {
        auto *nav = child<QListWidget>(m_window, "navigation");
        auto *stack = child<QStackedWidget>(m_window, "pages");
        QVERIFY(nav && stack);
        QCOMPARE(nav->count(), int(MainWindow::PageCount));
        const QStringList names{QStringLiteral("profilesPage"), QStringLiteral("relyingPartiesPage"),
                                QStringLiteral("sessionsPage"), QStringLiteral("deliveriesPage"),
                                QStringLiteral("mockRpsPage"),  QStringLiteral("historyPage")};
        for (int i = 0; i < nav->count(); ++i) {
            const QRect r = nav->visualItemRect(nav->item(i));
            QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, r.center());
            QCOMPARE(stack->currentWidget()->objectName(), names.at(i));
            // Every page is built now: none is an empty-state placeholder any more.
            QVERIFY(!stack->currentWidget()->findChild<QLabel *>(QStringLiteral("emptyStateText")));
            if (names.at(i) == QLatin1String("mockRpsPage"))
                QVERIFY(stack->currentWidget()->findChild<QListWidget *>(QStringLiteral("mockRpList")));
            if (names.at(i) == QLatin1String("deliveriesPage")) {
                // No run yet: the page says where one is started.
                auto *status = stack->currentWidget()->findChild<QLabel *>(QStringLiteral("deliveryRunStatus"));
                QVERIFY(status);
                QVERIFY2(status->text().startsWith(QStringLiteral("No logout in this session yet")),
                         qPrintable(status->text()));
            }
        }
        // Keyboard: Ctrl+1..6 switch pages.
        for (int i = 0; i < nav->count(); ++i) {
            QTest::keyClick(m_window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QTRY_COMPARE(m_window->currentPage(), i);
        }
    }

    void createsProfileThroughDialog()
    {
        auto *page = m_window->profilesPage();
        m_window->showPage(MainWindow::ProfilesPageIndex);
        QTest::mouseClick(child<QPushButton>(page, "addButton"), Qt::LeftButton);
        QTRY_VERIFY(page->openDialog());
        ProfileDialog *d = page->openDialog();
        QTRY_VERIFY(d->isVisible());

        // Bad input first: every problem is listed and nothing is saved.
        fill(d, "nameEdit", QStringLiteral("Prod Keycloak"));
        fill(d, "urlEdit", QStringLiteral("http://sso.example.com"));
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        auto *errors = child<QLabel>(d, "errorLabel");
        QVERIFY(errors->isVisible());
        QVERIFY2(errors->text().contains(QStringLiteral("https://")), qPrintable(errors->text()));
        QVERIFY(errors->text().contains(QStringLiteral("realm")));
        QVERIFY(errors->text().contains(QStringLiteral("client id")));
        QVERIFY(errors->text().contains(QStringLiteral("secret")));
        QCOMPARE(m_store->profiles().size(), 1);

        fill(d, "urlEdit", QStringLiteral("https://sso.example.com"));
        fill(d, "realmEdit", QStringLiteral("master"));
        fill(d, "clientIdEdit", QStringLiteral("signoff"));
        fill(d, "secretEdit", QStringLiteral("ui-secret-123"));
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(!page->openDialog());

        QCOMPARE(m_store->profiles().size(), 2);
        const auto p = m_store->find(QStringLiteral("Prod Keycloak"));
        QVERIFY(p);
        QCOMPARE(p->realm, QStringLiteral("master"));
        QCOMPARE(m_secrets->entries().value(p->secretKey()), QStringLiteral("ui-secret-123"));
        QFile f(settingsFile());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ini = f.readAll();
        QVERIFY(ini.contains("Prod Keycloak"));
        QVERIFY(!ini.contains("ui-secret-123"));

        // The new profile is selected; duplicate copies its secret under the copy's own key.
        QCOMPARE(page->currentId(), p->id);
        QTest::mouseClick(child<QPushButton>(page, "duplicateButton"), Qt::LeftButton);
        QTRY_VERIFY(page->openDialog());
        d = page->openDialog();
        QTRY_COMPARE(child<QLineEdit>(d, "secretEdit")->text(), QStringLiteral("ui-secret-123"));
        QCOMPARE(child<QLineEdit>(d, "nameEdit")->text(), QStringLiteral("Prod Keycloak (copy)"));
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(!page->openDialog());
        const auto copy = m_store->find(QStringLiteral("Prod Keycloak (copy)"));
        QVERIFY(copy);
        QCOMPARE(m_secrets->entries().value(copy->secretKey()), QStringLiteral("ui-secret-123"));

        // Use it: the status bar names the active profile.
        QTest::mouseClick(child<QPushButton>(page, "useButton"), Qt::LeftButton);
        QVERIFY(child<QLabel>(m_window, "activeProfileLabel")->text().contains(QStringLiteral("(copy)")));

        // Remove asks first; "no" keeps it, "yes" removes profile and secret.
        page->setConfirmer([](const QString &, const QString &) { return false; });
        QTest::mouseClick(child<QPushButton>(page, "removeButton"), Qt::LeftButton);
        QCOMPARE(m_store->profiles().size(), 3);
        page->setConfirmer([](const QString &, const QString &) { return true; });
        QTest::mouseClick(child<QPushButton>(page, "removeButton"), Qt::LeftButton);
        QTRY_COMPARE(m_store->profiles().size(), 2);
        QVERIFY(!m_secrets->entries().contains(copy->secretKey()));
        QVERIFY(child<QLabel>(m_window, "activeProfileLabel")->text().contains(QStringLiteral("No active")));
    }

    void keychainFailureKeepsTheDialogOpen()
    {
        auto *page = m_window->profilesPage();
        m_secrets->setUnavailable(true);
        page->addProfile();
        QTRY_VERIFY(page->openDialog());
        ProfileDialog *d = page->openDialog();
        fill(d, "nameEdit", QStringLiteral("Hydra"));
        fill(d, "urlEdit", QStringLiteral("https://hydra.example.com"));
        child<QComboBox>(d, "kindCombo")->setCurrentIndex(2);
        fill(d, "clientIdEdit", QStringLiteral("admin"));
        fill(d, "secretEdit", QStringLiteral("s"));
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        auto *errors = child<QLabel>(d, "errorLabel");
        QTRY_VERIFY(errors->text().contains(QStringLiteral("keychain")));
        QVERIFY(page->openDialog()); // still open, nothing typed is lost
        QCOMPARE(child<QLineEdit>(d, "nameEdit")->text(), QStringLiteral("Hydra"));
        QCOMPARE(m_store->profiles().size(), 1);
        d->reject();
    }

    void errorsStayReadableUnderADarkPalette()
    {
        const QPalette before = QApplication::palette();
        applyAppearance(QStringLiteral("dark"));
        auto *page = m_window->profilesPage();
        page->addProfile();
        QTRY_VERIFY(page->openDialog());
        ProfileDialog *d = page->openDialog();
        QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        auto *errors = child<QLabel>(d, "errorLabel");
        QTRY_VERIFY(errors->isVisible());
        const QColor window = d->palette().color(QPalette::Window);
        QVERIFY(window.lightness() < 128); // the dark palette is in effect
        const QColor error = errors->palette().color(QPalette::WindowText);
        QVERIFY2(contrastRatio(error, window) >= 4.5, qPrintable(error.name() + u" on " + window.name()));
        QVERIFY(error != d->palette().color(QPalette::WindowText)); // and it still looks like an error
        d->reject();
        QApplication::setPalette(before);
        // The light palette's error colour is readable too.
        QVERIFY(contrastRatio(errorTextColor(before), before.color(QPalette::Window)) >= 4.5);
    }

    void builtinProfileCannotBeRemoved()
    {
        auto *page = m_window->profilesPage();
        child<QTableView>(page, "profilesTable")->selectRow(0);
        QCOMPARE(page->currentId(), QStringLiteral("sandbox"));
        QVERIFY(!child<QPushButton>(page, "removeButton")->isEnabled());
        QVERIFY(child<QPushButton>(page, "editButton")->isEnabled());
    }

    void testConnectionReallyConnects()
    {
        // Nothing listens on the profile's port: the test says so in one sentence and claims nothing.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        Profile p = *m_store->find(QStringLiteral("sandbox"));
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QVERIFY(m_store->update(p));
        auto *page = m_window->profilesPage();
        child<QTableView>(page, "profilesTable")->selectRow(0);
        QTest::mouseClick(child<QPushButton>(page, "testButton"), Qt::LeftButton);
        auto *result = child<QLabel>(page, "resultLabel");
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("refused")), 30000);
        QVERIFY(!result->text().contains(QStringLiteral("Connected")));
    }

    void aboutShowsVersions()
    {
        auto *about = child<QAction>(m_window, "aboutAction");
        about->trigger();
        AboutDialog *d = nullptr;
        QTRY_VERIFY((d = m_window->findChild<AboutDialog *>()));
        const QString text = child<QLabel>(d, "aboutText")->text();
        QVERIFY(text.contains(QStringLiteral("OpenSSL 3")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("QtKeychain")));
        d->close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
