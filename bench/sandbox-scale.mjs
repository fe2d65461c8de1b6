#!/usr/bin/env node
// Sandbox IdP at scale, timed: seed many sessions through the admin API, page through all
// of them, log some out and wait for the run to finish. Prints seconds per step. The
// sandbox's test suite checks the same steps for correctness only (sandbox/test/scale.test.js);
// the figures live here so that no test depends on how fast the machine is.
//
//   node bench/sandbox-scale.mjs [--sessions 100000] [--users 1000] [--logout 10000]
//                                [--concurrency 16] [--runs 1]
//
// Needs `npm ci` in sandbox/. Exit status 0; 1 on an error, 3 when a seeding took longer
// than the 30 s target.
import fs from 'node:fs';
import { parseArgs } from 'node:util';

import { startSandbox, waitRun } from '../sandbox/test-support/harness.js';

const SEED_TARGET_S = 30;

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100000' },
    users: { type: 'string', default: '1000' },
    logout: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '16' },
    runs: { type: 'string', default: '1' },
  },
});
const opt = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)]));
for (const [k, v] of Object.entries(opt)) {
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`sandbox-scale: --${k} must be a non-negative integer\n`);
    process.exit(1);
  }
}

const seconds = (ms) => (ms / 1000).toFixed(2);

function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function check(r, status, what) {
  if (r.status !== status) throw new Error(`${what}: HTTP ${r.status} ${r.text}`);
  return r.body;
}

async function pageAll(sb) {
  let cursor = null;
  let pages = 0;
  let count = 0;
  let last = null;
  do {
    const body = await check(await sb.api('GET', `/admin/sessions?limit=1000${cursor ? `&cursor=${cursor}` : ''}`), 200, 'page');
    count += body.items.length;
    if (body.items.length) last = body.items.at(-1).cursor;
    cursor = body.next_cursor;
    pages += 1;
  } while (cursor);
  return { pages, count, last };
}

async function oneRun(n) {
  const sb = await startSandbox({ args: ['--quiet'] });
  try {
    let t0 = performance.now();
    const seeded = await check(await sb.api('POST', '/admin/seed', { users: opt.users, sessions: opt.sessions }), 201, 'seed');
    const seedMs = performance.now() - t0;
    const seedOk = seeded.duration_ms / 1000 < SEED_TARGET_S;
    console.log(`run ${n}: seed ${opt.sessions} sessions (${seeded.grants_created} grants, ${seeded.users_total} users): `
      + `${seconds(seedMs)} s (server ${seconds(seeded.duration_ms)} s; target < ${SEED_TARGET_S} s: ${seedOk ? 'met' : 'MISSED'}); `
      + `sandbox RSS ${rssMiB(sb.child.pid) ?? '?'} MiB`);

    t0 = performance.now();
    const paged = await pageAll(sb);
    console.log(`run ${n}: page ${paged.count} sessions (${paged.pages} pages of 1000, cursor): ${seconds(performance.now() - t0)} s`);

    if (opt.logout > 0) {
      await check(await sb.api('POST', '/admin/seed', { sessions: opt.logout, clients: ['demo-healthy'] }), 201, 'seed for logout');
      const uids = [];
      let cursor = paged.last;
      while (uids.length < opt.logout) {
        const body = await check(await sb.api('GET', `/admin/sessions?limit=5000${cursor ? `&cursor=${cursor}` : ''}`), 200, 'page');
        uids.push(...body.items.map((s) => s.uid));
        if (!body.next_cursor) break;
        cursor = body.next_cursor;
      }
      t0 = performance.now();
      const lo = await check(await sb.api('POST', '/admin/logout', { sessions: uids, include_expected: false, concurrency: opt.concurrency }), 202, 'logout');
      const run = await waitRun(sb, lo.run_id, 3_600_000);
      const ms = performance.now() - t0;
      const { counts } = run;
      console.log(`run ${n}: log out ${uids.length} sessions (one delivery each to demo-healthy, concurrency ${opt.concurrency}): `
        + `${seconds(ms)} s (run ${seconds(run.duration_ms)} s, ${Math.round(counts.expected / (run.duration_ms / 1000))} deliveries/s; `
        + `${counts.delivered} delivered, ${counts.timed_out} timed out, ${counts.failed} failed)`);
    }
    return seedOk;
  } finally {
    await sb.stop();
  }
}

let allMet = true;
try {
  for (let n = 1; n <= Math.max(1, opt.runs); n += 1) allMet = (await oneRun(n)) && allMet;
} catch (err) {
  process.stderr.write(`sandbox-scale: ${err.message}\n`);
  process.exit(1);
}
process.exit(allMet ? 0 : 3);
