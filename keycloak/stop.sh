#!/usr/bin/env bash
# Stops the Keycloak that keycloak/start.sh started, by the PID it recorded (the process group it
# leads: kc.sh and its JVM). Does nothing if none is running. KC_DIR names another server's directory
# (default target/keycloak), as for start.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PID_FILE="${KC_DIR:-target/keycloak}/kc.pid"
[[ -f "$PID_FILE" ]] || { echo "No Keycloak PID file ($PID_FILE); nothing to stop." >&2; exit 0; }
PID=$(cat "$PID_FILE")
if kill -0 "$PID" 2>/dev/null; then
  kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID"
  for _ in $(seq 1 60); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$PID" 2>/dev/null; then
    echo "Keycloak (PID $PID) did not stop in 30 s; killing it." >&2
    kill -KILL -- "-$PID" 2>/dev/null || kill -KILL "$PID"
  fi
  echo "Stopped Keycloak (PID $PID)." >&2
fi
rm -f "$PID_FILE"
