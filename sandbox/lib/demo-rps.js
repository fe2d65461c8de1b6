// The demo relying parties, served by the sandbox itself on its own port:
//   POST   /demo-rp/<client_id>/backchannel-logout   the back-channel endpoint (behaviour per RP)
//   GET    /demo-rp/<client_id>/received             what it received (JSON), ?since=N&limit=M
//   DELETE /demo-rp/<client_id>/received             forget it
//   GET    /demo-rp/<client_id>/                     a tiny web app: sign in through the sandbox
//   GET    /demo-rp/<client_id>/login, /callback     its authorization-code (+PKCE) flow
//   GET    /demo-rp/                                 the list (JSON with Accept: application/json)
import { createHash, randomBytes } from 'node:crypto';

import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';

import { DEMO_RPS, MOCK_RP_CLIENT_ID, demoSecret } from './clients.js';
import {
  escapeHtml, readBody, sendError, sendHtml, sendJson,
} from './http-util.js';

const KEEP_RECEIVED = 10_000;
const BCL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export class DemoRps {
  constructor({ issuer, publicJwks, log }) {
    this.issuer = issuer;
    this.log = log;
    this.jwks = createLocalJWKSet(publicJwks);
    this.rps = new Map();
    for (const d of DEMO_RPS) {
      this.rps.set(d.client_id, {
        def: d,
        count: 0,
        statuses: {},
        items: [],
      });
    }
    this.hanging = new Set();
    this.pendingLogins = new Map(); // state -> {clientId, verifier, nonce}
  }

  close() {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  summary() {
    return [...this.rps.values()].map((r) => ({
      client_id: r.def.client_id,
      behaviour: r.def.behaviour.note,
      backchannel_logout_uri: r.def.noBackchannel ? null : `${this.issuer}/demo-rp/${r.def.client_id}/backchannel-logout`,
      received: r.count,
      answered: r.statuses,
    }));
  }

  // Returns true when the request was handled.
  async handle(req, res, url) {
    const parts = url.pathname.split('/').filter(Boolean); // ['demo-rp', name, action]
    if (parts.length === 1) {
      if (/application\/json/.test(req.headers.accept ?? '')) {
        sendJson(res, 200, { rps: this.summary() });
      } else {
        const rows = this.summary().map((r) => `<li><a href="/demo-rp/${r.client_id}/">${r.client_id}</a> — ${escapeHtml(r.behaviour)} (received ${r.received})</li>`).join('');
        sendHtml(res, 200, page('Demo RPs', `<ul>${rows}</ul>`));
      }
      return;
    }
    const name = decodeURIComponent(parts[1]);
    const action = parts[2] ?? '';
    if (parts.length > 3) {
      sendError(res, 404, 'not_found', 'no such demo RP path');
      return;
    }
    const rp = this.rps.get(name);
    const isMockRp = name === MOCK_RP_CLIENT_ID && (action === 'login' || action === 'callback' || action === '');
    if (!rp && !isMockRp) {
      sendError(res, 404, 'not_found', `no demo RP named ${name}`);
      return;
    }
    switch (action) {
      case 'backchannel-logout':
        if (req.method !== 'POST') {
          sendError(res, 405, 'invalid_request', 'POST only', { allow: 'POST' });
          return;
        }
        await this.backchannel(rp, req, res);
        return;
      case 'received':
        if (req.method === 'GET') {
          const since = Number(url.searchParams.get('since') ?? 0);
          const limit = Math.min(Number(url.searchParams.get('limit') ?? 1000), KEEP_RECEIVED);
          if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 1) {
            sendError(res, 400, 'invalid_request', 'since and limit must be non-negative integers');
            return;
          }
          sendJson(res, 200, {
            client_id: name,
            behaviour: rp.def.behaviour.note,
            count: rp.count,
            answered: rp.statuses,
            items: rp.items.filter((i) => i.n > since).slice(0, limit),
          });
        } else if (req.method === 'DELETE') {
          rp.count = 0;
          rp.statuses = {};
          rp.items = [];
          res.writeHead(204, { 'cache-control': 'no-store' });
          res.end();
        } else {
          sendError(res, 405, 'invalid_request', 'GET or DELETE', { allow: 'GET, DELETE' });
        }
        return;
      case '':
        sendHtml(res, 200, page(name, `<p>${escapeHtml(rp?.def.behaviour.note ?? 'Signoff mock RP client')}</p>
<p><a href="/demo-rp/${escapeHtml(name)}/login">Sign in with the sandbox</a></p>`));
        return;
      case 'login':
        this.login(name, res);
        return;
      case 'callback':
        await this.callback(name, url, res);
        return;
      default:
        sendError(res, 404, 'not_found', 'no such demo RP path');
    }
  }

  async backchannel(rp, req, res) {
    const { behaviour } = rp.def;
    let body;
    try {
      body = await readBody(req, 64 * 1024);
    } catch {
      sendError(res, 400, 'invalid_request', 'body too large');
      return;
    }
    const form = new URLSearchParams(body.toString('utf8'));
    const tokens = form.getAll('logout_token');
    const token = tokens.length === 1 ? tokens[0] : undefined;
    const item = {
      n: 0,
      received_at: new Date().toISOString(),
      content_type: req.headers['content-type'] ?? null,
      logout_token: token ?? null,
      header: null,
      claims: null,
      verified: false,
      verify_error: null,
      answered_status: null,
    };
    if (token) {
      try {
        item.header = decodeProtectedHeader(token);
        item.claims = decodeJwt(token);
      } catch { /* reported by the verification below */ }
    }
    item.verify_error = tokens.length === 1 ? await this.verify(rp.def, token) : 'logout_token missing or repeated';
    item.verified = item.verify_error === null;

    rp.count += 1;
    item.n = rp.count;
    rp.items.push(item);
    if (rp.items.length > KEEP_RECEIVED) rp.items.splice(0, rp.items.length - KEEP_RECEIVED);

    const answer = (status, payload) => {
      item.answered_status = status;
      rp.statuses[status] = (rp.statuses[status] ?? 0) + 1;
      if (payload) sendJson(res, status, payload);
      else {
        res.writeHead(status, { 'cache-control': 'no-store', 'content-length': 0 });
        res.end();
      }
    };

    switch (behaviour.kind) {
      case 'hang':
        // Never answer; the sender's timeout closes the connection.
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      case 'status':
        answer(behaviour.status, { error: 'server_error', error_description: 'demo-failing always fails' });
        return;
      case 'slow':
        await new Promise((r) => { setTimeout(r, behaviour.delayMs).unref(); });
        if (res.destroyed) return;
        answer(200);
        return;
      default:
        if (item.verified) answer(200);
        else answer(400, { error: 'invalid_request', error_description: item.verify_error });
    }
  }

  // Back-Channel Logout 1.0 §2.6 checks; returns null when valid, else the first problem.
  async verify(def, token) {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, this.jwks, {
        issuer: this.issuer,
        audience: def.client_id,
        algorithms: ['RS256'],
        requiredClaims: ['iat', 'exp', 'jti', 'events'],
        clockTolerance: 60,
      });
      if (protectedHeader.typ !== undefined && !['logout+jwt', 'JWT'].includes(protectedHeader.typ)) return `unexpected typ ${protectedHeader.typ}`;
      const ev = payload.events;
      if (!ev || typeof ev !== 'object' || Array.isArray(ev) || typeof ev[BCL_EVENT] !== 'object' || ev[BCL_EVENT] === null || Array.isArray(ev[BCL_EVENT])) {
        return 'events claim lacks the back-channel logout event object';
      }
      if (payload.sub === undefined && payload.sid === undefined) return 'neither sub nor sid present';
      if (def.session_required && typeof payload.sid !== 'string') return 'sid required but missing';
      if ('nonce' in payload) return 'nonce must not be present';
      return null;
    } catch (err) {
      return `${err.code ?? err.name}: ${err.message}`;
    }
  }

  login(clientId, res) {
    const state = randomBytes(16).toString('base64url');
    const verifier = randomBytes(32).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    this.pendingLogins.set(state, { clientId, verifier, nonce });
    if (this.pendingLogins.size > 1000) this.pendingLogins.delete(this.pendingLogins.keys().next().value);
    const auth = new URL(`${this.issuer}/auth`);
    auth.search = new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      scope: 'openid profile email',
      redirect_uri: `${this.issuer}/demo-rp/${clientId}/callback`,
      state,
      nonce,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    res.writeHead(303, { location: auth.href, 'cache-control': 'no-store' });
    res.end();
  }

  async callback(clientId, url, res) {
    const q = url.searchParams;
    const pending = this.pendingLogins.get(q.get('state') ?? '');
    if (q.get('error')) {
      sendHtml(res, 400, page(clientId, `<p>Sign-in failed: ${escapeHtml(q.get('error'))} ${escapeHtml(q.get('error_description') ?? '')}</p>`));
      return;
    }
    if (!pending || pending.clientId !== clientId || !q.get('code')) {
      sendHtml(res, 400, page(clientId, '<p>Unknown or expired state. <a href="login">Try again</a>.</p>'));
      return;
    }
    this.pendingLogins.delete(q.get('state'));
    const tokenRes = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${demoSecret(clientId)}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: q.get('code'),
        redirect_uri: `${this.issuer}/demo-rp/${clientId}/callback`,
        code_verifier: pending.verifier,
      }),
    });
    const tokens = await tokenRes.json();
    if (!tokenRes.ok || !tokens.id_token) {
      sendHtml(res, 502, page(clientId, `<p>Token exchange failed: <pre>${escapeHtml(JSON.stringify(tokens, null, 2))}</pre></p>`));
      return;
    }
    const claims = decodeJwt(tokens.id_token);
    const logout = new URL(`${this.issuer}/session/end`);
    logout.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: `${this.issuer}/demo-rp/${clientId}/`,
    }).toString();
    sendHtml(res, 200, page(clientId, `<p>Signed in as <b>${escapeHtml(claims.sub)}</b> (sid <code>${escapeHtml(claims.sid ?? '-')}</code>).</p>
<pre>${escapeHtml(JSON.stringify(claims, null, 2))}</pre>
<p><a href="${escapeHtml(logout.href)}">Sign out at the sandbox (RP-initiated logout, notifies every RP of the session)</a></p>`));
  }
}

function page(title, body) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head>
<body><h1>${escapeHtml(title)}</h1>${body}<p><a href="/demo-rp/">All demo RPs</a></p></body></html>`;
}
