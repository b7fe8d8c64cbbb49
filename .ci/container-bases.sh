#!/usr/bin/env bash
# Builds the base images the container tests use, from Debian's packages only (no registry is
# needed; users keep eclipse-temurin:17-jre / :17-jdk, the defaults of pom.xml and the Dockerfile):
#   localhost/roleform-base-jre:17   bookworm + openjdk-17-jre-headless, ca-certificates, passwd
#                                    (also saved as a docker-archive: Jib's tar:// base)
#   localhost/roleform-base-jdk:17   bookworm + openjdk-17-jdk-headless, ca-certificates, curl
#                                    (the Dockerfile's build stage)
# Root filesystems come from `mmdebstrap --variant=apt` (about 30 s each) and are cached, with the
# docker-archive, in ${ROLEFORM_CACHE:-~/.cache/roleform}/bases, so repeated runs take seconds;
# delete that directory to rebuild. Prints the archive's path for Jib on its last line.
set -euo pipefail
cache="${ROLEFORM_CACHE:-$HOME/.cache/roleform}/bases"
mkdir -p "$cache"
podman() { command podman --runtime runc --cgroup-manager cgroupfs "$@"; }

rootfs() { # name packages
  local tar="$cache/$1-rootfs.tar"
  if [ ! -f "$tar" ] || [ ! -s "$tar" ]; then
    echo "container-bases: mmdebstrap $1 ($2) ..." >&2
    local t0=$SECONDS
    rm -rf "$tar.tmp.tar"
    timeout 1500 mmdebstrap --quiet --variant=apt --include="$2" bookworm "$tar.tmp.tar" >&2
    mv "$tar.tmp.tar" "$tar"
    echo "container-bases: $1 root filesystem in $((SECONDS - t0)) s, $(( $(stat -c %s "$tar") / 1000000 )) MB" >&2
  fi
}

image() { # name
  local ref="localhost/roleform-base-$1:17"
  if ! podman image exists "$ref"; then
    podman import --quiet \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      "$cache/$1-rootfs.tar" "$ref" >/dev/null
  fi
}

# The build base must reach Maven Central from inside a container: where this machine trusts extra
# certificate authorities (a TLS-intercepting egress proxy), the image trusts them too.
trust_host_cas() { # image-ref
  ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1 || return 0
  podman image inspect --format '{{index .Labels "roleform.host-cas"}}' "$1" 2>/dev/null | grep -q yes && return 0
  podman rm -f roleform-ca-step >/dev/null 2>&1 || true
  podman run --name roleform-ca-step --network none \
    -v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro "$1" update-ca-certificates >/dev/null
  podman commit --quiet --change 'LABEL roleform.host-cas=yes' roleform-ca-step "$1" >/dev/null
  podman rm -f roleform-ca-step >/dev/null
}

rootfs jre openjdk-17-jre-headless,ca-certificates,passwd
rootfs jdk openjdk-17-jdk-headless,ca-certificates,curl
image jre
image jdk
trust_host_cas localhost/roleform-base-jdk:17
if [ ! -s "$cache/jre-docker-archive.tar" ]; then
  podman save --quiet --format docker-archive -o "$cache/jre-docker-archive.tar.tmp" localhost/roleform-base-jre:17
  mv "$cache/jre-docker-archive.tar.tmp" "$cache/jre-docker-archive.tar"
fi
echo "$cache/jre-docker-archive.tar"
