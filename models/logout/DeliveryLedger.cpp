#include "DeliveryLedger.h"

#include <QCoreApplication>
#include <QMap>

namespace signoff::logout {

namespace {
bool is2xx(const std::optional<int> &status)
{
    return status && *status >= 200 && *status < 300;
}
} // namespace

DeliveryLedger::DeliveryLedger(QString runId)
    : m_runId(std::move(runId))
{}

void DeliveryLedger::setRunId(const QString &runId)
{
    m_runId = runId;
    for (Delivery &row : m_rows)
        row.runId = runId;
}

int DeliveryLedger::add(Delivery delivery)
{
    if (const auto existing = find(delivery.sessionId, delivery.clientId))
        return *existing;
    delivery.runId = m_runId;
    if (delivery.sources.isEmpty() && delivery.state != DeliveryState::Pending)
        delivery.sources.append(outcomeSourceId(delivery.source));
    m_rows.append(std::move(delivery));
    const int row = int(m_rows.size()) - 1;
    m_bySessionClient.insert(key(m_rows[row].sessionId, m_rows[row].clientId), row);
    if (!m_rows[row].userId.isEmpty())
        m_byClientSub.insert(key(m_rows[row].clientId, m_rows[row].userId), row);
    index(row);
    return row;
}

void DeliveryLedger::index(int row)
{
    const Delivery &d = m_rows.at(row);
    if (!d.tokenJti.isEmpty())
        m_byJti.insert(d.tokenJti, row);
    if (!d.sid.isEmpty())
        m_byClientSid.insert(key(d.clientId, d.sid), row);
}

std::optional<int> DeliveryLedger::find(const QString &sessionId, const QString &clientId) const
{
    const auto it = m_bySessionClient.constFind(key(sessionId, clientId));
    if (it == m_bySessionClient.cend())
        return std::nullopt;
    return *it;
}

QList<int> DeliveryLedger::rowsOfSession(const QString &sessionId) const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).sessionId == sessionId)
            rows.append(i);
    }
    return rows;
}

std::optional<int> DeliveryLedger::match(const OutcomeReport &report) const
{
    if (!report.sessionId.isEmpty()) {
        if (const auto row = find(report.sessionId, report.clientId))
            return row;
    }
    if (!report.tokenJti.isEmpty()) {
        if (const auto it = m_byJti.constFind(report.tokenJti); it != m_byJti.cend())
            return *it;
    }
    if (!report.sid.isEmpty()) {
        if (const auto it = m_byClientSid.constFind(key(report.clientId, report.sid)); it != m_byClientSid.cend())
            return *it;
    }
    if (report.sub.isEmpty())
        return std::nullopt;
    // A token with a sub and no sid names a user, not a session: take the first of that user's
    // deliveries to this RP that no token has been matched to yet, oldest row first.
    std::optional<int> best;
    for (const int row : m_byClientSub.values(key(report.clientId, report.sub))) {
        if (m_rows.at(row).tokenJti.isEmpty() && (!best || row < *best))
            best = row;
    }
    return best;
}

bool DeliveryLedger::decideState(Delivery &row, const OutcomeReport &report) const
{
    const bool settledByIdp = row.source == OutcomeSource::Idp && isFinal(row.state);
    switch (report.source) {
    case OutcomeSource::Idp:
        if (!isFinal(report.state) || settledByIdp)
            return false;
        break;
    case OutcomeSource::MockRp:
    case OutcomeSource::Relay:
        if (!isFinal(report.state) || settledByIdp)
            return false;
        break;
    case OutcomeSource::Signoff:
    case OutcomeSource::Prediction:
        if (row.state != DeliveryState::Pending || !isFinal(report.state))
            return false;
        break;
    }
    row.source = report.source;
    row.httpStatus = report.httpStatus;
    row.latencyMs = report.latencyMs;
    if (report.state == DeliveryState::Delivered && !is2xx(report.httpStatus)) {
        // A source that says "delivered" without the 2xx it saw is not believed: sent, unconfirmed.
        row.state = DeliveryState::Unconfirmed;
        row.error = QCoreApplication::translate("DeliveryLedger", "reported delivered without a 2xx answer");
        return true;
    }
    row.state = report.state;
    row.error = report.error;
    return true;
}

bool DeliveryLedger::addEvidence(Delivery &row, const OutcomeReport &report)
{
    bool changed = false;
    const QString sourceId = outcomeSourceId(report.source);
    if (!row.sources.contains(sourceId)) {
        row.sources.append(sourceId);
        changed = true;
    }
    auto fill = [&changed](auto &field, const auto &value) {
        if (field.isEmpty() && !value.isEmpty()) {
            field = value;
            changed = true;
        }
    };
    fill(row.tokenJti, report.tokenJti);
    fill(row.sid, report.sid);
    fill(row.logoutToken, report.logoutToken);
    if (!report.validation.isEmpty() && row.validation != report.validation) {
        row.validation = report.validation;
        changed = true;
    }
    return changed;
}

std::optional<int> DeliveryLedger::apply(const OutcomeReport &report, const QDateTime &now)
{
    const auto row = match(report);
    if (!row)
        return std::nullopt;
    Delivery &d = m_rows[*row];
    const bool stateChanged = decideState(d, report);
    // Signoff's own conclusions are no evidence: one that did not settle the row leaves no trace.
    const bool concluded = report.source == OutcomeSource::Signoff || report.source == OutcomeSource::Prediction;
    if (concluded && !stateChanged)
        return std::nullopt;
    const bool evidenceChanged = addEvidence(d, report);
    if (!stateChanged && !evidenceChanged)
        return std::nullopt;
    d.updatedAt = report.time.isValid() ? report.time : now;
    index(*row);
    return row;
}

bool DeliveryLedger::reopenPredicted(int row, const QDateTime &now)
{
    Delivery &d = m_rows[row];
    if (d.state != DeliveryState::Skipped || d.source != OutcomeSource::Prediction)
        return false;
    d.state = DeliveryState::Pending;
    d.error.clear();
    d.sources.removeAll(outcomeSourceId(OutcomeSource::Prediction));
    d.updatedAt = now;
    return true;
}

QList<int> DeliveryLedger::settlePending(const QSet<QString> &sessionIds, DeliveryState state, const QString &reason,
                                         const QDateTime &now)
{
    QList<int> changed;
    for (int i = 0; i < m_rows.size(); ++i) {
        Delivery &d = m_rows[i];
        if (d.state != DeliveryState::Pending || (!sessionIds.isEmpty() && !sessionIds.contains(d.sessionId)))
            continue;
        OutcomeReport report;
        report.source = OutcomeSource::Signoff;
        report.state = state;
        report.error = reason;
        decideState(d, report);
        addEvidence(d, report);
        d.updatedAt = now;
        changed.append(i);
    }
    return changed;
}

StateCounts DeliveryLedger::counts() const
{
    StateCounts counts;
    for (const Delivery &d : m_rows)
        ++counts.of(d.state);
    return counts;
}

bool DeliveryLedger::allFinal() const
{
    return std::all_of(m_rows.cbegin(), m_rows.cend(), [](const Delivery &d) { return isFinal(d.state); });
}

QList<RpSummary> DeliveryLedger::rpSummaries() const
{
    QMap<QString, std::pair<RpSummary, QList<double>>> byClient;
    for (const Delivery &d : m_rows) {
        auto &[summary, latencies] = byClient[d.clientId];
        summary.clientId = d.clientId;
        ++summary.counts.of(d.state);
        if (d.latencyMs && d.httpStatus)
            latencies.append(*d.latencyMs);
    }
    QList<RpSummary> out;
    for (auto &[summary, latencies] : byClient) {
        summary.p50Ms = percentile(latencies, 50);
        summary.p95Ms = percentile(latencies, 95);
        out.append(summary);
    }
    return out;
}

} // namespace signoff::logout
