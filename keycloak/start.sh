#!/usr/bin/env bash
# Starts a throw-away Keycloak (dev mode, 127.0.0.1 only) for roleform's real-server tests.
#
# Fetches org.keycloak:keycloak-quarkus-dist:$KC_VERSION (zip, ~160 MB) from Maven Central into
# the local Maven repository through the Maven wrapper (cached after the first run), unpacks it to
# target/keycloak/, starts `kc.sh start-dev` with a bootstrap admin, waits until it answers, and
# writes:
#   target/keycloak/kc.pid   the PID (also the process-group id) that keycloak/stop.sh kills
#   target/keycloak/env      `export` lines for the tests (ROLEFORM_KEYCLOAK_URL and the admin login)
#   target/keycloak/kc.log   the server log
# (another directory than target/keycloak with KC_DIR=DIR: a second, independent server with its own
# unpacked copy and database, as KeycloakRestartIT uses).
#
# Usage: keycloak/start.sh            (port: $KC_PORT, else the first free one from 18080;
#                                     start-up bound: $KC_START_TIMEOUT seconds, default 240;
#                                     KC_KEEP_DATA=1 restarts on the database of the previous run
#                                     instead of a fresh one)
#        source target/keycloak/env && ./mvnw -B verify -Dit.test=KeycloakPortalClientIT ...
set -euo pipefail
cd "$(dirname "$0")/.."

KC_VERSION="${KC_VERSION:-26.5.6}"
ADMIN_USER="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
DIR="${KC_DIR:-target/keycloak}"
HOME_DIR="$DIR/keycloak-$KC_VERSION"
ZIP="${MAVEN_REPO:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"

if [[ -f "$DIR/kc.pid" ]] && kill -0 "$(cat "$DIR/kc.pid")" 2>/dev/null; then
  echo "Keycloak is already running (PID $(cat "$DIR/kc.pid")); run keycloak/stop.sh first." >&2
  exit 1
fi

started=$(date +%s)
ARTIFACT="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
if [[ ! -f "$ZIP" && ! -x "$HOME_DIR/bin/kc.sh" ]]; then
  echo "Fetching keycloak-quarkus-dist $KC_VERSION into the local Maven repository..." >&2
  ./mvnw -B -q dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false ${MAVEN_REPO:+-Dmaven.repo.local="$MAVEN_REPO"}
  if [[ ! -f "$ZIP" ]]; then
    # settings.xml names another local repository: let Maven copy the zip out of it.
    ./mvnw -B -q dependency:copy -Dartifact="$ARTIFACT" -DoutputDirectory="$DIR"
    ZIP="$DIR/keycloak-quarkus-dist-$KC_VERSION.zip"
  fi
fi
fetched=$(date +%s)

if [[ ! -x "$HOME_DIR/bin/kc.sh" ]]; then
  mkdir -p "$DIR"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$ZIP" -d "$DIR"
  else
    # No unzip on this machine: the JDK's jar tool unpacks zips too (but drops the exec bits).
    (cd "$DIR" && jar xf "$ZIP")
    chmod +x "$HOME_DIR"/bin/*.sh
  fi
fi
unpacked=$(date +%s)

# Is Keycloak answering? curl where present, else bash's /dev/tcp with a plain HTTP GET.
answers() {
  if command -v curl >/dev/null 2>&1; then
    curl -fs --max-time "$2" -o /dev/null "$1/realms/master"
  else
    local hostport=${1#http://}
    timeout "$2" bash -c 'exec 3<>"/dev/tcp/${0%:*}/${0#*:}" && printf "GET /realms/master HTTP/1.0\r\nHost: %s\r\n\r\n" "$0" >&3 && head -n1 <&3 | grep -q " 200 "' "$hostport" 2>/dev/null
  fi
}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${KC_PORT:-}"
if [[ -z "$PORT" ]]; then
  PORT=18080
  while port_in_use "$PORT" || port_in_use "$((PORT + 1))"; do PORT=$((PORT + 2)); done
fi
MGMT_PORT=$((PORT + 1))
URL="http://127.0.0.1:$PORT"

# A fresh dev database every time (tests never see an old run's realms), unless KC_KEEP_DATA=1.
[[ "${KC_KEEP_DATA:-}" == 1 ]] || rm -rf "$HOME_DIR/data"
KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx768m}" \
  setsid "$HOME_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" \
  --http-management-port="$MGMT_PORT" >"$DIR/kc.log" 2>&1 </dev/null &
echo $! >"$DIR/kc.pid"

START_TIMEOUT="${KC_START_TIMEOUT:-240}"   # seconds until it must answer
deadline=$((SECONDS + START_TIMEOUT))
while ((SECONDS < deadline)); do
  if answers "$URL" 5; then break; fi
  if ! kill -0 "$(cat "$DIR/kc.pid")" 2>/dev/null; then
    echo "Keycloak exited during start-up; see $DIR/kc.log:" >&2
    tail -n 30 "$DIR/kc.log" >&2
    exit 1
  fi
  sleep 0.5
done
if ! answers "$URL" 10; then
  echo "Keycloak did not answer at $URL within $START_TIMEOUT s; see $DIR/kc.log. Stopping it." >&2
  KC_DIR="$DIR" "$(dirname "$0")/stop.sh" 2>/dev/null || true
  exit 1
fi
ready=$(date +%s)

cat >"$DIR/env" <<ENV
export ROLEFORM_KEYCLOAK_URL=$URL
export ROLEFORM_KEYCLOAK_ADMIN_USER=$ADMIN_USER
export ROLEFORM_KEYCLOAK_ADMIN_PASSWORD=$ADMIN_PASSWORD
ENV
echo "Keycloak $KC_VERSION is up at $URL (PID $(cat "$DIR/kc.pid")): fetch $((fetched - started)) s," \
  "unpack $((unpacked - fetched)) s, start-up $((ready - unpacked)) s. Stop it with KC_DIR=$DIR keycloak/stop.sh." >&2
echo "For the tests: source $DIR/env" >&2
