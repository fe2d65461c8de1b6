#pragma once

#include "idp/IdpConnector.h"
#include "idp/IdpHttpClient.h"

namespace signoff {

// The embedded sandbox's admin API (sandbox/README.md): clients, users and sessions with cursor
// paging, a client-credentials token for signoff-admin with scope admin.
class SandboxConnector : public IdpConnector
{
    Q_OBJECT
public:
    // secret obtains the admin client's secret (keychain, or the sandbox's data folder).
    using SecretSource = std::function<void(QObject *context, std::function<void(Result<QString>)> done)>;
    SandboxConnector(QNetworkAccessManager *nam, const Profile &profile, SecretSource secret,
                     QObject *parent = nullptr);

    IdpCapabilities capabilities() const override;
    QStringList limitations() const override;
    void testConnection(QObject *context, Done<ConnectionReport> done) override;
    void facts(QObject *context, Done<IdpFacts> done) override;
    void relyingParties(QObject *context, Done<QList<RelyingParty>> done) override;
    void users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done) override;
    void sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done) override;

    IdpHttpClient *http() { return &m_http; }

private:
    void sessionPage(const SessionQuery &query, const QString &cursor, qint64 received, QObject *context,
                     PageCallback onPage, StatusCallback done);

    IdpHttpClient m_http;
    SecretSource m_secret;
};

} // namespace signoff
