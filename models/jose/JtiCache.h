#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace signoff::jose {

// Remembers logout-token `jti`s until their exp + skew so a replayed token is refused.
// Bounded: when full, the entries closest to expiry go first (and are counted), so a flood of
// unique tokens costs a fixed amount of memory instead of growing without limit.
class JtiCache
{
public:
    explicit JtiCache(qsizetype capacity = 100000)
        : m_capacity(qMax<qsizetype>(1, capacity))
    {}

    // Seconds since the epoch; entries whose expiry has passed are dropped lazily.
    std::optional<qint64> seenUntil(QByteArrayView jti, qint64 now);
    void insert(QByteArrayView jti, qint64 expiresAt, qint64 now);
    // Forgets a jti (its token was not accepted after all); false if it was not remembered.
    bool remove(QByteArrayView jti);

    qsizetype size() const { return qsizetype(m_byJti.size()); }
    qsizetype capacity() const { return m_capacity; }
    // Entries pushed out before their time because the cache was full.
    quint64 evictedEarly() const { return m_evictedEarly; }
    void clear();

private:
    void purge(qint64 now);

    // Looked up by string_view (no key copy per request).
    struct Hash
    {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    void eraseJti(std::string_view jti);

    qsizetype m_capacity;
    quint64 m_evictedEarly = 0;
    std::unordered_map<std::string, qint64, Hash, std::equal_to<>> m_byJti;
    // Keys point into m_byJti's node-stable strings.
    std::multimap<qint64, std::string_view> m_byExpiry;
};

} // namespace signoff::jose
