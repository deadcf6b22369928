#!/usr/bin/env bash
# Issue 10, item 7: the suite's wall time against the reference commit, on this machine.
#
# Runs, each on a clean clone and one after the other, (a) the reference commit's own
# `.ci/run` and (b) the same tests on the commit under test: the reference's surefire
# classes that still exist (whole classes, with whatever tests they have gained) and the
# reference's browser and jar-starting test methods by name. Prints the wall time of each.
# Run it twice, in both orders, and compare means: two runs of one commit differed by
# up to 13 % on the 2-core VM. Both go through `.ci/run`, which picks the JDK ($JAVA_HOME if
# it is 21 or newer, else the newest under /usr/lib/jvm); the commit under test must be
# one whose `.ci/run` passes its arguments to Maven (since the commit that added this).
#
# DRY_RUN=1 prints the lists of tests and stops.
# Usage: bench/suite/against-reference.sh [reference=1090363] [under-test=HEAD] [order=reference-first|reference-last]
set -euo pipefail
cd "$(dirname "$0")/../.."
reference=$(git rev-parse --verify --short "${1:-1090363}^{commit}")
under_test=$(git rev-parse --verify --short "${2:-HEAD}^{commit}")
order=${3:-reference-first}
work=${TMPDIR:-/tmp}/bryt-suite-$$
mkdir -p "$work"
repo=$(pwd)
echo "logs in $work"

# The reference's surefire classes that still exist, and its failsafe methods by name.
tests_now=$(git ls-tree -r --name-only "$under_test" src/test/java)
surefire=$(for f in $(git ls-tree -r --name-only "$reference" src/test/java | grep -E '(Test|Tests)\.java$'); do
	name=$(basename "$f" .java)
	if grep -qE "/${name}\.java$" <<< "$tests_now"; then
		printf '%s,' "$name"
	fi
done | sed 's/,$//')
failsafe=$(for f in $(git ls-tree -r --name-only "$reference" src/test/java | grep -E 'IT\.java$'); do
	name=$(basename "$f" .java)
	methods=$(git show "$reference:$f" | tr -d '\r' | grep -A3 -E '^\s*@(Test|ParameterizedTest|RepeatedTest)\b' \
		| grep -oE 'void [A-Za-z0-9_]+\(' | sed 's/void //; s/(//' | paste -sd+)
	if [ -z "$methods" ]; then
		echo "no test methods found in $f at $reference" >&2
		exit 1
	fi
	printf '%s#%s,' "$name" "$methods"
done | sed 's/,$//')
echo "surefire: $surefire"
echo "failsafe: $failsafe"
if [ "${DRY_RUN:-}" = 1 ]; then
	exit 0
fi

summary() {
	grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$1" \
		| sed 's/^\[[A-Z]*\] //' | paste -sd';' || true
}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
run_reference() {
	git clone -q "$repo" "$work/reference" && (cd "$work/reference" && git checkout -q "$reference")
	local start rc=0
	start=$(date +%s)
	(cd "$work/reference" && bash .ci/run > "$work/reference.log" 2>&1) || rc=$?
	echo "reference $reference (.ci/run): $(( $(date +%s) - start )) s, exit $rc; $(summary "$work/reference.log")"
}
run_under_test() {
	git clone -q "$repo" "$work/under-test" && (cd "$work/under-test" && git checkout -q "$under_test")
	local start rc=0
	start=$(date +%s)
	(cd "$work/under-test" && bash .ci/run -Dtest="$surefire" -Dit.test="$failsafe" \
		-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
		> "$work/under-test.log" 2>&1) || rc=$?
	echo "$under_test (the reference's tests, .ci/run): $(( $(date +%s) - start )) s, exit $rc; $(summary "$work/under-test.log")"
}
if [ "$order" = reference-first ]; then
	run_reference
	run_under_test
else
	run_under_test
	run_reference
fi
