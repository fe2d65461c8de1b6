#include "SandboxConnector.h"

#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SandboxConnector)
};

std::optional<QDateTime> epochSeconds(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(v.toDouble()), Qt::UTC);
}

std::optional<QString> optionalString(const QJsonValue &v)
{
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

IdpSession toSession(const QJsonObject &o)
{
    IdpSession s;
    s.id = o.value(QLatin1String("uid")).toString();
    s.userId = o.value(QLatin1String("sub")).toString();
    s.userName = o.value(QLatin1String("user_name")).toString();
    s.ip = optionalString(o.value(QLatin1String("ip")));
    s.started = epochSeconds(o.value(QLatin1String("loginTs")));
    s.lastAccess = epochSeconds(o.value(QLatin1String("last_access")));
    const QJsonArray clients = o.value(QLatin1String("clients")).toArray();
    s.rps.reserve(clients.size());
    for (const QJsonValue &c : clients) {
        const QJsonObject co = c.toObject();
        s.rps.append({co.value(QLatin1String("client_id")).toString(), optionalString(co.value(QLatin1String("sid")))});
    }
    return s;
}

RelyingParty toRp(const QJsonObject &o)
{
    RelyingParty rp;
    rp.clientId = o.value(QLatin1String("client_id")).toString();
    rp.name = o.value(QLatin1String("client_name")).toString();
    rp.backchannelLogoutUri = o.value(QLatin1String("backchannel_logout_uri")).toString();
    rp.sessionRequired = o.value(QLatin1String("backchannel_logout_session_required")).toBool();
    rp.frontchannelLogoutUri = o.value(QLatin1String("frontchannel_logout_uri")).toString();
    if (o.value(QLatin1String("sessions")).isDouble())
        rp.sessionCount = qint64(o.value(QLatin1String("sessions")).toDouble());
    return rp;
}

// The top-level string member `name` of a JSON object, read without building the document:
// strings are skipped with their escapes and nested values by depth, so a member of the same
// name inside a nested value, or the name's text inside a string, is never taken.
std::optional<QString> topLevelString(const QByteArray &json, QByteArrayView name)
{
    const char *p = json.constData();
    const char *const end = p + json.size();
    auto skipString = [end](const char *s) -> const char * { // s on the opening quote
        for (++s; s < end; ++s) {
            if (*s == '\\')
                ++s;
            else if (*s == '"')
                return s + 1;
        }
        return nullptr;
    };
    auto skipSpace = [end](const char *s) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
            ++s;
        return s;
    };
    p = skipSpace(p);
    if (p == end || *p != '{')
        return std::nullopt;
    int depth = 0;
    bool atKey = false;
    for (; p < end; ++p) {
        switch (*p) {
        case '"': {
            const char *after = skipString(p);
            if (!after)
                return std::nullopt;
            if (depth == 1 && atKey) {
                atKey = false;
                const bool match = QByteArrayView(p + 1, after - 1 - (p + 1)) == name;
                const char *v = skipSpace(after);
                if (v == end || *v != ':')
                    return std::nullopt;
                v = skipSpace(v + 1);
                if (match) {
                    if (v == end || *v != '"')
                        return std::nullopt;
                    const char *valueEnd = skipString(v);
                    if (!valueEnd)
                        return std::nullopt;
                    // Escapes decoded by the JSON parser itself, on just this string.
                    const QJsonArray one = QJsonDocument::fromJson('[' + QByteArray(v, valueEnd - v) + ']').array();
                    return one.size() == 1 && one.at(0).isString() ? std::optional(one.at(0).toString()) : std::nullopt;
                }
                p = v - 1;
            } else {
                p = after - 1;
            }
            break;
        }
        case '{':
        case '[':
            ++depth;
            atKey = depth == 1;
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ',':
            atKey = depth == 1;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// The 202 answer of /admin/logout and /admin/resend.
Result<LogoutDispatch> toDispatch(const QJsonObject &o, const QString &path)
{
    LogoutDispatch d;
    d.idpRunId = o.value(QLatin1String("run_id")).toString();
    if (d.idpRunId.isEmpty())
        return Error{Tr::tr("The sandbox accepted %1 but named no run to follow.").arg(path), IdpBadAnswer};
    if (o.value(QLatin1String("events_cursor")).isDouble())
        d.eventsCursor = qint64(o.value(QLatin1String("events_cursor")).toDouble());
    const QJsonArray expected = o.value(QLatin1String("expected")).toArray();
    d.expected.reserve(expected.size());
    for (const QJsonValue &v : expected) {
        const QJsonObject e = v.toObject();
        IdpExpectedDelivery x;
        x.sessionId = optionalString(e.value(QLatin1String("session"))).value_or(QString());
        x.userId = e.value(QLatin1String("sub")).toString();
        x.clientId = e.value(QLatin1String("client_id")).toString();
        x.sid = optionalString(e.value(QLatin1String("sid"))).value_or(QString());
        x.deliver = e.value(QLatin1String("action")).toString() != QLatin1String("skip");
        x.skipReason = optionalString(e.value(QLatin1String("reason"))).value_or(QString());
        d.expected.append(x);
    }
    d.notFound = stringList(o.value(QLatin1String("not_found")));
    d.inProgressElsewhere = stringList(o.value(QLatin1String("in_progress_elsewhere")));
    return d;
}
} // namespace

SandboxConnector::SandboxConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret,
                                   QObject *parent)
    : IdpConnector(parent)
    , m_http(nam, profile)
    , m_secret(std::move(secret))
{
    m_http.setTokenSource([this](QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done) {
        m_secret(context, [this, context, done](Result<QString> secret) {
            if (!secret) {
                done(secret.error());
                return;
            }
            HttpCall call;
            call.method = "POST";
            call.url = m_http.url(QStringLiteral("/token"));
            call.authorize = false;
            call.contentType = "application/x-www-form-urlencoded";
            call.body = "grant_type=client_credentials&scope=admin";
            const QByteArray credentials = QByteArray(kSandboxAdminClientId) + ':' + secret->toUtf8();
            call.headers.append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
            m_http.exchangeToken(
                call, QStringLiteral("The sandbox"),
                [](const HttpAnswer &a) {
                    return Error{a.status == 401
                                     ? Tr::tr("The sandbox does not accept Signoff's admin secret: it was "
                                              "started with another one (stop it and let Signoff start it).")
                                     : IdpHttpClient::describeStatus(a, Tr::tr("an admin token")),
                                 IdpAuthFailed};
                },
                context, done);
        });
    });
}

IdpCapabilities SandboxConnector::capabilities() const
{
    return IdpCapability::ListRelyingParties | IdpCapability::SessionsPerRp | IdpCapability::SessionsPerUser |
           IdpCapability::SessionCounts | IdpCapability::ReportsDeliveryOutcomes;
}

QStringList SandboxConnector::limitations() const
{
    return {};
}

void SandboxConnector::facts(QObject *context, Done<IdpFacts> done)
{
    QPointer<SandboxConnector> self(this);
    HttpCall call;
    call.url = m_http.url(QStringLiteral("/.well-known/openid-configuration"));
    call.authorize = false;
    m_http.send(call, context, [self, context, done](Result<HttpAnswer> a) {
        if (!a || a->status != 200) {
            done(a ? Error{IdpHttpClient::describeStatus(*a, Tr::tr("discovery document")), a->status} : a.error());
            return;
        }
        const QJsonObject d = a->json().object();
        IdpFacts f;
        f.kind = QStringLiteral("sandbox");
        f.issuer = d.value(QLatin1String("issuer")).toString();
        if (d.contains(QLatin1String("backchannel_logout_supported")))
            f.backchannelLogoutSupported = d.value(QLatin1String("backchannel_logout_supported")).toBool();
        if (d.contains(QLatin1String("backchannel_logout_session_supported")))
            f.backchannelLogoutSessionSupported =
                d.value(QLatin1String("backchannel_logout_session_supported")).toBool();
        if (!self)
            return;
        HttpCall health;
        health.url = self->m_http.url(QStringLiteral("/admin/health"));
        health.authorize = false;
        self->m_http.send(health, context, [f, done](Result<HttpAnswer> h) mutable {
            if (h && h->status == 200)
                f.version = h->json().object().value(QLatin1String("version")).toString();
            done(f);
        });
    });
}

void SandboxConnector::relyingParties(QObject *context, Done<QList<RelyingParty>> done)
{
    m_http.getJson(m_http.url(QStringLiteral("/admin/clients")), context, [done](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        QList<RelyingParty> rps;
        for (const QJsonValue &v : a->json().object().value(QLatin1String("items")).toArray())
            rps.append(toRp(v.toObject()));
        done(rps);
    });
}

void SandboxConnector::users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done)
{
    QUrl url = m_http.url(QStringLiteral("/admin/users"));
    QUrlQuery q;
    if (!search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), QString::fromLatin1(QUrl::toPercentEncoding(search)));
    q.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 5000)));
    url.setQuery(q);
    m_http.getJson(url, context, [done](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        QList<IdpUser> users;
        for (const QJsonValue &v : a->json().object().value(QLatin1String("items")).toArray()) {
            const QJsonObject o = v.toObject();
            users.append({o.value(QLatin1String("sub")).toString(), o.value(QLatin1String("username")).toString(),
                          o.value(QLatin1String("name")).toString()});
        }
        done(users);
    });
}

void SandboxConnector::sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done)
{
    auto walk = std::make_shared<SessionWalk>();
    walk->query = query;
    walk->context = context;
    walk->onPage = std::move(onPage);
    walk->done = std::move(done);
    sessionPage(walk, QString());
}

void SandboxConnector::endWalk(const std::shared_ptr<SessionWalk> &walk, Status status)
{
    if (walk->ended)
        return;
    walk->ended = true;
    walk->done(std::move(status));
}

void SandboxConnector::sessionPage(const std::shared_ptr<SessionWalk> &walk, const QString &cursor)
{
    const SessionQuery &query = walk->query;
    QUrl url = m_http.url(QStringLiteral("/admin/sessions"));
    QUrlQuery q;
    int pageSize = qBound(1, query.pageSize, 5000);
    if (query.limit > 0)
        pageSize = int(qMin<qint64>(pageSize, query.limit - walk->received));
    q.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
    if (!query.clientId.isEmpty())
        q.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(QUrl::toPercentEncoding(query.clientId)));
    if (!query.user.isEmpty())
        q.addQueryItem(QStringLiteral("user"), QString::fromLatin1(QUrl::toPercentEncoding(query.user)));
    url.setQuery(q);
    QPointer<SandboxConnector> self(this);
    HttpCall call;
    call.url = url;
    m_http.send(call, walk->context, [self, walk, url](Result<HttpAnswer> a) {
        if (walk->ended || !self)
            return;
        if (!a) {
            endWalk(walk, Status(a.error()));
            return;
        }
        if (a->status < 200 || a->status > 299) {
            endWalk(walk, Status(Error{IdpHttpClient::describeStatus(*a, url.path()), a->status}));
            return;
        }
        // A full listing asks for the next page before parsing this one, so the IdP prepares it
        // while the console parses and inserts: the walk then costs about the larger of the two
        // rather than their sum. (A limited listing needs this page's size to size the next.)
        bool prefetched = false;
        if (walk->query.limit <= 0) {
            const std::optional<QString> next = topLevelString(a->body, "next_cursor");
            if (next && !next->isEmpty()) {
                self->sessionPage(walk, *next);
                prefetched = true;
            }
        }
        QJsonParseError err{};
        const QJsonObject o = QJsonDocument::fromJson(a->body, &err).object();
        if (err.error != QJsonParseError::NoError) {
            endWalk(walk, Status(Error{Tr::tr("The IdP answered %1 with something that is not JSON (%2).")
                                           .arg(url.path(), err.errorString()),
                                       IdpBadAnswer}));
            return;
        }
        const QJsonArray items = o.value(QLatin1String("items")).toArray();
        QList<IdpSession> page;
        page.reserve(items.size());
        for (const QJsonValue &v : items)
            page.append(toSession(v.toObject()));
        walk->received += page.size();
        ListProgress progress{walk->received, std::nullopt};
        if (o.value(QLatin1String("total")).isDouble())
            progress.total = qint64(o.value(QLatin1String("total")).toDouble());
        walk->onPage(page, progress);
        const QJsonValue next = o.value(QLatin1String("next_cursor"));
        const bool more = next.isString() && !next.toString().isEmpty() && !page.isEmpty();
        if (!more || (walk->query.limit > 0 && walk->received >= walk->query.limit) || !self) {
            endWalk(walk, Status()); // a prefetched page still on its way is dropped
            return;
        }
        if (!prefetched)
            self->sessionPage(walk, next.toString());
    });
}

void SandboxConnector::testConnection(QObject *context, Done<ConnectionReport> done)
{
    QPointer<SandboxConnector> self(this);
    facts(context, [self, context, done](Result<IdpFacts> f) {
        if (!f || !self) {
            done(f ? Result<ConnectionReport>::failure(QString()) : Result<ConnectionReport>(f.error()));
            return;
        }
        self->relyingParties(context, [self, f, context, done](Result<QList<RelyingParty>> rps) {
            if (!rps || !self) {
                done(rps ? Result<ConnectionReport>::failure(QString()) : Result<ConnectionReport>(rps.error()));
                return;
            }
            ConnectionReport r;
            r.facts = f.value();
            r.relyingParties = int(rps->size());
            r.capabilities = self->capabilities();
            // An admin call proves the token works; health gives the session count cheaply.
            HttpCall health;
            health.url = self->m_http.url(QStringLiteral("/admin/health"));
            health.authorize = false;
            self->m_http.send(health, context, [r, done](Result<HttpAnswer> h) mutable {
                if (h && h->status == 200)
                    r.sessions = qint64(h->json().object().value(QLatin1String("sessions")).toDouble());
                done(r);
            });
        });
    });
}

SandboxEventStream *SandboxConnector::eventStream()
{
    if (!m_feed)
        m_feed = std::make_unique<SandboxEventStream>(&m_http);
    return m_feed.get();
}

LogoutSupport SandboxConnector::logoutSupport() const
{
    LogoutSupport support;
    support.endsSessions = true;
    support.sendsTokens = true;
    support.reportsOutcomes = true;
    support.canResend = true;
    support.maxBatch = kMaxLogoutBatch;
    return support;
}

void SandboxConnector::postJson(const QString &path, const QJsonObject &body, QObject *context, Done<QJsonObject> done)
{
    HttpCall call;
    call.method = "POST";
    call.url = m_http.url(path);
    call.contentType = "application/json";
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_http.send(call, context, [done, path](Result<HttpAnswer> a) {
        if (!a) {
            done(a.error());
            return;
        }
        if (a->status < 200 || a->status > 299) {
            done(Error{IdpHttpClient::describeStatus(*a, path), a->status});
            return;
        }
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(a->body, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            done(Error{Tr::tr("The IdP answered %1 with something that is not a JSON object (%2).")
                           .arg(path, err.errorString()),
                       IdpBadAnswer});
            return;
        }
        done(doc.object());
    });
}

void SandboxConnector::logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                                      Done<LogoutDispatch> done)
{
    if (sessions.isEmpty() || sessions.size() > kMaxLogoutBatch) {
        const Error error{
            Tr::tr("A sandbox logout call takes 1 to %1 sessions, not %2.").arg(kMaxLogoutBatch).arg(sessions.size())};
        answerLater(context, done, error);
        return;
    }
    QJsonArray uids;
    for (const IdpSession &s : sessions)
        uids.append(s.id);
    QJsonObject body{{QStringLiteral("sessions"), uids}};
    if (concurrency > 0)
        body.insert(QStringLiteral("concurrency"), qBound(1, concurrency, 256));
    const QString path = QStringLiteral("/admin/logout");
    postJson(path, body, context, [done, path](Result<QJsonObject> o) {
        done(o ? toDispatch(*o, path) : Result<LogoutDispatch>(o.error()));
    });
}

void SandboxConnector::resend(const QList<ResendItem> &items, int concurrency, QObject *context,
                              Done<LogoutDispatch> done)
{
    if (items.isEmpty() || items.size() > kMaxResendBatch) {
        const Error error{
            Tr::tr("A sandbox resend call takes 1 to %1 deliveries, not %2.").arg(kMaxResendBatch).arg(items.size())};
        answerLater(context, done, error);
        return;
    }
    QJsonArray deliveries;
    for (const ResendItem &item : items) {
        QJsonObject d{{QStringLiteral("client_id"), item.clientId}, {QStringLiteral("sub"), item.userId}};
        if (!item.sid.isEmpty())
            d.insert(QStringLiteral("sid"), item.sid);
        if (!item.sessionId.isEmpty())
            d.insert(QStringLiteral("session"), item.sessionId);
        deliveries.append(d);
    }
    QJsonObject body{{QStringLiteral("deliveries"), deliveries}};
    if (concurrency > 0)
        body.insert(QStringLiteral("concurrency"), qBound(1, concurrency, 256));
    const QString path = QStringLiteral("/admin/resend");
    postJson(path, body, context, [done, path](Result<QJsonObject> o) {
        if (!o && o.error().code == 404) {
            done(Error{Tr::tr("This sandbox cannot send logout tokens again (it has no %1): restart it from this "
                              "version of Signoff.")
                           .arg(path),
                       404});
            return;
        }
        done(o ? toDispatch(*o, path) : Result<LogoutDispatch>(o.error()));
    });
}

void SandboxConnector::sessionsById(const QStringList &ids, QObject *context, Done<QList<IdpSession>> done)
{
    auto lookup = std::make_shared<Lookup>();
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            lookup->ids << id;
        }
    }
    lookup->found.resize(lookup->ids.size());
    lookup->context = context;
    lookup->done = std::move(done);
    if (lookup->ids.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [lookup] { lookup->done(QList<IdpSession>()); }, Qt::QueuedConnection);
        return;
    }
    lookupMore(lookup);
}

void SandboxConnector::lookupMore(const std::shared_ptr<Lookup> &lookup)
{
    QPointer<SandboxConnector> self(this);
    while (lookup->inFlight < kLookupParallelism && lookup->next < lookup->ids.size()) {
        const qsizetype index = lookup->next++;
        ++lookup->inFlight;
        HttpCall call;
        call.url = m_http.url(QStringLiteral("/admin/sessions/") +
                              QString::fromLatin1(QUrl::toPercentEncoding(lookup->ids.at(index))));
        m_http.send(call, lookup->context, [self, lookup, index](Result<HttpAnswer> a) {
            --lookup->inFlight;
            if (lookup->ended)
                return;
            auto fail = [&lookup](Error error) {
                lookup->ended = true;
                lookup->done(std::move(error));
            };
            if (!a)
                return fail(a.error());
            if (a->status == 200) {
                const QJsonObject o = a->json().object();
                if (o.value(QLatin1String("uid")).toString().isEmpty())
                    return fail(
                        Error{Tr::tr("The IdP answered /admin/sessions/{uid} without a session."), IdpBadAnswer});
                lookup->found[index] = toSession(o);
            } else if (a->status != 404) { // 404: gone, left out
                return fail(
                    Error{IdpHttpClient::describeStatus(*a, QStringLiteral("/admin/sessions/{uid}")), a->status});
            }
            if (lookup->next == lookup->ids.size() && lookup->inFlight == 0) {
                lookup->ended = true;
                QList<IdpSession> out;
                for (const std::optional<IdpSession> &s : std::as_const(lookup->found)) {
                    if (s)
                        out.append(*s);
                }
                lookup->done(out);
                return;
            }
            if (self)
                self->lookupMore(lookup);
            else
                fail(Error{Tr::tr("The sandbox connection was closed during the lookup.")});
        });
    }
}

} // namespace signoff
