// The Mock RPs page's requests reach the history: a real mock RP of a MockRpWorkspace on
// loopback answers POSTs, MockRequestRecorder writes them in batches, the history reads them back.
#include "services/MockRequestRecorder.h"
#include "services/MockRpWorkspace.h"
#include "store/HistoryStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace signoff;
using namespace signoff::services;

namespace {
constexpr int kTimeoutMs = 30000; // a bound for a hung loopback request, never a speed claim
const QByteArray kToken = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnLW11c3QtYmUta2VwdC1pbi10aGUtZGI";

MockRpConfig hmacConfig(const QString &client)
{
    MockRpConfig c;
    c.port = 0;
    c.validator.issuer = QStringLiteral("https://op.recorder.test");
    c.validator.clientId = client;
    c.validator.algorithms = {jose::JwsAlg::HS256};
    c.validator.clientSecret = "recorder-test-secret-of-at-least-32-bytes";
    return c;
}
} // namespace

class TestMockRequestRecorder : public QObject
{
    Q_OBJECT

private slots:
    void requestsOfSeveralMockRpsAreWrittenInBatches()
    {
        QTemporaryDir dir;
        auto history = HistoryStore::open(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY2(history.ok(), qPrintable(history.errorString()));
        QNetworkAccessManager nam;
        MockRpWorkspace workspace(&nam);
        const int a = workspace.add(QStringLiteral("rp-a mock"), hmacConfig(QStringLiteral("rp-a")));
        const int b = workspace.add(QStringLiteral("rp-b mock"), hmacConfig(QStringLiteral("rp-b")));
        QVERIFY2(workspace.start(a), "mock RP a did not start");
        QVERIFY2(workspace.start(b), "mock RP b did not start");
        MockRequestRecorder recorder(&workspace, history->get(), 100);

        const auto post = [&nam](const QUrl &url) {
            QNetworkRequest req(url);
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
            return nam.post(req, "logout_token=" + kToken);
        };
        QList<QNetworkReply *> replies{post(workspace.at(a)->url()), post(workspace.at(b)->url()),
                                       post(workspace.at(a)->url())};
        for (QNetworkReply *r : replies) {
            QTRY_VERIFY_WITH_TIMEOUT(r->isFinished(), kTimeoutMs);
            r->deleteLater();
        }
        QTRY_COMPARE_WITH_TIMEOUT((*history)->mockRequests({})->size(), 3, kTimeoutMs);
        QCOMPARE(recorder.queued(), 0);
        const auto ofA = (*history)->mockRequests(QStringLiteral("rp-a mock"));
        QCOMPARE(ofA->size(), 2);
        const QJsonObject first = ofA->first();
        QCOMPARE(first.value(QStringLiteral("logout_token")).toString().toLatin1(), kToken);
        QVERIFY(first.contains(QStringLiteral("verdicts")));
        QVERIFY(first.value(QStringLiteral("status")).toInt() >= 200);
        QCOMPARE((*history)->mockRequests(QStringLiteral("rp-b mock"))->size(), 1);
    }

    void whatIsQueuedIsWrittenWhenTheRecorderGoes()
    {
        QTemporaryDir dir;
        auto history = HistoryStore::open(dir.filePath(QStringLiteral("h.sqlite")));
        QVERIFY(history.ok());
        QNetworkAccessManager nam;
        MockRpWorkspace workspace(&nam);
        const int a = workspace.add(QStringLiteral("rp-a mock"), hmacConfig(QStringLiteral("rp-a")));
        QVERIFY(workspace.start(a));
        {
            // An interval no test waits out: only the destructor can write this one.
            MockRequestRecorder recorder(&workspace, history->get(), 3600 * 1000);
            QNetworkRequest req(workspace.at(a)->url());
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
            std::unique_ptr<QNetworkReply> r(nam.post(req, "logout_token=" + kToken));
            QTRY_VERIFY_WITH_TIMEOUT(r->isFinished(), kTimeoutMs);
            QTRY_COMPARE_WITH_TIMEOUT(recorder.queued(), 1, kTimeoutMs);
            QCOMPARE((*history)->mockRequests({})->size(), 0);
        }
        QCOMPARE((*history)->mockRequests({})->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMockRequestRecorder)
#include "tst_mockrequestrecorder.moc"
