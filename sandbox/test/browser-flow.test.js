// One full browser-style flow with fetch and a cookie jar: authorization request, sign-in
// page, consent page, code exchange, then an admin logout that delivers a real logout
// token to a local RP (a plain HTTP server standing in for Signoff's mock RP), verified
// with jose against the sandbox's JWKS.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

import {
  collectEvents, CookieJar, dispatcherFrom, openSse, startSandbox, waitFor,
} from '../test-support/harness.js';

let rp;
let rpUrl;
const receivedByRp = [];
let sb;

before(async () => {
  rp = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      receivedByRp.push({
        method: req.method, url: req.url, type: req.headers['content-type'], body,
      });
      res.writeHead(200, { 'cache-control': 'no-store' });
      res.end();
    });
  });
  await new Promise((r) => { rp.listen(0, '127.0.0.1', r); });
  rpUrl = `http://127.0.0.1:${rp.address().port}/backchannel-logout`;
  sb = await startSandbox({ args: ['--mock-rp-url', rpUrl] });
});

after(async () => {
  await sb?.stop();
  rp?.close();
});

function location(res) {
  assert.ok([302, 303].includes(res.status), `expected a redirect, got ${res.status}`);
  return res.headers.get('location');
}

test('sign in with a browser flow, then an admin logout sends a valid logout token to the RP', async () => {
  // The browser connects from 127.0.0.2 and claims other addresses in headers that a
  // proxy would set: the session must record the socket's peer, never the headers.
  const spoofed = { 'x-forwarded-for': '203.0.113.66', forwarded: 'for=203.0.113.67', 'x-real-ip': '203.0.113.68' };
  const jar = new CookieJar({ headers: spoofed, dispatcher: dispatcherFrom('127.0.0.2') });
  const clientId = 'signoff-mock-rp';
  const redirectUri = `${new URL(rpUrl).origin}/callback`;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const nonce = randomBytes(8).toString('hex');
  const auth = new URL(`${sb.url}/auth`);
  auth.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: redirectUri,
    state,
    nonce,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  // 1. authorization request -> login interaction
  let res = await jar.fetch(auth.href);
  let loc = new URL(location(res), sb.url);
  assert.match(loc.pathname, /^\/interaction\/[\w-]+$/);
  const loginUrl = loc.href;

  // 2. the sign-in page
  res = await jar.fetch(loginUrl);
  assert.equal(res.status, 200);
  const loginHtml = await res.text();
  assert.match(loginHtml, /name="password"/);

  // 3. a wrong password is refused, the right one accepted
  const form = (o) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(o) });
  res = await jar.fetch(loginUrl, form({ prompt: 'login', login: 'alice', password: 'wrong' }));
  assert.equal(res.status, 401);
  await res.text();
  res = await jar.fetch(loginUrl, form({ prompt: 'login', login: 'alice', password: 'alice' }));
  loc = new URL(location(res), sb.url);
  assert.match(loc.pathname, /^\/auth\//);

  // 4. resume -> consent interaction
  res = await jar.fetch(loc.href);
  loc = new URL(location(res), sb.url);
  assert.match(loc.pathname, /^\/interaction\//);
  const consentUrl = loc.href;
  res = await jar.fetch(consentUrl);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /name="prompt" value="consent"/);
  res = await jar.fetch(consentUrl, form({ prompt: 'consent' }));
  loc = new URL(location(res), sb.url);

  // 5. resume -> redirect to the RP with a code
  res = await jar.fetch(loc.href);
  const cb = new URL(location(res));
  assert.equal(cb.origin + cb.pathname, redirectUri);
  assert.equal(cb.searchParams.get('state'), state);
  assert.equal(cb.searchParams.get('iss'), sb.url);
  const code = cb.searchParams.get('code');
  assert.ok(code);

  // 6. code exchange at the token endpoint
  res = await fetch(`${sb.url}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientId}-secret`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier,
    }),
  });
  const tokens = await res.json();
  assert.equal(res.status, 200, JSON.stringify(tokens));
  const idClaims = decodeJwt(tokens.id_token);
  assert.equal(idClaims.sub, 'alice');
  assert.equal(idClaims.nonce, nonce);
  assert.ok(idClaims.sid, 'ID token carries sid (back-channel logout with session)');
  let ui = await fetch(`${sb.url}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  assert.equal(ui.status, 200);
  assert.equal((await ui.json()).sub, 'alice');

  // 7. the admin API sees the session, with the per-client sid of the ID token
  const list = await sb.api('GET', '/admin/users/alice/sessions');
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 1);
  const session = list.body.items[0];
  assert.deepEqual(session.clients.map((c) => c.client_id), [clientId]);
  assert.equal(session.clients[0].sid, idClaims.sid);
  assert.deepEqual(session.amr, ['pwd']);
  assert.equal(session.ip, '127.0.0.2', 'the login\'s peer address, not X-Forwarded-For & co.');
  assert.ok(Number.isInteger(session.last_access));
  assert.ok(session.last_access >= session.loginTs);
  assert.ok(session.last_access <= Math.floor(Date.now() / 1000));

  // 7b. using the session again (an authorization request carrying its cookie, now from
  // 127.0.0.3) moves its last use on and keeps the login's address. last_access has whole
  // seconds, so ask again until a later second shows up.
  jar.dispatcher = dispatcherFrom('127.0.0.3');
  const again = new URL(auth.href);
  again.searchParams.set('prompt', 'none');
  let used = session;
  const useDeadline = Date.now() + 20_000;
  while (used.last_access <= session.last_access && Date.now() < useDeadline) {
    await new Promise((r) => { setTimeout(r, 200); });
    res = await jar.fetch(again.href);
    assert.equal(new URL(location(res)).searchParams.get('error'), null, 'prompt=none succeeds with the session');
    used = (await sb.api('GET', `/admin/sessions/${session.uid}`)).body;
  }
  assert.ok(used.last_access > session.last_access, `last_access stayed ${used.last_access}`);
  assert.ok(used.last_access <= Math.floor(Date.now() / 1000));
  assert.equal(used.ip, '127.0.0.2');

  // 8. admin logout, watched on the stream
  const token = await sb.token();
  const cursor = (await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor;
  const streamed = [];
  const sse = openSse(`${sb.url}/admin/events?cursor=${cursor}`, { token, onEvent: (e) => streamed.push(e) });
  const loggedOutFrom = Math.floor(Date.now() / 1000);
  const lo = await sb.api('POST', '/admin/logout', { session: session.uid });
  assert.equal(lo.status, 202);
  assert.deepEqual(lo.body.expected.map((e) => [e.client_id, e.action, e.sid]), [[clientId, 'deliver', idClaims.sid]]);
  await waitFor(() => streamed.some((e) => e.event === 'run.finished'), 'run.finished on the stream');
  await sse.close();
  const loggedOutBy = Math.ceil(Date.now() / 1000);
  const delivery = streamed.find((e) => e.event === 'delivery').json;
  assert.equal(delivery.state, 'delivered');
  assert.equal(delivery.http_status, 200);
  assert.equal(delivery.client_id, clientId);
  assert.equal(delivery.sid, idClaims.sid);
  assert.equal(delivery.sub, 'alice');
  assert.equal(delivery.session, session.uid);

  // 9. the RP received a form POST with a logout token that verifies against the JWKS
  assert.equal(receivedByRp.length, 1);
  const got = receivedByRp[0];
  assert.equal(got.method, 'POST');
  assert.equal(got.url, '/backchannel-logout');
  assert.match(got.type, /^application\/x-www-form-urlencoded/);
  const logoutToken = new URLSearchParams(got.body).get('logout_token');
  const discovery = await (await fetch(`${sb.url}/.well-known/openid-configuration`)).json();
  const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri));
  const { payload, protectedHeader } = await jwtVerify(logoutToken, jwks, {
    issuer: sb.url,
    audience: clientId,
    algorithms: ['RS256'],
    typ: 'logout+jwt',
  });
  assert.equal(protectedHeader.alg, 'RS256');
  assert.ok(protectedHeader.kid);
  assert.equal(payload.iss, sb.url);
  assert.equal(payload.aud, clientId);
  assert.equal(payload.sub, 'alice');
  assert.equal(payload.sid, idClaims.sid);
  assert.deepEqual(payload.events, { 'http://schemas.openid.net/event/backchannel-logout': {} });
  assert.equal(typeof payload.jti, 'string');
  assert.equal(payload.jti, delivery.token_jti);
  // Issued during this logout (the sandbox shares this machine's clock).
  assert.ok(payload.iat >= loggedOutFrom && payload.iat <= loggedOutBy, `iat ${payload.iat} not in [${loggedOutFrom}, ${loggedOutBy}]`);
  assert.ok(payload.exp > payload.iat && payload.exp - payload.iat <= 300);
  assert.equal(payload.nonce, undefined);

  // 10. the session is gone and its grant revoked: the access token no longer works
  assert.equal((await sb.api('GET', `/admin/sessions/${session.uid}`)).status, 404);
  ui = await fetch(`${sb.url}/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  assert.equal(ui.status, 401);
  await ui.text();
});

const form = (o) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(o) });

// Signs `user` in through a demo RP's own pages (it does the code exchange itself); returns
// its RP-initiated logout link.
async function signInAtDemoRp(jar, clientId, user) {
  let res = await jar.fetch(`${sb.url}/demo-rp/${clientId}/login`);
  let loc = location(res);
  res = await jar.fetch(loc);
  const loginUrl = new URL(location(res), sb.url).href;
  res = await jar.fetch(loginUrl, form({ prompt: 'login', login: user, password: user }));
  res = await jar.fetch(new URL(location(res), sb.url).href);
  const consentUrl = new URL(location(res), sb.url).href;
  res = await jar.fetch(consentUrl, form({ prompt: 'consent' }));
  res = await jar.fetch(new URL(location(res), sb.url).href);
  loc = location(res);
  res = await jar.fetch(loc);
  assert.equal(res.status, 200);
  const page = await res.text();
  assert.match(page, new RegExp(`Signed in as <b>${user}</b>`));
  return /href="([^"]*session\/end[^"]*)"/.exec(page)[1].replaceAll('&amp;', '&');
}

// The logout confirmation page, then its form POST.
async function endSession(jar, endUrl) {
  let res = await jar.fetch(endUrl);
  const html = await res.text();
  const action = /action="([^"]+)"/.exec(html)[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)[1];
  res = await jar.fetch(action, form({ xsrf, logout: 'yes' }));
  assert.ok([302, 303].includes(res.status));
}

test('RP-initiated logout at /session/end is reported on the stream too', async () => {
  const jar = new CookieJar();
  const clientId = 'demo-healthy';
  const endUrl = await signInAtDemoRp(jar, clientId, 'bob');
  const cursor = (await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor;
  await endSession(jar, endUrl);

  const events = await collectEvents(sb, cursor, (evs) => evs.some((e) => e.type === 'delivery'), 'the end_session delivery on the stream');
  const d = events.find((e) => e.type === 'delivery');
  assert.equal(d.source, 'end_session');
  assert.equal(d.run_id, null);
  assert.equal(typeof d.session, 'string');
  assert.equal(d.client_id, clientId);
  assert.equal(d.sub, 'bob');
  assert.equal(d.state, 'delivered');
  assert.equal(d.http_status, 200);
  assert.equal((await sb.api('GET', '/admin/users/bob/sessions')).body.total, 0);
});

test('RP-initiated logout follows a back-channel URI changed with PATCH', async () => {
  const clientId = 'demo-sid-required';
  const patchedUrl = `${new URL(rpUrl).origin}/patched-bcl`;
  const jar = new CookieJar();
  const endUrl = await signInAtDemoRp(jar, clientId, 'carol');
  const [session] = (await sb.api('GET', '/admin/users/carol/sessions')).body.items;
  const patched = await sb.api('PATCH', `/admin/clients/${clientId}`, { backchannel_logout_uri: patchedUrl });
  assert.equal(patched.status, 200, patched.text);
  const cursor = (await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor;
  await endSession(jar, endUrl);

  const events = await collectEvents(sb, cursor, (evs) => evs.some((e) => e.type === 'delivery'), 'the end_session delivery on the stream');
  const d = events.find((e) => e.type === 'delivery');
  assert.equal(d.source, 'end_session');
  assert.equal(d.client_id, clientId);
  assert.equal(d.state, 'delivered');
  assert.equal(d.http_status, 200);
  const got = receivedByRp.filter((r) => r.url === '/patched-bcl');
  assert.equal(got.length, 1);
  const claims = decodeJwt(new URLSearchParams(got[0].body).get('logout_token'));
  assert.equal(claims.aud, clientId);
  assert.equal(claims.sub, 'carol');
  assert.equal(claims.sid, session.clients[0].sid);
  await sb.api('PATCH', `/admin/clients/${clientId}`, { backchannel_logout_uri: patched.body.default_backchannel_logout_uri });
});
