#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace signoff {

// One dispatched Server-Sent Event. id is set only when this event carried an `id:` field, so a
// reader can tell which events move its resume position (the sandbox's gap events carry none).
struct SseEvent
{
    QByteArray type = "message";
    QByteArray data; // the data lines joined with '\n'
    std::optional<QByteArray> id;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

// An incremental text/event-stream parser (WHATWG HTML, "Server-sent events"): bytes arrive in
// chunks split anywhere, lines end with CRLF, LF or CR (a CRLF may be split between chunks),
// comments and unknown fields are ignored, `retry:` is remembered.
class SseParser
{
public:
    // A line or an event longer than this is a broken stream, not something to buffer forever.
    static constexpr qsizetype kMaxEventBytes = 4 * 1024 * 1024;

    // Appends the events completed by these bytes to out; false once the stream exceeded
    // kMaxEventBytes (the parser then ignores everything until reset()).
    bool feed(QByteArrayView bytes, QList<SseEvent> &out);
    // For a new connection: forgets any partial line and event (retry is kept).
    void reset();
    std::optional<int> retryMs() const { return m_retryMs; }

private:
    void takeLine(QByteArrayView line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_line; // the unfinished line
    SseEvent m_event;
    bool m_hasData = false;
    bool m_afterCr = false; // a CR ended the last line: an LF right after it belongs to it
    bool m_atStreamStart = true;
    int m_bomMatched = 0;
    bool m_broken = false;
    qsizetype m_eventBytes = 0;
    std::optional<int> m_retryMs;
};

} // namespace signoff
