#!/usr/bin/env bash
# Scale-out simulation on one machine: N sandbox portals, one `roleform plan` each, P at a time
# (as a CI matrix or Kubernetes Jobs would run them; docs/many-portals.md). Each job starts its
# own sandbox portal (a separate JVM on a free loopback port, profile secure-exchanges), waits
# for it, runs `roleform plan examples/secure-exchanges --detailed-exitcode` against it through
# the ./roleform launcher's JVM options, and stops the portal.
# Prints and writes to bench/RESULTS-many-portals.md: wall time of the whole run, plan time per
# portal (median, p95, max), peak RSS of one plan process, and the peak summed RSS of all
# roleform plan processes running at once (sampled every 100 ms), with `uptime` load.
# The floor, measured in the same run: one plan alone (no other job running).
#
# Usage: bench/many-portals.sh [PORTALS=100] [PARALLEL=4]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100}
P=${2:-4}
[ -f target/roleform.jar ] || ./mvnw -B -q -DskipTests -Djib.skip package
work=$(mktemp -d)
trap 'kill $(cat "$work"/*.sandbox 2>/dev/null) 2>/dev/null || true; kill "${sampler:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m"

one() { # index
  local i=$1 port dir="$work/p$1"
  mkdir -p "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  java $JAVA_OPTS -jar target/roleform.jar sandbox --port "$port" --data ":memory:" --profile secure-exchanges \
    > "$dir/sandbox.log" 2>&1 &
  echo $! > "$work/$i.sandbox"
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null -H 'Authorization: Bearer demo-read' "http://127.0.0.1:$port/api/v1/portal" 2>/dev/null && break
    sleep 0.1
  done
  local t0 t1 code=0
  t0=$(date +%s%N)
  ROLEFORM_TOKEN=demo-read NO_COLOR=1 /usr/bin/time -f '%M' -o "$dir/rss" \
    java -Droleform.bench.plan=1 $JAVA_OPTS -jar target/roleform.jar plan examples/secure-exchanges \
    --portal "http://127.0.0.1:$port" --detailed-exitcode > "$dir/plan.txt" 2> "$dir/plan.err" || code=$?
  t1=$(date +%s%N)
  kill "$(cat "$work/$i.sandbox")" 2>/dev/null || true
  rm -f "$work/$i.sandbox"
  [ "$code" = 2 ] || { echo "portal $i: plan exited $code" >&2; cat "$dir/plan.err" >&2; return 1; }
  echo "$i $(( (t1 - t0) / 1000000 )) $(tail -1 "$dir/rss")" >> "$work/results"
}
export -f one
export work JAVA_OPTS

# Samples the summed RSS (KiB) of all running plan processes.
sample() {
  local peak=0 sum
  while :; do
    # `ps -C java` exits 1 while no JVM runs; under `set -e -o pipefail` that used to end the
    # sampler at once, so the peak read 0. Sum with ps's status ignored.
    sum=$( (ps -C java -o rss=,args= 2>/dev/null || true) | awk '/roleform.bench.plan=1/ {s += $1} END {print s + 0}')
    [ "$sum" -gt "$peak" ] && peak=$sum && echo "$peak" > "$work/peak"
    sleep 0.1
  done
}

echo "floor: one portal, one plan, nothing else running ..."
one 0
floor=$(awk '$1 == 0 {print $2, $3}' "$work/results")
: > "$work/results"

echo "$N portals, $P at a time ..."
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
sample & sampler=$!
t0=$(date +%s%N)
seq 1 "$N" | xargs -P "$P" -I{} bash -c 'one {}'
t1=$(date +%s%N)
kill "$sampler" 2>/dev/null || true
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
wall_ms=$(( (t1 - t0) / 1000000 ))
done_count=$(wc -l < "$work/results")
read -r p50 p95 pmax <<< "$(cut -d' ' -f2 "$work/results" | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.5)+(NR%2)], a[int(NR*0.95)], a[NR]}')"
rss_max=$(cut -d' ' -f3 "$work/results" | sort -n | tail -1)
peak=$(cat "$work/peak" 2>/dev/null || echo 0)

report=$(cat <<REPORT
## Many portals: $N sandbox portals, one plan each, $P at a time ($(date -u +%Y-%m-%dT%H:%MZ))

Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, shared; load average before $load_before, after $load_after.
Each job: its own sandbox portal (a JVM, profile secure-exchanges) + \`roleform plan examples/secure-exchanges --detailed-exitcode\`
(JVM options of ./roleform: $JAVA_OPTS). Plans completed: $done_count of $N (each exit 2: changes).

| figure | value |
|---|---|
| wall time, all $N portals | $((wall_ms / 1000)).$(( (wall_ms % 1000) / 100 )) s ($(( wall_ms / N )) ms per portal) |
| plan time per portal (median / p95 / max) | $p50 / $p95 / $pmax ms |
| floor: one plan alone, same run | $(echo "$floor" | cut -d' ' -f1) ms, $(( $(echo "$floor" | cut -d' ' -f2) / 1024 )) MiB peak RSS |
| peak RSS of one plan process | $((rss_max / 1024)) MiB |
| peak summed RSS of the plan processes running at once | $((peak / 1024)) MiB |
REPORT
)
echo "$report"
printf '%s\n\n' "$report" >> bench/RESULTS-many-portals.md
