#include "HistoryWriter.h"

#include "HistoryStore.h"

#include <QPointer>

namespace signoff {

HistoryWriter::HistoryWriter(const QString &path)
    : m_path(path)
    , m_worker(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("signoff-history-writer"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

Result<std::unique_ptr<HistoryWriter>> HistoryWriter::open(const QString &path)
{
    std::unique_ptr<HistoryWriter> writer(new HistoryWriter(path));
    if (Status s = writer->openStore(); !s)
        return s.error();
    return writer;
}

// Opened in the writer's thread, which then owns the connection; the caller waits so that a
// history that cannot be written is known at once.
Status HistoryWriter::openStore()
{
    Status status;
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, &status] {
            auto opened = HistoryStore::open(m_path);
            if (opened)
                m_store = std::move(opened).value();
            else
                status = opened.error();
        },
        Qt::BlockingQueuedConnection);
    return status;
}

// The last task in the queue: everything asked for before is written when the thread ends.
HistoryWriter::~HistoryWriter()
{
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this] {
            m_store.reset();
            m_thread.quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

// The answer travels as a queued signal: Qt drops it safely when context is deleted first, which a
// pointer checked from the writer's thread could not promise.
void HistoryWriter::save(const logout::RunInfo &run, const QList<logout::Delivery> &rows, QObject *context, Done done)
{
    const quint64 ticket = m_nextTicket.fetch_add(1);
    if (context && done) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(
            this, &HistoryWriter::saved, context,
            [ticket, connection, done = std::move(done)](quint64 savedTicket, const Status &status) {
                if (savedTicket != ticket)
                    return;
                disconnect(*connection);
                done(status);
            },
            Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        m_worker.get(),
        [this, ticket, run, rows] {
            const Status status =
                m_store ? m_store->save(run, rows) : Status::failure(tr("The history database is not open"));
            emit saved(ticket, status, QPrivateSignal());
        },
        Qt::QueuedConnection);
}

} // namespace signoff
