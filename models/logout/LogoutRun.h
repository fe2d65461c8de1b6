#pragma once

#include "DeliveryLedger.h"
#include "LogoutPlan.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace signoff {
class IdpConnector;
}

namespace signoff::logout {

// One logout run: fans the plan's sessions out to the IdP with bounded concurrency, merges every
// outcome source into the ledger, and reports changes in batches. A change is announced only
// after the commit hook accepted it (the history wrote it), so whatever was shown survives a
// crash. Never claims success for something no source saw succeed.
class LogoutRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int concurrency = 8;      // calls in flight (one-session IdPs) or the IdP's own parallelism
        int flushIntervalMs = 50; // how often merged changes are committed and announced
    };
    // Writes changed rows (and the run) durably before they are announced; an error stops nothing
    // but is reported through notice().
    using CommitHook = std::function<Status(const RunInfo &run, const QList<Delivery> &changed)>;

    LogoutRun(IdpConnector *connector, LogoutPlan plan, Options options, CommitHook commit, QObject *parent = nullptr);
    ~LogoutRun() override;

    const RunInfo &info() const { return m_info; }
    const DeliveryLedger &ledger() const { return m_ledger; }
    const LogoutPlan &plan() const { return m_plan; }
    bool isActive() const;

    void start();
    // Stops sending: sessions not yet handed to the IdP are skipped ("cancelled before sending");
    // what was already sent keeps being reported as it arrives.
    void cancel();
    // Outcomes from a mock RP or the relay (the service routes them to every live run).
    void ingest(const QList<OutcomeReport> &reports);

signals:
    // Rows whose state or evidence changed, after they were committed.
    void deliveriesChanged(const QList<int> &rows);
    void infoChanged(const signoff::logout::RunInfo &info);
    void finished(const signoff::logout::RunInfo &info);
    void notice(const QString &message); // stream reconnecting, history write failed, ...

private:
    IdpConnector *m_connector;
    LogoutPlan m_plan;
    Options m_options;
    CommitHook m_commit;
    RunInfo m_info;
    DeliveryLedger m_ledger;
};

} // namespace signoff::logout
