#include "IdpConnector.h"

#include <QMetaObject>
#include <QPointer>
#include <QSet>

#include <memory>

namespace signoff {

void IdpConnector::sessionsById(const QStringList &ids, QObject *context, Done<QList<IdpSession>> done)
{
    auto wanted = std::make_shared<QSet<QString>>(ids.cbegin(), ids.cend());
    auto found = std::make_shared<QList<IdpSession>>();
    sessions(
        SessionQuery{}, context,
        [wanted, found](const QList<IdpSession> &page, ListProgress) {
            for (const IdpSession &s : page) {
                if (wanted->contains(s.id))
                    found->append(s);
            }
        },
        [found, done = std::move(done)](Status status) {
            if (!status)
                done(status.error());
            else
                done(*found);
        });
}

LogoutSupport IdpConnector::logoutSupport() const
{
    LogoutSupport support;
    support.noTokensReason = tr("This IdP's admin API cannot end sessions.");
    support.resendAdvice = tr("This IdP cannot send a logout token again.");
    return support;
}

void IdpConnector::logoutSessions(const QList<IdpSession> &, int, QObject *context, Done<LogoutDispatch> done)
{
    answerLater(context, std::move(done), Error{logoutSupport().noTokensReason});
}

void IdpConnector::resend(const QList<ResendItem> &, int, QObject *context, Done<LogoutDispatch> done)
{
    answerLater(context, std::move(done), Error{logoutSupport().resendAdvice});
}

} // namespace signoff
