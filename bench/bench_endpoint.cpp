// What the mock RP spends on one request without the network, next to the signature check
// alone: the figure the end-to-end benchmark cannot isolate on a noisy shared machine.
//   bench_endpoint --dir DIR [--rounds N]     (DIR from `bench_loadgen prepare`)
// For each token of DIR/tokens.txt, once per round: the raw HTTP request is parsed, handed to a
// MockRpEndpoint (form body, every validation rule, jti cache, the record), and the answer is
// serialised; separately, only the signature of each token is verified with the same OpenSSL
// key (the signature's base64url decoding included). Prints one JSON line: microseconds per
// request for both, their difference, and how many were accepted and verified.
#include "jose/Base64Url.h"
#include "jose/Jwk.h"
#include "jose/JwksSource.h"
#include "jose/Jws.h"
#include "mockrp/HttpRequestParser.h"
#include "mockrp/MockRpEndpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace signoff;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    return f.readAll();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("dir"), QStringLiteral("Output of bench_loadgen prepare."), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("rounds"), QStringLiteral("Passes over the tokens (default 3)."), QStringLiteral("N"),
                 QStringLiteral("3")});
    p.addHelpOption();
    p.process(app);
    const QString dir = p.value(QStringLiteral("dir"));
    const int rounds = qMax(1, p.value(QStringLiteral("rounds")).toInt());

    const auto jwks = jose::parseJwks(readAll(dir + QStringLiteral("/jwks.json")));
    if (!jwks || jwks->keys.empty()) {
        std::fprintf(stderr, "no usable key: %s\n", qPrintable(jwks.errorString()));
        return 2;
    }
    const jose::Jwk &key = jwks->keys.front();
    const jose::JwsAlg alg = key.kty == QLatin1String("RSA") ? jose::JwsAlg::RS256 : jose::JwsAlg::ES256;
    const QList<QByteArray> tokens = readAll(dir + QStringLiteral("/tokens.txt")).split('\n');

    // Requests exactly as bench_loadgen sends them.
    QList<QByteArray> requests;
    for (const QByteArray &t : tokens) {
        if (t.isEmpty())
            continue;
        const QByteArray body = "logout_token=" + t;
        requests << "POST /backchannel-logout HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

    // The signature alone, as LogoutTokenValidator calls it.
    QElapsedTimer timer;
    qint64 verified = 0;
    timer.start();
    for (int r = 0; r < rounds; ++r) {
        for (const QByteArray &t : tokens) {
            const qsizetype dot = t.lastIndexOf('.');
            if (dot < 0)
                continue;
            const auto sig = jose::base64UrlDecode(QByteArrayView(t).sliced(dot + 1));
            verified += bool(jose::verifySignature(alg, key.key.get(), QByteArrayView(t).first(dot), *sig));
        }
    }
    const double verifyUs = double(timer.nsecsElapsed()) / 1000.0 / double(requests.size() * rounds);

    jose::JwksSource source(nullptr);
    source.setStaticKeys(*jwks);
    mockrp::MockRpEndpointConfig config;
    config.validator.issuer = QStringLiteral("https://op.bench.test");
    config.validator.clientId = QStringLiteral("bench-rp");
    config.validator.algorithms = {alg};
    qint64 accepted = 0;
    qint64 answered = 0;
    timer.restart();
    for (int r = 0; r < rounds; ++r) {
        // A fresh endpoint per round: every token is new to its replay cache again.
        mockrp::MockRpEndpoint endpoint(config, &source, nullptr);
        for (const QByteArray &raw : requests) {
            mockrp::HttpRequestParser parser;
            if (parser.feed(raw) != mockrp::HttpRequestParser::State::Complete)
                continue;
            mockrp::HttpRequest request = parser.takeRequest();
            request.peer = QStringLiteral("127.0.0.1:40000");
            endpoint.handle(request, &app, [&](const mockrp::HttpResponse &response) {
                accepted += response.status == 200;
                answered += response.serialize(true).size() > 0;
            });
        }
    }
    const double requestUs = double(timer.nsecsElapsed()) / 1000.0 / double(requests.size() * rounds);

    const QJsonObject out{{QStringLiteral("alg"), jose::jwsAlgName(alg)},
                          {QStringLiteral("requests"), double(requests.size() * rounds)},
                          {QStringLiteral("accepted"), double(accepted)},
                          {QStringLiteral("answered"), double(answered)},
                          {QStringLiteral("signatures_verified"), double(verified)},
                          {QStringLiteral("request_us"), requestUs},
                          {QStringLiteral("verify_us"), verifyUs},
                          {QStringLiteral("beyond_verify_us"), requestUs - verifyUs}};
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    // Counts, not the exit status, tell a partial run: run-bench.sh must still write its report
    // (tokens signed more than an hour earlier have expired by then).
    return 0;
}
