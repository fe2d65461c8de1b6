#include "KeycloakConnector.h"

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
    Q_DECLARE_TR_FUNCTIONS(KeycloakConnector)
};

const QString kViewClients = QStringLiteral("view-clients");
const QString kViewUsers = QStringLiteral("view-users");
const QString kQueryUsers = QStringLiteral("query-users");
const QString kViewRealm = QStringLiteral("view-realm");
const QString kManageUsers = QStringLiteral("manage-users");

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

QString pathSegment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

std::optional<QDateTime> epochMillis(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC);
}

std::optional<QString> optionalString(const QJsonValue &v)
{
    return v.isString() && !v.toString().isEmpty() ? std::optional<QString>(v.toString()) : std::nullopt;
}

// Keycloak keeps client settings as strings in attributes: "true"/"false".
bool attributeFlag(const QJsonObject &attributes, const char *key)
{
    return attributes.value(QLatin1String(key)).toString() == QLatin1String("true");
}

RelyingParty toRp(const QJsonObject &o)
{
    const QJsonObject attributes = o.value(QLatin1String("attributes")).toObject();
    RelyingParty rp;
    rp.clientId = o.value(QLatin1String("clientId")).toString();
    rp.internalId = o.value(QLatin1String("id")).toString();
    rp.name = o.value(QLatin1String("name")).toString();
    rp.backchannelLogoutUri = attributes.value(QLatin1String("backchannel.logout.url")).toString();
    rp.sessionRequired = attributeFlag(attributes, "backchannel.logout.session.required");
    rp.enabled = o.value(QLatin1String("enabled")).toBool(true);
    rp.frontchannelLogout = o.value(QLatin1String("frontchannelLogout")).toBool();
    rp.frontchannelLogoutUri = attributes.value(QLatin1String("frontchannel.logout.url")).toString();
    rp.rootUrl = o.value(QLatin1String("rootUrl")).toString();
    return rp;
}

// UserSessionRepresentation. Keycloak's logout token carries the user-session id as sid (for every
// client alike), so that is the per-RP sid; clients maps client UUID -> clientId.
IdpSession toSession(const QJsonObject &o)
{
    IdpSession s;
    s.id = o.value(QLatin1String("id")).toString();
    s.userId = o.value(QLatin1String("userId")).toString();
    s.userName = o.value(QLatin1String("username")).toString();
    s.ip = optionalString(o.value(QLatin1String("ipAddress")));
    s.started = epochMillis(o.value(QLatin1String("start")));
    s.lastAccess = epochMillis(o.value(QLatin1String("lastAccess")));
    const QJsonObject clients = o.value(QLatin1String("clients")).toObject();
    s.rps.reserve(clients.size());
    for (auto it = clients.begin(); it != clients.end(); ++it)
        s.rps.append({it.value().toString(), s.id});
    return s;
}

bool hasClient(const IdpSession &s, const QString &clientId)
{
    return std::any_of(s.rps.begin(), s.rps.end(), [&](const SessionRp &rp) { return rp.clientId == clientId; });
}

void mergeRps(IdpSession &into, const IdpSession &from)
{
    for (const SessionRp &rp : from.rps)
        if (!hasClient(into, rp.clientId))
            into.rps.append(rp);
}
} // namespace

struct KeycloakConnector::Walk
{
    QPointer<KeycloakConnector> self;
    SessionQuery query;
    QObject *context = nullptr;
    PageCallback onPage;
    StatusCallback done;
    qint64 received = 0;
    QString userId; // per-user listing, once resolved
    // All sessions of the realm: every client's sessions, merged by session id.
    QList<RelyingParty> clients;
    int clientIndex = 0;
    QList<IdpSession> merged;
    QHash<QString, qsizetype> indexById;

    int remaining() const { return query.limit > 0 ? int(query.limit - received) : INT_MAX; }
    bool full() const { return query.limit > 0 && received >= query.limit; }
};

KeycloakConnector::KeycloakConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret,
                                     QObject *parent)
    : IdpConnector(parent)
    , m_http(nam, profile)
    , m_secret(std::move(secret))
{
    m_http.setTokenSource([this](QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done) {
        requestToken(context, std::move(done));
    });
}

IdpCapabilities KeycloakConnector::capabilities() const
{
    return IdpCapability::ListRelyingParties | IdpCapability::SessionsPerRp | IdpCapability::SessionsPerUser |
           IdpCapability::SessionCounts;
}

QStringList KeycloakConnector::limitations() const
{
    return {Tr::tr("Keycloak does not report whether each RP accepted its logout token: deliveries stay "
                   "unconfirmed unless they pass through Signoff's mock RP or relay"),
            Tr::tr("Keycloak's \"logout all\" sends no OIDC logout tokens: Signoff logs out session by session")};
}

QUrl KeycloakConnector::adminUrl(const QString &path, const QList<std::pair<QString, QString>> &query) const
{
    QUrl url = m_http.url(QStringLiteral("/admin/realms/") + pathSegment(m_http.profile().realm) + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &[key, value] : query)
            q.addQueryItem(key, pathSegment(value));
        url.setQuery(q);
    }
    return url;
}

QString KeycloakConnector::realmMissing() const
{
    return Tr::tr("The realm \"%1\" does not exist on %2: check the realm name in the profile (it is case-sensitive).")
        .arg(m_http.profile().realm, m_http.profile().baseUrl.host());
}

void KeycloakConnector::requestToken(QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done)
{
    QPointer<KeycloakConnector> self(this);
    m_secret(context, [self, context, done](Result<QString> secret) {
        if (!self)
            return;
        if (!secret) {
            done(secret.error());
            return;
        }
        const Profile &p = self->m_http.profile();
        HttpCall call;
        call.method = "POST";
        call.url = self->m_http.url(QStringLiteral("/realms/") + pathSegment(p.realm) +
                                    QStringLiteral("/protocol/openid-connect/token"));
        call.authorize = false;
        call.contentType = "application/x-www-form-urlencoded";
        if (p.authMethod == AuthMethod::Password) {
            const QString client = p.clientId.isEmpty() ? QStringLiteral("admin-cli") : p.clientId;
            call.body = "grant_type=password&" + formField("client_id", client) + '&' +
                        formField("username", p.username) + '&' + formField("password", secret.value());
        } else {
            call.body = "grant_type=client_credentials&" + formField("client_id", p.clientId) + '&' +
                        formField("client_secret", secret.value());
        }
        self->m_http.exchangeToken(
            call, QStringLiteral("Keycloak"),
            [self](const HttpAnswer &answer) {
                return self ? self->tokenFailure(answer) : Error{QString(), IdpAuthFailed};
            },
            context, done);
    });
}

Error KeycloakConnector::tokenFailure(const HttpAnswer &a) const
{
    const Profile &p = m_http.profile();
    const QJsonObject o = a.json().object();
    const QString error = o.value(QLatin1String("error")).toString();
    const QString description = o.value(QLatin1String("error_description")).toString();
    if (a.status == 404)
        return {realmMissing(), IdpAuthFailed};
    if (error == QLatin1String("invalid_client"))
        return {Tr::tr("Keycloak does not accept the secret of client \"%1\" in realm \"%2\": it is wrong, or it "
                       "expired or was regenerated (copy the current one from the client's Credentials tab).")
                    .arg(p.clientId, p.realm),
                IdpAuthFailed};
    if (error == QLatin1String("unauthorized_client"))
        return {Tr::tr("Client \"%1\" may not sign in with %2 (%3): enable its service account, or use the password "
                       "grant with admin-cli.")
                    .arg(p.clientId, authMethodId(p.authMethod), description),
                IdpAuthFailed};
    if (error == QLatin1String("invalid_grant") && p.authMethod == AuthMethod::Password)
        return {
            Tr::tr("Keycloak refused user \"%1\" in realm \"%2\": %3.")
                .arg(p.username, p.realm, description.isEmpty() ? Tr::tr("wrong user name or password") : description),
            IdpAuthFailed};
    return {IdpHttpClient::describeStatus(a, Tr::tr("an admin token")), IdpAuthFailed};
}

Error KeycloakConnector::adminFailure(const HttpAnswer &a, const Purpose &purpose) const
{
    const Profile &p = m_http.profile();
    if (a.status == 403 && !purpose.role.isEmpty()) {
        const QString account = p.authMethod == AuthMethod::Password
                                    ? Tr::tr("user \"%1\"").arg(p.username)
                                    : Tr::tr("the service account of client \"%1\"").arg(p.clientId);
        return {Tr::tr("Keycloak refused %1: %2 lacks the realm-management role %3 (assign it in realm \"%4\").")
                    .arg(purpose.what, account, purpose.role, p.realm),
                a.status};
    }
    if (a.status == 404 && purpose.notFoundIsRealm)
        return {realmMissing(), a.status};
    return {IdpHttpClient::describeStatus(a, purpose.what), a.status};
}

void KeycloakConnector::getJson(const QUrl &url, const Purpose &purpose, QObject *context, JsonDone done)
{
    QPointer<KeycloakConnector> self(this);
    HttpCall call;
    call.url = url;
    m_http.send(call, context, [self, purpose, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status < 200 || a->status > 299) {
            done(self->adminFailure(*a, purpose));
            return;
        }
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(a->body, &err);
        if (err.error != QJsonParseError::NoError) {
            done(Error{Tr::tr("Keycloak answered %1 with something that is not JSON (%2).")
                           .arg(purpose.what, err.errorString()),
                       IdpBadAnswer});
            return;
        }
        done(doc);
    });
}

void KeycloakConnector::facts(QObject *context, Done<IdpFacts> done)
{
    QPointer<KeycloakConnector> self(this);
    HttpCall call;
    call.url = m_http.url(QStringLiteral("/realms/") + pathSegment(m_http.profile().realm) +
                          QStringLiteral("/.well-known/openid-configuration"));
    call.authorize = false;
    m_http.send(call, context, [self, context, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status == 404) {
            done(Error{self->realmMissing(), 404});
            return;
        }
        if (a->status != 200) {
            done(Error{IdpHttpClient::describeStatus(*a, Tr::tr("the realm's discovery document")), a->status});
            return;
        }
        const QJsonObject d = a->json().object();
        IdpFacts f;
        f.kind = QStringLiteral("keycloak");
        f.issuer = d.value(QLatin1String("issuer")).toString();
        if (d.contains(QLatin1String("backchannel_logout_supported")))
            f.backchannelLogoutSupported = d.value(QLatin1String("backchannel_logout_supported")).toBool();
        if (d.contains(QLatin1String("backchannel_logout_session_supported")))
            f.backchannelLogoutSessionSupported =
                d.value(QLatin1String("backchannel_logout_session_supported")).toBool();
        // The version is a courtesy: serverinfo needs rights many admin accounts do not have.
        HttpCall info;
        info.url = self->m_http.url(QStringLiteral("/admin/serverinfo"));
        self->m_http.send(info, context, [f, done](Result<HttpAnswer> s) mutable {
            if (s && s->status == 200)
                f.version = s->json()
                                .object()
                                .value(QLatin1String("systemInfo"))
                                .toObject()
                                .value(QLatin1String("version"))
                                .toString();
            done(f);
        });
    });
}

void KeycloakConnector::relyingParties(QObject *context, Done<QList<RelyingParty>> done)
{
    QPointer<KeycloakConnector> self(this);
    clientPage(0, {}, context, [self, context, done](Result<QList<RelyingParty>> rps) {
        if (!self)
            return;
        if (!rps) {
            done(rps.error());
            return;
        }
        self->addSessionCounts(rps.value(), context, done);
    });
}

void KeycloakConnector::clientPage(int first, QList<RelyingParty> acc, QObject *context, ClientsDone done)
{
    QPointer<KeycloakConnector> self(this);
    const QUrl url = adminUrl(QStringLiteral("/clients"), {{QStringLiteral("first"), QString::number(first)},
                                                           {QStringLiteral("max"), QString::number(m_pageSize)}});
    getJson(url, {Tr::tr("the clients list"), kViewClients}, context,
            [self, first, acc, context, done](Result<QJsonDocument> doc) mutable {
                if (!self)
                    return;
                if (!doc) {
                    done(doc.error());
                    return;
                }
                const QJsonArray items = doc->array();
                for (const QJsonValue &v : items)
                    acc.append(toRp(v.toObject()));
                if (items.size() < self->m_pageSize) {
                    done(acc);
                    return;
                }
                self->clientPage(first + int(items.size()), std::move(acc), context, std::move(done));
            });
}

// Session counts come from one call for the whole realm; it lists only clients that have
// sessions, so a client it leaves out has none. Without view-realm the counts stay unknown rather
// than zero.
void KeycloakConnector::addSessionCounts(QList<RelyingParty> rps, QObject *context, ClientsDone done)
{
    getJson(adminUrl(QStringLiteral("/client-session-stats")), {Tr::tr("the session counts"), kViewRealm}, context,
            [rps, done](Result<QJsonDocument> doc) mutable {
                if (!doc) {
                    if (doc.error().code == 403)
                        done(rps);
                    else
                        done(doc.error());
                    return;
                }
                QHash<QString, qint64> counts;
                for (const QJsonValue &v : doc->array()) {
                    const QJsonObject o = v.toObject();
                    counts.insert(o.value(QLatin1String("id")).toString(),
                                  o.value(QLatin1String("active")).toVariant().toLongLong());
                }
                for (RelyingParty &rp : rps)
                    rp.sessionCount = counts.value(rp.internalId, 0);
                done(rps);
            });
}

void KeycloakConnector::users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done)
{
    QList<std::pair<QString, QString>> query{{QStringLiteral("first"), QStringLiteral("0")},
                                             {QStringLiteral("max"), QString::number(qBound(1, limit, 1000))},
                                             {QStringLiteral("briefRepresentation"), QStringLiteral("true")}};
    if (!search.isEmpty())
        query.append({QStringLiteral("search"), search});
    getJson(adminUrl(QStringLiteral("/users"), query),
            {Tr::tr("the users list"), Tr::tr("%1 (or %2)").arg(kViewUsers, kQueryUsers)}, context,
            [done](Result<QJsonDocument> doc) {
                if (!doc) {
                    done(doc.error());
                    return;
                }
                QList<IdpUser> users;
                for (const QJsonValue &v : doc->array()) {
                    const QJsonObject o = v.toObject();
                    const QString display = QStringList{o.value(QLatin1String("firstName")).toString(),
                                                        o.value(QLatin1String("lastName")).toString()}
                                                .join(QLatin1Char(' '))
                                                .trimmed();
                    users.append({o.value(QLatin1String("id")).toString(),
                                  o.value(QLatin1String("username")).toString(), display});
                }
                done(users);
            });
}

void KeycloakConnector::findClient(const QString &clientId, QObject *context, Done<RelyingParty> done)
{
    const QString realm = m_http.profile().realm;
    getJson(adminUrl(QStringLiteral("/clients"), {{QStringLiteral("clientId"), clientId}}),
            {Tr::tr("the clients list"), kViewClients}, context, [clientId, realm, done](Result<QJsonDocument> doc) {
                if (!doc) {
                    done(doc.error());
                    return;
                }
                for (const QJsonValue &v : doc->array()) {
                    const RelyingParty rp = toRp(v.toObject());
                    if (rp.clientId == clientId) {
                        done(rp);
                        return;
                    }
                }
                done(Error{Tr::tr("Realm \"%1\" has no client \"%2\".").arg(realm, clientId), 404});
            });
}

// A user is named by user name (exact) or by id.
void KeycloakConnector::resolveUser(const QString &user, QObject *context, Done<IdpUser> done)
{
    QPointer<KeycloakConnector> self(this);
    const Purpose purpose{Tr::tr("the users list"), Tr::tr("%1 (or %2)").arg(kViewUsers, kQueryUsers)};
    const QUrl byName = adminUrl(QStringLiteral("/users"), {{QStringLiteral("username"), user},
                                                            {QStringLiteral("exact"), QStringLiteral("true")}});
    getJson(byName, purpose, context, [self, user, context, done](Result<QJsonDocument> doc) {
        if (!self)
            return;
        if (!doc) {
            done(doc.error());
            return;
        }
        for (const QJsonValue &v : doc->array()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("username")).toString().compare(user, Qt::CaseInsensitive) == 0) {
                done(IdpUser{o.value(QLatin1String("id")).toString(), o.value(QLatin1String("username")).toString(),
                             QString()});
                return;
            }
        }
        const QString realm = self->m_http.profile().realm;
        self->getJson(self->adminUrl(QStringLiteral("/users/") + pathSegment(user)),
                      {Tr::tr("user %1").arg(user), kViewUsers, false}, context,
                      [user, realm, done](Result<QJsonDocument> byId) {
                          if (!byId) {
                              done(byId.error().code == 404
                                       ? Error{Tr::tr("Realm \"%1\" has no user \"%2\" (looked up by user name and by "
                                                      "id).")
                                                   .arg(realm, user),
                                               404}
                                       : byId.error());
                              return;
                          }
                          const QJsonObject o = byId->object();
                          done(IdpUser{o.value(QLatin1String("id")).toString(),
                                       o.value(QLatin1String("username")).toString(), QString()});
                      });
    });
}

void KeycloakConnector::sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done)
{
    auto walk = std::make_shared<Walk>();
    walk->self = this;
    walk->query = query;
    walk->query.pageSize = qBound(1, query.pageSize, 1000);
    walk->context = context;
    walk->onPage = std::move(onPage);
    walk->done = std::move(done);
    if (!query.user.isEmpty()) {
        resolveUser(query.user, context, [walk](Result<IdpUser> user) {
            if (!walk->self)
                return;
            if (!user) {
                walk->done(Status(user.error()));
                return;
            }
            walk->userId = user->id;
            walk->self->userSessions(walk);
        });
        return;
    }
    if (!query.clientId.isEmpty()) {
        findClient(query.clientId, context, [walk](Result<RelyingParty> rp) {
            if (!walk->self)
                return;
            if (!rp) {
                walk->done(Status(rp.error()));
                return;
            }
            walk->self->clientSessionPage(walk, rp->internalId, 0);
        });
        return;
    }
    walkAllClients(walk);
}

// One client's sessions, first/max until a short page. In the realm-wide walk the pages are merged
// instead of handed on.
void KeycloakConnector::clientSessionPage(std::shared_ptr<Walk> walk, const QString &uuid, int first)
{
    const bool merging = walk->query.clientId.isEmpty();
    const int max = merging ? walk->query.pageSize : qMin(walk->query.pageSize, walk->remaining());
    const QUrl url =
        adminUrl(QStringLiteral("/clients/") + pathSegment(uuid) + QStringLiteral("/user-sessions"),
                 {{QStringLiteral("first"), QString::number(first)}, {QStringLiteral("max"), QString::number(max)}});
    getJson(url, {Tr::tr("the client's sessions"), kViewClients}, walk->context,
            [walk, uuid, first, max, merging](Result<QJsonDocument> doc) {
                if (!walk->self)
                    return;
                if (!doc) {
                    walk->done(Status(doc.error()));
                    return;
                }
                const QJsonArray items = doc->array();
                if (merging) {
                    for (const QJsonValue &v : items) {
                        IdpSession s = toSession(v.toObject());
                        if (const auto it = walk->indexById.constFind(s.id); it != walk->indexById.cend()) {
                            mergeRps(walk->merged[*it], s);
                        } else {
                            walk->indexById.insert(s.id, walk->merged.size());
                            walk->merged.append(std::move(s));
                        }
                    }
                } else {
                    QList<IdpSession> page;
                    page.reserve(items.size());
                    for (const QJsonValue &v : items)
                        page.append(toSession(v.toObject()));
                    walk->received += page.size();
                    walk->onPage(page, ListProgress{walk->received, std::nullopt});
                }
                if (items.size() < max || (!merging && walk->full())) {
                    if (merging)
                        walk->self->walkNextClient(walk);
                    else
                        walk->done(Status());
                    return;
                }
                walk->self->clientSessionPage(walk, uuid, first + int(items.size()));
            });
}

// Keycloak lists a user's sessions in one answer, without paging.
void KeycloakConnector::userSessions(std::shared_ptr<Walk> walk)
{
    getJson(adminUrl(QStringLiteral("/users/") + pathSegment(walk->userId) + QStringLiteral("/sessions")),
            {Tr::tr("the user's sessions"), kViewUsers, false}, walk->context, [walk](Result<QJsonDocument> doc) {
                if (!walk->self)
                    return;
                if (!doc) {
                    walk->done(Status(doc.error()));
                    return;
                }
                QList<IdpSession> page;
                for (const QJsonValue &v : doc->array()) {
                    IdpSession s = toSession(v.toObject());
                    if (!walk->query.clientId.isEmpty() && !hasClient(s, walk->query.clientId))
                        continue;
                    if (walk->full())
                        break;
                    page.append(std::move(s));
                    ++walk->received;
                }
                walk->onPage(page, ListProgress{walk->received, walk->received});
                walk->done(Status());
            });
}

// Keycloak has no realm-wide session list: every client's sessions are read, and a session seen
// under several clients is merged into one. The merged list is handed on at the end, as a session
// found under a later client may still gain RPs.
void KeycloakConnector::walkAllClients(std::shared_ptr<Walk> walk)
{
    clientPage(0, {}, walk->context, [walk](Result<QList<RelyingParty>> clients) {
        if (!walk->self)
            return;
        if (!clients) {
            walk->done(Status(clients.error()));
            return;
        }
        walk->clients = clients.value();
        walk->self->walkNextClient(walk);
    });
}

void KeycloakConnector::walkNextClient(std::shared_ptr<Walk> walk)
{
    if (walk->clientIndex < walk->clients.size()) {
        const QString uuid = walk->clients.at(walk->clientIndex++).internalId;
        clientSessionPage(walk, uuid, 0);
        return;
    }
    const qint64 total =
        walk->query.limit > 0 ? qMin<qint64>(walk->merged.size(), walk->query.limit) : walk->merged.size();
    for (qint64 at = 0; at < total; at += walk->query.pageSize) {
        const QList<IdpSession> page = walk->merged.mid(at, qMin<qint64>(walk->query.pageSize, total - at));
        walk->received += page.size();
        walk->onPage(page, ListProgress{walk->received, total});
    }
    if (total == 0)
        walk->onPage({}, ListProgress{0, 0});
    walk->done(Status());
}

LogoutSupport KeycloakConnector::logoutSupport() const
{
    LogoutSupport support;
    support.endsSessions = true;
    support.sendsTokens = true;
    support.maxBatch = 1;
    support.resendAdvice =
        Tr::tr("Keycloak cannot send a logout token again once the session is gone. Ask the RP's operator to end "
               "the user's session in the RP itself, or, once the RP is fixed, have the user sign in again and log "
               "them out once more.");
    return support;
}

int KeycloakConnector::logoutTimeoutMs(const IdpSession &session) const
{
    return m_logoutBaseMs + m_logoutPerRpMs * int(session.rps.size());
}

void KeycloakConnector::logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                                       Done<LogoutDispatch> done)
{
    Q_UNUSED(concurrency); // one session per call: the run's own fan-out is the concurrency
    if (sessions.size() != 1) {
        answerLater(context, done, Error{Tr::tr("Keycloak ends one session per call, not %1.").arg(sessions.size())});
        return;
    }
    const IdpSession session = sessions.first();
    QPointer<KeycloakConnector> self(this);
    HttpCall call;
    call.method = "DELETE";
    call.url = adminUrl(QStringLiteral("/sessions/") + pathSegment(session.id));
    call.timeoutMs = logoutTimeoutMs(session);
    m_http.send(call, context, [self, session, done](Result<HttpAnswer> a) {
        if (!self)
            return;
        if (a && a->status >= 200 && a->status <= 299) {
            done(LogoutDispatch{}); // no run id, no expected list: Keycloak reports nothing back
            return;
        }
        done(self->logoutFailure(a, session));
    });
}

Error KeycloakConnector::logoutFailure(const Result<HttpAnswer> &a, const IdpSession &session) const
{
    if (!a) {
        if (a.error().code != IdpTimeout)
            return a.error();
        // The tokens go out inside the request, so a timeout leaves the outcome open.
        return {Tr::tr("Keycloak did not answer the logout of session %1 within %2 s: it may still be sending logout "
                       "tokens, and the session may or may not have ended — list the user's sessions to see.")
                    .arg(session.id)
                    .arg(logoutTimeoutMs(session) / 1000),
                IdpTimeout};
    }
    if (a->status == 404) {
        if (a->json().object().value(QLatin1String("error")).toString().contains(QLatin1String("Realm")))
            return {realmMissing(), 404};
        return {Tr::tr("Keycloak has no session %1: the session no longer exists (it ended, expired or was logged out "
                       "elsewhere).")
                    .arg(session.id),
                404};
    }
    return adminFailure(*a, {Tr::tr("ending session %1").arg(session.id), kManageUsers, false});
}

void KeycloakConnector::testConnection(QObject *context, Done<ConnectionReport> done)
{
    QPointer<KeycloakConnector> self(this);
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
            if (!rps->isEmpty() && !rps->first().sessionCount)
                r.notes << Tr::tr("Session counts need the realm-management role %1.").arg(kViewRealm);
            r.notes << self->limitations();
            done(r);
        });
    });
}

} // namespace signoff
