#pragma once

#include "LogoutTypes.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace signoff::logout {

// The expected-delivery ledger of one run: a row per (session, RP), and the rules that merge what
// each source reports into one state. Pure data, no Qt objects, no clock of its own: unit-tested
// rule by rule.
//
// Merge rules:
// - The IdP's own report decides the state when there is one (it is what the IdP experienced);
//   a mock RP's or the relay's observation adds the token and the verdicts.
// - A mock RP or the relay decides the state of a delivery no IdP report has settled: pending,
//   unconfirmed (an IdP that does not report back) or a predicted skip that was sent after all.
// - Signoff's own conclusions (the IdP call failed, the run was cancelled, "sent, unconfirmed")
//   settle only deliveries that are still pending.
// - Nothing is ever "delivered" unless a source saw a 2xx answer.
class DeliveryLedger
{
public:
    explicit DeliveryLedger(QString runId = {});

    const QString &runId() const { return m_runId; }
    void setRunId(const QString &runId);

    // Adds a delivery (its runId is set to the ledger's); one that is already there (same
    // session and client) is returned as is. Returns its row.
    int add(Delivery delivery);
    int size() const { return int(m_rows.size()); }
    const Delivery &at(int row) const { return m_rows.at(row); }
    const QList<Delivery> &all() const { return m_rows; }
    std::optional<int> find(const QString &sessionId, const QString &clientId) const;
    QList<int> rowsOfSession(const QString &sessionId) const;

    // The row a report belongs to: by (session, client), by the token's jti, by (client, sid),
    // then by (client, sub) among rows no token was matched to yet.
    std::optional<int> match(const OutcomeReport &report) const;
    // Merges one report; returns the row when anything about it changed.
    std::optional<int> apply(const OutcomeReport &report, const QDateTime &now);

    // The IdP says it will notify a delivery the prediction had skipped: pending again. Only a
    // prediction is undone, never what a source reported. Returns whether the row changed.
    bool reopenPredicted(int row, const QDateTime &now);

    // Settles every pending delivery of the given sessions (all sessions when empty) as state,
    // reported by Signoff with the reason. Returns the rows that changed.
    QList<int> settlePending(const QSet<QString> &sessionIds, DeliveryState state, const QString &reason,
                             const QDateTime &now);

    StateCounts counts() const;
    bool allFinal() const;
    QList<RpSummary> rpSummaries() const; // ordered by client id

private:
    static QString key(const QString &a, const QString &b) { return a + QChar(0x1f) + b; }
    bool decideState(Delivery &row, const OutcomeReport &report) const;
    static bool addEvidence(Delivery &row, const OutcomeReport &report);
    void index(int row);

    QString m_runId;
    QList<Delivery> m_rows;
    QHash<QString, int> m_bySessionClient;
    QHash<QString, int> m_byJti;
    QHash<QString, int> m_byClientSid;
    QMultiHash<QString, int> m_byClientSub;
};

} // namespace signoff::logout
