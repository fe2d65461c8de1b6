#include "MockRequestRecorder.h"

#include "MockRpWorkspace.h"
#include "core/Logging.h"
#include "store/HistoryStore.h"

#include <QTimer>

namespace signoff {

MockRequestRecorder::MockRequestRecorder(services::MockRpWorkspace *workspace, HistoryStore *history, int intervalMs,
                                         QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &MockRequestRecorder::flush);
    if (workspace) {
        // The name is taken now: an index can point at another mock RP after one is removed.
        connect(workspace, &services::MockRpWorkspace::requestRecorded, this,
                [this, workspace](int index, const mockrp::RequestRecord &record) {
                    enqueue(workspace->name(index), record);
                });
    }
}

MockRequestRecorder::~MockRequestRecorder()
{
    flush();
}

void MockRequestRecorder::enqueue(const QString &mockRpName, const mockrp::RequestRecord &record)
{
    m_queue.append({mockRpName, record});
    if (!m_timer->isActive())
        m_timer->start();
}

void MockRequestRecorder::flush()
{
    m_timer->stop();
    if (m_queue.isEmpty() || !m_history)
        return;
    QList<std::pair<QString, mockrp::RequestRecord>> batch;
    batch.swap(m_queue);
    if (Status s = m_history->saveMockRequests(batch); !s) {
        qCWarning(lcStore) << "history: mock RP requests not written:" << s.errorString();
        emit writeFailed(s.errorString());
    }
}

} // namespace signoff
