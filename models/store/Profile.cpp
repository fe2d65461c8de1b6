#include "Profile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Profile)
};

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress addr(host);
    return !addr.isNull() && addr.isLoopback();
}
} // namespace

QString idpKindId(IdpKind kind)
{
    switch (kind) {
    case IdpKind::Sandbox:
        return QStringLiteral("sandbox");
    case IdpKind::Keycloak:
        return QStringLiteral("keycloak");
    case IdpKind::Logto:
        return QStringLiteral("logto");
    case IdpKind::Hydra:
        return QStringLiteral("hydra");
    }
    return {};
}

QString idpKindLabel(IdpKind kind)
{
    switch (kind) {
    case IdpKind::Sandbox:
        return Tr::tr("Sandbox (built-in)");
    case IdpKind::Keycloak:
        return Tr::tr("Keycloak");
    case IdpKind::Logto:
        return Tr::tr("Logto");
    case IdpKind::Hydra:
        return Tr::tr("Ory Hydra");
    }
    return {};
}

QStringList idpKindIds()
{
    return {QStringLiteral("sandbox"), QStringLiteral("keycloak"), QStringLiteral("logto"), QStringLiteral("hydra")};
}

bool parseIdpKind(const QString &id, IdpKind *out)
{
    for (IdpKind k : {IdpKind::Sandbox, IdpKind::Keycloak, IdpKind::Logto, IdpKind::Hydra}) {
        if (idpKindId(k) == id.trimmed().toLower()) {
            *out = k;
            return true;
        }
    }
    return false;
}

QString authMethodId(AuthMethod method)
{
    return method == AuthMethod::Password ? QStringLiteral("password") : QStringLiteral("client_credentials");
}

QString authMethodLabel(AuthMethod method)
{
    return method == AuthMethod::Password ? Tr::tr("Password grant") : Tr::tr("Client credentials");
}

bool parseAuthMethod(const QString &id, AuthMethod *out)
{
    const QString v = id.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (v == QLatin1String("password")) {
        *out = AuthMethod::Password;
        return true;
    }
    if (v == QLatin1String("client_credentials")) {
        *out = AuthMethod::ClientCredentials;
        return true;
    }
    return false;
}

QStringList issueMessages(const QList<ValidationIssue> &issues)
{
    QStringList out;
    for (const auto &i : issues)
        out << i.message;
    return out;
}

QString normaliseSha256(const QString &fingerprint)
{
    QString hex = fingerprint.trimmed().toLower();
    hex.remove(QLatin1Char(':'));
    hex.remove(QLatin1Char(' '));
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(hex).hasMatch() ? hex : QString();
}

bool hasUnsafeCharacters(const QString &text)
{
    for (QChar c : text) {
        // Control characters move the cursor or end lines; the bidirectional embeddings, overrides and
        // isolates (and other format characters) reorder what follows them on a terminal or in a table.
        const auto cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Separator_Line ||
            cat == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

QString escapeUnsafeCharacters(const QString &text)
{
    if (!hasUnsafeCharacters(text))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (QChar c : text) {
        const auto cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Separator_Line ||
            cat == QChar::Separator_Paragraph)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString makeProfileId(const QString &name, const QStringList &takenIds)
{
    QString base;
    for (QChar c : name.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            base += c;
        else if (!base.isEmpty() && !base.endsWith(QLatin1Char('-')))
            base += QLatin1Char('-');
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("profile");
    base.truncate(40);
    QString id = base;
    for (int n = 2; takenIds.contains(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

QList<ValidationIssue> validateProfile(const Profile &p, const QStringList &existingNames)
{
    QList<ValidationIssue> issues;
    const QString name = p.name.trimmed();
    if (name.isEmpty())
        issues.append({QStringLiteral("name"), Tr::tr("Give the profile a name.")});
    else if (name.size() > kProfileNameMaxLength)
        issues.append(
            {QStringLiteral("name"),
             Tr::tr("The name is %1 characters long; keep it to %2.").arg(name.size()).arg(kProfileNameMaxLength)});
    else if (hasUnsafeCharacters(p.name))
        issues.append({QStringLiteral("name"),
                       Tr::tr("The name contains control or text-direction characters; use printable text only.")});
    else if (existingNames.contains(name, Qt::CaseInsensitive))
        issues.append({QStringLiteral("name"), Tr::tr("A profile named \"%1\" already exists.").arg(name)});

    const QUrl &url = p.baseUrl;
    if (url.isEmpty()) {
        issues.append({QStringLiteral("baseUrl"), Tr::tr("Enter the IdP's base URL, e.g. https://idp.example.com.")});
    } else if (!url.isValid() || url.host().isEmpty()) {
        issues.append({QStringLiteral("baseUrl"),
                       Tr::tr("\"%1\" is not a valid URL: it needs a scheme and a host.").arg(url.toString())});
    } else if (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")) {
        issues.append(
            {QStringLiteral("baseUrl"), Tr::tr("The URL must start with https:// (or http:// for a local IdP).")});
    } else if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host())) {
        // Admin credentials would cross the network in clear: only loopback may use plain HTTP.
        issues.append({QStringLiteral("baseUrl"),
                       Tr::tr("Plain http:// is allowed only for an IdP on this machine (127.0.0.1, ::1, localhost); "
                              "use https:// for %1.")
                           .arg(url.host())});
    } else if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
        issues.append(
            {QStringLiteral("baseUrl"), Tr::tr("The base URL must not carry a query, a fragment or credentials.")});
    }

    if (p.kind == IdpKind::Keycloak && p.realm.trimmed().isEmpty())
        issues.append({QStringLiteral("realm"), Tr::tr("Keycloak needs a realm (e.g. master).")});

    if (p.kind != IdpKind::Hydra || p.authMethod == AuthMethod::Password) {
        if (p.clientId.trimmed().isEmpty())
            issues.append({QStringLiteral("clientId"),
                           p.kind == IdpKind::Keycloak && p.authMethod == AuthMethod::Password
                               ? Tr::tr("Enter the client id for the password grant (usually admin-cli).")
                               : Tr::tr("Enter the admin client id.")});
    }
    if (p.authMethod == AuthMethod::Password && p.username.trimmed().isEmpty())
        issues.append({QStringLiteral("username"), Tr::tr("The password grant needs a username.")});
    if (p.kind == IdpKind::Logto && p.authMethod == AuthMethod::Password)
        issues.append(
            {QStringLiteral("authMethod"), Tr::tr("Logto's Management API accepts client credentials only.")});

    if (!p.caFile.isEmpty()) {
        const QFileInfo fi(p.caFile);
        if (!fi.exists() || !fi.isFile() || !fi.isReadable())
            issues.append({QStringLiteral("caFile"), Tr::tr("The CA file \"%1\" cannot be read.").arg(p.caFile)});
    }
    if (!p.pinnedSha256.isEmpty() && normaliseSha256(p.pinnedSha256).isEmpty())
        issues.append(
            {QStringLiteral("pinnedSha256"),
             Tr::tr("The pinned certificate fingerprint must be a SHA-256 in hex (64 digits, colons allowed).")});
    if (!p.pinnedSha256.isEmpty() && url.scheme() != QLatin1String("https"))
        issues.append({QStringLiteral("pinnedSha256"), Tr::tr("A pinned certificate needs an https:// URL.")});
    return issues;
}

} // namespace signoff
