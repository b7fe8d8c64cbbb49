#!/usr/bin/env bash
# Issue 7 §6: roleform against Keycloak on a realm with 10,000 users, 300 groups and 50,000
# memberships, compared with the floor (the fewest Admin API calls, made by a plain
# java.net.http client in the same run). Prints a Markdown report and writes it to
# target/bench-keycloak.md.
#
# Usage: bench/keycloak.sh [RUNS]     (RUNS: no-op plans and floor reads measured, default 5)
# Uses the Keycloak named by ROLEFORM_KEYCLOAK_URL (bootstrap admin ROLEFORM_KEYCLOAK_ADMIN_USER /
# ROLEFORM_KEYCLOAK_ADMIN_PASSWORD, default admin/admin) or starts one with keycloak/start.sh and
# stops it afterwards. The realm `bench` is created by one import request and deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"

./mvnw -B -q -DskipTests package test-compile >&2

if [[ -z "${ROLEFORM_KEYCLOAK_URL:-}" ]]; then
  keycloak/start.sh
  trap 'keycloak/stop.sh' EXIT
  # shellcheck disable=SC1091
  source target/keycloak/env
fi

{
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -cp target/test-classes:target/roleform.jar io.roleform.bench.keycloak.KeycloakBench "$ROLEFORM_KEYCLOAK_URL" \
    "${ROLEFORM_KEYCLOAK_ADMIN_USER:-admin}" "${ROLEFORM_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    target/roleform.jar target/bench-keycloak "$RUNS"
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee target/bench-keycloak.md
