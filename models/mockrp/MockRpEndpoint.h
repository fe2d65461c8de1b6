#pragma once

#include "HttpMessage.h"
#include "MockRpBehaviour.h"
#include "RequestRecord.h"
#include "ThreadSlot.h"
#include "core/Clock.h"
#include "jose/JwksSource.h"
#include "jose/LogoutTokenValidator.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QUrl>

#include <array>
#include <atomic>
#include <deque>
#include <functional>
#include <vector>

class QNetworkAccessManager;

namespace signoff::mockrp {

inline constexpr char kDefaultPath[] = "/backchannel-logout";
inline constexpr quint16 kDefaultPort = 9401;

struct MockRpEndpointConfig
{
    QString path = QString::fromLatin1(kDefaultPath);
    jose::ValidatorConfig validator;
    MockRpBehaviour behaviour;
    QUrl forwardUrl; // relay mode when set
    int forwardTimeoutMs = 10000;
    qsizetype maxBodyBytes = 64 * 1024;
    qsizetype recordCapacity = 1000;
};

// One simulated RP: the socket-free request handler. process() turns a request into the
// answer and the record (HTTP checks, form body, every validation rule); handle() adds what
// needs the event loop: a JWKS refresh on an unknown kid, the relay, and the behaviours.
class MockRpEndpoint : public QObject
{
    Q_OBJECT

public:
    MockRpEndpoint(MockRpEndpointConfig config, jose::JwksSource *keys, QNetworkAccessManager *nam,
                   const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~MockRpEndpoint() override;

    struct Processed
    {
        HttpResponse response;
        RequestRecord record;
        bool keyRefreshWanted = false;
        QByteArray formBody; // kept for the relay
        MockRpBehaviour behaviour;
    };
    Processed process(const HttpRequest &request);

    using Reply = std::function<void(const HttpResponse &)>;
    // `reply` runs once, on the event loop, unless `context` is gone by then. May be called
    // from a connection thread (MockRpServer::setConnectionThreads): `reply` then runs on
    // `context`'s thread, and `context` must stay alive until it has.
    void handle(const HttpRequest &request, QObject *context, Reply reply);

    // Records a request the HTTP layer refused before it was complete (oversized body, broken
    // framing): the administrator sees those too.
    void recordRefusal(const HttpRequest &partial, int status, const QString &message);

    // As constructed; the behaviour in it is the initial one (see behaviour()).
    const MockRpEndpointConfig &config() const { return m_config; }
    // Changeable while serving (from any thread); a request keeps the one it started with.
    void setBehaviour(MockRpBehaviour behaviour);
    MockRpBehaviour behaviour() const;
    jose::LogoutTokenValidator &validator() { return m_validator; }
    jose::JwksSource *keys() const { return m_keys; }
    // The last recordCapacity records, oldest first. Safe from any thread.
    QList<RequestRecord> records() const;
    quint64 requestCount() const;
    // Requests handed to handle() whose answer is not decided yet (a delay, the relay, a key
    // refresh). Safe from any thread.
    int answersPending() const { return m_answersPending.load(); }
    void setRandomSeed(quint32 seed);

signals:
    // Always emitted on this endpoint's thread.
    void requestRecorded(const signoff::mockrp::RequestRecord &record);

private:
    void continueHandling(const HttpRequest &request, Processed p, QObject *context, Reply reply, qint64 started);
    // Relay mode applies to this request: only requests that reached the token stage go to
    // the real RP; HTTP-level refusals (method, media type, form) are answered here.
    bool relays(const Processed &p) const;
    void afterValidation(Processed processed, QObject *context, Reply reply, qint64 startedMs);
    void applyBehaviour(Processed processed, QObject *context, Reply reply, qint64 startedMs);
    void finish(Processed processed, QObject *context, const Reply &reply, qint64 startedMs);
    qint64 monotonicMs() const;
    RequestRecord baseRecord(const HttpRequest &request) const;
    void store(RequestRecord record);
    void announcePending();
    int randomPercent();

    // Records are kept per storing thread (this endpoint's own, and each connection thread):
    // a connection thread then never waits for another's lock, and the record it evicts is
    // memory it allocated itself (freeing another thread's memory takes that thread's malloc
    // arena lock). Readers merge the shards by id.
    struct RecordShard
    {
        QMutex mutex; // contended only by readers and the announcer
        std::deque<RequestRecord> ring;
        std::vector<RequestRecord> unannounced;
    };
    RecordShard &shardForThisThread();
    std::vector<RecordShard *> lockAllShards() const;
    static void unlockShards(const std::vector<RecordShard *> &locked);
    qsizetype recordCapacity() const; // at least 1

    MockRpEndpointConfig m_config;
    QPointer<jose::JwksSource> m_keys;
    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    jose::LogoutTokenValidator m_validator;
    std::array<std::atomic<RecordShard *>, kMaxThreadSlots + 1> m_shards{}; // by threadSlot()
    std::atomic<quint64> m_nextId = 1;
    std::atomic<int> m_answersPending = 0;
    std::atomic<quint64> m_behaviour = 0;
    QMutex m_randomMutex;
    QRandomGenerator m_random;
};

} // namespace signoff::mockrp
