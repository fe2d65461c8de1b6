#include "MemorySecretStore.h"

#include <QMetaObject>

namespace signoff {

namespace {
Error unavailable()
{
    return {QStringLiteral("No keychain is available (simulated)."), SecretStore::Unavailable};
}
} // namespace

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context, StatusCallback done)
{
    const bool fail = m_unavailable;
    if (!fail)
        m_entries.insert(key, secret);
    QMetaObject::invokeMethod(
        context, [done, fail] { done(fail ? Status(unavailable()) : Status()); }, Qt::QueuedConnection);
}

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    Result<QString> r = m_unavailable ? Result<QString>(unavailable())
                        : m_entries.contains(key)
                            ? Result<QString>(m_entries.value(key))
                            : Result<QString>(Error{QStringLiteral("No secret stored."), SecretStore::NotFound});
    QMetaObject::invokeMethod(
        context, [done, r] { done(r); }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString &key, QObject *context, StatusCallback done)
{
    const bool fail = m_unavailable;
    if (!fail)
        m_entries.remove(key);
    QMetaObject::invokeMethod(
        context, [done, fail] { done(fail ? Status(unavailable()) : Status()); }, Qt::QueuedConnection);
}

} // namespace signoff
