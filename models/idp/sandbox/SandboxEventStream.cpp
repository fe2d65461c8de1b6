#include "SandboxEventStream.h"

#include "core/Logging.h"
#include "idp/IdpHttpClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

namespace signoff {

namespace {
QString optionalText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString();
}

std::optional<qint64> cursorOf(const std::optional<QByteArray> &id)
{
    if (!id)
        return std::nullopt;
    bool ok = false;
    const qint64 c = id->toLongLong(&ok);
    return ok && c >= 0 ? std::optional(c) : std::nullopt;
}
} // namespace

SandboxEventStream::SandboxEventStream(IdpHttpClient *http, QObject *parent)
    : IdpOutcomeFeed(parent)
    , m_http(http)
{
    m_silence.setSingleShot(true);
    m_silence.setInterval(kDefaultSilenceMs);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        m_reply->setProperty("signoffSilent", true);
        m_reply->abort(); // finished() follows at once and reconnects
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SandboxEventStream::open);
}

SandboxEventStream::~SandboxEventStream()
{
    m_running = false;
    closeReply();
}

void SandboxEventStream::start(qint64 cursor)
{
    m_retry.stop();
    closeReply();
    m_batch.clear();
    m_running = true;
    m_cursor = cursor < 0 ? -1 : cursor;
    m_resuming = false;
    m_backoffMs = kMinBackoffMs;
    open();
}

void SandboxEventStream::stop()
{
    m_running = false;
    ++m_generation;
    m_retry.stop();
    closeReply();
    m_batch.clear();
    if (m_connected)
        setConnected(false, tr("The sandbox's event stream was closed."));
}

void SandboxEventStream::open()
{
    if (!m_running)
        return;
    const quint64 generation = ++m_generation;
    HttpCall call;
    call.url = m_http->url(QStringLiteral("/admin/events"));
    call.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream")});
    if (m_cursor >= 0) {
        if (m_resuming) {
            call.headers.append({QByteArrayLiteral("Last-Event-ID"), QByteArray::number(m_cursor)});
        } else {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("cursor"), QString::number(m_cursor));
            call.url.setQuery(q);
        }
    }
    m_http->openStream(call, this, [this, generation](Result<QNetworkReply *> opened) {
        if (generation != m_generation || !m_running) {
            if (opened) {
                opened.value()->abort();
                opened.value()->deleteLater();
            }
            return;
        }
        if (!opened) {
            reconnect(opened.error().message);
            return;
        }
        m_reply = opened.value();
        m_parser.reset();
        connect(m_reply, &QNetworkReply::readyRead, this, &SandboxEventStream::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &SandboxEventStream::onFinished);
        m_silence.start();
    });
}

void SandboxEventStream::onReadyRead()
{
    if (!m_reply)
        return;
    m_silence.start();
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return; // an error answer is read whole when it finishes
    consume(m_reply->readAll());
}

void SandboxEventStream::consume(QByteArrayView bytes)
{
    QList<SseEvent> events;
    const bool ok = m_parser.feed(bytes, events);
    const quint64 generation = m_generation;
    const bool running = m_running;
    for (const SseEvent &e : events) {
        handle(e);
        if (generation != m_generation || running != m_running)
            return; // a receiver stopped or restarted the stream: the rest is not handed on
    }
    flush();
    if (!ok && generation == m_generation && m_running)
        reconnect(tr("it sent an event larger than %1 MiB").arg(SseParser::kMaxEventBytes / (1024 * 1024)));
}

void SandboxEventStream::handle(const SseEvent &e)
{
    const QJsonObject data = QJsonDocument::fromJson(e.data).object();
    const std::optional<qint64> cursor = cursorOf(e.id);
    if (e.type == "delivery") {
        if (std::optional<logout::OutcomeReport> r = toOutcome(data))
            m_batch.append(std::move(*r));
        else
            qCWarning(lcIdp) << "sandbox stream: a delivery event Signoff cannot place, cursor" << e.id.value_or("?");
        if (cursor)
            m_cursor = *cursor;
        return;
    }
    flush(); // everything before this event is handed on first, in stream order
    if (cursor)
        m_cursor = *cursor;
    if (e.type == "ready") {
        if (m_cursor < 0 && data.value(QLatin1String("cursor")).isDouble())
            m_cursor = qint64(data.value(QLatin1String("cursor")).toDouble());
        m_backoffMs = kMinBackoffMs;
        setConnected(true, QString());
    } else if (e.type == "run.finished") {
        emit idpRunFinished(data.value(QLatin1String("run_id")).toString());
    } else if (e.type == "gap") {
        emit gap(tr("The sandbox's event stream lost events %1 to %2 (%3): their outcomes will not arrive from the "
                    "IdP.")
                     .arg(qint64(data.value(QLatin1String("from")).toDouble()))
                     .arg(qint64(data.value(QLatin1String("to")).toDouble()))
                     .arg(data.value(QLatin1String("reason")).toString()));
    } else if (e.type == "reset") {
        // The sandbox restarted: its cursors start again, so resume from its present.
        m_cursor = qint64(data.value(QLatin1String("latest_cursor")).toDouble());
        emit gap(tr("The sandbox's event stream started again (%1): outcomes of runs before that will not arrive "
                    "from the IdP.")
                     .arg(data.value(QLatin1String("reason")).toString()));
    }
}

void SandboxEventStream::flush()
{
    if (m_batch.isEmpty())
        return;
    emit outcomes(std::exchange(m_batch, {}));
}

void SandboxEventStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 200 && reply->bytesAvailable() > 0) {
        const quint64 generation = m_generation;
        onReadyRead();
        if (generation != m_generation || !m_running || m_reply != reply)
            return;
    }
    QString why;
    if (reply->property("signoffSilent").toBool()) {
        why = tr("nothing arrived for %1 s").arg(m_silence.interval() / 1000.0, 0, 'g', 3);
    } else if (status == 200) {
        why = reply->error() == QNetworkReply::NoError ? tr("the sandbox ended it") : reply->errorString();
    } else if (status == 0) {
        why = m_http->streamError(reply).message;
    } else {
        if (status == 401)
            m_http->forgetToken(); // expired or the sandbox restarted: the next attempt gets a new one
        HttpAnswer answer;
        answer.status = status;
        answer.body = reply->readAll();
        why = IdpHttpClient::describeStatus(answer, QStringLiteral("/admin/events"));
    }
    reconnect(why);
}

void SandboxEventStream::reconnect(const QString &why)
{
    closeReply();
    if (!m_running)
        return;
    const int delay = m_backoffMs;
    m_backoffMs = qMin(m_backoffMs * 2, kMaxBackoffMs);
    m_resuming = true;
    qCInfo(lcIdp) << "sandbox stream interrupted:" << why << "- reconnecting in" << delay << "ms";
    setConnected(false, tr("The sandbox's event stream was interrupted (%1); reconnecting in %2 s.")
                            .arg(why)
                            .arg(delay / 1000.0, 0, 'g', 2));
    m_retry.start(delay);
}

void SandboxEventStream::closeReply()
{
    m_silence.stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

void SandboxEventStream::setConnected(bool connected, const QString &message)
{
    // Every failure is reported (its reason and the next attempt change); success once.
    if (connected && m_connected)
        return;
    m_connected = connected;
    emit connectionChanged(connected, message);
}

std::optional<logout::OutcomeReport> SandboxEventStream::toOutcome(const QJsonObject &o)
{
    const std::optional<logout::DeliveryState> state =
        logout::deliveryStateFromId(o.value(QLatin1String("state")).toString());
    const QString clientId = o.value(QLatin1String("client_id")).toString();
    if (!state || *state == logout::DeliveryState::Pending || clientId.isEmpty())
        return std::nullopt;
    logout::OutcomeReport r;
    r.source = logout::OutcomeSource::Idp;
    r.idpRunId = optionalText(o.value(QLatin1String("run_id"))); // null for the provider's own end_session
    r.sessionId = optionalText(o.value(QLatin1String("session")));
    r.clientId = clientId;
    r.sid = optionalText(o.value(QLatin1String("sid")));
    r.sub = optionalText(o.value(QLatin1String("sub")));
    r.tokenJti = optionalText(o.value(QLatin1String("token_jti")));
    r.state = *state;
    if (o.value(QLatin1String("http_status")).isDouble())
        r.httpStatus = o.value(QLatin1String("http_status")).toInt();
    if (o.value(QLatin1String("latency_ms")).isDouble())
        r.latencyMs = o.value(QLatin1String("latency_ms")).toDouble();
    r.error = optionalText(o.value(QLatin1String("error")));
    r.time = QDateTime::fromString(optionalText(o.value(QLatin1String("time"))), Qt::ISODateWithMs);
    return r;
}

} // namespace signoff
