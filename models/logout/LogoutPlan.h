#pragma once

#include "LogoutTypes.h"
#include "idp/IdpTypes.h"
#include "store/Profile.h"

namespace signoff::logout {

// What a run will do, worked out before anything is sent, for the confirmation (GUI dialog,
// signoffctl's prompt): the sessions, and for each (session, RP) whether the IdP will notify it
// or why not (the lint's prediction).
struct LogoutPlan
{
    struct RpPrediction
    {
        QString clientId;
        QString name;
        int sessions = 0; // sessions of the scope that include this RP
        bool notified = false;
        QString reason;           // why not, when !notified ("no back-channel URI", ...)
        QStringList findingCodes; // the lint findings behind the reason
    };

    Profile profile;
    LogoutScope scope;
    IdpFacts facts;
    LogoutSupport support;
    QList<IdpSession> sessions;
    QList<Delivery> deliveries; // Pending (will be sent) or Skipped with the reason (source Prediction)
    QList<RpPrediction> rps;
    int users = 0;
    QStringList notes; // what this IdP cannot do that matters for this run
    // A retry: the Pending deliveries are sent again through IdpConnector::resend (their sessions
    // are gone); no session is ended.
    bool resend = false;

    // Scopes over 100 sessions need the count typed before they start.
    static constexpr int kTypedCountThreshold = 100;
    bool needsTypedCount() const { return sessions.size() > kTypedCountThreshold; }
};

} // namespace signoff::logout
