#!/usr/bin/env bash
# Session browsing benchmark: the sandbox IdP seeded with 100,000 sessions, then, interleaved,
# BENCH_ROUNDS times each:
#   curl            fetches the session pages the console fetched (same URLs, same token kind,
#                   one keep-alive connection, bodies discarded): what the IdP and loopback cost;
#   bench_sessions  the console's connector, model, filter proxy and table view (offscreen):
#                   first screenful, all pages, the IdP's share vs the console's own parse and
#                   insert, per-keystroke filtering, VmHWM.
# A first, unreported console run warms the sandbox up and records the page URLs.
# Medians and ranges go into the "Session browsing" section of bench/RESULTS.md.
#   bench/run-sessions-bench.sh          # about 3 minutes, most of it seeding
# Knobs: BENCH_BUILD (build-bench; configured Release unless it exists), BENCH_SESSIONS (100000),
#        BENCH_USERS (10000), BENCH_ROUNDS (3), BENCH_PAGE_SIZE (1000), BENCH_TYPE (user-0001),
#        BENCH_PORT (39410), BENCH_BIN (a bench_sessions built elsewhere, e.g. before a change:
#        nothing is built then).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BENCH_BUILD:-$ROOT/build-bench}
SESSIONS=${BENCH_SESSIONS:-100000}
USERS=${BENCH_USERS:-10000}
ROUNDS=${BENCH_ROUNDS:-3}
PAGE=${BENCH_PAGE_SIZE:-1000}
TYPE=${BENCH_TYPE:-user-0001}
PORT=${BENCH_PORT:-39410}
BASE=http://127.0.0.1:$PORT

BENCH=${BENCH_BIN:-}
if [ -z "$BENCH" ]; then
  [ -f "$BUILD/CMakeCache.txt" ] ||
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIGNOFF_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" --target bench_sessions >/dev/null
  BENCH=$BUILD/bench/bench_sessions
fi
[ -d sandbox/node_modules/oidc-provider ] || (cd sandbox && npm ci --no-audit --no-fund --loglevel=error)

umask 077
TMP=$(mktemp -d)
SANDBOX_PID=
trap '[ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
export QT_LOGGING_RULES='signoff.*.info=false'
[ -n "${XDG_RUNTIME_DIR:-}" ] || { export XDG_RUNTIME_DIR=$TMP/run; mkdir -p "$XDG_RUNTIME_DIR"; }

# The admin secret travels in environment variables and curl's stdin, never on a command line.
SECRET=$(openssl rand -hex 24)
seed_start=$(date +%s%N)
SIGNOFF_SANDBOX_ADMIN_SECRET=$SECRET node sandbox/server.js --port "$PORT" --data "$TMP/data" \
  --seed-users "$USERS" --seed-sessions "$SESSIONS" --quiet >"$TMP/sandbox.out" 2>"$TMP/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 1 1200); do
  grep -q '^SANDBOX READY' "$TMP/sandbox.out" && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$TMP/sandbox.err" >&2; exit 1; }
  sleep 0.5
done
grep -q '^SANDBOX READY' "$TMP/sandbox.out" || { echo "sandbox not ready after 600 s" >&2; exit 1; }
SEED_S=$(( ($(date +%s%N) - seed_start) / 1000000000 ))
echo "sandbox seeded with $SESSIONS sessions in ${SEED_S} s" >&2

TOKEN=$(printf 'user = "signoff-admin:%s"\n' "$SECRET" |
  curl -sf -K - -d grant_type=client_credentials -d scope=admin "$BASE/token" |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no admin token" >&2; exit 1; }
printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" >"$TMP/auth.cfg"

console() { SIGNOFF_BENCH_ADMIN_SECRET=$SECRET "$BENCH" --url "$BASE" --page-size "$PAGE" --type "$TYPE" "$@"; }
console --urls-out "$TMP/urls.txt" >/dev/null
sed 's/.*/url = "&"\noutput = "\/dev\/null"/' "$TMP/urls.txt" >"$TMP/urls.cfg"

: >"$TMP/rounds.jsonl"
for r in $(seq 1 "$ROUNDS"); do
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s%N)
  curl -s -K "$TMP/auth.cfg" -K "$TMP/urls.cfg" -w '%{http_code} %{time_total} %{size_download}\n' >"$TMP/curl.txt"
  curl_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  curl_json=$(awk -v wall="$curl_ms" '{ if ($1 != 200) bad++; t += $2; b += $3 }
    END { printf "{\"wall_ms\":%d,\"transfer_ms\":%.1f,\"bytes\":%d,\"pages\":%d,\"failed\":%d}", wall, t * 1000, b, NR, bad }' "$TMP/curl.txt")
  console_json=$(console)
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  echo "{\"curl\":$curl_json,\"console\":$console_json,\"load\":[$load_before,$load_after]}" >>"$TMP/rounds.jsonl"
  echo "round $r: curl ${curl_ms} ms, console $(echo "$console_json" | sed -n 's/.*"all_loaded_ms":\([0-9]*\).*/\1/p') ms" >&2
done

MACHINE="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/{print $2}') GiB, Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), Node $(node --version), $(date +%F)"
SECTION=$(node - "$TMP/rounds.jsonl" "$MACHINE" "$SESSIONS" "$USERS" "$PAGE" "$TYPE" "$SEED_S" <<'EOF'
const fs = require('fs');
const [file, machine, sessions, users, page, typed, seedS] = process.argv.slice(2);
const rounds = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const med = (a) => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (v, d) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const row = (label, values, d, goal = '') => {
  const lo = Math.min(...values), hi = Math.max(...values);
  return `| ${label} | **${fmt(med(values), d)}** | ${fmt(lo, d)}–${fmt(hi, d)} | ${goal} |`;
};
const c = (k) => rounds.map((r) => r.console[k]);
const s = (k) => rounds.map((r) => r.console[k] / 1000);
const ratio = rounds.map((r) => r.console.all_loaded_ms / r.curl.wall_ms);
const first = rounds[0].console;
const lines = [
  '## Session browsing at 100,000 sessions',
  '',
  `Machine: ${machine}. Sandbox seeded with ${fmt(+sessions, 0)} sessions over ${fmt(+users, 0)} users in ${seedS} s;`,
  `${first.pages} pages of ${page} (${fmt(first.bytes / 1048576, 1)} MiB of JSON), ${fmt(first.rows, 0)} rows, ${fmt(first.unique_ids, 0)} distinct session ids. ${rounds.length} rounds, each curl then the console,`,
  `interleaved; medians with ranges. Load average (1 min) before/after each round: ${rounds.map((r) => r.load.join('/')).join(', ')}.`,
  '',
  '| | median | range | goal |',
  '|---|---|---|---|',
  row('first screenful painted, s (token + first page + parse + insert + paint)', s('first_screen_ms'), 3, '≤ 0.5'),
  row('all pages loaded, console, s', s('all_loaded_ms'), 2),
  row('same pages, curl (one keep-alive connection), s', rounds.map((r) => r.curl.wall_ms / 1000), 2),
  row('console / curl, same round', ratio, 2, '≤ 1.3'),
  row('IdP time seen by the console (request → reply finished, summed; overlaps parsing), s', s('idp_ms'), 2),
  row('console parse (reply finished → page of IdpSession), s', s('parse_ms'), 2),
  row('console insert (SessionModel::append), s', s('insert_ms'), 3),
  row('console CPU while loading (all threads), s', s('load_cpu_ms'), 2),
  row(`filter keystroke until painted, median over "${typed}", ms`, c('key_median_ms'), 1, '≤ 50'),
  row('filter keystroke until painted, max, ms', c('key_max_ms'), 1, '≤ 50'),
  row('filter cleared (all rows back) until painted, ms', c('clear_ms'), 1),
  row('VmHWM after loading, MB', rounds.map((r) => r.console.vmhwm_kb / 1024), 0, '≤ 200'),
  '',
  'Per keystroke (median over rounds), ms until painted / of which filtering / rows left:',
  '',
  '| typed | ' + first.keys.map((k) => `\`${k.text}\``).join(' | ') + ' |',
  '|---|' + first.keys.map(() => '---|').join(''),
  '| ms | ' + first.keys.map((_, i) => fmt(med(rounds.map((r) => r.console.keys[i].ms)), 1)).join(' | ') + ' |',
  '| filtering | ' + first.keys.map((_, i) => fmt(med(rounds.map((r) => r.console.keys[i].filter_ms)), 1)).join(' | ') + ' |',
  '| rows | ' + first.keys.map((k) => fmt(k.rows, 0)).join(' | ') + ' |',
];
console.log(lines.join('\n'));
EOF
)
node - bench/RESULTS.md "$SECTION" <<'EOF'
const fs = require('fs');
const [file, section] = process.argv.slice(2);
const begin = '<!-- sessions-bench: begin (bench/run-sessions-bench.sh writes this section) -->';
const end = '<!-- sessions-bench: end -->';
const text = fs.readFileSync(file, 'utf8');
const block = `${begin}\n${section}\n\nReproduce: \`bench/run-sessions-bench.sh\`.\n${end}`;
const i = text.indexOf(begin), j = text.indexOf(end);
fs.writeFileSync(file, i >= 0 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`);
EOF
echo "$SECTION"
