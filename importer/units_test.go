package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestRatesPerOtherBases: the app keeps rates per 10,000 only. "Rate per
// 100,000 population" had been taken as a rate per 10,000 (any "rate
// per" was), to be shown and recomputed ten times too small, and "per
// 1,000" as a count, which with a numerator and denominator became a
// percentage. Then a plain number was a count, so a rate of 3.2 per
// 100,000 was withheld as a small count of children. Each keeps its own
// base as its unit, recomputed from nothing, said at the name's cell; a
// Unit column saying so is read.
func TestRatesPerOtherBases(t *testing.T) {
	tests := []struct {
		name, unit  string // unit "" for no Unit column
		parts       bool   // with Numerator and Denominator columns
		wantUnit    app.Unit
		wantMeasure app.Measure
		warnAt      string // "" for no warning
		warn        string
	}{
		{"Rate per 100,000 population", "", false, "per 100,000", app.Other, "B4", `a rate per 100,000, not per 10,000`},
		{"Rate of referrals per 1,000 children", "", true, "per 1,000", app.Other, "B4", `a rate per 1,000`},
		{"Hospital admissions per 100k", "", false, "per 100,000", app.Other, "B4", `a rate per 100k`},
		{"Rate of referrals", "per 1,000", false, "per 1,000", app.Other, "", ""},
		{"Rate of children in care per 10,000", "", false, app.Per10k, app.Rate, "", ""},
		{"Rate per 10k", "", false, app.Per10k, app.Rate, "", ""},
		{"Referrals", "per 10,000", false, app.Per10k, app.Rate, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.unit, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"CYPE Scorecard - September 2025"})
			head := []any{"Ref", "Indicator", "Polarity", "Aug-25", "Sep-25"}
			row := []any{"U01", tt.name, "-", 12.5, 13.5}
			if tt.unit != "" {
				head = []any{"Ref", "Indicator", "Unit", "Aug-25", "Sep-25"}
				row = []any{"U01", tt.name, tt.unit, 12.5, 13.5}
			}
			if tt.parts {
				head = append(head, "Numerator", "Denominator")
				row = append(row, 27, 2160)
			}
			f.SetSheetRow("Scorecard", "A3", &head)
			f.SetSheetRow("Scorecard", "A4", &row)
			res := readFile(t, f)
			if len(res.Dataset.Indicators) != 1 {
				t.Fatalf("indicators %v", res.Dataset.Indicators)
			}
			ind := res.Dataset.Indicators[0]
			if ind.Unit != tt.wantUnit || ind.Measure != tt.wantMeasure {
				t.Errorf("unit %q measure %q, want %q %q", ind.Unit, ind.Measure, tt.wantUnit, tt.wantMeasure)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "rate per") || strings.Contains(w.Message, "unit ") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.warnAt == "" && len(said) > 0:
				t.Errorf("warned %q, want nothing", said)
			case tt.warnAt != "" && (len(said) != 1 || !strings.HasPrefix(said[0], tt.warnAt+":") || !strings.Contains(said[0], tt.warn)):
				t.Errorf("warned %q, want one at %s saying %q", said, tt.warnAt, tt.warn)
			}
		})
	}
}
