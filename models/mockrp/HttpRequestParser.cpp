#include "HttpRequestParser.h"

#include <QCoreApplication>

namespace signoff::mockrp {

namespace {
// lupdate files these strings under the context named here, as they are looked up at run time.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(signoff::mockrp::HttpRequestParser)
};

bool isTokenChar(char c)
{
    // RFC 9110 tchar
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

std::optional<qsizetype> parseDecimal(QByteArrayView s, qsizetype max)
{
    if (s.isEmpty() || s.size() > 18)
        return std::nullopt;
    qsizetype v = 0;
    for (const char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v > max)
        return max + 1;
    return v;
}
} // namespace

HttpRequestParser::State HttpRequestParser::fail(int status, const QString &message)
{
    m_stage = Stage::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return State::Error;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView data)
{
    if (m_stage == Stage::Failed)
        return State::Error;
    // No cap on what one feed may hold: complete requests are parsed out of it one by one, and
    // each is bounded by the limits as it is parsed (see maxRequestBytes()). What waits behind a
    // request is the caller's to bound, as only the caller knows whether it is still answering.
    m_buffer.append(data);
    return parse();
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool c = m_continuePending;
    m_continuePending = false;
    return c;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::move(m_request);
    m_request = HttpRequest();
    m_stage = Stage::RequestLine;
    m_headerBytes = 0;
    m_contentLength = 0;
    m_chunkRemaining = 0;
    m_continuePending = false;
    m_requestBytes = 0;
    // Pipelined requests share the buffer: drop consumed bytes only when that is cheap or
    // worthwhile, not once per request (which is quadratic in the number of pipelined requests).
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    } else if (m_pos > 4096 && m_pos * 2 > m_buffer.size()) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    return r;
}

bool HttpRequestParser::parseRequestLine(QByteArrayView line)
{
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0)
        return false;
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    for (const char c : method) {
        if (!isTokenChar(c))
            return false;
    }
    for (const char c : target) {
        if (c <= 0x20 || c == 0x7f)
            return false;
    }
    if (version == "HTTP/1.1")
        m_request.minorVersion = 1;
    else if (version == "HTTP/1.0")
        m_request.minorVersion = 0;
    else
        return false;
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype q = target.indexOf('?');
    m_request.path = (q < 0 ? target : target.first(q)).toByteArray();
    return true;
}

bool HttpRequestParser::parseHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return false;
    const QByteArrayView name = line.first(colon);
    for (const char c : name) {
        if (!isTokenChar(c)) // also refuses "name : value" (whitespace before the colon)
            return false;
    }
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    for (const char c : value) {
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    m_request.headers.append({name.toByteArray().toLower(), value.toByteArray()});
    return true;
}

HttpRequestParser::State HttpRequestParser::headersDone()
{
    const int clCount = m_request.headerCount("content-length");
    const QByteArray te = m_request.header("transfer-encoding").trimmed().toLower();
    const bool hasTe = m_request.headerCount("transfer-encoding") > 0;
    if (hasTe && clCount > 0)
        return fail(400, Tr::tr("both Content-Length and Transfer-Encoding are present"));
    if (m_request.minorVersion == 1 && m_request.headerCount("host") != 1)
        return fail(400, Tr::tr("an HTTP/1.1 request needs exactly one Host header"));
    if (hasTe) {
        if (m_request.headerCount("transfer-encoding") > 1 || te != "chunked")
            return fail(501, Tr::tr("unsupported Transfer-Encoding"));
        m_stage = Stage::ChunkSize;
    } else if (clCount > 1) {
        return fail(400, Tr::tr("several Content-Length headers"));
    } else if (clCount == 1) {
        const auto cl = parseDecimal(m_request.header("content-length"), m_limits.maxBodyBytes);
        if (!cl)
            return fail(400, Tr::tr("Content-Length is not a number"));
        if (*cl > m_limits.maxBodyBytes)
            return fail(413, Tr::tr("the body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
        m_contentLength = *cl;
        m_stage = Stage::Body;
    } else {
        m_contentLength = 0;
        m_stage = Stage::Body;
    }
    if (m_request.header("expect").toLower() == "100-continue" && (m_stage == Stage::ChunkSize || m_contentLength > 0))
        m_continuePending = true;
    return State::NeedMore;
}

HttpRequestParser::State HttpRequestParser::parse()
{
    for (;;) {
        switch (m_stage) {
        case Stage::Failed:
            return State::Error;
        case Stage::Done:
            return State::Complete;
        case Stage::RequestLine:
        case Stage::Headers:
        case Stage::ChunkSize:
        case Stage::Trailers: {
            const qsizetype eol = m_buffer.indexOf('\n', m_pos);
            const qsizetype available = (eol < 0 ? m_buffer.size() : eol + 1) - m_pos;
            if (m_stage == Stage::RequestLine || m_stage == Stage::Headers || m_stage == Stage::Trailers) {
                if (m_headerBytes + available > m_limits.maxHeaderBytes)
                    return fail(431, Tr::tr("request headers larger than %1 bytes").arg(m_limits.maxHeaderBytes));
            } else if (available > 1024) {
                return fail(400, Tr::tr("chunk size line too long"));
            }
            if (eol < 0)
                return State::NeedMore;
            QByteArrayView line(m_buffer.constData() + m_pos, eol - m_pos);
            if (line.endsWith('\r'))
                line.chop(1);
            m_pos = eol + 1;
            m_requestBytes += available;
            if (m_stage != Stage::ChunkSize)
                m_headerBytes += available;
            if (m_stage == Stage::RequestLine) {
                // RFC 9112 §2.2: ignore empty lines before the request line (robustness).
                if (line.isEmpty())
                    continue;
                if (!parseRequestLine(line))
                    return fail(400, Tr::tr("malformed request line"));
                m_stage = Stage::Headers;
            } else if (m_stage == Stage::Headers) {
                if (line.isEmpty()) {
                    if (headersDone() == State::Error)
                        return State::Error;
                } else if (line.front() == ' ' || line.front() == '\t') {
                    return fail(400, Tr::tr("obsolete header line folding"));
                } else if (m_request.headers.size() >= m_limits.maxHeaders) {
                    return fail(431, Tr::tr("more than %1 header fields").arg(m_limits.maxHeaders));
                } else if (!parseHeaderLine(line)) {
                    return fail(400, Tr::tr("malformed header line"));
                }
            } else if (m_stage == Stage::ChunkSize) {
                const qsizetype semi = line.indexOf(';');
                const QByteArrayView hex = (semi < 0 ? line : line.first(semi)).trimmed();
                if (hex.isEmpty() || hex.size() > 8)
                    return fail(400, Tr::tr("malformed chunk size"));
                qsizetype size = 0;
                for (const char c : hex) {
                    const int d = QByteArrayView("0123456789abcdef").indexOf(char(c | 0x20));
                    if (d < 0)
                        return fail(400, Tr::tr("malformed chunk size"));
                    size = size * 16 + d;
                }
                if (m_request.body.size() + size > m_limits.maxBodyBytes)
                    return fail(413, Tr::tr("the body is larger than %1 bytes").arg(m_limits.maxBodyBytes));
                // Tiny chunks with long extensions would otherwise make one request unbounded.
                if (m_requestBytes + size > maxRequestBytes())
                    return fail(413, Tr::tr("request larger than %1 bytes").arg(maxRequestBytes()));
                m_chunkRemaining = size;
                m_stage = size == 0 ? Stage::Trailers : Stage::ChunkData;
            } else { // trailers: ignored, up to the empty line
                if (line.isEmpty())
                    m_stage = Stage::Done;
            }
            break;
        }
        case Stage::Body: {
            const qsizetype have = m_buffer.size() - m_pos;
            const qsizetype need = m_contentLength - m_request.body.size();
            const qsizetype take = qMin(have, need);
            m_request.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_requestBytes += take;
            if (m_request.body.size() < m_contentLength)
                return State::NeedMore;
            m_stage = Stage::Done;
            break;
        }
        case Stage::ChunkData: {
            const qsizetype have = m_buffer.size() - m_pos;
            const qsizetype take = qMin(have, m_chunkRemaining);
            m_request.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_requestBytes += take;
            m_chunkRemaining -= take;
            if (m_chunkRemaining > 0)
                return State::NeedMore;
            m_stage = Stage::ChunkDataEnd;
            break;
        }
        case Stage::ChunkDataEnd: {
            if (m_buffer.size() - m_pos < 2) {
                if (m_buffer.size() - m_pos == 1 && m_buffer.at(m_pos) != '\r' && m_buffer.at(m_pos) != '\n')
                    return fail(400, Tr::tr("malformed chunk"));
                if (m_buffer.size() - m_pos == 1 && m_buffer.at(m_pos) == '\n') {
                    ++m_pos;
                    ++m_requestBytes;
                    m_stage = Stage::ChunkSize;
                    break;
                }
                return State::NeedMore;
            }
            if (m_buffer.at(m_pos) == '\r' && m_buffer.at(m_pos + 1) == '\n') {
                m_pos += 2;
                m_requestBytes += 2;
            } else if (m_buffer.at(m_pos) == '\n') {
                m_pos += 1;
                m_requestBytes += 1;
            } else {
                return fail(400, Tr::tr("malformed chunk"));
            }
            m_stage = Stage::ChunkSize;
            break;
        }
        }
    }
}

} // namespace signoff::mockrp
