#include "idp/sandbox/SseParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace signoff;

namespace {
// The sandbox README's stream, as the sandbox writes it.
const QByteArray kStream =
    "retry: 1000\nevent: ready\ndata: {\"stream_id\":\"b775\",\"cursor\":0,\"latest_cursor\":0,\"oldest_cursor\":1}\n\n"
    "id: 1\nevent: run.started\ndata: {\"cursor\":1,\"type\":\"run.started\",\"run_id\":\"run_a\"}\n\n"
    ": keepalive\n\n"
    "id: 2\nevent: delivery\ndata: {\"cursor\":2,\"type\":\"delivery\",\"client_id\":\"demo-healthy\",\"state\":"
    "\"delivered\"}\n\n"
    "event: gap\ndata: {\"from\":3,\"to\":9,\"reason\":\"events left the ring buffer\"}\n\n"
    "id: 10\nevent: run.finished\ndata: {\"cursor\":10,\"type\":\"run.finished\",\"run_id\":\"run_a\"}\n\n";

QList<SseEvent> parseWhole(const QByteArray &bytes)
{
    SseParser p;
    QList<SseEvent> out;
    p.feed(bytes, out);
    return out;
}

QList<SseEvent> parseInPieces(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    SseParser p;
    QList<SseEvent> out;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        p.feed(QByteArrayView(bytes).sliced(from, cut - from), out);
        from = cut;
    }
    p.feed(QByteArrayView(bytes).sliced(from), out);
    return out;
}

QByteArray withEndings(QByteArray lf, const QByteArray &ending)
{
    return lf.replace("\n", ending);
}
} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesTheSandboxStream()
    {
        SseParser p;
        QList<SseEvent> out;
        QVERIFY(p.feed(kStream, out));
        QCOMPARE(out.size(), 5); // the keepalive comment is no event
        QCOMPARE(out[0].type, QByteArray("ready"));
        QVERIFY(!out[0].id);
        QCOMPARE(out[1].type, QByteArray("run.started"));
        QCOMPARE(out[1].id, std::optional<QByteArray>("1"));
        QCOMPARE(out[2].type, QByteArray("delivery"));
        QVERIFY(out[2].data.startsWith("{\"cursor\":2,"));
        QCOMPARE(out[3].type, QByteArray("gap"));
        QVERIFY(!out[3].id); // a gap must not move the resume position
        QCOMPARE(out[4].id, std::optional<QByteArray>("10"));
        QCOMPARE(p.retryMs(), std::optional<int>(1000));
    }

    void byteByByteGivesTheSameEvents()
    {
        for (const QByteArray &ending : {QByteArray("\n"), QByteArray("\r\n"), QByteArray("\r")}) {
            const QByteArray stream = withEndings(kStream, ending);
            QList<qsizetype> everyByte;
            for (qsizetype i = 1; i < stream.size(); ++i)
                everyByte << i;
            QCOMPARE(parseInPieces(stream, everyByte), parseWhole(kStream));
        }
    }

    void randomSplitsGiveTheSameEvents()
    {
        const QList<SseEvent> expected = parseWhole(kStream);
        QRandomGenerator random(20261130); // fixed seed: a failure can be replayed
        for (int round = 0; round < 500; ++round) {
            const QByteArray ending = QList<QByteArray>{"\n", "\r\n", "\r"}.at(round % 3);
            const QByteArray stream = withEndings(kStream, ending);
            QList<qsizetype> cuts;
            for (qsizetype at = random.bounded(1, 40); at < stream.size(); at += random.bounded(1, 40))
                cuts << at;
            QCOMPARE(parseInPieces(stream, cuts), expected);
        }
    }

    void crlfSplitBetweenChunksIsOneLineEnd()
    {
        SseParser p;
        QList<SseEvent> out;
        p.feed("data: a\r", out);
        p.feed("\ndata: b\r", out);
        p.feed("\n\r", out); // CRLF, then a CR alone: the blank line ends the event
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].data, QByteArray("a\nb"));
        p.feed("\ndata: c\n\n", out); // this LF completes that CR (one line end), c is an event of its own
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[1].data, QByteArray("c"));
    }

    void multiLineDataAndFieldRules()
    {
        const QList<SseEvent> out = parseWhole("data:first\ndata:  second\ndata\nevent:x\nfoo: ignored\n\n"
                                               "id: 7\n\n" // no data: not dispatched
                                               "data: y\n\n");
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].type, QByteArray("x"));
        QCOMPARE(out[0].data, QByteArray("first\n second\n")); // one leading space is removed, no more
        QCOMPARE(out[1].type, QByteArray("message"));
        QCOMPARE(out[1].data, QByteArray("y"));
        QVERIFY(!out[1].id);
    }

    void anUnfinishedEventWaitsForItsBlankLine()
    {
        SseParser p;
        QList<SseEvent> out;
        p.feed("id: 3\nevent: delivery\ndata: {}\n", out);
        QVERIFY(out.isEmpty());
        p.reset(); // a new connection: the half event is gone
        p.feed("\n", out);
        QVERIFY(out.isEmpty());
        p.feed("data: z\n\n", out);
        QCOMPARE(out.size(), 1);
        QVERIFY(!out[0].id);
    }

    void retryNeedsDigits()
    {
        SseParser p;
        QList<SseEvent> out;
        p.feed("retry: 1x\n\nretry: 2500\n\nretry: -1\n\n", out);
        QCOMPARE(p.retryMs(), std::optional<int>(2500));
    }

    void leadingBomIsSkippedEvenWhenSplit()
    {
        const QByteArray stream = "\xEF\xBB\xBF"
                                  "data: a\n\n";
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte << i;
        const QList<SseEvent> out = parseInPieces(stream, everyByte);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].data, QByteArray("a"));
        // Two bytes of a BOM and then something else are text of the first line.
        const QList<SseEvent> notBom = parseWhole("\xEF\xBB"
                                                  "data: b\n\ndata: c\n\n");
        QCOMPARE(notBom.size(), 1);
        QCOMPARE(notBom[0].data, QByteArray("c"));
    }

    void anEndlessLineBreaksTheStream()
    {
        SseParser p;
        QList<SseEvent> out;
        const QByteArray chunk(64 * 1024, 'x');
        bool ok = p.feed("data: ", out);
        for (qsizetype sent = 0; ok && sent <= SseParser::kMaxEventBytes; sent += chunk.size())
            ok = p.feed(chunk, out);
        QVERIFY(!ok);
        QVERIFY(!p.feed("\n\n", out));
        QVERIFY(out.isEmpty());
        p.reset();
        QVERIFY(p.feed("data: ok\n\n", out));
        QCOMPARE(out.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
