#include "MockRpWorkspace.h"

#include "core/Logging.h"

#include <QSettings>

namespace signoff::services {

namespace {
const QString kGroup = QStringLiteral("mockrps");

QString tlsId(MockRpConfig::Tls tls)
{
    switch (tls) {
    case MockRpConfig::Tls::None:
        return QStringLiteral("none");
    case MockRpConfig::Tls::SelfSigned:
        return QStringLiteral("self-signed");
    case MockRpConfig::Tls::Files:
        return QStringLiteral("files");
    }
    return QString();
}

MockRpConfig::Tls tlsFromId(const QString &id)
{
    if (id == QLatin1String("self-signed"))
        return MockRpConfig::Tls::SelfSigned;
    if (id == QLatin1String("files"))
        return MockRpConfig::Tls::Files;
    return MockRpConfig::Tls::None;
}

// Everything but validator.clientSecret: settings files are readable, secrets never go there.
void writeConfig(QSettings &s, const MockRpConfig &c)
{
    QStringList algs;
    for (const jose::JwsAlg a : c.validator.algorithms)
        algs << jose::jwsAlgName(a);
    s.setValue(QStringLiteral("address"), c.address.toString());
    s.setValue(QStringLiteral("port"), c.port);
    s.setValue(QStringLiteral("path"), c.path);
    s.setValue(QStringLiteral("issuer"), c.validator.issuer);
    s.setValue(QStringLiteral("clientId"), c.validator.clientId);
    s.setValue(QStringLiteral("algorithms"), algs.join(QLatin1Char(',')));
    s.setValue(QStringLiteral("clockSkewSecs"), c.validator.clockSkewSecs);
    s.setValue(QStringLiteral("allowMissingExp"), c.validator.allowMissingExp);
    s.setValue(QStringLiteral("requireTyp"), c.validator.requireTyp);
    s.setValue(QStringLiteral("jwksUri"), c.jwksUri.toString());
    s.setValue(QStringLiteral("discoveryUrl"), c.discoveryUrl.toString());
    s.setValue(QStringLiteral("behaviour"), c.behaviour.toString());
    s.setValue(QStringLiteral("forwardUrl"), c.forwardUrl.toString());
    s.setValue(QStringLiteral("tls"), tlsId(c.tls));
    s.setValue(QStringLiteral("tlsCertFile"), c.tlsCertFile);
    s.setValue(QStringLiteral("tlsKeyFile"), c.tlsKeyFile);
}

// Everything a running mock RP cannot change without a restart is the same.
bool sameButBehaviour(const MockRpConfig &a, const MockRpConfig &b)
{
    const jose::ValidatorConfig &v = a.validator;
    const jose::ValidatorConfig &w = b.validator;
    return a.address == b.address && a.port == b.port && a.path == b.path && a.jwksUri == b.jwksUri &&
           a.discoveryUrl == b.discoveryUrl && a.forwardUrl == b.forwardUrl && a.tls == b.tls &&
           a.tlsCertFile == b.tlsCertFile && a.tlsKeyFile == b.tlsKeyFile &&
           a.connectionThreads == b.connectionThreads && a.limits.maxConnections == b.limits.maxConnections &&
           a.limits.idleTimeoutMs == b.limits.idleTimeoutMs && a.limits.requestTimeoutMs == b.limits.requestTimeoutMs &&
           v.issuer == w.issuer && v.clientId == w.clientId && v.algorithms == w.algorithms &&
           v.clientSecret == w.clientSecret && v.clockSkewSecs == w.clockSkewSecs &&
           v.allowMissingExp == w.allowMissingExp && v.requireTyp == w.requireTyp &&
           v.checkSignature == w.checkSignature && v.maxAgeWithoutExpSecs == w.maxAgeWithoutExpSecs &&
           v.replayCacheCapacity == w.replayCacheCapacity;
}

// A hand-edited value that does not parse falls back to the default: check() or start() then
// says what is wrong when the mock RP is started, next to the form.
MockRpConfig readConfig(const QSettings &s)
{
    MockRpConfig c;
    const QHostAddress address(s.value(QStringLiteral("address")).toString());
    if (!address.isNull())
        c.address = address;
    bool ok = false;
    const uint port = s.value(QStringLiteral("port")).toUInt(&ok);
    if (ok && port <= 65535)
        c.port = quint16(port);
    c.path = s.value(QStringLiteral("path"), c.path).toString();
    c.validator.issuer = s.value(QStringLiteral("issuer")).toString();
    c.validator.clientId = s.value(QStringLiteral("clientId")).toString();
    QList<jose::JwsAlg> algs;
    for (const QString &name :
         s.value(QStringLiteral("algorithms")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const auto a = jose::jwsAlgFromName(name.trimmed()))
            algs << *a;
    if (!algs.isEmpty())
        c.validator.algorithms = algs;
    c.validator.clockSkewSecs = s.value(QStringLiteral("clockSkewSecs"), c.validator.clockSkewSecs).toLongLong();
    c.validator.allowMissingExp = s.value(QStringLiteral("allowMissingExp")).toBool();
    c.validator.requireTyp = s.value(QStringLiteral("requireTyp")).toBool();
    c.jwksUri = QUrl(s.value(QStringLiteral("jwksUri")).toString());
    c.discoveryUrl = QUrl(s.value(QStringLiteral("discoveryUrl")).toString());
    if (const auto b = mockrp::MockRpBehaviour::parse(s.value(QStringLiteral("behaviour")).toString()))
        c.behaviour = *b;
    c.forwardUrl = QUrl(s.value(QStringLiteral("forwardUrl")).toString());
    c.tls = tlsFromId(s.value(QStringLiteral("tls")).toString());
    c.tlsCertFile = s.value(QStringLiteral("tlsCertFile")).toString();
    c.tlsKeyFile = s.value(QStringLiteral("tlsKeyFile")).toString();
    return c;
}
} // namespace

MockRpWorkspace::MockRpWorkspace(QNetworkAccessManager *nam, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock ? clock : Clock::system())
{}

MockRpWorkspace::~MockRpWorkspace() = default;

void MockRpWorkspace::persistIn(QSettings *settings)
{
    m_settings = settings;
    load();
}

void MockRpWorkspace::load()
{
    struct Saved
    {
        QString name;
        MockRpConfig config;
        bool running = false;
    };
    QList<Saved> saved;
    const int n = m_settings->beginReadArray(kGroup);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        saved.append({m_settings->value(QStringLiteral("name")).toString(), readConfig(*m_settings),
                      m_settings->value(QStringLiteral("running")).toBool()});
    }
    m_settings->endArray();
    for (const Saved &s : saved) {
        const int index = add(s.name.isEmpty() ? tr("Mock RP") : s.name, s.config);
        m_entries[size_t(index)].startAtLaunch = s.running;
    }
    save();
}

void MockRpWorkspace::resumeRunning()
{
    for (int i = 0; i < count(); ++i) {
        if (!m_entries[size_t(i)].startAtLaunch || m_entries[size_t(i)].service->isRunning())
            continue;
        // A failure (the port is taken now, an HS* secret that was never saved) keeps the wish to
        // run, so the next launch tries again; the page shows the reason.
        if (!start(i)) {
            m_entries[size_t(i)].startAtLaunch = true;
            save();
        }
    }
}

void MockRpWorkspace::save() const
{
    if (!m_settings)
        return;
    m_settings->remove(kGroup);
    m_settings->beginWriteArray(kGroup, int(m_entries.size()));
    for (int i = 0; i < int(m_entries.size()); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), m_entries[i].name);
        m_settings->setValue(QStringLiteral("running"), m_entries[i].startAtLaunch);
        writeConfig(*m_settings, m_entries[i].config);
    }
    m_settings->endArray();
}

int MockRpWorkspace::count() const
{
    return int(m_entries.size());
}

MockRpService *MockRpWorkspace::at(int index) const
{
    return m_entries.at(index).service.get();
}

QString MockRpWorkspace::name(int index) const
{
    return m_entries.at(index).name;
}

int MockRpWorkspace::indexOf(const QString &name) const
{
    for (int i = 0; i < count(); ++i)
        if (m_entries[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

int MockRpWorkspace::indexOf(const MockRpService *service) const
{
    for (int i = 0; i < count(); ++i)
        if (m_entries[i].service.get() == service)
            return i;
    return -1;
}

QString MockRpWorkspace::freeName(const QString &base) const
{
    QString candidate = base;
    for (int n = 2; indexOf(candidate) >= 0; ++n)
        candidate = QStringLiteral("%1 %2").arg(base).arg(n);
    return candidate;
}

int MockRpWorkspace::add(const QString &name, const MockRpConfig &config)
{
    auto service = std::make_unique<MockRpService>(m_nam, m_clock, this);
    MockRpService *s = service.get();
    // The index is looked up when a request arrives: removing an earlier mock RP shifts it.
    connect(s, &MockRpService::requestRecorded, this,
            [this, s](const mockrp::RequestRecord &record) { emit requestRecorded(indexOf(s), record); });
    connect(s, &MockRpService::keysLoaded, this,
            [this, s](const Status &status) { emit keysLoaded(indexOf(s), status); });
    m_entries.push_back({freeName(name.trimmed()), config, std::move(service), false, QString()});
    save();
    emit changed();
    return count() - 1;
}

void MockRpWorkspace::remove(int index)
{
    m_entries.erase(m_entries.begin() + index); // the service stops listening as it goes
    save();
    emit changed();
}

const MockRpConfig &MockRpWorkspace::config(int index) const
{
    return m_entries.at(index).config;
}

void MockRpWorkspace::setConfig(int index, const MockRpConfig &config)
{
    m_entries.at(index).config = config;
    save();
    emit configChanged(index);
    emit changed();
}

Status MockRpWorkspace::reconfigure(int index, const MockRpConfig &config)
{
    setConfig(index, config);
    MockRpService *s = at(index);
    if (!s->isRunning())
        return {};
    if (sameButBehaviour(s->config(), config)) {
        s->setBehaviour(config.behaviour);
        emit changed();
        return {};
    }
    return start(index);
}

Status MockRpWorkspace::start(int index)
{
    Entry &e = m_entries.at(index);
    const Status s = e.service->start(e.config);
    e.startError = s.errorString();
    e.startAtLaunch = s.ok();
    if (s)
        qCInfo(lcMockRp) << "mock RP" << e.name << "listening on" << e.service->url().toString();
    else
        qCWarning(lcMockRp) << "mock RP" << e.name << "did not start:" << e.startError;
    save();
    emit changed();
    return s;
}

void MockRpWorkspace::stop(int index)
{
    m_entries.at(index).service->stop();
    m_entries.at(index).startAtLaunch = false;
    save();
    emit changed();
}

QString MockRpWorkspace::startError(int index) const
{
    return m_entries.at(index).startError;
}

} // namespace signoff::services
