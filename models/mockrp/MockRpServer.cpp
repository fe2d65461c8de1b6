#include "MockRpServer.h"

#include "HttpRequestParser.h"
#include "MockRpEndpoint.h"
#include "SocketStream.h"
#include "ThreadSlot.h"
#include "core/Logging.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>
#include <unistd.h>

namespace signoff::mockrp {

namespace {
qint64 monotonicMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

// One accepted connection. Requests on a connection are answered strictly in order: the next
// pipelined request is parsed only after the previous answer was written.
class HttpConnection : public QObject
{
public:
    // What the connection is doing, as the deadlines and the shedding at the cap see it.
    enum class Phase
    {
        Idle,      // between requests: the idle timeout runs
        InRequest, // part of a request is in: the request deadline runs, whatever trickles in
        Busy       // a request is being answered: no deadline, never shed
    };

    // `parent` lives in the thread that serves this connection (the server, or a worker's host).
    HttpConnection(SocketStream *stream, MockRpServer *server, QObject *parent)
        : QObject(parent)
        , m_stream(stream)
        , m_server(server)
        , m_limits(server->limits())
    {
        stream->setParent(this);
        m_peer = stream->peer();
        HttpRequestParser::Limits limits;
        m_parser = HttpRequestParser(limits);
        // Checked by a coarse repeating timer against when the phase began, rather than by
        // restarting a timer on every request (a timer restart is a system call or two, on
        // every request of a connection that may carry thousands per second).
        m_deadlines.setInterval(qMax(25, qMin(m_limits.idleTimeoutMs, m_limits.requestTimeoutMs) / 4));
        connect(&m_deadlines, &QTimer::timeout, this, &HttpConnection::checkDeadlines);
        connect(stream, &SocketStream::readyRead, this, &HttpConnection::onReadyRead);
        connect(stream, &SocketStream::closed, this, &HttpConnection::onClosed);
        m_deadlines.start();
        server->registerConnection(this);
    }
    ~HttpConnection() override { m_server->unregisterConnection(this); }

    // Read from the acceptor's thread while choosing whom to shed.
    Phase phase() const { return m_phase.load(std::memory_order_relaxed); }
    qint64 phaseSinceMs() const { return m_phaseSinceMs.load(std::memory_order_relaxed); }

    // Closed to make room for a new connection (the server is at its cap).
    void shed()
    {
        m_closing = true;
        m_stream->abort();
    }

private:
    friend class MockRpServer; // m_shed

    // What a client may send ahead while its previous request is still being answered; beyond
    // it, reading pauses until the answer is out (the client's sends back up, nothing is lost).
    static constexpr qsizetype kMaxPendingBytes = 256 * 1024;

    void setPhase(Phase phase)
    {
        if (phase == m_phase.load(std::memory_order_relaxed))
            return;
        m_phaseSinceMs.store(monotonicMs(), std::memory_order_relaxed);
        m_phase.store(phase, std::memory_order_relaxed);
    }

    // Deadlines count from the start of the phase, never from the last byte: a client that
    // trickles a byte at a time (slowloris) gets no more time than one that sends nothing.
    void checkDeadlines()
    {
        if (m_busy)
            return;
        const qint64 age = monotonicMs() - phaseSinceMs();
        if (m_closing) {
            // Its last answer written, waiting for the peer to read it: a peer that never
            // reads does not keep the slot either.
            if (age >= m_limits.requestTimeoutMs)
                m_stream->abort();
        } else if (phase() == Phase::Idle && age >= m_limits.idleTimeoutMs) {
            m_closing = true;
            m_stream->abort();
        } else if (phase() == Phase::InRequest && age >= m_limits.requestTimeoutMs) {
            requestTimedOut();
        }
    }

    void requestTimedOut()
    {
        const QString message =
            MockRpServer::tr("the request was not complete within %1 ms").arg(m_limits.requestTimeoutMs);
        HttpRequest partial = m_parser.partialRequest();
        if (MockRpEndpoint *e = m_server->endpointFor(partial.path)) {
            partial.peer = m_peer;
            e->recordRefusal(partial, 408, message);
        }
        HttpResponse r = HttpResponse::jsonError(408, QStringLiteral("invalid_request"), message);
        r.close = true;
        write(r, false);
    }

    void onReadyRead()
    {
        if (m_closing)
            return;
        m_pending += m_stream->readAll();
        pump();
    }

    // Unparsed input: read but not yet handed to the parser, and what the parser holds behind
    // the request under way.
    qsizetype backlog() const { return m_pending.size() + m_parser.buffered(); }

    void updateReadPause()
    {
        const bool pause = !m_closing && m_busy && backlog() >= kMaxPendingBytes;
        if (pause != m_readPaused) {
            m_readPaused = pause;
            m_stream->setReadPaused(pause);
        }
    }

    // Answers every complete request that is buffered, in order, in a loop rather than by
    // recursion (thousands of tiny pipelined requests must not exhaust the stack). Answers
    // produced in one pass leave in one write. Stops at a request whose answer comes later
    // (delay, relay, key refresh); the reply callback resumes.
    void pump()
    {
        if (m_pumping)
            return;
        m_pumping = true;
        m_stream->setCorked(true);
        while (!m_closing && !m_busy) {
            const QByteArray more = std::exchange(m_pending, QByteArray());
            const HttpRequestParser::State state = more.isEmpty() ? m_parser.parse() : m_parser.feed(more);
            if (m_parser.takeContinueRequest())
                m_stream->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            if (state == HttpRequestParser::State::NeedMore)
                break;
            handleOne(state);
        }
        if (m_busy)
            setPhase(Phase::Busy);
        else if (!m_parser.idle() || !m_pending.isEmpty())
            setPhase(Phase::InRequest);
        else
            setPhase(Phase::Idle);
        updateReadPause();
        m_stream->setCorked(false);
        m_pumping = false;
    }

    void handleOne(HttpRequestParser::State state)
    {
        if (state == HttpRequestParser::State::Error) {
            HttpRequest partial = m_parser.partialRequest();
            if (MockRpEndpoint *e = m_server->endpointFor(partial.path)) {
                partial.peer = m_peer;
                e->recordRefusal(partial, m_parser.errorStatus(), m_parser.errorMessage());
            }
            HttpResponse r = HttpResponse::jsonError(m_parser.errorStatus(), QStringLiteral("invalid_request"),
                                                     m_parser.errorMessage());
            r.close = true;
            write(r, false);
            return;
        }
        HttpRequest request = m_parser.takeRequest();
        request.peer = m_peer;
        // Whatever follows is a new request, with a deadline of its own.
        setPhase(Phase::Busy);
        MockRpEndpoint *endpoint = m_server->endpointFor(request.path);
        if (!endpoint) {
            HttpResponse r = HttpResponse::jsonError(
                404, QStringLiteral("invalid_request"),
                QStringLiteral("no mock RP endpoint at %1").arg(QString::fromLatin1(request.path.left(200))));
            write(r, request.keepAlive());
            return;
        }
        m_busy = true;
        const bool keepAlive = request.keepAlive();
        endpoint->handle(request, this, [this, keepAlive](const HttpResponse &response) {
            m_busy = false;
            if (m_streamClosed) {
                deleteLater(); // the peer left while we were busy
                return;
            }
            if (response.drop) {
                m_closing = true;
                m_stream->abort();
                return;
            }
            write(response, keepAlive);
            pump(); // no-op when called from inside pump(): its loop carries on
        });
    }

    void write(const HttpResponse &response, bool keepAlive)
    {
        const bool close = response.close || !keepAlive;
        m_stream->write(response.serialize(!close));
        if (close) {
            m_closing = true;
            m_phaseSinceMs.store(monotonicMs(), std::memory_order_relaxed); // the peer's time to read it
            updateReadPause(); // the stream reads what is left until the peer closes
            m_stream->closeAfterWrite();
        }
    }

    void onClosed()
    {
        m_closing = true;
        // An answer still being worked out (possibly on the endpoint's thread) is delivered
        // to this object: it goes only once that has happened.
        m_streamClosed = true;
        if (!m_busy)
            deleteLater();
    }

    SocketStream *m_stream;
    MockRpServer *m_server;
    QString m_peer;
    const ConnectionLimits m_limits;
    HttpRequestParser m_parser;
    QByteArray m_pending;
    QTimer m_deadlines;
    std::atomic<Phase> m_phase = Phase::Idle;
    std::atomic<qint64> m_phaseSinceMs = monotonicMs();
    bool m_busy = false;
    bool m_closing = false;
    bool m_pumping = false;
    bool m_streamClosed = false;
    bool m_readPaused = false;
    bool m_shed = false; // guarded by the server's registry lock
};

// A connection thread: its event loop serves the plain-HTTP connections handed to it.
class ConnectionWorker
{
public:
    explicit ConnectionWorker(int index)
    {
        m_thread.setObjectName(QStringLiteral("mock-rp-%1").arg(index));
        m_host = new QObject; // parent of this thread's connections
        m_host->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_host,
            [host = m_host, index] {
                setThreadSlot(1 + index % kMaxThreadSlots);
                SocketStream::batchWritesOnThisThread(host);
            },
            Qt::QueuedConnection);
    }
    ~ConnectionWorker()
    {
        // Connections are deleted on their own thread, then the thread ends.
        QMetaObject::invokeMethod(
            m_host, [host = m_host] { delete host; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QObject *host() const { return m_host; }

private:
    QThread m_thread;
    QObject *m_host;
};

namespace {
// Plain HTTP: hands the accepted descriptor over as it is, without a QTcpSocket around it.
class DescriptorServer final : public QTcpServer
{
public:
    DescriptorServer(std::function<void(qintptr)> accept, QObject *parent)
        : QTcpServer(parent)
        , m_accept(std::move(accept))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};
} // namespace

MockRpServer::MockRpServer(QObject *parent)
    : QObject(parent)
{}

MockRpServer::~MockRpServer()
{
    close();
    m_workers.clear(); // joins the connection threads before the endpoints can go
    // The rest live on this thread; they unregister from members that must still exist.
    QList<HttpConnection *> left;
    {
        const QMutexLocker lock(&m_registryMutex);
        left = QList<HttpConnection *>(m_live.begin(), m_live.end());
    }
    qDeleteAll(left);
}

void MockRpServer::registerConnection(HttpConnection *connection)
{
    const QMutexLocker lock(&m_registryMutex);
    m_live.insert(connection);
}

void MockRpServer::unregisterConnection(HttpConnection *connection)
{
    const QMutexLocker lock(&m_registryMutex);
    m_live.erase(connection);
    if (!connection->m_shed) // a shed connection's slot was handed on already
        --m_connections;
}

bool MockRpServer::admitConnection()
{
    if (m_connections < m_limits.maxConnections) {
        ++m_connections;
        return true;
    }
    // At the cap: make room by closing whoever holds a slot without using it, rather than
    // refusing the newcomer (otherwise idle or trickling connections lock everyone out). The
    // one idle longest goes first, else the request under way longest; never one whose answer
    // is being worked out.
    const QMutexLocker lock(&m_registryMutex);
    HttpConnection *victim = nullptr;
    for (HttpConnection *c : m_live) {
        const HttpConnection::Phase phase = c->phase();
        if (c->m_shed || phase == HttpConnection::Phase::Busy)
            continue;
        if (!victim || phase < victim->phase() ||
            (phase == victim->phase() && c->phaseSinceMs() < victim->phaseSinceMs()))
            victim = c;
    }
    if (!victim)
        return false;
    victim->m_shed = true; // its slot is the newcomer's from now on
    QMetaObject::invokeMethod(
        victim, [victim] { victim->shed(); }, Qt::QueuedConnection);
    ++m_shedCount;
    qCDebug(lcMockRp) << "at the connection cap: shed one to admit a new connection";
    return true;
}

Status MockRpServer::addEndpoint(MockRpEndpoint *endpoint)
{
    if (!endpoint)
        return Status::failure(tr("no endpoint"));
    const QString path = endpoint->config().path;
    if (!path.startsWith(QLatin1Char('/')))
        return Status::failure(tr("an endpoint path must start with '/': %1").arg(path));
    if (endpointFor(path.toUtf8()))
        return Status::failure(tr("two endpoints share the path %1").arg(path));
    m_endpoints.emplace_back(endpoint);
    return {};
}

QList<MockRpEndpoint *> MockRpServer::endpoints() const
{
    QList<MockRpEndpoint *> out;
    for (const auto &e : m_endpoints) {
        if (e)
            out << e.data();
    }
    return out;
}

MockRpEndpoint *MockRpServer::endpointFor(const QByteArray &path) const
{
    for (const auto &e : m_endpoints) {
        if (e && e->config().path.toUtf8() == path)
            return e.data();
    }
    return nullptr;
}

Status MockRpServer::listen(const QHostAddress &address, quint16 port)
{
    m_tls = false;
    if (!m_descriptorFastPath)
        return startListening(new QTcpServer(this), address, port);
    return startListening(new DescriptorServer([this](qintptr fd) { acceptDescriptor(fd); }, this), address, port);
}

Status MockRpServer::listenTls(const QHostAddress &address, quint16 port, const TlsIdentity &identity)
{
    if (!QSslSocket::supportsSsl())
        return Status::failure(tr("TLS is not available (no OpenSSL backend for Qt)"));
    auto *server = new QSslServer(this);
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificate(identity.certificate);
    conf.setPrivateKey(identity.key);
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    server->setSslConfiguration(conf);
    server->setHandshakeTimeout(10000);
    connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
        qCDebug(lcMockRp) << "TLS connection failed:" << socket->errorString();
    });
    m_tls = true;
    m_identity = identity;
    return startListening(server, address, port);
}

Status MockRpServer::startListening(QTcpServer *server, const QHostAddress &address, quint16 port)
{
    close();
    m_server = server;
    m_server->setMaxPendingConnections(64);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &MockRpServer::acceptPending);
    if (!m_server->listen(address, port)) {
        const QString error = m_server->errorString();
        m_server->deleteLater();
        m_server = nullptr;
        return Status::failure(tr("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(error));
    }
    qCInfo(lcMockRp).noquote() << "listening on" << baseUrl().toString();
    return {};
}

void MockRpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        if (!admitConnection()) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Sockets (TLS, or plain without the fast path) stay on this thread: they belong to it.
        new HttpConnection(SocketStream::fromSocket(socket, nullptr), this, this);
    }
}

void MockRpServer::acceptDescriptor(qintptr descriptor)
{
    if (!admitConnection()) {
        ::close(int(descriptor));
        return;
    }
    if (m_workers.empty()) {
        new HttpConnection(SocketStream::fromDescriptor(descriptor, nullptr), this, this);
        return;
    }
    // Round robin: keep-alive connections from an OP fanning out logout tokens spread evenly.
    QObject *host = m_workers[m_nextWorker++ % m_workers.size()]->host();
    QMetaObject::invokeMethod(
        host,
        [this, host, descriptor] { new HttpConnection(SocketStream::fromDescriptor(descriptor, nullptr), this, host); },
        Qt::QueuedConnection);
}

void MockRpServer::setConnectionThreads(int threads)
{
    m_workers.clear();
    // One thread means: everything on the caller's thread, no workers at all.
    for (int i = 0; threads > 1 && i < threads; ++i)
        m_workers.push_back(std::make_unique<ConnectionWorker>(i));
}

int MockRpServer::connectionThreads() const
{
    return m_workers.empty() ? 1 : int(m_workers.size());
}

void MockRpServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    m_server->deleteLater();
    m_server = nullptr;
}

bool MockRpServer::isListening() const
{
    return m_server && m_server->isListening();
}

QHostAddress MockRpServer::address() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 MockRpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl MockRpServer::baseUrl() const
{
    QUrl u;
    u.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    const QHostAddress a = address();
    u.setHost(a == QHostAddress::Any || a == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1") : a.toString());
    u.setPort(port());
    return u;
}

QUrl MockRpServer::url(const MockRpEndpoint *endpoint) const
{
    QUrl u = baseUrl();
    u.setPath(endpoint ? endpoint->config().path : QString::fromLatin1(kDefaultPath));
    return u;
}

} // namespace signoff::mockrp
