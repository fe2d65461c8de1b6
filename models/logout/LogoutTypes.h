#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace signoff::logout {

// Where one expected delivery stands. Pending is the only non-final state; Unconfirmed is final
// for the run but may still be upgraded when a mock RP or the relay reports late.
enum class DeliveryState
{
    Pending,
    Delivered,
    Failed,
    TimedOut,
    Skipped,
    Unconfirmed
};

// "pending", "delivered", "failed", "timed_out", "skipped", "unconfirmed" (the CLI contract).
QLatin1String deliveryStateId(DeliveryState state);
std::optional<DeliveryState> deliveryStateFromId(QStringView id);
QString deliveryStateLabel(DeliveryState state); // translated, for views
bool isFinal(DeliveryState state);
// delivered and skipped are fine; failed, timed out, unconfirmed (and pending) are not.
bool isConfirmedOk(DeliveryState state);

// Who reported an outcome. Ids: "prediction", "idp", "mock_rp", "relay", "signoff".
enum class OutcomeSource
{
    Prediction, // Signoff's lint said the IdP will not send (skipped) before anything happened
    Idp,        // the IdP's own report (the sandbox's event stream)
    MockRp,     // one of Signoff's mock RPs received the token
    Relay,      // a mock RP in relay mode forwarded it and saw the real RP's answer
    Signoff     // Signoff itself: the IdP call failed, the run was cancelled, an IdP that does not report
};
QLatin1String outcomeSourceId(OutcomeSource source);
std::optional<OutcomeSource> outcomeSourceFromId(QStringView id);

// What was asked.
struct LogoutScope
{
    enum class Kind
    {
        Sessions, // chosen sessions (also a filtered selection)
        User,
        RelyingParty
    };
    Kind kind = Kind::Sessions;
    QStringList sessionIds; // Kind::Sessions
    QString user;           // Kind::User: what the IdP shows (id or name), resolved by the service
    QString clientId;       // Kind::RelyingParty

    static QLatin1String kindId(Kind kind); // "sessions", "user", "rp"
    QString describe() const;               // translated, one line: "3 sessions", "user alice", ...
};

// One (session, RP) the run is expected to notify, or to skip with a reason. Identified by its row
// in the ledger; (sessionId, clientId) is unique within a run.
struct Delivery
{
    QString runId;
    QString sessionId;
    QString userId;
    QString userName;
    QString clientId;
    QString sid; // the per-RP sid, when known
    DeliveryState state = DeliveryState::Pending;
    OutcomeSource source = OutcomeSource::Prediction;
    std::optional<int> httpStatus;
    std::optional<double> latencyMs;
    QString error;          // the IdP's error text, the skip or unconfirmed reason, a validation summary
    QString tokenJti;       // when any source saw the token
    QByteArray logoutToken; // compact JWS as a mock RP or the relay received it (empty if none did)
    QJsonObject validation; // ValidationReport::toJson() from the mock RP / relay, when one saw it
    QStringList sources;    // every source that reported on this delivery, in order ("idp", "mock_rp")
    QDateTime updatedAt;
};

// One observation by one source. Fields a source does not know stay empty; the ledger finds the
// delivery it belongs to by (run, session, client), else by token jti, else by (client, sid),
// else by (client, sub).
struct OutcomeReport
{
    OutcomeSource source = OutcomeSource::Idp;
    QString idpRunId; // the IdP's own run id (sandbox), when it has one
    QString sessionId;
    QString clientId;
    QString sid;
    QString sub;
    QString tokenJti;
    DeliveryState state = DeliveryState::Pending; // what this source concludes
    std::optional<int> httpStatus;
    std::optional<double> latencyMs;
    QString error;
    QByteArray logoutToken;
    QJsonObject validation;
    QDateTime time;
};

enum class RunStatus
{
    Planned,
    Running,
    Finished,  // every delivery has a final state
    Cancelled, // stopped by the administrator; what was sent is reported as sent
    Failed     // the run itself failed (IdP unreachable, refused, ...)
};
QLatin1String runStatusId(RunStatus status); // "planned", "running", "finished", "cancelled", "failed"
std::optional<RunStatus> runStatusFromId(QStringView id);

struct StateCounts
{
    int pending = 0;
    int delivered = 0;
    int failed = 0;
    int timedOut = 0;
    int skipped = 0;
    int unconfirmed = 0;

    int total() const { return pending + delivered + failed + timedOut + skipped + unconfirmed; }
    int &of(DeliveryState state);
    int of(DeliveryState state) const;
    QJsonObject toJson() const; // {"expected","pending","delivered","failed","timed_out","skipped","unconfirmed"}
};

// A run as the history and the views show it.
struct RunInfo
{
    QString id; // Signoff's run id (unique, sortable: "run-<utc yyyyMMddThhmmss>-<random>")
    QString profileId;
    QString profileName;
    QString idpKind;
    LogoutScope scope;
    RunStatus status = RunStatus::Planned;
    QString error; // when Failed, or notes (e.g. "cancelled after 300 of 1000 sessions")
    QDateTime startedAt;
    QDateTime finishedAt;
    int sessions = 0;
    int users = 0;
    int concurrency = 0;
    StateCounts counts;
    QStringList idpRunIds; // the IdP's own run ids (sandbox), for support
};

// Per-RP numbers for the summary table: counts and latency percentiles of answered deliveries.
struct RpSummary
{
    QString clientId;
    StateCounts counts;
    std::optional<double> p50Ms;
    std::optional<double> p95Ms;
};

// Nearest-rank percentile (p in 0..100) of values; nullopt when empty.
std::optional<double> percentile(QList<double> values, double p);

} // namespace signoff::logout

Q_DECLARE_METATYPE(signoff::logout::Delivery)
Q_DECLARE_METATYPE(signoff::logout::RunInfo)
