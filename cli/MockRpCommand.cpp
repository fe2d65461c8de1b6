#include "MockRpCommand.h"

#include "TokenCliOptions.h"
#include "core/Logging.h"
#include "jose/JwksSource.h"
#include "jose/SafeJson.h"
#include "services/MockRpService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

#include <limits>

namespace signoff::cli {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoffctl)
};

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

Result<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return Result<ListenAddress>::failure(Tr::tr("--listen needs HOST:PORT, e.g. 127.0.0.1:9401"));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return Result<ListenAddress>::failure(Tr::tr("--listen has an invalid port in '%1'").arg(text));
    ListenAddress a;
    a.port = quint16(port);
    if (host == QLatin1String("localhost"))
        a.host = QHostAddress(QHostAddress::LocalHost);
    else if (!a.host.setAddress(host))
        return Result<ListenAddress>::failure(Tr::tr("--listen needs an IP address or localhost, not '%1'").arg(host));
    return a;
}

// Local time with milliseconds, as Qt::ISODateWithMs writes it; the part up to the second is
// kept, as converting to local time for every request of a burst is needlessly slow.
QString stamp(const QDateTime &t)
{
    static qint64 cachedSecs = std::numeric_limits<qint64>::min();
    static QString cachedPrefix;
    const qint64 ms = t.toMSecsSinceEpoch();
    const qint64 secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (secs != cachedSecs) {
        cachedSecs = secs;
        cachedPrefix = QDateTime::fromSecsSinceEpoch(secs).toString(Qt::ISODate);
    }
    return cachedPrefix + QLatin1Char('.') + QString::number(ms - secs * 1000).rightJustified(3, QLatin1Char('0'));
}

// Appended to the line in place: this runs for every request, thousands per second.
void appendVerdictSummary(QString &line, const mockrp::RequestRecord &r)
{
    if (!r.requestError.isEmpty()) {
        line += r.requestError;
        return;
    }
    if (r.report.valid) {
        line += Tr::tr("valid");
        for (const char *c : {"sub", "sid"}) {
            const std::string *v = r.report.claimsJson ? jose::stringRef(*r.report.claimsJson, c) : nullptr;
            if (v && !v->empty()) {
                line += QLatin1Char(' ');
                line += QLatin1String(c);
                line += QLatin1Char('=');
                line += jose::toQString(*v);
            }
        }
    } else {
        line += Tr::tr("invalid: %1").arg(r.report.errorDescription());
    }
    for (const auto &v : r.report.verdicts) {
        if (v.level == jose::VerdictLevel::Warn) {
            line += QLatin1String("; ");
            line += Tr::tr("warning %1: %2").arg(jose::ruleId(v.rule), v.message);
        }
    }
}

void printRecord(CliContext &ctx, const mockrp::RequestRecord &rec)
{
    if (ctx.json()) {
        QJsonObject o = rec.toJson();
        o.insert(QStringLiteral("event"), QStringLiteral("request"));
        ctx.emitJsonStreamed(o);
        return;
    }
    // Appended piece by piece (one line per request, thousands per second under load).
    QString line;
    line.reserve(200);
    line += stamp(rec.receivedAt);
    line += QLatin1Char(' ');
    line += rec.peer;
    line += QLatin1Char(' ');
    line += QLatin1String(rec.method);
    line += QLatin1Char(' ');
    line += QLatin1String(rec.target.left(100));
    line += QLatin1String(" -> ");
    line += rec.dropped ? Tr::tr("dropped") : QString::number(rec.status);
    if (rec.relay)
        line += Tr::tr(" (relay %1 in %2 ms%3)")
                    .arg(rec.relay->status)
                    .arg(rec.relay->latencyMs)
                    .arg(rec.relay->error.isEmpty() ? QString() : QStringLiteral(": ") + rec.relay->error);
    line += QLatin1String(" [");
    line += QString::number(rec.latencyMs);
    line += QLatin1String(" ms] ");
    appendVerdictSummary(line, rec);
    ctx.printStreamed(line);
}

void printKeys(CliContext &ctx, const services::MockRpService &service, const Status &s)
{
    const jose::JwksSource *keys = service.keys();
    const auto set = keys->keys();
    if (ctx.json()) {
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("keys")},
                      {QStringLiteral("ok"), s.ok()},
                      {QStringLiteral("url"), keys->jwksUri().toString()},
                      {QStringLiteral("count"), set ? int(set->keys.size()) : 0}};
        if (!s)
            o.insert(QStringLiteral("error"), s.errorString());
        if (set && !set->skipped.isEmpty())
            o.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(set->skipped));
        ctx.emitJson(o);
    } else if (s) {
        ctx.print(Tr::tr("keys: %1 usable from %2").arg(set ? set->keys.size() : 0).arg(keys->jwksUri().toString()));
        for (const QString &skipped : set ? set->skipped : QStringList())
            ctx.print(Tr::tr("keys: skipped %1").arg(skipped));
    } else {
        ctx.error(Tr::tr("keys not loaded (will retry on the next token): %1").arg(s.errorString()));
    }
}

void printListening(CliContext &ctx, const services::MockRpService &service)
{
    const services::MockRpConfig &c = service.config();
    const QString url = service.url().toString();
    const QString fingerprint = service.tlsFingerprint();
    if (ctx.json()) {
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("listening")},
                      {QStringLiteral("url"), url},
                      {QStringLiteral("issuer"), c.validator.issuer},
                      {QStringLiteral("client_id"), c.validator.clientId},
                      {QStringLiteral("behaviour"), c.behaviour.toString()}};
        if (!fingerprint.isEmpty())
            o.insert(QStringLiteral("sha256_fingerprint"), fingerprint);
        if (!c.forwardUrl.isEmpty())
            o.insert(QStringLiteral("forward"), c.forwardUrl.toString());
        ctx.emitJson(o);
    } else {
        ctx.print(Tr::tr("mock RP listening on %1").arg(url));
        if (!fingerprint.isEmpty())
            ctx.print(Tr::tr("TLS certificate SHA-256 fingerprint: %1").arg(fingerprint));
        if (!c.forwardUrl.isEmpty())
            ctx.print(Tr::tr("relaying to %1").arg(c.forwardUrl.toString()));
    }
    if (!c.address.isLoopback())
        ctx.error(Tr::tr("warning: listening beyond loopback on %1").arg(c.address.toString()));
}
} // namespace

struct MockRpCommand::Running
{
    QObject root; // context of this command's connections; destroyed with the command
    services::MockRpService service;
    explicit Running(QNetworkAccessManager *nam)
        : service(nam)
    {}
};

MockRpCommand::MockRpCommand() = default;
MockRpCommand::~MockRpCommand() = default;

QString MockRpCommand::summary() const
{
    return Tr::tr("Run a mock RP back-channel logout endpoint that reports every validation rule.");
}

void MockRpCommand::setup(QCommandLineParser &parser)
{
    TokenCliOptions::declare(parser);
    parser.addOptions({
        {QStringLiteral("listen"), Tr::tr("Address to listen on (default 127.0.0.1:%1).").arg(mockrp::kDefaultPort),
         QStringLiteral("HOST:PORT")},
        {QStringLiteral("path"), Tr::tr("Endpoint path (default %1).").arg(QLatin1String(mockrp::kDefaultPath)),
         QStringLiteral("PATH")},
        {QStringLiteral("behaviour"), Tr::tr("ok, status:N, delay:MS, drop or flaky:P (default ok)."),
         QStringLiteral("B")},
        {QStringLiteral("forward"), Tr::tr("Relay: forward each request to this real RP and answer with its status."),
         QStringLiteral("URL")},
        {QStringLiteral("tls-cert"), Tr::tr("PEM certificate for HTTPS."), QStringLiteral("F")},
        {QStringLiteral("tls-key"), Tr::tr("PEM private key for HTTPS."), QStringLiteral("F")},
        {QStringLiteral("tls-self-signed"), Tr::tr("HTTPS with a certificate generated now (fingerprint printed).")},
        {QStringLiteral("threads"),
         Tr::tr("Threads serving plain-HTTP connections (default: one per core, at most 4; 1 = single thread)."),
         QStringLiteral("N")},
    });
}

namespace {
// The service says what is wrong; the command says which option fixes it.
QString usageMessage(const Error &error)
{
    using C = services::MockRpConfig;
    switch (error.code) {
    case C::NoIssuerOrClientId:
        return Tr::tr("mock-rp needs --issuer and --client-id");
    case C::NoKeySource:
        return Tr::tr("mock-rp needs --jwks-uri or --discovery to verify signatures");
    case C::BadPath:
        return Tr::tr("--path must start with '/'");
    case C::BadForwardUrl:
        return Tr::tr("--forward needs an http or https URL");
    case C::BadThreadCount:
        return Tr::tr("--threads needs a number from 1 to 64");
    default:
        return error.message;
    }
}

// From the options to the service's config; usage errors come back as failures.
Result<services::MockRpConfig> readConfig(const QCommandLineParser &parser)
{
    using R = Result<services::MockRpConfig>;
    services::MockRpConfig c;
    auto options = TokenCliOptions::read(parser);
    if (!options)
        return R(options.error());
    c.validator = options->validator;
    c.jwksUri = options->jwksUri;
    c.discoveryUrl = options->discoveryUrl;
    auto listen =
        parseListen(parser.isSet(QStringLiteral("listen")) ? parser.value(QStringLiteral("listen"))
                                                           : QStringLiteral("127.0.0.1:%1").arg(mockrp::kDefaultPort));
    if (!listen)
        return R(listen.error());
    c.address = listen->host;
    c.port = listen->port;
    if (parser.isSet(QStringLiteral("path")))
        c.path = parser.value(QStringLiteral("path"));
    c.connectionThreads = qBound(1, QThread::idealThreadCount(), 4);
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        c.connectionThreads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok)
            c.connectionThreads = 0; // refused by check()
    }
    if (parser.isSet(QStringLiteral("behaviour"))) {
        auto b = mockrp::MockRpBehaviour::parse(parser.value(QStringLiteral("behaviour")));
        if (!b)
            return R(b.error());
        c.behaviour = *b;
    }
    if (parser.isSet(QStringLiteral("forward")))
        c.forwardUrl = QUrl(parser.value(QStringLiteral("forward")));
    const bool certGiven = parser.isSet(QStringLiteral("tls-cert")) || parser.isSet(QStringLiteral("tls-key"));
    const bool selfSigned = parser.isSet(QStringLiteral("tls-self-signed"));
    if (certGiven && selfSigned)
        return R::failure(Tr::tr("give either --tls-cert/--tls-key or --tls-self-signed"));
    if (certGiven && !(parser.isSet(QStringLiteral("tls-cert")) && parser.isSet(QStringLiteral("tls-key"))))
        return R::failure(Tr::tr("--tls-cert and --tls-key go together"));
    c.tls = selfSigned ? services::MockRpConfig::Tls::SelfSigned
                       : (certGiven ? services::MockRpConfig::Tls::Files : services::MockRpConfig::Tls::None);
    c.tlsCertFile = parser.value(QStringLiteral("tls-cert"));
    c.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
    if (const Status s = c.check(); !s)
        return R::failure(usageMessage(s.error()));
    return c;
}
} // namespace

std::optional<int> MockRpCommand::run(CliContext &ctx, const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        ctx.error(Tr::tr("mock-rp takes no positional arguments"));
        return ExitUsage;
    }
    const auto config = readConfig(parser);
    if (!config) {
        ctx.error(config.errorString());
        return ExitUsage;
    }
    m_running = std::make_unique<Running>(ctx.nam());
    services::MockRpService &service = m_running->service;
    QObject *root = &m_running->root;
    QObject::connect(&service, &services::MockRpService::requestRecorded, root,
                     [&ctx](const mockrp::RequestRecord &rec) { printRecord(ctx, rec); });
    QObject::connect(&service, &services::MockRpService::keysLoaded, root,
                     [&ctx, &service](const Status &s) { printKeys(ctx, service, s); });
    if (const Status started = service.start(*config); !started) {
        ctx.error(started.errorString());
        m_running.reset();
        return ExitFailure;
    }
    printListening(ctx, service);
    ctx.onStopSignal(root, [this, &ctx] {
        const quint64 count = m_running->service.requestCount();
        m_running->service.stop();
        if (ctx.json())
            ctx.emitJson(
                {{QStringLiteral("event"), QStringLiteral("stopped")}, {QStringLiteral("requests"), double(count)}});
        else
            ctx.print(Tr::tr("mock RP stopped after %1 requests").arg(count));
        ctx.exit(ExitOk);
    });
    return std::nullopt;
}

} // namespace signoff::cli
