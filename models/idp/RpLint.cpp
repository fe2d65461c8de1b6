#include "RpLint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RpLint)
};

using S = LintFinding::Severity;

bool isLoopback(const QString &host)
{
    const QHostAddress a(host);
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive) || (!a.isNull() && a.isLoopback());
}

// Stands in for a ${...} placeholder so the rest of the URI can still be parsed and judged.
const QString kPlaceholderHost = QStringLiteral("placeholder.invalid");

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\$\\{[^}]*\\}"));
    return re;
}

QString withoutPlaceholders(QString text)
{
    return text.replace(placeholderPattern(), kPlaceholderHost);
}

void lintUri(const RelyingParty &rp, const IdpFacts &idp, QList<LintFinding> &out)
{
    const QString uri = rp.backchannelLogoutUri.trimmed();
    const QString root = rp.rootUrl.trimmed();
    QUrl url(withoutPlaceholders(uri), QUrl::StrictMode);
    // Only a URI without a scheme is relative: "mailto:x" or "https:///x" are wrong, not relative.
    const bool relative = url.scheme().isEmpty();
    // Keycloak fills placeholders in the URI or in the root it resolves against (${authBaseUrl}).
    const QRegularExpressionMatch placeholder =
        placeholderPattern().match(relative && !uri.contains(QLatin1String("${")) ? root : uri);
    if (placeholder.hasMatch())
        out.append({QStringLiteral("uri_placeholder"), S::Info,
                    Tr::tr("The back-channel URI holds a placeholder (%1) that the IdP fills in per session.")
                        .arg(placeholder.captured(0)),
                    Tr::tr("Nothing to change; the address depends on where each user signed in.")});
    if (relative) {
        if (root.isEmpty()) {
            out.append({QStringLiteral("relative_uri_without_root"), S::Error,
                        Tr::tr("The back-channel URI \"%1\" is relative and the client has no root URL, so the "
                               "IdP has nowhere to send the logout token.")
                            .arg(rp.backchannelLogoutUri),
                        Tr::tr("Give the client a root URL, or make the back-channel URI absolute.")});
            return;
        }
        url = QUrl(withoutPlaceholders(root), QUrl::StrictMode).resolved(url);
        // The whole root is a placeholder: scheme and host are the IdP's to fill in, nothing to judge.
        if (url.scheme().isEmpty() && placeholder.hasMatch())
            return;
    }
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        out.append({QStringLiteral("invalid_uri"), S::Error,
                    Tr::tr("The back-channel URI \"%1\" is not an http(s) URL.").arg(rp.backchannelLogoutUri),
                    Tr::tr("Set an absolute https:// URL of the RP's back-channel logout endpoint.")});
        return;
    }
    const QString host = url.host();
    // A host filled in per session may be anything; a placeholder elsewhere hides nothing about it.
    if (host.contains(kPlaceholderHost, Qt::CaseInsensitive))
        return;
    if (url.scheme() == QLatin1String("http") && !isLoopback(host))
        out.append(
            {QStringLiteral("http_uri"), S::Warning,
             Tr::tr("The logout token goes to %1 over plain http://, readable and forgeable on the way.").arg(host),
             Tr::tr("Use https:// for the back-channel URI.")});
    if (idp.refusesPrivateAddresses && isPrivateOrLoopbackHost(host))
        out.append({QStringLiteral("private_address_refused"), S::Error,
                    Tr::tr("%1 is a loopback or private address, which this IdP refuses to post to (its SSRF "
                           "guard): the RP is silently never told.")
                        .arg(host),
                    Tr::tr("Use a public address for the RP, or turn the IdP's protection off where that is safe "
                           "(Logto: OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1).")});
    else if (idp.mayRefusePrivateAddresses && isPrivateOrLoopbackHost(host))
        out.append({QStringLiteral("private_address_maybe_refused"), S::Warning,
                    Tr::tr("%1 is a loopback or private address: Logto 1.42 and later silently refuse to post to it "
                           "unless its SSRF protection is turned off (1.37–1.41 post to it).")
                        .arg(host),
                    Tr::tr("Use a public address for the RP, or check that the IdP runs with "
                           "OIDC_PROVIDER_SSRF_PROTECTION_DISABLED=1.")});
}
} // namespace

QString severityId(LintFinding::Severity s)
{
    switch (s) {
    case S::Error:
        return QStringLiteral("error");
    case S::Warning:
        return QStringLiteral("warning");
    case S::Info:
        break;
    }
    return QStringLiteral("info");
}

QString severityLabel(LintFinding::Severity s)
{
    switch (s) {
    case S::Error:
        return Tr::tr("Error");
    case S::Warning:
        return Tr::tr("Warning");
    case S::Info:
        break;
    }
    return Tr::tr("Info");
}

bool isPrivateOrLoopbackHost(const QString &host)
{
    if (isLoopback(host))
        return true;
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    QHostAddress a(bare);
    if (a.isNull())
        return false;
    // ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address inside.
    bool mapped = false;
    if (const quint32 v4 = a.toIPv4Address(&mapped); mapped)
        a = QHostAddress(v4);
    for (const auto &[net, bits] : {std::pair{"10.0.0.0", 8},
                                    {"172.16.0.0", 12},
                                    {"192.168.0.0", 16},
                                    {"100.64.0.0", 10},
                                    {"0.0.0.0", 8},
                                    {"fc00::", 7}}) {
        if (a.isInSubnet(QHostAddress(QLatin1String(net)), bits))
            return true;
    }
    return a.isLinkLocal() || a.isUniqueLocalUnicast();
}

QList<LintFinding> lintRelyingParty(const RelyingParty &rp, const IdpFacts &idp)
{
    QList<LintFinding> out = lintIdp(idp);
    if (!rp.enabled)
        out.append({QStringLiteral("client_disabled"), S::Warning,
                    Tr::tr("The client is disabled: the IdP sends it no logout tokens."),
                    Tr::tr("Enable the client if it still has users signed in.")});
    if (rp.backchannelLogoutUri.trimmed().isEmpty()) {
        out.append({QStringLiteral("no_backchannel_uri"), S::Error,
                    Tr::tr("No back-channel logout URI: this RP is never told when a user signs out."),
                    Tr::tr("Register the RP's back-channel logout endpoint with the IdP.")});
    } else {
        lintUri(rp, idp, out);
        if (rp.frontchannelLogout)
            out.append({QStringLiteral("frontchannel_overrides_backchannel"), S::Error,
                        Tr::tr("Front-channel logout is on: Keycloak then skips the back-channel URI entirely."),
                        Tr::tr("Turn \"Front channel logout\" off for this client in Keycloak.")});
        if (rp.sessionRequired && idp.backchannelLogoutSessionSupported == false)
            out.append({QStringLiteral("session_required_without_sid"), S::Error,
                        Tr::tr("The RP requires a sid in the logout token, but the IdP does not send one: the RP "
                               "will refuse every token."),
                        Tr::tr("Turn \"session required\" off for the RP, or use an IdP that sends sid.")});
    }
    if (idp.kind == QLatin1String("keycloak"))
        out.append({QStringLiteral("keycloak_logout_all_silent"), S::Info,
                    Tr::tr("Keycloak's \"logout all\" (realm sessions) sends this OIDC client no logout token."),
                    Tr::tr("Log users out per session or per user instead (Signoff does).")});
    else if (idp.kind == QLatin1String("logto"))
        out.append({QStringLiteral("logto_session_delete_silent"), S::Info,
                    Tr::tr("Deleting a session through Logto's Management API sends this RP no logout token."),
                    Tr::tr("Only a user's own sign-out (end-session) notifies RPs in Logto.")});
    else if (idp.kind == QLatin1String("hydra"))
        out.append({QStringLiteral("hydra_subject_delete_silent"), S::Info,
                    Tr::tr("Hydra's DELETE …/sessions/login?subject= ends sessions without notifying this RP."),
                    Tr::tr("Revoke per login session (?sid=), which does send logout tokens.")});
    return out;
}

QList<LintFinding> lintIdp(const IdpFacts &idp)
{
    QList<LintFinding> out;
    if (idp.backchannelLogoutSupported == false)
        out.append({QStringLiteral("discovery_no_backchannel"), S::Error,
                    Tr::tr("The IdP's discovery document says it does not support back-channel logout."),
                    Tr::tr("Enable back-channel logout in the IdP (or upgrade it).")});
    return out;
}

} // namespace signoff
