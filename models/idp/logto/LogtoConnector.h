#pragma once

#include "idp/IdpConnector.h"
#include "idp/IdpHttpClient.h"

namespace signoff {

// Logto's Management API (core >= 1.38; 1.37 with DEV_FEATURES_ENABLED). Signs in as a
// machine-to-machine app (Basic appId:secret, client credentials, scope "all") for the Management
// API resource: https://default.logto.app/api for a self-hosted Logto (tenant empty or "default"),
// https://{tenant}.logto.app/api on Logto Cloud. Logto has no per-application session list, so an
// RP's sessions are found by walking every user.
class LogtoConnector : public IdpConnector
{
    Q_OBJECT
public:
    using SecretSource = std::function<void(QObject *context, std::function<void(Result<QString>)> done)>;
    LogtoConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret, QObject *parent = nullptr);

    IdpCapabilities capabilities() const override;
    QStringList limitations() const override;
    void testConnection(QObject *context, Done<ConnectionReport> done) override;
    void facts(QObject *context, Done<IdpFacts> done) override;
    void relyingParties(QObject *context, Done<QList<RelyingParty>> done) override;
    void users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done) override;
    void sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done) override;

    // Logto ends sessions but sends no logout token doing so (sendsTokens false).
    LogoutSupport logoutSupport() const override;
    // One session per call: DELETE /api/users/{id}/sessions/{uid}, grants revoked with it.
    void logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                        Done<LogoutDispatch> done) override;

    IdpHttpClient *http() { return &m_http; }
    // Page size of the applications and users listings (Logto allows up to 100).
    void setPageSize(int size) { m_pageSize = qBound(1, size, 100); }
    // The Management API resource indicator the token is asked for.
    QString resource() const;

private:
    using AnswerDone = std::function<void(Result<HttpAnswer>)>;
    struct Walk;

    void requestToken(QObject *context, std::function<void(Result<IdpHttpClient::Token>)> done);
    Error tokenFailure(const HttpAnswer &answer) const;
    Error apiFailure(const HttpAnswer &answer, const QString &what) const;
    QUrl apiUrl(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const;
    void getJson(const QUrl &url, const QString &what, QObject *context, AnswerDone done);

    void applicationPage(int page, QList<RelyingParty> acc, QObject *context, Done<QList<RelyingParty>> done);
    void resolveUser(const QString &user, QObject *context, Done<IdpUser> done);
    void userSessions(const IdpUser &user, QObject *context, Done<QList<IdpSession>> done);
    void userPage(std::shared_ptr<Walk> walk, int page);
    void nextUser(std::shared_ptr<Walk> walk);
    void finishUserPage(std::shared_ptr<Walk> walk);

    IdpHttpClient m_http;
    SecretSource m_secret;
    int m_pageSize = 100;
};

} // namespace signoff
