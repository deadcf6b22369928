#!/usr/bin/env bash
# Overview benchmarks (issue 15), not part of ./mvnw verify:
# 1. the committee report of the generator's org-001 (2,000 staff) as PDF, target ≤ 3 s, against
#    two baselines in the same run: the same report as HTML only (the template without the PDF
#    layout) and PostgreSQL's COPY of the snapshot's rows; warm (downloads from the running
#    server by a logged-in HR account, after a warm-up) and cold (the report command, a JVM each);
# 2. the overview page of org-001 for that HR account, 20 concurrent users (wrk, a session
#    cookie), p99 against the health endpoint in the same run.
#
#   bench/overview/run.sh                 # 1 organisation, 2,000 staff, 30,000 cases
#   bench/overview/run.sh 2000 30000      # the same, spelled out
#
# BRYT_JAR=path/to/other.jar measures another build (default target/bryt.jar, built if missing).
# BENCH_PORT (default 18096) and BENCH_WORK (default target/bench-overview) let two runs share a
# machine. RUNS (default 3) cold reports of each format, WARM (default 10) warm downloads of each
# after 3 unmeasured; QUARTER (default the last ended quarter); PAGE_SECONDS (default 20) per wrk run.
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
RUNS=${RUNS:-3}
WARM=${WARM:-10}
PAGE_SECONDS=${PAGE_SECONDS:-20}
QUARTER=${QUARTER:-$(date -d "$(date +%Y-%m-01) -$(( ($(date +%-m) - 1) % 3 )) month -1 day" +%Y)-Q$(( ($(date -d "$(date +%Y-%m-01) -$(( ($(date +%-m) - 1) % 3 )) month -1 day" +%-m) + 2) / 3 ))}

command -v wrk >/dev/null || { echo "wrk is missing (the overview page under 20 users): apt-get install wrk" >&2; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
rm -rf "$WORK"
mkdir -p "$WORK"
BRYT=("$JAVA" -Xmx1g -jar "$JAR" "--bryt.db.data-dir=$DATA")
PGJDBC=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)
BCPROV=$(ls ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/*/bcprov-jdk18on-*.jar | grep -v sources | tail -1)
BENCH=("$JAVA" -cp "$PGJDBC:$BCPROV" bench/overview/ReportBench.java)

echo "== $(date -u '+%F %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
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

BASE="http://127.0.0.1:$PORT"
PASSWORD="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SNAPSHOT=$("${BENCH[@]}" account "$DATA" org-001 "$QUARTER" bench-hr "$PASSWORD")
JAR_FILE=$WORK/cookies
CSRF=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "username=bench-hr" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "$BASE/login"
COOKIE=$(awk -F'\t' 'NF >= 7 { printf "%s=%s; ", $6, $7 }' "$JAR_FILE")
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/overview")
[ "$STATUS" = 200 ] || { echo "The HR login did not reach the overview page (HTTP $STATUS)" >&2; exit 1; }

download() { # format: WARM timed downloads after 3 unmeasured, as the report page's links make them
	local format=$1 url="$BASE/overview/reports/$SNAPSHOT?format=$1" i times=""
	for i in 1 2 3; do curl -s -o /dev/null -H "Cookie: $COOKIE" "$url"; done
	# The server's CPU time (all its threads, in clock ticks) over the timed downloads: on a
	# shared machine the wall time says more about the neighbours than about the report.
	local ticks=$(awk '{ print $14 + $15 }' "/proc/$SERVER/stat")
	for i in $(seq 1 "$WARM"); do
		times="$times $(curl -s -o "$WORK/warm.$format" -w '%{time_total}' -H "Cookie: $COOKIE" "$url")"
	done
	ticks=$(( $(awk '{ print $14 + $15 }' "/proc/$SERVER/stat") - ticks ))
	echo "   $format, $WARM downloads (s):$times ($(stat -c %s "$WORK/warm.$format") bytes;" \
		"server CPU $(( ticks * 1000 / $(getconf CLK_TCK) / WARM )) ms per download)"
	echo "$times" | tr ' ' '\n' | sort -n | awk 'NF { v[++n] = $1 } END { printf "   %s median %.2f s, best %.2f s, worst %.2f s\n", "'"$format"'", v[int((n + 1) / 2)], v[1], v[n] }'
}
echo "== warm: the report of snapshot $SNAPSHOT downloaded from the running server (-Xmx1g) by an HR session"
download html
download pdf
download html
load

echo "== the overview page of org-001, 20 concurrent users (wrk -t2 -c20 -d${PAGE_SECONDS}s), against health"
p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.1f", v }'; }
page() { # name, wrk arguments
	local name=$1 result
	shift
	result=$(wrk -t2 -c20 -d"${PAGE_SECONDS}s" --timeout 30s --latency "$@")
	printf '   %-8s %s req/s, p50 %s, p99 %s ms%s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$result")" \
		"$(awk '$1 == "50%" {print $2}' <<<"$result")" "$(p99 <<<"$result")" \
		"$(grep -E 'Non-2xx|Socket' <<<"$result" | tr -s ' ' | sed 's/^/; /' | tr -d '\n')"
	# wrk counts only the requests that ended within the run; none ended: no p99 to compare
	if [ "$(awk '/^ +[0-9]+ requests in/ {print $1}' <<<"$result")" = 0 ]; then
		echo "   $name: no request ended within ${PAGE_SECONDS} s"
		echo "$name none" >> "$WORK/p99"
	else
		echo "$name $(p99 <<<"$result")" >> "$WORK/p99"
	fi
}
: > "$WORK/p99"
curl -s -o /dev/null -w "   first overview page: %{time_total} s, %{size_download} bytes\n" -H "Cookie: $COOKIE" "$BASE/overview"
wrk -t2 -c20 -d5s "$BASE/actuator/health" >/dev/null
wrk -t2 -c20 -d5s --timeout 30s -H "Cookie: $COOKIE" "$BASE/overview" >/dev/null
for _ in 1 2; do
	page health "$BASE/actuator/health"
	page overview -H "Cookie: $COOKIE" "$BASE/overview"
done
page health "$BASE/actuator/health"
awk '{ name[NR] = $1; p[NR] = $2 }
	END {
		for (i = 2; i < NR; i += 2) {
			if (p[i] == "none" || p[i - 1] == "none" || p[i + 1] == "none") {
				printf "   p99 %s: not comparable (a run without an ended request)\n", name[i]
				continue
			}
			printf "   p99 %s %.1f ms / health around it %.1f ms = %.1fx\n", name[i], p[i], (p[i - 1] + p[i + 1]) / 2,
				p[i] / ((p[i - 1] + p[i + 1]) / 2)
		}
	}' "$WORK/p99"
load
