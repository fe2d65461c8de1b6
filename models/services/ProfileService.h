#pragma once

#include "core/Result.h"
#include "store/Profile.h"

#include <QObject>
#include <QSet>

#include <functional>

namespace signoff {

class ProfileStore;
class SecretStore;

// Saving, removing and re-keying profiles together with their keychain secrets. The order and the
// rollback live here once, for the console's dialogs and for signoffctl: the secret is written
// before the profile (a profile without its secret would fail later, in a worse place), a failed
// profile save removes the secret it just wrote, and removal deletes the secret first (if the
// keychain fails, the profile stays so the user can retry and no orphan secret remains).
// Answers arrive through callbacks bound to a context object, queued like the keychain's.
class ProfileService : public QObject
{
    Q_OBJECT
public:
    enum ErrorCode
    {
        Invalid = 100,  // validation failed: see issues
        KeychainFailed, // the secret could not be written or removed
        StoreFailed,    // the settings file could not be written
        NotFound,
        Builtin // the built-in Sandbox profile cannot be removed
    };

    struct SaveRequest
    {
        Profile profile;          // id empty: a new profile (an id is made from the name)
        QString secret;           // empty: keep the stored secret (or none, see secretRequired)
        bool isNew = true;        // add rather than update
        bool secretLater = false; // a new profile may be saved without its secret (set later)
    };
    struct SaveOutcome
    {
        std::optional<Profile> saved;
        QList<ValidationIssue> issues; // every problem, each with its field ("secret" for keychain failures)
        int code = 0;                  // ErrorCode when not saved
        QString errorString() const { return issueMessages(issues).join(QLatin1Char(' ')); }
    };
    using SaveCallback = std::function<void(SaveOutcome)>;
    using StatusCallback = std::function<void(Status)>;

    ProfileService(ProfileStore *store, SecretStore *secrets, QObject *parent = nullptr);

    ProfileStore *store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }

    // Everything wrong with the request, synchronously (forms show it before anything is written).
    QList<ValidationIssue> validate(const SaveRequest &request) const;
    void save(SaveRequest request, QObject *context, SaveCallback done);
    void remove(const QString &idOrName, QObject *context, StatusCallback done);
    void setSecret(const QString &idOrName, const QString &secret, QObject *context, StatusCallback done);
    // The secret of a profile, e.g. to carry it over into a duplicate.
    void readSecret(const QString &idOrName, QObject *context, std::function<void(Result<QString>)> done);

    enum class SecretState
    {
        Stored,
        Missing,
        Unavailable
    };
    // Whether the keychain holds the profile's secret (never the secret itself); error set when unavailable.
    void secretState(const QString &idOrName, QObject *context, std::function<void(SecretState, QString)> done);

private:
    void storeProfile(const Profile &profile, bool isNew, bool secretWritten, QObject *context, SaveCallback done);

    ProfileStore *m_store;
    SecretStore *m_secrets;
    QSet<QString> m_pendingIds;
};

} // namespace signoff
