#!/usr/bin/env bash
# bench-export-cold.sh: `scorecard export` of the large case as the officer
# waits for it (a fresh process reading the five-year store and writing
# the workbook), against its peer in the same run: a fresh Python process
# writing the same cells, sheet by sheet, with XlsxWriter in
# constant-memory mode (issue 17's targets: at least 3x faster, peak
# memory within 2x of XlsxWriter's).
#
# The peer's cells are the ones the export wrote, read once beforehand
# with openpyxl in full mode and kept as JSON lines, so both write the
# same values; streaming those lines is the peer's reading of its data, as
# reading the store is the export's, and holds no more than a line, so
# the peer's peak memory is XlsxWriter's own. The same untimed step proves the export is
# read back completely by openpyxl in read-only mode (every sheet's every
# value equal to full mode's), which needs each sheet's true dimension.
#
# The machine is shared, so the two run in turn, ROUNDS times, and the
# medians are compared. Beside them, in the same rounds, the same binary
# runs `scorecard imports` on the same store, the cheapest command that
# opens it: its peak memory is the floor the export's stands on (the
# binary's own pages, mapped as it runs, and the runtime's), so a reader
# sees how much of the export's peak is the export's.
# Usage: scripts/bench-export-cold.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
rounds=${1:-5}
python=${PYTHON:-/usr/bin/python3}
if ! "$python" -c 'import openpyxl, xlsxwriter' 2>/dev/null; then
	echo "bench-export-cold: $python lacks openpyxl or xlsxwriter (apt-get install python3-openpyxl python3-xlsxwriter)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -tags egl -o "$tmp/scorecard" . # as make build builds it
"$python" scripts/uncache.py "$tmp/scorecard" # read from disk, as an installed binary is
export SCORECARD_LARGE_XLSX="$tmp/large.xlsx"
CGO_ENABLED=0 go test -tags ci -c -o "$tmp/importer.test" ./importer
"$tmp/importer.test" -test.run '^$' -test.bench '^BenchmarkReadLarge$' -test.benchtime 1x >/dev/null
store="$tmp/five-years.db"
"$tmp/scorecard" import --db "$store" "$SCORECARD_LARGE_XLSX" >/dev/null
"$tmp/scorecard" export --db "$store" --out "$tmp/first.xlsx" >/dev/null

# Read back: read-only mode must see what full mode sees, sheet by sheet.
"$python" - "$tmp/first.xlsx" "$tmp/cells.jsonl" <<'PY'
import json, sys
import openpyxl

full = openpyxl.load_workbook(sys.argv[1], data_only=True)
lean = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = open(sys.argv[2], "w")
sheets, total = 0, 0
for ws in full.worksheets:
    want = [[c.value for c in row] for row in ws.iter_rows()]
    got = [[c.value for c in row] for row in lean[ws.title].iter_rows()]
    # Trailing empties are a writer's choice; the values are what count.
    trim = lambda rows: [r[: max([i + 1 for i, v in enumerate(r) if v is not None] or [0])] for r in rows]
    if trim(want) != trim(got):
        sys.exit("bench-export-cold: openpyxl read-only reads sheet %r differently from full mode (dimension %s)" % (ws.title, lean[ws.title].calculate_dimension()))
    out.write(json.dumps({"sheet": ws.title}) + "\n")
    for r, row in enumerate(want):
        for c, v in enumerate(row):
            if v is not None:
                out.write(json.dumps([r, c, v], default=str) + "\n")
                total += 1
    sheets += 1
out.close()
print("read back by openpyxl read-only: %d sheets, %d values, all as full mode reads them" % (sheets, total))
PY

cat >"$tmp/xlsxwriter_write.py" <<'PY'
import json, sys
import xlsxwriter

wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
ws = None
# Constant-memory mode writes row by row: the cells come in row order.
for line in open(sys.argv[1]):
    x = json.loads(line)
    if isinstance(x, dict):
        ws = wb.add_worksheet(x["sheet"])
    else:
        ws.write(x[0], x[1], x[2])
wb.close()
PY

# timed NAME CMD...: runs CMD, appending its wall seconds and peak KB to
# $tmp/NAME (scripts/timer.py); its output is discarded, a failure stops
# the benchmark.
timed() {
	local name=$1
	shift
	if ! "$python" scripts/timer.py "$tmp/t" "$@" >"$tmp/out" 2>&1; then
		echo "bench-export-cold: $name failed:" >&2
		cat "$tmp/out" >&2
		exit 1
	fi
	cat "$tmp/t" >>"$tmp/$name"
}
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
col() { awk -v c="$2" '{print $c}' "$tmp/$1" | median; }

for _ in $(seq "$rounds"); do
	rm -f "$tmp/out.xlsx" "$tmp/peer.xlsx"
	timed export "$tmp/scorecard" export --db "$store" --out "$tmp/out.xlsx"
	timed xlsxwriter "$python" "$tmp/xlsxwriter_write.py" "$tmp/cells.jsonl" "$tmp/peer.xlsx"
	timed floor "$tmp/scorecard" imports --db "$store"
done

echo "${rounds} rounds, medians"
row() { printf '  %-44s %7.3f s   peak %6.1f MB\n' "$1" "$(col "$2" 1)" "$(awk -v k="$(col "$2" 2)" 'BEGIN {print k/1024}')"; }
row "scorecard export (cold, five-year store)" export
row "XlsxWriter constant-memory, same cells" xlsxwriter
row "scorecard imports (same binary and store)" floor
awk -v e="$(col export 1)" -v x="$(col xlsxwriter 1)" -v em="$(col export 2)" -v xm="$(col xlsxwriter 2)" 'BEGIN {
	printf "  export: %.1fx faster than XlsxWriter constant-memory (target >= 3x: %s)\n", x / e, (x / e >= 3 ? "met" : "NOT met")
	printf "  export peak memory: %.1fx XlsxWriter'"'"'s (target <= 2x: %s)\n", em / xm, (em / xm <= 2 ? "met" : "NOT met")
}'
awk -v em="$(col export 2)" -v xm="$(col xlsxwriter 2)" -v fm="$(col floor 2)" 'BEGIN {
	printf "  floor: `scorecard imports` peaks at %.1f MB, %.1fx XlsxWriter'"'"'s, before any export; the export adds %.1f MB to it\n", fm / 1024, fm / xm, (em - fm) / 1024
}'
