#!/usr/bin/env bash
# bench-pg.sh: the team store's speed as ratios to the bbolt store's on the
# same machine (issue 21's targets: opening the store and loading the 5-year
# large history within 3x of bbolt, importing the large history within 2x).
# Runs BenchmarkEngines in app/store/postgres against a private PostgreSQL
# cluster (scripts/postgres.sh), RUNS times, and compares the medians.
# Usage: scripts/bench-pg.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
runs=${1:-3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
scripts/postgres.sh run -- go test -tags ci -run '^$' -bench '^BenchmarkEngines$' -benchtime 2x -count "$runs" ./app/store/postgres >"$out"
grep '^BenchmarkEngines' "$out"
awk '
/^BenchmarkEngines\// {
	split($1, p, "/"); sub(/-[0-9]+$/, "", p[3])
	key = p[2] " " p[3]; n[key]++; t[key, n[key]] = $3
}
function median(key,   i, j, m, v, x) {
	m = n[key]
	for (i = 1; i <= m; i++) v[i] = t[key, i]
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
	return v[int((m + 1) / 2)]
}
END {
	split("open+load:3 import:2", ops, " ")
	for (o in ops) {
		split(ops[o], f, ":")
		b = median("bolt " f[1]); g = median("postgres " f[1])
		if (b == 0 || g == 0) { print "bench-pg: no times for " f[1] > "/dev/stderr"; exit 1 }
		printf "%-10s bbolt %6.0f ms  postgres %6.0f ms  ratio %.1fx (target <= %dx)\n", f[1], b / 1e6, g / 1e6, g / b, f[2]
	}
}' "$out"
