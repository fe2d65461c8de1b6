#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace signoff {

enum class IdpKind
{
    Sandbox,
    Keycloak,
    Logto,
    Hydra
};
enum class AuthMethod
{
    ClientCredentials,
    Password
};

QString idpKindId(IdpKind kind);    // stable id used in settings and the CLI: "sandbox", ...
QString idpKindLabel(IdpKind kind); // translated label for the UI
bool parseIdpKind(const QString &id, IdpKind *out);
QStringList idpKindIds();

QString authMethodId(AuthMethod method); // "client_credentials" | "password"
QString authMethodLabel(AuthMethod method);
bool parseAuthMethod(const QString &id, AuthMethod *out);

// A connection to one IdP admin API. The secret is deliberately not a member: it lives only in
// the keychain under secretKey() and is never copied into this value, so a Profile can be
// logged, exported or stored without any risk of carrying it.
struct Profile
{
    QString id; // slug, stable across renames; keychain key is "profile/<id>"
    QString name;
    IdpKind kind = IdpKind::Keycloak;
    QUrl baseUrl;
    QString realm; // Keycloak realm, Logto tenant/resource, unused by Hydra
    AuthMethod authMethod = AuthMethod::ClientCredentials;
    QString clientId;
    QString username;     // password grant only
    QString caFile;       // extra CA certificates (PEM) trusted for this profile only
    QString pinnedSha256; // hex SHA-256 of the server certificate, pinned explicitly
    bool builtin = false; // the Sandbox profile shipped with Signoff

    QString secretKey() const { return QStringLiteral("profile/") + id; }
    bool needsSecret() const { return kind != IdpKind::Hydra || !clientId.isEmpty(); }

    friend bool operator==(const Profile &, const Profile &) = default;
};

struct ValidationIssue
{
    QString field;   // "name", "baseUrl", ...
    QString message; // translated, says what to do
};

// Checks a profile before it is saved; every problem is reported, not just the first.
// existingNames holds the other profiles' names (names must be unique, case-insensitively).
QList<ValidationIssue> validateProfile(const Profile &profile, const QStringList &existingNames = {});

// The issues' messages, in order (for one-line errors and the dialog's list).
QStringList issueMessages(const QList<ValidationIssue> &issues);

// Normalises a pinned fingerprint ("AA:bb:..." -> "aabb...") or returns an empty string when malformed.
QString normaliseSha256(const QString &fingerprint);

// Profile names are shown in tables, title bars and terminals: they are short and printable.
inline constexpr int kProfileNameMaxLength = 100;
// True when text holds control, format (bidirectional overrides, isolates, zero-width) or line/paragraph
// separator characters.
bool hasUnsafeCharacters(const QString &text);
// text with each such character written as \uXXXX, for printing text that did not pass validation (a
// hand-edited settings file).
QString escapeUnsafeCharacters(const QString &text);

// Makes a slug id from a name that does not collide with taken ids.
QString makeProfileId(const QString &name, const QStringList &takenIds);

} // namespace signoff

Q_DECLARE_METATYPE(signoff::Profile)
