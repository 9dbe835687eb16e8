#!/usr/bin/env bash
# Prints every performance figure the issues set a target for, each beside
# its target. The per-area scripts do the work; this runs them in turn and
# adds the Go benchmarks that need no script of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

section() { printf '\n== %s\n' "$1"; }

section "Import (issue 3): large workbook, target < 2 s and >= 5x faster than openpyxl"
scripts/bench-import.sh

section "What the officer waits for (issue 17): scorecard import cold into a fresh store vs openpyxl (target >= 5x); list, show vs imports on five years (targets <= 2x, <= 3x)"
scripts/bench-cold.sh

section "Direction of travel (issue 4): every indicator x 13 areas x 3 cohorts x 60 months, target < 50 ms"
go test -tags ci -run '^$' -bench 'BenchmarkAnalyseAll|BenchmarkAnalyseSplit|BenchmarkFlags' -benchmem -count 5 ./app/trend
# The window runs with GOGC=400 (window.go): the same, as it runs there.
echo "-- at GOGC=400, as the window runs"
GOGC=400 go test -tags ci -run '^$' -bench 'BenchmarkAnalyseAll' -benchmem -count 3 ./app/trend

section "Cohorts (issue 5): 100,000-row child-level list, target < 3 s"
scripts/bench-childlevel.sh

section "Export (issue 6): large history with sparklines and charts, target < 2 s"
scripts/bench-export.sh

section "Export as the officer waits (issue 17): cold export of the five-year store vs XlsxWriter constant-memory (target >= 3x; peak memory <= 2x), read back by openpyxl read-only"
scripts/bench-export-cold.sh

section "Store: import and load 234,000 observations"
go test -tags ci -run '^$' -bench 'BenchmarkImport$|BenchmarkLoad' -benchtime 3x -benchmem ./app/store

section "Team store (issue 21): PostgreSQL as a ratio to bbolt, open+load the 5-year history <= 3x, import it <= 2x"
scripts/bench-pg.sh

section "Window (issue 7): first frame with a 5-year store (target < 1.5 s), cohort toggle redraw (target < 100 ms)"
go test -tags ci -run '^$' -bench 'BenchmarkFirstFrame|BenchmarkCohortToggle' -benchtime 5x -benchmem ./views
