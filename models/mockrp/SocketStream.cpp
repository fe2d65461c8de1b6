#include "SocketStream.h"

#include <QAbstractEventDispatcher>
#include <QHostAddress>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace signoff::mockrp {

namespace {

QString peerText(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char(':') + QString::number(port);
}

QString peerOf(int fd)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return QStringLiteral("?");
    QHostAddress a(reinterpret_cast<const sockaddr *>(&ss));
    const quint16 port = ss.ss_family == AF_INET6 ? ntohs(reinterpret_cast<const sockaddr_in6 *>(&ss)->sin6_port)
                                                  : ntohs(reinterpret_cast<const sockaddr_in *>(&ss)->sin_port);
    if (a.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const QHostAddress v4(a.toIPv4Address(&mapped));
        if (mapped)
            a = v4;
    }
    return peerText(a, port);
}

class DescriptorStream;

// Answers finished on a connection thread leave together when that thread is about to wait
// for more input, rather than with one send per connection as each is produced. When several
// connections' requests are ready at once, the peer is then woken once for all their answers
// instead of once per answer: a wake-up on another core can cost more than the HTTP work of
// the answer itself. A 1 ms timer backs the hook up, in case a dispatcher skips announcing
// that it is about to block (Qt's Unix dispatcher does while posted events are waiting).
class ThreadWriteBatch final : public QObject
{
public:
    explicit ThreadWriteBatch(QObject *parent);
    ~ThreadWriteBatch() override;
    void add(DescriptorStream *stream);
    void flush();

private:
    std::vector<QPointer<DescriptorStream>> m_pending;
    QTimer m_backstop;
};

thread_local ThreadWriteBatch *t_batch = nullptr; // this thread's, if it batches

class DescriptorStream final : public SocketStream
{
public:
    DescriptorStream(int fd, QObject *parent)
        : SocketStream(parent)
        , m_fd(fd)
        , m_peer(peerOf(fd))
        , m_read(fd, QSocketNotifier::Read)
        , m_write(fd, QSocketNotifier::Write)
    {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        m_write.setEnabled(false);
        connect(&m_read, &QSocketNotifier::activated, this, &DescriptorStream::onReadable);
        connect(&m_write, &QSocketNotifier::activated, this, &DescriptorStream::flush);
    }
    ~DescriptorStream() override { closeNow(false); }

    QByteArray readAll() override { return std::exchange(m_in, QByteArray()); }

    void write(const QByteArray &data) override
    {
        if (m_fd < 0 || m_closeRequested)
            return;
        m_out += data;
        if (!m_corked)
            flush();
    }

    void setCorked(bool corked) override
    {
        m_corked = corked;
        if (corked || !hasUnsent())
            return;
        if (t_batch)
            t_batch->add(this);
        else
            flush();
    }

    // Sends what the batch held back (nothing if the stream closed meanwhile).
    void flushBatched()
    {
        if (!m_corked && hasUnsent())
            flush();
    }

    void closeAfterWrite() override
    {
        if (m_fd < 0 || m_closeRequested)
            return;
        m_closeRequested = true;
        if (!m_corked)
            flush();
    }

    void abort() override { closeNow(true); }
    QString peer() const override { return m_peer; }

    void setReadPaused(bool paused) override
    {
        // Level-triggered: input that waited while paused announces itself again.
        if (m_fd >= 0)
            m_read.setEnabled(!paused);
    }

private:
    // One activation reads at most this much, so a pause takes effect within a bounded amount
    // of input however fast the peer sends; the notifier fires again for the rest.
    static constexpr qsizetype kMaxReadPerActivation = 256 * 1024;

    bool hasUnsent() const { return m_fd >= 0 && (m_out.size() > m_written || m_closeRequested); }

    void onReadable()
    {
        char chunk[16384];
        bool eof = false;
        qsizetype readNow = 0;
        for (;;) {
            const ssize_t n = ::read(m_fd, chunk, sizeof chunk);
            if (n > 0) {
                if (!m_draining)
                    m_in.append(chunk, n);
                readNow += n;
                if (n < qsizetype(sizeof chunk) || readNow >= kMaxReadPerActivation)
                    break;
                continue; // a full chunk: there may be more
            }
            if (n < 0 && errno == EINTR)
                continue;
            eof = n == 0 || errno != EAGAIN;
            break;
        }
        if (!m_in.isEmpty())
            emit readyRead();
        if (eof && m_fd >= 0) {
            // The peer is gone or half-closed. A half-closed peer still reads: what was answered
            // (an answer may be waiting in this thread's batch) goes out before closing.
            if (m_out.size() > m_written)
                flush();
            if (m_fd >= 0)
                closeNow(true);
        }
    }

    void flush()
    {
        while (m_fd >= 0 && m_written < m_out.size()) {
            const ssize_t n =
                ::send(m_fd, m_out.constData() + m_written, size_t(m_out.size() - m_written), MSG_NOSIGNAL);
            if (n > 0) {
                m_written += n;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno == EAGAIN) {
                m_write.setEnabled(true); // the rest when the peer has read some
                return;
            }
            closeNow(true); // EPIPE, ECONNRESET, ...
            return;
        }
        if (m_fd < 0)
            return;
        m_out.clear();
        m_written = 0;
        if (m_write.isEnabled())
            m_write.setEnabled(false);
        if (m_closeRequested && !m_draining) {
            // Half-close and read until the peer closes too: closing with unread input would
            // reset the connection and could destroy the answer before the peer reads it.
            m_draining = true;
            ::shutdown(m_fd, SHUT_WR);
            QTimer::singleShot(2000, this, [this] { closeNow(true); });
        }
    }

    void closeNow(bool notify)
    {
        if (m_fd < 0)
            return;
        m_read.setEnabled(false);
        m_write.setEnabled(false);
        ::close(m_fd);
        m_fd = -1;
        if (notify)
            emit closed();
    }

    int m_fd;
    QString m_peer;
    QSocketNotifier m_read;
    QSocketNotifier m_write;
    QByteArray m_in;
    QByteArray m_out;
    qsizetype m_written = 0;
    bool m_closeRequested = false;
    bool m_draining = false;
    bool m_corked = false;
};

ThreadWriteBatch::ThreadWriteBatch(QObject *parent)
    : QObject(parent)
{
    m_backstop.setSingleShot(true);
    m_backstop.setInterval(1);
    connect(&m_backstop, &QTimer::timeout, this, &ThreadWriteBatch::flush);
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &ThreadWriteBatch::flush, Qt::DirectConnection);
    t_batch = this;
}

ThreadWriteBatch::~ThreadWriteBatch()
{
    t_batch = nullptr;
    flush(); // deleted before the connections (the first child of the thread's host): they still exist
}

void ThreadWriteBatch::add(DescriptorStream *stream)
{
    if (m_pending.empty())
        m_backstop.start();
    m_pending.emplace_back(stream);
}

void ThreadWriteBatch::flush()
{
    if (m_pending.empty())
        return;
    m_backstop.stop();
    // Swapped out first: a flush that fails closes its stream, which may start more writes.
    const auto pending = std::exchange(m_pending, {});
    for (const QPointer<DescriptorStream> &stream : pending) {
        if (stream)
            stream->flushBatched();
    }
}

class QtSocketStream final : public SocketStream
{
public:
    QtSocketStream(QTcpSocket *socket, QObject *parent)
        : SocketStream(parent)
        , m_socket(socket)
    {
        socket->setParent(this);
        // Bounded, so that while reading is paused the socket stops taking input off the wire.
        socket->setReadBufferSize(kReadBufferBytes);
        m_peer = peerText(socket->peerAddress(), socket->peerPort());
        connect(socket, &QTcpSocket::readyRead, this, [this] {
            if (!m_readPaused)
                emit readyRead();
        });
        connect(socket, &QTcpSocket::disconnected, this, &SocketStream::closed);
        if (socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, &SocketStream::readyRead);
    }

    QByteArray readAll() override { return m_socket->readAll(); }
    void write(const QByteArray &data) override { m_socket->write(data); }
    void setCorked(bool) override {} // QTcpSocket buffers until the event loop runs anyway
    void closeAfterWrite() override { m_socket->disconnectFromHost(); }
    void abort() override { m_socket->abort(); }
    QString peer() const override { return m_peer; }

    void setReadPaused(bool paused) override
    {
        const bool resumed = m_readPaused && !paused;
        m_readPaused = paused;
        // What the socket buffered meanwhile was not announced: announce it now, from the event
        // loop (the caller may be in the middle of handling input).
        if (resumed && m_socket->bytesAvailable() > 0)
            QTimer::singleShot(0, this, [this] {
                if (!m_readPaused && m_socket->bytesAvailable() > 0)
                    emit readyRead();
            });
    }

private:
    static constexpr qint64 kReadBufferBytes = 256 * 1024;

    QTcpSocket *m_socket;
    QString m_peer;
    bool m_readPaused = false;
};

} // namespace

void SocketStream::batchWritesOnThisThread(QObject *owner)
{
    if (!t_batch)
        new ThreadWriteBatch(owner);
}

SocketStream *SocketStream::fromDescriptor(qintptr descriptor, QObject *parent)
{
    return new DescriptorStream(int(descriptor), parent);
}

SocketStream *SocketStream::fromSocket(QTcpSocket *socket, QObject *parent)
{
    return new QtSocketStream(socket, parent);
}

} // namespace signoff::mockrp
