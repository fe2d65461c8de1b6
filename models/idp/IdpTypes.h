#pragma once

#include <QDateTime>
#include <QFlags>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace signoff {

// What a connector can do against its IdP, so views and commands can say plainly what it cannot.
enum class IdpCapability
{
    ListRelyingParties = 0x01,
    SessionsPerRp = 0x02,          // the IdP lists an RP's sessions itself
    SessionsPerRpByWalking = 0x04, // only by walking every user (Logto)
    SessionsPerUser = 0x08,
    SessionsPerSubjectOnly = 0x10, // a subject is required to list anything (Hydra)
    SessionCounts = 0x20,          // RP session counts are cheap
    ReportsDeliveryOutcomes = 0x40 // the IdP tells per-RP logout results (the sandbox's stream)
};
Q_DECLARE_FLAGS(IdpCapabilities, IdpCapability)
Q_DECLARE_OPERATORS_FOR_FLAGS(IdpCapabilities)

// A relying party with what matters for back-channel logout. Fields an IdP does not have are
// left empty / nullopt, never invented.
struct RelyingParty
{
    QString clientId;   // the OAuth client_id the RP uses
    QString internalId; // the IdP's own key when it differs (Keycloak's UUID, Logto's app id)
    QString name;
    QString backchannelLogoutUri; // as configured: may be relative (Keycloak) or hold placeholders
    bool sessionRequired = false;
    bool enabled = true;
    bool frontchannelLogout = false; // Keycloak: true suppresses back-channel delivery
    QString frontchannelLogoutUri;
    QString rootUrl;                    // Keycloak: base a relative URI resolves against
    std::optional<qint64> sessionCount; // when the IdP reports it cheaply
};

struct SessionRp
{
    QString clientId;
    std::optional<QString> sid; // per-RP sid where the IdP exposes it
};

struct IdpSession
{
    QString id; // the id to address the session with (Keycloak session id, sandbox uid, …)
    QString userId;
    QString userName;
    std::optional<QString> ip;
    std::optional<QDateTime> started;
    std::optional<QDateTime> lastAccess;
    QList<SessionRp> rps;
};

struct IdpUser
{
    QString id;
    QString userName;
    QString displayName;
};

// Facts about the IdP itself that the relying-party lint needs.
struct IdpFacts
{
    QString kind;                                          // "sandbox", "keycloak", …
    QString issuer;                                        // from discovery, when read
    QString version;                                       // as reported, when reported
    std::optional<bool> backchannelLogoutSupported;        // discovery
    std::optional<bool> backchannelLogoutSessionSupported; // discovery: sends sid
    bool refusesPrivateAddresses = false;                  // SSRF guard (oidc-provider 9 default)
    // A guard that depends on a version or setting the admin API does not reveal (Logto 1.42 and
    // later refuse unless OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1; 1.37–1.41 post anywhere).
    bool mayRefusePrivateAddresses = false;
};

// Which sessions to list.
struct SessionQuery
{
    QString clientId; // only sessions that include this RP
    QString user;     // only this user's sessions (id or name, as the connector resolves it)
    int limit = 0;    // 0: every page
    int pageSize = 500;
};

// Where a long listing is: after each page.
struct ListProgress
{
    qint64 received = 0;
    std::optional<qint64> total; // when the IdP says
};

// What "Test connection" found.
struct ConnectionReport
{
    IdpFacts facts;
    std::optional<int> relyingParties;
    std::optional<qint64> sessions;
    IdpCapabilities capabilities;
    QStringList notes; // limits worth saying, e.g. "sessions are listed by walking users"
};

// How an IdP's admin API ends sessions, for the logout run and its confirmation.
struct LogoutSupport
{
    bool endsSessions = false;    // the admin API can end a session at all
    bool sendsTokens = false;     // ending it makes the IdP post logout tokens to the session's RPs
    bool reportsOutcomes = false; // per-RP results come back (IdpOutcomeFeed)
    bool canResend = false;       // a logout token can be sent again after the session is gone
    int maxBatch = 1;             // sessions per logout call (1: one call per session)
    QString noTokensReason;       // plain words when !sendsTokens
    QString resendAdvice;         // plain words for the administrator when !canResend
};

// One (session, RP) the IdP itself says it will notify or skip (the sandbox's `expected` list).
struct IdpExpectedDelivery
{
    QString sessionId;
    QString userId;
    QString clientId;
    QString sid;
    bool deliver = true;
    QString skipReason;
};

// What one logout call started.
struct LogoutDispatch
{
    QString idpRunId;                    // the IdP's own run id, when it has runs (sandbox)
    std::optional<qint64> eventsCursor;  // subscribe to the IdP's outcome feed from here
    QList<IdpExpectedDelivery> expected; // the IdP's ledger, when it gives one
    QStringList notFound;                // sessions the IdP did not know (already gone)
    QStringList inProgressElsewhere;     // sessions another run is already ending
};

// One delivery to send again (after its session has ended).
struct ResendItem
{
    QString sessionId;
    QString userId;
    QString clientId;
    QString sid;
};

} // namespace signoff
