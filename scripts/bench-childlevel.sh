#!/usr/bin/env bash
# Child-level import speed: a 100,000-row Annex A List 8 workbook and the
# SSDA903 tables of 100,000 children, each read and aggregated by cohort,
# against the target of under 3 s; and cohort exclusion over 100
# indicators x 13 areas x 3 splits x 60 months, which the window reruns on
# every toggle (target under 0.2 s, so a toggle feels immediate). Prints
# each benchmark's seconds per run and a verdict; exits 1 if any is too
# slow.
#
#   BENCHTIME  runs per benchmark (default 3x)
set -euo pipefail
cd "$(dirname "$0")/.."

benchtime=${BENCHTIME:-3x}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
CGO_ENABLED=0 go test -tags ci -run '^$' -bench . -benchtime "$benchtime" -benchmem \
	./importer/childlevel ./app/cohort | tee "$out"

echo
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 2; i <= NF; i++) if ($(i+1) == "ns/op") ns = $i
	secs = ns / 1e9
	limit = (name ~ /Exclude/) ? 0.2 : 3
	verdict = (secs < limit) ? "ok" : "TOO SLOW"
	printf "%-24s %8.3f s per run  (target < %g s)  %s\n", name, secs, limit, verdict
	if (secs >= limit) failed = 1
}
END { exit failed }
' "$out"
