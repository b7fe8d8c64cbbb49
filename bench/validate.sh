#!/usr/bin/env bash
# Benchmark of `roleform validate` on a generated config of ROLES roles x MEMBERS members
# (default 1,000 x 50), split over FILES files. Prints the median, min and max of RUNS runs
# (default 5), in wall-clock seconds, including JVM start-up.
#
#   bench/validate.sh                 # build the jar first if it is missing
#   ROLES=2000 MEMBERS=20 bench/validate.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROLES=${ROLES:-1000}
MEMBERS=${MEMBERS:-50}
FILES=${FILES:-10}
RUNS=${RUNS:-5}
JAR=target/roleform.jar

[[ -f "$JAR" ]] || ./mvnw -B -q package -DskipTests

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

per_file=$(( (ROLES + FILES - 1) / FILES ))
for ((f = 0; f < FILES; f++)); do
  {
    echo "apiVersion: roleform/v1"
    echo "roles:"
    for ((r = f * per_file; r < (f + 1) * per_file && r < ROLES; r++)); do
      echo "  - name: Role $r"
      echo "    description: Generated role number $r"
      echo "    permissions: [view-records, add-records]"
      echo "    members:"
      for ((m = 0; m < MEMBERS; m++)); do
        echo "      - user$(( (r * 7 + m) % 50000 ))@acme.example"
      done
    done
  } > "$dir/roles-$(printf %03d "$f").yaml"
done
bytes=$(cat "$dir"/*.yaml | wc -c)
echo "config: $ROLES roles x $MEMBERS members in $FILES files ($bytes bytes)"

times=()
for ((i = 0; i < RUNS; i++)); do
  start=$(date +%s.%N)
  # The same JVM options as the ./roleform launcher.
  java ${ROLEFORM_JAVA_OPTS--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m} -jar "$JAR" validate "$dir" > /dev/null
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
printf 'runs: %s\n' "${times[*]}"
printf 'median: %.2fs  min: %.2fs  max: %.2fs\n' "${sorted[$((RUNS / 2))]}" "${sorted[0]}" "${sorted[$((RUNS - 1))]}"
