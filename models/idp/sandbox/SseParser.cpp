#include "SseParser.h"

#include <utility>

namespace signoff {

void SseParser::reset()
{
    m_line.clear();
    m_event = SseEvent{};
    m_hasData = false;
    m_afterCr = false;
    m_atStreamStart = true;
    m_bomMatched = 0;
    m_broken = false;
    m_eventBytes = 0;
}

bool SseParser::feed(QByteArrayView bytes, QList<SseEvent> &out)
{
    if (m_broken)
        return false;
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    // A leading UTF-8 BOM is skipped; it may itself arrive split between chunks.
    static constexpr char kBom[] = "\xEF\xBB\xBF";
    while (m_atStreamStart && i < n) {
        if (bytes[i] != kBom[m_bomMatched]) {
            m_atStreamStart = false;
            m_line.append(kBom, m_bomMatched); // not a BOM after all: ordinary text of the first line
            break;
        }
        ++i;
        m_atStreamStart = ++m_bomMatched < 3;
    }
    while (i < n) {
        if (m_afterCr) {
            m_afterCr = false;
            if (bytes[i] == '\n') {
                ++i;
                continue;
            }
        }
        qsizetype end = i;
        while (end < n && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        if (end == n) {
            m_line.append(bytes.sliced(i));
            if (m_line.size() > kMaxEventBytes) {
                m_broken = true;
                return false;
            }
            return true;
        }
        m_afterCr = bytes[end] == '\r';
        if (m_line.isEmpty()) {
            takeLine(bytes.sliced(i, end - i), out);
        } else {
            m_line.append(bytes.sliced(i, end - i));
            const QByteArray line = std::exchange(m_line, QByteArray());
            takeLine(line, out);
        }
        if (m_eventBytes > kMaxEventBytes) {
            m_broken = true;
            return false;
        }
        i = end + 1;
    }
    return true;
}

void SseParser::takeLine(QByteArrayView line, QList<SseEvent> &out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':')
        return; // a comment (the sandbox's keepalive)
    m_eventBytes += line.size();
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_event.data.append('\n');
        m_event.data.append(value);
        m_hasData = true;
    } else if (field == "event") {
        m_event.type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_event.id = value.toByteArray();
    } else if (field == "retry") {
        bool ok = !value.isEmpty();
        for (char c : value)
            ok = ok && c >= '0' && c <= '9';
        const int ms = ok ? value.toInt(&ok) : 0;
        if (ok)
            m_retryMs = ms;
    }
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    // An event without data is not dispatched (the spec), whatever else it carried.
    if (m_hasData) {
        if (m_event.type.isEmpty())
            m_event.type = "message";
        out.append(std::move(m_event));
    }
    m_event = SseEvent{};
    m_hasData = false;
    m_eventBytes = 0;
}

} // namespace signoff
