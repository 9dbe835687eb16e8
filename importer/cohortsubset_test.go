package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestTwinRowSubsetOfCohort reads twin rows that leave out only some
// UASC (QA17 D2). Each must be kept as an indicator of its own, with a
// warning at its name's cell, and never filed as the indicator above
// excluding UASC, which a report excluding UASC would then show.
func TestTwinRowSubsetOfCohort(t *testing.T) {
	names := []string{
		"Number of children in care (excl. UASC over 16)",
		"Number of children in care excluding UASC aged 16-17",
		"Number of children in care excluding new UASC arrivals this year",
		"Number of children in care excluding UASC transferred under the NTS",
		"Number of children in care (excluding 16+ UASC)",
		"Number of children in care excluding UASC who arrived since April 2024",
		"Number of children in care excluding spontaneous arrival UASC",
		"Number of children in care (UASC aged 17 excluded)",
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A3", "Ref", "Indicator", "Polarity", 45748.0, 45778.0, 45809.0)
			b.style(s, "D3", "F3", &excelize.Style{NumFmt: 17})
			b.row(s, "A4", "CIC01", "Number of children in care", "L", 1890, 1893, 1896)
			b.row(s, "A5", "CIC01x", name, "L", 1700, 1690, 1680)
			res := mustRead(t, b.save("subset.xlsx"))
			if o, ok := findObs(res.Dataset, "CIC01", app.Kent, app.Excluding(app.UASC), "2025-06"); ok {
				t.Errorf("CIC01 excluding UASC = %v, want none: the row leaves out only some UASC", *o.Value)
			}
			if o, ok := findObs(res.Dataset, "CIC01x", app.Kent, app.All, "2025-06"); !ok || !approx(o.Value, 1680) {
				t.Errorf("CIC01x 2025-06 = %+v (found %v), want 1680 as an indicator of its own", o.Value, ok)
			}
			warned := false
			for _, w := range res.Warnings {
				if w.Sheet == s && w.Cell == "B5" && strings.Contains(w.Message, "read as an indicator of its own") &&
					strings.Contains(w.Message, "only some UASC") {
					warned = true
				}
			}
			if !warned {
				t.Errorf("no warning at Scorecard!B5 saying the row counts only some UASC, in %v", res.Warnings)
			}
		})
	}
}

// TestSubsetOfQuotesWords checks the warning quotes the words that
// narrow the cohort as written.
func TestSubsetOfQuotesWords(t *testing.T) {
	tests := map[string]string{
		"Excluding UASC aged 16-17":                "uasc aged 16-17",
		"Excluding new UASC arrivals this year":    "new uasc arrivals",
		"excl. UASC over 16":                       "uasc over 16",
		"Excluding UASC transferred under the NTS": "uasc transferred under the nts",
		"Excluding UASC":                           "",
		"Excluding UASC (n=12)":                    "",
	}
	for in, want := range tests {
		ws := cohortTokens(in)
		got := ""
		for i := range ws {
			if p, n := cohortAt(ws, i); n > 0 && p.cohort == app.UASC {
				got = subsetOf(ws, i, i+n)
				break
			}
		}
		if got != want {
			t.Errorf("subsetOf(%q) = %q, want %q", in, got, want)
		}
	}
}
