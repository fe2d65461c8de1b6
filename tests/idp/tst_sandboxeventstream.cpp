#include "idp/sandbox/SandboxEventStream.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace signoff;
using logout::DeliveryState;
using logout::OutcomeReport;

namespace {
QByteArray sse(qint64 cursor, const QByteArray &type, const QByteArray &json)
{
    return "id: " + QByteArray::number(cursor) + "\nevent: " + type + "\ndata: " + json + "\n\n";
}

QByteArray delivery(qint64 cursor, const QByteArray &client, const QByteArray &state, const QByteArray &extra = {})
{
    return sse(cursor, "delivery",
               "{\"cursor\":" + QByteArray::number(cursor) +
                   ",\"type\":\"delivery\",\"run_id\":\"run_a\",\"session\":\"S" + QByteArray::number(cursor) +
                   "\",\"sub\":\"user-1\",\"client_id\":\"" + client + "\",\"sid\":\"sid-" + client +
                   "\",\"state\":\"" + state + "\"" + extra + "}");
}

const QByteArray kReady = "retry: 1000\nevent: ready\ndata: {\"stream_id\":\"s\",\"cursor\":0,\"latest_cursor\":0}\n\n";
} // namespace

// The stream's handling of what it reads, fed without a network (the connection itself is tested
// against the real sandbox in tst_sandboxlogout).
class TestSandboxEventStream : public QObject
{
    Q_OBJECT

private slots:
    void deliveriesBetweenOtherEventsFormOneBatch()
    {
        SandboxEventStream stream(nullptr);
        QList<QString> order;
        QList<QList<OutcomeReport>> batches;
        connect(&stream, &logout::IdpOutcomeFeed::outcomes, this, [&](const QList<OutcomeReport> &r) {
            batches << r;
            order << QStringLiteral("outcomes");
        });
        connect(&stream, &logout::IdpOutcomeFeed::idpRunFinished, this,
                [&](const QString &id) { order << u"finished " + id; });
        QSignalSpy connected(&stream, &logout::IdpOutcomeFeed::connectionChanged);
        stream.consume(
            QByteArray(kReady + sse(1, "run.started", "{\"run_id\":\"run_a\"}") +
                       delivery(2, "demo-no-bcl", "skipped", ",\"error\":\"no backchannel_logout_uri\"") +
                       delivery(3, "demo-healthy", "delivered", ",\"http_status\":200,\"latency_ms\":91.6") +
                       delivery(4, "demo-failing", "failed", ",\"http_status\":500,\"error\":\"got 500\"") +
                       delivery(5, "demo-hanging", "timed_out", ",\"http_status\":null,\"latency_ms\":2501.9") +
                       sse(6, "session.ended", "{\"run_id\":\"run_a\"}") +
                       sse(7, "run.finished", "{\"run_id\":\"run_a\"}") + delivery(8, "demo-slow", "delivered")));
        QCOMPARE(order, (QStringList{QStringLiteral("outcomes"), QStringLiteral("finished run_a"),
                                     QStringLiteral("outcomes")}));
        QCOMPARE(batches[0].size(), 4);
        QCOMPARE(stream.cursor(), 8);
        QCOMPARE(connected.size(), 1);
        QCOMPARE(connected[0][0].toBool(), true);

        const OutcomeReport &healthy = batches[0][1];
        QCOMPARE(healthy.source, logout::OutcomeSource::Idp);
        QCOMPARE(healthy.idpRunId, QStringLiteral("run_a"));
        QCOMPARE(healthy.sessionId, QStringLiteral("S3"));
        QCOMPARE(healthy.clientId, QStringLiteral("demo-healthy"));
        QCOMPARE(healthy.sid, QStringLiteral("sid-demo-healthy"));
        QCOMPARE(healthy.sub, QStringLiteral("user-1"));
        QCOMPARE(healthy.state, DeliveryState::Delivered);
        QCOMPARE(healthy.httpStatus, std::optional<int>(200));
        QCOMPARE(healthy.latencyMs, std::optional<double>(91.6));
        QCOMPARE(batches[0][0].state, DeliveryState::Skipped);
        QCOMPARE(batches[0][0].error, QStringLiteral("no backchannel_logout_uri"));
        QCOMPARE(batches[0][2].state, DeliveryState::Failed);
        QCOMPARE(batches[0][2].httpStatus, std::optional<int>(500));
        QCOMPARE(batches[0][3].state, DeliveryState::TimedOut);
        QVERIFY(!batches[0][3].httpStatus);
    }

    void aFloodInOneReadIsOneSignal()
    {
        SandboxEventStream stream(nullptr);
        QByteArray bytes = kReady;
        for (int i = 1; i <= 5000; ++i)
            bytes += delivery(i, "demo-healthy", "delivered");
        QSignalSpy batches(&stream, &logout::IdpOutcomeFeed::outcomes);
        stream.consume(bytes);
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches[0][0].value<QList<OutcomeReport>>().size(), 5000);
        QCOMPARE(stream.cursor(), 5000);
    }

    void aPartialEventIsNotCounted()
    {
        SandboxEventStream stream(nullptr);
        QSignalSpy batches(&stream, &logout::IdpOutcomeFeed::outcomes);
        const QByteArray d = delivery(2, "demo-healthy", "delivered");
        stream.consume(QByteArray(kReady + delivery(1, "demo-slow", "delivered") + d.left(d.size() - 1)));
        QCOMPARE(batches.size(), 1);
        QCOMPARE(stream.cursor(), 1); // a resume asks again for event 2, which was not handed on
        stream.consume("\n");
        QCOMPARE(batches.size(), 2);
        QCOMPARE(stream.cursor(), 2);
    }

    void endSessionDeliveriesPassThrough()
    {
        const std::optional<OutcomeReport> r = SandboxEventStream::toOutcome(
            QJsonDocument::fromJson(
                "{\"cursor\":9,\"type\":\"delivery\",\"run_id\":null,\"session\":\"U1\",\"sub\":\"alice\","
                "\"client_id\":\"demo-healthy\",\"sid\":\"s1\",\"state\":\"delivered\",\"http_status\":204,"
                "\"latency_ms\":12.5,\"error\":null,\"token_jti\":\"J1\",\"source\":\"end_session\","
                "\"time\":\"2026-11-23T20:48:41.054Z\"}")
                .object());
        QVERIFY(r);
        QVERIFY(r->idpRunId.isEmpty());
        QCOMPARE(r->sessionId, QStringLiteral("U1"));
        QCOMPARE(r->tokenJti, QStringLiteral("J1"));
        QCOMPARE(r->httpStatus, std::optional<int>(204));
        QCOMPARE(r->time, QDateTime(QDate(2026, 11, 23), QTime(20, 48, 41, 54), Qt::UTC));
        QVERIFY(r->error.isEmpty());
    }

    void unknownStatesAreNotInvented()
    {
        QVERIFY(!SandboxEventStream::toOutcome(QJsonObject{{QStringLiteral("client_id"), QStringLiteral("c")},
                                                           {QStringLiteral("state"), QStringLiteral("exploded")}}));
        QVERIFY(!SandboxEventStream::toOutcome(QJsonObject{{QStringLiteral("client_id"), QStringLiteral("c")},
                                                           {QStringLiteral("state"), QStringLiteral("pending")}}));
        QVERIFY(!SandboxEventStream::toOutcome(QJsonObject{{QStringLiteral("state"), QStringLiteral("delivered")}}));
    }

    void gapAndResetAreReported()
    {
        SandboxEventStream stream(nullptr);
        QSignalSpy gaps(&stream, &logout::IdpOutcomeFeed::gap);
        stream.consume(QByteArray(kReady + delivery(100, "demo-healthy", "delivered") +
                                  "event: gap\ndata: {\"from\":101,\"to\":1500,\"reason\":\"left the ring\"}\n\n"));
        QCOMPARE(gaps.size(), 1);
        QVERIFY(gaps[0][0].toString().contains(QStringLiteral("1500")));
        QCOMPARE(stream.cursor(), 100); // a gap carries no id
        stream.consume("event: reset\ndata: {\"reason\":\"restarted\",\"cursor\":100,\"latest_cursor\":3}\n\n");
        QCOMPARE(gaps.size(), 2);
        QCOMPARE(stream.cursor(), 3); // resume from the restarted sandbox's present
    }

    void aReceiverThatStopsTheStreamEndsTheRead()
    {
        SandboxEventStream stream(nullptr);
        QSignalSpy batches(&stream, &logout::IdpOutcomeFeed::outcomes);
        connect(&stream, &logout::IdpOutcomeFeed::idpRunFinished, this, [&] { stream.stop(); });
        stream.consume(QByteArray(kReady + delivery(1, "demo-healthy", "delivered") + sse(2, "run.finished", "{}") +
                                  delivery(3, "demo-healthy", "delivered")));
        QCOMPARE(batches.size(), 1);
        QCOMPARE(stream.cursor(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSandboxEventStream)
#include "tst_sandboxeventstream.moc"
