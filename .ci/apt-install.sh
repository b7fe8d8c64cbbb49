#!/usr/bin/env bash
# Installs Debian packages a test set needs, when COMMAND is not already on the PATH:
#   .ci/apt-install.sh COMMAND "WHAT SKIPS WITHOUT IT" PACKAGE...
# e.g. .ci/apt-install.sh jq "the drift workflow test" jq
# Idempotent, quiet and bounded in time (apt-get update 10 min, install 15 min, dpkg lock 5 min);
# never fails the CI run: where the packages cannot be installed (not root and no sudo, no
# apt-get, offline), it says which test will be skipped, and that test skips with a message.
set -u
if [ "$#" -lt 3 ]; then
  echo "usage: $0 COMMAND WHAT-SKIPS PACKAGE..." >&2
  exit 2
fi
cmd=$1; what=$2; shift 2
name="apt-install($cmd)"
if command -v "$cmd" >/dev/null 2>&1; then
  echo "$name: $("$cmd" --version 2>/dev/null | head -n 1 || echo "$cmd") already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "$name: not root and no sudo; $what will be skipped"; exit 0
  fi
else
  SUDO=""
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$name: no apt-get on this machine; $what will be skipped"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if timeout 600 $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 \
    && timeout 900 $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
  echo "$name: installed $("$cmd" --version 2>/dev/null | head -n 1)"
else
  echo "$name: could not install $* (offline?); $what will be skipped"
fi
exit 0
