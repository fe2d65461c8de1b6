#include "JtiCache.h"

namespace signoff::jose {

std::optional<qint64> JtiCache::seenUntil(QByteArrayView jti, qint64 now)
{
    purge(now);
    const auto it = m_byJti.find(std::string_view(jti.data(), size_t(jti.size())));
    if (it == m_byJti.end())
        return std::nullopt;
    return it->second;
}

void JtiCache::insert(QByteArrayView jti, qint64 expiresAt, qint64 now)
{
    purge(now);
    if (expiresAt < now)
        return;
    const std::string_view key(jti.data(), size_t(jti.size()));
    if (m_byJti.find(key) != m_byJti.end())
        return;
    while (qsizetype(m_byJti.size()) >= m_capacity && !m_byExpiry.empty()) {
        const auto first = m_byExpiry.begin();
        eraseJti(first->second);
        m_byExpiry.erase(first);
        ++m_evictedEarly;
    }
    const auto [it, inserted] = m_byJti.emplace(std::string(key), expiresAt);
    // Tokens of one OP mostly arrive in expiry order: the hint makes that insert O(1).
    if (inserted)
        m_byExpiry.emplace_hint(m_byExpiry.end(), expiresAt, std::string_view(it->first));
}

bool JtiCache::remove(QByteArrayView jti)
{
    const auto it = m_byJti.find(std::string_view(jti.data(), size_t(jti.size())));
    if (it == m_byJti.end())
        return false;
    // The expiry index holds a view of this very key: find that entry among equal expiries.
    auto [first, last] = m_byExpiry.equal_range(it->second);
    for (; first != last; ++first) {
        if (first->second.data() == it->first.data()) {
            m_byExpiry.erase(first);
            break;
        }
    }
    m_byJti.erase(it);
    return true;
}

void JtiCache::eraseJti(std::string_view jti)
{
    const auto it = m_byJti.find(jti);
    if (it != m_byJti.end())
        m_byJti.erase(it);
}

void JtiCache::purge(qint64 now)
{
    while (!m_byExpiry.empty() && m_byExpiry.begin()->first < now) {
        const auto first = m_byExpiry.begin();
        eraseJti(first->second);
        m_byExpiry.erase(first);
    }
}

void JtiCache::clear()
{
    m_byExpiry.clear();
    m_byJti.clear();
}

} // namespace signoff::jose
