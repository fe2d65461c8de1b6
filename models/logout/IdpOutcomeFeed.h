#pragma once

#include "LogoutTypes.h"

#include <QObject>

namespace signoff::logout {

// An IdP's own live report of delivery outcomes (the sandbox's event stream). It reconnects by
// itself after a drop and resumes from the last event it delivered, so an outcome is neither lost
// nor repeated while the IdP still holds it; when the IdP no longer does, gap() says so.
class IdpOutcomeFeed : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts delivering every event after cursor (the cursor a logout call answered with).
    virtual void start(qint64 cursor) = 0;
    virtual void stop() = 0;
    virtual qint64 cursor() const = 0; // of the last event delivered

signals:
    // Delivery outcomes, in stream order, batched (a flood arrives as few signals).
    void outcomes(const QList<signoff::logout::OutcomeReport> &reports);
    // The IdP finished one of its runs: every delivery of it has been reported.
    void idpRunFinished(const QString &idpRunId);
    // Connected, or lost with the reason and what happens next ("reconnecting in 1 s").
    void connectionChanged(bool connected, const QString &message);
    // Events were lost on the IdP's side (its buffer overflowed, it restarted).
    void gap(const QString &message);
};

} // namespace signoff::logout
