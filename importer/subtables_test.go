package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTablesBelowTheFirst: a header row below a scorecard's first (a
// second table with its own years and quarters, the header repeated
// under each section, a table of districts) is a header, never an
// indicator. A table of periods is read by its own columns; a repeat
// changes nothing; a table the sheet cannot read in place is skipped,
// naming its rows. The second table's annual figures had been filed as
// months under the first header, its header stored as an indicator
// "Ref", and district figures read as months.
func TestTablesBelowTheFirst(t *testing.T) {
	months := []any{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25"}
	tests := []struct {
		name string
		rows [][]any
		want []string // "REF PERIOD VALUE", every figure read
		refs []string // indicators read
		warn string   // start of a warning, "" for none
	}{{
		name: "table of years and quarters",
		rows: [][]any{
			{"Performance Scorecard - June 2025"},
			months,
			{"QF01", "Number of referrals", "-", 500, 510, 520},
			{},
			{"Annual and quarterly measures"},
			{"Ref", "Indicator", "Polarity", "2023/24", "2024/25", "Q1 2025/26"},
			{"QF03", "Care leavers in EET (%)", "H", 52, 55, 56},
		},
		want: []string{"QF01 Apr-25 500", "QF01 Jun-25 520", "QF01 May-25 510",
			"QF03 2023/24 52", "QF03 2024/25 55", "QF03 Apr-Jun 2025 56"},
		refs: []string{"QF01", "QF03"},
		warn: "row 6 is the header of another table: the rows below it are read by its columns (D 2023/24 to F Apr-Jun 2025), not by row 2's",
	}, {
		name: "header repeated under each section",
		rows: [][]any{
			{"Scorecard - June 2025"},
			{"Children in Care"},
			months,
			{"QR11", "Children in care with 3+ placements (%)", "L", 9, 10, 11},
			{},
			{"Social Work"},
			months,
			{"QR12", "Re-referrals within 12 months (%)", "L", 21, 22, 23},
		},
		want: []string{"QR11 Apr-25 9", "QR11 Jun-25 11", "QR11 May-25 10",
			"QR12 Apr-25 21", "QR12 Jun-25 23", "QR12 May-25 22"},
		refs: []string{"QR11", "QR12"},
	}, {
		// Districts' figures are the latest month's, or the month their
		// title names.
		name: "districts below",
		rows: [][]any{
			months,
			{"QF01", "Number of referrals", "-", 500, 510, 520},
			{},
			{"Ref", "Indicator", "Ashford", "Dover", "Swale"},
			{"QF01", "Number of referrals", 40, 50, 60},
		},
		want: []string{"QF01 Apr-25 500", "QF01 Ashford Jun-25 40", "QF01 Dover Jun-25 50", "QF01 Jun-25 520", "QF01 May-25 510", "QF01 Swale Jun-25 60"},
		refs: []string{"QF01"},
		warn: "row 4 is the header of a table of areas: the rows below it are read as the areas' figures for Jun-25, not by row 1's",
	}, {
		name: "districts below, titled",
		rows: [][]any{
			months,
			{"QF01", "Number of referrals", "-", 500, 510, 520},
			{},
			{"District breakdown - May 2025"},
			{"Ref", "Indicator", "Ashford", "Dover"},
			{"QF01", "Number of referrals", 40, 50},
		},
		want: []string{"QF01 Apr-25 500", "QF01 Ashford May-25 40", "QF01 Dover May-25 50", "QF01 Jun-25 520", "QF01 May-25 510"},
		refs: []string{"QF01"},
		warn: "row 5 is the header of a table of areas: the rows below it are read as the areas' figures for May-25",
	}, {
		// An area the authority does not have would want the checks a
		// sheet of areas gets: the table is left unread, said so.
		name: "areas not the authority's below",
		rows: [][]any{
			months,
			{"QF01", "Number of referrals", "-", 500, 510, 520},
			{},
			{"Ref", "Indicator", "Ashford", "Dover", "Localities North"},
			{"QF01", "Number of referrals", 40, 50, 60},
			{"QF02", "Re-referrals (%)", 20, 21, 22},
		},
		want: []string{"QF01 Apr-25 500", "QF01 Jun-25 520", "QF01 May-25 510"},
		refs: []string{"QF01"},
		warn: "rows 5 to 6 not read: the header at row 4 starts another table (Ref, Indicator, Ashford, Dover, Localities North)",
	}, {
		name: "labels repeated without periods",
		rows: [][]any{
			months,
			{"QF01", "Number of referrals", "-", 500, 510, 520},
			{"Ref", "Indicator"},
			{"QF02", "Re-referrals (%)", "L", 20, 21, 22},
		},
		want: []string{"QF01 Apr-25 500", "QF01 Jun-25 520", "QF01 May-25 510",
			"QF02 Apr-25 20", "QF02 Jun-25 22", "QF02 May-25 21"},
		refs: []string{"QF01", "QF02"},
		warn: "row 3 repeats header labels but names no periods",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustRead(t, writeBook(t, "Scorecard", tt.rows))
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Area == "" || o.Area == "Kent" {
					got = append(got, fmt.Sprintf("%s %s %g", o.Ref, o.Period.Label(), *o.Value))
				} else {
					got = append(got, fmt.Sprintf("%s %s %s %g", o.Ref, o.Area, o.Period.Label(), *o.Value))
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("figures\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var refs []string
			for _, ind := range res.Dataset.Indicators {
				refs = append(refs, ind.Ref)
			}
			slices.Sort(refs)
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("indicators %q, want %q", refs, tt.refs)
			}
			if tt.warn != "" && !slices.ContainsFunc(res.Warnings, func(w app.Warning) bool { return strings.HasPrefix(w.Message, tt.warn) }) {
				var ws []string
				for _, w := range res.Warnings {
					ws = append(ws, w.Cell+": "+w.Message)
				}
				t.Errorf("warnings\n%s\nwant one starting %q", strings.Join(ws, "\n"), tt.warn)
			}
		})
	}
}
