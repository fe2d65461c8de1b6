#!/usr/bin/env bash
# Outcome ingest benchmark: bench_ingest feeds BENCH_RATE outcome events per second for
# BENCH_SECONDS into a live logout run whose every change is committed to the history (through the
# HistoryWriter thread, as the console does) and then shown on the Deliveries page (offscreen, visible), BENCH_ROUNDS times, then BENCH_ROUNDS times without the history
# (what the history costs). The GUI event loop's stalls are a 5 ms timer's lateness; at the end
# every delivery is compared in the ledger, the model and the history.
# Medians and ranges go into the "Outcome ingest" section of bench/RESULTS.md.
#   bench/run-ingest-bench.sh          # about 4 minutes on 2 cores
# Knobs: BENCH_BUILD (build-bench; configured Release unless it exists), BENCH_RATE (20000),
#        BENCH_SECONDS (10), BENCH_RPS (10 RPs per session), BENCH_ROUNDS (3),
#        BENCH_BIN (a bench_ingest built elsewhere: nothing is built then).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BENCH_BUILD:-$ROOT/build-bench}
RATE=${BENCH_RATE:-20000}
SECONDS_=${BENCH_SECONDS:-10}
RPS=${BENCH_RPS:-10}
ROUNDS=${BENCH_ROUNDS:-3}

BENCH=${BENCH_BIN:-}
if [ -z "$BENCH" ]; then
  [ -f "$BUILD/CMakeCache.txt" ] ||
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIGNOFF_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" --target bench_ingest >/dev/null
  BENCH=$BUILD/bench/bench_ingest
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='signoff.*.info=false'
[ -n "${XDG_RUNTIME_DIR:-}" ] || { export XDG_RUNTIME_DIR=$TMP/run; mkdir -m 700 -p "$XDG_RUNTIME_DIR"; }

: >"$TMP/rounds.jsonl"
run_one() {
  local load_before load_after out
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  out=$("$BENCH" --rate "$RATE" --seconds "$SECONDS_" --rps "$RPS" "$@" 2>"$TMP/stderr") ||
    { cat "$TMP/stderr" >&2; echo "$out" >&2; echo "bench_ingest failed" >&2; exit 1; }
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  echo "{\"run\":$out,\"load\":[$load_before,$load_after]}" >>"$TMP/rounds.jsonl"
  echo "$out" | sed -n 's/.*"stall_max_ms":\([0-9.]*\).*"stall_p99_ms":\([0-9.]*\).*/stall max \1 ms, p99 \2 ms/p' >&2
}
for r in $(seq 1 "$ROUNDS"); do echo "round $r" >&2; run_one; done
for r in $(seq 1 "$ROUNDS"); do echo "without the history, round $r" >&2; run_one --no-history; done

MACHINE="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/{print $2}') GiB, Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), $(date +%F)"
SECTION=$(node - "$TMP/rounds.jsonl" "$MACHINE" <<'JS'
const fs = require('fs');
const [file, machine] = process.argv.slice(2);
const all = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const rounds = all.filter((r) => r.run.history);
const bare = all.filter((r) => !r.run.history);
const med = (a) => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (v, d) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const row = (label, values, d, goal = '') => {
  const lo = Math.min(...values), hi = Math.max(...values);
  return `| ${label} | **${fmt(med(values), d)}** | ${fmt(lo, d)}–${fmt(hi, d)} | ${goal} |`;
};
const v = (set, k) => set.map((r) => r.run[k]);
const first = rounds[0].run;
const dropped = rounds.map((r) => r.run.model_mismatch + r.run.history_mismatch + r.run.ledger_pending + (r.run.deliveries - r.run.history_rows));
const lines = [
  '## Outcome ingest at 20,000 events per second',
  '',
  `Machine: ${machine}. ${fmt(first.rate, 0)} outcome events per second for ${first.seconds} s (${fmt(first.events, 0)} events, one per`,
  `delivery of ${fmt(first.deliveries, 0)}) from a live run's IdP outcome feed, in batches every 5 ms, into the ledger, the history`,
  '(the commit hook hands batches of at most 5,000 rows to the HistoryWriter thread, SQLite WAL; a batch is shown once written) and the',
  'Deliveries page (table, per-RP summary, chart; offscreen, visible).',
  `Stalls: lateness of a 5 ms timer on the GUI thread ("on the CPU": the part of it the thread spent working, the rest is the machine running something else). ${rounds.length} rounds with the history, then ${bare.length} without; medians with ranges.`,
  `Load average (1 min) before/after each round: ${all.map((r) => r.load.join('/')).join(', ')}.`,
  '',
  '| | median | range | goal |',
  '|---|---|---|---|',
  row('longest event-loop stall, ms', v(rounds, 'stall_max_ms'), 1, '< 50'),
  row('p99 event-loop stall, ms', v(rounds, 'stall_p99_ms'), 1),
  row('p50 event-loop stall, ms', v(rounds, 'stall_p50_ms'), 2),
  row('longest stall, the part the GUI thread was on the CPU, ms', v(rounds, 'stall_on_cpu_max_ms'), 1),
  row('stalls over 50 ms', v(rounds, 'stalls_over_50ms'), 0, '0'),
  row('deliveries missing or stale in model or history, or left pending', dropped, 0, '0'),
  row('wall time of the ingest (last event shown), s', rounds.map((r) => r.run.ingest_ms / 1000), 2),
  row('CPU during the ingest (all threads), s', rounds.map((r) => r.run.ingest_cpu_ms / 1000), 2),
  row('history commits (commit hook calls)', v(rounds, 'history_saves'), 0),
  row('history commit, hook to committed, p50, ms', v(rounds, 'history_save_p50_ms'), 1),
  row('history commit, hook to committed, max, ms', v(rounds, 'history_save_max_ms'), 1),
  row('history commit per delivery row (writer thread, wall), µs', rounds.map((r) => 1000 * r.run.history_save_total_ms / Math.max(1, r.run.history_rows_saved)), 1),
  row('GUI thread CPU during the ingest, s', rounds.map((r) => r.run.ingest_gui_thread_cpu_ms / 1000), 2),
  row('model flushes (batches into the table)', v(rounds, 'model_flushes'), 0),
  ...(bare.length ? [
    row('without the history: longest stall, ms', v(bare, 'stall_max_ms'), 1),
    row('without the history: p99 stall, ms', v(bare, 'stall_p99_ms'), 1),
    row('without the history: longest stall on the CPU, ms', v(bare, 'stall_on_cpu_max_ms'), 1),
    row('without the history: stalls over 50 ms', v(bare, 'stalls_over_50ms'), 0),
    row('without the history: CPU during the ingest, s', bare.map((r) => r.run.ingest_cpu_ms / 1000), 2),
  ] : []),
];
console.log(lines.join('\n'));
JS
)
node - bench/RESULTS.md "$SECTION" <<'JS'
const fs = require('fs');
const [file, section] = process.argv.slice(2);
const begin = '<!-- ingest-bench: begin (bench/run-ingest-bench.sh writes this section) -->';
const end = '<!-- ingest-bench: end -->';
const text = fs.readFileSync(file, 'utf8');
const block = `${begin}\n${section}\n\nReproduce: \`bench/run-ingest-bench.sh\`.\n${end}`;
const i = text.indexOf(begin), j = text.indexOf(end);
fs.writeFileSync(file, i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`);
JS
echo "$SECTION"
