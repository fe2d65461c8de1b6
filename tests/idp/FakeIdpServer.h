#pragma once

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

// A loopback HTTP/1.1 server answering canned JSON, for connector contract tests: real sockets,
// real QNetworkAccessManager, one request per connection. A handler decides each answer; a
// "hang" answer never comes (the socket stays open and silent).
struct FakeRequest
{
    QByteArray method;
    QString path; // decoded
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;

    QString param(const char *name) const { return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded); }
    bool hasParam(const char *name) const { return query.hasQueryItem(QLatin1String(name)); }
    QByteArray header(const char *lowerName) const { return headers.value(lowerName); }
    // A form body field, decoded (with + as space, as servers read forms).
    QString form(const char *name) const
    {
        QByteArray b = body;
        b.replace('+', ' ');
        return QUrlQuery(QString::fromUtf8(b)).queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
};

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
    bool hang = false;
    int delayMs = 0; // answer this much later (an IdP that works inside the request)

    static FakeResponse json(const QByteArray &body, int status = 200) { return {status, body, {}, false, 0}; }
    static FakeResponse json(const QJsonDocument &doc, int status = 200)
    {
        return json(doc.toJson(QJsonDocument::Compact), status);
    }
    static FakeResponse never() { return {0, {}, {}, true, 0}; }
    FakeResponse &withHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append({name, value});
        return *this;
    }
    FakeResponse &after(int ms)
    {
        delayMs = ms;
        return *this;
    }
};

inline QByteArray readFixture(const QString &relative)
{
    QFile f(qEnvironmentVariable("SIGNOFF_SOURCE_DIR") + QStringLiteral("/tests/fixtures/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

inline QJsonArray fixtureArray(const QString &relative)
{
    return QJsonDocument::fromJson(readFixture(relative)).array();
}

// items[first, first + max) as a JSON array answer.
inline QJsonDocument slice(const QJsonArray &items, qsizetype first, qsizetype max)
{
    QJsonArray page;
    for (qsizetype i = first; i < items.size() && i < first + max; ++i)
        page.append(items.at(i));
    return QJsonDocument(page);
}

class FakeIdpServer : public QObject
{
public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeIdpServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
            }
        });
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    QList<FakeRequest> requests; // every request, in arrival order

    int count(const QString &path) const
    {
        return int(
            std::count_if(requests.begin(), requests.end(), [&](const FakeRequest &r) { return r.path == path; }));
    }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        FakeRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        request.method = start.value(0);
        const QUrl target(QString::fromLatin1(start.value(1)));
        request.path = target.path(QUrl::FullyDecoded);
        request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        requests.append(request);
        const FakeResponse response = m_handler ? m_handler(request) : FakeResponse::json(QByteArray("{}"), 404);
        if (response.hang)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
        out += "Content-Type: application/json\r\nConnection: close\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        for (const auto &[name, value] : response.headers)
            out += name + ": " + value + "\r\n";
        out += "\r\n" + response.body;
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, socket, [socket, out] {
                socket->write(out);
                socket->disconnectFromHost();
            });
            return;
        }
        socket->write(out);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
