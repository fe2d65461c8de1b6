#pragma once

#include "Jwk.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace signoff::jose {

// The OP's signing keys, fetched through the network manager handed in (from a jwks_uri, or a
// discovery document that names one) and cached. A refresh is asked for when a token names an
// unknown kid; refreshes are rate limited (default: one per 10 s) so a flood of made-up kids
// cannot turn into a flood of fetches. file: URLs work too (offline troubleshooting).
// A document larger than setMaxDocumentBytes() is refused while it downloads, not after. A
// redirect away from a loopback URL to any other host is refused (and said so), so a local
// test setup never silently takes its keys from elsewhere.
class JwksSource : public QObject
{
    Q_OBJECT

public:
    JwksSource(QNetworkAccessManager *nam, const Clock *clock = Clock::system(), QObject *parent = nullptr);
    ~JwksSource() override;

    void setJwksUri(const QUrl &url);
    void setDiscoveryUrl(const QUrl &url); // the issuer URL or its .well-known document
    // Fixed keys, no network (tests, inspect with a key file).
    void setStaticKeys(Jwks keys);
    void setMinRefreshIntervalSecs(qint64 secs) { m_minIntervalMs = secs * 1000; }
    void setMaxDocumentBytes(qint64 bytes) { m_maxBytes = bytes; }

    // Safe from any thread (the mock RP's connection threads read it); everything else belongs
    // to the thread this object lives in.
    std::shared_ptr<const Jwks> keys() const;
    QUrl jwksUri() const { return m_jwksUri; }
    QUrl discoveryUrl() const { return m_discoveryUrl; }
    QString discoveredIssuer() const { return m_discoveredIssuer; }
    QString lastError() const { return m_lastError; }
    int fetchCount() const { return m_fetchCount; }
    bool isFetching() const { return m_fetching; }

    // Starts a fetch (or joins the one under way) and calls `done` on `context`'s thread when it
    // ends. Returns false, without calling `done`, when the rate limit refuses a new fetch.
    bool refresh(QObject *context, std::function<void(const Status &)> done);
    // Like refresh(), but ignores the rate limit: the first load at start-up.
    void load(QObject *context, std::function<void(const Status &)> done);

    static QUrl normaliseDiscoveryUrl(const QUrl &url);

signals:
    void keysChanged();
    void fetchFailed(const QString &error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const Status &)> done;
    };
    void start();
    void get(const QUrl &url, std::function<void(Result<QByteArray>)> then);
    void fetchJwks(const QUrl &url);
    void finish(const Status &status);
    void setKeys(std::shared_ptr<const Jwks> keys);

    QNetworkAccessManager *m_nam;
    const Clock *m_clock;
    QUrl m_jwksUri;
    QUrl m_discoveryUrl;
    QString m_discoveredIssuer;
    mutable QMutex m_keysMutex;
    std::shared_ptr<const Jwks> m_keys;
    QString m_lastError;
    bool m_static = false;
    bool m_fetching = false;
    qint64 m_lastFetchMs = 0;
    bool m_everFetched = false;
    qint64 m_minIntervalMs = 10000;
    qint64 m_maxBytes = 1024 * 1024;
    int m_fetchCount = 0;
    std::vector<Waiter> m_waiters;
    QPointer<QNetworkReply> m_reply;
};

} // namespace signoff::jose
