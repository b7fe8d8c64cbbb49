#!/usr/bin/env bash
# Installs Debian's chromium for the access report's browser test (ReportBrowserIT) and benchmark
# (bench/report-browser.sh). Idempotent, quiet and bounded in time; never fails the CI run: where
# chromium cannot be installed, the browser test skips with a message saying so.
set -u
if command -v chromium >/dev/null 2>&1; then
  echo "setup-chromium: $(chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "setup-chromium: not root and no sudo; the browser test will be skipped"; exit 0
  fi
else
  SUDO=""
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: no apt-get on this machine; the browser test will be skipped"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if timeout 600 $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null 2>&1 \
    && timeout 900 $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1; then
  echo "setup-chromium: installed $(chromium --version 2>/dev/null)"
else
  echo "setup-chromium: could not install chromium (offline?); the browser test will be skipped"
fi
exit 0
