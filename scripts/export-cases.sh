#!/usr/bin/env bash
# export-cases.sh: the exports a change to package export must leave as
# they were, made with one binary from stores made once. Run it with the
# binary before a change and after it, then compare the two folders with
# scripts/same-exports.py.
#
# Usage: scripts/export-cases.sh SCORECARD STORES OUT
#   SCORECARD  the binary to export with
#   STORES     a folder for the stores; made (with SCORECARD) if empty
#   OUT        a folder for the exports
# SCORECARD_LARGE_XLSX names the large case's workbook; without it the
# large store is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 stores=$2 out=$3
realdata=${REALDATA:-/work/shared/realdata}
mkdir -p "$stores" "$out"
[ -e "$stores/demo.db" ] || "$bin" demo --db "$stores/demo.db" >/dev/null
if [ -n "${SCORECARD_LARGE_XLSX:-}" ] && [ ! -e "$stores/large.db" ]; then
	"$bin" import --db "$stores/large.db" "$SCORECARD_LARGE_XLSX" >/dev/null
fi
# Yearly figures published by the DfE, for an authority chosen first.
if [ ! -e "$stores/yearly.db" ]; then
	"$bin" authority --db "$stores/yearly.db" Essex >/dev/null
	"$bin" import --db "$stores/yearly.db" "$realdata"/cla_number_and_rate_per_10k_children.csv \
		"$realdata"/la_cla_placement_stability.csv "$realdata"/d3_cpps_subsequent_plan_2013_to_2025.csv \
		"$realdata"/csww_indicators_2017_to_2025.csv >/dev/null
fi
# Child-level lists beside the demo's scorecards: breakdowns.
if [ ! -e "$stores/child.db" ]; then
	"$bin" demo --db "$stores/child.db" >/dev/null
	"$bin" import --db "$stores/child.db" importer/childlevel/testdata/annexa-libreoffice.xlsx \
		importer/testdata/ssda903/header.csv importer/testdata/ssda903/episodes.csv importer/testdata/ssda903/uasc.csv >/dev/null
fi
export_case() { # NAME STORE ARGS...
	local name=$1 db=$2
	shift 2
	if ! "$bin" export --db "$stores/$db" "$@" >"$out/$name.txt" 2>&1; then
		echo "failed" >>"$out/$name.txt"
	fi
}
for db in demo large yearly child; do
	[ -e "$stores/$db.db" ] || continue
	export_case "$db" "$db.db" --out "$out/$db.xlsx"
	export_case "$db-suppress0" "$db.db" --suppress 0 --out "$out/$db-suppress0.xlsx"
	export_case "$db-pack" "$db.db" --out "$out/$db-pack.pdf"
done
export_case demo-uasc demo.db --exclude uasc --out "$out/demo-uasc.xlsx"
export_case demo-uasc-suppress0 demo.db --exclude uasc --suppress 0 --out "$out/demo-uasc-suppress0.xlsx"
export_case demo-district demo.db --area "${DISTRICT:-Maidstone}" --out "$out/demo-district.xlsx"
export_case demo-district-suppress10 demo.db --area "${DISTRICT:-Maidstone}" --suppress 10 --out "$out/demo-district-suppress10.xlsx"
export_case demo-earlier demo.db --period "${EARLIER:-2025-06}" --out "$out/demo-earlier.xlsx"
export_case demo-uasc-pack demo.db --exclude uasc --out "$out/demo-uasc-pack.pdf"
if [ -e "$stores/large.db" ]; then
	export_case large-uasc large.db --exclude uasc --out "$out/large-uasc.xlsx"
	export_case large-district large.db --area "${DISTRICT:-Maidstone}" --out "$out/large-district.xlsx"
	export_case large-earlier large.db --period "${LARGE_EARLIER:-2022-03}" --out "$out/large-earlier.xlsx"
fi
export_case child-uasc child.db --exclude uasc --suppress 5 --out "$out/child-uasc.xlsx"
export_case yearly-earlier yearly.db --period "${YEARLY_EARLIER:-2021}" --out "$out/yearly-earlier.xlsx"
