#include "JwksSource.h"

#include "SafeJson.h"
#include "core/Logging.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace signoff::jose {

JwksSource::JwksSource(QNetworkAccessManager *nam, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_clock(clock ? clock : Clock::system())
{}

JwksSource::~JwksSource()
{
    if (m_reply)
        m_reply->abort();
}

void JwksSource::setJwksUri(const QUrl &url)
{
    m_jwksUri = url;
    m_discoveryUrl.clear();
    m_static = false;
}

void JwksSource::setDiscoveryUrl(const QUrl &url)
{
    m_discoveryUrl = normaliseDiscoveryUrl(url);
    m_jwksUri.clear();
    m_static = false;
}

void JwksSource::setStaticKeys(Jwks keys)
{
    setKeys(std::make_shared<const Jwks>(std::move(keys)));
    m_static = true;
    emit keysChanged();
}

std::shared_ptr<const Jwks> JwksSource::keys() const
{
    const QMutexLocker lock(&m_keysMutex);
    return m_keys;
}

void JwksSource::setKeys(std::shared_ptr<const Jwks> keys)
{
    const QMutexLocker lock(&m_keysMutex);
    m_keys = std::move(keys);
}

QUrl JwksSource::normaliseDiscoveryUrl(const QUrl &url)
{
    if (url.path().contains(QLatin1String("/.well-known/")))
        return url;
    QUrl u = url;
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path + QStringLiteral("/.well-known/openid-configuration"));
    return u;
}

bool JwksSource::refresh(QObject *context, std::function<void(const Status &)> done)
{
    if (m_static)
        return false;
    if (!m_fetching) {
        const qint64 nowMs = m_clock->now().toMSecsSinceEpoch();
        if (m_everFetched && nowMs - m_lastFetchMs < m_minIntervalMs) {
            qCDebug(lcJose) << "JWKS refresh refused by the rate limit";
            return false;
        }
    }
    load(context, std::move(done));
    return true;
}

void JwksSource::load(QObject *context, std::function<void(const Status &)> done)
{
    if (done)
        m_waiters.push_back({QPointer<QObject>(context), std::move(done)});
    if (m_static) {
        finish({});
        return;
    }
    if (!m_fetching)
        start();
}

void JwksSource::start()
{
    if (!m_nam || (m_jwksUri.isEmpty() && m_discoveryUrl.isEmpty())) {
        finish(Status::failure(tr("no JWKS or discovery URL is configured")));
        return;
    }
    m_fetching = true;
    m_everFetched = true;
    m_lastFetchMs = m_clock->now().toMSecsSinceEpoch();
    ++m_fetchCount;
    if (m_discoveryUrl.isEmpty()) {
        fetchJwks(m_jwksUri);
        return;
    }
    get(m_discoveryUrl, [this](Result<QByteArray> body) {
        if (!body) {
            finish(Status::failure(tr("discovery document %1: %2").arg(m_discoveryUrl.toString(), body.errorString())));
            return;
        }
        const auto doc = parseJsonObject(*body, JsonLimits{16, m_maxBytes});
        if (!doc) {
            finish(Status::failure(tr("discovery document is not usable: %1").arg(doc.errorString())));
            return;
        }
        m_discoveredIssuer = stringMember(*doc, "issuer").value_or(QString());
        const auto jwks = stringMember(*doc, "jwks_uri");
        const QUrl url(jwks.value_or(QString()));
        if (!url.isValid() || url.scheme().isEmpty()) {
            finish(Status::failure(tr("the discovery document has no usable jwks_uri")));
            return;
        }
        m_jwksUri = url;
        fetchJwks(url);
    });
}

void JwksSource::fetchJwks(const QUrl &url)
{
    get(url, [this, url](Result<QByteArray> body) {
        if (!body) {
            finish(Status::failure(tr("JWKS %1: %2").arg(url.toString(), body.errorString())));
            return;
        }
        auto set = parseJwks(*body);
        if (!set) {
            finish(set.error());
            return;
        }
        for (const QString &s : set->skipped)
            qCInfo(lcJose) << "JWKS key skipped:" << s;
        qCInfo(lcJose) << "JWKS loaded from" << url.toString() << "with" << set->keys.size() << "usable keys";
        setKeys(std::make_shared<const Jwks>(std::move(set).value()));
        emit keysChanged();
        finish({});
    });
}

namespace {
// How much of a body Qt may buffer before we read it; with the reads below, at most this plus
// the document limit is ever held, however much the server sends.
constexpr qint64 kReadBufferBytes = 64 * 1024;

bool isLoopbackHost(const QString &host)
{
    QHostAddress address;
    if (address.setAddress(host))
        return address.isLoopback();
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive);
}
} // namespace

// One document download. The body is read as it arrives and the transfer aborted as soon as it
// passes the limit (a declared Content-Length over the limit aborts before any body is read).
// Redirects are checked one by one: never to a less safe scheme, and never from a loopback
// address to another host, which would make a local test setup fetch keys from elsewhere.
void JwksSource::get(const QUrl &url, std::function<void(Result<QByteArray>)> then)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json, application/jwk-set+json");
    request.setTransferTimeout(10000);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(3);
    QNetworkReply *reply = m_nam->get(request);
    reply->setReadBufferSize(kReadBufferBytes);
    m_reply = reply;
    struct Transfer
    {
        QByteArray body;
        QString refusal; // why we aborted, when we did
    };
    const auto transfer = std::make_shared<Transfer>();
    const qint64 maxBytes = m_maxBytes;
    const auto refuse = [reply, transfer](const QString &why) {
        if (transfer->refusal.isEmpty())
            transfer->refusal = why;
        reply->abort();
    };
    const auto tooLarge = [maxBytes] { return tr("larger than the limit of %1 bytes").arg(maxBytes); };
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes, refuse, tooLarge] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (status / 100 != 3 && length.isValid() && length.toLongLong() > maxBytes)
            refuse(tooLarge());
    });
    connect(reply, &QNetworkReply::readyRead, reply, [reply, transfer, maxBytes, refuse, tooLarge] {
        transfer->body += reply->read(maxBytes + 1 - transfer->body.size());
        if (transfer->body.size() > maxBytes)
            refuse(tooLarge());
    });
    connect(reply, &QNetworkReply::redirected, reply, [reply, url, refuse](const QUrl &to) {
        const QUrl from = reply->url();
        if (from.scheme() == QLatin1String("https") && to.scheme() != QLatin1String("https"))
            return refuse(
                tr("redirected from %1 to %2, a less safe scheme; refused").arg(from.toString(), to.toString()));
        if (isLoopbackHost(url.host()) && !isLoopbackHost(to.host()))
            return refuse(tr("redirected from the loopback address %1 to %2, which is not loopback; refused")
                              .arg(url.toString(), to.toString()));
        qCInfo(lcJose) << "following the redirect from" << from.toString() << "to" << to.toString();
        emit reply->redirectAllowed();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, transfer, maxBytes, then = std::move(then)]() {
        reply->deleteLater();
        m_reply.clear();
        if (!transfer->refusal.isEmpty()) {
            then(Result<QByteArray>::failure(transfer->refusal));
            return;
        }
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            then(Result<QByteArray>::failure(tr("timed out or cancelled")));
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            then(Result<QByteArray>::failure(reply->errorString()));
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 0 && status != 200) {
            then(Result<QByteArray>::failure(tr("HTTP status %1").arg(status)));
            return;
        }
        transfer->body += reply->read(maxBytes + 1 - transfer->body.size());
        if (transfer->body.size() > maxBytes) {
            then(Result<QByteArray>::failure(tr("larger than the limit of %1 bytes").arg(maxBytes)));
            return;
        }
        then(std::move(transfer->body));
    });
}

void JwksSource::finish(const Status &status)
{
    m_fetching = false;
    m_lastError = status.errorString();
    if (!status) {
        qCWarning(lcJose).noquote() << status.errorString();
        emit fetchFailed(status.errorString());
    }
    // Waiters may add new waiters (a retry); take the list first.
    auto waiters = std::move(m_waiters);
    m_waiters.clear();
    for (auto &w : waiters) {
        if (w.context)
            w.done(status);
    }
}

} // namespace signoff::jose
