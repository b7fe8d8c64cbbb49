#!/usr/bin/env bash
# Benchmark of `roleform sandbox` on a generated portal (50,000 users, 1,000 roles, 200,000
# memberships): start-up time (JVM + seeding + generation), requests/s of GET /memberships pages
# (limit=1000) and of POST /roles/{id}/members batches.
#
# Usage: bench/sandbox.sh [SECONDS_PER_PHASE] [GENERATE_SPEC]
#   e.g. bench/sandbox.sh 10 users=50000,roles=1000,memberships=200000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Djib.skip test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
exec java -cp "$CP" io.roleform.sandbox.SandboxBench "$@"
