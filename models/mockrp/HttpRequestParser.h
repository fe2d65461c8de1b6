#pragma once

#include "HttpMessage.h"

#include <QByteArray>
#include <QString>

namespace signoff::mockrp {

// Incremental HTTP/1.1 request parser, socket-free (the server feeds it bytes; the fuzzer too).
// Strict where leniency invites request smuggling: one Content-Length, no Content-Length
// together with Transfer-Encoding, only "chunked" as a transfer coding. Limits are enforced
// before bytes are buffered, so an oversized body is refused without being read. The limits
// bound one request, never a run of complete pipelined requests handed over in one feed.
class HttpRequestParser
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 16 * 1024;
        int maxHeaders = 100;
        qsizetype maxBodyBytes = 64 * 1024;
    };
    enum class State
    {
        NeedMore,
        Complete,
        Error
    };

    HttpRequestParser() = default;
    explicit HttpRequestParser(Limits limits)
        : m_limits(limits)
    {}

    // Appends bytes and parses as far as possible.
    State feed(QByteArrayView data);
    // Parses what is already buffered (after takeRequest(), for pipelined requests).
    State parse();
    HttpRequest takeRequest();

    // After Error: the status to answer with (400, 413, 431, 501, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }
    // True once per request when the client waits for "100 Continue" before sending the body.
    bool takeContinueRequest();
    // The request line and headers read so far (after an Error, to say which endpoint it hit).
    const HttpRequest &partialRequest() const { return m_request; }
    // Bytes of the request under way (to tell an idle connection from one mid-request).
    bool idle() const { return m_stage == Stage::RequestLine && m_buffer.size() == m_pos; }
    qsizetype buffered() const { return m_buffer.size() - m_pos; }
    // The most one request may take on the wire: head, body, and chunk framing around the body.
    qsizetype maxRequestBytes() const { return m_limits.maxHeaderBytes + m_limits.maxBodyBytes * 2 + 64 * 1024; }

private:
    enum class Stage
    {
        RequestLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Done,
        Failed
    };
    State fail(int status, const QString &message);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    State headersDone();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    Stage m_stage = Stage::RequestLine;
    HttpRequest m_request;
    qsizetype m_headerBytes = 0;
    qsizetype m_requestBytes = 0; // of the request under way, as read off the wire
    qsizetype m_contentLength = 0;
    qsizetype m_chunkRemaining = 0;
    bool m_continuePending = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace signoff::mockrp
