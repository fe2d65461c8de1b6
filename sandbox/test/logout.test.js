import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  openSse, startSandbox, waitFor, waitRun,
} from '../test-support/harness.js';

async function received(sb, clientId) {
  return (await fetch(`${sb.url}/demo-rp/${clientId}/received`)).json();
}

async function allSessions(sb, query = '') {
  const r = await sb.api('GET', `/admin/sessions?limit=5000${query}`);
  return r.body.items;
}

describe('admin logout: delivery states, scopes, stream', () => {
  let sb;
  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb?.stop();
  });

  test('one session with five RPs: delivered, failed 500, timed_out, skipped, slow', async () => {
    const clients = ['demo-healthy', 'demo-failing', 'demo-hanging', 'demo-no-bcl', 'demo-slow'];
    const seeded = await sb.api('POST', '/admin/seed', { users: 3, sessions: 1, clients, clients_per_session: 5 });
    assert.equal(seeded.status, 201);
    const [session] = await allSessions(sb);
    assert.deepEqual(session.clients.map((c) => c.client_id).sort(), [...clients].sort());
    const sidOf = Object.fromEntries(session.clients.map((c) => [c.client_id, c.sid]));

    const r = await sb.api('POST', '/admin/logout', { session: session.uid });
    assert.equal(r.status, 202);
    assert.equal(r.body.sessions, 1);
    assert.match(r.body.run_id, /^run_/);
    assert.equal(r.headers.get('location'), `/admin/runs/${r.body.run_id}`);
    assert.equal(r.body.expected.length, 5);
    const exp = Object.fromEntries(r.body.expected.map((e) => [e.client_id, e]));
    assert.equal(exp['demo-no-bcl'].action, 'skip');
    assert.equal(exp['demo-no-bcl'].reason, 'no backchannel_logout_uri');
    assert.equal(exp['demo-healthy'].action, 'deliver');
    assert.equal(exp['demo-healthy'].sid, sidOf['demo-healthy']);

    const run = await waitRun(sb, r.body.run_id);
    assert.deepEqual(run.counts, {
      expected: 5, pending: 0, delivered: 2, failed: 1, timed_out: 1, skipped: 1,
    });
    assert.equal(run.sessions_ended, 1);

    const detail = await sb.api('GET', `/admin/runs/${r.body.run_id}?deliveries=true`);
    const d = Object.fromEntries(detail.body.deliveries.map((x) => [x.client_id, x]));
    assert.equal(d['demo-healthy'].state, 'delivered');
    assert.equal(d['demo-healthy'].http_status, 200);
    assert.ok(d['demo-healthy'].latency_ms >= 0);
    assert.equal(d['demo-healthy'].sid, sidOf['demo-healthy']);
    assert.ok(d['demo-healthy'].logout_token.split('.').length === 3);
    assert.equal(d['demo-failing'].state, 'failed');
    assert.equal(d['demo-failing'].http_status, 500);
    assert.match(d['demo-failing'].error, /500/);
    assert.equal(d['demo-hanging'].state, 'timed_out');
    assert.equal(d['demo-hanging'].http_status, null);
    // Ended by the sender's 2.5 s timeout (its timer starts just before our fetch wrapper's
    // clock); no upper bound: a loaded machine only makes it later.
    assert.ok(d['demo-hanging'].latency_ms >= 2000, String(d['demo-hanging'].latency_ms));
    assert.equal(d['demo-no-bcl'].state, 'skipped');
    assert.equal(d['demo-no-bcl'].error, 'no backchannel_logout_uri');
    assert.equal(d['demo-slow'].state, 'delivered');
    assert.ok(d['demo-slow'].latency_ms >= 1400, String(d['demo-slow'].latency_ms));

    // The healthy demo RP got a valid logout token for this session
    const got = await received(sb, 'demo-healthy');
    assert.equal(got.count, 1);
    const item = got.items[0];
    assert.equal(item.verified, true, item.verify_error);
    assert.equal(item.answered_status, 200);
    assert.equal(item.claims.sid, sidOf['demo-healthy']);
    assert.equal(item.claims.sub, session.accountId);
    assert.equal(item.claims.aud, 'demo-healthy');
    assert.equal(item.claims.jti, d['demo-healthy'].token_jti);
    assert.equal(item.header.typ, 'logout+jwt');
    assert.equal((await received(sb, 'demo-failing')).items[0].answered_status, 500);
    assert.equal((await received(sb, 'demo-hanging')).items[0].answered_status, null);

    // The session is gone
    assert.equal((await sb.api('GET', `/admin/sessions/${session.uid}`)).status, 404);
  });

  test('backchannel_logout_session_required true puts sid in the token, false leaves it out', async () => {
    await sb.api('POST', '/admin/seed', { sessions: 1, clients: ['demo-sid-required', 'demo-sid-optional'], clients_per_session: 2 });
    const [session] = await allSessions(sb, '&client_id=demo-sid-required');
    const r = await sb.api('POST', '/admin/logout', { session: session.uid });
    const run = await waitRun(sb, r.body.run_id);
    assert.equal(run.counts.delivered, 2);
    const req = (await received(sb, 'demo-sid-required')).items.at(-1);
    const opt = (await received(sb, 'demo-sid-optional')).items.at(-1);
    assert.equal(req.verified, true, req.verify_error);
    assert.equal(opt.verified, true, opt.verify_error);
    assert.equal(req.claims.sid, session.clients.find((c) => c.client_id === 'demo-sid-required').sid);
    assert.equal(opt.claims.sid, undefined);
    assert.equal(opt.claims.sub, session.accountId);
  });

  test('logout by user, by client and by a list of sessions', async () => {
    await sb.api('POST', '/admin/seed', { users: 3, sessions: 60, clients: ['demo-healthy', 'demo-no-bcl', 'demo-sid-optional'] });
    const before1 = await allSessions(sb);
    const user = before1[0].accountId;
    const mine = before1.filter((s) => s.accountId === user);

    const byUser = await sb.api('POST', '/admin/logout', { user });
    assert.equal(byUser.status, 202);
    assert.equal(byUser.body.sessions, mine.length);
    assert.deepEqual(new Set(byUser.body.expected.map((e) => e.session)), new Set(mine.map((s) => s.uid)));
    const runU = await waitRun(sb, byUser.body.run_id);
    assert.equal(runU.sessions_ended, mine.length);
    assert.equal(runU.counts.expected, mine.reduce((n, s) => n + s.clients.length, 0));
    assert.equal((await sb.api('GET', `/admin/users/${user}/sessions`)).body.total, 0);
    const rest = await allSessions(sb);
    assert.equal(rest.length, before1.length - mine.length);

    // a known user without sessions: 202 with nothing to do
    const none = await sb.api('POST', '/admin/logout', { user });
    assert.equal(none.status, 202);
    assert.equal(none.body.sessions, 0);

    const withOpt = rest.filter((s) => s.clients.some((c) => c.client_id === 'demo-sid-optional'));
    const byClient = await sb.api('POST', '/admin/logout', { client_id: 'demo-sid-optional', include_expected: false });
    assert.equal(byClient.status, 202);
    assert.equal(byClient.body.sessions, withOpt.length);
    assert.equal(byClient.body.expected, undefined);
    await waitRun(sb, byClient.body.run_id);
    const left = await allSessions(sb);
    assert.equal(left.length, rest.length - withOpt.length);
    assert.ok(left.every((s) => !s.clients.some((c) => c.client_id === 'demo-sid-optional')));

    const pick = left.slice(0, 3).map((s) => s.uid);
    const byList = await sb.api('POST', '/admin/logout', { sessions: [...pick, 'no-such-session'] });
    assert.equal(byList.status, 202);
    assert.equal(byList.body.sessions, 3);
    assert.deepEqual(byList.body.not_found, ['no-such-session']);
    await waitRun(sb, byList.body.run_id);
    assert.equal((await allSessions(sb)).length, left.length - 3);
  });

  test('SSE: a reconnect with Last-Event-ID loses nothing and repeats nothing', async () => {
    await sb.api('POST', '/admin/seed', { sessions: 300, clients: ['demo-healthy', 'demo-sid-optional'], clients_per_session: [1, 2] });
    const sessions = await allSessions(sb, '&client_id=demo-healthy');
    const token = await sb.token();
    const start = (await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor;

    const events = [];
    let lastId;
    let deliveriesSeen = 0;
    let cut = false;
    // The first connection takes events up to the 40th delivery and ignores the rest, as if
    // it had dropped right there: the cut point does not depend on how fast events arrive.
    let conn = openSse(`${sb.url}/admin/events?cursor=${start}`, {
      token,
      onEvent: (ev) => {
        if (ev.id === undefined || cut) return;
        lastId = ev.id;
        events.push(ev);
        if (ev.event === 'delivery') deliveriesSeen += 1;
        if (deliveriesSeen === 40) cut = true;
      },
    });
    const r = await sb.api('POST', '/admin/logout', { client_id: 'demo-healthy', concurrency: 4 });
    assert.equal(r.status, 202);
    const runId = r.body.run_id;
    await waitFor(() => cut, 'the first connection saw 40 deliveries');
    await conn.close();
    const droppedAt = events.length;
    // Events keep coming while disconnected.
    await waitFor(
      async () => (await sb.api('GET', '/admin/health', undefined, { auth: false })).body.events_cursor > Number(lastId),
      'an event after the cut',
    );

    let finished = false;
    conn = openSse(`${sb.url}/admin/events`, {
      token,
      lastEventId: lastId,
      onEvent: (ev) => {
        if (ev.id === undefined) return;
        events.push(ev);
        if (ev.event === 'run.finished' && ev.json.run_id === runId) finished = true;
      },
    });
    await waitFor(() => finished, `run.finished of ${runId} on the reconnected stream`);
    await conn.close();
    assert.ok(events.length > droppedAt, 'the second connection delivered the rest');

    const ids = events.map((e) => Number(e.id));
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    for (let i = 1; i < ids.length; i += 1) assert.equal(ids[i], ids[i - 1] + 1, 'no gap in cursors');
    for (const e of events) assert.equal(e.json.cursor, Number(e.id));

    const deliveries = events.filter((e) => e.event === 'delivery' && e.json.run_id === runId).map((e) => e.json);
    assert.equal(deliveries.length, r.body.expected.length);
    const keys = new Set(deliveries.map((d) => `${d.session}|${d.client_id}`));
    assert.equal(keys.size, deliveries.length);
    for (const e of r.body.expected) assert.ok(keys.has(`${e.session}|${e.client_id}`));
    const ev = deliveries.find((x) => x.client_id === 'demo-healthy');
    for (const k of ['run_id', 'session', 'sub', 'client_id', 'sid', 'state', 'http_status', 'latency_ms', 'error', 'time']) assert.ok(k in ev, k);
    assert.equal(ev.state, 'delivered');
    assert.equal(ev.http_status, 200);
    assert.ok(!Number.isNaN(Date.parse(ev.time)));
    assert.equal(events.filter((e) => e.event === 'session.ended' && e.json.run_id === runId).length, sessions.length);
  });

  test('long-poll JSON variant and run_id filter', async () => {
    const head = (await sb.api('GET', '/admin/events?format=json')).body;
    assert.equal(head.events.length, 0);
    const cursor = head.next_cursor;
    // Nothing new: waits about `wait` ms, then returns empty.
    const t0 = Date.now();
    const idle = await sb.api('GET', `/admin/events?format=json&cursor=${cursor}&wait=400`);
    assert.ok(Date.now() - t0 >= 350);
    assert.deepEqual(idle.body.events, []);
    assert.equal(idle.body.next_cursor, cursor);

    await sb.api('POST', '/admin/seed', { sessions: 2, clients: ['demo-healthy'] });
    const [s] = await allSessions(sb, '&client_id=demo-healthy');
    // The server's longest wait: it answers as soon as the first event exists.
    const pending = sb.api('GET', `/admin/events?format=json&cursor=${cursor}&wait=60000`);
    const r = await sb.api('POST', '/admin/logout', { session: s.uid });
    const got = await pending;
    assert.ok(got.body.events.length >= 1);
    assert.equal(got.body.events[0].cursor, cursor + 1);
    await waitRun(sb, r.body.run_id);
    const filtered = await sb.api('GET', `/admin/events?format=json&cursor=0&run_id=${r.body.run_id}&limit=10000`);
    const types = filtered.body.events.map((e) => e.type);
    assert.deepEqual(types, ['run.started', 'delivery', 'session.ended', 'run.finished']);
    assert.ok(filtered.body.events.every((e) => e.run_id === r.body.run_id));
    const fin = filtered.body.events.at(-1);
    assert.equal(fin.counts.delivered, 1);
  });

  test('concurrent runs never log out a session twice', async () => {
    await sb.api('POST', '/admin/seed', { sessions: 20, clients: ['demo-slow'] });
    const sessions = await allSessions(sb, '&client_id=demo-slow');
    const uids = sessions.map((s) => s.uid);
    const rpBefore = (await received(sb, 'demo-slow')).count;
    const a = await sb.api('POST', '/admin/logout', { client_id: 'demo-slow', include_expected: false });
    const b = await sb.api('POST', '/admin/logout', { sessions: uids });
    assert.equal(a.body.sessions, sessions.length);
    assert.equal(b.body.sessions, 0);
    const run = await waitRun(sb, a.body.run_id);
    assert.equal(run.sessions_ended, sessions.length);
    assert.equal(run.counts.failed + run.counts.skipped, 0);

    // How far run a had got when b was answered depends on timing; what b says about each
    // session must match it exactly: already ended (session.ended at or before b's cursor)
    // is not found, everything else is a's, in progress.
    const aEvents = await sb.api('GET', `/admin/events?format=json&cursor=0&run_id=${a.body.run_id}&limit=10000`);
    const endedAt = new Map(aEvents.body.events.filter((e) => e.type === 'session.ended').map((e) => [e.session, e.cursor]));
    assert.equal(endedAt.size, sessions.length);
    const inProgress = new Map(b.body.in_progress_elsewhere.map((x) => [x.session, x.run_id]));
    for (const uid of uids) {
      if (endedAt.get(uid) <= b.body.events_cursor) {
        assert.ok(b.body.not_found.includes(uid), `${uid} ended before b: not found`);
      } else {
        assert.equal(inProgress.get(uid), a.body.run_id, `${uid} still in a's hands when b came`);
      }
    }
    assert.equal(b.body.not_found.length + inProgress.size, sessions.length);

    // The RP never got a second logout token for a session, whatever b did. (A delivery the
    // sender gave up on before the RP read it may be missing on a starved machine.)
    const got = await (await fetch(`${sb.url}/demo-rp/demo-slow/received?since=${rpBefore}`)).json();
    const sids = got.items.map((it) => it.claims.sid);
    const ours = new Set(sessions.map((s) => s.clients[0].sid));
    assert.equal(new Set(sids).size, sids.length, 'no session notified twice');
    assert.ok(sids.every((sid) => ours.has(sid)));
    assert.ok(sids.length >= run.counts.delivered && sids.length <= sessions.length);
  });
});
