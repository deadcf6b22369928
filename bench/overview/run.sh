#!/usr/bin/env bash
# Committee report benchmark (issue 15): the report of the generator's org-001 (2,000 staff)
# as PDF, target ≤ 3 s, against two baselines in the same run: the same report as HTML only
# (the template without the PDF layout) and PostgreSQL's COPY of the snapshot's rows. Not part
# of ./mvnw verify.
#
#   bench/overview/run.sh                 # 1 organisation, 2,000 staff, 30,000 cases
#   bench/overview/run.sh 2000 30000      # the same, spelled out
#
# BRYT_JAR=path/to/other.jar measures another build (default target/bryt.jar, built if missing).
# BENCH_PORT (default 18096) and BENCH_WORK (default target/bench-overview) let two runs share a
# machine. RUNS (default 5) reports of each format; QUARTER (default the last ended quarter).
# Each report is a command in a JVM of its own (-Xmx1g), as an operator runs it, while the server
# runs on the same data directory: the command prints the time from the snapshot to the bytes
# ("made in"), and the script the whole command's wall time. Starts Bryt on loopback and stops
# it by its process id at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
STAFF=${1:-2000}
CASES=${2:-30000}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=${BENCH_WORK:-target/bench-overview}
DATA=$WORK/data
OUT=$WORK/dataset
PORT=${BENCH_PORT:-18096}
JAR=${BRYT_JAR:-target/bryt.jar}
RUNS=${RUNS:-5}
QUARTER=${QUARTER:-$(date -d "$(date +%Y-%m-01) -$(( ($(date +%-m) - 1) % 3 )) month -1 day" +%Y)-Q$(( ($(date -d "$(date +%Y-%m-01) -$(( ($(date +%-m) - 1) % 3 )) month -1 day" +%-m) + 2) / 3 ))}

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK"
mkdir -p "$WORK"
BRYT=("$JAVA" -Xmx1g -jar "$JAR" "--bryt.db.data-dir=$DATA")
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
BENCH=("$JAVA" -cp "$PGJDBC" bench/overview/ReportBench.java)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "== $JAR; working tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "== generate 1 organisation, $STAFF staff, $CASES cases; import"
"${BRYT[@]}" generate --organisations 1 --staff "$STAFF" --cases "$CASES" --out "$OUT" 2>&1 | grep -v WARN || true
"${BRYT[@]}" import --dir "$OUT" 2>/dev/null | tail -1
load

"${BRYT[@]}" --server.address=127.0.0.1 --server.port=$PORT --bryt.demo.enabled=false > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Bryt did not start: $WORK/server.log" >&2; exit 1; }

echo "== the snapshot of $QUARTER for org-001 (taken by the first report)"
"${BRYT[@]}" report --org org-001 --quarter "$QUARTER" --out "$WORK/first.pdf" --take 2>&1 | grep -E "Took|Wrote"
"${BENCH[@]}" count "$DATA" org-001 "$QUARTER"
load

report() {
	local format=$1 i
	for i in $(seq 1 "$RUNS"); do
		local started=$(date +%s%N)
		local line=$("${BRYT[@]}" report --org org-001 --quarter "$QUARTER" --format "$format" \
			--out "$WORK/report.$format" 2>&1 | grep Wrote)
		local wall=$(( ($(date +%s%N) - started) / 1000000 ))
		local made=$(echo "$line" | sed -n 's/.*made in \([0-9]*\) ms.*/\1/p')
		echo "   $format run $i: made in $made ms (command wall time $wall ms, $(stat -c %s "$WORK/report.$format") bytes)"
	done
}
echo "== baseline: COPY of the snapshot's rows"
"${BENCH[@]}" copy "$DATA" org-001 "$QUARTER" 20
echo "== baseline: the report as HTML ($RUNS runs)"
report html
load
echo "== the report as PDF/UA + PDF/A ($RUNS runs)"
report pdf
load
echo "== baseline again: the report as HTML ($RUNS runs)"
report html
load
