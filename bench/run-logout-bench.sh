#!/usr/bin/env bash
# Logout benchmark: a 10,000-session logout on the sandbox through `signoffctl logout --rp
# demo-healthy --yes --json` (one delivery per session), BENCH_ROUNDS times on freshly seeded
# sessions. Per round: signoffctl's wall time (plan: RPs, lint, 10,000 sessions listed; the run:
# batches of 500 to the sandbox, the live event stream, a JSON line per delivery), and the
# sandbox's own time for the same deliveries (from the first of Signoff's IdP runs starting to
# the last one finishing, GET /admin/runs/{id}). The ratio of the two is Signoff's overhead.
# bench/logout-report.mjs checks the output (every delivery once) and writes the "Logout run"
# section of bench/RESULTS.md. Each round also asks the sandbox for the same logout directly
# (POST /admin/logout, one run, same concurrency) for comparison.
#   bench/run-logout-bench.sh            # about 3 minutes
# Knobs: BENCH_BUILD (build-bench; configured Release unless it exists), BENCH_SESSIONS (10000),
#        BENCH_ROUNDS (3), BENCH_CONCURRENCY (32: signoffctl --concurrency), BENCH_PORT (39420).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BENCH_BUILD:-$ROOT/build-bench}
SESSIONS=${BENCH_SESSIONS:-10000}
ROUNDS=${BENCH_ROUNDS:-3}
CONCURRENCY=${BENCH_CONCURRENCY:-32}
PORT=${BENCH_PORT:-39420}
BASE=http://127.0.0.1:$PORT

[ -f "$BUILD/CMakeCache.txt" ] ||
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIGNOFF_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target signoffctl >/dev/null
SIGNOFFCTL=$BUILD/app/signoffctl
[ -d sandbox/node_modules/oidc-provider ] || (cd sandbox && npm ci --no-audit --no-fund --loglevel=error)

umask 077
TMP=$(mktemp -d)
SANDBOX_PID=
trap '[ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
export QT_LOGGING_RULES='signoff.*.info=false'
[ -n "${XDG_RUNTIME_DIR:-}" ] || { export XDG_RUNTIME_DIR=$TMP/run; mkdir -p "$XDG_RUNTIME_DIR"; }

# signoffctl in its own home: a sandbox profile on this port; the sandbox keeps its admin secret
# in the data folder signoffctl reads it from (never on a command line).
export XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data
DATA=$XDG_DATA_HOME/Signoff/sandbox
mkdir -p "$XDG_CONFIG_HOME/Signoff" "$DATA"
cat >"$XDG_CONFIG_HOME/Signoff/Signoff.ini" <<EOF
[profiles]
1\\id=bench
1\\name=Bench
1\\kind=sandbox
1\\baseUrl=$BASE
1\\clientId=signoff-admin
size=1
EOF

node sandbox/server.js --port "$PORT" --data "$DATA" --quiet >"$TMP/sandbox.out" 2>"$TMP/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 1 600); do
  grep -q '^SANDBOX READY' "$TMP/sandbox.out" && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$TMP/sandbox.err" >&2; exit 1; }
  sleep 0.2
done
grep -q '^SANDBOX READY' "$TMP/sandbox.out" || { echo "sandbox not ready" >&2; exit 1; }

admin_token() {
  printf 'user = "signoff-admin:%s"\n' "$(cat "$DATA/admin-secret")" |
    curl -sf -K - -d grant_type=client_credentials -d scope=admin "$BASE/token" |
    sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
TOKEN=$(admin_token)
[ -n "$TOKEN" ] || { echo "no admin token" >&2; exit 1; }
printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" >"$TMP/auth.cfg"

: >"$TMP/rounds.jsonl"
seed() {
  curl -sf -K "$TMP/auth.cfg" -H 'Content-Type: application/json' \
    -d "{\"users\":1000,\"sessions\":$SESSIONS,\"clients\":[\"demo-healthy\"],\"clients_per_session\":1}" \
    "$BASE/admin/seed" >/dev/null
}
for r in $(seq 1 "$ROUNDS"); do
  seed
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s%N)
  set +e
  "$SIGNOFFCTL" logout --profile bench --rp demo-healthy --yes --json --concurrency "$CONCURRENCY" \
    >"$TMP/out-$r.jsonl" 2>"$TMP/err-$r.txt"
  code=$?
  set -e
  wall_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  [ "$code" = 0 ] || [ "$code" = 3 ] || { cat "$TMP/err-$r.txt" >&2; exit 1; }
  # The same logout asked of the sandbox directly, in one run at the same concurrency: what the
  # IdP alone takes when nobody batches, streams or prints.
  seed
  direct=$(curl -sf -K "$TMP/auth.cfg" -H 'Content-Type: application/json' \
    -d "{\"client_id\":\"demo-healthy\",\"concurrency\":$CONCURRENCY,\"include_expected\":false}" \
    "$BASE/admin/logout" | sed -n 's/.*"run_id":"\([^"]*\)".*/\1/p')
  [ -n "$direct" ] || { echo "direct logout refused" >&2; exit 1; }
  for _ in $(seq 1 3000); do
    curl -sf -K "$TMP/auth.cfg" "$BASE/admin/runs/$direct" | grep -q '"status":"finished"' && break
    sleep 0.2
  done
  echo "{\"round\":$r,\"exit\":$code,\"wall_ms\":$wall_ms,\"out\":\"$TMP/out-$r.jsonl\",\"direct\":\"$direct\",\"load\":[$load_before,$load_after]}" \
    >>"$TMP/rounds.jsonl"
  echo "round $r: signoffctl ${wall_ms} ms, exit $code" >&2
done

MACHINE="$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/Mem:/{print $2}') GiB, Qt $(qtpaths6 --qt-version 2>/dev/null || echo 6), Node $(node --version), $(date +%F)"
SIGNOFF_BENCH_TOKEN=$TOKEN node bench/logout-report.mjs "$TMP/rounds.jsonl" "$BASE" "$SESSIONS" "$CONCURRENCY" \
  "$MACHINE" bench/RESULTS.md
