#include "SandboxConnector.h"

#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
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
            m_http.send(call, context, [done](Result<HttpAnswer> a) {
                if (!a) {
                    done(a.error());
                    return;
                }
                if (a->status != 200) {
                    done(Error{a->status == 401
                                   ? Tr::tr("The sandbox does not accept Signoff's admin secret: it was started with "
                                            "another one (stop it and let Signoff start it).")
                                   : IdpHttpClient::describeStatus(*a, Tr::tr("an admin token")),
                               IdpAuthFailed});
                    return;
                }
                const QJsonObject o = a->json().object();
                done(IdpHttpClient::Token{o.value(QLatin1String("access_token")).toString().toUtf8(),
                                          qint64(o.value(QLatin1String("expires_in")).toDouble())});
            });
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
    sessionPage(query, QString(), 0, context, std::move(onPage), std::move(done));
}

void SandboxConnector::sessionPage(const SessionQuery &query, const QString &cursor, qint64 received, QObject *context,
                                   PageCallback onPage, StatusCallback done)
{
    QUrl url = m_http.url(QStringLiteral("/admin/sessions"));
    QUrlQuery q;
    int pageSize = qBound(1, query.pageSize, 5000);
    if (query.limit > 0)
        pageSize = int(qMin<qint64>(pageSize, query.limit - received));
    q.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    if (!cursor.isEmpty())
        q.addQueryItem(QStringLiteral("cursor"), cursor);
    if (!query.clientId.isEmpty())
        q.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(QUrl::toPercentEncoding(query.clientId)));
    if (!query.user.isEmpty())
        q.addQueryItem(QStringLiteral("user"), QString::fromLatin1(QUrl::toPercentEncoding(query.user)));
    url.setQuery(q);
    QPointer<SandboxConnector> self(this);
    m_http.getJson(url, context, [=](Result<HttpAnswer> a) {
        if (!a) {
            done(Status(a.error()));
            return;
        }
        const QJsonObject o = a->json().object();
        const QJsonArray items = o.value(QLatin1String("items")).toArray();
        QList<IdpSession> page;
        page.reserve(items.size());
        for (const QJsonValue &v : items)
            page.append(toSession(v.toObject()));
        ListProgress progress{received + page.size(), std::nullopt};
        if (o.value(QLatin1String("total")).isDouble())
            progress.total = qint64(o.value(QLatin1String("total")).toDouble());
        onPage(page, progress);
        const QJsonValue next = o.value(QLatin1String("next_cursor"));
        const bool more = next.isString() && !next.toString().isEmpty() && !page.isEmpty();
        if (!more || (query.limit > 0 && progress.received >= query.limit) || !self) {
            done(Status());
            return;
        }
        self->sessionPage(query, next.toString(), progress.received, context, onPage, done);
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

} // namespace signoff
