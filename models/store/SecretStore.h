#pragma once

#include "core/Result.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace signoff {

// The only place secrets are kept. A tiny interface (as Nextcloud wraps QtKeychain) so tests
// of other components can use an in-memory store, while the product always uses the keychain.
// Callbacks are bound to a context object: when it dies, the answer is dropped.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using StatusCallback = std::function<void(Status)>;
    using ReadCallback = std::function<void(Result<QString>)>;

    using QObject::QObject;

    virtual void write(const QString &key, const QString &secret, QObject *context, StatusCallback done) = 0;
    // A missing entry is an error with code NotFound.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    // Removing a missing entry succeeds: the end state is what was asked for.
    virtual void remove(const QString &key, QObject *context, StatusCallback done) = 0;

    enum ErrorCode
    {
        NotFound = 1,
        Unavailable = 2,
        Denied = 3,
        Other = 4,
        TimedOut = 5
    };

    // Blocking helpers for the CLI: they spin a local event loop until the answer arrives.
    Status writeSync(const QString &key, const QString &secret);
    Result<QString> readSync(const QString &key);
    Status removeSync(const QString &key);
};

// QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
// No plaintext fallback, ever: without a reachable, unlocked backend every call fails with
// a message that says what to install or unlock.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr, QString service = QStringLiteral("Signoff"));

    void write(const QString &key, const QString &secret, QObject *context, StatusCallback done) override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void remove(const QString &key, QObject *context, StatusCallback done) override;

    // A locked collection makes the Secret Service show an unlock prompt that may never be
    // answered (headless sessions); give up after this long instead of hanging.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_service;
    int m_timeoutMs = 30000;
};

} // namespace signoff
