import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSandbox } from '../test-support/harness.js';

describe('admin API: auth, errors, listing and paging', () => {
  let sb;
  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb?.stop();
  });

  test('401 without a token, with WWW-Authenticate', async () => {
    for (const p of ['/admin/clients', '/admin/sessions', '/admin/nope']) {
      const r = await sb.api('GET', p, undefined, { auth: false });
      assert.equal(r.status, 401, p);
      assert.equal(r.body.error, 'invalid_token');
      assert.match(r.headers.get('www-authenticate'), /^Bearer realm="signoff-sandbox"/);
    }
    const post = await sb.api('POST', '/admin/logout', { user: 'alice' }, { auth: false });
    assert.equal(post.status, 401);
  });

  test('401 with a wrong, malformed or foreign token', async () => {
    for (const h of ['Bearer not-a-real-token', 'Bearer ', 'Basic YWxpY2U6YWxpY2U=', 'Bearer a b']) {
      const r = await sb.api('GET', '/admin/clients', undefined, { auth: false, headers: { authorization: h } });
      assert.equal(r.status, 401, h);
      assert.equal(r.body.error, 'invalid_token');
      assert.match(r.headers.get('www-authenticate'), /^Bearer /);
    }
  });

  test('403 insufficient_scope for a signoff-admin token without scope admin', async () => {
    const tok = await sb.token({ scope: '' });
    const r = await sb.api('GET', '/admin/clients', undefined, { auth: false, headers: { authorization: `Bearer ${tok}` } });
    assert.equal(r.status, 403);
    assert.equal(r.body.error, 'insufficient_scope');
    assert.match(r.headers.get('www-authenticate'), /error="insufficient_scope"/);
  });

  test('the admin client cannot get a token with a wrong secret', async () => {
    await assert.rejects(sb.token({ secret: 'wrong' }), /401/);
  });

  test('GET /admin/clients lists RPs with back-channel settings and behaviours', async () => {
    const r = await sb.api('GET', '/admin/clients');
    assert.equal(r.status, 200);
    const byId = Object.fromEntries(r.body.items.map((c) => [c.client_id, c]));
    for (const id of ['demo-healthy', 'demo-slow', 'demo-failing', 'demo-hanging', 'demo-no-bcl', 'demo-sid-required', 'demo-sid-optional', 'signoff-mock-rp']) {
      assert.ok(byId[id], id);
      assert.ok(byId[id].behaviour, id);
      assert.ok(Array.isArray(byId[id].redirect_uris));
      assert.ok('frontchannel_logout_uri' in byId[id]);
    }
    assert.equal(byId['signoff-admin'], undefined);
    assert.equal(byId['demo-no-bcl'].backchannel_logout_uri, null);
    assert.equal(byId['demo-healthy'].backchannel_logout_uri, `${sb.url}/demo-rp/demo-healthy/backchannel-logout`);
    assert.equal(byId['signoff-mock-rp'].backchannel_logout_uri, 'http://127.0.0.1:9401/backchannel-logout');
    assert.equal(byId['demo-sid-required'].backchannel_logout_session_required, true);
    assert.equal(byId['demo-sid-optional'].backchannel_logout_session_required, false);
    const one = await sb.api('GET', '/admin/clients/demo-slow');
    assert.equal(one.status, 200);
    assert.equal(one.body.client_id, 'demo-slow');
  });

  test('400 for malformed requests (JSON, types, unknown members, paging params)', async () => {
    const cases = [
      ['POST', '/admin/logout', '{not json'],
      ['POST', '/admin/logout', '[]'],
      ['POST', '/admin/logout', 'null'],
      ['POST', '/admin/logout', '""'],
      ['POST', '/admin/logout', {}],
      ['POST', '/admin/logout', { session: 42 }],
      ['POST', '/admin/logout', { session: '' }],
      ['POST', '/admin/logout', { user: ['alice'] }],
      ['POST', '/admin/logout', { user: 'alice', session: 'x' }],
      ['POST', '/admin/logout', { sessions: [] }],
      ['POST', '/admin/logout', { sessions: 'abc' }],
      ['POST', '/admin/logout', { sessions: ['a', 7] }],
      ['POST', '/admin/logout', { user: 'alice', concurrency: 0 }],
      ['POST', '/admin/logout', { user: 'alice', concurrency: '4' }],
      ['POST', '/admin/logout', { user: 'alice', usr: 'typo' }],
      ['POST', '/admin/seed', { users: -1 }],
      ['POST', '/admin/seed', { sessions: 1.5 }],
      ['POST', '/admin/seed', { sessions: '10' }],
      ['POST', '/admin/seed', { sessions: 1, clients: ['no-such-client'] }],
      ['POST', '/admin/seed', { sessions: 1, clients: ['signoff-admin'] }],
      ['POST', '/admin/seed', { sessions: 1, clients_per_session: 0 }],
      ['GET', '/admin/sessions?limit=0'],
      ['GET', '/admin/sessions?limit=abc'],
      ['GET', '/admin/sessions?limit=100000'],
      ['GET', '/admin/sessions?cursor=-1'],
      ['GET', '/admin/sessions?cursor=1&first=2'],
      ['GET', '/admin/users?max=x'],
      ['GET', '/admin/events?format=json&cursor=abc'],
      ['GET', '/admin/events?format=json&wait=-5'],
    ];
    for (const [method, p, body] of cases) {
      const r = await sb.api(method, p, body);
      assert.equal(r.status, 400, `${method} ${p} ${JSON.stringify(body)} -> ${r.status} ${r.text}`);
      assert.equal(r.body.error, 'invalid_request');
      assert.equal(typeof r.body.error_description, 'string');
    }
    // Wrong content type
    const ct = await sb.api('POST', '/admin/logout', 'user=alice', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(ct.status, 400);
  });

  test('huge bodies are refused (413) and the server stays up', async () => {
    const big = JSON.stringify({ sessions: Array.from({ length: 300_000 }, (_, i) => `uid-${i}-xxxxxxxx`) });
    assert.ok(big.length > 4 * 1024 * 1024);
    const r = await sb.api('POST', '/admin/logout', big);
    assert.equal(r.status, 413);
    assert.equal(r.body.error, 'invalid_request');
    const h = await sb.api('GET', '/admin/health', undefined, { auth: false });
    assert.equal(h.status, 200);
  });

  test('404 for unknown ids and paths, 405 for wrong methods', async () => {
    for (const p of ['/admin/sessions/nope', '/admin/users/nobody', '/admin/users/nobody/sessions', '/admin/runs/run_nope', '/admin/clients/nope', '/admin/nothing-here']) {
      const r = await sb.api('GET', p);
      assert.equal(r.status, 404, p);
      assert.equal(r.body.error, 'not_found');
    }
    for (const body of [{ session: 'no-such-uid' }, { user: 'nobody' }, { client_id: 'no-such-client' }]) {
      const r = await sb.api('POST', '/admin/logout', body);
      assert.equal(r.status, 404, JSON.stringify(body));
      assert.equal(r.body.error, 'not_found');
    }
    const m = await sb.api('DELETE', '/admin/sessions');
    assert.equal(m.status, 405);
    assert.match(m.headers.get('allow'), /GET/);
  });

  test('seeding and paging: cursor and offset, filters, no duplicates, no gaps', async () => {
    const seeded = await sb.api('POST', '/admin/seed', { users: 25, sessions: 1000 });
    assert.equal(seeded.status, 201);
    assert.equal(seeded.body.sessions_created, 1000);
    assert.equal(seeded.body.sessions_total, 1000);
    assert.ok(seeded.body.grants_created >= 1000);

    // cursor paging
    const seen = [];
    let cursor = null;
    let pages = 0;
    do {
      const r = await sb.api('GET', `/admin/sessions?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.total, 1000);
      seen.push(...r.body.items);
      cursor = r.body.next_cursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, Math.ceil(1000 / 37));
    assert.equal(seen.length, 1000);
    assert.equal(new Set(seen.map((s) => s.uid)).size, 1000);
    const s0 = seen[0];
    for (const k of ['uid', 'id', 'accountId', 'loginTs', 'exp', 'iat', 'clients']) assert.ok(k in s0, k);
    assert.ok(s0.clients.length >= 1 && s0.clients.every((c) => c.client_id && c.sid));
    // cursors ascend
    for (let i = 1; i < seen.length; i += 1) assert.ok(Number(seen[i].cursor) > Number(seen[i - 1].cursor));

    // offset paging gives the same order
    const off = [];
    for (let first = 0; first < 1000; first += 100) {
      const r = await sb.api('GET', `/admin/sessions?first=${first}&max=100`);
      off.push(...r.body.items.map((s) => s.uid));
    }
    assert.deepEqual(off, seen.map((s) => s.uid));

    // paging stays consistent while sessions are added and removed between pages
    const half = await sb.api('GET', '/admin/sessions?limit=500');
    const removed = half.body.items[10].uid;
    const lo = await sb.api('POST', '/admin/logout', { session: removed });
    assert.equal(lo.status, 202);
    await sb.api('POST', '/admin/seed', { sessions: 5 });
    const rest = await sb.api('GET', `/admin/sessions?limit=5000&cursor=${half.body.next_cursor}`);
    const all = [...half.body.items, ...rest.body.items].map((s) => s.uid);
    assert.equal(new Set(all).size, all.length, 'no duplicates');
    assert.equal(all.length, 1005, 'the 5 new sessions appear at the end, nothing skipped');

    // filters
    const byClient = await sb.api('GET', '/admin/sessions?client_id=demo-healthy&limit=5000');
    assert.ok(byClient.body.total > 0);
    assert.equal(byClient.body.items.length, byClient.body.total);
    assert.ok(byClient.body.items.every((s) => s.clients.some((c) => c.client_id === 'demo-healthy')));
    const user = seen[0].accountId;
    const byUser = await sb.api('GET', `/admin/sessions?user=${user}&limit=5000`);
    assert.ok(byUser.body.items.every((s) => s.accountId === user));
    const both = await sb.api('GET', `/admin/sessions?user=${user}&client_id=demo-healthy&limit=5000`);
    assert.equal(both.body.total, byUser.body.items.filter((s) => s.clients.some((c) => c.client_id === 'demo-healthy')).length);
    const userSessions = await sb.api('GET', `/admin/users/${user}/sessions?limit=5000`);
    assert.deepEqual(userSessions.body.items.map((s) => s.uid), byUser.body.items.map((s) => s.uid));
    const unknownClient = await sb.api('GET', '/admin/sessions?client_id=none');
    assert.equal(unknownClient.body.total, 0);

    const one = await sb.api('GET', `/admin/sessions/${seen[0].uid}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.uid, seen[0].uid);
    assert.equal(one.body.ip, seen[0].ip);
    assert.equal(one.body.last_access, seen[0].last_access);
  });

  test('seeded sessions have a plausible client IP and a last use between login and now', async () => {
    const r = await sb.api('GET', '/admin/sessions?limit=5000');
    assert.ok(r.body.items.length >= 1000);
    const now = Math.floor(Date.now() / 1000);
    const plausible = /^(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|192\.0\.2\.\d+|198\.51\.100\.\d+|203\.0\.113\.\d+|2001:db8:[0-9a-f:]+)$/;
    const ranges = new Set();
    for (const s of r.body.items) {
      assert.match(s.ip, plausible, s.uid);
      ranges.add(s.ip.startsWith('2001:') ? 'v6' : s.ip.split('.').slice(0, 2).join('.'));
      assert.equal(typeof s.last_access, 'number');
      assert.ok(Number.isInteger(s.last_access));
      assert.ok(s.last_access >= s.loginTs, `${s.uid}: last_access ${s.last_access} before loginTs ${s.loginTs}`);
      assert.ok(s.last_access <= now, `${s.uid}: last_access in the future`);
      assert.ok(s.loginTs >= now - 86_400 - 60);
    }
    assert.ok(new Set(r.body.items.map((s) => s.ip)).size > 100, 'a spread of addresses, not one');
    assert.ok(ranges.has('v6') && ranges.has('192.0') && [...ranges].some((x) => x.startsWith('10.')), [...ranges].join(' '));
    assert.ok(r.body.items.some((s) => s.last_access > s.loginTs), 'some sessions were used after login');
  });

  test('users are listed (paged) with session counts', async () => {
    const r = await sb.api('GET', '/admin/users?limit=10');
    assert.equal(r.status, 200);
    assert.equal(r.body.total, 29); // 4 demo users + 25 seeded
    assert.equal(r.body.items.length, 10);
    assert.deepEqual(r.body.items.slice(0, 4).map((u) => u.sub), ['alice', 'bob', 'carol', 'dave']);
    assert.equal(r.body.items[0].password, undefined);
    const subs = [...r.body.items.map((u) => u.sub)];
    let cursor = r.body.next_cursor;
    while (cursor) {
      const p = await sb.api('GET', `/admin/users?limit=10&cursor=${cursor}`);
      subs.push(...p.body.items.map((u) => u.sub));
      cursor = p.body.next_cursor;
    }
    assert.equal(new Set(subs).size, 29);
    const u = await sb.api('GET', '/admin/users/user-000001');
    assert.equal(u.status, 200);
    assert.equal(typeof u.body.sessions, 'number');
    const s = await sb.api('GET', '/admin/users?search=alice');
    assert.deepEqual(s.body.items.map((x) => x.sub), ['alice']);
  });
});
