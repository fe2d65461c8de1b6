import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { collectEvents, startSandbox, waitRun } from '../test-support/harness.js';

async function received(sb, clientId, since = 0) {
  return (await fetch(`${sb.url}/demo-rp/${clientId}/received?since=${since}`)).json();
}

async function seedOne(sb, clients) {
  const before1 = new Set((await sb.api('GET', '/admin/sessions?limit=5000')).body.items.map((s) => s.uid));
  const seeded = await sb.api('POST', '/admin/seed', { users: 3, sessions: 1, clients, clients_per_session: clients.length });
  assert.equal(seeded.status, 201);
  return (await sb.api('GET', '/admin/sessions?limit=5000')).body.items.find((s) => !before1.has(s.uid));
}

function itemsOf(session) {
  return session.clients.map((c) => ({
    client_id: c.client_id, sub: session.accountId, sid: c.sid, session: session.uid,
  }));
}

describe('POST /admin/resend: logout tokens again, recorded like a run', () => {
  let sb;
  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb?.stop();
  });

  test('after the session is gone: delivered, failed, skipped, on the stream and in /admin/runs', async () => {
    const clients = ['demo-healthy', 'demo-failing', 'demo-no-bcl', 'demo-sid-optional'];
    const session = await seedOne(sb, clients);
    const sidOf = Object.fromEntries(session.clients.map((c) => [c.client_id, c.sid]));
    const out = await sb.api('POST', '/admin/logout', { session: session.uid });
    await waitRun(sb, out.body.run_id);
    assert.equal((await sb.api('GET', `/admin/sessions/${session.uid}`)).status, 404);
    const healthyBefore = (await received(sb, 'demo-healthy')).count;
    const firstJti = (await received(sb, 'demo-healthy')).items.at(-1).claims.jti;

    const deliveries = [
      ...itemsOf(session).filter((d) => d.client_id !== 'demo-sid-optional'),
      { client_id: 'demo-sid-optional', sub: session.accountId }, // sid optional for this RP, no session echoed
      { client_id: 'gone-client', sub: session.accountId, sid: 'abc', session: session.uid },
    ];
    const r = await sb.api('POST', '/admin/resend', { deliveries, concurrency: 2 });
    assert.equal(r.status, 202, r.text);
    assert.equal(r.headers.get('location'), `/admin/runs/${r.body.run_id}`);
    assert.match(r.body.run_id, /^run_/);
    assert.equal(r.body.status, 'running');
    assert.equal(r.body.scope, 'resend');
    assert.equal(r.body.expected_count, deliveries.length);
    assert.ok(Number.isInteger(r.body.events_cursor));
    assert.deepEqual(r.body.expected.map((e) => e.client_id), deliveries.map((d) => d.client_id));
    const exp = Object.fromEntries(r.body.expected.map((e) => [e.client_id, e]));
    assert.deepEqual(exp['demo-healthy'], {
      session: session.uid,
      sub: session.accountId,
      client_id: 'demo-healthy',
      sid: sidOf['demo-healthy'],
      backchannel_logout_uri: `${sb.url}/demo-rp/demo-healthy/backchannel-logout`,
      action: 'deliver',
      reason: null,
    });
    assert.equal(exp['demo-sid-optional'].session, null);
    assert.equal(exp['demo-sid-optional'].sid, null);
    assert.equal(exp['demo-no-bcl'].action, 'skip');
    assert.equal(exp['demo-no-bcl'].reason, 'no backchannel_logout_uri');
    assert.equal(exp['gone-client'].action, 'skip');
    assert.equal(exp['gone-client'].reason, 'client is not registered (any more)');

    const events = await collectEvents(
      sb,
      r.body.events_cursor,
      (evs) => evs.some((e) => e.type === 'run.finished' && e.run_id === r.body.run_id),
      'run.finished of the resend',
    );
    const mine = events.filter((e) => e.run_id === r.body.run_id);
    assert.equal(mine[0].type, 'run.started');
    assert.equal(mine[0].scope, 'resend');
    assert.equal(mine.at(-1).type, 'run.finished');
    assert.ok(!mine.some((e) => e.type === 'session.ended'));
    const d = Object.fromEntries(mine.filter((e) => e.type === 'delivery').map((e) => [e.client_id, e]));
    assert.equal(Object.keys(d).length, deliveries.length);
    assert.equal(d['demo-healthy'].state, 'delivered');
    assert.equal(d['demo-healthy'].http_status, 200);
    assert.equal(d['demo-healthy'].session, session.uid);
    assert.equal(d['demo-healthy'].sid, sidOf['demo-healthy']);
    assert.equal(d['demo-healthy'].sub, session.accountId);
    assert.equal(d['demo-failing'].state, 'failed');
    assert.equal(d['demo-failing'].http_status, 500);
    assert.equal(d['demo-no-bcl'].state, 'skipped');
    assert.equal(d['demo-no-bcl'].error, 'no backchannel_logout_uri');
    assert.equal(d['gone-client'].state, 'skipped');
    assert.equal(d['gone-client'].error, 'client is not registered (any more)');
    assert.equal(d['demo-sid-optional'].state, 'delivered');
    assert.equal(d['demo-sid-optional'].session, null);

    // A fresh, valid token for the same sub and sid reached the RP.
    const got = await received(sb, 'demo-healthy', healthyBefore);
    assert.equal(got.items.length, 1);
    assert.equal(got.items[0].verified, true, got.items[0].verify_error);
    assert.equal(got.items[0].claims.sid, sidOf['demo-healthy']);
    assert.equal(got.items[0].claims.sub, session.accountId);
    assert.equal(got.items[0].claims.jti, d['demo-healthy'].token_jti);
    assert.notEqual(got.items[0].claims.jti, firstJti);
    const opt = (await received(sb, 'demo-sid-optional')).items.at(-1);
    assert.equal(opt.verified, true, opt.verify_error);
    assert.equal(opt.claims.sid, undefined);

    const run = await waitRun(sb, r.body.run_id);
    assert.equal(run.scope, 'resend');
    assert.deepEqual(run.request, { deliveries: deliveries.length });
    assert.equal(run.concurrency, 2);
    assert.equal(run.sessions, 0);
    assert.equal(run.sessions_ended, 0);
    assert.deepEqual(run.counts, {
      expected: 5, pending: 0, delivered: 2, failed: 1, timed_out: 0, skipped: 2,
    });
    const detail = await sb.api('GET', `/admin/runs/${r.body.run_id}?deliveries=true`);
    assert.equal(detail.body.deliveries.length, deliveries.length);
    assert.ok(detail.body.deliveries.find((x) => x.client_id === 'demo-healthy').logout_token.split('.').length === 3);
  });

  test('a session that is still there is notified and left alone', async () => {
    const session = await seedOne(sb, ['demo-sid-required']);
    const r = await sb.api('POST', '/admin/resend', { deliveries: itemsOf(session) });
    assert.equal(r.status, 202, r.text);
    const run = await waitRun(sb, r.body.run_id);
    assert.equal(run.counts.delivered, 1);
    const live = await sb.api('GET', `/admin/sessions/${session.uid}`);
    assert.equal(live.status, 200);
    const last = (await received(sb, 'demo-sid-required')).items.at(-1);
    assert.equal(last.claims.sid, session.clients[0].sid);
  });

  test('400 for malformed bodies, naming the item', async () => {
    const ok = { client_id: 'demo-healthy', sub: 'alice', sid: 'x1' };
    const cases = [
      [{}, /deliveries/],
      [{ deliveries: [] }, /deliveries/],
      [{ deliveries: 'x' }, /deliveries/],
      [{ deliveries: Array.from({ length: 10_001 }, () => ok) }, /deliveries/],
      [{ deliveries: [ok], extra: 1 }, /unknown member "extra"/],
      [{ deliveries: [ok], concurrency: 0 }, /concurrency/],
      [{ deliveries: [ok], concurrency: 257 }, /concurrency/],
      [{ deliveries: [ok], concurrency: '4' }, /concurrency/],
      [{ deliveries: [ok, 'x'] }, /deliveries\[1\] must be an object/],
      [{ deliveries: [ok, { ...ok, grant: 'g' }] }, /deliveries\[1\]: unknown member "grant"/],
      [{ deliveries: [ok, { ...ok, sub: 7 }] }, /deliveries\[1\]\.sub/],
      [{ deliveries: [{ ...ok, client_id: '' }] }, /deliveries\[0\]\.client_id/],
      [{ deliveries: [ok, { ...ok, sid: 5 }] }, /deliveries\[1\]\.sid/],
      [{ deliveries: [ok, { ...ok, session: [] }] }, /deliveries\[1\]\.session/],
      [{ deliveries: [ok, ok, { client_id: 'demo-healthy', sub: 'alice' }] }, /deliveries\[2\]: sid is required for client demo-healthy/],
    ];
    const cursor = (await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor;
    for (const [body, message] of cases) {
      const r = await sb.api('POST', '/admin/resend', body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 200));
      assert.equal(r.body.error, 'invalid_request');
      assert.match(r.body.error_description, message);
    }
    // Nothing was started by any of them.
    assert.equal((await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor, cursor);
    const anon = await sb.api('POST', '/admin/resend', { deliveries: [ok] }, { auth: false });
    assert.equal(anon.status, 401);
  });
});
