#!/usr/bin/env bash
# Workload benchmark: import against PostgreSQL's COPY, GET .../workload under 50 clients,
# and the national roll-up, on the generator's dataset. Not part of ./mvnw verify.
#
#   bench/workload/run.sh                      # 300 organisations, 40,000 staff, 5,000,000 cases
#   bench/workload/run.sh 30 4000 500000       # a tenth of it
#   bench/workload/run.sh --skip-get 30 4000 500000   # only the import, its baseline and the roll-up
#
# BRYT_JAR=path/to/other.jar measures another build (default target/bryt.jar, built if missing).
# BENCH_PORT (default 18098) and BENCH_WORK (default target/bench-workload) let two runs share a machine.
# GET_SECONDS (default 20) is the length of each wrk run.
# Needs wrk (apt-get install wrk) unless --skip-get. Writes under $BENCH_WORK; starts
# Bryt on loopback and stops it by its process id at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
SKIP_GET=false
if [ "${1:-}" = "--skip-get" ]; then
	SKIP_GET=true
	shift
fi
ORGS=${1:-300}
STAFF=${2:-40000}
CASES=${3:-5000000}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=${BENCH_WORK:-target/bench-workload}
DATA=$WORK/data
OUT=$WORK/dataset
PORT=${BENCH_PORT:-18098}
JAR=${BRYT_JAR:-target/bryt.jar}

[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
$SKIP_GET || command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK"
BRYT=("$JAVA" -Xmx2g -jar "$JAR" "--bryt.db.data-dir=$DATA")
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
echo "== $JAR; working tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
load() { echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
echo "== generate $ORGS organisations, $STAFF staff, $CASES cases"
/usr/bin/time -f "generate: %e s" "${BRYT[@]}" generate --organisations "$ORGS" --staff "$STAFF" --cases "$CASES" --out "$OUT" 2>&1 | grep -v WARN
echo "== import (one JVM, every organisation's units, staff and cases)"
load
"${BRYT[@]}" import --dir "$OUT" 2>/dev/null | tail -1
load

"${BRYT[@]}" --server.port=$PORT --bryt.demo.enabled=false > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

echo "== baseline: COPY of the same case rows into a table of the same shape"
"$JAVA" -cp "$PGJDBC" bench/workload/BenchSupport.java copy "$DATA" "$OUT"
load
echo "== the honest limit: COPY of the same cases, first deadlines and handlers into keyed, indexed copies of the tables"
"$JAVA" -cp "$PGJDBC" bench/workload/BenchSupport.java keyed "$DATA" "$OUT"
load

if ! $SKIP_GET; then

TOKEN=$("$JAVA" -cp "$PGJDBC" bench/workload/BenchSupport.java token "$DATA" org-001)
URL="http://127.0.0.1:$PORT/api/v1/organisations/org-001/workload"
echo "== GET workload of org-001 ($(head -c 0 /dev/null)$(($(wc -l < "$OUT/org-001/staff.csv") - 1)) staff): first request (computes)"
curl -s -o /dev/null -w "first request: %{time_total} s, %{size_download} bytes\n" -H "Authorization: Bearer $TOKEN" "$URL"
SECONDS_EACH=${GET_SECONDS:-20}
echo "== 50 clients, ${SECONDS_EACH} s each (wrk, 2 threads), alternating the health endpoint, workload plain and gzip"
# p99 in ms from wrk --latency's distribution
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.1f", v }'; }
bench() { # name, wrk arguments
	local name=$1
	shift
	local result
	result=$(wrk -t2 -c50 -d"${SECONDS_EACH}s" --latency "$@")
	printf '%-8s %s req/s, p50 %s, p99 %s ms%s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$result")" \
		"$(awk '$1 == "50%" {print $2}' <<<"$result")" "$(p99 <<<"$result")" \
		"$(grep -E 'Non-2xx|Socket' <<<"$result" | tr -s ' ' | sed 's/^/; /' | tr -d '\n')"
	echo "$name $(p99 <<<"$result")" >> "$WORK/p99"
}
: > "$WORK/p99"
# Warm up (JIT, connection pool) without counting, then H P H G H P H G H: each workload
# run is compared with the health runs just before and after it, which saw the same noise.
wrk -t2 -c50 -d5s "http://127.0.0.1:$PORT/actuator/health" >/dev/null
wrk -t2 -c50 -d5s -H "Authorization: Bearer $TOKEN" "$URL" >/dev/null
wrk -t2 -c50 -d5s -H "Authorization: Bearer $TOKEN" -H "Accept-Encoding: gzip" "$URL" >/dev/null
for _ in 1 2; do
	bench health "http://127.0.0.1:$PORT/actuator/health"
	bench plain -H "Authorization: Bearer $TOKEN" "$URL"
	bench health "http://127.0.0.1:$PORT/actuator/health"
	bench gzip -H "Authorization: Bearer $TOKEN" -H "Accept-Encoding: gzip" "$URL"
done
bench health "http://127.0.0.1:$PORT/actuator/health"
awk '{ name[NR] = $1; p[NR] = $2 }
	END {
		for (i = 2; i < NR; i += 2) {
			ratio = p[i] / ((p[i - 1] + p[i + 1]) / 2)
			printf "p99 %s %.1f ms / health around it %.1f ms = %.2fx\n", name[i], p[i], (p[i - 1] + p[i + 1]) / 2, ratio
		}
	}' "$WORK/p99"
load
fi

echo "== national roll-up over all organisations (command line, attached to the running server's database)"
for _ in 1 2 3; do "${BRYT[@]}" workload national 2>&1 >/dev/null | grep "roll-up"; done
load
