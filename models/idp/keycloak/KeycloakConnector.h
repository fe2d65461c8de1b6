#pragma once

#include "idp/IdpConnector.h"
#include "idp/IdpHttpClient.h"

#include <QJsonDocument>

namespace signoff {

// Keycloak's Admin REST API (24–26) under {base}/admin/realms/{realm}. Signs in with client
// credentials (a confidential client with a service account) or the password grant (usually
// admin-cli); the secret from the keychain is the client secret or the password. Admin tokens live
// about 60 s: IdpHttpClient renews them before they run out and once more on a 401.
class KeycloakConnector : public IdpConnector
{
    Q_OBJECT
public:
    using SecretSource = std::function<void(QObject *context, std::function<void(Result<QString>)> done)>;
    KeycloakConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret,
                      QObject *parent = nullptr);

    IdpCapabilities capabilities() const override;
    QStringList limitations() const override;
    void testConnection(QObject *context, Done<ConnectionReport> done) override;
    void facts(QObject *context, Done<IdpFacts> done) override;
    void relyingParties(QObject *context, Done<QList<RelyingParty>> done) override;
    void users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done) override;
    void sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done) override;
    // sessionsById keeps the default walk: Keycloak's admin API has no GET of one session by id.

    LogoutSupport logoutSupport() const override;
    // One session per call: DELETE sessions/{id}. Keycloak answers 204 whatever the RPs said.
    void logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                        Done<LogoutDispatch> done) override;

    IdpHttpClient *http() { return &m_http; }
    // Keycloak posts the logout tokens inside the DELETE, one RP after another, each with a 5 s
    // socket timeout: the call may take that long per RP of the session before it answers.
    void setLogoutTimeout(int baseMs, int perRpMs)
    {
        m_logoutBaseMs = baseMs;
        m_logoutPerRpMs = perRpMs;
    }
    int logoutTimeoutMs(const IdpSession &session) const;
    // Page size of the clients listing (sessions use SessionQuery::pageSize).
    void setPageSize(int size) { m_pageSize = qMax(1, size); }

private:
    // What a request is for, so a failure can name it and the role it needs.
    struct Purpose
    {
        QString what;
        QString role;                // the realm-management role a 403 means is missing
        bool notFoundIsRealm = true; // a 404 on a realm-wide listing means the realm is gone
    };
    using JsonDone = std::function<void(Result<QJsonDocument>)>;
    using ClientsDone = Done<QList<RelyingParty>>;

    QUrl adminUrl(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const;
    void requestToken(QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done);
    Error tokenFailure(const HttpAnswer &answer) const;
    Error adminFailure(const HttpAnswer &answer, const Purpose &purpose) const;
    QString realmMissing() const;
    Error logoutFailure(const Result<HttpAnswer> &answer, const IdpSession &session) const;
    void getJson(const QUrl &url, const Purpose &purpose, QObject *context, JsonDone done);

    void clientPage(int first, QList<RelyingParty> acc, QObject *context, ClientsDone done);
    void addSessionCounts(QList<RelyingParty> rps, QObject *context, ClientsDone done);
    void findClient(const QString &clientId, QObject *context, Done<RelyingParty> done);
    void resolveUser(const QString &user, QObject *context, Done<IdpUser> done);

    struct Walk; // the state of a listing that runs over several requests
    void clientSessionPage(std::shared_ptr<Walk> walk, const QString &uuid, int first);
    void userSessions(std::shared_ptr<Walk> walk);
    void walkAllClients(std::shared_ptr<Walk> walk);
    void walkNextClient(std::shared_ptr<Walk> walk);

    IdpHttpClient m_http;
    SecretSource m_secret;
    int m_pageSize = 100;
    int m_logoutBaseMs = 60000;
    int m_logoutPerRpMs = 5000;
};

} // namespace signoff
