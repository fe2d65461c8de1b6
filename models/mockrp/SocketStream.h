#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QTcpSocket;

namespace signoff::mockrp {

// The byte stream under one HTTP connection. Plain HTTP uses the accepted descriptor directly
// (one read notifier that stays on, read(2)/send(2) straight away), because QTcpSocket copies
// every read and write through its own buffers and toggles its notifiers per call, work done
// for every request. HTTPS keeps QSslSocket, which does the TLS.
class SocketStream : public QObject
{
    Q_OBJECT

public:
    // Takes ownership of the descriptor (non-blocking from here on).
    static SocketStream *fromDescriptor(qintptr descriptor, QObject *parent);
    // Takes ownership of the socket (reparented).
    static SocketStream *fromSocket(QTcpSocket *socket, QObject *parent);
    // From now on, plain-HTTP answers uncorked on the calling thread are sent when its event
    // loop is about to wait, all together (at most 1 ms later). For threads that serve only
    // connections; `owner` (of this thread) ends it when deleted.
    static void batchWritesOnThisThread(QObject *owner);

    // All bytes that arrived since the last call.
    virtual QByteArray readAll() = 0;
    virtual void write(const QByteArray &data) = 0;
    // While corked, writes collect and leave together when uncorked (answers to pipelined
    // requests handled in one pass go out in one send).
    virtual void setCorked(bool corked) = 0;
    // Closes once everything written so far is out.
    virtual void closeAfterWrite() = 0;
    // Closes at once, discarding anything unsent (the `drop` behaviour, idle timeouts).
    virtual void abort() = 0;
    // While paused, nothing more is read from the peer (its sends back up into the kernel and
    // then the peer): how a connection bounds what a client queues behind a request that is
    // still being answered. readyRead comes again after resuming if input is waiting.
    virtual void setReadPaused(bool paused) = 0;
    virtual QString peer() const = 0;

signals:
    void readyRead();
    void closed(); // emitted once; the stream may be deleted after it

protected:
    using QObject::QObject;
};

} // namespace signoff::mockrp
