// createSandbox(): the whole sandbox IdP in one object. server.js is the CLI around it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Provider from 'oidc-provider';

import { createAdapterClass, Store } from './adapter.js';
import { createAdmin } from './admin.js';
import {
  ADMIN_CLIENT_ID, ADMIN_SCOPE, DEMO_CLIENT_IDS, buildClients,
} from './clients.js';
import { DemoRps } from './demo-rps.js';
import { EventLog } from './events.js';
import {
  closeLoopbackDispatcher, classifyDelivery, createProviderFetch, takeUntracked,
} from './fetch.js';
import { escapeHtml, sendError, sendHtml } from './http-util.js';
import { createInteractions } from './interactions.js';
import {
  defaultDataDir, ensureDataDir, loadOrCreateAdminSecret, loadOrCreateCookieKeys, loadOrCreateJwks,
} from './keys.js';
import { LogoutRuns } from './logout.js';
import { runInRequest } from './request-context.js';
import { mulberry32, seededAddress } from './seed-values.js';
import { DEMO_USERS, Users } from './users.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(fs.readFileSync(path.join(here, '..', 'package.json'), 'utf8'));
const providerPkg = JSON.parse(fs.readFileSync(path.join(here, '..', 'node_modules', 'oidc-provider', 'package.json'), 'utf8'));

export const VERSION = `${pkg.version} (oidc-provider ${providerPkg.version})`;
export const DEFAULT_PORT = 9400;
export const DEFAULT_MOCK_RP_URL = 'http://127.0.0.1:9401/backchannel-logout';
export const HOST = '127.0.0.1';

const SESSION_TTL = 14 * 24 * 60 * 60;

export { defaultDataDir };

// Random 128-bit sids from a pooled buffer (one randomBytes call per 256 sids: the
// per-call cost of randomBytes dominated seeding time otherwise).
let sidPool = Buffer.alloc(0);
let sidOffset = 0;
function sidValue() {
  if (sidOffset + 16 > sidPool.length) {
    sidPool = randomBytes(4096);
    sidOffset = 0;
  }
  const sid = sidPool.toString('base64url', sidOffset, sidOffset + 16);
  sidOffset += 16;
  return sid;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host, exclusive: true });
  });
}

export async function createSandbox(options = {}) {
  const {
    port = DEFAULT_PORT,
    dataDir = defaultDataDir(),
    mockRpUrl = DEFAULT_MOCK_RP_URL,
    adminSecret: adminSecretOverride,
    concurrency = 32,
    eventBuffer = 1_000_000,
    bodyLimit = 4 * 1024 * 1024,
    log = (msg) => process.stderr.write(`[sandbox ${new Date().toISOString()}] ${msg}\n`),
  } = options;

  try {
    const u = new URL(mockRpUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
  } catch {
    throw new Error(`--mock-rp-url must be an http(s) URL, got ${JSON.stringify(mockRpUrl)}`);
  }

  ensureDataDir(dataDir);

  // Listen first: the issuer carries the real port (port 0 picks a free one).
  let handler = (req, res) => sendError(res, 503, 'temporarily_unavailable', 'starting');
  const server = http.createServer((req, res) => handler(req, res));
  server.keepAliveTimeout = 5_000;
  let actualPort;
  try {
    actualPort = await listen(server, port, HOST);
  } catch (err) {
    if (err.code === 'EADDRINUSE') {
      const e = new Error(`port ${port} on ${HOST} is already in use (another sandbox running? try --port)`);
      e.code = 'EADDRINUSE';
      throw e;
    }
    throw err;
  }
  const issuer = `http://${HOST}:${actualPort}`;

  let jwks;
  let cookieKeys;
  let adminSecret;
  let adminSecretSource;
  try {
    jwks = await loadOrCreateJwks(dataDir, log);
    cookieKeys = loadOrCreateCookieKeys(dataDir);
    ({ secret: adminSecret, source: adminSecretSource } = loadOrCreateAdminSecret(dataDir, adminSecretOverride));
  } catch (err) {
    server.close();
    throw err;
  }

  const store = new Store();
  const users = new Users();
  const events = new EventLog({ capacity: eventBuffer });
  const { clients, behaviours } = buildClients({ issuer, mockRpUrl, adminSecret });
  const clientIds = clients.map((c) => c.client_id).filter((id) => id !== ADMIN_CLIENT_ID);
  // What each RP started with, so a client pointed elsewhere (PATCH) can be pointed back.
  const defaultBackchannel = new Map(clients.map((c) => [c.client_id, {
    uri: c.backchannel_logout_uri ?? null, sessionRequired: !!c.backchannel_logout_session_required,
  }]));
  const publicJwks = {
    keys: jwks.keys.map(({
      kty, crv, x, y, n, e, kid, alg, use,
    }) => Object.fromEntries(Object.entries({
      kty, crv, x, y, n, e, kid, alg, use,
    }).filter(([, v]) => v !== undefined))),
  };

  const provider = new Provider(issuer, {
    adapter: createAdapterClass(store),
    clients,
    jwks,
    cookies: { keys: cookieKeys },
    findAccount: async (ctx, sub) => (users.get(sub)
      ? { accountId: sub, claims: async () => users.claims(sub) }
      : undefined),
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', ADMIN_SCOPE],
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>Sign out</title></head>
<body style="font-family:sans-serif;max-width:28em;margin:3em auto"><h1>Sign out of the Signoff sandbox?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button></body></html>`;
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = '<!doctype html><html><head><meta charset="utf-8"><title>Signed out</title></head><body style="font-family:sans-serif;max-width:28em;margin:3em auto"><h1>Signed out</h1></body></html>';
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 3600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      PreAuthorizedCode: 600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: SESSION_TTL,
      Session: SESSION_TTL,
      Grant: SESSION_TTL,
    },
    clientBasedCORS: () => false,
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>Error</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>${escapeHtml(out.error)}</h1><p>${escapeHtml(out.error_description ?? '')}</p></body></html>`;
    },
    fetch: createProviderFetch(),
  });

  provider.on('server_error', (ctx, err) => log(`provider server_error on ${ctx?.path}: ${err?.stack ?? err}`));

  // Deliveries the provider makes on its own (RP-initiated logout at /session/end)
  // show up on the same stream, with run_id null and source "end_session".
  const recordProviderDelivery = (ctx, client, accountId, sid, err) => {
    const rec = takeUntracked(new URL(client.backchannelLogoutUri).href, client.clientId, sid);
    const outcome = classifyDelivery(err, rec);
    events.append('delivery', {
      run_id: null,
      session: ctx?.oidc?.session?.uid ?? null,
      sub: accountId,
      client_id: client.clientId,
      sid: sid ?? null,
      ...outcome,
      token_jti: null,
      source: 'end_session',
      time: new Date().toISOString(),
    });
  };
  provider.on('backchannel.success', (ctx, client, accountId, sid) => recordProviderDelivery(ctx, client, accountId, sid));
  provider.on('backchannel.error', (ctx, err, client, accountId, sid) => recordProviderDelivery(ctx, client, accountId, sid, err));

  const runs = new LogoutRuns({
    provider, store, events, log, concurrency,
  });
  const demo = new DemoRps({ issuer, publicJwks, log });
  const interactions = createInteractions({ provider, users, log });
  const sseClients = new Set();

  const sb = {
    provider,
    store,
    users,
    events,
    runs,
    demo,
    issuer,
    url: issuer,
    port: actualPort,
    dataDir,
    adminSecret,
    adminSecretSource,
    clientIds,
    behaviours,
    defaultBackchannel,
    version: VERSION,
    bodyLimit,
    sseClients,
    log,
    server,
    starting: false, // server.js: seeding before READY
  };

  sb.seed = async ({
    users: nUsers = 0, sessions: nSessions = 0, clients: pool = DEMO_CLIENT_IDS, clientsPerSession,
  } = {}) => {
    const t0 = performance.now();
    const usersCreated = users.ensureSeeded(nUsers);
    let subs = users.seededSubs();
    if (subs.length === 0) subs = DEMO_USERS.map((u) => u.sub);
    const [minC, maxC] = clientsPerSession ?? [1, Math.min(3, pool.length)];
    const rand = mulberry32(store.seq + 1);
    const now = Math.floor(Date.now() / 1000);
    let grants = 0;
    for (let i = 0; i < nSessions; i += 1) {
      const sub = subs[Math.floor(rand() * subs.length)];
      const k = Math.min(pool.length, minC + Math.floor(rand() * (maxC - minC + 1)));
      const offset = Math.floor(rand() * pool.length);
      const authorizations = {};
      for (let j = 0; j < k; j += 1) {
        const clientId = pool[(offset + j) % pool.length];
        const grant = new provider.Grant({ accountId: sub, clientId });
        grant.addOIDCScope('openid profile email');
        const grantId = await grant.save(SESSION_TTL);
        grants += 1;
        authorizations[clientId] = { sid: sidValue(), grantId };
      }
      const loginTs = now - Math.floor(rand() * 86_400);
      const session = new provider.Session({
        accountId: sub,
        loginTs,
        amr: ['pwd'],
        authorizations,
      });
      await session.save(SESSION_TTL);
      store.setSessionActivity(session.uid, {
        loginTs,
        ip: seededAddress(rand),
        lastAccess: loginTs + Math.floor(rand() * (now - loginTs + 1)),
      });
      // Let other requests in now and then.
      if (i % 2000 === 1999) await new Promise((r) => { setImmediate(r); });
    }
    const ms = Math.round(performance.now() - t0);
    const result = {
      users_created: usersCreated,
      users_total: users.size,
      sessions_created: nSessions,
      grants_created: grants,
      sessions_total: store.sessionCount(),
      duration_ms: ms,
    };
    if (nSessions || usersCreated) log(`seeded ${usersCreated} user(s) and ${nSessions} session(s) in ${ms} ms`);
    return result;
  };

  const admin = createAdmin(sb);

  const landing = () => `<!doctype html><html><head><meta charset="utf-8"><title>Signoff sandbox</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:2em auto"><h1>Signoff sandbox IdP</h1>
<p>Issuer <code>${escapeHtml(issuer)}</code> — ${escapeHtml(VERSION)}</p>
<ul><li><a href="/.well-known/openid-configuration">Discovery</a></li><li><a href="/jwks">JWKS</a></li>
<li><a href="/demo-rp/">Demo RPs</a> (sign in as alice/alice, bob/bob, carol/carol or dave/dave)</li>
<li><a href="/admin/health">Admin API health</a></li></ul></body></html>`;

  const providerCallback = provider.callback();
  handler = (req, res) => {
    let url;
    try {
      url = new URL(req.url, issuer);
    } catch {
      sendError(res, 400, 'invalid_request', 'malformed request target');
      return;
    }
    const p = url.pathname;
    const done = (promise) => promise.catch((err) => {
      log(`${req.method} ${p}: ${err.stack ?? err}`);
      sendError(res, 500, 'server_error', 'internal error');
    });
    if (p === '/admin' || p.startsWith('/admin/')) done(admin(req, res, url));
    else if (p === '/demo-rp' || p.startsWith('/demo-rp/')) done(demo.handle(req, res, url));
    else if (p.startsWith('/interaction/')) done(runInRequest(req, () => interactions(req, res, url)));
    else if (p === '/' && (req.method === 'GET' || req.method === 'HEAD')) sendHtml(res, 200, landing());
    else runInRequest(req, () => providerCallback(req, res));
  };

  let closed = false;
  sb.close = async () => {
    if (closed) return;
    closed = true;
    server.close();
    for (const res of sseClients) res.end();
    demo.close();
    server.closeAllConnections();
    store.close();
    await closeLoopbackDispatcher();
  };

  return sb;
}
