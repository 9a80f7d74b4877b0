#!/usr/bin/env bash
# Time from `java -jar standalone.jar` to its line "AMU catalogue tracker ready in N s", on an empty data
# directory (the first start, which also ingests the two samples) and on the same directory again (a restart).
#
#   services/benchmarks/ready-time.sh [rounds=5] [jar...]
#
# With several jars (say the jar of main and the jar of a branch), each round starts every jar in turn,
# so that the machine's load falls on all of them alike. Each start gets its own data directory and runs on
# ports 2xxxx (BASE_PORT, default 20080), so it does not collide with a standalone already running.
# Besides the wall time, each start reports the CPU seconds its JVMs had used by the ready line (the one
# started and the runtime's, which it launches), a figure that other work on the machine moves much less.
# Prints one line per start and the medians; the load average is printed before and after.
set -euo pipefail

rounds=${1:-5}
shift || true
jars=("$@")
if [ ${#jars[@]} -eq 0 ]; then
  jars=("$(cd "$(dirname "$0")/../.." && pwd)/services/standalone/target/standalone.jar")
fi
base=${BASE_PORT:-20080}
work=$(mktemp -d -t ready-time-XXXXXX)
pid=

# shellcheck source=standalone-run.sh
source "$(dirname "$0")/standalone-run.sh"

# KEEP_LOGS=1 keeps each start's output in $work
trap 'stop "${current:-/nonexistent}"; if [ -n "${KEEP_LOGS:-}" ]; then rm -rf "$work"/data-*; echo "logs in $work"; else rm -rf "$work"; fi' EXIT

# one start: sets seen (seconds from launch to the ready line, as this script saw it), printed (as the JVM said it)
# and cpu (the CPU seconds the JVM had used by then, on all its threads: less sensitive to other work on the machine)
start() {
  local jar=$1 data=$2 log=$3
  local began ended
  began=$(date +%s.%N)
  # shellcheck disable=SC2046
  java -jar "$jar" $(arguments "$data") >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if grep -qs 'ready in' "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the standalone stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.1
  done
  ended=$(date +%s.%N)
  # the JVM and the one it launched, if any (`java -jar standalone.jar` runs the runtime in a second JVM)
  # shellcheck disable=SC2046
  cpu=$(cat "/proc/$pid/stat" $(pgrep -P "$pid" -x java | sed 's|.*|/proc/&/stat|') 2>/dev/null \
    | awk -v tick="$(getconf CLK_TCK)" '{sum += $14 + $15} END {printf "%.1f", sum / tick}')
  seen=$(awk -v a="$began" -v b="$ended" 'BEGIN {printf "%.1f", b - a}')
  printed=$(grep -o 'ready in [0-9.]*' "$log" | awk '{print $3}')
}

median() {
  sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for round in $(seq 1 "$rounds"); do
  for j in "${!jars[@]}"; do
    jar=${jars[$j]}
    current="$work/data-$j-$round"
    start "$jar" "$current" "$work/first-$j-$round.log"
    stop "$current"
    echo "$seen" >>"$work/first-$j"
    echo "$cpu" >>"$work/first-cpu-$j"
    first="first start $seen s (printed $printed s, CPU $cpu s)"
    start "$jar" "$current" "$work/restart-$j-$round.log"
    stop "$current"
    echo "$seen" >>"$work/restart-$j"
    echo "$cpu" >>"$work/restart-cpu-$j"
    echo "round $round  $jar  $first  restart $seen s (printed $printed s, CPU $cpu s)  load $(cut -d' ' -f1 /proc/loadavg)"
    rm -rf "$current"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in "${!jars[@]}"; do
  echo "median of $rounds  ${jars[$j]}  first start $(median <"$work/first-$j") s (CPU $(median <"$work/first-cpu-$j") s)" \
    " restart $(median <"$work/restart-$j") s (CPU $(median <"$work/restart-cpu-$j") s)"
done
