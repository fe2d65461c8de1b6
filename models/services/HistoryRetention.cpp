#include "HistoryRetention.h"

#include "store/HistoryStore.h"

#include <QSettings>
#include <QTimer>

namespace signoff {

HistoryRetention::HistoryRetention(HistoryStore *history, QSettings *settings, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_settings(settings)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, [this] { apply(); });
}

int HistoryRetention::days(const QSettings *settings)
{
    bool ok = false;
    const int value = settings->value(daysKey(), kDefaultDays).toInt(&ok);
    return ok && value >= 0 ? value : kDefaultDays;
}

Result<int> HistoryRetention::apply()
{
    const int keep = days(m_settings);
    if (keep == 0 || !m_history)
        return 0;
    auto result = m_history->purgeOlderThan(m_clock->now().addDays(-keep));
    if (!result)
        emit failed(result.errorString());
    else if (*result > 0)
        emit purged(*result);
    return result;
}

void HistoryRetention::start(int intervalMs)
{
    apply();
    m_timer->start(intervalMs);
}

} // namespace signoff
