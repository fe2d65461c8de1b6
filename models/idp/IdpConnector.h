#pragma once

#include "IdpTypes.h"
#include "core/Result.h"

#include <QObject>

#include <functional>

namespace signoff {

// One IdP admin API behind one asynchronous interface. Answers arrive through callbacks bound to a
// context object (dropped when it dies), always queued, like the rest of the core. Long listings
// stream page by page; a page that failed ends the listing with an error, never with a short list
// that looks complete. Every error message is one sentence an administrator can act on.
class IdpConnector : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    template <typename T> using Done = std::function<void(Result<T>)>;
    using PageCallback = std::function<void(const QList<IdpSession> &page, ListProgress progress)>;
    using StatusCallback = std::function<void(Status)>;

    virtual IdpCapabilities capabilities() const = 0;
    // Plain words for what this IdP cannot do, shown where it applies.
    virtual QStringList limitations() const = 0;

    virtual void testConnection(QObject *context, Done<ConnectionReport> done) = 0;
    virtual void facts(QObject *context, Done<IdpFacts> done) = 0;
    virtual void relyingParties(QObject *context, Done<QList<RelyingParty>> done) = 0;
    virtual void users(const QString &search, int limit, QObject *context, Done<QList<IdpUser>> done) = 0;
    // onPage for each page in order, then done once (an error if any page failed).
    virtual void sessions(const SessionQuery &query, QObject *context, PageCallback onPage, StatusCallback done) = 0;
};

} // namespace signoff
