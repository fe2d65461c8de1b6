#include "LogtoConnector.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LogtoConnector)
};

QString encoded(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

std::optional<QDateTime> epochSeconds(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC);
}

std::optional<qint64> totalNumber(const HttpAnswer &a)
{
    bool ok = false;
    const qint64 n = a.header("total-number").trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

IdpUser toUser(const QJsonObject &o)
{
    return {o.value(QLatin1String("id")).toString(), o.value(QLatin1String("username")).toString(),
            o.value(QLatin1String("name")).toString()};
}

RelyingParty toRp(const QJsonObject &o)
{
    const QJsonObject meta = o.value(QLatin1String("oidcClientMetadata")).toObject();
    RelyingParty rp;
    rp.clientId = o.value(QLatin1String("id")).toString(); // an app's id is its OAuth client_id
    rp.internalId = rp.clientId;
    rp.name = o.value(QLatin1String("name")).toString();
    rp.backchannelLogoutUri = meta.value(QLatin1String("backchannelLogoutUri")).toString();
    rp.sessionRequired = meta.value(QLatin1String("backchannelLogoutSessionRequired")).toBool();
    rp.frontchannelLogoutUri = meta.value(QLatin1String("frontchannelLogoutUri")).toString();
    return rp;
}

// A session record as GET /api/users/{id}/sessions returns it: oidc-provider's Session payload
// (uid addresses it for deletion; authorizations holds the per-client sid) plus Logto's last
// sign-in submission, which carries the client IP. Logto keeps no last-access time.
IdpSession toSession(const QJsonObject &o, const IdpUser &user)
{
    const QJsonObject payload = o.value(QLatin1String("payload")).toObject();
    IdpSession s;
    s.id = payload.value(QLatin1String("uid")).toString();
    if (s.id.isEmpty())
        s.id = o.value(QLatin1String("id")).toString();
    s.userId = payload.value(QLatin1String("accountId")).toString(user.id);
    s.userName = user.userName;
    const QJsonValue ip = o.value(QLatin1String("lastSubmission"))
                              .toObject()
                              .value(QLatin1String("signInContext"))
                              .toObject()
                              .value(QLatin1String("ip"));
    if (ip.isString() && !ip.toString().isEmpty())
        s.ip = ip.toString();
    s.started = epochSeconds(payload.value(QLatin1String("loginTs")));
    const QJsonObject authorizations = payload.value(QLatin1String("authorizations")).toObject();
    for (auto it = authorizations.begin(); it != authorizations.end(); ++it) {
        const QJsonValue sid = it.value().toObject().value(QLatin1String("sid"));
        s.rps.append({it.key(), sid.isString() ? std::optional<QString>(sid.toString()) : std::nullopt});
    }
    return s;
}

bool hasClient(const IdpSession &s, const QString &clientId)
{
    return std::any_of(s.rps.begin(), s.rps.end(), [&](const SessionRp &rp) { return rp.clientId == clientId; });
}

// Logto answers a missing entity with a JSON code ("entity.not_exists_with_id", …); a route it does
// not have (the sessions route before 1.38) is a plain 404.
bool isMissingEntity(const HttpAnswer &a)
{
    return a.status == 404 &&
           a.json().object().value(QLatin1String("code")).toString().startsWith(QLatin1String("entity."));
}

bool isMissingRoute(const HttpAnswer &a)
{
    return a.status == 404 && !isMissingEntity(a);
}
} // namespace

struct LogtoConnector::Walk
{
    QPointer<LogtoConnector> self;
    SessionQuery query;
    QObject *context = nullptr;
    PageCallback onPage;
    StatusCallback done;
    qint64 received = 0;
    QList<IdpUser> users; // the current page of users
    int userIndex = 0;
    int page = 1;
    qint64 usersSeen = 0;
    std::optional<qint64> usersTotal;
    bool lastUserPage = false;
    QList<IdpSession> pending;

    bool full() const { return query.limit > 0 && received + pending.size() >= query.limit; }
};

LogtoConnector::LogtoConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret, QObject *parent)
    : IdpConnector(parent)
    , m_http(nam, profile)
    , m_secret(std::move(secret))
{
    m_http.setTokenSource([this](QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done) {
        requestToken(context, std::move(done));
    });
}

IdpCapabilities LogtoConnector::capabilities() const
{
    return IdpCapability::ListRelyingParties | IdpCapability::SessionsPerRpByWalking | IdpCapability::SessionsPerUser;
}

QStringList LogtoConnector::limitations() const
{
    return {Tr::tr("Logto has no per-application session list: Signoff walks every user"),
            Tr::tr("deleting a session in Logto sends no logout token")};
}

QString LogtoConnector::resource() const
{
    const QString tenant = m_http.profile().realm.trimmed();
    if (tenant.isEmpty() || tenant == QLatin1String("default"))
        return QStringLiteral("https://default.logto.app/api");
    if (tenant.startsWith(QLatin1String("https://")))
        return tenant; // a resource indicator given in full
    return QStringLiteral("https://%1.logto.app/api").arg(tenant);
}

QUrl LogtoConnector::apiUrl(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_http.url(QStringLiteral("/api") + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &[key, value] : query)
            q.addQueryItem(key, encoded(value));
        url.setQuery(q);
    }
    return url;
}

void LogtoConnector::requestToken(QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done)
{
    QPointer<LogtoConnector> self(this);
    m_secret(context, [self, context, done](Result<QString> secret) {
        if (!self)
            return;
        if (!secret) {
            done(secret.error());
            return;
        }
        HttpCall call;
        call.method = "POST";
        call.url = self->m_http.url(QStringLiteral("/oidc/token"));
        call.authorize = false;
        call.contentType = "application/x-www-form-urlencoded";
        call.body = "grant_type=client_credentials&scope=all&resource=" + QUrl::toPercentEncoding(self->resource());
        // RFC 6749 2.3.1: id and secret are form-encoded before they are joined for Basic.
        const QByteArray credentials =
            QUrl::toPercentEncoding(self->m_http.profile().clientId) + ':' + QUrl::toPercentEncoding(secret.value());
        call.headers.append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
        self->m_http.exchangeToken(
            call, QStringLiteral("Logto"),
            [self](const HttpAnswer &answer) {
                return self ? self->tokenFailure(answer) : Error{QString(), IdpAuthFailed};
            },
            context, done);
    });
}

Error LogtoConnector::tokenFailure(const HttpAnswer &a) const
{
    const QString error = a.json().object().value(QLatin1String("error")).toString();
    if (error == QLatin1String("invalid_target"))
        return {Tr::tr("Logto does not know the API resource %1: for a self-hosted Logto leave the tenant empty (or "
                       "\"default\"); on Logto Cloud enter the tenant id.")
                    .arg(resource()),
                IdpAuthFailed};
    // oidc-provider answers an app id it does not know with 400 ("invalid client ID") and a known
    // app with a wrong secret with 401. The former is also what a base URL on Logto's admin
    // endpoint gets: that is a Logto of its own, without the app.
    if (error == QLatin1String("invalid_client") && a.status == 400)
        return {Tr::tr("Logto at %1 has no app \"%2\": check the machine-to-machine app's id, and that the base URL "
                       "is Logto's core endpoint (the one serving /api), not its admin console endpoint.")
                    .arg(m_http.profile().baseUrl.toString(), m_http.profile().clientId),
                IdpAuthFailed};
    if (error == QLatin1String("invalid_client") || a.status == 401)
        return {Tr::tr("Logto does not accept app \"%1\" with this secret: check the machine-to-machine app's id and "
                       "secret (the usable secret is listed under the app's secrets, not the \"#internal\" one).")
                    .arg(m_http.profile().clientId),
                IdpAuthFailed};
    if (a.status == 404)
        return {Tr::tr("%1 has no Logto token endpoint (/oidc/token): check the base URL (Logto's core, not its admin "
                       "console).")
                    .arg(m_http.profile().baseUrl.toString()),
                IdpAuthFailed};
    return {IdpHttpClient::describeStatus(a, Tr::tr("a Management API token")), IdpAuthFailed};
}

Error LogtoConnector::apiFailure(const HttpAnswer &a, const QString &what) const
{
    if (a.status == 403)
        return {Tr::tr("Logto refused %1: the machine-to-machine app \"%2\" lacks the role \"Logto Management API "
                       "access\" (scope all).")
                    .arg(what, m_http.profile().clientId),
                a.status};
    if (a.status == 401)
        return {Tr::tr("Logto refused Signoff's token for %1: the token is for another resource than this Logto's "
                       "Management API (%2) — check the tenant in the profile.")
                    .arg(what, resource()),
                a.status};
    return {IdpHttpClient::describeStatus(a, what), a.status};
}

void LogtoConnector::getJson(const QUrl &url, const QString &what, QObject *context, AnswerDone done)
{
    QPointer<LogtoConnector> self(this);
    HttpCall call;
    call.url = url;
    m_http.send(call, context, [self, what, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status < 200 || a->status > 299) {
            // Callers judge 404s themselves: a missing user and a missing route mean different things.
            done(a->status == 404 ? Error{IdpHttpClient::describeStatus(*a, what), 404} : self->apiFailure(*a, what));
            return;
        }
        QJsonParseError err{};
        QJsonDocument::fromJson(a->body, &err);
        if (err.error != QJsonParseError::NoError) {
            done(Error{Tr::tr("Logto answered %1 with something that is not JSON (%2).").arg(what, err.errorString()),
                       IdpBadAnswer});
            return;
        }
        done(a);
    });
}

void LogtoConnector::facts(QObject *context, Done<IdpFacts> done)
{
    HttpCall call;
    call.url = m_http.url(QStringLiteral("/oidc/.well-known/openid-configuration"));
    call.authorize = false;
    m_http.send(call, context, [done](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status != 200) {
            done(Error{IdpHttpClient::describeStatus(*a, Tr::tr("Logto's discovery document (/oidc)")), a->status});
            return;
        }
        const QJsonObject d = a->json().object();
        IdpFacts f;
        f.kind = QStringLiteral("logto");
        f.issuer = d.value(QLatin1String("issuer")).toString();
        if (d.contains(QLatin1String("backchannel_logout_supported")))
            f.backchannelLogoutSupported = d.value(QLatin1String("backchannel_logout_supported")).toBool();
        if (d.contains(QLatin1String("backchannel_logout_session_supported")))
            f.backchannelLogoutSessionSupported =
                d.value(QLatin1String("backchannel_logout_session_supported")).toBool();
        // oidc-provider 9's SSRF guard arrived with Logto 1.42 and can be switched off; the admin API
        // shows neither the version nor the setting (checked against a real 1.37.1, which posted to
        // 127.0.0.1).
        f.mayRefusePrivateAddresses = true;
        done(f);
    });
}

void LogtoConnector::relyingParties(QObject *context, Done<QList<RelyingParty>> done)
{
    applicationPage(1, {}, context, std::move(done));
}

// Pages are numbered from 1; Total-Number says how many there are in all.
void LogtoConnector::applicationPage(int page, QList<RelyingParty> acc, QObject *context,
                                     Done<QList<RelyingParty>> done)
{
    QPointer<LogtoConnector> self(this);
    const QUrl url =
        apiUrl(QStringLiteral("/applications"), {{QStringLiteral("page"), QString::number(page)},
                                                 {QStringLiteral("page_size"), QString::number(m_pageSize)}});
    getJson(url, Tr::tr("the applications list"), context,
            [self, page, acc, context, done](Result<HttpAnswer> a) mutable {
                if (!self)
                    return;
                if (!a) {
                    done(a.error());
                    return;
                }
                const QJsonArray items = a->json().array();
                for (const QJsonValue &v : items) {
                    const QJsonObject o = v.toObject();
                    // Machine-to-machine apps have no users signed in, so nothing to log out of.
                    if (o.value(QLatin1String("type")).toString() != QLatin1String("MachineToMachine"))
                        acc.append(toRp(o));
                }
                const qint64 seen = qint64(page - 1) * self->m_pageSize + items.size();
                const std::optional<qint64> total = totalNumber(*a);
                if (items.size() < self->m_pageSize || (total && seen >= *total)) {
                    done(acc);
                    return;
                }
                self->applicationPage(page + 1, std::move(acc), context, std::move(done));
            });
}

void LogtoConnector::users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done)
{
    QList<std::pair<QString, QString>> query{{QStringLiteral("page"), QStringLiteral("1")},
                                             {QStringLiteral("page_size"), QString::number(qBound(1, limit, 100))}};
    if (!search.isEmpty())
        query.append({QStringLiteral("search"), search});
    getJson(apiUrl(QStringLiteral("/users"), query), Tr::tr("the users list"), context, [done](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        QList<IdpUser> users;
        for (const QJsonValue &v : a->json().array())
            users.append(toUser(v.toObject()));
        done(users);
    });
}

// A user is named by id, or by user name / primary email (exact).
void LogtoConnector::resolveUser(const QString &user, QObject *context, Done<IdpUser> done)
{
    QPointer<LogtoConnector> self(this);
    getJson(
        apiUrl(QStringLiteral("/users/") + encoded(user)), Tr::tr("user %1").arg(user), context,
        [self, user, context, done](Result<HttpAnswer> byId) {
            if (!self)
                return;
            if (byId) {
                done(toUser(byId->json().object()));
                return;
            }
            if (byId.error().code != 404) {
                done(byId.error());
                return;
            }
            const QUrl search =
                self->apiUrl(QStringLiteral("/users"),
                             {{QStringLiteral("search"), user}, {QStringLiteral("page_size"), QStringLiteral("100")}});
            self->getJson(search, Tr::tr("the users list"), context, [user, done](Result<HttpAnswer> found) {
                if (!found) {
                    done(found.error());
                    return;
                }
                for (const QJsonValue &v : found->json().array()) {
                    const QJsonObject o = v.toObject();
                    if (o.value(QLatin1String("username")).toString() == user ||
                        o.value(QLatin1String("primaryEmail")).toString().compare(user, Qt::CaseInsensitive) == 0) {
                        done(toUser(o));
                        return;
                    }
                }
                done(Error{Tr::tr("Logto has no user \"%1\" (looked up by id, user name and email).").arg(user), 404});
            });
        });
}

void LogtoConnector::userSessions(const IdpUser &user, QObject *context, Done<QList<IdpSession>> done)
{
    QPointer<LogtoConnector> self(this);
    HttpCall call;
    call.url = apiUrl(QStringLiteral("/users/") + encoded(user.id) + QStringLiteral("/sessions"));
    m_http.send(call, context, [self, user, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (isMissingRoute(*a)) {
            done(Error{Tr::tr("This Logto cannot list sessions: GET /api/users/{id}/sessions needs Logto 1.38 or later "
                              "(on 1.37, start it with DEV_FEATURES_ENABLED=1)."),
                       404});
            return;
        }
        if (isMissingEntity(*a)) { // deleted while Signoff was walking the users: no sessions left
            done(QList<IdpSession>());
            return;
        }
        if (a->status < 200 || a->status > 299) {
            done(self->apiFailure(*a, Tr::tr("the sessions of user %1").arg(user.userName)));
            return;
        }
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(a->body, &err);
        if (err.error != QJsonParseError::NoError || !doc.object().value(QLatin1String("sessions")).isArray()) {
            done(Error{Tr::tr("Logto answered the sessions of user %1 with an unexpected document.").arg(user.userName),
                       IdpBadAnswer});
            return;
        }
        QList<IdpSession> sessions;
        for (const QJsonValue &v : doc.object().value(QLatin1String("sessions")).toArray())
            sessions.append(toSession(v.toObject(), user));
        done(sessions);
    });
}

void LogtoConnector::sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done)
{
    auto walk = std::make_shared<Walk>();
    walk->self = this;
    walk->query = query;
    walk->context = context;
    walk->onPage = std::move(onPage);
    walk->done = std::move(done);
    if (query.user.isEmpty()) {
        userPage(walk, 1);
        return;
    }
    resolveUser(query.user, context, [walk](Result<IdpUser> user) {
        if (!walk->self)
            return;
        if (!user) {
            walk->done(Status(user.error()));
            return;
        }
        walk->users = {user.value()};
        walk->lastUserPage = true;
        walk->self->nextUser(walk);
    });
}

void LogtoConnector::userPage(std::shared_ptr<Walk> walk, int page)
{
    const QUrl url = apiUrl(QStringLiteral("/users"), {{QStringLiteral("page"), QString::number(page)},
                                                       {QStringLiteral("page_size"), QString::number(m_pageSize)}});
    getJson(url, Tr::tr("the users list"), walk->context, [walk, page](Result<HttpAnswer> a) {
        if (!walk->self)
            return;
        if (!a) {
            walk->done(Status(a.error()));
            return;
        }
        walk->users.clear();
        for (const QJsonValue &v : a->json().array())
            walk->users.append(toUser(v.toObject()));
        walk->userIndex = 0;
        walk->page = page;
        walk->usersSeen += walk->users.size();
        walk->usersTotal = totalNumber(*a);
        walk->lastUserPage =
            walk->users.size() < walk->self->m_pageSize || (walk->usersTotal && walk->usersSeen >= *walk->usersTotal);
        walk->self->nextUser(walk);
    });
}

void LogtoConnector::nextUser(std::shared_ptr<Walk> walk)
{
    if (walk->userIndex >= walk->users.size() || walk->full()) {
        finishUserPage(walk);
        return;
    }
    const IdpUser user = walk->users.at(walk->userIndex++);
    userSessions(user, walk->context, [walk](Result<QList<IdpSession>> sessions) {
        if (!walk->self)
            return;
        if (!sessions) {
            walk->done(Status(sessions.error()));
            return;
        }
        for (const IdpSession &s : sessions.value()) {
            if (walk->full())
                break;
            if (walk->query.clientId.isEmpty() || hasClient(s, walk->query.clientId))
                walk->pending.append(s);
        }
        walk->self->nextUser(walk);
    });
}

// One page of sessions per page of users walked.
void LogtoConnector::finishUserPage(std::shared_ptr<Walk> walk)
{
    walk->received += walk->pending.size();
    const QList<IdpSession> page = std::exchange(walk->pending, {});
    const bool last = walk->lastUserPage || (walk->query.limit > 0 && walk->received >= walk->query.limit);
    walk->onPage(page, ListProgress{walk->received, last ? std::optional<qint64>(walk->received) : std::nullopt});
    if (last) {
        walk->done(Status());
        return;
    }
    userPage(walk, walk->page + 1);
}

LogoutSupport LogtoConnector::logoutSupport() const
{
    LogoutSupport support;
    support.endsSessions = true;
    support.sendsTokens = false;
    support.maxBatch = 1;
    support.noTokensReason =
        Tr::tr("Logto's Management API ends sessions without sending logout tokens: Logto sends back-channel logout "
               "only when the user logs out through an RP (RP-initiated logout).");
    support.resendAdvice =
        Tr::tr("Logto cannot send a logout token from its Management API. Ask the RP's operator to end the user's "
               "session in the RP itself, or have the user sign in again and log out through the RP.");
    return support;
}

// revokeGrantsTarget=all also revokes the grants of the session's apps, so their refresh tokens stop
// working: the administrator wants the user out, and no RP hears of it otherwise.
void LogtoConnector::logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                                    Done<LogoutDispatch> done)
{
    Q_UNUSED(concurrency); // one session per call: the run's own fan-out is the concurrency
    if (sessions.size() != 1) {
        answerLater(context, done, Error{Tr::tr("Logto ends one session per call, not %1.").arg(sessions.size())});
        return;
    }
    const IdpSession session = sessions.first();
    QPointer<LogtoConnector> self(this);
    HttpCall call;
    call.method = "DELETE";
    call.url =
        apiUrl(QStringLiteral("/users/") + encoded(session.userId) + QStringLiteral("/sessions/") + encoded(session.id),
               {{QStringLiteral("revokeGrantsTarget"), QStringLiteral("all")}});
    m_http.send(call, context, [self, session, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status >= 200 && a->status <= 299) {
            done(LogoutDispatch{});
            return;
        }
        // Logto answers in JSON with a code ("entity.not_exists", ...) for a session or user it does not
        // have; a route it does not have is a plain-text 404.
        const bool logtoAnswered = a->json().object().contains(QLatin1String("code"));
        if (a->status == 404 && !logtoAnswered) {
            done(Error{Tr::tr("This Logto cannot end sessions: DELETE /api/users/{id}/sessions/{uid} needs Logto 1.38 "
                              "or later (on 1.37, start it with DEV_FEATURES_ENABLED=1)."),
                       404});
            return;
        }
        if (a->status == 404) {
            done(Error{Tr::tr("Logto has no session %1 of user %2: the session no longer exists (it ended, expired or "
                              "was logged out elsewhere).")
                           .arg(session.id, session.userName.isEmpty() ? session.userId : session.userName),
                       404});
            return;
        }
        done(self->apiFailure(*a, Tr::tr("ending session %1").arg(session.id)));
    });
}

void LogtoConnector::testConnection(QObject *context, Done<ConnectionReport> done)
{
    QPointer<LogtoConnector> self(this);
    facts(context, [self, context, done](Result<IdpFacts> f) {
        if (!self)
            return;
        if (!f) {
            done(f.error());
            return;
        }
        self->relyingParties(context, [self, f, context, done](Result<QList<RelyingParty>> rps) {
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
            // Whether sessions can be listed at all (1.38+) shows on the first user's sessions.
            const QUrl firstUser =
                self->apiUrl(QStringLiteral("/users"), {{QStringLiteral("page"), QStringLiteral("1")},
                                                        {QStringLiteral("page_size"), QStringLiteral("1")}});
            self->getJson(
                firstUser, Tr::tr("the users list"), context,
                [self, r, context, done](Result<HttpAnswer> users) mutable {
                    if (!self)
                        return;
                    if (!users) {
                        done(users.error());
                        return;
                    }
                    if (const std::optional<qint64> total = totalNumber(*users))
                        r.notes << Tr::tr("%n user(s) to walk for an application's sessions", nullptr, int(*total));
                    const QJsonArray list = users->json().array();
                    if (list.isEmpty()) {
                        done(r);
                        return;
                    }
                    self->userSessions(
                        toUser(list.first().toObject()), context, [r, done](Result<QList<IdpSession>> s) mutable {
                            if (!s && s.error().code != 404) {
                                done(s.error());
                                return;
                            }
                            if (!s) {
                                r.notes.prepend(s.errorString());
                                r.capabilities &= ~IdpCapabilities(IdpCapability::SessionsPerRpByWalking |
                                                                   IdpCapability::SessionsPerUser);
                            }
                            done(r);
                        });
                });
        });
    });
}

} // namespace signoff
