import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';

import { startSandbox, waitRun } from '../test-support/harness.js';

// A tiny back-channel endpoint on loopback: records each POST's logout token, answers 200.
function startReceiver() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const token = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('logout_token');
      received.push({ path: req.url, token, claims: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) });
      res.writeHead(200, { 'content-length': 0 });
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      received,
      url: `http://127.0.0.1:${server.address().port}/bcl`,
      close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
    }));
  });
}

async function demoReceivedCount(sb, clientId) {
  return (await (await fetch(`${sb.url}/demo-rp/${clientId}/received`)).json()).count;
}

async function seedOne(sb, clients) {
  const before1 = new Set((await sb.api('GET', '/admin/sessions?limit=5000')).body.items.map((s) => s.uid));
  const seeded = await sb.api('POST', '/admin/seed', { sessions: 1, clients, clients_per_session: clients.length });
  assert.equal(seeded.status, 201);
  const all = (await sb.api('GET', '/admin/sessions?limit=5000')).body.items;
  return all.find((s) => !before1.has(s.uid));
}

async function logoutDeliveries(sb, session) {
  const r = await sb.api('POST', '/admin/logout', { session: session.uid });
  assert.equal(r.status, 202);
  await waitRun(sb, r.body.run_id);
  const detail = await sb.api('GET', `/admin/runs/${r.body.run_id}?deliveries=true`);
  return { answer: r.body, byClient: Object.fromEntries(detail.body.deliveries.map((d) => [d.client_id, d])) };
}

describe('PATCH /admin/clients/{id}: back-channel URI at runtime', () => {
  let sb;
  let rx;
  before(async () => {
    sb = await startSandbox();
    rx = await startReceiver();
  });
  after(async () => {
    await sb?.stop();
    await rx?.close();
  });

  test('every client object carries its default back-channel settings', async () => {
    const list = await sb.api('GET', '/admin/clients');
    const byId = Object.fromEntries(list.body.items.map((c) => [c.client_id, c]));
    assert.equal(byId['demo-healthy'].default_backchannel_logout_uri, `${sb.url}/demo-rp/demo-healthy/backchannel-logout`);
    assert.equal(byId['demo-healthy'].default_backchannel_logout_session_required, true);
    assert.equal(byId['demo-no-bcl'].default_backchannel_logout_uri, null);
    assert.equal(byId['demo-sid-optional'].default_backchannel_logout_session_required, false);
    assert.equal(byId['signoff-mock-rp'].default_backchannel_logout_uri, 'http://127.0.0.1:9401/backchannel-logout');
    const one = await sb.api('GET', '/admin/clients/demo-healthy');
    assert.deepEqual(one.body, byId['demo-healthy']);
  });

  test('demo-healthy pointed at another server: the provider sends there, then back', async () => {
    const patched = await sb.api('PATCH', '/admin/clients/demo-healthy', { backchannel_logout_uri: rx.url });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.backchannel_logout_uri, rx.url);
    assert.equal(patched.body.default_backchannel_logout_uri, `${sb.url}/demo-rp/demo-healthy/backchannel-logout`);
    assert.equal(patched.body.backchannel_logout_session_required, true);
    assert.deepEqual(patched.body, (await sb.api('GET', '/admin/clients/demo-healthy')).body);
    const listed = (await sb.api('GET', '/admin/clients')).body.items.find((c) => c.client_id === 'demo-healthy');
    assert.equal(listed.backchannel_logout_uri, rx.url);

    const demoBefore = await demoReceivedCount(sb, 'demo-healthy');
    const session = await seedOne(sb, ['demo-healthy']);
    const sid = session.clients[0].sid;
    const { answer, byClient } = await logoutDeliveries(sb, session);
    assert.equal(answer.expected[0].backchannel_logout_uri, rx.url);
    assert.equal(byClient['demo-healthy'].state, 'delivered');
    assert.equal(byClient['demo-healthy'].http_status, 200);
    assert.equal(rx.received.length, 1);
    assert.equal(rx.received[0].path, '/bcl');
    assert.equal(rx.received[0].claims.aud, 'demo-healthy');
    assert.equal(rx.received[0].claims.sid, sid);
    assert.equal(rx.received[0].claims.sub, session.accountId);
    assert.equal(rx.received[0].claims.jti, byClient['demo-healthy'].token_jti);
    assert.equal(await demoReceivedCount(sb, 'demo-healthy'), demoBefore);

    // The GUI points it back by sending the default itself.
    const back = await sb.api('PATCH', '/admin/clients/demo-healthy', { backchannel_logout_uri: patched.body.default_backchannel_logout_uri });
    assert.equal(back.status, 200);
    const again = await logoutDeliveries(sb, await seedOne(sb, ['demo-healthy']));
    assert.equal(again.byClient['demo-healthy'].state, 'delivered');
    assert.equal(rx.received.length, 1);
    assert.equal(await demoReceivedCount(sb, 'demo-healthy'), demoBefore + 1);
  });

  test('null removes the URI (skipped), and a URI can be given to a client that had none', async () => {
    const removed = await sb.api('PATCH', '/admin/clients/demo-healthy', { backchannel_logout_uri: null });
    assert.equal(removed.status, 200);
    assert.equal(removed.body.backchannel_logout_uri, null);
    const r1 = await logoutDeliveries(sb, await seedOne(sb, ['demo-healthy']));
    assert.equal(r1.answer.expected[0].action, 'skip');
    assert.equal(r1.answer.expected[0].reason, 'no backchannel_logout_uri');
    assert.equal(r1.byClient['demo-healthy'].state, 'skipped');
    assert.equal(r1.byClient['demo-healthy'].error, 'no backchannel_logout_uri');
    await sb.api('PATCH', '/admin/clients/demo-healthy', { backchannel_logout_uri: removed.body.default_backchannel_logout_uri });

    const before1 = rx.received.length;
    const added = await sb.api('PATCH', '/admin/clients/demo-no-bcl', { backchannel_logout_uri: rx.url, backchannel_logout_session_required: true });
    assert.equal(added.status, 200);
    assert.equal(added.body.backchannel_logout_session_required, true);
    assert.equal(added.body.default_backchannel_logout_uri, null);
    assert.equal(added.body.default_backchannel_logout_session_required, false);
    const session = await seedOne(sb, ['demo-no-bcl']);
    const r2 = await logoutDeliveries(sb, session);
    assert.equal(r2.byClient['demo-no-bcl'].state, 'delivered');
    assert.equal(rx.received.length, before1 + 1);
    assert.equal(rx.received.at(-1).claims.aud, 'demo-no-bcl');
    assert.equal(rx.received.at(-1).claims.sid, session.clients[0].sid);
    const reset = await sb.api('PATCH', '/admin/clients/demo-no-bcl', { backchannel_logout_uri: null, backchannel_logout_session_required: false });
    assert.equal(reset.body.backchannel_logout_uri, null);
    assert.equal(reset.body.backchannel_logout_session_required, false);
  });

  test('400 for bad URIs, wrong types, unknown or no members; 404 for the admin client', async () => {
    const bad = [
      { backchannel_logout_uri: '/relative/path' },
      { backchannel_logout_uri: 'ftp://127.0.0.1/bcl' },
      { backchannel_logout_uri: 'javascript:alert(1)' },
      { backchannel_logout_uri: 'http://127.0.0.1/bcl#frag' },
      { backchannel_logout_uri: 'http://user:pw@127.0.0.1/bcl' },
      { backchannel_logout_uri: ' http://127.0.0.1/bcl' },
      { backchannel_logout_uri: '' },
      { backchannel_logout_uri: 42 },
      { backchannel_logout_uri: 'default' },
      { backchannel_logout_session_required: 'yes' },
      { backchannel_logout_uri: null, client_name: 'x' },
      {},
    ];
    for (const body of bad) {
      const r = await sb.api('PATCH', '/admin/clients/demo-healthy', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error, 'invalid_request');
    }
    const unchanged = await sb.api('GET', '/admin/clients/demo-healthy');
    assert.equal(unchanged.body.backchannel_logout_uri, unchanged.body.default_backchannel_logout_uri);
    assert.equal(unchanged.body.backchannel_logout_session_required, true);

    for (const id of ['signoff-admin', 'no-such-client']) {
      const r = await sb.api('PATCH', `/admin/clients/${id}`, { backchannel_logout_uri: rx.url });
      assert.equal(r.status, 404, id);
    }
    const anon = await sb.api('PATCH', '/admin/clients/demo-healthy', { backchannel_logout_uri: rx.url }, { auth: false });
    assert.equal(anon.status, 401);
    assert.equal((await sb.api('GET', '/admin/clients/demo-healthy')).body.backchannel_logout_uri, unchanged.body.default_backchannel_logout_uri);
  });
});
