#!/usr/bin/env bash
# Debian's chromium for the access report's browser test (ReportBrowserIT) and benchmark
# (bench/report-browser.sh); the test skips, saying so, where it cannot be installed.
exec bash "$(dirname "$0")/apt-install.sh" chromium "the browser test" chromium fonts-dejavu-core
