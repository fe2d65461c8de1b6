// Test harness: starts `server.js` as a child process on a free port with a temp data
// folder, waits for its READY line, and offers small helpers (admin token, JSON calls,
// an SSE reader and a cookie jar). Kept outside test/ so `node --test` does not run it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SANDBOX_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER = path.join(SANDBOX_DIR, 'server.js');
export const ADMIN_SECRET = 'test-admin-secret-0123456789';

// Every wait in the tests has a deadline: a bound for a clear failure when something never
// happens, not a timing requirement (generous, so a loaded machine never trips it).
export const WAIT_MS = 60_000;

// Resolves with `promise`, or rejects with `what` when it has not settled within `timeoutMs`.
export async function withDeadline(promise, what, timeoutMs = WAIT_MS) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// Polls `condition()` until it returns something truthy (which is returned); fails with
// `what` after `timeoutMs`.
export async function waitFor(condition, what, { timeoutMs = WAIT_MS, intervalMs = 20 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((res) => { setTimeout(res, intervalMs); });
  }
}

export function tempDir(prefix = 'signoff-sandbox-test-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function runServer(args, { env = {}, cwd = os.tmpdir() } = {}) {
  const child = spawn(process.execPath, [SERVER, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (d) => { out.stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { out.stderr += d; });
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, out, exited };
}

export async function startSandbox({
  args = [], env = {}, dataDir, readyTimeoutMs = 60_000,
} = {}) {
  const ownDir = dataDir === undefined;
  if (ownDir) dataDir = tempDir();
  const proc = runServer(['--port', '0', '--data', dataDir, ...args], {
    env: { SIGNOFF_SANDBOX_ADMIN_SECRET: ADMIN_SECRET, ...env },
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox not ready in ${readyTimeoutMs} ms\n${proc.out.stderr}`)), readyTimeoutMs);
    const check = () => {
      const m = /^SANDBOX READY (http:\/\/127\.0\.0\.1:\d+)\n/.exec(proc.out.stdout);
      if (m) {
        clearTimeout(timer);
        proc.child.stdout.off('data', check);
        resolve(m[1]);
      }
    };
    proc.child.stdout.on('data', check);
    proc.exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${code}) before READY\n${proc.out.stderr}`));
    });
  });

  // A failed call says why, and whether the sandbox is still there (with its last words).
  let stopping = false;
  const describeFailure = (what, err) => {
    const cause = err.cause ? ` (${err.cause.code ?? ''} ${err.cause.message ?? err.cause})` : '';
    const { exitCode, signalCode } = proc.child;
    const state = exitCode === null && signalCode === null ? 'still running' : `exited (code ${exitCode}, signal ${signalCode})`;
    return new Error(`${what}: ${err.message}${cause}; sandbox ${state}; its stderr ends:\n${proc.out.stderr.slice(-2000)}`, { cause: err });
  };
  proc.exited.then(({ code, signal }) => {
    if (!stopping) process.stderr.write(`# sandbox at ${url} exited unexpectedly (code ${code}, signal ${signal})\n${proc.out.stderr.slice(-2000)}\n`);
  });

  let token;
  const sb = {
    ...proc,
    url,
    dataDir,
    async token({ scope = 'admin', secret = ADMIN_SECRET } = {}) {
      const res = await fetch(`${url}/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`signoff-admin:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`token: ${res.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    // JSON call to the admin API with the admin token. Returns {status, headers, body}.
    async api(method, p, body, { headers = {}, auth = true } = {}) {
      if (auth && !token) token = await sb.token();
      let res;
      let text;
      try {
        res = await fetch(`${url}${p}`, {
          method,
          headers: {
            ...(auth ? { authorization: `Bearer ${token}` } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)),
        });
        text = await res.text();
      } catch (err) {
        throw describeFailure(`${method} ${p}`, err);
      }
      let json;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return {
        status: res.status, headers: res.headers, body: json, text,
      };
    },
    // For a test that ends the sandbox itself (a signal): no "exited unexpectedly" note.
    expectExit() {
      stopping = true;
    },
    async stop() {
      stopping = true;
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGTERM');
      let result;
      try {
        result = await withDeadline(proc.exited, `sandbox pid ${proc.child.pid} exiting after SIGTERM`);
      } catch (err) {
        proc.child.kill('SIGKILL');
        throw err;
      }
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
      return result;
    },
  };
  return sb;
}

// Waits for a run to finish (polling /admin/runs/{id}).
export async function waitRun(sb, runId, timeoutMs = 120_000) {
  let last;
  try {
    return await waitFor(async () => {
      const r = await sb.api('GET', `/admin/runs/${runId}`);
      last = r.body;
      return r.body?.status === 'finished' && r.body;
    }, `run ${runId} finished`, { timeoutMs, intervalMs: 100 });
  } catch (err) {
    err.message += `; last seen: ${JSON.stringify(last)}`;
    throw err;
  }
}

// Long-polls /admin/events from `cursor`, collecting events until `done(events)` is true;
// returns them. Fails after `timeoutMs`.
export async function collectEvents(sb, cursor, done, what, timeoutMs = WAIT_MS) {
  const events = [];
  let next = cursor;
  await waitFor(async () => {
    const r = await sb.api('GET', `/admin/events?format=json&cursor=${next}&wait=5000&limit=10000`);
    if (r.status !== 200) throw new Error(`events: ${r.status} ${r.text}`);
    events.push(...r.body.events);
    next = r.body.next_cursor;
    return done(events);
  }, what, { timeoutMs, intervalMs: 0 });
  return events;
}

// Minimal SSE client over fetch. onEvent({id, event, data}) per event; returns {close}.
export function openSse(url, { token, lastEventId, onEvent }) {
  const ac = new AbortController();
  const done = (async () => {
    const res = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'text/event-stream',
        ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
      },
      signal: ac.signal,
    });
    if (res.status !== 200) throw new Error(`SSE ${res.status}`);
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body) {
        buf += decoder.decode(chunk, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) !== -1) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev = { id: undefined, event: 'message', data: '' };
          let isComment = true;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            isComment = false;
            const c = line.indexOf(':');
            const field = c === -1 ? line : line.slice(0, c);
            const value = c === -1 ? '' : line.slice(c + 1).replace(/^ /, '');
            if (field === 'id') ev.id = value;
            else if (field === 'event') ev.event = value;
            else if (field === 'data') ev.data += (ev.data ? '\n' : '') + value;
          }
          if (!isComment && ev.data) onEvent({ ...ev, json: JSON.parse(ev.data) });
        }
      }
    } catch (err) {
      if (err.name !== 'AbortError') throw err;
    }
  })();
  return {
    close() {
      ac.abort();
      return done.catch(() => {});
    },
    done,
  };
}

// A fetch dispatcher whose connections come from `localAddress` (e.g. 127.0.0.2: any
// 127/8 address is usable on loopback), so the server sees a peer other than 127.0.0.1.
export function dispatcherFrom(localAddress) {
  // eslint-disable-next-line no-unused-expressions
  Response; // touching a fetch global makes Node initialise its undici global dispatcher
  const Agent = (
    globalThis[Symbol.for('undici.globalDispatcher.2')]
    ?? globalThis[Symbol.for('undici.globalDispatcher.1')]
  ).constructor;
  return new Agent({ localAddress });
}

// A cookie jar honouring Path and deletion, enough for the provider's cookies. `headers`
// go with every request; `dispatcher` (see dispatcherFrom) picks the source address.
export class CookieJar {
  constructor({ headers = {}, dispatcher } = {}) {
    this.cookies = new Map(); // `${name}|${path}` -> {name, value, path}
    this.extraHeaders = headers;
    this.dispatcher = dispatcher;
  }

  store(res, requestUrl) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let cpath = new URL(requestUrl).pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const a of attrs) {
        const [k, v] = a.split('=');
        if (k.toLowerCase() === 'path') cpath = v;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      const key = `${name}|${cpath}`;
      if (expired) this.cookies.delete(key); else this.cookies.set(key, { name, value, path: cpath });
    }
  }

  header(url) {
    const p = new URL(url).pathname;
    return [...this.cookies.values()]
      .filter((c) => p === c.path || p.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  async fetch(url, init = {}) {
    const headers = { ...this.extraHeaders, ...(init.headers ?? {}) };
    const cookie = this.header(url);
    if (cookie) headers.cookie = cookie;
    const res = await fetch(url, {
      ...init, headers, redirect: 'manual', ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
    });
    this.store(res, url);
    return res;
  }
}
