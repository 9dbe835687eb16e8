#!/usr/bin/env bash
# bench-cold.sh: what the officer waits for, each command a fresh process
# as the officer runs it, each against its peer in the same run:
#
#   scorecard import of the large workbook (124 indicators, Kent and its 12
#   districts, 60 months) into a fresh store, and again into the store
#   holding it, against openpyxl read-only touching every cell (issue 17's
#   targets: >= 5x, >= 4x);
#   scorecard list and show REF --json on the five-year store that import
#   makes, against scorecard imports, the cheapest command that opens the
#   store (targets: list <= 2x, show <= 3x);
#   the large import's peak memory (target < 100 MB) and the five-year
#   store's bytes per figure (target <= 60);
#   list and show against imports on stores whose history grows 1, 2, 4
#   and 8 times, by monthly files and by years of months (targets: each
#   flat within 1.5x from 1x to 8x);
#   scorecard import, cold, of tidy CSVs grown 1x, 2x, 4x and 8x by months
#   and by indicators, and the store's own import of a grid grown so: time,
#   peak memory, allocation and store bytes per figure, each flat when the
#   import is linear.
#
# The machine is shared, so the commands run in turn, ROUNDS times, and the
# medians are compared. OLD=path/to/scorecard adds an older binary's import
# (and its list and show, on a five-year store it writes itself) to each
# round, to compare builds. Usage: scripts/bench-cold.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
rounds=${1:-5}
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import openpyxl' 2>/dev/null; then
	echo "bench-cold: $python has no openpyxl (apt-get install python3-openpyxl)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -tags egl -o "$tmp/scorecard" . # as make build builds it
"$python" scripts/uncache.py "$tmp/scorecard" # read from disk, as an installed binary is
export SCORECARD_LARGE_XLSX="$tmp/large.xlsx"
CGO_ENABLED=0 go test -tags ci -c -o "$tmp/importer.test" ./importer
"$tmp/importer.test" -test.run '^$' -test.bench '^BenchmarkReadLarge$' -test.benchtime 1x >/dev/null
go test -tags ci -c -o "$tmp/store.test" ./app/store
mkdir "$tmp/history"
SCORECARD_HISTORY_DIR="$tmp/history" "$tmp/store.test" -test.run '^TestWriteHistoryStores$' >/dev/null
# Tidy CSVs of 50 indicators x Kent and its districts x 36 months (Kent
# the sum of its districts, so that nothing is warned of), grown 2x, 4x,
# 8x by months (back to 2002) and by indicators.
mkdir "$tmp/csv"
"$python" - "$tmp/csv" <<'PY'
import sys
areas = ["Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone",
         "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]
def write(path, inds, months):
    ps, y, m = [], 2026, 9
    for _ in range(months):
        ps.append("%04d-%02d" % (y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    ps.reverse()
    with open(path, "w") as f:
        f.write("Ref,Area,Period,Value\n")
        for i in range(inds):
            for k, p in enumerate(ps):
                vs = [(i * 7 + a * 3 + k) % 50 for a in range(len(areas))]
                f.write("KPI%03d,Kent,%s,%d\n" % (i + 1, p, sum(vs)))
                for a, v in zip(areas, vs):
                    f.write("KPI%03d,%s,%s,%d\n" % (i + 1, a, p, v))
for x in (1, 2, 4, 8):
    write("%s/months%d.csv" % (sys.argv[1], x), 50, 36 * x)
    write("%s/indicators%d.csv" % (sys.argv[1], x), 50 * x, 36)
PY

cat >"$tmp/openpyxl_read.py" <<'PY'
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            cell.value
            cells += 1
wb.close()
print(cells)
PY

# timed NAME CMD...: runs CMD, appending its wall seconds and peak KB to
# $tmp/NAME (scripts/timer.py); its output is discarded, a failure stops
# the benchmark.
timed() {
	local name=$1
	shift
	if ! "$python" scripts/timer.py "$tmp/t" "$@" >"$tmp/out" 2>&1; then
		echo "bench-cold: $name failed:" >&2
		cat "$tmp/out" >&2
		exit 1
	fi
	cat "$tmp/t" >>"$tmp/$name"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
col() { awk -v c="$2" '{print $c}' "$tmp/$1" | median; }

store="$tmp/five-years.db"
"$tmp/scorecard" import --db "$store" "$SCORECARD_LARGE_XLSX" >/dev/null
if [ -n "${OLD:-}" ]; then
	# An older build may not read this build's store, nor this its.
	"$python" scripts/uncache.py "$OLD"
	old_store="$tmp/old-five-years.db"
	"$OLD" import --db "$old_store" "$SCORECARD_LARGE_XLSX" >/dev/null
fi
# The same workbook compressed afresh is another file to the store (its
# SHA-256 differs) stating every figure again: the monthly re-import, into
# a store already holding five years, automatic backup included.
again="$tmp/large-again.xlsx"
"$python" - "$SCORECARD_LARGE_XLSX" "$again" <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
    for info in src.infolist():
        out.writestr(info.filename, src.read(info.filename))
PY
ref=$("$tmp/scorecard" list --db "$store" --json | "$python" -c 'import json, sys; print(json.load(sys.stdin)[0]["ref"])')

# import_fresh NAME BINARY: times BINARY's import of the large workbook
# into a fresh store.
import_fresh() {
	rm -rf "$tmp/fresh" && mkdir "$tmp/fresh"
	timed "$1" "$2" import --db "$tmp/fresh/s.db" "$SCORECARD_LARGE_XLSX"
	if ls "$tmp/fresh" | grep -q backup; then
		echo "bench-cold: an import into a fresh store made an automatic backup" >&2
		exit 1
	fi
}

for round in $(seq "$rounds"); do
	# Whichever command follows another runs warmer (the file and the
	# binaries in the page cache, the CPU's clock up), so the order of
	# scorecard, openpyxl and OLD turns each round rather than favouring
	# one of them throughout.
	case $((round % 3)) in
	1) order="import openpyxl old" ;;
	2) order="openpyxl old import" ;;
	0) order="old import openpyxl" ;;
	esac
	for what in $order; do
		case $what in
		import) import_fresh import "$tmp/scorecard" ;;
		openpyxl) timed openpyxl "$python" "$tmp/openpyxl_read.py" "$SCORECARD_LARGE_XLSX" ;;
		old) if [ -n "${OLD:-}" ]; then import_fresh old-import "$OLD"; fi ;;
		esac
	done
	rm -rf "$tmp/held" && mkdir "$tmp/held" && cp "$store" "$tmp/held/s.db"
	timed reimport "$tmp/scorecard" import --db "$tmp/held/s.db" "$again"
	timed imports "$tmp/scorecard" imports --db "$store"
	timed list "$tmp/scorecard" list --db "$store"
	timed show "$tmp/scorecard" show "$ref" --db "$store" --json
	if [ -n "${OLD:-}" ]; then
		timed old-imports "$OLD" imports --db "$old_store"
		timed old-list "$OLD" list --db "$old_store"
		timed old-show "$OLD" show "$ref" --db "$old_store" --json
	fi
	for c in months1 months2 months4 months8 indicators1 indicators2 indicators4 indicators8; do
		rm -rf "$tmp/fresh" && mkdir "$tmp/fresh"
		timed "csv-$c" "$tmp/scorecard" import --db "$tmp/fresh/s.db" "$tmp/csv/$c.csv"
	done
	for h in m1 m2 m4 m8 y1 y2 y4 y8; do
		timed "$h-imports" "$tmp/scorecard" imports --db "$tmp/history/$h.db"
		timed "$h-list" "$tmp/scorecard" list --db "$tmp/history/$h.db"
		timed "$h-show" "$tmp/scorecard" show KPI001 --db "$tmp/history/$h.db" --json
	done
done

store_kb=$(du -k "$store" | cut -f1)
echo "large workbook: $(du -k "$SCORECARD_LARGE_XLSX" | cut -f1) KB; five-year store: ${store_kb} KB; ${rounds} rounds, medians"
row() { printf '  %-40s %7.3f s   peak %6.1f MB\n' "$1" "$(col "$2" 1)" "$(awk -v k="$(col "$2" 2)" 'BEGIN {print k/1024}')"; }
row "scorecard import, fresh store" import
[ -n "${OLD:-}" ] && row "$(basename "$OLD") import, fresh store" old-import
row "scorecard import, five years held" reimport
row "openpyxl read-only, every cell" openpyxl
row "scorecard imports (five years)" imports
row "scorecard list" list
row "scorecard show $ref --json" show
if [ -n "${OLD:-}" ]; then
	row "$(basename "$OLD") imports" old-imports
	row "$(basename "$OLD") list" old-list
	row "$(basename "$OLD") show $ref --json" old-show
fi
awk -v i="$(col import 1)" -v r="$(col reimport 1)" -v p="$(col openpyxl 1)" -v im="$(col imports 1)" -v l="$(col list 1)" -v s="$(col show 1)" 'BEGIN {
	printf "  import: %.1fx faster than openpyxl (target >= 5x: %s)\n", p / i, (p / i >= 5 ? "met" : "NOT met")
	printf "  import into five years: %.1fx faster than openpyxl (target >= 4x: %s)\n", p / r, (p / r >= 4 ? "met" : "NOT met")
	printf "  list: %.1fx imports (target <= 2x: %s); show: %.1fx imports (target <= 3x: %s)\n",
		l / im, (l / im <= 2 ? "met" : "NOT met"), s / im, (s / im <= 3 ? "met" : "NOT met")
}'
if [ -n "${OLD:-}" ]; then
	awk -v i="$(col import 1)" -v o="$(col old-import 1)" 'BEGIN { printf "  this build imports in %.2fx the time of %s\n", i / o, "'"$(basename "$OLD")"'" }'
fi

figures=$("$tmp/scorecard" imports --db "$store" --json | "$python" -c 'import json, sys; print(sum(r["counts"]["observations"] for r in json.load(sys.stdin)))')
bytes=$(stat -c %s "$store")
awk -v m="$(col import 2)" -v b="$bytes" -v n="$figures" 'BEGIN {
	printf "  peak memory of the import: %.1f MB (target < 100 MB: %s)\n", m / 1024, (m / 1024 < 100 ? "met" : "NOT met")
	printf "  five-year store: %d bytes for %d figures, %.1f bytes a figure (target <= 60: %s)\n", b, n, b / n, (b / n <= 60 ? "met" : "NOT met")
}'
if [ -n "${OLD:-}" ]; then
	awk -v b="$(stat -c %s "$old_store")" -v n="$figures" -v m="$(col old-import 2)" -v o="$(basename "$OLD")" 'BEGIN {
		printf "  %s: peak memory of the import %.1f MB, store %.1f bytes a figure\n", o, m / 1024, b / n
	}'
fi

# history KIND WHAT: the table and flatness of the stores KIND1..KIND8.
history() {
	echo "$2, medians:"
	printf '  %-8s %9s %9s %9s %9s %9s %9s %9s\n' history store-MB imports list show list/imp show/imp show-KB
	for x in 1 2 4 8; do
		local h="$1$x"
		awk -v x="$x" -v mb="$(stat -c %s "$tmp/history/$h.db")" -v i="$(col "$h-imports" 1)" -v l="$(col "$h-list" 1)" -v s="$(col "$h-show" 1)" \
			-v kb="$("$tmp/scorecard" show KPI001 --db "$tmp/history/$h.db" --json | wc -c)" \
			'BEGIN { printf "  %-8s %9.1f %8.3fs %8.3fs %8.3fs %9.2f %9.2f %9.0f\n", x "x", mb / 1048576, i, l, s, l / i, s / i, kb / 1024 }'
	done
	awk -v l1="$(col "${1}1-list" 1)" -v l8="$(col "${1}8-list" 1)" -v s1="$(col "${1}1-show" 1)" -v s8="$(col "${1}8-show" 1)" 'BEGIN {
		printf "  list at 8x history: %.2fx its time at 1x (target <= 1.5x: %s); show: %.2fx (target <= 1.5x: %s)\n",
			l8 / l1, (l8 / l1 <= 1.5 ? "met" : "NOT met"), s8 / s1, (s8 / s1 <= 1.5 ? "met" : "NOT met")
	}'
}
history m "history of 1, 2, 4, 8 monthly files (100 indicators x 13 areas x 3 cohorts x 60 months each, a month apart)"
history y "history of 1, 2, 4, 8 five-year files, end to end (show prints every month held: its output grows with them)"

echo "scorecard import, cold, of a tidy CSV grown by months and by indicators (50 indicators x 13 areas x 36 months at 1x), medians:"
printf '  %-16s %8s %9s %9s %12s %10s\n' csv figures time peak-MB "us/figure" "vs 1x"
for g in months indicators; do
	for x in 1 2 4 8; do
		awk -v g="$g" -v x="$x" -v n="$(wc -l <"$tmp/csv/$g$x.csv")" -v t="$(col "csv-$g$x" 1)" -v m="$(col "csv-$g$x" 2)" -v t1="$(col "csv-${g}1" 1)" -v n1="$(wc -l <"$tmp/csv/${g}1.csv")" \
			'BEGIN { printf "  %-16s %8d %8.3fs %9.1f %12.2f %10.2f\n", g "=" x "x", n - 1, t, m / 1024, 1e6 * t / (n - 1), (t / (n - 1)) / (t1 / (n1 - 1)) }'
	done
done

echo "store import of a grid grown by months and by indicators (16 indicators x 13 areas x 3 cohorts x 60 months at 1x):"
# Each size runs for a time, not a count: three imports of the 1x grid
# took some 25 ms, and a collection or the machine's other work falling in
# them moved its time per figure by half, and the 8x/1x ratio with it
# (1.09 in one run, 2.10 in the next, on the same build). For 2 s, not
# 0.4: the 8x grid's import allocates some 80 MB, which the runtime hands
# back to the kernel between imports and faults in again, at some 11 us a
# page on this machine; in four imports that churn took up to half the
# time, none of it the store's (233, 494 and 454 ns a figure in three runs
# of one build, the 1x grid 220 to 259; handed back with MADV_FREE, which
# leaves the pages mapped, 226 to 229), and in some 36 it is amortised:
# 8x/1x came to 1.18 and 1.19 in two runs.
"$tmp/store.test" -test.run '^$' -test.bench '^BenchmarkImportScaling$' -test.benchtime 2s -test.benchmem | awk '
	/^BenchmarkImportScaling\// {
		name = $1; sub(/^BenchmarkImportScaling\//, "", name); sub(/-[0-9]+$/, "", name)
		for (i = 2; i <= NF; i++) { v[$(i+1)] = $i }
		printf "  %-16s %8d figures %8.0f ns/figure %6.1f store-B/figure %6.0f alloc-B/figure\n", name, v["figures"], v["ns/figure"], v["store-B/figure"], v["B/op"] / v["figures"]
		if (name ~ /=1x$/) { base = v["ns/figure"] } else if (name ~ /=8x$/) { printf "  %-16s 8x/1x time per figure: %.2f (linear within 1.5: %s)\n", "", v["ns/figure"] / base, (v["ns/figure"] / base <= 1.5 ? "yes" : "NO") }
	}'

