#!/usr/bin/env bash
# Installs Debian's jq, which the CI examples' drift steps use to test a saved plan (DriftWorkflowIT
# runs those steps in bash). Idempotent, quiet and bounded in time; never fails the CI run: where
# jq cannot be installed, the drift workflow test skips with a message saying so.
set -u
if command -v jq >/dev/null 2>&1; then
  echo "setup-jq: $(jq --version 2>/dev/null || echo jq) already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "setup-jq: not root and no sudo; the drift workflow test will be skipped"; exit 0
  fi
else
  SUDO=""
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-jq: no apt-get on this machine; the drift workflow test will be skipped"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if timeout 600 $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 \
    && timeout 600 $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends jq >/dev/null 2>&1; then
  echo "setup-jq: installed $(jq --version 2>/dev/null)"
else
  echo "setup-jq: could not install jq (offline?); the drift workflow test will be skipped"
fi
exit 0
