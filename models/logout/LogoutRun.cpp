#include "LogoutRun.h"

#include "IdpOutcomeFeed.h"
#include "core/Clock.h"
#include "idp/IdpConnector.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <algorithm>

namespace signoff::logout {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LogoutRun)
};

QString newRunId(const QDateTime &now)
{
    return QStringLiteral("run-%1-%2")
        .arg(now.toUTC().toString(QStringLiteral("yyyyMMddTHHmmss")))
        .arg(QRandomGenerator::global()->generate() & 0xffffff, 6, 16, QLatin1Char('0'));
}

QDateTime now()
{
    return Clock::system()->now();
}
} // namespace

LogoutRun::LogoutRun(IdpConnector *connector, LogoutPlan plan, Options options, CommitHook commit, QObject *parent)
    : QObject(parent)
    , m_connector(connector)
    , m_plan(std::move(plan))
    , m_options(options)
    , m_commit(std::move(commit))
{
    m_options.concurrency = std::max(1, m_options.concurrency);
    m_info.id = newRunId(now());
    m_info.profileId = m_plan.profile.id;
    m_info.profileName = m_plan.profile.name;
    m_info.idpKind = idpKindId(m_plan.profile.kind);
    m_info.scope = m_plan.scope;
    m_info.sessions = int(m_plan.sessions.size());
    m_info.users = m_plan.users;
    m_info.concurrency = m_options.concurrency;
    m_ledger.setRunId(m_info.id);
    for (const Delivery &d : std::as_const(m_plan.deliveries))
        m_ledger.add(d);
    m_info.counts = m_ledger.counts();
    buildUnits();
    if (m_plan.resend) { // no session is ended; these are the sessions the deliveries belonged to
        QSet<QString> sessions;
        for (const Delivery &d : m_ledger.all())
            sessions.insert(d.sessionId);
        m_info.sessions = int(sessions.size());
    }

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(std::max(0, m_options.flushIntervalMs));
    connect(&m_flushTimer, &QTimer::timeout, this, &LogoutRun::flush);
}

LogoutRun::~LogoutRun()
{
    stopFeed();
}

// Disconnected first: the feed saying it closed because we closed it is no news.
void LogoutRun::stopFeed()
{
    if (!m_feedStarted)
        return;
    m_feedStarted = false;
    IdpOutcomeFeed *feed = m_connector ? m_connector->outcomeFeed() : nullptr;
    if (!feed)
        return;
    disconnect(feed, nullptr, this, nullptr);
    feed->stop();
}

bool LogoutRun::isActive() const
{
    return m_started && !m_finished;
}

// A logout sends sessions (every session of the plan, also one whose RPs are all predicted
// skipped: ending it is the point); a resend sends the pending deliveries one by one.
void LogoutRun::buildUnits()
{
    if (m_plan.resend) {
        for (int row = 0; row < m_ledger.size(); ++row) {
            const Delivery &d = m_ledger.at(row);
            if (d.state != DeliveryState::Pending)
                continue;
            m_units.append(IdpSession{d.sessionId, d.userId, d.userName, {}, {}, {}, {{d.clientId, d.sid}}});
            m_unitRows.append(QList<int>{row});
        }
        return;
    }
    QHash<QString, int> unitOf;
    for (const IdpSession &s : std::as_const(m_plan.sessions)) {
        if (unitOf.contains(s.id))
            continue;
        unitOf.insert(s.id, int(m_units.size()));
        m_units.append(s);
        m_unitRows.append(QList<int>());
    }
    for (int row = 0; row < m_ledger.size(); ++row) {
        const Delivery &d = m_ledger.at(row);
        auto it = unitOf.constFind(d.sessionId);
        if (it == unitOf.cend()) {
            it = unitOf.insert(d.sessionId, int(m_units.size()));
            m_units.append(IdpSession{d.sessionId, d.userId, d.userName, {}, {}, {}, {}});
            m_unitRows.append(QList<int>());
        }
        m_unitRows[*it].append(row);
    }
}

void LogoutRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_info.status = RunStatus::Running;
    m_info.startedAt = now();
    for (int row = 0; row < m_ledger.size(); ++row)
        addDirty(row);
    m_infoDirty = true;
    m_flushTimer.start();
    // Queued, so that whoever holds the run connects before anything happens.
    QMetaObject::invokeMethod(
        this,
        [this] {
            dispatchMore();
            maybeFinish();
        },
        Qt::QueuedConnection);
}

// One-session IdPs: `concurrency` calls at once. Batching IdPs take the concurrency themselves;
// two batches overlap so the IdP is not idle while one run drains, each with half of it, so the
// total stays within what the administrator allowed.
int LogoutRun::slotCount() const
{
    const int maxBatch = std::max(1, m_plan.support.maxBatch);
    if (maxBatch == 1)
        return m_options.concurrency;
    const bool severalBatches = m_units.size() > maxBatch;
    return severalBatches && m_options.concurrency >= 2 ? 2 : 1;
}

void LogoutRun::dispatchMore()
{
    const int maxBatch = std::max(1, m_plan.support.maxBatch);
    while (!m_cancelled && m_nextUnit < m_units.size() && int(m_batches.size()) < slotCount()) {
        const int id = m_nextBatchId++;
        Batch &batch = m_batches[id];
        const int end = std::min(int(m_units.size()), m_nextUnit + maxBatch);
        for (int u = m_nextUnit; u < end; ++u) {
            batch.units.append(u);
            batch.rows.append(m_unitRows.at(u));
        }
        m_nextUnit = end;
        sendBatch(id);
    }
}

void LogoutRun::sendBatch(int batchId)
{
    const Batch &batch = m_batches.at(batchId);
    const int perCall = std::max(1, m_options.concurrency / slotCount());
    auto done = [this, batchId](Result<LogoutDispatch> result) { onDispatched(batchId, result); };
    if (!m_connector) {
        QMetaObject::invokeMethod(
            this, [done] { done(Error{Tr::tr("The connection to the IdP was closed.")}); }, Qt::QueuedConnection);
        return;
    }
    if (m_plan.resend) {
        QList<ResendItem> items;
        for (const int row : batch.rows) {
            const Delivery &d = m_ledger.at(row);
            items.append({d.sessionId, d.userId, d.clientId, d.sid});
        }
        m_connector->resend(items, perCall, this, done);
        return;
    }
    QList<IdpSession> sessions;
    for (const int u : batch.units)
        sessions.append(m_units.at(u));
    m_connector->logoutSessions(sessions, m_plan.support.maxBatch > 1 ? perCall : 1, this, done);
}

void LogoutRun::onDispatched(int batchId, const Result<LogoutDispatch> &result)
{
    auto it = m_batches.find(batchId);
    if (it == m_batches.end())
        return;
    Batch &batch = it->second;
    batch.callDone = true;
    if (!result) {
        batch.callFailed = true;
        ++m_callsFailed;
        if (m_firstError.isEmpty())
            m_firstError = result.errorString();
        settleRows(batch.rows, DeliveryState::Failed, OutcomeSource::Signoff, result.errorString());
        completeIfDone(batchId);
        return;
    }
    ++m_callsOk;
    const LogoutDispatch &dispatch = result.value();
    applyExpected(batch, dispatch);
    if (!dispatch.idpRunId.isEmpty()) {
        batch.idpRunId = dispatch.idpRunId;
        m_info.idpRunIds.append(dispatch.idpRunId);
        m_idpRunRows.insert(dispatch.idpRunId, batch.rows);
        scheduleInfoFlush();
    }
    IdpOutcomeFeed *feed = m_connector ? m_connector->outcomeFeed() : nullptr;
    batch.waitsForIdp = m_plan.support.reportsOutcomes && feed && !batch.idpRunId.isEmpty();
    if (batch.waitsForIdp) {
        if (dispatch.eventsCursor)
            startFeed(*dispatch.eventsCursor);
        const QList<OutcomeReport> early = std::exchange(m_unclaimed, {});
        for (const OutcomeReport &r : early) {
            if (r.idpRunId == batch.idpRunId)
                applyReport(r);
            else
                m_unclaimed.append(r);
        }
        batch.idpFinished = m_idpRunsFinishedEarly.remove(batch.idpRunId);
    }
    completeIfDone(batchId);
}

// The IdP's own ledger replaces the prediction for the sessions it answered for.
void LogoutRun::applyExpected(Batch &batch, const LogoutDispatch &dispatch)
{
    const QSet<QString> notFound(dispatch.notFound.cbegin(), dispatch.notFound.cend());
    const QSet<QString> elsewhere(dispatch.inProgressElsewhere.cbegin(), dispatch.inProgressElsewhere.cend());
    QList<int> gone, busy;
    for (const int row : batch.rows) {
        const QString &session = m_ledger.at(row).sessionId;
        if (notFound.contains(session))
            gone.append(row);
        else if (elsewhere.contains(session))
            busy.append(row);
    }
    settleRows(gone, DeliveryState::Skipped, OutcomeSource::Signoff, Tr::tr("session no longer exists at the IdP"));
    settleRows(busy, DeliveryState::Skipped, OutcomeSource::Signoff,
               Tr::tr("another logout was already ending this session at the IdP"));
    if (dispatch.expected.isEmpty())
        return;

    QSet<int> listed;
    for (const IdpExpectedDelivery &e : dispatch.expected) {
        std::optional<int> row = m_ledger.find(e.sessionId, e.clientId);
        if (!row) {
            Delivery d;
            d.sessionId = e.sessionId;
            d.userId = e.userId;
            d.clientId = e.clientId;
            d.sid = e.sid;
            row = m_ledger.add(d);
            batch.rows.append(*row);
            markDirty(*row);
        }
        listed.insert(*row);
        if (e.deliver) {
            if (m_ledger.reopenPredicted(*row, now()))
                markDirty(*row);
        } else {
            OutcomeReport r;
            r.source = OutcomeSource::Idp;
            r.sessionId = e.sessionId;
            r.clientId = e.clientId;
            r.state = DeliveryState::Skipped;
            r.error = e.skipReason;
            applyReport(r);
        }
    }
    QList<int> omitted;
    for (const int row : batch.rows) {
        const QString &session = m_ledger.at(row).sessionId;
        if (!listed.contains(row) && !notFound.contains(session) && !elsewhere.contains(session))
            omitted.append(row);
    }
    settleRows(omitted, DeliveryState::Skipped, OutcomeSource::Idp, Tr::tr("the IdP did not list this RP"));
}

void LogoutRun::startFeed(qint64 cursor)
{
    IdpOutcomeFeed *feed = m_connector ? m_connector->outcomeFeed() : nullptr;
    if (m_feedStarted || !feed)
        return;
    m_feedStarted = true;
    connect(feed, &IdpOutcomeFeed::outcomes, this, &LogoutRun::onFeedOutcomes);
    connect(feed, &IdpOutcomeFeed::idpRunFinished, this, &LogoutRun::onIdpRunFinished);
    connect(feed, &IdpOutcomeFeed::connectionChanged, this, [this](bool connected, const QString &message) {
        if (!connected)
            emit notice(message);
    });
    connect(feed, &IdpOutcomeFeed::gap, this, [this](const QString &message) { emit notice(message); });
    feed->start(cursor);
}

bool LogoutRun::hasCallInFlight() const
{
    return std::any_of(m_batches.cbegin(), m_batches.cend(), [](const auto &b) { return !b.second.callDone; });
}

void LogoutRun::onFeedOutcomes(const QList<OutcomeReport> &reports)
{
    for (const OutcomeReport &r : reports) {
        if (r.idpRunId.isEmpty())
            continue;
        if (m_idpRunRows.contains(r.idpRunId))
            applyReport(r);
        else if (hasCallInFlight())
            m_unclaimed.append(r); // maybe the answer of a call still on its way
    }
    if (!hasCallInFlight())
        m_unclaimed.clear();
    QList<int> waiting;
    for (const auto &[id, batch] : m_batches) {
        if (batch.callDone && batch.waitsForIdp)
            waiting << id;
    }
    for (const int id : std::as_const(waiting))
        completeIfDone(id);
}

// A mock RP's or the relay's word is not the IdP's: its report may still come and decide. Rows
// Signoff settled itself (the session was gone) get no report.
bool LogoutRun::reportedByIdp(const QList<int> &rows) const
{
    static const QString idp = outcomeSourceId(OutcomeSource::Idp);
    return std::all_of(rows.cbegin(), rows.cend(), [this](int row) {
        const Delivery &d = m_ledger.at(row);
        return d.sources.contains(idp) || (isFinal(d.state) && d.source == OutcomeSource::Signoff);
    });
}

void LogoutRun::onIdpRunFinished(const QString &idpRunId)
{
    for (auto &[id, batch] : m_batches) {
        if (batch.idpRunId == idpRunId) {
            batch.idpFinished = true;
            completeIfDone(id);
            return;
        }
    }
    if (hasCallInFlight())
        m_idpRunsFinishedEarly.insert(idpRunId);
}

// A batch is done when its call answered and, for an IdP that reports, the IdP's run finished.
// Whatever is still pending then has no source left that could settle it.
void LogoutRun::completeIfDone(int batchId)
{
    auto it = m_batches.find(batchId);
    if (it == m_batches.end())
        return;
    Batch &batch = it->second;
    // The IdP having reported every delivery of the batch is as good as its "run finished": that
    // event may be the one a gap in its stream lost.
    if (!batch.callDone || (batch.waitsForIdp && !batch.idpFinished && !reportedByIdp(batch.rows)))
        return;
    settleUnreported(batch);
    m_batches.erase(it);
    if (!hasCallInFlight())
        m_unclaimed.clear();
    dispatchMore();
    maybeFinish();
}

void LogoutRun::settleUnreported(Batch &batch)
{
    QList<int> pending;
    for (const int row : std::as_const(batch.rows)) {
        if (m_ledger.at(row).state == DeliveryState::Pending)
            pending.append(row);
    }
    if (pending.isEmpty())
        return;
    if (batch.waitsForIdp)
        settleRows(pending, DeliveryState::Unconfirmed, OutcomeSource::Signoff, Tr::tr("the IdP's report was lost"));
    else if (m_plan.support.sendsTokens)
        settleRows(pending, DeliveryState::Unconfirmed, OutcomeSource::Signoff, notReportedReason());
    else
        settleRows(pending, DeliveryState::Skipped, OutcomeSource::Signoff, m_plan.support.noTokensReason);
}

QString LogoutRun::notReportedReason() const
{
    return Tr::tr("%1 does not report back-channel results").arg(idpKindLabel(m_plan.profile.kind));
}

void LogoutRun::cancel()
{
    if (m_finished)
        return;
    if (m_cancelled) {
        stopWaiting();
        return;
    }
    m_cancelled = true;
    const int sent = m_nextUnit;
    QList<int> rows;
    for (int u = m_nextUnit; u < m_units.size(); ++u)
        rows.append(m_unitRows.at(u));
    m_nextUnit = int(m_units.size());
    settleRows(rows, DeliveryState::Skipped, OutcomeSource::Signoff, Tr::tr("cancelled before sending"));
    m_info.error = m_plan.resend ? Tr::tr("cancelled after %1 of %2 deliveries").arg(sent).arg(m_units.size())
                                 : Tr::tr("cancelled after %1 of %2 sessions").arg(sent).arg(m_units.size());
    scheduleInfoFlush();
    if (m_started)
        maybeFinish();
}

// The administrator gave up on what was sent (an IdP whose report never comes): whatever is still
// open ends unconfirmed, and answers that come later are ignored.
void LogoutRun::stopWaiting()
{
    for (const auto &[id, batch] : m_batches) {
        QList<int> open;
        for (const int row : batch.rows) {
            if (m_ledger.at(row).state == DeliveryState::Pending)
                open << row;
        }
        settleRows(open, DeliveryState::Unconfirmed, OutcomeSource::Signoff,
                   batch.callDone ? Tr::tr("sent; the run stopped waiting for the IdP's report")
                                  : Tr::tr("the IdP had not answered the logout call when the run was stopped"));
    }
    m_batches.clear();
    m_unclaimed.clear();
    maybeFinish();
}

void LogoutRun::ingest(const QList<OutcomeReport> &reports)
{
    for (const OutcomeReport &r : reports)
        applyReport(r);
}

void LogoutRun::settleRows(const QList<int> &rows, DeliveryState state, OutcomeSource source, const QString &reason)
{
    for (const int row : rows) {
        const Delivery &d = m_ledger.at(row);
        OutcomeReport r;
        r.source = source;
        r.sessionId = d.sessionId;
        r.clientId = d.clientId;
        r.state = state;
        r.error = reason;
        applyReport(r);
    }
}

void LogoutRun::applyReport(const OutcomeReport &report)
{
    if (const auto row = m_ledger.apply(report, now()))
        markDirty(*row);
}

void LogoutRun::markDirty(int row)
{
    addDirty(row);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogoutRun::scheduleInfoFlush()
{
    m_infoDirty = true;
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogoutRun::maybeFinish()
{
    if (m_finished || !m_started || m_nextUnit < m_units.size() || !m_batches.empty())
        return;
    m_finished = true;
    m_info.finishedAt = now();
    if (m_cancelled)
        m_info.status = RunStatus::Cancelled;
    else if (m_callsOk == 0 && m_callsFailed > 0) {
        m_info.status = RunStatus::Failed;
        m_info.error = m_firstError;
    } else
        m_info.status = RunStatus::Finished;
    m_infoDirty = true;
    m_flushTimer.stop();
    stopFeed();
    flush(); // finished() follows once this last commit returned
}

void LogoutRun::addDirty(int row)
{
    if (m_dirty.contains(row))
        return;
    m_dirty.insert(row);
    m_dirtyOrder.append(row);
}

QList<int> LogoutRun::takeDirty()
{
    const qsizetype n = std::min<qsizetype>(m_dirtyOrder.size(), std::max(1, m_options.maxCommitRows));
    QList<int> rows = m_dirtyOrder.first(n);
    m_dirtyOrder.remove(0, n);
    for (const int row : std::as_const(rows))
        m_dirty.remove(row);
    std::sort(rows.begin(), rows.end());
    return rows;
}

void LogoutRun::noteWritten(int row, DeliveryState state)
{
    if (row >= m_written.size())
        m_written.resize(m_ledger.size(), -1);
    int &written = m_written[row];
    if (written >= 0)
        --m_writtenCounts.of(DeliveryState(written));
    ++m_writtenCounts.of(state);
    written = int(state);
}

// Commit first, then announce: whatever a view or the CLI showed is in the history. The commit
// runs elsewhere (the history's writer thread), one at a time: what changes meanwhile waits for
// the next. The run's counts are those of the rows written, and its end goes with its last rows,
// so the history never holds a finished run with rows still pending.
void LogoutRun::flush()
{
    if (m_commitInFlight || (m_dirty.isEmpty() && !m_infoDirty))
        return;
    const QList<int> rows = takeDirty();
    QList<Delivery> changed;
    changed.reserve(rows.size());
    for (const int row : rows) {
        changed.append(m_ledger.at(row));
        noteWritten(row, changed.last().state);
    }
    m_info.counts = m_writtenCounts;
    RunInfo info = m_info;
    m_infoDirty = !m_dirty.isEmpty();
    if (m_infoDirty && m_finished) {
        info.status = RunStatus::Running;
        info.finishedAt = QDateTime();
    }
    m_commitInFlight = true;
    if (!m_commit) {
        onCommitted(rows, info, Status());
        return;
    }
    m_commit(info, changed, [self = QPointer<LogoutRun>(this), rows, info](const Status &status) {
        if (self)
            self->onCommitted(rows, info, status);
    });
}

// A row that changed again while its commit was in flight shows a state not written yet: it is
// announced after the next commit.
void LogoutRun::onCommitted(const QList<int> &rows, const RunInfo &info, const Status &status)
{
    m_commitInFlight = false;
    if (!status)
        emit notice(Tr::tr("The history could not be written: %1").arg(status.errorString()));
    QList<int> settled;
    settled.reserve(rows.size());
    for (const int row : rows) {
        if (!m_dirty.contains(row))
            settled.append(row);
    }
    if (!settled.isEmpty())
        emit deliveriesChanged(settled);
    emit infoChanged(info);
    if (m_commitInFlight) // a slot above started the next one
        return;
    if (!m_dirty.isEmpty() || m_infoDirty) {
        // Waited a whole commit already: the next one goes now unless the timer is about to fire.
        if (m_finished || !m_flushTimer.isActive())
            QMetaObject::invokeMethod(this, &LogoutRun::flush, Qt::QueuedConnection);
        return;
    }
    if (m_finished && !m_finishAnnounced) {
        m_finishAnnounced = true;
        emit finished(info);
    }
}

} // namespace signoff::logout
