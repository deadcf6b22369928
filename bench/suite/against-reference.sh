#!/usr/bin/env bash
# Issue 10, item 7: the suite's wall time against the reference commit, on this machine.
#
# Runs, each on a clean clone and one after the other, (a) the reference commit's own
# `.ci/run` and (b) the same tests on the commit under test: the reference's surefire
# classes that still exist (whole classes, with whatever tests they have gained) and the
# reference's browser and jar-starting test methods by name. Prints the wall time of each.
# Run it twice, in both orders, and compare means: two runs of the same commit differ by
# 10-15 % on the 2-core VM.
#
# Usage: bench/suite/against-reference.sh [reference=1090363] [under-test=HEAD] [order=reference-first|reference-last]
set -euo pipefail
cd "$(dirname "$0")/../.."
reference=${1:-1090363}
under_test=$(git rev-parse --short "${2:-HEAD}")
order=${3:-reference-first}
work=${TMPDIR:-/tmp}/bryt-suite-$$
mkdir -p "$work"
repo=$(pwd)

# The reference's surefire classes that still exist, and its failsafe methods by name.
surefire=$(for f in $(git ls-tree -r --name-only "$reference" src/test/java | grep -E '(Test|Tests)\.java$'); do
	name=$(basename "$f" .java)
	if git ls-tree -r --name-only "$under_test" src/test/java | grep -q "/$name.java$"; then
		printf '%s,' "$name"
	fi
done | sed 's/,$//')
failsafe=$(for f in $(git ls-tree -r --name-only "$reference" src/test/java | grep -E 'IT\.java$'); do
	name=$(basename "$f" .java)
	methods=$(git show "$reference:$f" | grep -A3 '@Test$' | grep -oE 'void [a-zA-Z]+\(' | sed 's/void //; s/(//' | paste -sd+)
	printf '%s#%s,' "$name" "$methods"
done | sed 's/,$//')

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
run_reference() {
	git clone -q "$repo" "$work/reference" && (cd "$work/reference" && git checkout -q "$reference")
	local start=$(date +%s)
	(cd "$work/reference" && bash .ci/run > "$work/reference.log" 2>&1)
	echo "reference $reference (.ci/run): $(( $(date +%s) - start )) s, $(grep -E '^\[INFO\] Tests run: [0-9]+, ' "$work/reference.log" | grep -v ' in ' | tr '\n' ' ')"
}
run_under_test() {
	git clone -q "$repo" "$work/under-test" && (cd "$work/under-test" && git checkout -q "$under_test")
	local start=$(date +%s)
	(cd "$work/under-test" && ./mvnw -B -ntp verify -Dtest="$surefire" -Dit.test="$failsafe" \
		-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false > "$work/under-test.log" 2>&1)
	echo "$under_test (the reference's tests): $(( $(date +%s) - start )) s, $(grep -E '^\[INFO\] Tests run: [0-9]+, ' "$work/under-test.log" | grep -v ' in ' | tr '\n' ' ')"
}
if [ "$order" = reference-first ]; then
	run_reference
	run_under_test
else
	run_under_test
	run_reference
fi
echo "logs in $work"
