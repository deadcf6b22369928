#!/bin/sh
# Voice benchmark: starts the packaged Bryt on loopback with a fresh embedded database and
# the demo municipality, runs VoiceBench against it, and stops it again.
# Usage (from the repository root): bench/voice/run.sh [reporters] [seconds] [all|submissions]
# With BENCH_JFR=1 the app records a Java Flight Recording to target/bench-voice.jfr; then
# `jfr view hot-methods target/bench-voice.jfr` shows where the time goes.
set -eu
cd "$(dirname "$0")/../.."
REPORTERS=${1:-20}
SECONDS_PER_LOAD=${2:-20}
MODE=${3:-all}
JFR=""
[ "${BENCH_JFR:-0}" = 1 ] && JFR="-XX:StartFlightRecording=filename=target/bench-voice.jfr,settings=profile"
rm -f target/bench-voice.jfr
PORT=18099
DATA=target/bench-data/voice-$$
[ -f target/bryt.jar ] || ./mvnw -B -ntp -q -DskipTests package
# The submission limit per organisation is raised for the load; everything else is the default.
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g $JFR -jar target/bryt.jar --server.address=127.0.0.1 --server.port=$PORT \
	--bryt.db.data-dir=$DATA --bryt.voice.submissions-per-minute=100000000 \
	--logging.level.root=WARN > target/bench-voice-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
	curl -sf http://127.0.0.1:$PORT/actuator/health > /dev/null 2>&1 && break
	sleep 1
done
CHANNEL=$(curl -s http://127.0.0.1:$PORT/report/exempelby | grep -o '/report/exempelby/channel/[0-9]*' | head -1 | grep -o '[0-9]*$')
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx512m bench/voice/VoiceBench.java http://127.0.0.1:$PORT "$CHANNEL" "$REPORTERS" "$SECONDS_PER_LOAD" "$MODE"
