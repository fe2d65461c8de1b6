#pragma once

#include "IdpTypes.h"
#include "core/Result.h"

#include <QMetaObject>
#include <QObject>

#include <functional>

namespace signoff::logout {
class IdpOutcomeFeed;
}

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
    // Those sessions, as the IdP has them now; ids it does not know are left out. The default
    // walks every session; connectors that can look one up do so.
    virtual void sessionsById(const QStringList &ids, QObject *context, Done<QList<IdpSession>> done);

    // Ending sessions. The default: this IdP's admin API cannot end sessions.
    virtual LogoutSupport logoutSupport() const;
    // Ends these sessions (at most logoutSupport().maxBatch); concurrency is the IdP's own
    // parallelism where it takes one (sandbox). done once the IdP accepted or refused the call.
    virtual void logoutSessions(const QList<IdpSession> &sessions, int concurrency, QObject *context,
                                Done<LogoutDispatch> done);
    // Sends logout tokens again for deliveries whose session has ended (logoutSupport().canResend).
    virtual void resend(const QList<ResendItem> &items, int concurrency, QObject *context, Done<LogoutDispatch> done);
    // The IdP's live outcome report, owned by the connector; nullptr when it has none.
    virtual logout::IdpOutcomeFeed *outcomeFeed() { return nullptr; }

protected:
    // Hands an answer known at once (a refusal, an unsupported call) to done on the next turn of
    // context's event loop: callbacks are always queued, never called from inside the request.
    template <typename Callback, typename Value> static void answerLater(QObject *context, Callback done, Value value)
    {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); },
            Qt::QueuedConnection);
    }
};

} // namespace signoff
