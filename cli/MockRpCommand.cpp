#include "MockRpCommand.h"

#include "TokenCliOptions.h"
#include "core/Logging.h"
#include "jose/JwksSource.h"
#include "jose/SafeJson.h"
#include "mockrp/MockRpEndpoint.h"
#include "mockrp/MockRpServer.h"
#include "mockrp/TlsIdentity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

#include <csignal>
#include <limits>
#include <unistd.h>

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
} // namespace

struct MockRpCommand::Running
{
    QObject root; // parent of everything this command creates; destroyed with the command
    jose::JwksSource *keys = nullptr;
    mockrp::MockRpEndpoint *endpoint = nullptr;
    mockrp::MockRpServer *server = nullptr;
    // The server first: its connection threads use the endpoint and the keys.
    ~Running() { delete server; }
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

std::optional<int> MockRpCommand::run(CliContext &ctx, const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        ctx.error(Tr::tr("mock-rp takes no positional arguments"));
        return ExitUsage;
    }
    auto options = TokenCliOptions::read(parser);
    if (!options) {
        ctx.error(options.errorString());
        return ExitUsage;
    }
    const jose::ValidatorConfig &vc = options->validator;
    if (vc.issuer.isEmpty() || vc.clientId.isEmpty()) {
        ctx.error(Tr::tr("mock-rp needs --issuer and --client-id"));
        return ExitUsage;
    }
    bool onlyHmac = true;
    for (const jose::JwsAlg a : vc.algorithms)
        onlyHmac = onlyHmac && jose::isHmacAlg(a);
    if (!onlyHmac && options->jwksUri.isEmpty() && options->discoveryUrl.isEmpty()) {
        ctx.error(Tr::tr("mock-rp needs --jwks-uri or --discovery to verify signatures"));
        return ExitUsage;
    }
    auto listen =
        parseListen(parser.isSet(QStringLiteral("listen")) ? parser.value(QStringLiteral("listen"))
                                                           : QStringLiteral("127.0.0.1:%1").arg(mockrp::kDefaultPort));
    if (!listen) {
        ctx.error(listen.errorString());
        return ExitUsage;
    }
    mockrp::MockRpEndpointConfig ec;
    ec.validator = vc;
    if (parser.isSet(QStringLiteral("path")))
        ec.path = parser.value(QStringLiteral("path"));
    if (!ec.path.startsWith(QLatin1Char('/'))) {
        ctx.error(Tr::tr("--path must start with '/'"));
        return ExitUsage;
    }
    int threads = qBound(1, QThread::idealThreadCount(), 4);
    if (parser.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        threads = parser.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 1 || threads > 64) {
            ctx.error(Tr::tr("--threads needs a number from 1 to 64"));
            return ExitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("behaviour"))) {
        auto b = mockrp::MockRpBehaviour::parse(parser.value(QStringLiteral("behaviour")));
        if (!b) {
            ctx.error(b.errorString());
            return ExitUsage;
        }
        ec.behaviour = *b;
    }
    if (parser.isSet(QStringLiteral("forward"))) {
        ec.forwardUrl = QUrl(parser.value(QStringLiteral("forward")));
        const QString scheme = ec.forwardUrl.scheme();
        if (!ec.forwardUrl.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
            ctx.error(Tr::tr("--forward needs an http or https URL"));
            return ExitUsage;
        }
    }
    const bool certGiven = parser.isSet(QStringLiteral("tls-cert")) || parser.isSet(QStringLiteral("tls-key"));
    const bool selfSigned = parser.isSet(QStringLiteral("tls-self-signed"));
    if (certGiven && selfSigned) {
        ctx.error(Tr::tr("give either --tls-cert/--tls-key or --tls-self-signed"));
        return ExitUsage;
    }
    if (certGiven && !(parser.isSet(QStringLiteral("tls-cert")) && parser.isSet(QStringLiteral("tls-key")))) {
        ctx.error(Tr::tr("--tls-cert and --tls-key go together"));
        return ExitUsage;
    }

    m_running = std::make_unique<Running>();
    Running &r = *m_running;
    r.keys = new jose::JwksSource(ctx.nam(), Clock::system(), &r.root);
    if (!options->discoveryUrl.isEmpty())
        r.keys->setDiscoveryUrl(options->discoveryUrl);
    else if (!options->jwksUri.isEmpty())
        r.keys->setJwksUri(options->jwksUri);
    r.endpoint = new mockrp::MockRpEndpoint(ec, r.keys, ctx.nam(), Clock::system(), &r.root);
    r.server = new mockrp::MockRpServer(&r.root);
    r.server->addEndpoint(r.endpoint);
    r.server->setConnectionThreads(threads);

    Status listening;
    if (certGiven || selfSigned) {
        QStringList hosts{QStringLiteral("localhost"), QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
        if (!listen->host.isLoopback() && listen->host != QHostAddress::Any && listen->host != QHostAddress::AnyIPv4)
            hosts << listen->host.toString();
        auto identity = selfSigned ? mockrp::generateSelfSigned(hosts)
                                   : mockrp::loadTlsIdentity(parser.value(QStringLiteral("tls-cert")),
                                                             parser.value(QStringLiteral("tls-key")));
        if (!identity) {
            ctx.error(identity.errorString());
            m_running.reset();
            return ExitFailure;
        }
        listening = r.server->listenTls(listen->host, listen->port, *identity);
    } else {
        listening = r.server->listen(listen->host, listen->port);
    }
    if (!listening) {
        ctx.error(listening.errorString());
        m_running.reset();
        return ExitFailure;
    }

    const QUrl url = r.server->url(r.endpoint);
    const QString fingerprint = r.server->isTls() ? mockrp::sha256Fingerprint(r.server->certificate()) : QString();
    if (ctx.json()) {
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("listening")},
                      {QStringLiteral("url"), url.toString()},
                      {QStringLiteral("issuer"), vc.issuer},
                      {QStringLiteral("client_id"), vc.clientId},
                      {QStringLiteral("behaviour"), ec.behaviour.toString()}};
        if (!fingerprint.isEmpty())
            o.insert(QStringLiteral("sha256_fingerprint"), fingerprint);
        if (!ec.forwardUrl.isEmpty())
            o.insert(QStringLiteral("forward"), ec.forwardUrl.toString());
        ctx.emitJson(o);
    } else {
        ctx.print(Tr::tr("mock RP listening on %1").arg(url.toString()));
        if (!fingerprint.isEmpty())
            ctx.print(Tr::tr("TLS certificate SHA-256 fingerprint: %1").arg(fingerprint));
        if (!ec.forwardUrl.isEmpty())
            ctx.print(Tr::tr("relaying to %1").arg(ec.forwardUrl.toString()));
    }
    if (!listen->host.isLoopback())
        ctx.error(Tr::tr("warning: listening beyond loopback on %1").arg(listen->host.toString()));

    QObject::connect(
        r.endpoint, &mockrp::MockRpEndpoint::requestRecorded, &r.root, [&ctx](const mockrp::RequestRecord &rec) {
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
        });

    if (!options->jwksUri.isEmpty() || !options->discoveryUrl.isEmpty()) {
        r.keys->load(&r.root, [&ctx, keys = r.keys](const Status &s) {
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
                ctx.print(
                    Tr::tr("keys: %1 usable from %2").arg(set ? set->keys.size() : 0).arg(keys->jwksUri().toString()));
                for (const QString &skipped : set ? set->skipped : QStringList())
                    ctx.print(Tr::tr("keys: skipped %1").arg(skipped));
            } else {
                ctx.error(Tr::tr("keys not loaded (will retry on the next token): %1").arg(s.errorString()));
            }
        });
    }

    ctx.onStopSignal(&r.root, [this, &ctx] {
        const quint64 count = m_running->endpoint->requestCount();
        m_running->server->close();
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
