#include "MockRpEndpoint.h"

#include "FormBody.h"
#include "core/Logging.h"
#include "jose/JwksSource.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <iterator>
#include <memory>

namespace signoff::mockrp {

namespace {
const QString kInvalidRequest = QStringLiteral("invalid_request");

bool byId(const RequestRecord &a, const RequestRecord &b)
{
    return a.id < b.id;
}

QElapsedTimer &monotonic()
{
    static QElapsedTimer t = [] {
        QElapsedTimer e;
        e.start();
        return e;
    }();
    return t;
}
} // namespace

MockRpEndpoint::MockRpEndpoint(MockRpEndpointConfig config, jose::JwksSource *keys, QNetworkAccessManager *nam,
                               const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_keys(keys)
    , m_nam(nam)
    , m_clock(clock ? clock : Clock::system())
    , m_validator(m_config.validator, m_clock)
    , m_random(QRandomGenerator::global()->generate())
{
    setBehaviour(m_config.behaviour);
    qRegisterMetaType<signoff::mockrp::RequestRecord>();
}

MockRpEndpoint::~MockRpEndpoint()
{
    for (auto &shard : m_shards)
        delete shard.load();
}

qint64 MockRpEndpoint::monotonicMs() const
{
    return monotonic().elapsed();
}

RequestRecord MockRpEndpoint::baseRecord(const HttpRequest &request) const
{
    RequestRecord rec;
    rec.receivedAt = m_clock->now();
    rec.peer = request.peer;
    rec.endpoint = m_config.path;
    rec.method = request.method;
    rec.target = request.target.left(2048);
    // Literal names: copying them allocates nothing (this runs for every request).
    static const QByteArray kNames[] = {QByteArrayLiteral("content-type"), QByteArrayLiteral("content-length"),
                                        QByteArrayLiteral("user-agent"), QByteArrayLiteral("host")};
    rec.headers.reserve(std::size(kNames));
    for (const QByteArray &name : kNames) {
        const QByteArray v = request.header(name);
        if (!v.isEmpty())
            rec.headers.append({name, v.size() > 512 ? v.left(512) : v});
    }
    return rec;
}

void MockRpEndpoint::recordRefusal(const HttpRequest &partial, int status, const QString &message)
{
    RequestRecord rec = baseRecord(partial);
    rec.requestError = message;
    rec.verdictStatus = status;
    rec.status = status;
    store(std::move(rec));
}

MockRpEndpoint::Processed MockRpEndpoint::process(const HttpRequest &request)
{
    Processed p;
    p.record = baseRecord(request);
    RequestRecord &rec = p.record;
    auto refuse = [&](int status, const QString &error, const QString &description) {
        rec.requestError = description;
        rec.verdictStatus = status;
        p.response = HttpResponse::jsonError(status, error, description);
        if (status == 405)
            p.response.setHeader("Allow", "POST");
        return p;
    };

    if (request.method != "POST")
        return refuse(405, kInvalidRequest,
                      tr("method %1 not allowed; back-channel logout uses POST")
                          .arg(QString::fromLatin1(request.method.left(32))));
    if (!isFormContentType(request.header("content-type")))
        return refuse(415, kInvalidRequest,
                      tr("Content-Type must be application/x-www-form-urlencoded, got \"%1\"")
                          .arg(QString::fromLatin1(request.header("content-type").left(100))));
    if (request.body.size() > m_config.maxBodyBytes)
        return refuse(413, kInvalidRequest, tr("the body is larger than %1 bytes").arg(m_config.maxBodyBytes));
    const auto form = parseFormBody(request.body);
    if (!form)
        return refuse(400, kInvalidRequest, form.errorString());
    QList<QByteArray> tokens;
    for (const auto &f : *form) {
        if (f.first == "logout_token")
            tokens << f.second;
    }
    if (tokens.isEmpty())
        return refuse(400, kInvalidRequest, tr("the logout_token field is missing"));
    if (tokens.size() > 1)
        return refuse(400, kInvalidRequest,
                      tr("logout_token is given %1 times; exactly once is allowed").arg(tokens.size()));
    if (tokens.first().trimmed().isEmpty())
        return refuse(400, kInvalidRequest, tr("logout_token is empty"));

    const std::shared_ptr<const jose::Jwks> keys = m_keys ? m_keys->keys() : nullptr;
    rec.tokenSeen = true;
    rec.logoutToken = tokens.first();
    p.formBody = request.body;
    rec.report = m_validator.validate(tokens.first(), keys.get());
    p.keyRefreshWanted = rec.report.keyNotFound && m_keys;
    if (rec.report.valid) {
        rec.verdictStatus = 200;
        p.response = HttpResponse::empty(200);
    } else {
        rec.verdictStatus = 400;
        p.response = HttpResponse::jsonError(400, kInvalidRequest, rec.report.errorDescription());
    }
    return p;
}

void MockRpEndpoint::handle(const HttpRequest &request, QObject *context, Reply reply)
{
    const qint64 started = monotonicMs();
    ++m_answersPending;
    Processed p = process(request);
    p.behaviour = behaviour(); // one behaviour for the whole request, even if it is changed meanwhile
    if (QThread::currentThread() != thread()) {
        // On a connection thread. The common case finishes right here; what needs this
        // endpoint's own event loop (a key refresh, the relay, a delay) moves over to it, and
        // the answer is posted back to the connection, which stays alive while it waits.
        const bool needsOwnThread = p.keyRefreshWanted || relays(p) || p.behaviour.kind == MockRpBehaviour::Kind::Delay;
        if (!needsOwnThread) {
            applyBehaviour(std::move(p), context, std::move(reply), started);
            return;
        }
        // The connection may be destroyed on its thread meanwhile (its server stopped): the
        // guard is cleared, under its lock, as that starts, so the answer is never posted to
        // a deleted object; one posted just before is dropped with the object's queue.
        struct Guard
        {
            QMutex mutex;
            QObject *target;
        };
        auto guard = std::make_shared<Guard>();
        guard->target = context;
        connect(
            context, &QObject::destroyed, context,
            [guard] {
                const QMutexLocker lock(&guard->mutex);
                guard->target = nullptr;
            },
            Qt::DirectConnection);
        Reply back = [guard, reply = std::move(reply)](const HttpResponse &response) {
            const QMutexLocker lock(&guard->mutex);
            if (guard->target)
                QMetaObject::invokeMethod(
                    guard->target, [reply, response] { reply(response); }, Qt::QueuedConnection);
        };
        QMetaObject::invokeMethod(
            this,
            [this, request, p = std::move(p), back = std::move(back), started]() mutable {
                continueHandling(request, std::move(p), this, std::move(back), started);
            },
            Qt::QueuedConnection);
        return;
    }
    continueHandling(request, std::move(p), context, std::move(reply), started);
}

void MockRpEndpoint::continueHandling(const HttpRequest &request, Processed p, QObject *context, Reply reply,
                                      qint64 started)
{
    if (p.keyRefreshWanted && m_keys) {
        // An unknown kid may be a key rotation: refresh once (rate limited) and look again.
        const QPointer<QObject> ctx(context);
        const bool refreshing =
            m_keys->refresh(this, [this, request, ctx, reply, started, b = p.behaviour](const Status &) {
                Processed again = process(request);
                again.behaviour = b;
                afterValidation(std::move(again), ctx, reply, started);
            });
        if (refreshing)
            return;
    }
    afterValidation(std::move(p), context, std::move(reply), started);
}

bool MockRpEndpoint::relays(const Processed &p) const
{
    return !m_config.forwardUrl.isEmpty() && p.record.tokenSeen && m_nam;
}

void MockRpEndpoint::afterValidation(Processed p, QObject *context, Reply reply, qint64 startedMs)
{
    if (!relays(p)) {
        applyBehaviour(std::move(p), context, std::move(reply), startedMs);
        return;
    }
    QNetworkRequest fwd(m_config.forwardUrl);
    fwd.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
    fwd.setTransferTimeout(m_config.forwardTimeoutMs);
    fwd.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const qint64 relayStart = monotonicMs();
    // The original form body, byte for byte: the real RP sees what the OP sent.
    QNetworkReply *r = m_nam->post(fwd, p.formBody);
    const QPointer<QObject> ctx(context);
    connect(r, &QNetworkReply::finished, this,
            [this, r, p = std::move(p), ctx, reply, startedMs, relayStart]() mutable {
                r->deleteLater();
                RelayOutcome out;
                out.url = m_config.forwardUrl;
                out.latencyMs = monotonicMs() - relayStart;
                const QVariant status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                if (status.isValid()) {
                    out.status = status.toInt();
                    HttpResponse answer;
                    answer.status = out.status;
                    answer.body = r->read(m_config.maxBodyBytes);
                    const QByteArray type = r->rawHeader("Content-Type");
                    if (!type.isEmpty())
                        answer.setHeader("Content-Type", type);
                    p.response = answer;
                } else {
                    out.error = r->errorString();
                    p.response = HttpResponse::jsonError(
                        502, QStringLiteral("server_error"),
                        tr("relay to %1 failed: %2").arg(m_config.forwardUrl.toString(), out.error));
                }
                p.record.relay = out;
                applyBehaviour(std::move(p), ctx, reply, startedMs);
            });
}

void MockRpEndpoint::applyBehaviour(Processed p, QObject *context, Reply reply, qint64 startedMs)
{
    const MockRpBehaviour b = p.behaviour;
    p.record.behaviour = b.toString();
    switch (b.kind) {
    case MockRpBehaviour::Kind::Ok:
        break;
    case MockRpBehaviour::Kind::Status:
        p.response =
            b.value >= 400
                ? HttpResponse::jsonError(b.value, b.value >= 500 ? QStringLiteral("server_error") : kInvalidRequest,
                                          tr("simulated answer (behaviour %1)").arg(b.toString()))
                : HttpResponse::empty(b.value);
        break;
    case MockRpBehaviour::Kind::Drop:
        p.response.drop = true;
        break;
    case MockRpBehaviour::Kind::Flaky:
        if (randomPercent() < b.value)
            p.response = HttpResponse::jsonError(500, QStringLiteral("server_error"),
                                                 tr("simulated failure (behaviour %1)").arg(b.toString()));
        break;
    case MockRpBehaviour::Kind::Delay:
        if (b.value > 0) {
            const QPointer<QObject> ctx(context);
            // Precise: a simulated delay is never shorter than asked (coarse timers may fire early).
            QTimer::singleShot(b.value, Qt::PreciseTimer, this,
                               [this, p = std::move(p), ctx, reply, startedMs]() mutable {
                                   finish(std::move(p), ctx, reply, startedMs);
                               });
            return;
        }
        break;
    }
    finish(std::move(p), context, reply, startedMs);
}

void MockRpEndpoint::finish(Processed p, QObject *context, const Reply &reply, qint64 startedMs)
{
    RequestRecord &rec = p.record;
    rec.dropped = p.response.drop;
    rec.status = p.response.drop ? 0 : p.response.status;
    rec.latencyMs = monotonicMs() - startedMs;
    // The token counts as used only if the sender was told it was accepted; otherwise its
    // retry (an IdP retries a 503, a dropped connection, a relay whose RP is down) must pass.
    // Forgotten before the answer leaves, so that retry cannot arrive first.
    if (rec.valid() && (rec.status < 200 || rec.status > 299))
        m_validator.forgetJti(rec.report);
    if (context)
        reply(p.response);
    store(std::move(rec));
    --m_answersPending;
}

// Packed into one word: read by every request on every connection thread, without a lock.
void MockRpEndpoint::setBehaviour(MockRpBehaviour behaviour)
{
    m_behaviour.store(quint64(quint32(behaviour.kind)) << 32 | quint32(behaviour.value), std::memory_order_relaxed);
}

MockRpBehaviour MockRpEndpoint::behaviour() const
{
    const quint64 packed = m_behaviour.load(std::memory_order_relaxed);
    MockRpBehaviour b;
    b.kind = MockRpBehaviour::Kind(packed >> 32);
    b.value = int(quint32(packed));
    return b;
}

int MockRpEndpoint::randomPercent()
{
    const QMutexLocker lock(&m_randomMutex);
    return int(m_random.bounded(100));
}

void MockRpEndpoint::setRandomSeed(quint32 seed)
{
    const QMutexLocker lock(&m_randomMutex);
    m_random.seed(seed);
}

MockRpEndpoint::RecordShard &MockRpEndpoint::shardForThisThread()
{
    std::atomic<RecordShard *> &slot = m_shards[size_t(threadSlot())];
    RecordShard *shard = slot.load(std::memory_order_acquire);
    if (shard)
        return *shard;
    auto fresh = std::make_unique<RecordShard>();
    if (slot.compare_exchange_strong(shard, fresh.get(), std::memory_order_acq_rel))
        return *fresh.release();
    return *shard; // another thread of the same slot was first
}

// Readers hold every shard's lock at once (in slot order; writers only ever hold their own):
// an id is taken and stored inside one critical section, so a reader sees every id up to the
// highest it sees, and batches are announced in id order.
std::vector<MockRpEndpoint::RecordShard *> MockRpEndpoint::lockAllShards() const
{
    std::vector<RecordShard *> locked;
    for (const auto &slot : m_shards) {
        if (RecordShard *shard = slot.load(std::memory_order_acquire)) {
            shard->mutex.lock();
            locked.push_back(shard);
        }
    }
    return locked;
}

void MockRpEndpoint::unlockShards(const std::vector<RecordShard *> &locked)
{
    for (auto it = locked.rbegin(); it != locked.rend(); ++it)
        (*it)->mutex.unlock();
}

qsizetype MockRpEndpoint::recordCapacity() const
{
    return std::max<qsizetype>(1, m_config.recordCapacity);
}

QList<RequestRecord> MockRpEndpoint::records() const
{
    QList<RequestRecord> out;
    const std::vector<RecordShard *> locked = lockAllShards();
    for (const RecordShard *shard : locked)
        out.append(QList<RequestRecord>(shard->ring.begin(), shard->ring.end()));
    unlockShards(locked);
    std::sort(out.begin(), out.end(), byId);
    if (out.size() > recordCapacity())
        out.remove(0, out.size() - recordCapacity());
    return out;
}

quint64 MockRpEndpoint::requestCount() const
{
    const std::vector<RecordShard *> locked = lockAllShards();
    const quint64 count = m_nextId.load() - 1;
    unlockShards(locked);
    return count;
}

void MockRpEndpoint::store(RequestRecord rec)
{
    const bool ownThread = QThread::currentThread() == thread();
    RecordShard &shard = shardForThisThread();
    RequestRecord evicted; // destroyed after the lock is released (freeing a record is not cheap)
    bool firstOfBatch = false;
    {
        const QMutexLocker lock(&shard.mutex);
        rec.id = m_nextId.fetch_add(1);
        // Each shard keeps a whole capacity: records() still returns the last recordCapacity
        // overall, however unevenly the threads were loaded.
        if (qsizetype(shard.ring.size()) >= recordCapacity()) {
            evicted = std::move(shard.ring.front());
            shard.ring.pop_front();
        }
        shard.ring.push_back(rec);
        if (!ownThread) {
            // From a connection thread: announced in batches on this endpoint's thread, at most
            // every 20 ms. Waking that thread once per request would cost more than the request.
            shard.unannounced.push_back(rec);
            firstOfBatch = shard.unannounced.size() == 1;
        }
    }
    qCDebug(lcMockRp) << "request" << rec.id << rec.peer << rec.status << (rec.valid() ? "valid" : "invalid");
    if (ownThread) {
        emit requestRecorded(rec);
        return;
    }
    if (firstOfBatch)
        QMetaObject::invokeMethod(
            this, [this] { QTimer::singleShot(20, this, &MockRpEndpoint::announcePending); }, Qt::QueuedConnection);
}

void MockRpEndpoint::announcePending()
{
    std::vector<RequestRecord> batch;
    const std::vector<RecordShard *> locked = lockAllShards();
    for (RecordShard *shard : locked) {
        std::move(shard->unannounced.begin(), shard->unannounced.end(), std::back_inserter(batch));
        shard->unannounced.clear();
    }
    unlockShards(locked);
    std::sort(batch.begin(), batch.end(), byId);
    for (const RequestRecord &rec : batch)
        emit requestRecorded(rec);
}

} // namespace signoff::mockrp
