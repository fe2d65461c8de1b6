#include "SecretStore.h"

#include "core/Logging.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QTimer>

namespace signoff {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)
};

// Maps QtKeychain's error to a value with a message that tells the user what to do.
Error keychainError(QKeychain::Error code, const QString &detail)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return {Tr::tr("No secret is stored in the keychain for this profile."), SecretStore::NotFound};
    case QKeychain::NoBackendAvailable:
        return {
            Tr::tr("No keychain is available: Signoff keeps secrets only in the OS keychain. On Linux install and "
                   "start a Secret Service (e.g. apt install gnome-keyring, or KWallet) and unlock it, then try again. "
                   "(%1)")
                .arg(detail),
            SecretStore::Unavailable};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {Tr::tr("The keychain refused access; unlock it (or allow Signoff) and try again. (%1)").arg(detail),
                SecretStore::Denied};
    default:
        return {Tr::tr("The keychain failed (%1). Signoff keeps secrets only in the OS keychain: make sure a Secret "
                       "Service (e.g. gnome-keyring or KWallet) is installed, running and unlocked.")
                    .arg(detail),
                SecretStore::Other};
    }
}

// Runs one job with a watchdog; the callback is invoked exactly once.
template <typename Job, typename OnDone> void runJob(Job *job, int timeoutMs, QObject *context, OnDone onDone)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    auto finished = std::make_shared<bool>(false);
    QPointer<QObject> ctx(context);
    QTimer *watchdog = new QTimer(job);
    watchdog->setSingleShot(true);
    QObject::connect(watchdog, &QTimer::timeout, job, [job, finished, ctx, onDone] {
        if (*finished)
            return;
        *finished = true;
        qCWarning(lcKeychain) << "keychain job timed out";
        if (ctx)
            onDone(job, Error{Tr::tr("The keychain did not answer in time. It is probably locked and waiting for an "
                                     "unlock prompt: unlock your login keyring (Seahorse, or `gnome-keyring-daemon "
                                     "--unlock`) and try again."),
                              SecretStore::TimedOut});
        job->deleteLater();
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [job, finished, ctx, onDone] {
        if (*finished)
            return;
        *finished = true;
        if (ctx) {
            if (job->error() == QKeychain::NoError)
                onDone(job, std::nullopt);
            else
                onDone(job, keychainError(job->error(), job->errorString()));
        }
        job->deleteLater();
    });
    watchdog->start(timeoutMs);
    job->start();
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent, QString service)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context, StatusCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, m_timeoutMs, context,
           [done](QKeychain::Job *, std::optional<Error> err) { done(err ? Status(*err) : Status()); });
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    runJob(job, m_timeoutMs, context, [done](QKeychain::Job *j, std::optional<Error> err) {
        if (err)
            done(Result<QString>(*err));
        else
            done(Result<QString>(static_cast<QKeychain::ReadPasswordJob *>(j)->textData()));
    });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, StatusCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    runJob(job, m_timeoutMs, context, [done](QKeychain::Job *, std::optional<Error> err) {
        if (err && err->code == SecretStore::NotFound)
            done(Status());
        else
            done(err ? Status(*err) : Status());
    });
}

} // namespace signoff
