// Load generator for the mock RP benchmark (bench/run-bench.sh).
//   bench_loadgen prepare --alg RS256|ES256 --count N --out DIR
//       makes a key, DIR/jwks.json and DIR/tokens.txt (N valid logout tokens, unique jti)
//   bench_loadgen run --url URL --tokens FILE [--connections C] [--soak N --out DIR]
//       posts every token once over C keep-alive connections, one request in flight per
//       connection; prints one JSON line: requests, seconds, rps, p50/p99 latency, errors.
//       --soak N signs N fresh ES256 tokens on the fly with DIR's key instead (memory check).
//   bench_loadgen serve --port P
//       the transport ceiling: a minimal single-threaded epoll HTTP/1.1 server that reads each
//       request (headers and Content-Length body) and answers 200 without looking at it. What
//       it reaches is what this machine allows for HTTP round trips, before any validation.
// Signing is done here with OpenSSL directly: the benchmark measures the receiving side.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QUrl>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

namespace {
const QByteArray kIssuer = "https://op.bench.test";
const QByteArray kClient = "bench-rp";

QByteArray b64(const QByteArray &d)
{
    return d.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bnBytes(EVP_PKEY *key, const char *name, int pad = 0)
{
    BIGNUM *bn = nullptr;
    EVP_PKEY_get_bn_param(key, name, &bn);
    QByteArray out(pad ? pad : BN_num_bytes(bn), '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), int(out.size()));
    BN_free(bn);
    return out;
}

struct Signer
{
    QByteArray alg;
    EVP_PKEY *key = nullptr;

    QByteArray sign(const QByteArray &input) const
    {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        size_t len = 0;
        EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
        EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()),
                       size_t(input.size()));
        QByteArray sig(qsizetype(len), '\0');
        EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
        EVP_MD_CTX_free(ctx);
        sig.resize(qsizetype(len));
        if (alg == "ES256") { // DER -> raw r||s
            const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
            ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
            QByteArray raw(64, '\0');
            BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char *>(raw.data()), 32);
            BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char *>(raw.data()) + 32, 32);
            ECDSA_SIG_free(es);
            return raw;
        }
        return sig;
    }

    QByteArray token(quint64 n, qint64 now) const
    {
        const QByteArray header = b64("{\"alg\":\"" + alg + "\",\"kid\":\"bench-1\",\"typ\":\"logout+jwt\"}");
        const QByteArray claims =
            b64("{\"iss\":\"" + kIssuer + "\",\"aud\":\"" + kClient + "\",\"iat\":" + QByteArray::number(now) +
                ",\"exp\":" + QByteArray::number(now + 3600) + ",\"jti\":\"bench-" + QByteArray::number(n) + "-" +
                QByteArray::number(now) + "\",\"sub\":\"user-" + QByteArray::number(n % 1000) + "\",\"sid\":\"sid-" +
                QByteArray::number(n) + "\",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}");
        const QByteArray input = header + '.' + claims;
        return input + '.' + b64(sign(input));
    }
};

int prepare(const QString &alg, qint64 count, const QString &outDir)
{
    QDir().mkpath(outDir);
    Signer s;
    s.alg = alg.toLatin1();
    s.key = alg == QLatin1String("RS256") ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))
                                          : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    QJsonObject jwk{{QStringLiteral("kid"), QStringLiteral("bench-1")},
                    {QStringLiteral("alg"), alg},
                    {QStringLiteral("use"), QStringLiteral("sig")}};
    if (alg == QLatin1String("RS256")) {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
        jwk.insert(QStringLiteral("n"), QString::fromLatin1(b64(bnBytes(s.key, OSSL_PKEY_PARAM_RSA_N))));
        jwk.insert(QStringLiteral("e"), QString::fromLatin1(b64(bnBytes(s.key, OSSL_PKEY_PARAM_RSA_E))));
    } else {
        jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
        jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
        jwk.insert(QStringLiteral("x"), QString::fromLatin1(b64(bnBytes(s.key, OSSL_PKEY_PARAM_EC_PUB_X, 32))));
        jwk.insert(QStringLiteral("y"), QString::fromLatin1(b64(bnBytes(s.key, OSSL_PKEY_PARAM_EC_PUB_Y, 32))));
    }
    QFile jwks(outDir + QStringLiteral("/jwks.json"));
    jwks.open(QIODevice::WriteOnly);
    jwks.write(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}}).toJson(QJsonDocument::Compact));
    QFile pem(outDir + QStringLiteral("/key.pem"));
    pem.open(QIODevice::WriteOnly);
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, s.key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    pem.write(data, len);
    BIO_free(bio);
    QFile tokens(outDir + QStringLiteral("/tokens.txt"));
    tokens.open(QIODevice::WriteOnly);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (qint64 i = 0; i < count; ++i)
        tokens.write(s.token(quint64(i), now) + '\n');
    return 0;
}

// The client side must stay cheap: it shares the machine's cores with the server under test,
// so it uses non-blocking sockets and epoll directly (no event-loop or socket-class overhead).
// The same client drives every endpoint, so whatever it costs is charged to all of them alike.
class Runner
{
public:
    Runner(const QUrl &url, int connections, int pipeline, std::function<std::optional<QByteArray>()> next)
        : m_next(std::move(next))
        , m_pipeline(std::max(1, pipeline))
    {
        m_prefix = "POST " + url.path().toLatin1() + " HTTP/1.1\r\nHost: " + url.host().toLatin1() + ':' +
                   QByteArray::number(url.port(80)) +
                   "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ";
        m_latenciesUs.reserve(1 << 20);
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(url.port(80)));
        ::inet_pton(AF_INET, url.host().toLatin1().constData(), &addr.sin_addr);
        m_conns.resize(size_t(connections));
        for (auto &c : m_conns) {
            c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            const int one = 1;
            ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            if (::connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
                ::close(c.fd);
                c.fd = -1;
                c.open = false;
                ++m_failedConnections;
                continue;
            }
            ++m_open;
            ::fcntl(c.fd, F_SETFL, O_NONBLOCK);
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.ptr = &c;
            ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
        }
    }
    ~Runner() { ::close(m_epoll); }

    void run()
    {
        m_clock.start();
        for (auto &c : m_conns) {
            if (c.open)
                fill(c);
        }
        epoll_event events[64];
        QElapsedTimer quiet;
        quiet.start();
        while (m_open > 0) {
            // --spin: poll without sleeping, so the server's answer never has to wake this
            // process (on a VM that wake-up is expensive and is charged to the sender).
            const int n = ::epoll_wait(m_epoll, events, 64, m_spin ? 0 : 10000);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                if (m_spin && n == 0 && quiet.elapsed() < 10000)
                    continue;
                break; // 10 s without any answer: give up, report what we have
            }
            quiet.restart();
            for (int i = 0; i < n; ++i)
                onReadable(*static_cast<Conn *>(events[i].data.ptr));
        }
        m_elapsedNs = m_clock.nsecsElapsed();
    }

    QJsonObject result() const
    {
        std::vector<qint64> l = m_latenciesUs;
        std::sort(l.begin(), l.end());
        const auto pct = [&](double p) {
            return l.empty() ? 0.0 : double(l[size_t(p * double(l.size() - 1))]) / 1000.0;
        };
        const double secs = double(m_elapsedNs) / 1e9;
        return {{QStringLiteral("requests"), double(m_done)},
                {QStringLiteral("ok"), double(m_ok)},
                {QStringLiteral("errors"), double(m_done - m_ok + m_failedConnections)},
                {QStringLiteral("seconds"), secs},
                {QStringLiteral("rps"), secs > 0 ? double(m_done) / secs : 0.0},
                {QStringLiteral("p50_ms"), pct(0.50)},
                {QStringLiteral("p99_ms"), pct(0.99)}};
    }

private:
    struct Conn
    {
        int fd = -1;
        QByteArray buffer;
        std::deque<qint64> sentNs; // one per request in flight, oldest first
        bool open = true;
    };

    // Tops the connection up to `pipeline` requests in flight, in one write.
    void fill(Conn &c)
    {
        QByteArray out;
        while (qsizetype(c.sentNs.size()) < m_pipeline) {
            const auto token = m_next();
            if (!token)
                break;
            out += m_prefix + QByteArray::number(token->size() + 13) + "\r\n\r\nlogout_token=" + *token;
            c.sentNs.push_back(m_clock.nsecsElapsed());
        }
        if (!out.isEmpty() && !writeAll(c.fd, out))
            return close(c);
        if (c.sentNs.empty())
            close(c);
    }

    static bool writeAll(int fd, const QByteArray &data)
    {
        qsizetype off = 0;
        while (off < data.size()) {
            const ssize_t w = ::write(fd, data.constData() + off, size_t(data.size() - off));
            if (w > 0) {
                off += w;
            } else if (w < 0 && errno == EAGAIN) {
                pollfd p{fd, POLLOUT, 0};
                ::poll(&p, 1, 1000);
            } else {
                return false;
            }
        }
        return true;
    }

    void onReadable(Conn &c)
    {
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::read(c.fd, chunk, sizeof chunk);
            if (n > 0) {
                c.buffer.append(chunk, n);
                if (n < qsizetype(sizeof chunk))
                    break;
                continue;
            }
            if (n < 0 && errno == EAGAIN)
                break;
            return close(c); // closed by the server or failed: requests in flight are lost
        }
        bool answered = false;
        for (;;) {
            const qsizetype end = c.buffer.indexOf("\r\n\r\n");
            if (end < 0)
                break;
            const QByteArray head = c.buffer.left(end).toLower();
            const qsizetype cl = head.indexOf("content-length:");
            const qsizetype len =
                cl < 0 ? 0 : head.mid(cl + 15, head.indexOf('\r', cl) - cl - 15).trimmed().toLongLong();
            if (c.buffer.size() < end + 4 + len || c.sentNs.empty())
                break;
            const bool ok = c.buffer.startsWith("HTTP/1.1 200");
            c.buffer.remove(0, end + 4 + len);
            ++m_done;
            m_ok += ok ? 1 : 0;
            m_latenciesUs.push_back((m_clock.nsecsElapsed() - c.sentNs.front()) / 1000);
            c.sentNs.pop_front();
            answered = true;
        }
        if (answered)
            fill(c);
    }

    void close(Conn &c)
    {
        if (!c.open)
            return;
        c.open = false;
        if (!c.sentNs.empty())
            ++m_failedConnections;
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        --m_open;
    }

    std::function<std::optional<QByteArray>()> m_next;
    int m_pipeline;

public:
    bool m_spin = false;

private:
    QByteArray m_prefix;
    int m_epoll = -1;
    std::vector<Conn> m_conns;
    QElapsedTimer m_clock;
    std::vector<qint64> m_latenciesUs;
    quint64 m_done = 0;
    quint64 m_ok = 0;
    quint64 m_failedConnections = 0;
    int m_open = 0;
    qint64 m_elapsedNs = 0;
};
int serve(quint16 port)
{
    const int lfd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int one = 1;
    ::setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(lfd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(lfd, 128) != 0) {
        std::perror("bench_loadgen serve");
        return 1;
    }
    const int ep = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event lev{};
    lev.events = EPOLLIN;
    lev.data.fd = lfd;
    ::epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &lev);
    std::unordered_map<int, QByteArray> buffers;
    static const char kAnswer[] = "HTTP/1.1 200 OK\r\nCache-Control: no-store\r\nContent-Length: 0\r\n\r\n";
    epoll_event events[64];
    char chunk[65536];
    for (;;) {
        const int n = ::epoll_wait(ep, events, 64, -1);
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == lfd) {
                for (int c; (c = ::accept4(lfd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0;) {
                    ::setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    epoll_event ev{};
                    ev.events = EPOLLIN;
                    ev.data.fd = c;
                    ::epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
                    buffers[c];
                }
                continue;
            }
            QByteArray &buf = buffers[fd];
            bool gone = false;
            for (;;) {
                const ssize_t r = ::read(fd, chunk, sizeof chunk);
                if (r > 0) {
                    buf.append(chunk, r);
                    if (r < qsizetype(sizeof chunk))
                        break;
                    continue;
                }
                gone = r == 0 || errno != EAGAIN;
                break;
            }
            QByteArray out;
            for (;;) {
                const qsizetype end = buf.indexOf("\r\n\r\n");
                if (end < 0)
                    break;
                const qsizetype cl = buf.indexOf("Content-Length: ");
                const qsizetype len = cl < 0 || cl > end ? 0 : std::atoll(buf.constData() + cl + 16);
                if (buf.size() < end + 4 + len)
                    break;
                buf.remove(0, end + 4 + len);
                out.append(kAnswer, sizeof kAnswer - 1);
            }
            if (!out.isEmpty())
                ::send(fd, out.constData(), size_t(out.size()), MSG_NOSIGNAL);
            if (gone) {
                ::close(fd);
                buffers.erase(fd);
            }
        }
    }
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("prepare | run | serve"));
    p.addOptions(
        {{QStringLiteral("alg"), QStringLiteral("RS256 or ES256"), QStringLiteral("A"), QStringLiteral("RS256")},
         {QStringLiteral("count"), QStringLiteral("tokens to make"), QStringLiteral("N"), QStringLiteral("10000")},
         {QStringLiteral("out"), QStringLiteral("directory"), QStringLiteral("DIR")},
         {QStringLiteral("url"), QStringLiteral("endpoint"), QStringLiteral("URL")},
         {QStringLiteral("tokens"), QStringLiteral("token file"), QStringLiteral("FILE")},
         {QStringLiteral("connections"), QStringLiteral("keep-alive connections"), QStringLiteral("C"),
          QStringLiteral("4")},
         {QStringLiteral("port"), QStringLiteral("port to serve on (serve)"), QStringLiteral("P"),
          QStringLiteral("39403")},
         {QStringLiteral("spin"), QStringLiteral("busy-poll instead of sleeping between answers")},
         {QStringLiteral("pipeline"), QStringLiteral("requests in flight per connection (HTTP/1.1 pipelining)"),
          QStringLiteral("P"), QStringLiteral("1")},
         {QStringLiteral("soak"), QStringLiteral("sign N ES256 tokens on the fly with DIR/key.pem"),
          QStringLiteral("N")}});
    p.process(app);
    const QString mode = p.positionalArguments().value(0);
    if (mode == QLatin1String("prepare"))
        return prepare(p.value(QStringLiteral("alg")), p.value(QStringLiteral("count")).toLongLong(),
                       p.value(QStringLiteral("out")));
    if (mode == QLatin1String("serve"))
        return serve(quint16(p.value(QStringLiteral("port")).toUInt()));
    if (mode != QLatin1String("run"))
        return 2;

    std::function<std::optional<QByteArray>()> next;
    QList<QByteArray> tokens;
    Signer soakSigner;
    quint64 soakLeft = 0;
    quint64 soakN = 0;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (p.isSet(QStringLiteral("soak"))) {
        QFile pem(p.value(QStringLiteral("out")) + QStringLiteral("/key.pem"));
        pem.open(QIODevice::ReadOnly);
        const QByteArray data = pem.readAll();
        BIO *bio = BIO_new_mem_buf(data.constData(), int(data.size()));
        soakSigner.key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        soakSigner.alg = "ES256";
        soakLeft = p.value(QStringLiteral("soak")).toULongLong();
        next = [&]() -> std::optional<QByteArray> {
            if (soakLeft == 0)
                return std::nullopt;
            --soakLeft;
            return soakSigner.token(1000000000ULL + soakN++, now);
        };
    } else {
        QFile f(p.value(QStringLiteral("tokens")));
        f.open(QIODevice::ReadOnly);
        tokens = f.readAll().split('\n');
        tokens.removeAll(QByteArray());
        next = [&, i = qsizetype(0)]() mutable -> std::optional<QByteArray> {
            if (i >= tokens.size())
                return std::nullopt;
            return tokens.at(i++);
        };
    }
    Runner runner(QUrl(p.value(QStringLiteral("url"))), p.value(QStringLiteral("connections")).toInt(),
                  p.value(QStringLiteral("pipeline")).toInt(), next);
    runner.m_spin = p.isSet(QStringLiteral("spin"));
    runner.run();
    QTextStream(stdout) << QJsonDocument(runner.result()).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
