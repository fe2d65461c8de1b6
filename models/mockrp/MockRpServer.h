#pragma once

#include "TlsIdentity.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <atomic>
#include <memory>
#include <unordered_set>
#include <vector>

class QTcpServer;

namespace signoff::mockrp {

class MockRpEndpoint;
class HttpConnection;
class ConnectionWorker;

// How many connections, and for how long each may hold its slot. The defaults suit an IdP;
// tests shrink them.
struct ConnectionLimits
{
    // At the cap a new connection still gets in: the connection idle longest, else the one
    // whose request has been under way longest, is closed for it.
    int maxConnections = 512;
    // Between requests on a kept-alive connection.
    int idleTimeoutMs = 30000;
    // From a request's first byte to its last (head and body), however the bytes trickle in:
    // then 408 and the connection closes.
    int requestTimeoutMs = 10000;
};

// The thin socket layer: accepts connections (HTTP, or HTTPS with a provided or self-signed
// certificate), parses HTTP/1.1 with keep-alive and pipelining, routes each request by path
// to its MockRpEndpoint and writes back what the endpoint decides. Several endpoints (one per
// simulated RP) share one listener.
class MockRpServer : public QObject
{
    Q_OBJECT

public:
    explicit MockRpServer(QObject *parent = nullptr);
    ~MockRpServer() override;

    // Not owned; routed by endpoint->config().path.
    Status addEndpoint(MockRpEndpoint *endpoint);
    QList<MockRpEndpoint *> endpoints() const;

    Status listen(const QHostAddress &address, quint16 port);
    Status listenTls(const QHostAddress &address, quint16 port, const TlsIdentity &identity);
    void close();

    bool isListening() const;
    bool isTls() const { return m_tls; }
    QHostAddress address() const;
    quint16 port() const;
    QUrl baseUrl() const;
    QUrl url(const MockRpEndpoint *endpoint) const;
    QSslCertificate certificate() const { return m_identity.certificate; }

    // Plain-HTTP connections are served by `threads` threads of their own (round robin), each
    // validating its requests in parallel; 1 (the default) serves everything on this thread.
    // TLS connections always stay on this thread. Set before listening. Endpoints and their
    // key sources must outlive the server.
    void setConnectionThreads(int threads);
    int connectionThreads() const;
    // Plain HTTP reads and writes the accepted descriptor directly (the default), or, when off,
    // goes through a QTcpSocket on this thread like TLS does (Qt's portable path). Set before
    // listening.
    void setDescriptorFastPath(bool on) { m_descriptorFastPath = on; }

    int connectionCount() const { return m_connections; }
    // Set before listening; connections keep the limits they were accepted with.
    void setLimits(const ConnectionLimits &limits) { m_limits = limits; }
    const ConnectionLimits &limits() const { return m_limits; }
    // Connections closed to make room at the cap, since the server was made.
    quint64 shedCount() const { return m_shedCount; }

    MockRpEndpoint *endpointFor(const QByteArray &path) const;

private:
    friend class HttpConnection;
    Status startListening(QTcpServer *server, const QHostAddress &address, quint16 port);
    void acceptPending();
    void acceptDescriptor(qintptr descriptor);
    // From any connection thread.
    void registerConnection(HttpConnection *connection);
    void unregisterConnection(HttpConnection *connection);
    // Takes a slot for a new connection, shedding one at the cap; false when none can go.
    bool admitConnection();

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    bool m_descriptorFastPath = true;
    TlsIdentity m_identity;
    std::vector<QPointer<MockRpEndpoint>> m_endpoints;
    std::atomic<int> m_connections = 0;
    std::vector<std::unique_ptr<ConnectionWorker>> m_workers;
    size_t m_nextWorker = 0;
    ConnectionLimits m_limits;
    QMutex m_registryMutex;
    std::unordered_set<HttpConnection *> m_live; // every connection's object, on whichever thread
    std::atomic<quint64> m_shedCount = 0;
};

} // namespace signoff::mockrp
