#pragma once

#include "SecretStore.h"

#include <QHash>

namespace signoff {

// In-process store for unit tests of components that need a SecretStore. Answers through a
// queued call like the real keychain, so callers cannot rely on a synchronous answer.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void write(const QString &key, const QString &secret, QObject *context, StatusCallback done) override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void remove(const QString &key, QObject *context, StatusCallback done) override;

    // Makes every following call fail as an unavailable keychain would.
    void setUnavailable(bool on) { m_unavailable = on; }
    QHash<QString, QString> entries() const { return m_entries; }

private:
    QHash<QString, QString> m_entries;
    bool m_unavailable = false;
};

} // namespace signoff
