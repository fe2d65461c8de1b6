#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A loopback TCP proxy in front of the sandbox that breaks its event streams on purpose: the
// n-th connection that asks for GET /admin/events gets budgets[n] bytes back, then is cut (or,
// with stall, simply stops receiving while the connection stays open). Connections past the
// budgets, and every other request, pass untouched.
class LoopbackCutProxy : public QObject
{
    Q_OBJECT
public:
    LoopbackCutProxy(quint16 targetPort, QList<qint64> budgets, bool stall = false)
        : m_target(targetPort)
        , m_budgets(std::move(budgets))
        , m_stall(stall)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    int interruptions() const { return m_interruptions; }
    int streams() const { return m_streams; }

private:
    struct Pair
    {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray toUpstream; // until the upstream connection is up
        bool stream = false;
        qint64 budget = -1; // -1: unlimited
        bool stalled = false;
    };

    void relay(QTcpSocket *client)
    {
        auto pair = std::make_shared<Pair>();
        pair->client = client;
        pair->upstream = new QTcpSocket(client);
        client->setParent(this);
        connect(pair->upstream, &QTcpSocket::connected, this,
                [pair] { pair->upstream->write(std::exchange(pair->toUpstream, {})); });
        connect(client, &QTcpSocket::readyRead, this, [this, pair] {
            const QByteArray data = pair->client->readAll();
            if (!pair->stream && data.contains("GET /admin/events")) {
                pair->stream = true;
                pair->budget = m_streams < m_budgets.size() ? m_budgets.at(m_streams) : -1;
                ++m_streams;
            }
            if (pair->upstream->state() == QAbstractSocket::ConnectedState)
                pair->upstream->write(data);
            else
                pair->toUpstream += data;
        });
        connect(pair->upstream, &QTcpSocket::readyRead, this, [this, pair] { down(pair); });
        connect(client, &QTcpSocket::disconnected, this, [pair] {
            if (pair->upstream)
                pair->upstream->abort();
            pair->client->deleteLater();
        });
        connect(pair->upstream, &QTcpSocket::disconnected, this, [pair] {
            if (pair->client && !pair->stalled)
                pair->client->disconnectFromHost();
        });
        pair->upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }

    void down(const std::shared_ptr<Pair> &pair)
    {
        QByteArray data = pair->upstream->readAll();
        if (!pair->client || pair->stalled)
            return;
        if (pair->budget < 0 || data.size() < pair->budget) {
            if (pair->budget >= 0)
                pair->budget -= data.size();
            pair->client->write(data);
            return;
        }
        pair->client->write(data.left(pair->budget));
        pair->budget = 0;
        ++m_interruptions;
        if (m_stall) {
            pair->stalled = true; // the connection stays open and silent
            return;
        }
        pair->client->flush();
        pair->client->abort();
    }

    QTcpServer m_server;
    quint16 m_target;
    QList<qint64> m_budgets;
    bool m_stall;
    int m_streams = 0;
    int m_interruptions = 0;
};
