// Reads the rounds of bench/run-logout-bench.sh, checks each signoffctl output (every delivery
// exactly once, a summary last), asks the sandbox how long its own runs took (GET /admin/runs/{id},
// the admin token in SIGNOFF_BENCH_TOKEN), and writes the "Logout run" section of RESULTS.md.
// Usage: node logout-report.mjs ROUNDS.jsonl BASE_URL SESSIONS CONCURRENCY MACHINE RESULTS.md
import { readFileSync, writeFileSync } from 'node:fs';

const [roundsFile, base, sessions, concurrency, machine, resultsFile] = process.argv.slice(2);
const token = process.env.SIGNOFF_BENCH_TOKEN;
const rounds = readFileSync(roundsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

async function idpRun(id) {
  const res = await fetch(`${base}/admin/runs/${id}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /admin/runs/${id}: ${res.status}`);
  return res.json();
}

const measured = [];
for (const r of rounds) {
  const lines = readFileSync(r.out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const summary = lines.at(-1);
  if (summary.type !== 'summary') throw new Error(`round ${r.round}: no summary last`);
  const deliveries = lines.slice(0, -1);
  const keys = new Set(deliveries.map((d) => `${d.session}|${d.client_id}`));
  if (keys.size !== deliveries.length || deliveries.length !== summary.counts.expected)
    throw new Error(`round ${r.round}: ${deliveries.length} lines, ${keys.size} distinct, ${summary.counts.expected} expected`);
  const runs = await Promise.all(summary.idp_runs.map(idpRun));
  const start = Math.min(...runs.map((x) => Date.parse(x.created_at)));
  const end = Math.max(...runs.map((x) => Date.parse(x.finished_at)));
  const signoffRun = Date.parse(summary.finished) - Date.parse(summary.started);
  const direct = await idpRun(r.direct);
  if (direct.counts.expected !== summary.counts.expected)
    throw new Error(`round ${r.round}: the direct run had ${direct.counts.expected} deliveries`);
  measured.push({
    wall: r.wall_ms,
    run: signoffRun,
    plan: r.wall_ms - signoffRun,
    idpSpan: end - start,
    idpSum: runs.reduce((s, x) => s + x.duration_ms, 0),
    idpRuns: runs.length,
    direct: direct.duration_ms,
    delivered: summary.counts.delivered,
    timedOut: summary.counts.timed_out,
    failed: summary.counts.failed,
    expected: summary.counts.expected,
    load: r.load,
  });
}

const med = (a) => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (v, d) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const row = (label, values, d) => `| ${label} | **${fmt(med(values), d)}** | ${fmt(Math.min(...values), d)}–${fmt(Math.max(...values), d)} |`;
const s = (k) => measured.map((m) => m[k] / 1000);

const section = [
  '<!-- logout-bench: begin (bench/run-logout-bench.sh writes this section) -->',
  `## Logout run at ${fmt(+sessions, 0)} sessions`,
  '',
  `Machine: ${machine}. Each round: ${fmt(+sessions, 0)} freshly seeded sessions with one RP (demo-healthy), then`,
  `\`signoffctl logout --rp demo-healthy --yes --json --concurrency ${concurrency}\` (the sandbox gets batches of 500 sessions,`,
  `two in flight, ${Math.max(1, Math.floor(concurrency / 2))} deliveries in parallel each). ${measured.length} rounds; medians with ranges. Every round printed`,
  `each delivery exactly once; delivered per round: ${measured.map((m) => `${m.delivered}/${m.expected}`).join(', ')}`,
  `(the rest timed out at the sandbox's 2.5 s sender timeout: ${measured.map((m) => m.timedOut).join(', ')}). Load average (1 min)`,
  `before/after each round: ${measured.map((m) => m.load.join('/')).join(', ')}.`,
  '',
  '| | median | range |',
  '|---|---|---|',
  row('signoffctl, start to exit, s', s('wall'), 2),
  row('of which planning (RPs, lint, listing every session) and start-up, s', s('plan'), 2),
  row('of which the run (first call to the last outcome committed and printed), s', s('run'), 2),
  row("sandbox's own time for the same deliveries (its runs' span), s", s('idpSpan'), 2),
  row("sandbox's runs, duration_ms summed (runs overlap), s", s('idpSum'), 2),
  row('Signoff overhead: run / sandbox span', measured.map((m) => m.run / m.idpSpan), 3),
  row(`the same logout asked of the sandbox directly (one run, concurrency ${concurrency}), s`, s('direct'), 2),
  row('signoffctl start to exit / the direct run', measured.map((m) => m.wall / m.direct), 3),
  row('Signoff overhead: whole command / sandbox span', measured.map((m) => m.wall / m.idpSpan), 3),
  row('IdP runs per logout', measured.map((m) => m.idpRuns), 0),
  '',
  "Signoff's share is the run minus the sandbox's span: the wait for the first call's answer, the gaps",
  "between batches and the last flush. Every change is written to the history (SQLite in the bench's own",
  'data folder) before its JSON line is printed, so these figures include the history.',
  '',
  'Reproduce: `bench/run-logout-bench.sh`.',
  '<!-- logout-bench: end -->',
].join('\n');

const text = readFileSync(resultsFile, 'utf8');
const begin = text.indexOf('<!-- logout-bench: begin');
const endMark = '<!-- logout-bench: end -->';
const end = text.indexOf(endMark);
writeFileSync(resultsFile, begin >= 0 && end > begin
  ? text.slice(0, begin) + section + text.slice(end + endMark.length)
  : `${text.trimEnd()}\n\n${section}\n`);
console.log(section);
