#include "HttpMessage.h"

#include <charconv>

#include <QJsonDocument>
#include <QJsonObject>

namespace signoff::mockrp {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

int HttpRequest::headerCount(QByteArrayView name) const
{
    int n = 0;
    for (const auto &h : headers)
        n += h.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
    return n;
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (minorVersion == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse r;
    r.status = status;
    return r;
}

HttpResponse HttpResponse::jsonError(int status, const QString &error, const QString &description)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.body =
        QJsonDocument(QJsonObject{{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}})
            .toJson(QJsonDocument::Compact);
    return r;
}

namespace {
const char *reasonText(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

// Appends a number without a temporary QByteArray (this runs for every answer).
void appendNumber(QByteArray &out, qint64 n)
{
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, end - buf);
}
} // namespace

QByteArray reasonPhrase(int status)
{
    return QByteArray(reasonText(status));
}

QByteArray HttpResponse::serialize(bool keepAlive) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 ";
    appendNumber(out, status);
    out += ' ';
    out += reasonText(status);
    out += "\r\n";
    bool hasCacheControl = false;
    for (const auto &h : headers) {
        const bool managed = h.first.compare("content-length", Qt::CaseInsensitive) == 0 ||
                             h.first.compare("connection", Qt::CaseInsensitive) == 0 ||
                             h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
        if (managed)
            continue;
        hasCacheControl = hasCacheControl || h.first.compare("cache-control", Qt::CaseInsensitive) == 0;
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    // BCL §2.8: every answer carries no-store.
    if (!hasCacheControl)
        out += "Cache-Control: no-store\r\n";
    // 1xx/204/304 carry no body and no Content-Length (RFC 9110 §8.6).
    const bool bodyless = status < 200 || status == 204 || status == 304;
    if (!bodyless) {
        out += "Content-Length: ";
        appendNumber(out, body.size());
        out += "\r\n";
    }
    out += keepAlive && !close ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    if (!bodyless)
        out += body;
    return out;
}

} // namespace signoff::mockrp
