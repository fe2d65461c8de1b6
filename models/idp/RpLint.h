#pragma once

#include "IdpTypes.h"

#include <QList>
#include <QString>

namespace signoff {

// Settings that silently break (or weaken) back-channel logout, found from an RP's settings and
// facts about its IdP alone: pure, no network, one finding per problem with a stable code.
struct LintFinding
{
    enum class Severity
    {
        Error,   // the RP will not be told, or will refuse what it is told
        Warning, // delivery works but is at risk (clear text, disabled client, …)
        Info     // worth knowing (an IdP operation that ends sessions silently)
    };
    QString code; // stable, for scripts: "no_backchannel_uri", …
    Severity severity = Severity::Error;
    QString message; // one line
    QString fix;     // what to change, for the details pane
};

QString severityId(LintFinding::Severity severity); // "error" | "warning" | "info"
QString severityLabel(LintFinding::Severity severity);

QList<LintFinding> lintRelyingParty(const RelyingParty &rp, const IdpFacts &idp);
// Findings about the IdP as a whole (e.g. discovery says it does not support back-channel logout).
QList<LintFinding> lintIdp(const IdpFacts &idp);

// Whether the host is loopback, private (RFC 1918, RFC 4193, link-local) or "localhost".
bool isPrivateOrLoopbackHost(const QString &host);

} // namespace signoff
