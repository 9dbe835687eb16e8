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
// excluding UASC, which a report excluding UASC would then show. A
// bracketed note that does not narrow the cohort ("(new definition)",
// "(aged 0-17)") leaves the row the indicator above excluding UASC
// (QA18a R2).
func TestTwinRowSubsetOfCohort(t *testing.T) {
	tests := []struct {
		name   string
		subset bool
	}{
		{"Number of children in care (excl. UASC over 16)", true},
		{"Number of children in care excluding UASC aged 16-17", true},
		{"Number of children in care excluding new UASC arrivals this year", true},
		{"Number of children in care excluding UASC transferred under the NTS", true},
		{"Number of children in care (excluding 16+ UASC)", true},
		{"Number of children in care excluding UASC who arrived since April 2024", true},
		{"Number of children in care excluding spontaneous arrival UASC", true},
		{"Number of children in care (UASC aged 17 excluded)", true},
		{"Number of children in care excluding UASC since April 2024", true},
		{"Number of children in care excluding UASC (new arrivals)", true},
		{"Number of children in care excluding UASC (new definition)", false},
		{"Number of children in care excluding UASC (aged 0-17)", false},
		{"Number of children in care excluding UASC (provisional)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A3", "Ref", "Indicator", "Polarity", 45748.0, 45778.0, 45809.0)
			b.style(s, "D3", "F3", &excelize.Style{NumFmt: 17})
			b.row(s, "A4", "CIC01", "Number of children in care", "L", 1890, 1893, 1896)
			b.row(s, "A5", "CIC01x", tt.name, "L", 1700, 1690, 1680)
			res := mustRead(t, b.save("subset.xlsx"))
			ex, exOK := findObs(res.Dataset, "CIC01", app.Kent, app.Excluding(app.UASC), "2025-06")
			own, ownOK := findObs(res.Dataset, "CIC01x", app.Kent, app.All, "2025-06")
			warned := false
			for _, w := range res.Warnings {
				if w.Sheet == s && w.Cell == "B5" && strings.Contains(w.Message, "read as an indicator of its own") &&
					strings.Contains(w.Message, "only some UASC") {
					warned = true
				}
			}
			if !tt.subset {
				if !exOK || !approx(ex.Value, 1680) {
					t.Errorf("CIC01 excluding UASC 2025-06 = %+v (found %v), want 1680: the note does not narrow the cohort", ex.Value, exOK)
				}
				if ownOK || warned {
					t.Errorf("row kept as an indicator of its own (%v) or warned as some UASC (%v): %v", ownOK, warned, res.Warnings)
				}
				return
			}
			if exOK {
				t.Errorf("CIC01 excluding UASC = %v, want none: the row leaves out only some UASC", *ex.Value)
			}
			if !ownOK || !approx(own.Value, 1680) {
				t.Errorf("CIC01x 2025-06 = %+v (found %v), want 1680 as an indicator of its own", own.Value, ownOK)
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
