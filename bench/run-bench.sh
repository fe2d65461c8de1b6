#!/usr/bin/env bash
# Mock RP benchmark: end-to-end throughput of valid logout tokens over loopback keep-alive
# connections, RS256 and ES256, against (a) `openssl speed` verify/s on this machine and
# (b) a minimal node:http + jose endpoint doing the same checks. Writes bench/RESULTS.md.
#   bench/run-bench.sh                 # quick run (about 2 minutes)
#   BENCH_SOAK=1000000 bench/run-bench.sh   # adds the 1,000,000-request memory check
# Knobs: BENCH_BUILD (build-bench), BENCH_RS (20000 tokens), BENCH_ES (40000), BENCH_CONN (4).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BENCH_BUILD:-$ROOT/build-bench}
RS_COUNT=${BENCH_RS:-20000}
ES_COUNT=${BENCH_ES:-40000}
CONN=${BENCH_CONN:-4}
SOAK=${BENCH_SOAK:-0}
PORT_RP=39401
PORT_NODE=39402
ISS=https://op.bench.test
CLIENT=bench-rp

if [ ! -x "$BUILD/app/signoffctl" ] || [ ! -x "$BUILD/bench/bench_loadgen" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIGNOFF_BUILD_TESTS=OFF >/dev/null
  cmake --build "$BUILD" --target signoffctl bench_loadgen
fi
[ -d tests/fixtures/node/node_modules/jose ] || (cd tests/fixtures/node && npm ci --no-audit --no-fund --loglevel=error)
SIGNOFFCTL=$BUILD/app/signoffctl
LOADGEN=$BUILD/bench/bench_loadgen
TMP=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$TMP"' EXIT
export QT_LOGGING_RULES='signoff.*.info=false'

json() { node -e "const o=JSON.parse(require('fs').readFileSync(0,'utf8'));console.log($1)"; }
wait_port() { for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; return 1; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Runs the load against PID's endpoint; appends the server's CPU time per request (µs) to the JSON.
measure() { # $1 pid, $2 port, $3 token file
  local t0 t1 out
  t0=$(cpu_ticks "$1")
  out=$("$LOADGEN" run --url "http://127.0.0.1:$2/backchannel-logout" --tokens "$3" --connections "$CONN")
  t1=$(cpu_ticks "$1")
  echo "$out" | node -e "const o=JSON.parse(require('fs').readFileSync(0,'utf8'));o.server_cpu_us=($t1-$t0)*1e6/$(getconf CLK_TCK)/o.requests;console.log(JSON.stringify(o))"
}

speed() { # $1 = openssl speed algorithm; prints verify/s (single process, one core)
  openssl speed -seconds 5 "$1" 2>/dev/null | awk '/^rsa 2048|^ 256 bits ecdsa|256 bits ecdsa \(nistp256\)/{print $NF}' | tail -1
}
echo "openssl speed (5 s each)..."
RSA_VERIFY=$(speed rsa2048)
EC_VERIFY=$(speed ecdsap256)

declare -A RES
for ALG in RS256 ES256; do
  COUNT=$RS_COUNT; [ "$ALG" = ES256 ] && COUNT=$ES_COUNT
  DIR=$TMP/$ALG
  echo "$ALG: signing $COUNT tokens (not timed)..."
  "$LOADGEN" prepare --alg "$ALG" --count "$COUNT" --out "$DIR"

  "$SIGNOFFCTL" mock-rp --listen 127.0.0.1:$PORT_RP --issuer $ISS --client-id $CLIENT \
      --jwks-uri "$DIR/jwks.json" --alg "$ALG" >/dev/null 2>"$TMP/rp.err" &
  RP=$!; PIDS+=("$RP"); wait_port $PORT_RP
  RES[$ALG,rp]=$(measure "$RP" $PORT_RP "$DIR/tokens.txt")
  RES[$ALG,rp_rss]=$(rss_kb "$RP")
  kill -TERM "$RP"; wait "$RP" || true

  node bench/node-endpoint.mjs $PORT_NODE "$DIR/jwks.json" "$ALG" $ISS $CLIENT >/dev/null &
  NODE=$!; PIDS+=("$NODE"); wait_port $PORT_NODE
  RES[$ALG,node]=$(measure "$NODE" $PORT_NODE "$DIR/tokens.txt")
  kill "$NODE"; wait "$NODE" 2>/dev/null || true
  echo "$ALG signoff: ${RES[$ALG,rp]}"
  echo "$ALG node:    ${RES[$ALG,node]}"
done

SOAK_TEXT="Not run in this invocation (set BENCH_SOAK=1000000)."
if [ "$SOAK" -gt 0 ]; then
  echo "soak: $SOAK ES256 requests, RSS sampled every 5 s..."
  "$SIGNOFFCTL" mock-rp --listen 127.0.0.1:$PORT_RP --issuer $ISS --client-id $CLIENT \
      --jwks-uri "$TMP/ES256/jwks.json" --alg ES256 >/dev/null 2>&1 &
  RP=$!; PIDS+=("$RP"); wait_port $PORT_RP
  "$LOADGEN" run --url http://127.0.0.1:$PORT_RP/backchannel-logout --soak "$SOAK" --out "$TMP/ES256" \
      --connections "$CONN" > "$TMP/soak.json" &
  LG=$!
  SAMPLES=()
  while kill -0 "$LG" 2>/dev/null; do SAMPLES+=("$(rss_kb "$RP")"); sleep 5; done
  wait "$LG" || true
  END_RSS=$(rss_kb "$RP")
  kill -TERM "$RP"; wait "$RP" || true
  N=${#SAMPLES[@]}
  SOAK_TEXT="$(json "o.requests+' requests ('+o.ok+' accepted) in '+o.seconds.toFixed(0)+' s, '+o.rps.toFixed(0)+' req/s, p50 '+o.p50_ms.toFixed(2)+' ms, p99 '+o.p99_ms.toFixed(2)+' ms'" < "$TMP/soak.json"). mock-rp RSS (KiB) sampled every 5 s: first ${SAMPLES[0]:-?}, after 25% ${SAMPLES[$((N/4))]:-?}, after 50% ${SAMPLES[$((N/2))]:-?}, after 75% ${SAMPLES[$((N*3/4))]:-?}, end $END_RSS (the jti replay cache is capped at 100,000 entries; records ring at 1,000)."
fi

row() { # $1 alg, $2 which
  echo "${RES[$1,$2]}" | json "o.rps.toFixed(0)+' | '+o.p50_ms.toFixed(2)+' | '+o.p99_ms.toFixed(2)+' | '+o.server_cpu_us.toFixed(0)+' | '+o.ok+'/'+o.requests"
}
rps() { echo "${RES[$1,$2]}" | json "o.rps.toFixed(0)"; }
# Requests per second of server CPU: what one core could sustain if the load generator kept up.
cpurps() { echo "${RES[$1,$2]}" | json "(1e6/o.server_cpu_us).toFixed(0)"; }
ratio() { node -e "console.log(($1/$2).toFixed(2))"; }
CPU=$(awk -F: '/model name/{print $2; exit}' /proc/cpuinfo | sed 's/^ *//')
cat > bench/RESULTS.md <<MD
# Mock RP benchmark

Machine: $(nproc) cores ($CPU), $(free -g | awk '/Mem:/{print $2}') GiB, $(openssl version | cut -d' ' -f1-2), Node $(node --version), $(date -u +%Y-%m-%d).
Load: \`bench_loadgen\`, $CONN keep-alive connections over 127.0.0.1, one request in flight per
connection, every request a distinct valid logout token (so every one is fully verified and
its jti remembered). Server and load generator share the machine's $(nproc) cores; both
servers are single-threaded (one Qt event loop, one Node event loop).

| | req/s | p50 ms | p99 ms | server CPU µs/request | accepted |
|---|---|---|---|---|---|
| signoffctl mock-rp, RS256 | $(row RS256 rp) |
| node:http + jose, RS256 | $(row RS256 node) |
| signoffctl mock-rp, ES256 | $(row ES256 rp) |
| node:http + jose, ES256 | $(row ES256 node) |

| ratio | RS256 | ES256 |
|---|---|---|
| \`openssl speed -seconds 5\` verify/s, one core | $RSA_VERIFY (rsa2048) | $EC_VERIFY (ecdsap256) |
| mock-rp / openssl verify/s (goal ≥ 0.5 for RSA) | $(ratio "$(rps RS256 rp)" "$RSA_VERIFY") | $(ratio "$(rps ES256 rp)" "$EC_VERIFY") |
| mock-rp / Node endpoint, req/s (goal ≥ 2) | $(ratio "$(rps RS256 rp)" "$(rps RS256 node)") | $(ratio "$(rps ES256 rp)" "$(rps ES256 node)") |
| requests per server CPU-second: mock-rp | $(cpurps RS256 rp) | $(cpurps ES256 rp) |
| requests per server CPU-second: Node | $(cpurps RS256 node) | $(cpurps ES256 node) |
| mock-rp / openssl verify/s, per CPU-second | $(ratio "$(cpurps RS256 rp)" "$RSA_VERIFY") | $(ratio "$(cpurps ES256 rp)" "$EC_VERIFY") |
| mock-rp / Node, per CPU-second | $(ratio "$(cpurps RS256 rp)" "$(cpurps RS256 node)") | $(ratio "$(cpurps ES256 rp)" "$(cpurps ES256 node)") |

mock-rp RSS after the runs: RS256 ${RES[RS256,rp_rss]} KiB, ES256 ${RES[ES256,rp_rss]} KiB.

Memory over 1,000,000 requests: $SOAK_TEXT

Reproduce: \`bench/run-bench.sh\` (add \`BENCH_SOAK=1000000\` for the memory run). It builds a
Release tree in build-bench/ if needed; tokens are signed before timing starts.
MD
cat bench/RESULTS.md
