import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ADMIN_SECRET, runServer, startSandbox, tempDir, withDeadline,
} from '../test-support/harness.js';

describe('startup, files and discovery', () => {
  let sb;
  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb?.stop();
  });

  test('stdout is exactly the READY line', () => {
    assert.equal(sb.out.stdout, `SANDBOX READY ${sb.url}\n`);
    assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('discovery advertises back-channel logout with sid, issuer is the loopback URL', async () => {
    const d = await (await fetch(`${sb.url}/.well-known/openid-configuration`)).json();
    assert.equal(d.issuer, sb.url);
    assert.equal(d.backchannel_logout_supported, true);
    assert.equal(d.backchannel_logout_session_supported, true);
    assert.ok(d.end_session_endpoint);
    assert.ok(d.grant_types_supported.includes('client_credentials'));
  });

  test('JWKS publishes RS256 and ES256 public keys only', async () => {
    const { keys } = await (await fetch(`${sb.url}/jwks`)).json();
    assert.deepEqual(keys.map((k) => k.alg).sort(), ['ES256', 'RS256']);
    for (const k of keys) assert.equal(k.d, undefined);
  });

  test('keys, admin secret env override and pid file in the data folder (0600)', () => {
    const jwks = path.join(sb.dataDir, 'jwks.json');
    assert.equal(fs.statSync(jwks).mode & 0o777, 0o600);
    assert.equal(fs.statSync(sb.dataDir).mode & 0o777, 0o700);
    const stored = JSON.parse(fs.readFileSync(jwks, 'utf8'));
    assert.ok(stored.keys.every((k) => k.d), 'private keys are persisted');
    assert.equal(fs.readFileSync(path.join(sb.dataDir, 'sandbox.pid'), 'utf8').trim(), String(sb.child.pid));
    // SIGNOFF_SANDBOX_ADMIN_SECRET is used as is and not written to disk
    assert.equal(fs.existsSync(path.join(sb.dataDir, 'admin-secret')), false);
  });

  test('health needs no token', async () => {
    const r = await sb.api('GET', '/admin/health', undefined, { auth: false });
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.issuer, sb.url);
    assert.match(r.body.version, /oidc-provider 9\./);
    assert.equal(typeof r.body.sessions, 'number');
  });

  test('the port in use: exit non-zero with a one-line error', async () => {
    const port = new URL(sb.url).port;
    const dir = tempDir();
    const p = runServer(['--port', port, '--data', dir], { env: { SIGNOFF_SANDBOX_ADMIN_SECRET: 'x' } });
    const { code } = await withDeadline(p.exited, 'the refused sandbox exiting');
    fs.rmSync(dir, { recursive: true, force: true });
    assert.notEqual(code, 0);
    assert.equal(p.out.stdout, '');
    const lines = p.out.stderr.trim().split('\n').filter((l) => !l.startsWith('oidc-provider WARNING'));
    assert.equal(lines.length, 1, p.out.stderr);
    assert.match(lines[0], /already in use/);
  });
});

describe('restart', () => {
  test('keys are reused, the admin secret file is created once and printed by --print-admin-secret, pid file removed on SIGTERM', async () => {
    const dir = tempDir();
    const first = await startSandbox({ dataDir: dir, env: { SIGNOFF_SANDBOX_ADMIN_SECRET: '' } });
    const kids1 = (await (await fetch(`${first.url}/jwks`)).json()).keys.map((k) => k.kid).sort();
    const secretFile = path.join(dir, 'admin-secret');
    assert.equal(fs.statSync(secretFile).mode & 0o777, 0o600);
    const secret = fs.readFileSync(secretFile, 'utf8').trim();
    assert.ok(secret.length >= 20);
    // The file secret works at the token endpoint.
    const tok = await first.token({ secret });
    assert.ok(tok);
    const { code, signal } = await first.stop();
    assert.ok(code === 0 || signal === 'SIGTERM');
    assert.equal(fs.existsSync(path.join(dir, 'sandbox.pid')), false);

    const second = await startSandbox({ dataDir: dir, env: { SIGNOFF_SANDBOX_ADMIN_SECRET: '' } });
    const kids2 = (await (await fetch(`${second.url}/jwks`)).json()).keys.map((k) => k.kid).sort();
    assert.deepEqual(kids2, kids1);
    await second.stop();

    const printed = runServer(['--data', dir, '--print-admin-secret'], { env: { SIGNOFF_SANDBOX_ADMIN_SECRET: '' } });
    await withDeadline(printed.exited, '--print-admin-secret exiting');
    assert.equal(printed.out.stdout.trim(), secret);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('--seed-users/--seed-sessions seed before READY', async () => {
    const sb = await startSandbox({ args: ['--seed-users', '20', '--seed-sessions', '500'] });
    try {
      const h = await sb.api('GET', '/admin/health', undefined, { auth: false });
      assert.equal(h.body.sessions, 500);
      assert.equal(h.body.users, 24);
    } finally {
      await sb.stop();
    }
  });

  test('while seeding before READY, health says "starting" (503), never "ok" with a partial count', async () => {
    const port = await new Promise((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address();
        probe.close(() => resolve(p));
      });
    });
    const dir = tempDir();
    const p = runServer(['--port', String(port), '--data', dir, '--seed-users', '50', '--seed-sessions', '20000'], {
      env: { SIGNOFF_SANDBOX_ADMIN_SECRET: ADMIN_SECRET },
    });
    const answers = [];
    const deadline = Date.now() + 120_000;
    try {
      while (!p.out.stdout.includes('SANDBOX READY') && Date.now() < deadline && p.child.exitCode === null) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/admin/health`);
          answers.push({ status: res.status, body: await res.json() });
        } catch { /* not listening yet */ }
      }
      assert.match(p.out.stdout, /SANDBOX READY/);
      const res = await fetch(`http://127.0.0.1:${port}/admin/health`);
      answers.push({ status: res.status, body: await res.json() });
      for (const a of answers) {
        if (a.status === 200) {
          assert.equal(a.body.status, 'ok');
          assert.equal(a.body.sessions, 20000, 'ok only once every seeded session exists');
        } else {
          assert.equal(a.status, 503);
          // "starting" while seeding; before that (keys loading) the plain 503 of a starting server
          assert.ok(a.body.status === 'starting' || a.body.error === 'temporarily_unavailable', JSON.stringify(a.body));
        }
      }
      assert.equal(answers.at(-1).status, 200);
    } finally {
      p.child.kill('SIGTERM');
      await p.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('SIGINT stops cleanly and removes the pid file', async () => {
    const sb = await startSandbox();
    sb.expectExit();
    sb.child.kill('SIGINT');
    const { code } = await withDeadline(sb.exited, 'the sandbox exiting after SIGINT');
    assert.equal(code, 0);
    assert.equal(fs.existsSync(path.join(sb.dataDir, 'sandbox.pid')), false);
    await sb.stop();
  });

  test('bad CLI input is refused with a one-line error', async () => {
    const p = runServer(['--port', 'abc']);
    const { code } = await withDeadline(p.exited, 'the refused sandbox exiting');
    assert.notEqual(code, 0);
    assert.match(p.out.stderr, /--port must be an integer/);
  });
});

describe('data folder modes', () => {
  const modeOf = (p) => fs.statSync(p).mode & 0o777;
  const octal = (m) => `0${m.toString(8)}`;
  function assertPrivate(dir) {
    assert.equal(octal(modeOf(dir)), '0700', dir);
    for (const name of fs.readdirSync(dir)) assert.equal(octal(modeOf(path.join(dir, name))), '0600', name);
  }

  test('a new folder (and its missing parents) is 0700, every file in it 0600, whatever the umask', async () => {
    const base = tempDir();
    const dir = path.join(base, 'a', 'b');
    const old = process.umask(0);
    let sb;
    try {
      sb = await startSandbox({ dataDir: dir, env: { SIGNOFF_SANDBOX_ADMIN_SECRET: '' } });
    } finally {
      process.umask(old);
    }
    try {
      assert.deepEqual(fs.readdirSync(dir).sort(), ['admin-secret', 'cookie-keys.json', 'jwks.json', 'sandbox.pid']);
      assertPrivate(dir);
    } finally {
      await sb.stop();
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  test('a folder and files left readable by others (an older version, Signoff\'s log redirect) are tightened', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    // What Signoff's SandboxProcess leaves before node runs: the log it redirects output to.
    fs.writeFileSync(path.join(dir, 'sandbox.log'), 'earlier log\n', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'sandbox.pid'), '999999\n', { mode: 0o644 });
    fs.writeFileSync(path.join(dir, 'admin-secret'), 'an-earlier-admin-secret-0123\n', { mode: 0o644 });
    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
    const printed = runServer(['--data', dir, '--print-admin-secret'], { env: { SIGNOFF_SANDBOX_ADMIN_SECRET: '' } });
    await withDeadline(printed.exited, '--print-admin-secret exiting');
    assert.equal(printed.out.stdout.trim(), 'an-earlier-admin-secret-0123');
    assertPrivate(dir);

    for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o644);
    fs.chmodSync(dir, 0o755);
    const sb = await startSandbox({ dataDir: dir, env: { SIGNOFF_SANDBOX_ADMIN_SECRET: '' } });
    try {
      assert.equal(fs.readFileSync(path.join(dir, 'sandbox.pid'), 'utf8').trim(), String(sb.child.pid));
      assertPrivate(dir);
    } finally {
      await sb.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
