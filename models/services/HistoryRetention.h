#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QObject>

class QSettings;
class QTimer;

namespace signoff {

class HistoryStore;

// Keeps the history to the administrator's retention setting (history/retentionDays, default 90;
// 0 keeps everything): purges once at start and then once a day, so a console left open for weeks
// stays within it too.
class HistoryRetention : public QObject
{
    Q_OBJECT
public:
    HistoryRetention(HistoryStore *history, QSettings *settings, const Clock *clock = Clock::system(),
                     QObject *parent = nullptr);

    static QString daysKey() { return QStringLiteral("history/retentionDays"); }
    static constexpr int kDefaultDays = 90;
    static int days(const QSettings *settings);

    // Purges now; returns how many runs went.
    Result<int> apply();
    // apply() now and every intervalMs from now on.
    void start(int intervalMs = 24 * 60 * 60 * 1000);

signals:
    void purged(int runs);
    void failed(const QString &message);

private:
    HistoryStore *m_history;
    QSettings *m_settings;
    const Clock *m_clock;
    QTimer *m_timer;
};

} // namespace signoff
