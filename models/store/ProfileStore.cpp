#include "ProfileStore.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QSettings>

namespace signoff {

namespace {
QString joinIssues(const QList<ValidationIssue> &issues)
{
    return issueMessages(issues).join(QLatin1Char(' '));
}
} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    if (!m_settings->parent())
        m_settings->setParent(this);
    load();
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::fileName() const
{
    return m_settings->fileName();
}

void ProfileStore::load()
{
    m_profiles.clear();
    const int n = m_settings->beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Profile p;
        p.id = m_settings->value(QStringLiteral("id")).toString();
        p.name = m_settings->value(QStringLiteral("name")).toString();
        if (!parseIdpKind(m_settings->value(QStringLiteral("kind")).toString(), &p.kind)) {
            qCWarning(lcStore) << "skipping profile with unknown kind" << p.id;
            continue;
        }
        p.baseUrl = QUrl(m_settings->value(QStringLiteral("baseUrl")).toString());
        p.realm = m_settings->value(QStringLiteral("realm")).toString();
        parseAuthMethod(m_settings->value(QStringLiteral("authMethod")).toString(), &p.authMethod);
        p.clientId = m_settings->value(QStringLiteral("clientId")).toString();
        p.username = m_settings->value(QStringLiteral("username")).toString();
        p.caFile = m_settings->value(QStringLiteral("caFile")).toString();
        p.pinnedSha256 = m_settings->value(QStringLiteral("pinnedSha256")).toString();
        p.builtin = m_settings->value(QStringLiteral("builtin"), false).toBool();
        if (p.id.isEmpty())
            continue;
        m_profiles.append(p);
    }
    m_settings->endArray();
}

Status ProfileStore::save()
{
    m_settings->remove(QStringLiteral("profiles"));
    m_settings->beginWriteArray(QStringLiteral("profiles"), int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        const Profile &p = m_profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("id"), p.id);
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("kind"), idpKindId(p.kind));
        m_settings->setValue(QStringLiteral("baseUrl"), p.baseUrl.toString());
        m_settings->setValue(QStringLiteral("realm"), p.realm);
        m_settings->setValue(QStringLiteral("authMethod"), authMethodId(p.authMethod));
        m_settings->setValue(QStringLiteral("clientId"), p.clientId);
        m_settings->setValue(QStringLiteral("username"), p.username);
        m_settings->setValue(QStringLiteral("caFile"), p.caFile);
        m_settings->setValue(QStringLiteral("pinnedSha256"), normaliseSha256(p.pinnedSha256));
        m_settings->setValue(QStringLiteral("builtin"), p.builtin);
    }
    m_settings->endArray();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return Status::failure(tr("Could not write the profiles to %1 (is the disk full or the file read-only?).")
                                   .arg(m_settings->fileName()));
    }
    return {};
}

std::optional<Profile> ProfileStore::find(const QString &idOrName) const
{
    for (const auto &p : m_profiles) {
        if (p.id == idOrName)
            return p;
    }
    for (const auto &p : m_profiles) {
        if (p.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QStringList ProfileStore::ids() const
{
    QStringList out;
    for (const auto &p : m_profiles)
        out << p.id;
    return out;
}

QStringList ProfileStore::namesExcept(const QString &id) const
{
    QStringList out;
    for (const auto &p : m_profiles) {
        if (p.id != id)
            out << p.name;
    }
    return out;
}

Result<Profile> ProfileStore::add(Profile profile)
{
    profile.name = profile.name.trimmed();
    if (const auto issues = validateProfile(profile, namesExcept(QString())); !issues.isEmpty())
        return Result<Profile>::failure(joinIssues(issues));
    if (profile.id.isEmpty() || ids().contains(profile.id))
        profile.id = makeProfileId(profile.name, ids());
    profile.pinnedSha256 = normaliseSha256(profile.pinnedSha256);
    m_profiles.append(profile);
    if (Status s = save(); !s) {
        m_profiles.removeLast();
        return s.error();
    }
    emit profileAdded(profile.id);
    return profile;
}

Status ProfileStore::update(const Profile &profile)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles[i].id != profile.id)
            continue;
        Profile p = profile;
        p.name = p.name.trimmed();
        p.builtin = m_profiles[i].builtin;
        if (const auto issues = validateProfile(p, namesExcept(p.id)); !issues.isEmpty())
            return Status::failure(joinIssues(issues));
        p.pinnedSha256 = normaliseSha256(p.pinnedSha256);
        const Profile old = m_profiles[i];
        m_profiles[i] = p;
        if (Status s = save(); !s) {
            m_profiles[i] = old;
            return s;
        }
        emit profileChanged(p.id);
        return {};
    }
    return Status::failure(tr("No profile with id \"%1\".").arg(profile.id));
}

Status ProfileStore::remove(const QString &id)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles[i].id != id)
            continue;
        const Profile old = m_profiles.takeAt(i);
        if (Status s = save(); !s) {
            m_profiles.insert(i, old);
            return s;
        }
        if (activeProfileId() == id)
            setActiveProfileId(QString());
        emit profileRemoved(id);
        return {};
    }
    return Status::failure(tr("No profile with id \"%1\".").arg(id));
}

std::optional<Profile> ProfileStore::prepareCopy(const QString &id) const
{
    auto copy = find(id);
    if (!copy)
        return std::nullopt;
    const QString original = copy->name;
    copy->id.clear();
    copy->builtin = false;
    const QStringList taken = namesExcept(QString());
    copy->name = tr("%1 (copy)").arg(original);
    for (int n = 2; taken.contains(copy->name, Qt::CaseInsensitive); ++n)
        copy->name = tr("%1 (copy %2)").arg(original).arg(n);
    return copy;
}

Result<Profile> ProfileStore::duplicate(const QString &id)
{
    const auto copy = prepareCopy(id);
    if (!copy)
        return Result<Profile>::failure(tr("No profile with id \"%1\".").arg(id));
    return add(*copy);
}

Profile ProfileStore::ensureSandboxProfile()
{
    for (const auto &p : m_profiles) {
        if (p.builtin && p.kind == IdpKind::Sandbox)
            return p;
    }
    Profile p;
    p.id = QStringLiteral("sandbox");
    p.name = tr("Sandbox");
    p.kind = IdpKind::Sandbox;
    p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(kSandboxDefaultPort));
    p.authMethod = AuthMethod::ClientCredentials;
    p.clientId = QString::fromLatin1(kSandboxAdminClientId);
    p.builtin = true;
    // A user profile may already be called "Sandbox"; the built-in one still needs a unique name.
    for (int n = 2; namesExcept(QString()).contains(p.name, Qt::CaseInsensitive); ++n)
        p.name = tr("Sandbox %1").arg(n);
    m_profiles.prepend(p);
    if (Status s = save(); !s)
        qCWarning(lcStore) << "could not save the built-in sandbox profile:" << s.errorString();
    emit profileAdded(p.id);
    return p;
}

QString ProfileStore::activeProfileId() const
{
    return m_settings->value(QStringLiteral("ui/activeProfile")).toString();
}

void ProfileStore::setActiveProfileId(const QString &id)
{
    const bool changed = activeProfileId() != id;
    m_settings->setValue(QStringLiteral("ui/activeProfile"), id);
    m_settings->sync();
    if (changed)
        emit activeProfileChanged(id);
}

} // namespace signoff
