#include "ProfileService.h"

#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ProfileService)
};

ProfileService::SaveOutcome failed(int code, QList<ValidationIssue> issues)
{
    ProfileService::SaveOutcome out;
    out.code = code;
    out.issues = std::move(issues);
    return out;
}

// Answers that need no keychain round trip still arrive queued, like every other answer, so
// callers never see their callback run inside the call.
template <typename F> void answerQueued(QObject *context, F f)
{
    QTimer::singleShot(0, context, std::move(f));
}
} // namespace

ProfileService::ProfileService(ProfileStore *store, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{}

QList<ValidationIssue> ProfileService::validate(const SaveRequest &r) const
{
    const QString self = r.isNew ? QString() : r.profile.id;
    QList<ValidationIssue> issues = validateProfile(r.profile, m_store->namesExcept(self));
    // The sandbox's admin secret is generated and kept by Signoff; any other new profile needs one.
    const bool secretRequired =
        r.isNew && !r.secretLater && r.profile.kind != IdpKind::Sandbox && r.profile.needsSecret();
    if (secretRequired && r.secret.isEmpty())
        issues.append(
            {QStringLiteral("secret"), r.profile.authMethod == AuthMethod::Password
                                           ? Tr::tr("Enter the password; it is stored in the OS keychain.")
                                           : Tr::tr("Enter the client secret; it is stored in the OS keychain.")});
    if (!r.isNew && !m_store->find(r.profile.id))
        issues.append({QStringLiteral("name"), Tr::tr("The profile \"%1\" no longer exists.").arg(r.profile.name)});
    return issues;
}

void ProfileService::save(SaveRequest r, QObject *context, SaveCallback done)
{
    if (auto issues = validate(r); !issues.isEmpty()) {
        answerQueued(context, [done, issues] { done(failed(Invalid, issues)); });
        return;
    }
    Profile toSave = r.profile;
    toSave.name = toSave.name.trimmed();
    if (r.isNew) {
        // Ids of saves still waiting for the keychain are taken too: two adds of one name in flight
        // must not share a keychain key (the loser's rollback would delete the winner's secret).
        toSave.id =
            makeProfileId(toSave.name, m_store->ids() + QStringList(m_pendingIds.cbegin(), m_pendingIds.cend()));
        m_pendingIds.insert(toSave.id);
    }
    if (r.secret.isEmpty()) {
        answerQueued(context, [this, toSave, isNew = r.isNew, context, done] {
            storeProfile(toSave, isNew, false, context, done);
        });
        return;
    }
    QPointer<QObject> ctx(context);
    m_secrets->write(toSave.secretKey(), r.secret, this, [this, toSave, isNew = r.isNew, ctx, done](Status s) {
        if (!ctx) {
            // The caller went away: do not leave a secret behind for a profile nobody saved.
            m_pendingIds.remove(toSave.id);
            if (s && isNew)
                m_secrets->remove(toSave.secretKey(), this, [](Status) {});
            return;
        }
        if (!s) {
            m_pendingIds.remove(toSave.id);
            done(failed(KeychainFailed, {{QStringLiteral("secret"), s.errorString()}}));
            return;
        }
        storeProfile(toSave, isNew, true, ctx, done);
    });
}

void ProfileService::storeProfile(const Profile &p, bool isNew, bool secretWritten, QObject *context, SaveCallback done)
{
    Q_UNUSED(context);
    m_pendingIds.remove(p.id);
    SaveOutcome out;
    if (isNew) {
        const auto added = m_store->add(p);
        if (!added) {
            if (secretWritten)
                m_secrets->remove(p.secretKey(), this, [](Status) {});
            done(failed(StoreFailed, {{QString(), added.errorString()}}));
            return;
        }
        out.saved = added.value();
    } else {
        if (Status s = m_store->update(p); !s) {
            done(failed(StoreFailed, {{QString(), s.errorString()}}));
            return;
        }
        out.saved = p;
    }
    done(out);
}

void ProfileService::remove(const QString &idOrName, QObject *context, StatusCallback done)
{
    const auto p = m_store->find(idOrName);
    if (!p || p->builtin) {
        const Status s =
            !p ? Status::failure(Tr::tr("No profile named \"%1\".").arg(idOrName), NotFound)
               : Status::failure(Tr::tr("The built-in profile \"%1\" cannot be removed.").arg(p->name), Builtin);
        answerQueued(context, [done, s] { done(s); });
        return;
    }
    const Profile victim = *p;
    m_secrets->remove(victim.secretKey(), context, [this, victim, done](Status s) {
        if (!s) {
            done(Status::failure(Tr::tr("Could not delete the secret of \"%1\": %2").arg(victim.name, s.errorString()),
                                 KeychainFailed));
            return;
        }
        if (Status r = m_store->remove(victim.id); !r) {
            done(Status::failure(r.errorString(), StoreFailed));
            return;
        }
        done(Status());
    });
}

void ProfileService::setSecret(const QString &idOrName, const QString &secret, QObject *context, StatusCallback done)
{
    const auto p = m_store->find(idOrName);
    if (!p || secret.isEmpty()) {
        const Status s = !p ? Status::failure(Tr::tr("No profile named \"%1\".").arg(idOrName), NotFound)
                            : Status::failure(Tr::tr("The secret is empty."), Invalid);
        answerQueued(context, [done, s] { done(s); });
        return;
    }
    m_secrets->write(p->secretKey(), secret, context,
                     [done](Status s) { done(s ? s : Status::failure(s.errorString(), KeychainFailed)); });
}

void ProfileService::readSecret(const QString &idOrName, QObject *context, std::function<void(Result<QString>)> done)
{
    const auto p = m_store->find(idOrName);
    if (!p) {
        answerQueued(context, [done, idOrName] {
            done(Result<QString>::failure(Tr::tr("No profile named \"%1\".").arg(idOrName), NotFound));
        });
        return;
    }
    m_secrets->read(p->secretKey(), context, std::move(done));
}

void ProfileService::secretState(const QString &idOrName, QObject *context,
                                 std::function<void(SecretState, QString)> done)
{
    readSecret(idOrName, context, [done](Result<QString> r) {
        if (r.ok())
            done(SecretState::Stored, QString());
        else if (r.error().code == SecretStore::NotFound)
            done(SecretState::Missing, QString());
        else
            done(SecretState::Unavailable, r.errorString());
    });
}

} // namespace signoff
