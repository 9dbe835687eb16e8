#!/usr/bin/env bash
# bench-export.sh: how fast `scorecard export` writes the large generated
# history (124 indicators for Kent and its 12 districts over 60 months:
# the scorecard, a sparkline per indicator, a native SPC line chart per
# flagged indicator, the districts table and a tidy Data sheet of every
# figure), against issue 6's target of under 2 s; and the demo history
# excluding UASC. Prints each benchmark's seconds per run, peak memory
# and what was written, and a verdict; exits 1 if the large export is too
# slow.
#
#   BENCHTIME  runs per benchmark (default 3x; the machine is shared, so
#              more runs give a steadier figure)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

benchtime=${BENCHTIME:-3x}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
CGO_ENABLED=0 go test -tags ci -run '^$' -bench 'BenchmarkWrite' -benchtime "$benchtime" -benchmem \
	./app/export | tee "$out"

echo
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	extra = ""
	for (i = 2; i <= NF; i++) {
		if ($(i+1) == "ns/op") ns = $i
		if ($(i+1) == "B/op") mem = $i
		if ($(i+1) ~ /^(indicators|charts|datarows)$/) extra = extra " " $i " " $(i+1)
	}
	secs = ns / 1e9
	limit = 2
	verdict = (secs < limit) ? "ok" : "TOO SLOW"
	printf "%-20s %7.3f s per run  %6.0f MB allocated  (target < %g s)  %s%s\n", name, secs, mem / 1e6, limit, verdict, extra
	if (secs >= limit) failed = 1
}
END { exit failed }
' "$out"
