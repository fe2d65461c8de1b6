// The event log behind GET /admin/events: a bounded ring of serialized events, each
// with a monotonically increasing cursor (1, 2, 3, ...). Readers keep their own cursor
// and pull from the ring, so a slow or reconnecting reader never loses events that are
// still in the ring, and one that fell behind the ring is told exactly what it missed.
import { randomUUID } from 'node:crypto';

export class EventLog {
  constructor({ capacity = 1_000_000 } = {}) {
    this.capacity = capacity;
    this.ring = new Array(Math.min(capacity, 1024));
    this.next = 1; // cursor of the next event
    this.streamId = randomUUID();
    this.waiters = new Set();
    this.notifyScheduled = false;
  }

  get latest() {
    return this.next - 1;
  }

  get oldest() {
    // cursor of the oldest event still held (latest + 1 when empty)
    return Math.max(1, this.next - this.capacity);
  }

  append(type, data) {
    const cursor = this.next;
    this.next += 1;
    const json = JSON.stringify({ cursor, type, ...data });
    const slot = (cursor - 1) % this.capacity;
    if (slot >= this.ring.length) this.ring.length = Math.min(this.capacity, Math.max(slot + 1, this.ring.length * 2));
    this.ring[slot] = { cursor, type, json };
    this.scheduleNotify();
    return cursor;
  }

  // Wake readers once per event-loop turn, not once per event.
  scheduleNotify() {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    setImmediate(() => {
      this.notifyScheduled = false;
      for (const w of [...this.waiters]) w();
    });
  }

  // Events with cursor > after, at most `limit`. `missed` is set when the reader asked
  // for events that have already left the ring.
  read(after, limit = 1000) {
    const out = [];
    let from = after + 1;
    let missed;
    if (from < this.oldest && from <= this.latest) {
      missed = { from, to: this.oldest - 1 };
      from = this.oldest;
    }
    for (let c = from; c <= this.latest && out.length < limit; c += 1) {
      out.push(this.ring[(c - 1) % this.capacity]);
    }
    return { events: out, missed };
  }

  onAppend(fn) {
    this.waiters.add(fn);
    return () => this.waiters.delete(fn);
  }

  // Resolves when an event newer than `after` exists or after `ms`.
  waitFor(after, ms, signal) {
    if (this.latest > after || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      let off = () => {};
      const done = () => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      off = this.onAppend(() => {
        if (this.latest > after) done();
      });
      signal?.addEventListener('abort', done);
    });
  }
}

function parseCursor(value) {
  if (value === undefined || value === null || value === '') return undefined;
  const s = String(value).trim();
  if (!/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}

function matches(filter, ev) {
  if (!filter) return true;
  // run_id filter without parsing every event: a cheap substring test on the JSON.
  return ev.json.includes(filter);
}

// GET /admin/events. Returns false when the request was invalid (the caller answers 400).
export function handleEvents(log, req, res, url, { sendJson, sendError, keepaliveMs = 15_000, tracked }) {
  const q = url.searchParams;
  const headerCursor = parseCursor(req.headers['last-event-id']);
  const queryCursor = parseCursor(q.get('cursor'));
  if (headerCursor === null || queryCursor === null) {
    sendError(res, 400, 'invalid_request', 'cursor / Last-Event-ID must be a non-negative integer');
    return;
  }
  const runId = q.get('run_id') ?? undefined;
  if (runId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(runId)) {
    sendError(res, 400, 'invalid_request', 'run_id is malformed');
    return;
  }
  const filter = runId ? `"run_id":${JSON.stringify(runId)}` : undefined;
  // Last-Event-ID (set by a reconnecting EventSource) wins over ?cursor=.
  let cursor = headerCursor ?? queryCursor;

  const wantsJson = q.get('format') === 'json'
    || (!/text\/event-stream/.test(req.headers.accept ?? '') && /application\/json/.test(req.headers.accept ?? ''));

  if (wantsJson) {
    const wait = q.get('wait') === null ? 0 : Number(q.get('wait'));
    const limit = q.get('limit') === null ? 1000 : Number(q.get('limit'));
    if (!Number.isInteger(wait) || wait < 0 || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
      sendError(res, 400, 'invalid_request', 'wait must be an integer >= 0 (ms, capped at 60000) and limit an integer 1..10000');
      return;
    }
    if (cursor === undefined) cursor = log.latest;
    const ac = new AbortController();
    res.on('close', () => ac.abort());
    const reply = () => {
      const reset = cursor > log.latest;
      const from = reset ? log.latest : cursor;
      const { events, missed } = log.read(from, limit);
      const selected = events.filter((e) => matches(filter, e));
      const next = events.length ? events[events.length - 1].cursor : from;
      const body = `{"stream_id":${JSON.stringify(log.streamId)},"cursor":${cursor},"next_cursor":${next}`
        + `,"latest_cursor":${log.latest},"oldest_cursor":${log.oldest}`
        + `${reset ? ',"reset":true' : ''}${missed ? `,"missed":${JSON.stringify(missed)}` : ''}`
        + `,"events":[${selected.map((e) => e.json).join(',')}]}`;
      sendJson(res, 200, body, { raw: true });
    };
    (async () => {
      // Wait until a (matching) event arrives or the time is up.
      const deadline = Date.now() + Math.min(wait, 60_000);
      let scanned = Math.min(cursor, log.latest);
      for (;;) {
        const { events } = log.read(scanned, 10_000);
        if (events.some((e) => matches(filter, e))) break;
        if (events.length) scanned = events[events.length - 1].cursor;
        const left = deadline - Date.now();
        if (left <= 0 || ac.signal.aborted) break;
        await log.waitFor(scanned, left, ac.signal);
      }
      if (!res.destroyed) reply();
    })().catch(() => { if (!res.headersSent) sendError(res, 500, 'server_error', 'event read failed'); });
    return;
  }

  // Server-Sent Events.
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.socket?.setNoDelay?.(true);
  let pos = cursor === undefined ? log.latest : cursor;
  const hello = { stream_id: log.streamId, cursor: pos, latest_cursor: log.latest, oldest_cursor: log.oldest };
  res.write(`retry: 1000\nevent: ready\ndata: ${JSON.stringify(hello)}\n\n`);
  if (pos > log.latest) {
    // A cursor from another stream (the sandbox restarted): start at the present.
    res.write(`event: reset\ndata: ${JSON.stringify({ reason: 'cursor is ahead of this stream (did the sandbox restart?)', cursor: pos, latest_cursor: log.latest, stream_id: log.streamId })}\n\n`);
    pos = log.latest;
  }

  let closed = false;
  let pumping = false;
  const pump = () => {
    if (closed || pumping) return;
    pumping = true;
    try {
      for (;;) {
        const { events, missed } = log.read(pos, 2000);
        if (missed) {
          // No id: line, so the client's Last-Event-ID stays meaningful.
          res.write(`event: gap\ndata: ${JSON.stringify({ ...missed, reason: 'events left the ring buffer before they were read' })}\n\n`);
        }
        if (events.length === 0) break;
        let chunk = '';
        for (const e of events) {
          if (matches(filter, e)) chunk += `id: ${e.cursor}\nevent: ${e.type}\ndata: ${e.json}\n\n`;
        }
        pos = events[events.length - 1].cursor;
        if (!chunk) continue;
        if (!res.write(chunk)) {
          // Back-pressure: continue when the socket drained; the ring keeps the rest.
          res.once('drain', () => { pumping = false; pump(); });
          return;
        }
      }
    } finally {
      if (pumping && !res.writableNeedDrain) pumping = false;
    }
  };
  const off = log.onAppend(pump);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), keepaliveMs);
  const cleanup = () => {
    if (closed) return;
    closed = true;
    off();
    clearInterval(keepalive);
    tracked?.delete(res);
  };
  tracked?.add(res);
  res.on('close', cleanup);
  res.on('error', cleanup);
  pump();
}
