#pragma once

#include "core/Result.h"
#include "logout/LogoutTypes.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace signoff {

class HistoryStore;

// Writes logout runs' changes into the history on a thread of its own, so that a flood of
// outcomes never waits for SQLite on the GUI thread. It has its own connection to the file (a
// QSqlDatabase belongs to the thread that opened it; SQLite's WAL lets the GUI's connection read
// meanwhile). Saves are written in the order they were asked for, each in one transaction, and
// each caller hears back on its context's thread. Destroying the writer writes what is still
// queued first.
class HistoryWriter : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Status &status)>;

    static Result<std::unique_ptr<HistoryWriter>> open(const QString &path);
    ~HistoryWriter() override;

    // done runs on context's thread once the save is durable or failed; not at all if context is
    // gone by then.
    void save(const logout::RunInfo &run, const QList<logout::Delivery> &rows, QObject *context, Done done);
    QString path() const { return m_path; }

signals:
    void saved(quint64 ticket, const signoff::Status &status, QPrivateSignal);

private:
    explicit HistoryWriter(const QString &path);
    Status openStore();

    QString m_path;
    QThread m_thread;
    std::unique_ptr<QObject> m_worker;     // lives in m_thread: the writes are queued to it
    std::unique_ptr<HistoryStore> m_store; // opened, used and closed in m_thread only
    std::atomic<quint64> m_nextTicket{1};
};

} // namespace signoff
