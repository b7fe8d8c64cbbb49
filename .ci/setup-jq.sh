#!/usr/bin/env bash
# Debian's jq, which the CI examples' drift steps use to test a saved plan (DriftWorkflowIT runs
# those steps in bash; it skips, saying so, where jq cannot be installed).
exec bash "$(dirname "$0")/apt-install.sh" jq "the drift workflow test" jq
