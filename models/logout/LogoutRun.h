#pragma once

#include "DeliveryLedger.h"
#include "LogoutPlan.h"
#include "core/Result.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>
#include <map>

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
        // Rows per commit: announcing a commit is GUI work in proportion to its rows; a backlog
        // goes out in commits of this size, one after the other.
        int maxCommitRows = 5000;
    };
    // Writes changed rows (and the run) durably before they are announced, and calls committed on
    // the run's thread once they are (it may do so before it returns). An error stops nothing but
    // is reported through notice(). At most one commit is in flight; what changes meanwhile goes
    // into the next one.
    using Committed = std::function<void(const Status &status)>;
    using CommitHook = std::function<void(const RunInfo &run, const QList<Delivery> &changed, Committed committed)>;

    LogoutRun(IdpConnector *connector, LogoutPlan plan, Options options, CommitHook commit, QObject *parent = nullptr);
    ~LogoutRun() override;

    const RunInfo &info() const { return m_info; }
    const DeliveryLedger &ledger() const { return m_ledger; }
    const LogoutPlan &plan() const { return m_plan; }
    bool isActive() const;

    void start();
    // Stops sending: sessions not yet handed to the IdP are skipped ("cancelled before sending");
    // what was already sent keeps being reported as it arrives. Cancelling again stops waiting for
    // those reports: what is still open ends unconfirmed and the run finishes.
    void cancel();
    // Outcomes from a mock RP or the relay (the service routes them to every live run).
    void ingest(const QList<OutcomeReport> &reports);

signals:
    // Rows whose state or evidence changed, after they were committed (the ledger holds what was
    // committed for them).
    void deliveriesChanged(const QList<int> &rows);
    void infoChanged(const signoff::logout::RunInfo &info);
    // After the last commit of the run returned.
    void finished(const signoff::logout::RunInfo &info);
    void notice(const QString &message); // stream reconnecting, history write failed, ...

private:
    // One logout (or resend) call and the rows it is about. It holds a slot until the call has
    // answered and, for an IdP that reports, until the IdP said its run finished.
    struct Batch
    {
        QList<int> units; // indexes into m_units
        QList<int> rows;  // ledger rows of those units
        QString idpRunId;
        bool callDone = false;
        bool callFailed = false;
        bool waitsForIdp = false;
        bool idpFinished = false;
    };

    void buildUnits();
    void dispatchMore();
    int slotCount() const;
    void sendBatch(int batchId);
    void onDispatched(int batchId, const Result<LogoutDispatch> &result);
    void applyExpected(Batch &batch, const LogoutDispatch &dispatch);
    void settleUnreported(Batch &batch);
    void completeIfDone(int batchId);
    void startFeed(qint64 cursor);
    void stopFeed();
    void stopWaiting();
    void onFeedOutcomes(const QList<OutcomeReport> &reports);
    void onIdpRunFinished(const QString &idpRunId);
    void settleRows(const QList<int> &rows, DeliveryState state, OutcomeSource source, const QString &reason);
    void applyReport(const OutcomeReport &report);
    void markDirty(int row);
    void addDirty(int row);
    QList<int> takeDirty();
    void noteWritten(int row, DeliveryState state);
    void scheduleInfoFlush();
    bool hasCallInFlight() const;
    bool reportedByIdp(const QList<int> &rows) const;
    void maybeFinish();
    void flush();
    void onCommitted(const QList<int> &rows, const RunInfo &info, const Status &status);
    QString notReportedReason() const;

    QPointer<IdpConnector> m_connector; // may go before the run (a run outliving its service)
    LogoutPlan m_plan;
    Options m_options;
    CommitHook m_commit;
    RunInfo m_info;
    DeliveryLedger m_ledger;

    // What is sent, one unit per call item: a session (logout) or a delivery row (resend).
    QList<IdpSession> m_units;
    QList<QList<int>> m_unitRows;
    int m_nextUnit = 0;
    std::map<int, Batch> m_batches; // in flight, by id
    int m_nextBatchId = 0;
    QHash<QString, QList<int>> m_idpRunRows; // rows of each IdP run this run started
    QSet<QString> m_idpRunsFinishedEarly;    // run.finished seen before the call answered
    QList<OutcomeReport> m_unclaimed;        // reports of IdP runs whose call has not answered yet
    bool m_feedStarted = false;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
    int m_callsOk = 0;
    int m_callsFailed = 0;
    QString m_firstError;

    QSet<int> m_dirty;
    QList<int> m_dirtyOrder;     // the same rows, oldest change first: commits go in this order
    QList<int> m_written;        // by row: the state handed to the history (-1: none yet)
    StateCounts m_writtenCounts; // of those states: the counts that go with them
    bool m_infoDirty = false;
    bool m_commitInFlight = false;
    bool m_finishAnnounced = false;
    QTimer m_flushTimer;
};

} // namespace signoff::logout
