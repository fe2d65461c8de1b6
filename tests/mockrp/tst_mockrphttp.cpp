// The socket-free parts of the mock RP: HTTP/1.1 request parser, form bodies, behaviours and
// the endpoint's HTTP-level answers (no token needed for these).
#include "mockrp/FormBody.h"
#include "mockrp/HttpRequestParser.h"
#include "mockrp/MockRpBehaviour.h"
#include "mockrp/MockRpEndpoint.h"

#include <QJsonDocument>
#include <QTest>

using namespace signoff;
using namespace signoff::mockrp;

class TestMockRpHttp : public QObject
{
    Q_OBJECT

private slots:
    void formDecoding_data();
    void formDecoding();
    void formContentType();

    void parserSimple();
    void parserByteByByte();
    void parserPipelined();
    void parserManyCompleteRequestsInOneFeed();
    void parserChunked();
    void parserChunkFramingIsBounded();
    void parserContinue();
    void parserErrors_data();
    void parserErrors();

    void behaviourParse_data();
    void behaviourParse();

    void endpointHttpRefusals_data();
    void endpointHttpRefusals();
    void responseSerialization();
};

void TestMockRpHttp::formDecoding_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("dump"); // name=value|name=value after decoding
    QTest::newRow("simple") << QByteArray("logout_token=abc.def.ghi") << true << QByteArray("logout_token=abc.def.ghi");
    QTest::newRow("plus is space") << QByteArray("a=x+y&b=%2B") << true << QByteArray("a=x y|b=+");
    QTest::newRow("percent") << QByteArray("a%5Fb=%41%62") << true << QByteArray("a_b=Ab");
    QTest::newRow("empty pairs") << QByteArray("&&a=1&&") << true << QByteArray("a=1");
    QTest::newRow("no equals") << QByteArray("flag&a=") << true << QByteArray("flag=|a=");
    QTest::newRow("equals in value") << QByteArray("a=b=c") << true << QByteArray("a=b=c");
    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("broken escape") << QByteArray("a=%4") << false << QByteArray();
    QTest::newRow("bad hex") << QByteArray("a=%zz") << false << QByteArray();
    QTest::newRow("percent at end") << QByteArray("a=%") << false << QByteArray();
}

void TestMockRpHttp::formDecoding()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QByteArray, dump);
    const auto fields = parseFormBody(body);
    QCOMPARE(fields.ok(), ok);
    if (!ok)
        return;
    QByteArrayList parts;
    for (const auto &f : *fields)
        parts << f.first + '=' + f.second;
    QCOMPARE(parts.join('|'), dump);
}

void TestMockRpHttp::formContentType()
{
    QVERIFY(isFormContentType("application/x-www-form-urlencoded"));
    QVERIFY(isFormContentType("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
    QVERIFY(isFormContentType(" application/x-www-form-urlencoded ;charset=utf-8"));
    QVERIFY(!isFormContentType("application/json"));
    QVERIFY(!isFormContentType("multipart/form-data; boundary=x"));
    QVERIFY(!isFormContentType(""));
    QVERIFY(!isFormContentType("application/x-www-form-urlencodedX"));
}

void TestMockRpHttp::parserSimple()
{
    HttpRequestParser p;
    const auto s =
        p.feed("POST /backchannel-logout?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded"
               "\r\nContent-Length: 5\r\n\r\nab=cd");
    QCOMPARE(s, HttpRequestParser::State::Complete);
    const HttpRequest r = p.takeRequest();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.path, QByteArray("/backchannel-logout"));
    QCOMPARE(r.target, QByteArray("/backchannel-logout?x=1"));
    QCOMPARE(r.body, QByteArray("ab=cd"));
    QCOMPARE(r.header("CONTENT-TYPE"), QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(r.keepAlive());
    QVERIFY(p.idle());
}

void TestMockRpHttp::parserByteByByte()
{
    const QByteArray req = "POST /p HTTP/1.0\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nxyz";
    HttpRequestParser p;
    for (qsizetype i = 0; i < req.size() - 1; ++i)
        QCOMPARE(p.feed(req.mid(i, 1)), HttpRequestParser::State::NeedMore);
    QCOMPARE(p.feed(req.right(1)), HttpRequestParser::State::Complete);
    const HttpRequest r = p.takeRequest();
    QCOMPARE(r.minorVersion, 0);
    QVERIFY(r.keepAlive());
    QCOMPARE(r.body, QByteArray("xyz"));
}

void TestMockRpHttp::parserPipelined()
{
    HttpRequestParser p;
    const QByteArray one = "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\n1";
    const QByteArray two = "GET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
    QCOMPARE(p.feed(QByteArray(one + two)), HttpRequestParser::State::Complete);
    QCOMPARE(p.takeRequest().path, QByteArray("/a"));
    QCOMPARE(p.parse(), HttpRequestParser::State::Complete);
    const HttpRequest b = p.takeRequest();
    QCOMPARE(b.path, QByteArray("/b"));
    QVERIFY(!b.keepAlive());
    QCOMPARE(p.parse(), HttpRequestParser::State::NeedMore);
}

void TestMockRpHttp::parserManyCompleteRequestsInOneFeed()
{
    // Far more than one request's limits in one feed, all of it complete requests: every one is
    // parsed (the limits bound a request, not what arrives in one read).
    HttpRequestParser p;
    const int n = 50000;
    QByteArray burst;
    for (int i = 0; i < n; ++i)
        burst += "GET /b?" + QByteArray::number(i) + " HTTP/1.1\r\nHost: h\r\n\r\n";
    QVERIFY(burst.size() > 5 * p.maxRequestBytes());
    QCOMPARE(p.feed(burst), HttpRequestParser::State::Complete);
    int parsed = 0;
    for (;;) {
        const HttpRequest r = p.takeRequest();
        QCOMPARE(r.target, "/b?" + QByteArray::number(parsed));
        ++parsed;
        const HttpRequestParser::State s = p.parse();
        if (s != HttpRequestParser::State::Complete) {
            QCOMPARE(s, HttpRequestParser::State::NeedMore);
            break;
        }
    }
    QCOMPARE(parsed, n);
    QVERIFY(p.idle());
}

void TestMockRpHttp::parserChunkFramingIsBounded()
{
    // One-byte chunks with long extensions, fed a line at a time: the body stays tiny, but the
    // request on the wire must not grow without bound.
    HttpRequestParser p;
    QCOMPARE(p.feed("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"),
             HttpRequestParser::State::NeedMore);
    const QByteArray chunk = "1;" + QByteArray(1000, 'e') + "\r\nx\r\n";
    HttpRequestParser::State s = HttpRequestParser::State::NeedMore;
    qsizetype sent = 0;
    while (s == HttpRequestParser::State::NeedMore && sent < 4 * p.maxRequestBytes()) {
        s = p.feed(chunk);
        sent += chunk.size();
    }
    QCOMPARE(s, HttpRequestParser::State::Error);
    QCOMPARE(p.errorStatus(), 413);
    QVERIFY(sent <= p.maxRequestBytes() + chunk.size());
}

void TestMockRpHttp::parserChunked()
{
    HttpRequestParser p;
    const auto s = p.feed("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;ext=1\r\nlogou\r\n8\r\nt_token=\r\n0\r\nX-Trailer: y\r\n\r\n");
    QCOMPARE(s, HttpRequestParser::State::Complete);
    QCOMPARE(p.takeRequest().body, QByteArray("logout_token="));
}

void TestMockRpHttp::parserContinue()
{
    HttpRequestParser p;
    QCOMPARE(p.feed("POST /a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"),
             HttpRequestParser::State::NeedMore);
    QVERIFY(p.takeContinueRequest());
    QVERIFY(!p.takeContinueRequest());
    QCOMPARE(p.feed("ok"), HttpRequestParser::State::Complete);
}

void TestMockRpHttp::parserErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    const QByteArray h = "Host: h\r\n";
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00\r\n\r\n", 9) << 400;
    QTest::newRow("no version") << QByteArray("POST /a\r\n\r\n") << 400;
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 400;
    QTest::newRow("space in target") << QByteArray("POST /a b HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << 400;
    QTest::newRow("two hosts") << QByteArray("POST /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
    QTest::newRow("cl and te") << "POST /a HTTP/1.1\r\n" + h + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                               << 400;
    QTest::newRow("two cl") << "POST /a HTTP/1.1\r\n" + h + "Content-Length: 3\r\nContent-Length: 3\r\n\r\n" << 400;
    QTest::newRow("cl not a number") << "POST /a HTTP/1.1\r\n" + h + "Content-Length: 3x\r\n\r\n" << 400;
    QTest::newRow("cl negative") << "POST /a HTTP/1.1\r\n" + h + "Content-Length: -1\r\n\r\n" << 400;
    QTest::newRow("cl huge") << "POST /a HTTP/1.1\r\n" + h + "Content-Length: 99999999999999999999\r\n\r\n" << 400;
    QTest::newRow("cl over cap") << "POST /a HTTP/1.1\r\n" + h + "Content-Length: 65537\r\n\r\n" << 413;
    QTest::newRow("gzip te") << "POST /a HTTP/1.1\r\n" + h + "Transfer-Encoding: gzip, chunked\r\n\r\n" << 501;
    QTest::newRow("chunk over cap") << "POST /a HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n10001\r\n"
                                    << 413;
    QTest::newRow("bad chunk size") << "POST /a HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" << 400;
    QTest::newRow("space before colon") << "POST /a HTTP/1.1\r\n" + h + "Content-Length : 1\r\n\r\n" << 400;
    QTest::newRow("folding") << "POST /a HTTP/1.1\r\n" + h + "X-A: 1\r\n  2\r\n\r\n" << 400;
    QTest::newRow("huge header") << "POST /a HTTP/1.1\r\nX-A: " + QByteArray(20000, 'a') + "\r\n\r\n" << 431;
    QByteArray many = "POST /a HTTP/1.1\r\n";
    for (int i = 0; i < 120; ++i)
        many += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("many headers") << many << 431;
}

void TestMockRpHttp::parserErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    HttpRequestParser p;
    QCOMPARE(p.feed(input), HttpRequestParser::State::Error);
    QCOMPARE(p.errorStatus(), status);
    QVERIFY(!p.errorMessage().isEmpty());
    // Stays failed.
    QCOMPARE(p.feed("GET / HTTP/1.1\r\n\r\n"), HttpRequestParser::State::Error);
}

void TestMockRpHttp::behaviourParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("ok") << QStringLiteral("ok") << true << QStringLiteral("ok");
    QTest::newRow("drop") << QStringLiteral("drop") << true << QStringLiteral("drop");
    QTest::newRow("status") << QStringLiteral("status:503") << true << QStringLiteral("status:503");
    QTest::newRow("delay") << QStringLiteral("delay:2500") << true << QStringLiteral("delay:2500");
    QTest::newRow("flaky") << QStringLiteral("flaky:30") << true << QStringLiteral("flaky:30");
    QTest::newRow("status 99") << QStringLiteral("status:99") << false << QString();
    QTest::newRow("status 700") << QStringLiteral("status:700") << false << QString();
    QTest::newRow("flaky 101") << QStringLiteral("flaky:101") << false << QString();
    QTest::newRow("delay neg") << QStringLiteral("delay:-1") << false << QString();
    QTest::newRow("delay text") << QStringLiteral("delay:soon") << false << QString();
    QTest::newRow("unknown") << QStringLiteral("explode") << false << QString();
    QTest::newRow("ok with arg") << QStringLiteral("ok:1") << false << QString();
}

void TestMockRpHttp::behaviourParse()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, normalised);
    const auto b = MockRpBehaviour::parse(text);
    QCOMPARE(b.ok(), ok);
    if (ok)
        QCOMPARE(b->toString(), normalised);
    else
        QVERIFY(!b.errorString().isEmpty());
}

void TestMockRpHttp::endpointHttpRefusals_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray form = "application/x-www-form-urlencoded";
    QTest::newRow("GET") << QByteArray("GET") << form << QByteArray() << 405 << QStringLiteral("POST");
    QTest::newRow("PUT") << QByteArray("PUT") << form << QByteArray("logout_token=x") << 405 << QStringLiteral("POST");
    QTest::newRow("json") << QByteArray("POST") << QByteArray("application/json") << QByteArray("{}") << 415
                          << QStringLiteral("Content-Type");
    QTest::newRow("no type") << QByteArray("POST") << QByteArray() << QByteArray("logout_token=x") << 415
                             << QStringLiteral("Content-Type");
    QTest::newRow("missing") << QByteArray("POST") << form << QByteArray("token=x") << 400 << QStringLiteral("missing");
    QTest::newRow("twice") << QByteArray("POST") << form << QByteArray("logout_token=x&logout_token=y") << 400
                           << QStringLiteral("2 times");
    QTest::newRow("empty") << QByteArray("POST") << form << QByteArray("logout_token=") << 400
                           << QStringLiteral("empty");
    QTest::newRow("blank") << QByteArray("POST") << form << QByteArray("logout_token=+++") << 400
                           << QStringLiteral("empty");
    QTest::newRow("bad escape") << QByteArray("POST") << form << QByteArray("logout_token=%G1") << 400
                                << QStringLiteral("%-escape");
    QTest::newRow("oversized") << QByteArray("POST") << form << QByteArray(70000, 'a') << 413
                               << QStringLiteral("larger");
    QTest::newRow("garbage token") << QByteArray("POST") << form << QByteArray("logout_token=abc") << 400
                                   << QStringLiteral("format");
}

void TestMockRpHttp::endpointHttpRefusals()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    MockRpEndpointConfig cfg;
    cfg.validator.issuer = QStringLiteral("https://op");
    cfg.validator.clientId = QStringLiteral("rp");
    MockRpEndpoint endpoint(cfg, nullptr, nullptr);
    HttpRequest req;
    req.method = method;
    req.target = req.path = "/backchannel-logout";
    if (!contentType.isEmpty())
        req.headers.append({"content-type", contentType});
    req.body = body;
    const auto p = endpoint.process(req);
    QCOMPARE(p.response.status, status);
    QCOMPARE(p.record.verdictStatus, status);
    const QJsonObject err = QJsonDocument::fromJson(p.response.body).object();
    QCOMPARE(err.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    QVERIFY2(err.value(QStringLiteral("error_description")).toString().contains(message),
             qPrintable(err.value(QStringLiteral("error_description")).toString()));
    QCOMPARE(p.response.header("content-type"), QByteArray("application/json"));
    if (status == 405)
        QCOMPARE(p.response.header("allow"), QByteArray("POST"));
    const QByteArray wire = p.response.serialize(true);
    QVERIFY(wire.contains("Cache-Control: no-store\r\n"));
}

void TestMockRpHttp::responseSerialization()
{
    HttpResponse ok = HttpResponse::empty(200);
    QCOMPARE(ok.serialize(true),
             QByteArray(
                 "HTTP/1.1 200 OK\r\nCache-Control: no-store\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n"));
    HttpResponse noContent = HttpResponse::empty(204);
    QVERIFY(!noContent.serialize(false).contains("Content-Length"));
    QVERIFY(noContent.serialize(false).contains("Connection: close"));
}

QTEST_GUILESS_MAIN(TestMockRpHttp)
#include "tst_mockrphttp.moc"
