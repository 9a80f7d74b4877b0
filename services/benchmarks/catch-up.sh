#!/usr/bin/env bash
# Catch-up after kill -9: the standalone is killed with SIGKILL right after an upload returned, started
# again on the same data directory, and timed from its line "ready in" to the upload's links being in
# the projections API (all 94 links of the sample document, uploaded as a new FKB).
#
#   services/benchmarks/catch-up.sh [rounds=5] [jar]
#
# Each round uses a new data directory and ports 2xxxx (BASE_PORT, default 21080). Prints one line per
# round (with the ready time of the restart, for the anchor) and the medians; the load average before
# and after. Needs curl.
set -euo pipefail

rounds=${1:-5}
jar=${2:-"$(cd "$(dirname "$0")/../.." && pwd)/services/standalone/target/standalone.jar"}
base=${BASE_PORT:-21080}
document="$(cd "$(dirname "$0")/../.." && pwd)/services/ingest/src/main/resources/samples/viden-og-forretningsservice.txt"
work=$(mktemp -d -t catch-up-XXXXXX)
export CATALOGUE_ADMIN_TOKEN=catch-up-benchmark
pid=

# shellcheck source=standalone-run.sh
source "$(dirname "$0")/standalone-run.sh"
trap 'stop "${current:-/nonexistent}"; rm -rf "$work"' EXIT

# starts the jar and waits for its ready line; sets ready (epoch seconds when the line was seen) and took
start() {
  local data=$1 log=$2 began
  began=$(date +%s.%N)
  # shellcheck disable=SC2046
  java -jar "$jar" $(arguments "$data") >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if grep -qs 'ready in' "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the standalone stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  ready=$(date +%s.%N)
  took=$(awk -v a="$began" -v b="$ready" 'BEGIN {printf "%.1f", b - a}')
}

links() {
  curl -fsS "http://127.0.0.1:$base/api/fkbs/$1/links?size=1000" 2>/dev/null | grep -o '"courseNumber"' | wc -l || echo 0
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for round in $(seq 1 "$rounds"); do
  current="$work/data-$round"
  fkb="catch-up-$round"
  start "$current" "$work/first-$round.log"
  curl -fsS -o /dev/null -H "Authorization: Bearer $CATALOGUE_ADMIN_TOKEN" -F "file=@$document" \
    "http://127.0.0.1:$((base + 2))/api/fkbs/$fkb/documents?title=Catch-up&force=true"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  start "$current" "$work/restart-$round.log"
  while [ "$(links "$fkb")" -lt 94 ]; do sleep 0.05; done
  visible=$(date +%s.%N)
  caught=$(awk -v a="$ready" -v b="$visible" 'BEGIN {printf "%.2f", b - a}')
  echo "$caught" >>"$work/caught"
  echo "$took" >>"$work/ready"
  echo "round $round  restart ready in $took s  upload visible $caught s after ready  load $(cut -d' ' -f1 /proc/loadavg)"
  stop "$current"
  rm -rf "$current"
done
median() {
  sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median of $rounds  restart ready $(median <"$work/ready") s  catch-up after ready $(median <"$work/caught") s"
