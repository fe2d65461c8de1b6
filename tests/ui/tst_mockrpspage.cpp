// The Mock RPs page in the real main window, on a real sandbox IdP the test starts on a free
// loopback port: start a mock RP from the page, point demo-healthy at it, log a session out
// through the sandbox's admin API, see the request arrive with its verdicts, relay, point back.
// The sandbox's admin API, asked directly, is the oracle.
#include "DemoRpPanel.h"
#include "MainWindow.h"
#include "MockRequestDetails.h"
#include "MockRpForm.h"
#include "MockRpsPage.h"
#include "SandboxFixture.h"
#include "items/MockRequestModel.h"
#include "services/MockRpWorkspace.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
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

namespace {
constexpr int kTimeoutMs = 60000; // bounds for a slow machine, not timing expectations
} // namespace

class TestMockRpsPage : public QObject
{
    Q_OBJECT

private:
    SandboxFixture m_fx;
    MockRpsPage *m_page = nullptr;

    template <typename T> T *child(const char *name) { return signoff::child<T>(m_fx.window(), name); }

    QString base() const { return m_fx.base(); }

    // Straight from the sandbox's admin API, not through Signoff.
    QJsonObject adminGet(const QString &path) { return m_fx.adminGet(path); }

    QJsonObject adminPost(const QString &path, const QJsonObject &body, int *status)
    {
        QNetworkRequest req = m_fx.adminRequest(path);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return QJsonDocument::fromJson(
                   m_fx.await(m_fx.nam()->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact)), status))
            .object();
    }

    QString clientUri(const QString &clientId)
    {
        return adminGet(QStringLiteral("/admin/clients/") + clientId)
            .value(QStringLiteral("backchannel_logout_uri"))
            .toString();
    }

    // One live session that includes demo-healthy; logs it out and waits for the run to finish.
    QJsonObject logOutOneHealthySession()
    {
        const QJsonArray items = adminGet(QStringLiteral("/admin/sessions?client_id=demo-healthy&limit=1"))
                                     .value(QStringLiteral("items"))
                                     .toArray();
        if (items.isEmpty())
            return {};
        int status = 0;
        const QJsonObject run = adminPost(
            QStringLiteral("/admin/logout"),
            {{QStringLiteral("session"), items.first().toObject().value(QStringLiteral("uid")).toString()}}, &status);
        if (status != 202)
            return {};
        const QString path =
            QStringLiteral("/admin/runs/%1?deliveries=true").arg(run.value(QStringLiteral("run_id")).toString());
        // Polled with a deadline: the run's end is the condition, the bound is for a loaded machine.
        const QDeadlineTimer deadline(kTimeoutMs);
        while (!deadline.hasExpired()) {
            const QJsonObject finished = adminGet(path);
            if (finished.value(QStringLiteral("status")).toString() == QLatin1String("finished"))
                return finished;
            QTest::qWait(50);
        }
        return {};
    }

    static QJsonObject delivery(const QJsonObject &run, const QString &clientId)
    {
        for (const QJsonValue &d : run.value(QStringLiteral("deliveries")).toArray())
            if (d.toObject().value(QStringLiteral("client_id")).toString() == clientId)
                return d.toObject();
        return {};
    }

    int demoRow(const QString &clientId)
    {
        auto *table = child<QTableWidget>("demoRpTable");
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == clientId)
                return r;
        return -1;
    }

private slots:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.withMockRps = true;
        options.windowSize = QSize(1400, 900);
        m_fx.start(options);
        if (QTest::currentTestFailed())
            return;
        m_fx.window()->showPage(MainWindow::MockRpsPage);
        m_page = child<MockRpsPage>("mockRpsPage");
        QVERIFY(m_page && m_page->isVisible());
    }

    void cleanupTestCase() { m_fx.stop(); }

    void addWithDefaultsAndStart()
    {
        auto *list = child<QListWidget>("mockRpList");
        QCOMPARE(list->count(), 0);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(m_fx.mockRps()->count(), 1);
        QCOMPARE(list->currentRow(), 0);
        // The sandbox profile's defaults.
        QCOMPARE(child<QLineEdit>("mockRpIssuer")->text(), base());
        QCOMPARE(child<QLineEdit>("mockRpKeyUrl")->text(),
                 base() + QStringLiteral("/.well-known/openid-configuration"));
        QCOMPARE(child<QLineEdit>("mockRpClientId")->text(), QStringLiteral("signoff-mock-rp"));
        QCOMPARE(child<QLineEdit>("mockRpAddress")->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(child<QSpinBox>("mockRpPort")->value(), 9401);
        QCOMPARE(child<QLineEdit>("mockRpPath")->text(), QStringLiteral("/backchannel-logout"));

        // A config problem is said next to the form, and nothing starts.
        auto *form = child<MockRpForm>("mockRpForm");
        auto *issuer = child<QLineEdit>("mockRpIssuer");
        issuer->clear();
        QTest::mouseClick(child<QPushButton>("mockRpApply"), Qt::LeftButton);
        QVERIFY2(form->error().contains(QStringLiteral("needs an issuer and a client id")), qPrintable(form->error()));
        QTest::keyClicks(issuer, base());
        auto *algorithms = child<QLineEdit>("mockRpAlgorithms");
        const QString algs = algorithms->text();
        algorithms->setText(QStringLiteral("RS256, XX999"));
        QTest::mouseClick(child<QPushButton>("mockRpApply"), Qt::LeftButton);
        QVERIFY2(form->error().contains(QStringLiteral("\"XX999\" is not a JWS algorithm")), qPrintable(form->error()));
        algorithms->setText(algs);

        // Any free port (9401 may be another test's), then Ctrl+R starts it.
        child<QSpinBox>("mockRpPort")->setValue(0);
        QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
        QVERIFY2(form->error().isEmpty(), qPrintable(form->error()));
        QVERIFY(m_fx.mockRps()->at(0)->isRunning());
        const QUrl url = m_fx.mockRps()->at(0)->url();
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QCOMPARE(child<QLabel>("mockRpUrl")->text(), url.toString());
        QCOMPARE(child<QPushButton>("mockRpStart")->text(), QStringLiteral("&Stop"));
        QVERIFY(list->item(0)->text().contains(url.toString()));
        QCOMPARE(child<QLabel>("mockRpFingerprint")->text(), QStringLiteral("(no TLS)"));
        // The keys come from the sandbox's discovery document.
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.mockRps()->at(0)->keys()->keys() != nullptr, kTimeoutMs);
        QVERIFY2(form->error().isEmpty(), qPrintable(form->error()));
    }

    void pointDemoRpAtMockRpAndLogOut()
    {
        auto *panel = child<DemoRpPanel>("demoRpPanel");
        auto *table = child<QTableWidget>("demoRpTable");
        QTRY_VERIFY2_WITH_TIMEOUT(!panel->isBusy() && table->rowCount() >= 8, qPrintable(panel->status()), kTimeoutMs);
        const int row = demoRow(QStringLiteral("demo-healthy"));
        QVERIFY(row >= 0);
        const QString defaultUri = base() + QStringLiteral("/demo-rp/demo-healthy/backchannel-logout");
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("its own endpoint"));
        table->selectRow(row);
        QTest::mouseClick(child<QPushButton>("demoRpPoint"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kTimeoutMs);
        QVERIFY2(panel->status().contains(QStringLiteral("demo-healthy now sends its logout tokens to mock RP")),
                 qPrintable(panel->status()));
        const QUrl url = m_fx.mockRps()->at(0)->url();
        QCOMPARE(clientUri(QStringLiteral("demo-healthy")), url.toString()); // the sandbox's own word
        QCOMPARE(table->item(row, 2)->text(), url.toString());
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("mock RP \"Mock RP\""));
        // The aud rule checks what demo-healthy would: the mock RP took its client id.
        QCOMPARE(m_fx.mockRps()->at(0)->config().validator.clientId, QStringLiteral("demo-healthy"));
        QCOMPARE(child<QLineEdit>("mockRpClientId")->text(), QStringLiteral("demo-healthy"));
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.mockRps()->at(0)->keys()->keys() != nullptr, kTimeoutMs);

        const QJsonObject run = logOutOneHealthySession();
        QVERIFY(!run.isEmpty());
        const QJsonObject sent = delivery(run, QStringLiteral("demo-healthy"));
        QCOMPARE(sent.value(QStringLiteral("state")).toString(), QStringLiteral("delivered"));
        QCOMPARE(sent.value(QStringLiteral("http_status")).toInt(), 200);

        // The request is in the table, valid, and its details show the token the sandbox sent.
        MockRequestModel *model = m_page->requests();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kTimeoutMs);
        auto cell = [model](int col) { return model->index(0, col).data().toString(); };
        QCOMPARE(cell(MockRequestModel::MockRpColumn), QStringLiteral("Mock RP"));
        QCOMPARE(cell(MockRequestModel::StatusColumn), QStringLiteral("200"));
        QCOMPARE(cell(MockRequestModel::VerdictColumn), QStringLiteral("valid"));
        QCOMPARE(cell(MockRequestModel::FailedRulesColumn), QString());
        QCOMPARE(cell(MockRequestModel::RelayColumn), QString());
        QVERIFY(cell(MockRequestModel::PeerColumn).startsWith(QStringLiteral("127.0.0.1")));
        QVERIFY(model->record(0));
        const mockrp::RequestRecord &record = *model->record(0);
        QVERIFY(record.valid());
        QCOMPARE(record.report.claims().value(QStringLiteral("jti")).toString(),
                 sent.value(QStringLiteral("token_jti")).toString());
        QCOMPARE(record.report.claims().value(QStringLiteral("aud")).toString(), QStringLiteral("demo-healthy"));
        QCOMPARE(child<QLabel>("mockRequestCount")->text(), QStringLiteral("1 requests"));

        auto *view = child<QTableView>("mockRequestTable");
        view->setFocus();
        view->selectRow(0);
        auto *details = child<MockRequestDetails>("mockRequestDetails");
        const QString text = details->text();
        QVERIFY2(text.contains(QStringLiteral("The logout token is valid.")), qPrintable(text));
        for (const QString &rule : jose::LogoutTokenValidator::rules())
            QVERIFY2(text.contains(rule), qPrintable(rule));
        QVERIFY2(text.contains(sent.value(QStringLiteral("token_jti")).toString()), qPrintable(text)); // claims
        QVERIFY2(text.contains(QStringLiteral("\"alg\": \"RS256\"")), qPrintable(text));               // header
        QCOMPARE(details->token(), QString::fromLatin1(record.logoutToken));
        QApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>("mockRequestCopyToken"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(record.logoutToken));
    }

    void relayForwardsToTheRpsOwnEndpoint()
    {
        auto *panel = child<DemoRpPanel>("demoRpPanel");
        auto *table = child<QTableWidget>("demoRpTable");
        const int row = demoRow(QStringLiteral("demo-healthy"));
        QVERIFY(row >= 0);
        table->selectRow(row);
        QTest::mouseClick(child<QPushButton>("demoRpRelay"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kTimeoutMs);
        const QString defaultUri = base() + QStringLiteral("/demo-rp/demo-healthy/backchannel-logout");
        QCOMPARE(m_fx.mockRps()->at(0)->config().forwardUrl.toString(), defaultUri);
        QCOMPARE(clientUri(QStringLiteral("demo-healthy")), m_fx.mockRps()->at(0)->url().toString());
        QVERIFY2(table->item(row, 1)->text().startsWith(QStringLiteral("relay \"Mock RP\"")),
                 qPrintable(table->item(row, 1)->text()));
        QTRY_VERIFY_WITH_TIMEOUT(m_fx.mockRps()->at(0)->keys()->keys() != nullptr, kTimeoutMs);

        const qint64 before =
            qint64(QJsonDocument::fromJson(m_fx.await(m_fx.nam()->get(QNetworkRequest(QUrl(
                                               base() + QStringLiteral("/demo-rp/demo-healthy/received?limit=1"))))))
                       .object()
                       .value(QStringLiteral("count"))
                       .toDouble());
        const QJsonObject run = logOutOneHealthySession();
        QCOMPARE(delivery(run, QStringLiteral("demo-healthy")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("delivered"));
        MockRequestModel *model = m_page->requests();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kTimeoutMs);
        QCOMPARE(model->index(1, MockRequestModel::VerdictColumn).data().toString(), QStringLiteral("valid"));
        QVERIFY2(model->index(1, MockRequestModel::RelayColumn).data().toString().startsWith(QStringLiteral("200 (")),
                 qPrintable(model->index(1, MockRequestModel::RelayColumn).data().toString()));
        // demo-healthy itself got the token through the relay.
        const QJsonObject received =
            QJsonDocument::fromJson(m_fx.await(m_fx.nam()->get(QNetworkRequest(
                                        QUrl(base() + QStringLiteral("/demo-rp/demo-healthy/received"))))))
                .object();
        QCOMPARE(qint64(received.value(QStringLiteral("count")).toDouble()), before + 1);
    }

    void pointBack()
    {
        auto *panel = child<DemoRpPanel>("demoRpPanel");
        auto *table = child<QTableWidget>("demoRpTable");
        const int row = demoRow(QStringLiteral("demo-healthy"));
        QVERIFY(row >= 0);
        table->selectRow(row);
        QTest::mouseClick(child<QPushButton>("demoRpBack"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kTimeoutMs);
        const QString defaultUri = base() + QStringLiteral("/demo-rp/demo-healthy/backchannel-logout");
        QCOMPARE(clientUri(QStringLiteral("demo-healthy")), defaultUri);
        QCOMPARE(table->item(row, 1)->text(), QStringLiteral("its own endpoint"));
        QVERIFY2(panel->status().contains(QStringLiteral("sends its logout tokens to %1 again").arg(defaultUri)),
                 qPrintable(panel->status()));
        QVERIFY(!child<QPushButton>("demoRpBack")->isEnabled());

        // Stop with Ctrl+R; Delete on the list removes it.
        auto *list = child<QListWidget>("mockRpList");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(!m_fx.mockRps()->at(0)->isRunning());
        QCOMPARE(child<QLabel>("mockRpUrl")->text(), QStringLiteral("not running"));
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(m_fx.mockRps()->count(), 0);
        QCOMPARE(list->count(), 0);
    }

    void httpsFingerprintAndLiveBehaviour()
    {
        auto *list = child<QListWidget>("mockRpList");
        list->setFocus();
        QTest::keyClick(list, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(m_fx.mockRps()->count(), 1);
        child<QSpinBox>("mockRpPort")->setValue(0);
        auto *tls = child<QComboBox>("mockRpTls");
        tls->setCurrentIndex(tls->findData(int(services::MockRpConfig::Tls::SelfSigned)));
        QTest::keyClick(list, Qt::Key_R, Qt::ControlModifier);
        auto *form = child<MockRpForm>("mockRpForm");
        QVERIFY2(form->error().isEmpty(), qPrintable(form->error()));
        const services::MockRpService *service = m_fx.mockRps()->at(0);
        QVERIFY(service->isRunning());
        QCOMPARE(service->url().scheme(), QStringLiteral("https"));
        const QString fingerprint = child<QLabel>("mockRpFingerprint")->text();
        QCOMPARE(fingerprint, service->tlsFingerprint());
        QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$")).match(fingerprint).hasMatch(),
                 qPrintable(fingerprint));
        QApplication::clipboard()->clear();
        QTest::mouseClick(child<QPushButton>("mockRpCopyFingerprint"), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), fingerprint);

        // A new behaviour from the form applies without a restart: same URL, same certificate.
        const QUrl url = service->url();
        auto *behaviour = child<QComboBox>("mockRpBehaviour");
        behaviour->setCurrentIndex(behaviour->findData(int(mockrp::MockRpBehaviour::Kind::Status)));
        child<QSpinBox>("mockRpBehaviourValue")->setValue(503);
        QTest::mouseClick(child<QPushButton>("mockRpApply"), Qt::LeftButton);
        QVERIFY2(form->error().isEmpty(), qPrintable(form->error()));
        QCOMPARE(service->config().behaviour.toString(), QStringLiteral("status:503"));
        QCOMPARE(service->url(), url);
        QCOMPARE(service->tlsFingerprint(), fingerprint);

        list->setFocus(); // Delete removes from the list only, not while a button has the focus
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(m_fx.mockRps()->count(), 0);
        // Nothing left to edit: the form says so by being disabled, not by showing the removed one.
        QVERIFY(!form->isEnabled());
        QVERIFY(!child<QPushButton>("mockRpStart")->isEnabled());
    }
};

QTEST_MAIN(TestMockRpsPage)
#include "tst_mockrpspage.moc"
