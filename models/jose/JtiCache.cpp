#include "JtiCache.h"

namespace signoff::jose {

std::optional<qint64> JtiCache::seenUntil(QByteArrayView jti, qint64 now)
{
    purge(now);
    const auto it = m_byJti.find(std::string(jti.data(), size_t(jti.size())));
    if (it == m_byJti.end())
        return std::nullopt;
    return it->second;
}

void JtiCache::insert(QByteArrayView jti, qint64 expiresAt, qint64 now)
{
    purge(now);
    if (expiresAt < now)
        return;
    std::string key(jti.data(), size_t(jti.size()));
    if (m_byJti.count(key))
        return;
    while (qsizetype(m_byJti.size()) >= m_capacity && !m_byExpiry.empty()) {
        const auto first = m_byExpiry.begin();
        m_byJti.erase(std::string(first->second));
        m_byExpiry.erase(first);
        ++m_evictedEarly;
    }
    const auto [it, inserted] = m_byJti.emplace(std::move(key), expiresAt);
    if (inserted)
        m_byExpiry.emplace(expiresAt, std::string_view(it->first));
}

void JtiCache::purge(qint64 now)
{
    while (!m_byExpiry.empty() && m_byExpiry.begin()->first < now) {
        const auto first = m_byExpiry.begin();
        m_byJti.erase(std::string(first->second));
        m_byExpiry.erase(first);
    }
}

void JtiCache::clear()
{
    m_byExpiry.clear();
    m_byJti.clear();
}

} // namespace signoff::jose
