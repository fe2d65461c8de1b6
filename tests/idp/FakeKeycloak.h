#pragma once

#include "FakeIdpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>

#include <optional>

// Keycloak 24–26 on loopback, as far as Signoff uses it: the realm's token endpoint (client
// credentials for client "signoff", password grant for "admin" with admin-cli, both with `secret`),
// discovery, /admin/serverinfo, and under /admin/realms/{realm}: clients and users (paged with
// first/max), client-session-stats (counted from the sessions), a client's and a user's sessions,
// and DELETE sessions/{id}, which removes the session and answers 204 (404 once it is gone, 403
// without manage-users). Tokens expire as `expiresIn` says; any request may be answered
// differently through `override`.
//
// Seeding: it starts with the fixtures of tests/fixtures/keycloak (realm "acme"; clients shop and
// reports that take back-channel logout normally, wiki with frontchannelLogout=true and a relative
// back-channel URL, legacy-crm disabled, admin-cli without a back-channel URL; users alice, bob,
// carol, dave; five sessions over shop, wiki and reports). Add to it with addUser(), addSession()
// (clients named by clientId) and editClient(), e.g.
//     FakeKeycloak kc;                                        // kc.isListening(), kc.server.url()
//     kc.addSession("s-6", "b1a7c0de-0000-4000-8000-000000000002", {"shop", "legacy-crm", "admin-cli"});
//     kc.editClient("shop", [&](QJsonObject &c) { setBackchannelUrl(c, mockRpUrl); });
// Like Keycloak, it never says whether an RP accepted its logout token; unlike Keycloak it posts
// nothing (DELETE just ends the session, after `deleteDelayMs` when set). Every DELETE it accepted
// is listed in `deletedSessions`.
class FakeKeycloak
{
public:
    FakeIdpServer server;
    QString realm = QStringLiteral("acme");
    QString secret = QStringLiteral("s3cret+&=%");
    int expiresIn = 60;
    int tokensIssued = 0;
    int unauthorizedAnswers = 0;
    bool manageUsers = true; // false: DELETE sessions/{id} answers 403 like a missing role
    int deleteDelayMs = 0;   // Keycloak posts the logout tokens before it answers the DELETE
    QStringList deletedSessions;
    QHash<QByteArray, qint64> tokenExpiry; // token -> ms since epoch
    std::function<std::optional<FakeResponse>(const FakeRequest &)> override;
    QJsonArray clients = fixtureArray(QStringLiteral("keycloak/clients.json"));
    QJsonArray sessions = fixtureArray(QStringLiteral("keycloak/user-sessions.json"));
    QJsonArray users = fixtureArray(QStringLiteral("keycloak/users.json"));

    FakeKeycloak()
    {
        server.setHandler([this](const FakeRequest &r) { return handle(r); });
        m_listening = server.listen();
    }

    bool isListening() const { return m_listening; }
    QString adminPath() const { return QStringLiteral("/admin/realms/") + realm; }
    void revokeTokens() { tokenExpiry.clear(); }

    QString clientUuid(const QString &clientId) const
    {
        for (const QJsonValue &c : clients)
            if (c.toObject().value(QStringLiteral("clientId")).toString() == clientId)
                return c.toObject().value(QStringLiteral("id")).toString();
        return {};
    }

    void editClient(const QString &clientId, const std::function<void(QJsonObject &)> &edit)
    {
        for (qsizetype i = 0; i < clients.size(); ++i) {
            QJsonObject c = clients.at(i).toObject();
            if (c.value(QStringLiteral("clientId")).toString() == clientId) {
                edit(c);
                clients[i] = c;
            }
        }
    }

    static void setBackchannelUrl(QJsonObject &client, const QString &url)
    {
        QJsonObject attributes = client.value(QStringLiteral("attributes")).toObject();
        attributes.insert(QStringLiteral("backchannel.logout.url"), url);
        client.insert(QStringLiteral("attributes"), attributes);
    }

    void addUser(const QString &id, const QString &userName)
    {
        users.append(QJsonObject{
            {QStringLiteral("id"), id}, {QStringLiteral("username"), userName}, {QStringLiteral("enabled"), true}});
    }

    // A session of an existing user with these clients (by clientId; unknown ones are left out).
    void addSession(const QString &id, const QString &userId, const QStringList &clientIds)
    {
        QString userName;
        for (const QJsonValue &u : users)
            if (u.toObject().value(QStringLiteral("id")).toString() == userId)
                userName = u.toObject().value(QStringLiteral("username")).toString();
        QJsonObject map;
        for (const QString &clientId : clientIds)
            if (const QString uuid = clientUuid(clientId); !uuid.isEmpty())
                map.insert(uuid, clientId);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        sessions.append(QJsonObject{{QStringLiteral("id"), id},
                                    {QStringLiteral("username"), userName},
                                    {QStringLiteral("userId"), userId},
                                    {QStringLiteral("ipAddress"), QStringLiteral("192.0.2.99")},
                                    {QStringLiteral("start"), double(now)},
                                    {QStringLiteral("lastAccess"), double(now)},
                                    {QStringLiteral("rememberMe"), false},
                                    {QStringLiteral("clients"), map},
                                    {QStringLiteral("transientUser"), false}});
    }

    bool hasSession(const QString &id) const { return indexOfSession(id) >= 0; }

private:
    bool m_listening = false;

    FakeResponse handle(const FakeRequest &r)
    {
        if (override)
            if (std::optional<FakeResponse> answer = override(r))
                return *answer;
        const QString realmPrefix = QStringLiteral("/realms/") + realm;
        if (r.path.endsWith(QLatin1String("/protocol/openid-connect/token")))
            return r.path.startsWith(realmPrefix + QLatin1Char('/')) ? token(r) : notFoundRealm();
        if (r.path.endsWith(QLatin1String("/.well-known/openid-configuration")))
            return r.path.startsWith(realmPrefix + QLatin1Char('/'))
                       ? FakeResponse::json(readFixture(QStringLiteral("keycloak/openid-configuration.json")))
                       : notFoundRealm();
        if (!authorized(r)) {
            ++unauthorizedAnswers;
            return FakeResponse::json(QByteArray(R"({"error":"HTTP 401 Unauthorized"})"), 401);
        }
        if (r.path == QLatin1String("/admin/serverinfo"))
            return FakeResponse::json(readFixture(QStringLiteral("keycloak/serverinfo.json")));
        if (!r.path.startsWith(adminPath() + QLatin1Char('/')))
            return FakeResponse::json(QByteArray(R"({"error":"Realm not found."})"), 404);
        return admin(r, r.path.mid(adminPath().size()));
    }

    static FakeResponse notFoundRealm()
    {
        return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-realm-not-found.json")), 404);
    }

    bool authorized(const FakeRequest &r) const
    {
        const QByteArray auth = r.header("authorization");
        if (!auth.startsWith("Bearer "))
            return false;
        const auto it = tokenExpiry.constFind(auth.mid(7));
        return it != tokenExpiry.cend() && QDateTime::currentMSecsSinceEpoch() < *it;
    }

    FakeResponse token(const FakeRequest &r)
    {
        const QString grant = r.form("grant_type");
        const bool ok = grant == QLatin1String("client_credentials")
                            ? r.form("client_id") == QLatin1String("signoff") && r.form("client_secret") == secret
                            : grant == QLatin1String("password") && r.form("client_id") == QLatin1String("admin-cli") &&
                                  r.form("username") == QLatin1String("admin") && r.form("password") == secret;
        if (!ok)
            return FakeResponse::json(readFixture(grant == QLatin1String("password")
                                                      ? QStringLiteral("keycloak/error-invalid-grant.json")
                                                      : QStringLiteral("keycloak/error-invalid-client.json")),
                                      401);
        const QByteArray value = "tok-" + QByteArray::number(++tokensIssued);
        tokenExpiry.insert(value, QDateTime::currentMSecsSinceEpoch() + expiresIn * 1000LL);
        QJsonObject o = QJsonDocument::fromJson(readFixture(QStringLiteral("keycloak/token.json"))).object();
        o.insert(QStringLiteral("access_token"), QString::fromLatin1(value));
        o.insert(QStringLiteral("expires_in"), expiresIn);
        return FakeResponse::json(QJsonDocument(o));
    }

    static qsizetype intParam(const FakeRequest &r, const char *name, qsizetype fallback)
    {
        return r.hasParam(name) ? r.param(name).toLongLong() : fallback;
    }

    qsizetype indexOfSession(const QString &id) const
    {
        for (qsizetype i = 0; i < sessions.size(); ++i)
            if (sessions.at(i).toObject().value(QStringLiteral("id")).toString() == id)
                return i;
        return -1;
    }

    QJsonArray sessionsWhere(const std::function<bool(const QJsonObject &)> &keep) const
    {
        QJsonArray out;
        for (const QJsonValue &v : sessions)
            if (keep(v.toObject()))
                out.append(v);
        return out;
    }

    // Counts are strings, and clients without sessions are left out, as Keycloak does.
    QJsonDocument sessionStats() const
    {
        QJsonArray out;
        for (const QJsonValue &c : clients) {
            const QString uuid = c.toObject().value(QStringLiteral("id")).toString();
            const qsizetype active = sessionsWhere([&](const QJsonObject &s) {
                                         return s.value(QStringLiteral("clients")).toObject().contains(uuid);
                                     }).size();
            if (active > 0)
                out.append(QJsonObject{{QStringLiteral("id"), uuid},
                                       {QStringLiteral("clientId"), c.toObject().value(QStringLiteral("clientId"))},
                                       {QStringLiteral("active"), QString::number(active)},
                                       {QStringLiteral("offline"), QStringLiteral("0")}});
        }
        return QJsonDocument(out);
    }

    FakeResponse deleteSession(const QString &id)
    {
        if (!manageUsers)
            return FakeResponse::json(readFixture(QStringLiteral("keycloak/error-forbidden.json")), 403);
        const qsizetype at = indexOfSession(id);
        if (at < 0)
            return FakeResponse::json(QByteArray(R"({"error":"Sesssion not found"})"), 404);
        sessions.removeAt(at);
        deletedSessions.append(id);
        return FakeResponse::json(QByteArray(), 204).after(deleteDelayMs);
    }

    FakeResponse admin(const FakeRequest &r, const QString &path)
    {
        const qsizetype first = intParam(r, "first", 0);
        const qsizetype max = intParam(r, "max", 100);
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (r.method == "DELETE") {
            if (parts.size() == 2 && parts[0] == QLatin1String("sessions"))
                return deleteSession(parts[1]);
            return FakeResponse::json(QByteArray(R"({"error":"HTTP 405 Method Not Allowed"})"), 405);
        }
        if (path == QLatin1String("/clients")) {
            if (r.hasParam("clientId")) {
                QJsonArray match;
                for (const QJsonValue &c : clients)
                    if (c.toObject().value(QStringLiteral("clientId")).toString() == r.param("clientId"))
                        match.append(c);
                return FakeResponse::json(QJsonDocument(match));
            }
            return FakeResponse::json(slice(clients, first, max));
        }
        if (path == QLatin1String("/client-session-stats"))
            return FakeResponse::json(sessionStats());
        if (parts.size() == 3 && parts[0] == QLatin1String("clients") && parts[2] == QLatin1String("user-sessions")) {
            const QString uuid = parts[1];
            return FakeResponse::json(slice(sessionsWhere([&](const QJsonObject &s) {
                                                return s.value(QStringLiteral("clients")).toObject().contains(uuid);
                                            }),
                                            first, max));
        }
        if (path == QLatin1String("/users")) {
            QJsonArray match;
            for (const QJsonValue &u : users) {
                const QString name = u.toObject().value(QStringLiteral("username")).toString();
                if ((!r.hasParam("username") || name == r.param("username")) &&
                    (!r.hasParam("search") || name.contains(r.param("search"))))
                    match.append(u);
            }
            return FakeResponse::json(slice(match, first, max));
        }
        if (parts.size() >= 2 && parts[0] == QLatin1String("users")) {
            const QString id = parts[1];
            const auto user = std::find_if(users.begin(), users.end(), [&](const QJsonValue &u) {
                return u.toObject().value(QStringLiteral("id")).toString() == id;
            });
            if (user == users.end())
                return FakeResponse::json(QByteArray(R"({"error":"User not found"})"), 404);
            if (parts.size() == 2)
                return FakeResponse::json(QJsonDocument((*user).toObject()));
            if (parts.size() == 3 && parts[2] == QLatin1String("sessions"))
                return FakeResponse::json(QJsonDocument(sessionsWhere(
                    [&](const QJsonObject &s) { return s.value(QStringLiteral("userId")).toString() == id; })));
        }
        return FakeResponse::json(QByteArray(R"({"error":"Unable to find matching target resource method"})"), 404);
    }
};
