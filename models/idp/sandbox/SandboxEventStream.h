#pragma once

#include "SseParser.h"
#include "logout/IdpOutcomeFeed.h"

#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace signoff {

class IdpHttpClient;

// The sandbox's live stream (GET /admin/events, Server-Sent Events) as an outcome feed. It keeps
// one connection open, resumes after a drop, an end or a silence with Last-Event-ID set to the
// last event it handed on (so nothing is lost or repeated while the sandbox's ring still holds
// it), backs off 0.25 s → 5 s between failed attempts, and hands deliveries on in batches: all
// those parsed from one read form one signal.
class SandboxEventStream : public logout::IdpOutcomeFeed
{
    Q_OBJECT
public:
    static constexpr int kMinBackoffMs = 250;
    static constexpr int kMaxBackoffMs = 5000;
    // The sandbox sends a keepalive every 15 s: three missed in a row mean the connection is dead
    // even if TCP has not noticed.
    static constexpr int kDefaultSilenceMs = 45000;

    explicit SandboxEventStream(IdpHttpClient *http, QObject *parent = nullptr);
    ~SandboxEventStream() override;

    // cursor < 0: from the present.
    void start(qint64 cursor) override;
    void stop() override;
    qint64 cursor() const override { return m_cursor; }

    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }
    // How long a silent connection is kept before it is dropped and reopened.
    void setSilenceTimeoutMs(int ms) { m_silence.setInterval(ms); }

    // The bytes of one read: events are handled in order, the deliveries among them handed on as
    // one outcomes() signal per run of consecutive deliveries. The network path calls it for
    // each read; tests feed it directly.
    void consume(QByteArrayView bytes);

    // A `delivery` event's JSON as an outcome; nullopt when it is not one Signoff can place.
    static std::optional<logout::OutcomeReport> toOutcome(const QJsonObject &delivery);

private:
    void open();
    void onReadyRead();
    void onFinished();
    void handle(const SseEvent &event);
    void flush();
    // Ends the current connection (if any) and tries again after the backoff.
    void reconnect(const QString &why);
    void closeReply();
    void setConnected(bool connected, const QString &message);

    IdpHttpClient *m_http;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    QTimer m_silence;
    QTimer m_retry;
    qint64 m_cursor = -1;
    bool m_running = false;
    bool m_connected = false;
    bool m_resuming = false; // reopened after a drop: resume with Last-Event-ID
    int m_backoffMs = kMinBackoffMs;
    quint64 m_generation = 0; // an open() still waiting for its token after stop() is dropped
    QList<logout::OutcomeReport> m_batch;
};

} // namespace signoff
