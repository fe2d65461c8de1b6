#pragma once

#include "core/Result.h"
#include "store/Profile.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace signoff {

struct HttpCall
{
    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> headers;
    bool authorize = true; // send the bearer token (and re-authenticate once on 401)
    int timeoutMs = 0;     // read timeout of this call; 0: the client's (setTimeoutMs)
};

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    // Set by getJson(), which parses the body to check it anyway: callers reading a large page
    // through json() must not parse it a second time.
    QJsonDocument document;
    QJsonDocument json() const { return document.isNull() ? QJsonDocument::fromJson(body) : document; }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// Error codes of HTTP failures, beside the HTTP status itself (Error::code holds the status for
// answers that arrived).
enum IdpErrorCode
{
    IdpUnreachable = 1000,
    IdpTimeout,
    IdpTlsFailure,
    IdpBadAnswer,
    IdpAuthFailed,
};

// One IdP's admin API over HTTP: the profile's TLS rules (extra CA, pinned certificate; verification
// is never switched off otherwise), a bearer token obtained and renewed through the token source
// (renewed shortly before it expires, and once more on a 401), 429 answered by waiting what
// Retry-After says (bounded), a transfer timeout that ends a silent server, and every failure
// turned into one sentence. The network manager is handed in.
class IdpHttpClient : public QObject
{
    Q_OBJECT
public:
    struct Token
    {
        QByteArray value;
        qint64 expiresInS = 0; // 0: unknown (used until a 401)
    };
    // Obtains a new token: answers through done on the context.
    using TokenSource = std::function<void(QObject *context, std::function<void(Result<Token>)> done)>;
    using AnswerCallback = std::function<void(Result<HttpAnswer>)>;

    IdpHttpClient(QNetworkAccessManager *nam, const Profile &profile, QObject *parent = nullptr);

    void setTokenSource(TokenSource source) { m_tokenSource = std::move(source); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setMaxRetryAfterS(int s) { m_maxRetryAfterS = s; }
    const Profile &profile() const { return m_profile; }

    // Answers whatever the status (callers judge 4xx/5xx with describeStatus); fails only when no
    // HTTP answer arrived (unreachable, timeout, TLS) or authentication failed.
    void send(const HttpCall &call, QObject *context, AnswerCallback done);
    // send(), then a JSON answer with a 2xx status, else the failure as one sentence.
    void getJson(const QUrl &url, QObject *context, std::function<void(Result<HttpAnswer>)> done);

    QUrl url(const QString &path) const; // base URL + path

    // Sends a token request and reads {access_token, expires_in} from a 200; any other answer is
    // worded by failure, and an answer without a token is said to come from idpName.
    void exchangeToken(const HttpCall &call, const QString &idpName, std::function<Error(const HttpAnswer &)> failure,
                       QObject *context, std::function<void(Result<Token>)> done);

    // A sentence for an answer with a failing status; what names the request ("the clients list").
    static QString describeStatus(const HttpAnswer &answer, const QString &what);
    // Drops the cached token (tests; after a profile's secret changed).
    void forgetToken() { m_token = {}; }

    // Opens a long-lived request (an event stream) with the profile's TLS rules and the current
    // bearer token. The caller reads it as it arrives, judges its status, owns it and bounds its
    // silences itself: no transfer timeout, no 401 retry (the caller forgets the token and reopens).
    void openStream(const HttpCall &call, QObject *context, std::function<void(Result<QNetworkReply *>)> done);
    // The sentence for a stream that ended without an HTTP answer (refused, TLS, pin).
    Error streamError(QNetworkReply *reply) const { return networkError(reply); }

private:
    bool hasFreshToken() const;
    void withToken(QObject *context, std::function<void(Result<QByteArray>)> done);
    void attempt(const HttpCall &call, int attemptNo, bool reauthenticated, QObject *context, AnswerCallback done);
    QNetworkReply *start(const HttpCall &call, const QByteArray &bearer);
    void guardTls(QNetworkReply *reply, const QString &pin);
    Error networkError(QNetworkReply *reply) const;

    QNetworkAccessManager *m_nam;
    Profile m_profile;
    QList<QSslCertificate> m_extraCas;
    TokenSource m_tokenSource;
    Token m_token;
    qint64 m_tokenExpiresAtMs = 0;
    int m_timeoutMs = 30000;
    int m_maxRetryAfterS = 30;
};

} // namespace signoff
