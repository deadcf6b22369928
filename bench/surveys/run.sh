#!/usr/bin/env bash
# Surveys benchmark (issue 13): the results page of a closed annual cycle with 40,000
# invitations over 2,000 units, against count(*) and COPY of its answers; and 20
# respondents answering at once, against the code form. Not part of ./mvnw verify.
#
#   bench/surveys/run.sh                          # 2,000 units, 40,000 invitations, all answered
#   bench/surveys/run.sh 2000 40000 0.75          # three in four answered
#   bench/surveys/run.sh --skip-answer            # only the results page and its baseline
#
# BRYT_JAR=path/to/other.jar measures another build (default target/bryt.jar, built if missing).
# BENCH_PORT (default 18097) and BENCH_WORK (default target/bench-surveys) let two runs share a
# machine. RESULTS_RUNS (default 7) timed results pages after one warm-up; CLIENTS (default 20)
# and ANSWER_SECONDS (default 15) for the answering load; ANSWER_CODES (default 30000) codes made.
# BENCH_JFR=1 records a Java Flight Recording of the server to $BENCH_WORK/server.jfr.
# Starts Bryt on loopback with the demo data (the hr account reads the results) and stops it
# by its process id at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
SKIP_ANSWER=false
if [ "${1:-}" = "--skip-answer" ]; then
	SKIP_ANSWER=true
	shift
fi
UNITS=${1:-2000}
INVITATIONS=${2:-40000}
PARTICIPATION=${3:-1.0}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=${BENCH_WORK:-target/bench-surveys}
DATA=$WORK/data
PORT=${BENCH_PORT:-18097}
JAR=${BRYT_JAR:-target/bryt.jar}
BASE=http://127.0.0.1:$PORT
JFR=()
[ "${BENCH_JFR:-0}" = 1 ] && JFR=(-XX:StartFlightRecording=filename=$WORK/server.jfr,settings=profile)

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK"
mkdir -p "$WORK"
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
BENCH=("$JAVA" -cp "$PGJDBC" bench/surveys/SurveysBench.java)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "== $JAR; working tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

start() {
	"$JAVA" -Xmx2g "${JFR[@]}" -jar "$JAR" --server.address=127.0.0.1 --server.port=$PORT "--bryt.db.data-dir=$DATA" \
		--logging.level.root=WARN >> "$WORK/server.log" 2>&1 &
	SERVER=$!
	for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
	curl -sf "$BASE/actuator/health" >/dev/null || { echo "Bryt did not start: $WORK/server.log" >&2; exit 1; }
}
stop() { kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; }
trap stop EXIT
start

echo "== data: $UNITS units, $INVITATIONS invitations, participation $PARTICIPATION (SQL against the embedded database)"
CYCLE=$("${BENCH[@]}" data "$DATA" "$UNITS" "$INVITATIONS" "$PARTICIPATION" "${ANSWER_CODES:-30000}")
load

RUNS=${RESULTS_RUNS:-7}
echo "== results of cycle $CYCLE: baseline, the page as hr, baseline again"
"${BENCH[@]}" baseline "$DATA" "$CYCLE" "$RUNS"
"${BENCH[@]}" results "$BASE" "$CYCLE" "$RUNS"
"${BENCH[@]}" baseline "$DATA" "$CYCLE" "$RUNS"
load
echo "== results after a restart (the start computes the newest closed cycles' results in the background)"
stop
start
"${BENCH[@]}" results "$BASE" "$CYCLE" 1
load

if ! $SKIP_ANSWER; then
	echo "== answering: ${CLIENTS:-20} concurrent respondents, ${ANSWER_SECONDS:-15} s each load"
	"${BENCH[@]}" answer "$BASE" "$WORK" "${CLIENTS:-20}" "${ANSWER_SECONDS:-15}"
	load
fi
