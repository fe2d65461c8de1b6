#include "SandboxAdminSecret.h"

#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Sandbox)
};

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr qint64 kMaxSecretFile = 4096;

QString newSecret()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// No Secret Service at all (no D-Bus session, no daemon) as opposed to one that is there but
// locked or refusing: only the former falls back to the data folder.
bool keychainUnreachable(const Error &e)
{
    return e.code == SecretStore::Unavailable || e.code == SecretStore::Other;
}

void fromFile(const QString &dataDir, const std::function<void(Result<SandboxAdminSecret>)> &done)
{
    const auto secret = loadOrCreateSandboxSecretFile(dataDir);
    if (!secret) {
        done(secret.error());
        return;
    }
    done(SandboxAdminSecret{secret.value(), false, dataDir + QStringLiteral("/admin-secret")});
}
} // namespace

QString sandboxSecretKey()
{
    return QStringLiteral("profile/sandbox");
}

Status ensurePrivateDir(const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Status::failure(Tr::tr("Could not create the sandbox's data folder %1.").arg(dir));
    QFile f(dir);
    if (!f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Status::failure(Tr::tr("Could not make the sandbox's data folder %1 private (0700).").arg(dir));
    return {};
}

Result<QString> loadOrCreateSandboxSecretFile(const QString &dataDir)
{
    if (Status s = ensurePrivateDir(dataDir); !s)
        return s.error();
    const QString path = dataDir + QStringLiteral("/admin-secret");
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString s = QString::fromUtf8(existing.read(kMaxSecretFile)).trimmed();
        existing.setPermissions(kOwnerOnly);
        if (!s.isEmpty())
            return s;
    }
    const QString secret = newSecret();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(kOwnerOnly) || out.write(secret.toUtf8() + '\n') < 0 ||
        !out.commit())
        return Result<QString>::failure(
            Tr::tr("Could not write the sandbox's admin secret to %1: %2").arg(path, out.errorString()));
    return secret;
}

void resolveSandboxAdminSecret(SecretStore *secrets, const QString &dataDir, QObject *context,
                               std::function<void(Result<SandboxAdminSecret>)> done)
{
    const QString keychainLocation = Tr::tr("the keychain (%1)").arg(sandboxSecretKey());
    secrets->read(sandboxSecretKey(), context, [=](Result<QString> r) {
        if (r.ok() && !r.value().isEmpty()) {
            done(SandboxAdminSecret{r.value(), true, keychainLocation});
            return;
        }
        if (!r.ok() && keychainUnreachable(r.error())) {
            fromFile(dataDir, done);
            return;
        }
        if (!r.ok() && r.error().code != SecretStore::NotFound) {
            done(Error{
                Tr::tr("The sandbox's admin secret is kept in the keychain, which failed: %1").arg(r.errorString()),
                r.error().code});
            return;
        }
        const QString secret = newSecret();
        secrets->write(sandboxSecretKey(), secret, context, [=](Status s) {
            if (s)
                done(SandboxAdminSecret{secret, true, keychainLocation});
            else if (keychainUnreachable(s.error()))
                fromFile(dataDir, done);
            else
                done(s.error());
        });
    });
}

} // namespace signoff
