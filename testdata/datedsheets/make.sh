#!/usr/bin/env bash
# make.sh writes old.db.gz beside itself: a store the Scorecard of COMMIT
# (default: the last before c870425, which left sheets' dates out of the
# keys of names keyed by their sheets) wrote by importing two workbooks
# with no Ref column, each giving "Number of referrals" on two sheets
# named for their month that disagree:
#   jan.xlsx: "EH Jan 25" and "LA Jan 25"
#   feb.xlsx: "EH Feb 25" and "CSC Feb 25"
# so the store keys the name by each sheet's whole name, its date in it:
# EH's by two months' names, CSC's by one. TestDatedSheetsOfAnOldStore
# (main_datedsheets_test.go) imports March's sheets into a copy of it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(git -C "$here" rev-parse --show-toplevel)
commit=${COMMIT:-c870425~1}
export PATH="/usr/local/go/bin:$PATH"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$tmp"
(cd "$tmp" && go build -o "$tmp/scorecard" .)
/usr/bin/python3 - "$tmp" <<'PY'
import sys, openpyxl
def book(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, months, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(["Indicator", "Polarity"] + months)
        for r in rows:
            ws.append(r)
    wb.save(path)
tmp = sys.argv[1]
book(tmp + "/jan.xlsx", [
    ("EH Jan 25", ["Dec-24", "Jan-25"], [["Number of referrals", "L", 98, 100]]),
    ("LA Jan 25", ["Dec-24", "Jan-25"], [["Number of referrals", "L", 40, 41]]),
])
book(tmp + "/feb.xlsx", [
    ("EH Feb 25", ["Jan-25", "Feb-25"], [["Number of referrals", "L", 100, 101]]),
    ("CSC Feb 25", ["Jan-25", "Feb-25"], [["Number of referrals", "H", 900, 901]]),
])
PY
rm -f "$tmp/old.db"
"$tmp/scorecard" --db "$tmp/old.db" authority Kent
"$tmp/scorecard" --db "$tmp/old.db" import "$tmp/jan.xlsx"
"$tmp/scorecard" --db "$tmp/old.db" import "$tmp/feb.xlsx"
"$tmp/scorecard" --db "$tmp/old.db" list
gzip -9 -n -c "$tmp/old.db" > "$here/old.db.gz"
echo "wrote $here/old.db.gz from $commit"
