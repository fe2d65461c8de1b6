#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "jose/LogoutTokenValidator.h"
#include "mockrp/MockRpBehaviour.h"
#include "mockrp/MockRpEndpoint.h"
#include "mockrp/MockRpServer.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace signoff::jose {
class JwksSource;
}

namespace signoff::services {

// Everything one mock RP needs, as a value: what `signoffctl mock-rp` parses from its options
// and what the GUI's Mock RPs page edits.
struct MockRpConfig
{
    enum class Tls
    {
        None,
        SelfSigned, // generated at start, for the listen address and loopback names
        Files       // tlsCertFile + tlsKeyFile (PEM)
    };

    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = mockrp::kDefaultPort; // 0: any free port
    QString path = QString::fromLatin1(mockrp::kDefaultPath);
    jose::ValidatorConfig validator; // issuer, client id, algorithms, secret, skew, ...
    QUrl jwksUri;
    QUrl discoveryUrl; // used instead of jwksUri when set
    mockrp::MockRpBehaviour behaviour;
    QUrl forwardUrl; // relay mode when set
    Tls tls = Tls::None;
    QString tlsCertFile;
    QString tlsKeyFile;
    int connectionThreads = 1; // plain HTTP only
    mockrp::ConnectionLimits limits;

    // Error codes of check(), so a front end can point at its own field or option.
    enum Problem
    {
        NoIssuerOrClientId = 1,
        BadValidatorSettings, // algorithms, secret, skew (ValidatorConfig::check())
        NoKeySource,
        BadPath,
        BadForwardUrl,
        TlsFilesMissing,
        BadThreadCount
    };
    // What is wrong with the settings themselves, before anything is started.
    Status check() const;
};

// One mock RP: a key source, an endpoint and a listener, wired together and started and
// stopped as one. Nothing is shared between instances, so several live side by side in one
// process (one per simulated RP). The QNetworkAccessManager is handed in and must outlive it.
class MockRpService : public QObject
{
    Q_OBJECT

public:
    explicit MockRpService(QNetworkAccessManager *nam, const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~MockRpService() override;

    // Checks the config, listens, and starts loading the keys (keysLoaded tells how that went;
    // until then tokens fail their signature rule, and an unknown kid triggers a load). A
    // running service is stopped first.
    Status start(const MockRpConfig &config);
    // Stops listening; the records stay readable until the next start.
    void stop();
    // Changes the behaviour while serving (no restart: same port, same replay cache); a request
    // keeps the one it started with.
    void setBehaviour(const mockrp::MockRpBehaviour &behaviour);
    bool isRunning() const;

    const MockRpConfig &config() const { return m_config; }
    QUrl url() const;               // of the endpoint, with the port actually bound
    QString tlsFingerprint() const; // SHA-256 of the certificate; empty without TLS
    mockrp::MockRpEndpoint *endpoint() const { return m_endpoint.get(); }
    jose::JwksSource *keys() const { return m_keys.get(); }
    quint64 requestCount() const;

signals:
    // The outcome of the key load that start() began.
    void keysLoaded(const signoff::Status &status);
    // Each request, once answered (always on this object's thread).
    void requestRecorded(const signoff::mockrp::RequestRecord &record);

private:
    Result<mockrp::TlsIdentity> tlsIdentity() const;
    void loadKeys();

    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    MockRpConfig m_config;
    // Declared so that the server goes first: its connection threads use the endpoint and keys.
    std::unique_ptr<jose::JwksSource> m_keys;
    std::unique_ptr<mockrp::MockRpEndpoint> m_endpoint;
    std::unique_ptr<mockrp::MockRpServer> m_server;
};

} // namespace signoff::services
