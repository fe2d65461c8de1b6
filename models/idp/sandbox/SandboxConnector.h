#pragma once

#include "idp/IdpConnector.h"
#include "idp/IdpHttpClient.h"
#include "idp/sandbox/SandboxEventStream.h"

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
    // GET /admin/sessions/{uid} for each, a few at a time.
    void sessionsById(const QStringList &ids, QObject *context, Done<QList<IdpSession>> done) override;

    LogoutSupport logoutSupport() const override;
    // POST /admin/logout {"sessions": [...]}: the sandbox answers at once with its run and its
    // expected deliveries; the outcomes follow on outcomeFeed().
    void logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                        Done<LogoutDispatch> done) override;
    // POST /admin/resend: new logout tokens for the same sub and sid, session or not.
    void resend(const QList<ResendItem> &items, int concurrency, QObject *context, Done<LogoutDispatch> done) override;
    logout::IdpOutcomeFeed *outcomeFeed() override { return eventStream(); }
    SandboxEventStream *eventStream();

    IdpHttpClient *http() { return &m_http; }

    static constexpr int kMaxLogoutBatch = 500;
    static constexpr int kMaxResendBatch = 10000; // the sandbox's own limit
    static constexpr int kLookupParallelism = 8;

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

    // One sessionsById in progress.
    struct Lookup
    {
        QStringList ids;
        QList<std::optional<IdpSession>> found; // by index in ids
        qsizetype next = 0;
        int inFlight = 0;
        QObject *context = nullptr;
        Done<QList<IdpSession>> done;
        bool ended = false;
    };
    void lookupMore(const std::shared_ptr<Lookup> &lookup);

    // POST a JSON object; a 2xx JSON object answer, else the failure as one sentence (code: the status).
    void postJson(const QString &path, const QJsonObject &body, QObject *context, Done<QJsonObject> done);

    IdpHttpClient m_http;
    SecretSource m_secret;
    // Declared after m_http: destroyed first, while the client its connection lives on still exists.
    std::unique_ptr<SandboxEventStream> m_feed;
};

} // namespace signoff
