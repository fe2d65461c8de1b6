#include "IdpHttpClient.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(IdpHttpClient)
};

constexpr int kMaxRateLimitRetries = 3;
constexpr qint64 kMaxBodyBytes = 256LL * 1024 * 1024;

QString pinOf(const QSslCertificate &cert)
{
    return QString::fromLatin1(QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256).toHex());
}

// Retry-After is seconds or an HTTP date; -1 when absent or unreadable.
int retryAfterSeconds(const QByteArray &value)
{
    bool ok = false;
    const int s = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, s);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    return when.isValid() ? int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when))) : -1;
}

QString errorDescription(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    for (const char *key : {"error_description", "errorMessage", "message", "error"}) {
        const QString v = o.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            return v.left(300);
    }
    return {};
}
} // namespace

IdpHttpClient::IdpHttpClient(QNetworkAccessManager *nam, const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_profile(profile)
{
    if (!profile.caFile.isEmpty())
        m_extraCas = QSslCertificate::fromPath(profile.caFile, QSsl::Pem);
    // A network manager pools connections by host and port, not by TLS settings: a connection whose
    // certificate only this profile's pin accepted would be reused by any other request to that
    // host through the shared manager, unverified. A pinned (or extra-CA) profile gets a manager of
    // its own, so its exceptions stay its own.
    if (!profile.pinnedSha256.isEmpty() || !profile.caFile.isEmpty())
        m_nam = new QNetworkAccessManager(this);
}

QUrl IdpHttpClient::url(const QString &path) const
{
    QString base = m_profile.baseUrl.toString(QUrl::StripTrailingSlash);
    return QUrl(base + path);
}

QNetworkReply *IdpHttpClient::start(const HttpCall &call, const QByteArray &bearer)
{
    QNetworkRequest req(call.url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setRawHeader("Accept", "application/json");
    if (!call.contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    if (!bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + bearer);
    for (const auto &[name, value] : call.headers)
        req.setRawHeader(name, value);
    if (call.url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        // A resumed TLS session skips certificate verification, and the manager shares sessions
        // across requests to one host: each connection verifies (or checks the pin) in full.
        tls.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
        tls.setSslOption(QSsl::SslOptionDisableSessionPersistence, true);
        if (!m_extraCas.isEmpty())
            tls.addCaCertificates(m_extraCas);
        req.setSslConfiguration(tls);
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(req, call.method, call.body);
    reply->setParent(this); // a connector that goes away takes its requests with it
    return reply;
}

Error IdpHttpClient::networkError(QNetworkReply *reply) const
{
    const QString host = reply->url().host();
    if (reply->property("signoffTimedOut").toBool())
        return {
            Tr::tr("%1 did not answer within %2 s.").arg(host).arg(reply->property("signoffTimeoutMs").toInt() / 1000),
            IdpTimeout};
    if (const QString pin = reply->property("signoffPinMismatch").toString(); !pin.isEmpty())
        return {Tr::tr("The certificate of %1 does not match the pinned SHA-256 (it is %2): someone may be "
                       "intercepting the connection, or the certificate was renewed — check, then update the pin.")
                    .arg(host, pin),
                IdpTlsFailure};
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return {Tr::tr("%1 refused the connection: is the IdP running on port %2?")
                    .arg(host)
                    .arg(reply->url().port(reply->url().scheme() == QLatin1String("https") ? 443 : 80)),
                IdpUnreachable};
    case QNetworkReply::HostNotFoundError:
        return {Tr::tr("The host %1 was not found: check the base URL.").arg(host), IdpUnreachable};
    case QNetworkReply::SslHandshakeFailedError:
        return {Tr::tr("The TLS connection to %1 failed: %2. Trust its CA with the profile's extra CA file, or pin "
                       "its certificate.")
                    .arg(host, reply->property("signoffSslErrors").toString().isEmpty()
                                   ? reply->errorString()
                                   : reply->property("signoffSslErrors").toString()),
                IdpTlsFailure};
    default:
        return {Tr::tr("%1 could not be reached: %2").arg(host, reply->errorString()), IdpUnreachable};
    }
}

bool IdpHttpClient::hasFreshToken() const
{
    return !m_token.value.isEmpty() &&
           (m_tokenExpiresAtMs == 0 || QDateTime::currentMSecsSinceEpoch() < m_tokenExpiresAtMs);
}

void IdpHttpClient::withToken(QObject *context, std::function<void(Result<QByteArray>)> done)
{
    if (hasFreshToken()) {
        QTimer::singleShot(0, context, [done, v = m_token.value] { done(v); });
        return;
    }
    if (!m_tokenSource) {
        QTimer::singleShot(0, context, [done] { done(QByteArray()); });
        return;
    }
    QPointer<IdpHttpClient> self(this);
    m_tokenSource(context, [self, done](Result<Token> t) {
        if (!t) {
            done(t.error());
            return;
        }
        if (self) {
            self->m_token = t.value();
            // Renew before it runs out: Keycloak's admin tokens live 60 s, so a fifth of the lifetime
            // (at most 30 s) is kept in hand for requests already on their way.
            const qint64 life = t->expiresInS * 1000;
            self->m_tokenExpiresAtMs =
                life > 0 ? QDateTime::currentMSecsSinceEpoch() + life - qMin<qint64>(30000, life / 5) : 0;
        }
        done(t->value);
    });
}

void IdpHttpClient::guardTls(QNetworkReply *reply, const QString &pin)
{
    connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError> &errors) {
        const QString seen = pinOf(reply->sslConfiguration().peerCertificate());
        if (!pin.isEmpty() && seen == pin) {
            reply->ignoreSslErrors(errors); // explicitly trusted for this profile, by its pin
            return;
        }
        QStringList texts;
        for (const QSslError &e : errors)
            texts << e.errorString();
        reply->setProperty("signoffSslErrors", texts.join(QStringLiteral("; ")));
    });
    connect(reply, &QNetworkReply::encrypted, reply, [reply, pin] {
        const QString seen = pinOf(reply->sslConfiguration().peerCertificate());
        if (!pin.isEmpty() && seen != pin) {
            reply->setProperty("signoffPinMismatch", seen);
            reply->abort();
        }
    });
}

void IdpHttpClient::openStream(const HttpCall &call, QObject *context,
                               std::function<void(Result<QNetworkReply *>)> done)
{
    QPointer<IdpHttpClient> self(this);
    auto go = [self, call, done](const QByteArray &bearer) {
        if (!self)
            return;
        QNetworkReply *reply = self->start(call, bearer);
        self->guardTls(reply, normaliseSha256(self->m_profile.pinnedSha256));
        done(reply);
    };
    if (!call.authorize) {
        QTimer::singleShot(0, context, [go] { go(QByteArray()); });
        return;
    }
    withToken(context, [go, done](Result<QByteArray> token) {
        if (!token) {
            done(token.error());
            return;
        }
        go(token.value());
    });
}

void IdpHttpClient::send(const HttpCall &call, QObject *context, AnswerCallback done)
{
    attempt(call, 0, false, context, std::move(done));
}

void IdpHttpClient::attempt(const HttpCall &call, int attemptNo, bool reauthenticated, QObject *context,
                            AnswerCallback done)
{
    auto go = [this, call, attemptNo, reauthenticated, context, done](const QByteArray &bearer) {
        QNetworkReply *reply = start(call, bearer);
        const int timeoutMs = call.timeoutMs > 0 ? call.timeoutMs : m_timeoutMs;
        reply->setProperty("signoffTimeoutMs", timeoutMs);
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        timer->setInterval(timeoutMs);
        connect(timer, &QTimer::timeout, reply, [reply] {
            reply->setProperty("signoffTimedOut", true);
            reply->abort();
        });
        // A read timeout: every byte that arrives restarts it, a server that goes silent ends it.
        connect(reply, &QNetworkReply::downloadProgress, timer, [timer](qint64 got, qint64) {
            timer->start();
            Q_UNUSED(got);
        });
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 got, qint64) {
            if (got > kMaxBodyBytes)
                reply->abort();
        });
        const QString pin = normaliseSha256(m_profile.pinnedSha256);
        guardTls(reply, pin);
        timer->start();
        QPointer<QObject> ctx(context);
        connect(reply, &QNetworkReply::finished, this, [=, this] {
            reply->deleteLater();
            if (!ctx)
                return;
            int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (!pin.isEmpty() && status != 0 && pinOf(reply->sslConfiguration().peerCertificate()) != pin) {
                reply->setProperty("signoffPinMismatch", pinOf(reply->sslConfiguration().peerCertificate()));
                status = 0; // an answer over a certificate other than the pinned one is no answer
            }
            if (status == 0) {
                done(networkError(reply));
                return;
            }
            HttpAnswer answer;
            answer.status = status;
            answer.body = reply->readAll();
            for (const auto &[name, value] : reply->rawHeaderPairs())
                answer.headers.insert(name.toLower(), value);
            if (status == 401 && call.authorize && m_tokenSource && !reauthenticated) {
                m_token = {}; // expired or revoked early: one fresh token, one more try
                attempt(call, attemptNo, true, ctx, done);
                return;
            }
            if (status == 429 && attemptNo < kMaxRateLimitRetries) {
                const int wait = retryAfterSeconds(answer.header("retry-after"));
                if (wait <= m_maxRetryAfterS) {
                    qCInfo(lcIdp) << "rate limited; retrying after" << qMax(wait, 1) << "s";
                    QTimer::singleShot(qMax(wait, 1) * 1000, ctx,
                                       [=, this] { attempt(call, attemptNo + 1, reauthenticated, ctx, done); });
                    return;
                }
            }
            done(answer);
        });
    };
    if (!call.authorize) {
        QTimer::singleShot(0, context, [go] { go(QByteArray()); });
        return;
    }
    // With a token in hand the request starts now rather than on the next event-loop turn, so a
    // caller that asks for the next page before parsing this one overlaps the two. The answer
    // still arrives through the reply's finished signal, never inside this call.
    if (hasFreshToken()) {
        go(m_token.value);
        return;
    }
    withToken(context, [go, done](Result<QByteArray> token) {
        if (!token) {
            done(token.error());
            return;
        }
        go(token.value());
    });
}

void IdpHttpClient::getJson(const QUrl &url, QObject *context, std::function<void(Result<HttpAnswer>)> done)
{
    HttpCall call;
    call.url = url;
    send(call, context, [done, url](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status < 200 || a->status > 299) {
            done(Error{describeStatus(*a, url.path()), a->status});
            return;
        }
        QJsonParseError err{};
        a.value().document = QJsonDocument::fromJson(a->body, &err);
        if (err.error != QJsonParseError::NoError) {
            done(Error{
                Tr::tr("The IdP answered %1 with something that is not JSON (%2).").arg(url.path(), err.errorString()),
                IdpBadAnswer});
            return;
        }
        done(std::move(a));
    });
}

void IdpHttpClient::exchangeToken(const HttpCall &call, const QString &idpName,
                                  std::function<Error(const HttpAnswer &)> failure, QObject *context,
                                  std::function<void(Result<Token>)> done)
{
    send(call, context, [idpName, failure, done](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status != 200) {
            done(failure(*a));
            return;
        }
        const QJsonObject o = a->json().object();
        const QByteArray token = o.value(QLatin1String("access_token")).toString().toUtf8();
        if (token.isEmpty()) {
            done(Error{Tr::tr("%1's token endpoint answered without an access token.").arg(idpName), IdpBadAnswer});
            return;
        }
        done(Token{token, qint64(o.value(QLatin1String("expires_in")).toDouble())});
    });
}

QString IdpHttpClient::describeStatus(const HttpAnswer &a, const QString &what)
{
    const QString detail = errorDescription(a.body);
    const QString suffix = detail.isEmpty() ? QString() : Tr::tr(" (the IdP says: %1)").arg(detail);
    switch (a.status) {
    case 401:
        return Tr::tr("The IdP refused Signoff's credentials for %1: check the client id and secret (or password) "
                      "in the profile.%2")
            .arg(what, suffix);
    case 403:
        return Tr::tr("The admin account lacks a permission needed for %1.%2").arg(what, suffix);
    case 404:
        return Tr::tr("The IdP has no %1: check the base URL, the realm or tenant, and the IdP's version.%2")
            .arg(what, suffix);
    case 429:
        return Tr::tr("The IdP is rate-limiting Signoff (%1); it asks to wait %2 s.")
            .arg(what, QString::fromLatin1(a.header("retry-after")));
    default:
        if (a.status >= 500)
            return Tr::tr("The IdP failed while answering %1 (HTTP %2).%3").arg(what).arg(a.status).arg(suffix);
        return Tr::tr("The IdP answered %1 with HTTP %2.%3").arg(what).arg(a.status).arg(suffix);
    }
}

} // namespace signoff
