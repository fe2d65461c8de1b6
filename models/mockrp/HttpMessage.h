#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace signoff::mockrp {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>; // names lower-cased on input

// A request as the socket-free handlers see it: no socket, no Qt networking types.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;    // as sent: path and query
    QByteArray path;      // target without the query
    int minorVersion = 1; // HTTP/1.x
    HttpHeaders headers;
    QByteArray body;
    QString peer; // "127.0.0.1:54321"

    QByteArray header(QByteArrayView name) const;
    int headerCount(QByteArrayView name) const;
    bool keepAlive() const;
};

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;
    bool close = false; // close the connection after this answer
    bool drop = false;  // close without answering (fault injection)

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    static HttpResponse empty(int status);
    // {"error": ..., "error_description": ...} with Content-Type application/json.
    static HttpResponse jsonError(int status, const QString &error, const QString &description);
    // Status line, headers (always Content-Length and Cache-Control: no-store) and body.
    QByteArray serialize(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);

} // namespace signoff::mockrp
