#!/usr/bin/env bash
# The access report at L (50,000 users, 1,000 roles, 200,000 memberships) in headless chromium:
# time to write it, time for chromium to open it and the page's own open and filter times, against
# the floor of chromium opening a one-line page in the same run. Prints a Markdown table and
# writes it to target/bench-report-browser.md.
#
# Usage: bench/report-browser.sh [RUNS]     (default 3; needs chromium: .ci/setup-chromium.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"

./mvnw -B -q -DskipTests -Djib.skip package test-compile >&2

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(chromium --version 2>/dev/null)"
  echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  java -cp target/test-classes:target/roleform.jar io.roleform.bench.ReportBrowserBench "$RUNS"
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee target/bench-report-browser.md
