#include "MockRpService.h"

#include "jose/JwksSource.h"
#include "mockrp/TlsIdentity.h"

namespace signoff::services {

Status MockRpConfig::check() const
{
    if (validator.issuer.isEmpty() || validator.clientId.isEmpty())
        return Status::failure(MockRpService::tr("a mock RP needs an issuer and a client id"), NoIssuerOrClientId);
    if (const Status s = validator.check(); !s)
        return Status::failure(s.errorString(), BadValidatorSettings);
    bool onlyHmac = true;
    for (const jose::JwsAlg a : validator.algorithms)
        onlyHmac = onlyHmac && jose::isHmacAlg(a);
    if (!onlyHmac && jwksUri.isEmpty() && discoveryUrl.isEmpty())
        return Status::failure(MockRpService::tr("a mock RP needs a JWKS URL or a discovery URL to verify signatures"),
                               NoKeySource);
    if (!path.startsWith(QLatin1Char('/')))
        return Status::failure(MockRpService::tr("the endpoint path must start with '/'"), BadPath);
    if (!forwardUrl.isEmpty()) {
        const QString scheme = forwardUrl.scheme();
        if (!forwardUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return Status::failure(MockRpService::tr("the relay target needs an http or https URL"), BadForwardUrl);
    }
    if (tls == Tls::Files && (tlsCertFile.isEmpty() || tlsKeyFile.isEmpty()))
        return Status::failure(MockRpService::tr("HTTPS from files needs both a certificate and a key file"),
                               TlsFilesMissing);
    if (connectionThreads < 1 || connectionThreads > 64)
        return Status::failure(MockRpService::tr("connection threads must be from 1 to 64"), BadThreadCount);
    return {};
}

MockRpService::MockRpService(QNetworkAccessManager *nam, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock ? clock : Clock::system())
{}

MockRpService::~MockRpService()
{
    stop();
}

Status MockRpService::start(const MockRpConfig &config)
{
    stop();
    if (const Status s = config.check(); !s)
        return s;
    m_config = config;
    m_endpoint.reset(); // before the keys it uses
    m_keys = std::make_unique<jose::JwksSource>(m_nam, m_clock);
    if (!m_config.discoveryUrl.isEmpty())
        m_keys->setDiscoveryUrl(m_config.discoveryUrl);
    else if (!m_config.jwksUri.isEmpty())
        m_keys->setJwksUri(m_config.jwksUri);
    mockrp::MockRpEndpointConfig ec;
    ec.path = m_config.path;
    ec.validator = m_config.validator;
    ec.behaviour = m_config.behaviour;
    ec.forwardUrl = m_config.forwardUrl;
    m_endpoint = std::make_unique<mockrp::MockRpEndpoint>(ec, m_keys.get(), m_nam, m_clock);
    connect(m_endpoint.get(), &mockrp::MockRpEndpoint::requestRecorded, this, &MockRpService::requestRecorded);

    auto server = std::make_unique<mockrp::MockRpServer>();
    server->setLimits(m_config.limits);
    server->setConnectionThreads(m_config.connectionThreads);
    if (const Status s = server->addEndpoint(m_endpoint.get()); !s)
        return s;
    Status listening;
    if (m_config.tls == MockRpConfig::Tls::None) {
        listening = server->listen(m_config.address, m_config.port);
    } else {
        const auto identity = tlsIdentity();
        if (!identity)
            return Status(identity.error());
        listening = server->listenTls(m_config.address, m_config.port, *identity);
    }
    if (!listening)
        return listening;
    m_server = std::move(server);
    loadKeys();
    return {};
}

Result<mockrp::TlsIdentity> MockRpService::tlsIdentity() const
{
    if (m_config.tls == MockRpConfig::Tls::Files)
        return mockrp::loadTlsIdentity(m_config.tlsCertFile, m_config.tlsKeyFile);
    QStringList hosts{QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    const QHostAddress &a = m_config.address;
    if (!a.isLoopback() && a != QHostAddress::Any && a != QHostAddress::AnyIPv4 && a != QHostAddress::AnyIPv6)
        hosts << a.toString();
    return mockrp::generateSelfSigned(hosts);
}

void MockRpService::loadKeys()
{
    if (m_config.jwksUri.isEmpty() && m_config.discoveryUrl.isEmpty())
        return; // HMAC only: the client secret is the key
    // Bound to these keys: a restart before the load ends drops its outcome.
    m_keys->load(m_keys.get(), [this](const Status &s) { emit keysLoaded(s); });
}

void MockRpService::stop()
{
    // The server (and its connection threads) goes first; the endpoint keeps its records.
    m_server.reset();
}

void MockRpService::setBehaviour(const mockrp::MockRpBehaviour &behaviour)
{
    m_config.behaviour = behaviour;
    if (m_endpoint)
        m_endpoint->setBehaviour(behaviour);
}

bool MockRpService::isRunning() const
{
    return m_server && m_server->isListening();
}

QUrl MockRpService::url() const
{
    return m_server ? m_server->url(m_endpoint.get()) : QUrl();
}

QString MockRpService::tlsFingerprint() const
{
    return m_server && m_server->isTls() ? mockrp::sha256Fingerprint(m_server->certificate()) : QString();
}

quint64 MockRpService::requestCount() const
{
    return m_endpoint ? m_endpoint->requestCount() : 0;
}

} // namespace signoff::services
