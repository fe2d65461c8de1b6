#pragma once

#include "TlsIdentity.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <atomic>
#include <memory>
#include <vector>

class QTcpServer;

namespace signoff::mockrp {

class MockRpEndpoint;
class HttpConnection;
class ConnectionWorker;

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
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    void setMaxConnections(int n) { m_maxConnections = n; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }

    MockRpEndpoint *endpointFor(const QByteArray &path) const;

private:
    friend class HttpConnection;
    Status startListening(QTcpServer *server, const QHostAddress &address, quint16 port);
    void acceptPending();
    void acceptDescriptor(qintptr descriptor);
    void connectionClosed() { --m_connections; } // from any connection thread

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    bool m_descriptorFastPath = true;
    TlsIdentity m_identity;
    std::vector<QPointer<MockRpEndpoint>> m_endpoints;
    std::atomic<int> m_connections = 0;
    std::vector<std::unique_ptr<ConnectionWorker>> m_workers;
    size_t m_nextWorker = 0;
    int m_maxConnections = 512;
    int m_idleTimeoutMs = 30000;
};

} // namespace signoff::mockrp
