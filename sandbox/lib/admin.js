// The admin API under /admin/. Everything except /admin/health requires
// `Authorization: Bearer <token>` where the token is a client-credentials access token
// issued by this provider's token endpoint to `signoff-admin` with scope `admin`.
import { applyClientPatch, parseClientPatch } from './client-update.js';
import { ADMIN_CLIENT_ID, ADMIN_SCOPE } from './clients.js';
import { handleEvents } from './events.js';
import {
  HttpError, readJson, sendError, sendJson,
} from './http-util.js';
import { parseResendRequest } from './resend-request.js';
import { Users } from './users.js';

const REALM = 'signoff-sandbox';
const MAX_PAGE = 5000;
const DEFAULT_PAGE = 100;

function intParam(q, name, { min = 0, max = Number.MAX_SAFE_INTEGER, def } = {}) {
  const raw = q.get(name);
  if (raw === null || raw === '') return def;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'invalid_request', `${name} must be an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw new HttpError(400, 'invalid_request', `${name} must be between ${min} and ${max}`);
  return n;
}

// Both paging styles: ?cursor=&limit= (default) or ?first=&max=.
function pagingParams(q) {
  const offsetMode = q.has('first') || q.has('max');
  const cursorMode = q.has('cursor') || q.has('limit');
  if (offsetMode && cursorMode) throw new HttpError(400, 'invalid_request', 'use either cursor/limit or first/max, not both');
  if (offsetMode) {
    return {
      mode: 'offset',
      first: intParam(q, 'first', { def: 0 }),
      limit: intParam(q, 'max', { min: 1, max: MAX_PAGE, def: DEFAULT_PAGE }),
    };
  }
  return {
    mode: 'cursor',
    cursor: intParam(q, 'cursor', { def: 0 }),
    limit: intParam(q, 'limit', { min: 1, max: MAX_PAGE, def: DEFAULT_PAGE }),
  };
}

function checkKeys(body, allowed) {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw new HttpError(400, 'invalid_request', `unknown member "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function idString(value, name) {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
    throw new HttpError(400, 'invalid_request', `${name} must be a non-empty string of at most 256 characters`);
  }
  return value;
}

export function createAdmin(sb) {
  const {
    provider, store, users, events, runs, clientIds, behaviours, defaultBackchannel, version, bodyLimit, sseClients,
  } = sb;

  async function authenticate(req) {
    const header = req.headers.authorization;
    if (!header) {
      throw new HttpError(401, 'invalid_token', 'missing Authorization: Bearer access token', {
        'www-authenticate': `Bearer realm="${REALM}", scope="${ADMIN_SCOPE}"`,
      });
    }
    const m = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
    const token = m ? await provider.ClientCredentials.find(m[1]) : undefined;
    if (!token || token.clientId !== ADMIN_CLIENT_ID || token.isExpired) {
      throw new HttpError(401, 'invalid_token', 'the access token is malformed, unknown, expired or not issued to signoff-admin', {
        'www-authenticate': `Bearer realm="${REALM}", error="invalid_token", error_description="the access token is invalid"`,
      });
    }
    if (!String(token.scope ?? '').split(' ').includes(ADMIN_SCOPE)) {
      throw new HttpError(403, 'insufficient_scope', `the access token lacks scope "${ADMIN_SCOPE}"`, {
        'www-authenticate': `Bearer realm="${REALM}", error="insufficient_scope", scope="${ADMIN_SCOPE}"`,
      });
    }
  }

  function sessionView(s) {
    const p = s.payload;
    const user = users.get(p.accountId);
    const activity = store.sessionActivity(p.uid);
    return {
      uid: p.uid,
      id: p.jti ?? s.jti,
      accountId: p.accountId,
      sub: p.accountId,
      user_name: user?.name ?? null,
      loginTs: p.loginTs ?? null,
      iat: p.iat ?? null,
      exp: p.exp ?? null,
      amr: p.amr ?? null,
      acr: p.acr ?? null,
      ip: activity?.ip ?? null,
      last_access: activity?.lastAccess ?? null,
      clients: Object.entries(p.authorizations ?? {}).map(([clientId, a]) => ({
        client_id: clientId,
        sid: a.sid ?? null,
        grant_id: a.grantId ?? null,
        persists_logout: !!a.persistsLogout,
      })),
      cursor: String(s.seq),
    };
  }

  function listSessions(q, filters) {
    const page = pagingParams(q);
    const total = store.countSessions(filters);
    const { items, hasMore } = page.mode === 'offset'
      ? store.listSessions(filters, { offset: page.first, limit: page.limit })
      : store.listSessions(filters, { afterSeq: page.cursor, limit: page.limit });
    const views = items.map(sessionView);
    const last = views.length ? views[views.length - 1].cursor : null;
    return {
      total,
      ...(page.mode === 'offset' ? { first: page.first, max: page.limit } : { cursor: page.cursor ? String(page.cursor) : null, limit: page.limit }),
      next_cursor: hasMore ? last : null,
      items: views,
    };
  }

  async function clientView(clientId) {
    const client = await provider.Client.find(clientId);
    if (!client) return undefined;
    const m = client.metadata();
    const b = behaviours.get(clientId);
    const d = defaultBackchannel.get(clientId);
    return {
      client_id: m.client_id,
      client_name: m.client_name ?? null,
      backchannel_logout_uri: m.backchannel_logout_uri ?? null,
      backchannel_logout_session_required: !!m.backchannel_logout_session_required,
      default_backchannel_logout_uri: d?.uri ?? null,
      default_backchannel_logout_session_required: !!d?.sessionRequired,
      frontchannel_logout_uri: m.frontchannel_logout_uri ?? null,
      redirect_uris: m.redirect_uris ?? [],
      post_logout_redirect_uris: m.post_logout_redirect_uris ?? [],
      grant_types: m.grant_types ?? [],
      id_token_signed_response_alg: m.id_token_signed_response_alg ?? 'RS256',
      token_endpoint_auth_method: m.token_endpoint_auth_method ?? null,
      demo: !!b?.demo,
      behaviour: b?.note ?? null,
      sessions: store.sessionCountForClient(clientId),
    };
  }

  function userView(u) {
    return { ...Users.view(u), sessions: store.sessionCountForAccount(u.sub) };
  }

  function listUsers(q) {
    const page = pagingParams(q);
    const search = q.get('search')?.toLowerCase();
    let subs = users.order;
    if (search) subs = subs.filter((s) => s.toLowerCase().includes(search) || users.get(s).name.toLowerCase().includes(search));
    const total = subs.length;
    // Users are never deleted, so their position in `order` is a stable cursor.
    const start = page.mode === 'offset' ? page.first : page.cursor;
    const slice = subs.slice(start, start + page.limit);
    const end = start + slice.length;
    return {
      total,
      ...(page.mode === 'offset' ? { first: page.first, max: page.limit } : { cursor: page.cursor ? String(page.cursor) : null, limit: page.limit }),
      next_cursor: end < total ? String(end) : null,
      items: slice.map((s) => userView(users.get(s))),
    };
  }

  async function logout(req, res) {
    const body = await readJson(req, bodyLimit);
    checkKeys(body, ['session', 'user', 'client_id', 'sessions', 'concurrency', 'include_expected']);
    const targets = ['session', 'user', 'client_id', 'sessions'].filter((k) => body[k] !== undefined);
    if (targets.length !== 1) {
      throw new HttpError(400, 'invalid_request', 'give exactly one of "session", "user", "client_id" or "sessions"');
    }
    if (body.concurrency !== undefined && (!Number.isInteger(body.concurrency) || body.concurrency < 1 || body.concurrency > 256)) {
      throw new HttpError(400, 'invalid_request', 'concurrency must be an integer 1..256');
    }
    if (body.include_expected !== undefined && typeof body.include_expected !== 'boolean') {
      throw new HttpError(400, 'invalid_request', 'include_expected must be a boolean');
    }
    const target = {};
    if (body.session !== undefined) {
      target.session = idString(body.session, 'session');
      if (!store.sessionByUid(target.session)) throw new HttpError(404, 'not_found', `no session with uid ${target.session}`);
    } else if (body.user !== undefined) {
      target.user = idString(body.user, 'user');
      if (!users.get(target.user) && store.sessionCountForAccount(target.user) === 0) {
        throw new HttpError(404, 'not_found', `no user ${target.user}`);
      }
    } else if (body.client_id !== undefined) {
      target.client_id = idString(body.client_id, 'client_id');
      if (!clientIds.includes(target.client_id) && store.sessionCountForClient(target.client_id) === 0) {
        throw new HttpError(404, 'not_found', `no client ${target.client_id}`);
      }
    } else {
      if (!Array.isArray(body.sessions) || body.sessions.length === 0 || body.sessions.length > 1_000_000) {
        throw new HttpError(400, 'invalid_request', 'sessions must be a non-empty array of session uids');
      }
      target.sessions = body.sessions.map((s, i) => idString(s, `sessions[${i}]`));
    }
    const { uids, scope } = runs.select(target);
    const request = { ...target };
    if (request.sessions) request.sessions = request.sessions.length;
    const result = await runs.start({
      uids, scope, request, concurrency: body.concurrency, includeExpected: body.include_expected !== false,
    });
    sendJson(res, 202, result, { headers: { location: `/admin/runs/${result.run_id}` } });
  }

  async function resend(req, res) {
    const body = await readJson(req, bodyLimit);
    const cache = new Map();
    const { items, concurrency } = await parseResendRequest(body, (id) => runs.clientInfo(cache, id));
    const result = await runs.startResend({ items, concurrency });
    sendJson(res, 202, result, { headers: { location: `/admin/runs/${result.run_id}` } });
  }

  async function patchClient(req, res, url, [id]) {
    const body = await readJson(req, 64 * 1024);
    // The admin client is not an RP; it is not listed and cannot be changed.
    const client = clientIds.includes(id) ? await provider.Client.find(id) : undefined;
    if (!client) throw new HttpError(404, 'not_found', `no client ${id}`);
    const patch = parseClientPatch(body);
    const before = client.backchannelLogoutUri ?? null;
    applyClientPatch(client, patch);
    sb.log(`client ${id}: backchannel_logout_uri ${before} -> ${client.backchannelLogoutUri ?? null}, session_required ${!!client.backchannelLogoutSessionRequired}`);
    sendJson(res, 200, await clientView(id));
  }

  async function seed(req, res) {
    const body = await readJson(req, 64 * 1024);
    checkKeys(body, ['users', 'sessions', 'clients', 'clients_per_session']);
    const nUsers = body.users ?? 0;
    const nSessions = body.sessions ?? 0;
    for (const [k, v, max] of [['users', nUsers, 1_000_000], ['sessions', nSessions, 1_000_000]]) {
      if (!Number.isInteger(v) || v < 0 || v > max) throw new HttpError(400, 'invalid_request', `${k} must be an integer 0..${max}`);
    }
    let { clients } = body;
    if (clients !== undefined) {
      if (!Array.isArray(clients) || clients.length === 0 || clients.some((c) => typeof c !== 'string')) {
        throw new HttpError(400, 'invalid_request', 'clients must be a non-empty array of client ids');
      }
      const unknown = clients.filter((c) => !clientIds.includes(c));
      if (unknown.length) throw new HttpError(400, 'invalid_request', `unknown or non-RP clients: ${unknown.join(', ')}`);
      clients = [...new Set(clients)];
    }
    let cps = body.clients_per_session;
    if (cps !== undefined) {
      if (Number.isInteger(cps)) cps = [cps, cps];
      if (!Array.isArray(cps) || cps.length !== 2 || !cps.every(Number.isInteger) || cps[0] < 1 || cps[1] < cps[0]) {
        throw new HttpError(400, 'invalid_request', 'clients_per_session must be an integer >= 1 or [min, max]');
      }
    }
    const result = await sb.seed({
      users: nUsers, sessions: nSessions, clients, clientsPerSession: cps,
    });
    sendJson(res, 201, result);
  }

  const routes = [
    ['GET', /^\/admin\/health$/, async (req, res) => sendJson(res, sb.starting ? 503 : 200, {
      status: sb.starting ? 'starting' : 'ok',
      issuer: provider.issuer,
      version,
      sessions: store.sessionCount(),
      users: users.size,
      events_cursor: events.latest,
      uptime_s: Math.round(process.uptime()),
    }), { public: true }],
    ['GET', /^\/admin\/clients$/, async (req, res) => {
      const items = [];
      for (const id of clientIds) items.push(await clientView(id));
      sendJson(res, 200, { total: items.length, items });
    }],
    ['GET', /^\/admin\/clients\/([^/]+)$/, async (req, res, url, [id]) => {
      const view = clientIds.includes(id) ? await clientView(id) : undefined;
      if (!view) throw new HttpError(404, 'not_found', `no client ${id}`);
      sendJson(res, 200, view);
    }],
    ['PATCH', /^\/admin\/clients\/([^/]+)$/, patchClient],
    ['GET', /^\/admin\/sessions$/, async (req, res, url) => {
      const q = url.searchParams;
      const filters = {};
      if (q.has('client_id')) filters.clientId = idString(q.get('client_id'), 'client_id');
      if (q.has('user')) filters.accountId = idString(q.get('user'), 'user');
      sendJson(res, 200, listSessions(q, filters));
    }],
    ['GET', /^\/admin\/sessions\/([^/]+)$/, async (req, res, url, [uid]) => {
      const s = store.sessionByUid(uid);
      if (!s || s.payload.accountId === undefined) throw new HttpError(404, 'not_found', `no session with uid ${uid}`);
      sendJson(res, 200, sessionView(s));
    }],
    ['GET', /^\/admin\/users$/, async (req, res, url) => sendJson(res, 200, listUsers(url.searchParams))],
    ['GET', /^\/admin\/users\/([^/]+)$/, async (req, res, url, [sub]) => {
      const u = users.get(sub);
      if (!u) throw new HttpError(404, 'not_found', `no user ${sub}`);
      sendJson(res, 200, userView(u));
    }],
    ['GET', /^\/admin\/users\/([^/]+)\/sessions$/, async (req, res, url, [sub]) => {
      if (!users.get(sub) && store.sessionCountForAccount(sub) === 0) throw new HttpError(404, 'not_found', `no user ${sub}`);
      sendJson(res, 200, listSessions(url.searchParams, { accountId: sub }));
    }],
    ['POST', /^\/admin\/logout$/, logout],
    ['POST', /^\/admin\/resend$/, resend],
    ['GET', /^\/admin\/runs$/, async (req, res) => {
      const items = [...runs.runs.values()].reverse().map((r) => runs.view(r));
      sendJson(res, 200, { total: items.length, items });
    }],
    ['GET', /^\/admin\/runs\/([^/]+)$/, async (req, res, url, [id]) => {
      const run = runs.runs.get(id);
      if (!run) throw new HttpError(404, 'not_found', `no run ${id}`);
      const d = url.searchParams.get('deliveries');
      sendJson(res, 200, runs.view(run, { deliveries: d === 'true' || d === '1' }));
    }],
    ['POST', /^\/admin\/seed$/, seed],
    ['GET', /^\/admin\/events$/, async (req, res, url) => {
      handleEvents(events, req, res, url, { sendJson, sendError, tracked: sseClients });
    }],
  ];

  return async function handle(req, res, url) {
    try {
      let path = url.pathname;
      if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
      const matching = routes.filter(([, re]) => re.test(path));
      if (matching.length === 0) {
        // Unknown paths still need a token, so the API's shape is not probeable anonymously.
        await authenticate(req);
        throw new HttpError(404, 'not_found', `no admin resource ${url.pathname}`);
      }
      const route = matching.find(([method]) => method === req.method || (method === 'GET' && req.method === 'HEAD'));
      if (!route) {
        throw new HttpError(405, 'invalid_request', `method ${req.method} not allowed`, { allow: [...new Set(matching.map(([m]) => m))].join(', ') });
      }
      const [, re, fn, opts] = route;
      if (!opts?.public) await authenticate(req);
      const params = re.exec(path).slice(1).map((p) => {
        try {
          return decodeURIComponent(p);
        } catch {
          throw new HttpError(400, 'invalid_request', 'malformed percent-encoding in path');
        }
      });
      await fn(req, res, url, params);
    } catch (err) {
      if (err instanceof HttpError) {
        sendError(res, err.status, err.error, err.message, err.headers);
      } else {
        sb.log(`admin ${req.method} ${url.pathname}: ${err.stack ?? err}`);
        sendError(res, 500, 'server_error', 'internal error (see the sandbox log)');
      }
    }
  };
}
