#pragma once

#include "mockrp/RequestRecord.h"

#include <QList>
#include <QObject>

#include <utility>

class QTimer;

namespace signoff {

class HistoryStore;
namespace services {
class MockRpWorkspace;
}

// Writes every request the console's mock RPs answer into the history, in batches (one
// transaction per interval, not one per request), so a flood of requests costs a few commits a
// second. Whatever is still queued is written when the recorder goes.
class MockRequestRecorder : public QObject
{
    Q_OBJECT
public:
    MockRequestRecorder(services::MockRpWorkspace *workspace, HistoryStore *history, int intervalMs = 100,
                        QObject *parent = nullptr);
    ~MockRequestRecorder() override;

    int queued() const { return int(m_queue.size()); }
    void flush();

signals:
    void writeFailed(const QString &message);

private:
    void enqueue(const QString &mockRpName, const mockrp::RequestRecord &record);

    HistoryStore *m_history;
    QTimer *m_timer;
    QList<std::pair<QString, mockrp::RequestRecord>> m_queue;
};

} // namespace signoff
