#include "SandboxAdminSecret.h"

#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QRandomGenerator>

namespace signoff {

QString sandboxSecretKey()
{
    return QStringLiteral("profile/sandbox");
}

void ensureSandboxAdminSecret(SecretStore *secrets, QObject *context, std::function<void(Result<QString>)> done)
{
    secrets->read(sandboxSecretKey(), context, [secrets, context, done](Result<QString> r) {
        if (r.ok() && !r.value().isEmpty()) {
            done(r);
            return;
        }
        if (!r.ok() && r.error().code != SecretStore::NotFound) {
            done(Error{QCoreApplication::translate("Sandbox", "The sandbox's admin secret is kept in the keychain, "
                                                              "which failed: %1")
                           .arg(r.errorString()),
                       r.error().code});
            return;
        }
        QByteArray raw(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(raw.begin(), raw.end());
        const QString secret =
            QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        secrets->write(sandboxSecretKey(), secret, context,
                       [done, secret](Status s) { done(s ? Result<QString>(secret) : Result<QString>(s.error())); });
    });
}

Result<QString> ensureSandboxAdminSecretSync(SecretStore *secrets)
{
    QEventLoop loop;
    Result<QString> out = Result<QString>::failure(QString());
    ensureSandboxAdminSecret(secrets, &loop, [&](Result<QString> r) {
        out = std::move(r);
        loop.quit();
    });
    loop.exec();
    return out;
}

} // namespace signoff
