// Unit tests of the parts that need no server: the loopback fetch override, the
// adapter's store and indexes, and the event ring.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { OrderedIndex, Store, createAdapterClass } from '../lib/adapter.js';
import { EventLog } from '../lib/events.js';
import {
  classifyDelivery, createProviderFetch, deliveryContext, isLoopbackAddress, isLoopbackUrl,
} from '../lib/fetch.js';
import { clientAddress } from '../lib/request-context.js';
import { mulberry32, seededAddress } from '../lib/seed-values.js';

describe('loopback fetch override', () => {
  test('recognises loopback hosts only', () => {
    for (const u of ['http://127.0.0.1:9401/x', 'http://127.1.2.3/', 'http://localhost:8080/', 'http://LOCALHOST/', 'http://[::1]:9/', 'http://[0:0:0:0:0:0:0:1]/', 'http://[::ffff:127.0.0.1]/']) {
      assert.equal(isLoopbackUrl(u), true, u);
    }
    for (const u of ['http://10.0.0.1/', 'http://192.168.1.1/', 'http://169.254.169.254/latest', 'http://[fe80::1]/', 'http://[::]/', 'http://0.0.0.0/', 'https://example.com/', 'http://localhost.example.com/', 'http://127.0.0.1.nip.io/', 'not a url']) {
      assert.equal(isLoopbackUrl(u), false, u);
    }
    assert.equal(isLoopbackAddress('::ffff:127.0.0.9'), true);
    assert.equal(isLoopbackAddress('::2'), false);
  });

  test('swaps the library\'s SSRF dispatcher only for loopback targets', async () => {
    const calls = [];
    const f = createProviderFetch({ baseFetch: async (url, opts) => { calls.push([url, opts]); return new Response('', { status: 200 }); } });
    const libraryDispatcher = { name: 'ssrf-protected' };
    await f('https://rp.example.com/bcl', { dispatcher: libraryDispatcher, signal: AbortSignal.timeout(2500) });
    await f('http://10.1.2.3/bcl', { dispatcher: libraryDispatcher });
    await f('http://127.0.0.1:9401/bcl', { dispatcher: libraryDispatcher });
    await f('http://localhost:9401/bcl', { dispatcher: libraryDispatcher });
    assert.equal(calls[0][1].dispatcher, libraryDispatcher, 'public host keeps the guard');
    assert.ok(calls[0][1].signal, 'timeout signal kept');
    assert.equal(calls[1][1].dispatcher, libraryDispatcher, 'private host keeps the guard');
    assert.notEqual(calls[2][1].dispatcher, libraryDispatcher, 'loopback gets the loopback dispatcher');
    assert.notEqual(calls[3][1].dispatcher, libraryDispatcher);
  });

  test('records status, latency and the logout token of a delivery', async () => {
    const f = createProviderFetch({ baseFetch: async () => new Response('nope', { status: 503 }) });
    const rec = {};
    await deliveryContext.run(rec, () => f('http://127.0.0.1:1/x', { body: new URLSearchParams({ logout_token: 'a.b.c' }) }));
    assert.equal(rec.status, 503);
    assert.equal(rec.logoutToken, 'a.b.c');
    assert.ok(rec.latencyMs >= 0);
  });

  test('classifies outcomes the way the library reports them', () => {
    const ok = classifyDelivery(undefined, { status: 204, latencyMs: 3.14159 });
    assert.deepEqual(ok, {
      state: 'delivered', http_status: 204, latency_ms: 3.1, error: null,
    });
    const http = Object.assign(new Error('expected 200 OK from x, got: 500 Internal Server Error'), { response: { status: 500 } });
    assert.equal(classifyDelivery(http, { status: 500, latencyMs: 1 }).state, 'failed');
    assert.equal(classifyDelivery(http, { status: 500, latencyMs: 1 }).http_status, 500);
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    assert.equal(classifyDelivery(timeout, { latencyMs: 2500, fetchError: timeout }).state, 'timed_out');
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9401'), { code: 'ECONNREFUSED' }) });
    const r = classifyDelivery(refused, { latencyMs: 1, fetchError: refused });
    assert.equal(r.state, 'failed');
    assert.match(r.error, /ECONNREFUSED/);
  });
});

describe('adapter store', () => {
  test('OrderedIndex pages in order with lazy deletion and out-of-order inserts', () => {
    const idx = new OrderedIndex();
    for (let i = 1; i <= 2000; i += 1) idx.add(i * 2);
    idx.add(5);
    for (let i = 1; i <= 1500; i += 1) idx.delete(i * 2);
    assert.equal(idx.size, 501);
    const all = [...idx.after(0)];
    assert.equal(all.length, 501);
    assert.equal(all[0], 5);
    assert.deepEqual([...idx.after(3000)].slice(0, 2), [3002, 3004]);
    assert.deepEqual([...idx.fromOffset(1)].slice(0, 1), [3002]);
  });

  test('sessions are indexed by uid, account and client, keep their place across jti rotation, and expire', async () => {
    const store = new Store({ sweepIntervalMs: 60_000 });
    const Adapter = createAdapterClass(store);
    const sessions = new Adapter('Session');
    const now = Math.floor(Date.now() / 1000);
    await sessions.upsert('j1', {
      uid: 'u1', jti: 'j1', accountId: 'alice', authorizations: { a: { sid: 's1' } }, exp: now + 100,
    }, 100);
    await sessions.upsert('j2', {
      uid: 'u2', jti: 'j2', accountId: 'bob', authorizations: { a: { sid: 's2' }, b: { sid: 's3' } },
    }, 100);
    await sessions.upsert('j3', { uid: 'u3', jti: 'j3' }, 100); // not logged in: not listed
    assert.equal(store.sessionCount(), 2);
    assert.equal(store.countSessions({ clientId: 'b' }), 1);
    assert.equal(store.countSessions({ accountId: 'alice', clientId: 'b' }), 0);
    assert.equal((await sessions.findByUid('u2')).jti, 'j2');

    // Like Session.save() after resetIdentifier(): destroy the old jti, write a new one.
    await sessions.destroy('j1');
    await sessions.upsert('j1b', {
      uid: 'u1', jti: 'j1b', accountId: 'alice', authorizations: { a: { sid: 's1' }, b: { sid: 's4' } },
    }, 100);
    assert.deepEqual(store.sessionUids({}), ['u1', 'u2'], 'u1 keeps its position');
    assert.deepEqual(store.sessionUids({ clientId: 'b' }), ['u1', 'u2']);
    assert.equal((await sessions.findByUid('u1')).jti, 'j1b');
    assert.equal(await sessions.find('j1'), undefined);

    // Stored payloads are copies.
    const found = await sessions.find('j2');
    found.authorizations.a.sid = 'changed';
    assert.equal((await sessions.find('j2')).authorizations.a.sid, 's2');

    // Expiry
    await sessions.upsert('j4', { uid: 'u4', jti: 'j4', accountId: 'carol' }, -1);
    assert.equal(await sessions.find('j4'), undefined);
    store.sweep();
    assert.equal(store.countSessions({ accountId: 'carol' }), 0);
    store.close();
  });

  test('a session keeps the address of its login and the time of its last use', async () => {
    let nowMs = 1_800_000_000_000;
    let request; // what the request context says: undefined outside provider requests
    const store = new Store({ sweepIntervalMs: 60_000, clock: () => nowMs });
    const Adapter = createAdapterClass(store, { requestInfo: () => request });
    const sessions = new Adapter('Session');
    const activity = () => store.sessionActivity('u1');

    // An anonymous session (the authorization request before sign-in), then the login.
    request = { ip: '192.0.2.7' };
    await sessions.upsert('j1', { uid: 'u1', jti: 'j1' }, 100);
    nowMs += 5_000;
    request = { ip: '198.51.100.8' };
    await sessions.destroy('j1'); // the provider rotates the jti at login
    await sessions.upsert('j2', {
      uid: 'u1', jti: 'j2', accountId: 'alice', loginTs: 1_800_000_005, authorizations: { a: { sid: 's1' } },
    }, 100);
    assert.deepEqual(activity(), { ip: '198.51.100.8', lastAccess: 1_800_000_005 });

    // Later use from elsewhere moves the time, not the address; a load counts as use.
    nowMs += 60_000;
    request = { ip: '203.0.113.9' };
    await sessions.find('j2');
    assert.deepEqual(activity(), { ip: '198.51.100.8', lastAccess: 1_800_000_065 });
    nowMs += 60_000;
    await sessions.findByUid('u1');
    assert.equal(activity().lastAccess, 1_800_000_125);

    // The admin API, seeding and logout runs are no use by the user.
    request = undefined;
    nowMs += 60_000;
    await sessions.find('j2');
    await sessions.upsert('j2', {
      uid: 'u1', jti: 'j2', accountId: 'alice', loginTs: 1_800_000_005, authorizations: { a: { sid: 's1' } },
    }, 100);
    assert.deepEqual(activity(), { ip: '198.51.100.8', lastAccess: 1_800_000_125 });

    // Another jti rotation keeps both; a new login takes the new address.
    request = { ip: '10.1.2.3' };
    await sessions.destroy('j2');
    await sessions.upsert('j3', {
      uid: 'u1', jti: 'j3', accountId: 'alice', loginTs: 1_800_000_005, authorizations: { a: { sid: 's1' } },
    }, 100);
    assert.deepEqual(activity(), { ip: '198.51.100.8', lastAccess: 1_800_000_185 });
    nowMs += 1_000;
    await sessions.upsert('j3', {
      uid: 'u1', jti: 'j3', accountId: 'alice', loginTs: 1_800_000_186, authorizations: { a: { sid: 's1' } },
    }, 100);
    assert.deepEqual(activity(), { ip: '10.1.2.3', lastAccess: 1_800_000_186 });

    // Gone with the session.
    await sessions.destroy('j3');
    assert.equal(activity(), undefined);
    store.close();
  });

  test('clientAddress shows IPv4-mapped peers as IPv4', () => {
    assert.equal(clientAddress('::ffff:10.0.0.1'), '10.0.0.1');
    assert.equal(clientAddress('127.0.0.2'), '127.0.0.2');
    assert.equal(clientAddress('2001:DB8::1'), '2001:db8::1');
    assert.equal(clientAddress(undefined), null);
  });

  test('seeded addresses are private or documentation addresses, spread, and shared strings', () => {
    const rand = mulberry32(7);
    const seen = new Set();
    for (let i = 0; i < 20_000; i += 1) seen.add(seededAddress(rand));
    assert.ok(seen.size > 1000, `only ${seen.size} distinct addresses`);
    for (const ip of seen) {
      assert.match(ip, /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)/, ip);
    }
    assert.ok(seen.size <= 4096, 'drawn from a bounded pool (memory per session stays a reference)');
  });

  test('revokeByGrantId removes the tokens of that grant only', async () => {
    const store = new Store();
    const Adapter = createAdapterClass(store);
    const at = new Adapter('AccessToken');
    const grant = new Adapter('Grant');
    await grant.upsert('g1', { jti: 'g1' }, 100);
    await at.upsert('t1', { jti: 't1', grantId: 'g1' }, 100);
    await at.upsert('t2', { jti: 't2', grantId: 'g2' }, 100);
    await at.revokeByGrantId('g1');
    assert.equal(await at.find('t1'), undefined);
    assert.ok(await at.find('t2'));
    await grant.destroy('g1');
    assert.equal(await grant.find('g1'), undefined);
    store.close();
  });
});

describe('event ring', () => {
  test('cursors increase by one; a reader behind the ring is told what it missed', () => {
    const log = new EventLog({ capacity: 1000 });
    for (let i = 0; i < 2500; i += 1) log.append('delivery', { i });
    assert.equal(log.latest, 2500);
    assert.equal(log.oldest, 1501);
    const r = log.read(100, 10);
    assert.deepEqual(r.missed, { from: 101, to: 1500 });
    assert.equal(r.events[0].cursor, 1501);
    assert.equal(JSON.parse(r.events[0].json).i, 1500);
    const fresh = log.read(2490, 100);
    assert.equal(fresh.missed, undefined);
    assert.deepEqual(fresh.events.map((e) => e.cursor), [2491, 2492, 2493, 2494, 2495, 2496, 2497, 2498, 2499, 2500]);
  });
});
