#pragma once

#include "idp/IdpConnector.h"
#include "idp/IdpHttpClient.h"

namespace signoff {

// Ory Hydra's admin API (v2). The admin port usually has no authentication of its own (a gateway
// guards it); when the profile has a client id, the secret is sent as a bearer token (an API key).
// Hydra has no user directory and lists sessions only for one subject, from its consent sessions
// grouped by login session.
class HydraConnector : public IdpConnector
{
    Q_OBJECT
public:
    using SecretSource = std::function<void(QObject *context, std::function<void(Result<QString>)> done)>;
    HydraConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret, QObject *parent = nullptr);

    IdpCapabilities capabilities() const override;
    QStringList limitations() const override;
    void testConnection(QObject *context, Done<ConnectionReport> done) override;
    void facts(QObject *context, Done<IdpFacts> done) override;
    void relyingParties(QObject *context, Done<QList<RelyingParty>> done) override;
    void users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done) override;
    void sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done) override;
    // Hydra finds sessions only through a subject: an id alone cannot be looked up.
    void sessionsById(const QStringList &ids, QObject *context, Done<QList<IdpSession>> done) override;

    LogoutSupport logoutSupport() const override;
    // One login session per call, by sid: Hydra then posts the logout tokens on its own, later.
    void logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                        Done<LogoutDispatch> done) override;

    IdpHttpClient *http() { return &m_http; }
    void setPageSize(int size) { m_pageSize = qBound(1, size, 500); } // the clients listing

    // The page_token of the rel="next" link in a Link header; empty on the last page.
    static QString nextPageToken(const QByteArray &linkHeader);

private:
    using AnswerDone = std::function<void(Result<HttpAnswer>)>;
    struct Walk;

    void getJson(const QUrl &url, const QString &what, QObject *context, AnswerDone done);
    Error failure(const HttpAnswer &answer, const QString &what) const;
    void clientPage(const QString &token, QList<RelyingParty> acc, QObject *context, Done<QList<RelyingParty>> done);
    void consentPage(std::shared_ptr<Walk> walk, const QString &token);
    void finish(std::shared_ptr<Walk> walk);

    IdpHttpClient m_http;
    SecretSource m_secret;
    int m_pageSize = 250;
};

} // namespace signoff
