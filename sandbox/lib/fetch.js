// The provider's outbound `fetch` (configuration option `fetch`).
//
// How oidc-provider 9 guards outbound requests (lib/helpers/fetch_request.js): it sets
// `options.signal = AbortSignal.timeout(2500)` and `options.dispatcher` to an undici
// Agent of the runtime's own undici whose 'connect' listener destroys the socket when
// `socket.remoteAddress` is a special-use IP (0/8, 10/8, 127/8, 169.254/16, 172.16/12,
// 192.168/16, ::1, fc00::/7, fe80::/10, ...), then calls `configuration.fetch(url,
// options)`. The check happens on the connected socket, so it covers DNS names too.
//
// Our override: for a URL whose host is literally loopback (127.0.0.0/8, [::1]) or
// `localhost`, swap that dispatcher for one that allows loopback peers and still
// destroys any non-loopback special-use peer (so `localhost` cannot be re-pointed at a
// private address). Every other URL goes out unchanged, with the library's dispatcher
// and therefore its SSRF protection. The 2.5 s timeout signal is kept in all cases.
//
// It also records, for a back-channel delivery started inside `deliveryContext.run()`,
// the HTTP status, the latency to the response headers, the error and the logout token
// that was sent, and drains the response body (the library never reads it, which would
// otherwise keep the pooled connection busy until garbage collection).
import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export const deliveryContext = new AsyncLocalStorage();

export function isLoopbackAddress(address) {
  if (typeof address !== 'string') return false;
  let a = address.toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  if (a.startsWith('::ffff:') && net.isIPv4(a.slice(7))) a = a.slice(7);
  if (net.isIPv4(a)) return a.split('.')[0] === '127';
  if (net.isIPv6(a)) {
    // ::1 in any spelling (0:0:0:0:0:0:0:1, ::0001, ...)
    const groups = expandIPv6(a);
    if (groups === undefined || !groups.slice(0, 5).every((g) => g === 0)) return false;
    if (groups[5] === 0xffff) return (groups[6] >> 8) === 127; // ::ffff:127.x.y.z in hex form
    return groups[5] === 0 && groups[6] === 0 && groups[7] === 1;
  }
  return false;
}

function expandIPv6(a) {
  const [head, tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  if (tail === undefined && h.length !== 8) return undefined;
  const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

export function isLoopbackUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const host = u.hostname.toLowerCase();
  return host === 'localhost' || isLoopbackAddress(host);
}

function socketOf(client) {
  if (client === null || client === undefined) return undefined;
  const sym = Object.getOwnPropertySymbols(client).find((s) => s.description === 'socket');
  return sym === undefined ? undefined : client[sym];
}

// The same undici Agent class the library uses (the runtime's global dispatcher).
function agentClass() {
  // eslint-disable-next-line no-unused-expressions
  Response; // touching a fetch global makes Node initialise its undici global dispatcher
  return (
    globalThis[Symbol.for('undici.globalDispatcher.2')]
    ?? globalThis[Symbol.for('undici.globalDispatcher.1')]
  )?.constructor;
}

let loopbackDispatcher;
function getLoopbackDispatcher() {
  if (loopbackDispatcher !== undefined) return loopbackDispatcher;
  const Agent = agentClass();
  if (!Agent) {
    loopbackDispatcher = null;
    return null;
  }
  loopbackDispatcher = new Agent({ keepAliveTimeout: 4_000 });
  loopbackDispatcher.on('connect', (_origin, targets) => {
    const socket = socketOf(targets[targets.length - 1]);
    if (socket?.remoteAddress !== undefined && !isLoopbackAddress(socket.remoteAddress)) {
      socket.destroy(new Error('loopback override: host resolved to a non-loopback address'));
    }
  });
  return loopbackDispatcher;
}

export function closeLoopbackDispatcher() {
  const d = loopbackDispatcher;
  loopbackDispatcher = undefined;
  return d ? d.destroy().catch(() => {}) : Promise.resolve();
}

function logoutTokenOf(body) {
  if (body instanceof URLSearchParams) return body.get('logout_token') ?? undefined;
  return undefined;
}

// url|aud|sid -> rec, for deliveries not started by an admin run (bounded).
const untracked = new Map();

function untrackedKey(url, clientId, sid) {
  return `${url}|${clientId}|${sid ?? ''}`;
}

function rememberUntracked(url, token, rec) {
  let claims = {};
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  } catch { /* not a JWT: nothing to correlate */ }
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  rec.logoutToken = token;
  untracked.set(untrackedKey(url, aud, claims.sid), rec);
  if (untracked.size > 10_000) untracked.delete(untracked.keys().next().value);
}

export function takeUntracked(url, clientId, sid) {
  for (const key of [untrackedKey(url, clientId, sid), untrackedKey(url, clientId, undefined)]) {
    const rec = untracked.get(key);
    if (rec) {
      untracked.delete(key);
      return rec;
    }
  }
  return {};
}

export function createProviderFetch({ baseFetch = globalThis.fetch } = {}) {
  return async function sandboxFetch(url, options = {}) {
    const opts = options;
    if (isLoopbackUrl(url)) {
      const d = getLoopbackDispatcher();
      if (d) opts.dispatcher = d; else delete opts.dispatcher;
    }
    let rec = deliveryContext.getStore();
    if (!rec) {
      // A logout token sent by the provider itself (its end-session endpoint): keep the
      // result so the backchannel.success/error listener can report status and latency.
      const token = logoutTokenOf(opts.body);
      if (!token) return baseFetch(url, opts);
      rec = {};
      rememberUntracked(String(url), token, rec);
    }

    rec.url = String(url);
    rec.logoutToken = logoutTokenOf(opts.body);
    const t0 = performance.now();
    try {
      const response = await baseFetch(url, opts);
      rec.latencyMs = performance.now() - t0;
      rec.status = response.status;
      // The library only looks at the status; read and discard the (small) body so
      // the connection goes back to the pool. Never let this fail the delivery.
      response.arrayBuffer().catch(() => {});
      return response;
    } catch (err) {
      rec.latencyMs = performance.now() - t0;
      rec.fetchError = err;
      throw err;
    }
  };
}

// Turns what happened to one `client.backchannelLogout()` call into a delivery outcome.
// `err` is its rejection (undefined on success); `rec` is what the fetch wrapper saw.
export function classifyDelivery(err, rec) {
  const out = {
    state: 'delivered',
    http_status: rec.status ?? null,
    latency_ms: rec.latencyMs === undefined ? null : Math.round(rec.latencyMs * 10) / 10,
    error: null,
  };
  if (!err) return out;
  if (err.response && typeof err.response.status === 'number') {
    // The library's own "expected 200 OK from <uri>, got: 500 Internal Server Error".
    out.state = 'failed';
    out.http_status = err.response.status;
    out.error = err.message;
    return out;
  }
  const cause = rec.fetchError ?? err;
  if (isTimeout(cause)) {
    out.state = 'timed_out';
    out.http_status = null;
    out.error = 'no response within the sender\'s 2.5 s timeout';
    return out;
  }
  out.state = 'failed';
  out.http_status = null;
  out.error = describeError(cause);
  return out;
}

function isTimeout(err) {
  for (let e = err, i = 0; e && i < 5; e = e.cause, i += 1) {
    if (e.name === 'TimeoutError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'ETIMEDOUT') return true;
  }
  return false;
}

export function describeError(err) {
  if (!err) return 'unknown error';
  const parts = [];
  for (let e = err, i = 0; e && i < 5; e = e.cause, i += 1) {
    const msg = e.code && !String(e.message).includes(e.code) ? `${e.message} (${e.code})` : e.message;
    if (msg && !parts.includes(msg)) parts.push(msg);
  }
  return parts.join(': ') || String(err);
}
