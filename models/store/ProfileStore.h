#pragma once

#include "Profile.h"
#include "core/Result.h"

#include <QObject>

class QSettings;

namespace signoff {

// Profiles persisted with QSettings (never the secret: see Profile). Every change is written
// through and checked, so a failure to save is reported instead of silently lost.
class ProfileStore : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of settings when it has no parent.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);
    ~ProfileStore() override;

    QList<Profile> profiles() const { return m_profiles; }
    std::optional<Profile> find(const QString &idOrName) const;
    QStringList ids() const;

    // Validates, assigns an id when empty, saves. Returns the stored profile.
    Result<Profile> add(Profile profile);
    Status update(const Profile &profile);
    Status remove(const QString &id);
    // An unsaved copy of a profile: no id, not built-in, named "<name> (copy)" or "(copy N)" so
    // the name is free. The secret is not copied by the store.
    std::optional<Profile> prepareCopy(const QString &id) const;
    // prepareCopy() saved with add().
    Result<Profile> duplicate(const QString &id);

    // Every profile's name but the one with this id (empty id: all names), for validation.
    QStringList namesExcept(const QString &id) const;

    // The built-in Sandbox profile exists from the first start; returns it.
    Profile ensureSandboxProfile();

    QString activeProfileId() const;
    void setActiveProfileId(const QString &id);

    QString fileName() const;

signals:
    void profileAdded(const QString &id);
    void profileChanged(const QString &id);
    void profileRemoved(const QString &id);
    void activeProfileChanged(const QString &id);

private:
    void load();
    Status save();

    QSettings *m_settings;
    QList<Profile> m_profiles;
};

// The sandbox's fixed default address, shared with sandbox/server.js.
inline constexpr int kSandboxDefaultPort = 9400;
inline constexpr const char *kSandboxAdminClientId = "signoff-admin";

} // namespace signoff
