#include "HydraConnector.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(HydraConnector)
};

QString encoded(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

RelyingParty toRp(const QJsonObject &o)
{
    RelyingParty rp;
    rp.clientId = o.value(QLatin1String("client_id")).toString();
    rp.internalId = rp.clientId;
    rp.name = o.value(QLatin1String("client_name")).toString();
    rp.backchannelLogoutUri = o.value(QLatin1String("backchannel_logout_uri")).toString();
    rp.sessionRequired = o.value(QLatin1String("backchannel_logout_session_required")).toBool();
    rp.frontchannelLogoutUri = o.value(QLatin1String("frontchannel_logout_uri")).toString();
    return rp;
}
} // namespace

struct HydraConnector::Walk
{
    QPointer<HydraConnector> self;
    SessionQuery query;
    QObject *context = nullptr;
    PageCallback onPage;
    StatusCallback done;
    // Consent sessions grouped by login session, in the order first seen.
    QList<IdpSession> sessions;
    QHash<QString, qsizetype> indexById;
};

HydraConnector::HydraConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret, QObject *parent)
    : IdpConnector(parent)
    , m_http(nam, profile)
    , m_secret(std::move(secret))
{
    if (profile.clientId.isEmpty())
        return; // an open admin port: no token at all
    // The secret is the bearer itself; read again after a 401 in case it was changed meanwhile.
    m_http.setTokenSource([this](QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done) {
        m_secret(context, [done](Result<QString> secret) {
            if (!secret) {
                done(secret.error());
                return;
            }
            done(IdpHttpClient::Token{secret->toUtf8(), 0});
        });
    });
}

IdpCapabilities HydraConnector::capabilities() const
{
    return IdpCapability::ListRelyingParties | IdpCapability::SessionsPerUser | IdpCapability::SessionsPerSubjectOnly;
}

QStringList HydraConnector::limitations() const
{
    return {Tr::tr("Hydra lists sessions per subject only: enter a user (subject) to see sessions"),
            Tr::tr("Hydra has no user directory: users are named by their subject"),
            Tr::tr("Hydra's logout tokens carry sid but no sub, exp or typ: an RP that requires them refuses the "
                   "token"),
            Tr::tr("ending a subject's login sessions in Hydra (?subject=) sends no logout token; Signoff ends them "
                   "by sid")};
}

QString HydraConnector::nextPageToken(const QByteArray &linkHeader)
{
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>\\s*;[^,]*rel=\"?next\"?"));
    const QRegularExpressionMatch m = entry.match(QString::fromLatin1(linkHeader));
    if (!m.hasMatch())
        return {};
    // Only the token is taken: the link's host and path are not followed, so a bearer never goes
    // anywhere but the profile's base URL.
    return QUrlQuery(QUrl(m.captured(1)).query(QUrl::FullyEncoded))
        .queryItemValue(QStringLiteral("page_token"), QUrl::FullyDecoded);
}

Error HydraConnector::failure(const HttpAnswer &a, const QString &what) const
{
    if (a.status == 401 || a.status == 403) {
        if (m_http.profile().clientId.isEmpty())
            return {Tr::tr("Hydra's admin API (or the gateway in front of it) asks for credentials for %1: enter a "
                           "client id and the API key as secret in the profile.")
                        .arg(what),
                    a.status};
        return {Tr::tr("Hydra's admin API (or the gateway in front of it) refused the API key for %1: check the "
                       "secret in the profile.")
                    .arg(what),
                a.status};
    }
    if (a.status == 404)
        return {Tr::tr("%1 has no Hydra v2 admin API (%2 answered 404): use the admin port's URL, e.g. "
                       "http://hydra:4445.")
                    .arg(m_http.profile().baseUrl.toString(), what),
                a.status};
    return {IdpHttpClient::describeStatus(a, what), a.status};
}

void HydraConnector::getJson(const QUrl &url, const QString &what, QObject *context, AnswerDone done)
{
    QPointer<HydraConnector> self(this);
    HttpCall call;
    call.url = url;
    call.authorize = !m_http.profile().clientId.isEmpty();
    m_http.send(call, context, [self, what, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status < 200 || a->status > 299) {
            done(self->failure(*a, what));
            return;
        }
        QJsonParseError err{};
        QJsonDocument::fromJson(a->body, &err);
        if (err.error != QJsonParseError::NoError) {
            done(Error{Tr::tr("Hydra answered %1 with something that is not JSON (%2).").arg(what, err.errorString()),
                       IdpBadAnswer});
            return;
        }
        done(a);
    });
}

void HydraConnector::facts(QObject *context, Done<IdpFacts> done)
{
    QPointer<HydraConnector> self(this);
    getJson(m_http.url(QStringLiteral("/version")), Tr::tr("the version"), context,
            [self, context, done](Result<HttpAnswer> a) {
                if (!self)
                    return;
                if (!a) {
                    done(a.error());
                    return;
                }
                IdpFacts f;
                f.kind = QStringLiteral("hydra");
                f.version = a->json().object().value(QLatin1String("version")).toString();
                // Discovery lives on the public port; the admin port may not serve it. When it does,
                // its back-channel flags are used, otherwise they stay unknown.
                HttpCall discovery;
                discovery.url = self->m_http.url(QStringLiteral("/.well-known/openid-configuration"));
                discovery.authorize = false;
                self->m_http.send(discovery, context, [f, done](Result<HttpAnswer> d) mutable {
                    if (d && d->status == 200) {
                        const QJsonObject o = d->json().object();
                        f.issuer = o.value(QLatin1String("issuer")).toString();
                        if (o.contains(QLatin1String("backchannel_logout_supported")))
                            f.backchannelLogoutSupported =
                                o.value(QLatin1String("backchannel_logout_supported")).toBool();
                        if (o.contains(QLatin1String("backchannel_logout_session_supported")))
                            f.backchannelLogoutSessionSupported =
                                o.value(QLatin1String("backchannel_logout_session_supported")).toBool();
                    }
                    done(f);
                });
            });
}

void HydraConnector::relyingParties(QObject *context, Done<QList<RelyingParty>> done)
{
    clientPage(QString(), {}, context, std::move(done));
}

void HydraConnector::clientPage(const QString &token, QList<RelyingParty> acc, QObject *context,
                                Done<QList<RelyingParty>> done)
{
    QPointer<HydraConnector> self(this);
    QUrl url = m_http.url(QStringLiteral("/admin/clients"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("page_size"), QString::number(m_pageSize));
    if (!token.isEmpty())
        q.addQueryItem(QStringLiteral("page_token"), encoded(token));
    url.setQuery(q);
    getJson(url, Tr::tr("the clients list"), context, [self, token, acc, context, done](Result<HttpAnswer> a) mutable {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        const QJsonArray items = a->json().array();
        for (const QJsonValue &v : items)
            acc.append(toRp(v.toObject()));
        const QString next = nextPageToken(a->header("link"));
        if (next.isEmpty() || next == token || items.isEmpty()) {
            done(acc);
            return;
        }
        self->clientPage(next, std::move(acc), context, std::move(done));
    });
}

void HydraConnector::users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done)
{
    Q_UNUSED(search);
    Q_UNUSED(limit);
    answerLater(context, done,
                Error{Tr::tr("Hydra has no user directory to search: enter the subject (the user id your login app "
                             "gives Hydra).")});
}

void HydraConnector::sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done)
{
    if (query.user.isEmpty()) {
        answerLater(context, done,
                    Status::failure(Tr::tr("Hydra lists sessions per subject only: choose a user (subject) to see "
                                           "its sessions.")));
        return;
    }
    auto walk = std::make_shared<Walk>();
    walk->self = this;
    walk->query = query;
    walk->context = context;
    walk->onPage = std::move(onPage);
    walk->done = std::move(done);
    consentPage(walk, QString());
}

// A subject's consent sessions, page by page (Link rel="next"). Each names the client and the login
// session it was granted in; the login sessions are the sessions, their clients the RPs. Hydra
// puts the login session id in its logout tokens as sid, for every client alike.
void HydraConnector::consentPage(std::shared_ptr<Walk> walk, const QString &token)
{
    QUrl url = m_http.url(QStringLiteral("/admin/oauth2/auth/sessions/consent"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("subject"), encoded(walk->query.user));
    q.addQueryItem(QStringLiteral("page_size"), QString::number(qBound(1, walk->query.pageSize, 500)));
    if (!token.isEmpty())
        q.addQueryItem(QStringLiteral("page_token"), encoded(token));
    url.setQuery(q);
    getJson(url, Tr::tr("the consent sessions of %1").arg(walk->query.user), walk->context,
            [walk, token](Result<HttpAnswer> a) {
                if (!walk->self)
                    return;
                if (!a) {
                    walk->done(Status(a.error()));
                    return;
                }
                const QJsonArray items = a->json().array();
                for (const QJsonValue &v : items) {
                    const QJsonObject request = v.toObject().value(QLatin1String("consent_request")).toObject();
                    const QString loginSession = request.value(QLatin1String("login_session_id")).toString();
                    // A consent given without a remembered login has no login session to end.
                    if (loginSession.isEmpty())
                        continue;
                    const QString client =
                        request.value(QLatin1String("client")).toObject().value(QLatin1String("client_id")).toString();
                    auto it = walk->indexById.constFind(loginSession);
                    if (it == walk->indexById.cend()) {
                        IdpSession s;
                        s.id = loginSession;
                        s.userId = request.value(QLatin1String("subject")).toString(walk->query.user);
                        s.userName = s.userId;
                        it = walk->indexById.insert(loginSession, walk->sessions.size());
                        walk->sessions.append(s);
                    }
                    IdpSession &s = walk->sessions[*it];
                    const bool known = std::any_of(s.rps.begin(), s.rps.end(),
                                                   [&](const SessionRp &rp) { return rp.clientId == client; });
                    if (!known)
                        s.rps.append({client, loginSession});
                }
                const QString next = nextPageToken(a->header("link"));
                if (next.isEmpty() || next == token || items.isEmpty()) {
                    walk->self->finish(walk);
                    return;
                }
                walk->self->consentPage(walk, next);
            });
}

void HydraConnector::finish(std::shared_ptr<Walk> walk)
{
    QList<IdpSession> page;
    for (const IdpSession &s : std::as_const(walk->sessions)) {
        if (walk->query.limit > 0 && page.size() >= walk->query.limit)
            break;
        const bool match = walk->query.clientId.isEmpty() ||
                           std::any_of(s.rps.begin(), s.rps.end(),
                                       [&](const SessionRp &rp) { return rp.clientId == walk->query.clientId; });
        if (match)
            page.append(s);
    }
    walk->onPage(page, ListProgress{page.size(), page.size()});
    walk->done(Status());
}

void HydraConnector::sessionsById(const QStringList &ids, QObject *context, Done<QList<IdpSession>> done)
{
    Q_UNUSED(ids);
    answerLater(context, done,
                Error{Tr::tr("Hydra cannot look sessions up by id: it lists sessions only for a subject, so list the "
                             "user's (subject's) sessions instead.")});
}

LogoutSupport HydraConnector::logoutSupport() const
{
    LogoutSupport support;
    support.endsSessions = true;
    support.sendsTokens = true;
    support.maxBatch = 1;
    support.resendAdvice =
        Tr::tr("Hydra cannot send a logout token again once the login session is gone. Ask the RP's operator to end "
               "the user's session in the RP itself, or, once the RP is fixed, have the user sign in again and log "
               "them out once more.");
    return support;
}

// By sid, never by ?subject=: Hydra ends a subject's login sessions without sending any logout
// token, while ending one login session by sid notifies its RPs.
void HydraConnector::logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                                    Done<LogoutDispatch> done)
{
    Q_UNUSED(concurrency); // one session per call: the run's own fan-out is the concurrency
    if (sessions.size() != 1) {
        answerLater(context, done,
                    Error{Tr::tr("Hydra ends one login session per call, not %1.").arg(sessions.size())});
        return;
    }
    const QString sid = sessions.first().id;
    QPointer<HydraConnector> self(this);
    HttpCall call;
    call.method = "DELETE";
    QUrl url = m_http.url(QStringLiteral("/admin/oauth2/auth/sessions/login"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("sid"), encoded(sid));
    url.setQuery(q);
    call.url = url;
    call.authorize = !m_http.profile().clientId.isEmpty();
    m_http.send(call, context, [self, sid, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status >= 200 && a->status <= 299) {
            done(LogoutDispatch{}); // Hydra sends in the background and reports nothing back
            return;
        }
        if (a->status == 404) {
            done(Error{Tr::tr("Hydra has no login session %1: the session no longer exists (it ended, expired or was "
                              "logged out elsewhere).")
                           .arg(sid),
                       404});
            return;
        }
        done(self->failure(*a, Tr::tr("ending login session %1").arg(sid)));
    });
}

void HydraConnector::testConnection(QObject *context, Done<ConnectionReport> done)
{
    QPointer<HydraConnector> self(this);
    facts(context, [self, context, done](Result<IdpFacts> f) {
        if (!self)
            return;
        if (!f) {
            done(f.error());
            return;
        }
        self->relyingParties(context, [self, f, done](Result<QList<RelyingParty>> rps) {
            if (!self)
                return;
            if (!rps) {
                done(rps.error());
                return;
            }
            ConnectionReport r;
            r.facts = f.value();
            r.relyingParties = int(rps->size());
            r.capabilities = self->capabilities();
            r.notes = self->limitations();
            done(r);
        });
    });
}

} // namespace signoff
