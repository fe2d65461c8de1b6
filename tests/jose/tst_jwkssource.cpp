// JwksSource against real loopback HTTP servers run by the test: a key set larger than the
// limit must be cut off while it downloads (memory stays bounded, however much the server
// would send), and a redirect from a loopback URL to another host must not be followed.
#include "NodeMint.h"

#include "jose/JwksSource.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace signoff;
using namespace signoff::jose;

namespace {
constexpr qint64 kLimit = 64 * 1024;
constexpr qint64 kChunk = 256 * 1024;
// Far above what an aborted transfer leaves in flight (the limit, Qt's read buffer and the
// kernel's socket buffers), far below what a download that ignores the limit reaches.
constexpr qint64 kBoundedBytes = 8 * 1024 * 1024;
// The server stops here, so a client that never stops reading still ends the test.
constexpr qint64 kServerCap = 1024 * 1024 * 1024;

// A one-route HTTP/1.1 server on the test's thread: every request gets the same answer.
class TestHttpServer : public QObject
{
public:
    enum class Mode
    {
        Serve,   // 200 with the payload
        Redirect // 302 to the payload
    };

    TestHttpServer(Mode mode, QByteArray payload, const QHostAddress &address = QHostAddress::LocalHost)
        : m_mode(mode)
        , m_payload(std::move(payload))
    {
        QVERIFY(m_server.listen(address));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                accept(s);
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    void accept(QTcpSocket *s)
    {
        ++m_connections;
        s->setParent(this);
        auto request = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::readyRead, s, [this, s, request] {
            const bool answered = request->contains("\r\n\r\n");
            *request += s->readAll();
            if (!answered && request->contains("\r\n\r\n"))
                answer(s);
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }

    void answer(QTcpSocket *s)
    {
        if (m_mode == Mode::Serve)
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                     QByteArray::number(m_payload.size()) + "\r\n\r\n" + m_payload);
        else
            s->write("HTTP/1.1 302 Found\r\nLocation: " + m_payload +
                     "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        s->disconnectFromHost();
    }

    Mode m_mode;
    QByteArray m_payload;
    QTcpServer m_server;
    int m_connections = 0;
};

// Streams one endless response body as fast as the loopback takes it, from a thread of its own
// with blocking sockets, so that a client which does not stop reading gets a lot quickly.
// Counts the body bytes the kernel accepted until the client closed the connection.
class StreamingServer
{
public:
    enum class Framing
    {
        Close,   // no length: the body ends when the connection does
        Chunked, // Transfer-Encoding: chunked, never the last chunk
        Length   // Content-Length: 50 MB
    };

    explicit StreamingServer(Framing framing)
        : m_framing(framing)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        QVERIFY(m_listen >= 0);
        QVERIFY(::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), len) == 0);
        QVERIFY(::listen(m_listen, 1) == 0);
        QVERIFY(::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len) == 0);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }

    ~StreamingServer()
    {
        // Unblocks accept() or send() if the client never came or never left.
        ::shutdown(m_listen, SHUT_RDWR);
        if (const int c = m_conn.load(); c >= 0)
            ::shutdown(c, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        if (m_listen >= 0)
            ::close(m_listen);
    }

    quint16 port() const { return m_port; }
    bool finished() const { return m_finished; }
    qint64 bodyBytesSent() const { return m_sent; }

private:
    void serve()
    {
        const int c = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
        m_conn = c;
        if (c >= 0) {
            // A fixed, small send buffer: what waits in the kernel does not grow with the run.
            const int sendBuffer = 64 * 1024;
            ::setsockopt(c, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
            if (readRequestHead(c) && sendAll(c, head()))
                streamBody(c);
        }
        m_finished = true;
    }

    static bool readRequestHead(int c)
    {
        QByteArray request;
        char buf[4096];
        while (!request.contains("\r\n\r\n")) {
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0)
                return false;
            request.append(buf, n);
        }
        return true;
    }

    QByteArray head() const
    {
        QByteArray h = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        if (m_framing == Framing::Chunked)
            h += "Transfer-Encoding: chunked\r\n";
        else if (m_framing == Framing::Length)
            h += "Content-Length: 52428800\r\n";
        else
            h += "Connection: close\r\n";
        return h + "\r\n";
    }

    void streamBody(int c)
    {
        QByteArray chunk(kChunk, 'A');
        if (m_framing == Framing::Chunked)
            chunk = QByteArray::number(kChunk, 16) + "\r\n" + chunk + "\r\n";
        for (qsizetype off = 0; m_sent < kServerCap;) {
            const ssize_t n = ::send(c, chunk.constData() + off, size_t(chunk.size() - off), MSG_NOSIGNAL);
            if (n <= 0)
                return; // the client closed the connection
            m_sent += n;
            off = (off + n) % chunk.size();
        }
    }

    static bool sendAll(int c, const QByteArray &data)
    {
        for (qsizetype off = 0; off < data.size();) {
            const ssize_t n = ::send(c, data.constData() + off, size_t(data.size() - off), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            off += n;
        }
        return true;
    }

    Framing m_framing;
    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<int> m_conn{-1};
    std::atomic<qint64> m_sent{0};
    std::atomic<bool> m_finished{false};
    std::thread m_thread;
};

// An address of this machine that is not loopback: connections to it stay on this machine.
QHostAddress localNonLoopbackAddress()
{
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a;
    }
    return {};
}
} // namespace

class TestJwksSource : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void oversizedKeySetCutOffWhileDownloading_data();
    void oversizedKeySetCutOffWhileDownloading();
    void keySetWithinLimitLoads();
    void redirectWithinLoopbackFollowed();
    void redirectFromLoopbackToElsewhereRefused();

private:
    struct Outcome
    {
        bool done = false;
        Status status;
    };
    // Loads `url` and waits until the source reports.
    Outcome load(JwksSource &source, const QUrl &url);

    QNetworkAccessManager m_nam;
    QByteArray m_jwks;
};

void TestJwksSource::initTestCase()
{
    m_nam.setProxy(QNetworkProxy::NoProxy);
    const auto minted = signoff::test::mint(
        QJsonArray{signoff::test::mintKey(QStringLiteral("rs"), QStringLiteral("RS256"), QStringLiteral("rs-1"))},
        QJsonArray());
    QVERIFY2(minted.ok(), qPrintable(minted.error));
    m_jwks = minted.jwks;
}

TestJwksSource::Outcome TestJwksSource::load(JwksSource &source, const QUrl &url)
{
    Outcome outcome;
    source.setJwksUri(url);
    QObject context;
    source.load(&context, [&outcome](const Status &s) {
        outcome.done = true;
        outcome.status = s;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.done, 60000); }();
    return outcome;
}

void TestJwksSource::oversizedKeySetCutOffWhileDownloading_data()
{
    QTest::addColumn<StreamingServer::Framing>("framing");
    QTest::newRow("no length, ends with the connection") << StreamingServer::Framing::Close;
    QTest::newRow("chunked, no last chunk") << StreamingServer::Framing::Chunked;
    QTest::newRow("Content-Length 50 MB") << StreamingServer::Framing::Length;
}

void TestJwksSource::oversizedKeySetCutOffWhileDownloading()
{
    QFETCH(StreamingServer::Framing, framing);
    StreamingServer server(framing);
    JwksSource source(&m_nam);
    source.setMaxDocumentBytes(kLimit);
    const Outcome o = load(source, QUrl(QStringLiteral("http://127.0.0.1:%1/jwks").arg(server.port())));
    QVERIFY(o.done);
    // The client hung up; what the server managed to send until then is bounded.
    QTRY_VERIFY_WITH_TIMEOUT(server.finished(), 60000);
    QVERIFY2(server.bodyBytesSent() < kBoundedBytes, qPrintable(QString::number(server.bodyBytesSent())));
    QVERIFY(!o.status.ok());
    QVERIFY2(o.status.errorString().contains(QStringLiteral("larger than the limit of %1 bytes").arg(kLimit)),
             qPrintable(o.status.errorString()));
    QVERIFY(!source.keys());
}

void TestJwksSource::keySetWithinLimitLoads()
{
    TestHttpServer server(TestHttpServer::Mode::Serve, m_jwks);
    JwksSource source(&m_nam);
    source.setMaxDocumentBytes(m_jwks.size()); // exactly at the limit is fine
    const Outcome o = load(source, QUrl(QStringLiteral("http://127.0.0.1:%1/jwks").arg(server.port())));
    QVERIFY2(o.status.ok(), qPrintable(o.status.errorString()));
    QVERIFY(source.keys());
    QCOMPARE(int(source.keys()->keys.size()), 1);
}

void TestJwksSource::redirectWithinLoopbackFollowed()
{
    TestHttpServer target(TestHttpServer::Mode::Serve, m_jwks);
    TestHttpServer redirect(TestHttpServer::Mode::Redirect,
                            QStringLiteral("http://localhost:%1/keys").arg(target.port()).toUtf8());
    JwksSource source(&m_nam);
    const Outcome o = load(source, QUrl(QStringLiteral("http://127.0.0.1:%1/jwks").arg(redirect.port())));
    QVERIFY2(o.status.ok(), qPrintable(o.status.errorString()));
    QCOMPARE(target.connections(), 1);
    QCOMPARE(int(source.keys()->keys.size()), 1);
}

void TestJwksSource::redirectFromLoopbackToElsewhereRefused()
{
    const QHostAddress elsewhere = localNonLoopbackAddress();
    if (elsewhere.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to redirect to");
    // The target would serve good keys: only the refusal keeps them from being used.
    TestHttpServer target(TestHttpServer::Mode::Serve, m_jwks, QHostAddress::AnyIPv4);
    const QString away = QStringLiteral("http://%1:%2/keys").arg(elsewhere.toString()).arg(target.port());
    TestHttpServer redirect(TestHttpServer::Mode::Redirect, away.toUtf8());
    JwksSource source(&m_nam);
    const Outcome o = load(source, QUrl(QStringLiteral("http://127.0.0.1:%1/jwks").arg(redirect.port())));
    QVERIFY(!o.status.ok());
    QVERIFY2(o.status.errorString().contains(QLatin1String("which is not loopback; refused")),
             qPrintable(o.status.errorString()));
    QVERIFY2(o.status.errorString().contains(away), qPrintable(o.status.errorString()));
    QCOMPARE(target.connections(), 0);
    QVERIFY(!source.keys());
}

QTEST_GUILESS_MAIN(TestJwksSource)
#include "tst_jwkssource.moc"
