#!/usr/bin/env bash
# Container tests: builds the roleform image twice — with Jib (on a local Debian JRE 17 base, as a
# tar:// base) and with the Dockerfile (`podman build`, local Debian JDK/JRE bases as build
# arguments) — and runs each as users would: `--version`; `validate` of a mounted config; `plan`
# and `apply` against a sandbox portal on the host's loopback (--network host); always as the
# image's non-root user (10001) with a read-only root filesystem. Prints the image sizes and the
# start-up time of `--version` in the container; checks that a config of 32 MiB or more gets the
# launcher's big-config heap through the image's own entrypoint. Fails on any wrong answer.
#
# Needs podman (with runc) and mmdebstrap: .ci/setup-podman.sh installs them. Where containers
# cannot run, it says so LOUDLY and exits 0 (skipped), unless ROLEFORM_REQUIRE_CONTAINERS=1.
# Bounded: every podman call has a timeout; the whole run is well under 20 minutes (bases cached).
set -euo pipefail
cd "$(dirname "$0")/.."
skip() {
  printf '%s\n' "****************************************************************************" \
    "*** CONTAINER TESTS SKIPPED: $*" \
    "****************************************************************************" >&2
  [ "${ROLEFORM_REQUIRE_CONTAINERS:-0}" = 1 ] && exit 1
  exit 0
}
command -v podman >/dev/null 2>&1 || skip "podman is not installed (run .ci/setup-podman.sh as root)"
command -v mmdebstrap >/dev/null 2>&1 || skip "mmdebstrap is not installed (run .ci/setup-podman.sh as root)"
podman() { timeout "${T:-300}" podman --runtime runc --cgroup-manager cgroupfs "$@"; }

work=$(mktemp -d)
sandbox_pid=
cleanup() {
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "container-test: FAILED: $*" >&2; exit 1; }

echo "== base images (Debian bookworm, from Debian's packages; cached)"
base_tar=$(T=1200 .ci/container-bases.sh | tail -1) || skip "the local base images could not be built"
podman run --rm --network host localhost/roleform-base-jre:17 java -version >/dev/null 2>&1 \
  || skip "podman cannot run a container on this machine"

echo "== Jib image on $base_tar"
T=900 ./mvnw -B -q -o -Pjib-offline -DskipTests package "-Djib.offline.from=tar://$base_tar" \
  -Djib.to.image=localhost/roleform-jib:test >/dev/null
jib_ref=$(podman load -i target/jib-image.tar 2>/dev/null | sed -n 's/^Loaded image[^:]*: *//p' | tail -1)
[ -n "$jib_ref" ] || fail "podman could not load target/jib-image.tar"

echo "== Dockerfile image (podman build)"
context=.
if [ -f .git ]; then
  # A linked git worktree: its .git file points outside the build context, which the build's
  # git-commit-id step cannot follow. Build from a copy of the files instead (commit unknown).
  context="$work/context"
  mkdir -p "$context"
  git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - | tar -C "$context" -xf -
fi
T=1500 podman build --quiet --network host \
  --build-arg BUILD_BASE=localhost/roleform-base-jdk:17 \
  --build-arg RUNTIME_BASE=localhost/roleform-base-jre:17 \
  -t localhost/roleform-dockerfile:test "$context" >/dev/null
docker_ref=localhost/roleform-dockerfile:test

echo "== sandbox portal on the host's loopback"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -jar target/roleform.jar sandbox --port "$port" --data "$work/sandbox.db" --profile secure-exchanges \
  > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null -H 'Authorization: Bearer demo-read' "http://127.0.0.1:$port/api/v1/portal" 2>/dev/null && break
  sleep 0.5
done
curl -fsS -o /dev/null -H 'Authorization: Bearer demo-read' "http://127.0.0.1:$port/api/v1/portal" \
  || { cat "$work/sandbox.log" >&2; echo "container-test: the sandbox did not start" >&2; exit 1; }

mkdir -p "$work/config" "$work/out" "$work/big"
cp examples/secure-exchanges/*.yaml "$work/config/"
truncate -s 33M "$work/big/roles.yaml"
chmod -R a+rX "$work/config" "$work/big"
chmod 0777 "$work/out"

# One run of the image as users would: non-root, read-only root filesystem, host network.
run() { # image args...
  local image=$1; shift
  podman run --rm --network host --read-only --user 10001:10001 \
    -v "$work/config:/work/config:ro" -v "$work/out:/work/out" \
    -e ROLEFORM_PORTAL_URL="http://127.0.0.1:$port" -e ROLEFORM_TOKEN=demo-write \
    "$image" "$@"
}

results=()
check_image() { # label image
  local label=$1 image=$2 out code t0 t1 ms size
  echo "== $label: $image"
  [ "$(podman image inspect --format '{{.Config.User}}' "$image")" = "10001:10001" ] || fail "$label: user is not 10001:10001"
  run "$image" --version >/dev/null 2>&1 || true # first start warms the page cache
  t0=$(date +%s%N)
  out=$(run "$image" --version) || fail "$label: --version exited $?"
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  [[ "$out" == roleform* ]] || fail "$label: --version printed: $out"
  echo "   --version: $out ($ms ms, container start included)"

  out=$(run "$image" validate config/) || fail "$label: validate exited $?: $out"
  [[ "$out" == *valid* ]] || fail "$label: validate printed: $out"
  echo "   validate config/: $out"

  set +e
  out=$(run "$image" plan config/ --out out/plan.json --detailed-exitcode 2>&1); code=$?
  set -e
  [ "$code" = 2 ] || fail "$label: plan --detailed-exitcode exited $code (expected 2, changes): $out"
  [ -s "$work/out/plan.json" ] || fail "$label: plan --out wrote no plan"
  echo "   plan config/ --detailed-exitcode: exit 2 (changes), $(grep -c '"type"' "$work/out/plan.json") operations in out/plan.json"

  out=$(run "$image" apply config/ --auto-approve 2>&1) || fail "$label: apply exited $?: $out"
  echo "   apply config/ --auto-approve: exit 0"
  out=$(run "$image" plan config/ --detailed-exitcode 2>&1) || fail "$label: plan after apply is not clean: $out"
  echo "   plan again: exit 0 (no changes)"

  # A config of 32 MiB or more (a sparse 33 MiB file: validate refuses it at once as over the
  # per-file limit): the image's own entrypoint, with a JVM log per process added after `java`,
  # re-runs the command in a child JVM with the launcher's big-config heap (cli.EntrypointHeap).
  rm -f "$work/out"/jvm-*.log
  local entry
  entry=$(podman image inspect --format '{{json .Config.Entrypoint}}' "$image" | python3 -c '
import json, sys
e = json.load(sys.stdin)
print("\n".join([e[0], "-Xlog:gc+init=info:file=/work/out/jvm-%p.log"] + e[1:]))')
  mapfile -t entry <<< "$entry"
  set +e
  out=$(podman run --rm --network host --read-only --user 10001:10001 \
    -v "$work/big:/work/big:ro" -v "$work/out:/work/out" --entrypoint "${entry[0]}" "$image" \
    "${entry[@]:1}" validate big/ 2>&1); code=$?
  set -e
  [ "$code" = 1 ] || fail "$label: validate of a 33 MiB config exited $code (expected 1, over the file limit): $out"
  [ "$(ls "$work/out"/jvm-*.log 2>/dev/null | wc -l)" = 2 ] || fail "$label: a 33 MiB config did not run in a child JVM"
  grep -l 'Heap Initial Capacity: 576M' "$work/out"/jvm-*.log >/dev/null \
    || fail "$label: the child JVM of a 33 MiB config has not the 576 MiB initial heap"
  grep -l 'Parallel Workers' "$work/out"/jvm-*.log >/dev/null \
    || fail "$label: the child JVM of a 33 MiB config has not the parallel collector"
  echo "   validate of a 33 MiB config: re-run in a child JVM with -Xms576m and the parallel collector"

  if podman run --rm --read-only --user 10001:10001 --entrypoint /bin/sh "$image" -c 'touch /opt/x' 2>/dev/null; then
    fail "$label: the root filesystem was writable"
  fi
  size=$(podman image inspect --format '{{.Size}}' "$image")
  echo "   read-only root filesystem: yes; image size: $((size / 1000000)) MB"
  results+=("$label: image $((size / 1000000)) MB, --version in the container $ms ms")
  # The next image plans against a fresh portal.
  rm -f "$work/out/plan.json"
}

check_image "Jib image (Debian JRE 17 base)" "$jib_ref"
kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null || true; rm -f "$work/sandbox.db"
java -jar target/roleform.jar sandbox --port "$port" --data "$work/sandbox.db" --profile secure-exchanges \
  > "$work/sandbox.log" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 120); do
  curl -fsS -o /dev/null -H 'Authorization: Bearer demo-read' "http://127.0.0.1:$port/api/v1/portal" 2>/dev/null && break
  sleep 0.5
done
check_image "Dockerfile image (Debian JDK 17 build, JRE 17 run)" "$docker_ref"
# The Dockerfile image's class-data sharing archive (made in the image build by cli.CdsTraining) is
# really used by its entrypoint's JVM: roleform's classes come from it.
shared=$(podman run --rm --read-only --user 10001:10001 --entrypoint java "$docker_ref" \
  -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -XX:SharedArchiveFile=/opt/roleform/roleform.jsa \
  -Xshare:auto -Xlog:cds=off -Xlog:class+load=info -jar /opt/roleform/roleform.jar --version \
  | grep -c 'io\.roleform\..* source: shared objects file (top)' || true)
[ "${shared:-0}" -gt 0 ] || fail "Dockerfile image: its class-data sharing archive is not used"
echo "   class-data sharing archive: used ($shared roleform classes from /opt/roleform/roleform.jsa)"
results+=("Dockerfile image: $shared roleform classes from its class-data sharing archive")

echo "== container tests passed"
printf '   %s\n' "${results[@]}"
