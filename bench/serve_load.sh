#!/usr/bin/env bash
# Load run of `cadre-kg serve` (README, "Serving queries under load"):
# 32 clients send the questions of queries/ for 30 s with wrk, against
# 127.0.0.1 only; meanwhile a runaway query must be stopped at the
# server's deadline, and an incremental rebuild committed while the load
# runs must lose no request.
#
#   bench/serve_load.sh CORPUS WORKDIR [SECONDS] [CLIENTS]
#
# CORPUS is copied into WORKDIR (10 of its articles are changed there for
# the rebuild); WORKDIR/store is built first if missing. wrk comes from
# Debian's packages (installed here, never by the tests).
set -euo pipefail
corpus=${1:?usage: serve_load.sh CORPUS WORKDIR [SECONDS] [CLIENTS]}
work=${2:?usage: serve_load.sh CORPUS WORKDIR [SECONDS] [CLIENTS]}
seconds=${3:-30}
clients=${4:-32}
timeout=30
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=$repo/target/release/cadre-kg
if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
mkdir -p "$work"
if [ ! -d "$work/corpus" ]; then cp -r "$corpus" "$work/corpus"; fi
if [ ! -f "$work/store/CURRENT" ]; then
  "$bin" build --corpus "$work/corpus" --store "$work/store" --jobs 2 >/dev/null
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
RUST_LOG=warn "$bin" serve --store "$work/store" --bind "127.0.0.1:$port" \
  --timeout $timeout --max-concurrent 64 2>"$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "$url/health" >/dev/null; do sleep 0.2; done
before=$(curl -s "$url/health")

wrk -t2 -c"$clients" -d"${seconds}s" --timeout 60s --latency \
  -s "$repo/bench/serve_load.lua" "$url" -- "$repo"/queries/*.rq >"$work/wrk.txt" &
load=$!

# A runaway query: three article-graph patterns crossed.
sleep 3
runaway='SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z } }'
curl -s -o "$work/runaway.txt" -w '%{http_code} %{time_total}\n' "$url/query" \
  --data-urlencode "query=$runaway" >"$work/runaway.status" &
runaway_pid=$!

# An incremental rebuild committed under load: 10 articles changed.
sleep 2
for f in $(ls "$work/corpus" | head -10); do
  printf '\n本文于%s补充更新。\n' "$(date +%s%N)" >>"$work/corpus/$f"
done
build_started=$(date +%s%N)
"$bin" build --corpus "$work/corpus" --store "$work/store" --jobs 1 \
  --report "$work/rebuild.json" >"$work/rebuild.txt"
build_ms=$(( ($(date +%s%N) - build_started) / 1000000 ))

wait $runaway_pid
wait $load
after=$(curl -s "$url/health")

echo "== wrk: $clients clients, ${seconds} s, queries/*.rq in turn"
cat "$work/wrk.txt"
echo "== runaway query (deadline ${timeout} s): status, seconds"
cat "$work/runaway.status"
echo "== rebuild under load: ${build_ms} ms"
grep -E '^(mode|articles|kept)' "$work/rebuild.txt" || true
echo "== health before: $before"
echo "== health after:  $after"
