#pragma once

#include "idp/IdpConnector.h"
#include "idp/IdpHttpClient.h"

#include <memory>

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
    // One listing in progress; shared by the page requests in flight.
    struct SessionWalk
    {
        SessionQuery query;
        QObject *context = nullptr;
        PageCallback onPage;
        StatusCallback done;
        qint64 received = 0;
        bool ended = false; // done was called: answers still on their way are dropped
    };
    void sessionPage(const std::shared_ptr<SessionWalk> &walk, const QString &cursor);
    static void endWalk(const std::shared_ptr<SessionWalk> &walk, Status status);

    IdpHttpClient m_http;
    SecretSource m_secret;
};

} // namespace signoff
