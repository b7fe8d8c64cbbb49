#!/usr/bin/env bash
# Installs what the container tests need: Debian's podman (with runc) and mmdebstrap, and the
# containers.conf this machine kind needs (no default ulimits: the sandbox forbids raising them).
# Then builds the local base images (.ci/container-bases.sh), cached under ~/.cache/roleform.
# Idempotent, quiet, bounded in time; never fails the run: where containers cannot run, the
# container tests (ContainerImageIT) skip with a LOUD message.
set -uo pipefail
cd "$(dirname "$0")"
log() { echo "setup-podman: $*"; }
if ! command -v podman >/dev/null 2>&1 || ! command -v mmdebstrap >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then log "WARNING: not root, cannot install podman; container tests will SKIP" >&2; exit 0; fi
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -qq >/dev/null 2>&1 || log "WARNING: apt-get update failed" >&2
  if ! timeout 900 apt-get install -y -qq --no-install-recommends podman runc mmdebstrap fuse-overlayfs \
      uidmap slirp4netns netavark aardvark-dns containernetworking-plugins >/dev/null 2>&1; then
    log "WARNING: could not install podman/mmdebstrap; container tests will SKIP" >&2
    exit 0
  fi
fi
if [ "$(id -u)" = 0 ]; then
  mkdir -p /etc/containers
  if ! grep -q 'default_ulimits' /etc/containers/containers.conf 2>/dev/null; then
    printf '[containers]\ndefault_ulimits = []\n' >> /etc/containers/containers.conf
  fi
fi
timeout 2400 ./container-bases.sh >/dev/null || log "WARNING: base images not built; container tests will SKIP" >&2
exit 0
