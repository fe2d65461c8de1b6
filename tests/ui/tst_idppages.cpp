#include "ErrorBanner.h"
#include "MainWindow.h"
#include "SandboxFixture.h"
#include "SessionsPage.h"
#include "items/RelyingPartyModel.h"
#include "items/SessionModel.h"

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
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUrlQuery>

#include <memory>

using namespace signoff;

namespace {
constexpr int kSeedUsers = 9; // user-000001..9: "user-000003" names one user and no other
constexpr int kSeedSessions = 2500;
constexpr int kLoadTimeoutMs = 60000; // bounds for a slow machine, not timing expectations
} // namespace

// The Relying parties and Sessions pages in the real main window, on a real sandbox IdP the test
// starts on a free loopback port; the admin API, asked directly, is the oracle for the counts.
class TestIdpPages : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_fx;

private slots:
    void initTestCase() { m_fx.start({kSeedUsers, kSeedSessions}); }

    void cleanupTestCase() { m_fx.stop(); }

    void relyingPartiesWithLint()
    {
        const qint64 clients = m_fx.adminTotal(QStringLiteral("/admin/clients"));
        QVERIFY(clients >= 8);
        m_fx.window()->showPage(MainWindow::RelyingPartiesPage);
        auto *page = child<QWidget>(m_fx.window(), "relyingPartiesPage");
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
        const qint64 total = m_fx.adminTotal(QStringLiteral("/admin/sessions"));
        QCOMPARE(total, qint64(kSeedSessions));
        m_fx.window()->showPage(MainWindow::SessionsPage);
        SessionsPage *page = m_fx.sessionsPage();
        QVERIFY(page && page->isVisible());
        m_fx.waitSessionsLoaded(total);
        // The IP column shows what the sandbox's admin API has for the session, or says it has none.
        const QModelIndex first = page->filterModel()->index(0, SessionModel::IpColumn);
        const QJsonObject item = m_fx.adminSession(first.data(SessionModel::SessionIdRole).toString());
        QVERIFY(!item.isEmpty());
        if (item.value(QStringLiteral("ip")).isString()) {
            QCOMPARE(first.data().toString(), item.value(QStringLiteral("ip")).toString());
            QVERIFY(!first.data(SessionModel::NotExposedRole).toBool());
        } else {
            QCOMPARE(first.data().toString(), SessionModel::notExposed());
            QVERIFY(first.data(SessionModel::NotExposedRole).toBool());
        }

        // Type to filter: one user's sessions (the filter is case-insensitive).
        const qint64 mine = m_fx.adminTotal(QStringLiteral("/admin/sessions"),
                                            QUrlQuery{{QStringLiteral("user"), QStringLiteral("user-000003")}});
        QVERIFY(mine >= 3);
        auto *filter = child<QLineEdit>(page, "sessionFilter");
        auto *count = child<QLabel>(page, "sessionCount");
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("USER-000003"));
        QCOMPARE(page->filterModel()->rowCount(), int(mine));
        QVERIFY2(count->text().contains(QStringLiteral("%1 match the filter").arg(QLocale().toString(mine))),
                 qPrintable(count->text()));
        QVERIFY(count->text().startsWith(m_fx.sessionsText(total)));

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
        QCOMPARE(count->text(), m_fx.sessionsText(total));

        // Scope to one RP with the keyboard: only sessions that include it are loaded.
        auto *scope = child<QComboBox>(page, "sessionScope");
        QTRY_VERIFY_WITH_TIMEOUT(scope->findData(QStringLiteral("demo-healthy")) > 0, kLoadTimeoutMs);
        const qint64 healthy =
            m_fx.adminTotal(QStringLiteral("/admin/sessions"),
                            QUrlQuery{{QStringLiteral("client_id"), QStringLiteral("demo-healthy")}});
        QVERIFY(healthy > 0 && healthy < total);
        scope->setCurrentIndex(scope->findData(QStringLiteral("demo-healthy")) - 1);
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Down);
        QCOMPARE(scope->currentData().toString(), QStringLiteral("demo-healthy"));
        m_fx.waitSessionsLoaded(healthy);
        for (const IdpSession &s : page->model()->sessions())
            QVERIFY2(SessionModel::rpList(s).contains(QStringLiteral("demo-healthy")), qPrintable(s.id));

        // Back to every RP.
        QTest::keyClick(scope, Qt::Key_Home);
        QCOMPARE(scope->currentIndex(), 0);
        m_fx.waitSessionsLoaded(total);
    }

    void errorBannerAndRetry()
    {
        SessionsPage *page = m_fx.sessionsPage();
        QVERIFY(page && page->isVisible());
        auto *banner = child<ErrorBanner>(page, "errorBanner");
        QVERIFY(!banner->isVisible());

        // The IdP goes away: Refresh says so in a banner instead of showing an empty list as the truth.
        m_fx.idp()->stop();
        QTRY_COMPARE_WITH_TIMEOUT(m_fx.idp()->state(), SandboxProcess::State::Stopped, kLoadTimeoutMs);
        QTest::mouseClick(child<QPushButton>(page, "sessionsRefresh"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kLoadTimeoutMs);
        QVERIFY2(banner->text().contains(QStringLiteral("Loading stopped after 0 session")),
                 qPrintable(banner->text()));
        QVERIFY(!page->isLoading());

        // It comes back (a new process: new sessions, new tokens): Retry loads everything again.
        m_fx.startIdp();
        const qint64 total = m_fx.adminTotal(QStringLiteral("/admin/sessions"));
        QCOMPARE(total, qint64(kSeedSessions));
        QTest::mouseClick(child<QPushButton>(banner, "retryButton"), Qt::LeftButton);
        m_fx.waitSessionsLoaded(total);
        QVERIFY(!banner->isVisible());
    }
};

QTEST_MAIN(TestIdpPages)
#include "tst_idppages.moc"
