package importer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestUnitCellWords: the words officers write in a Unit column are read
// as the units they are, a median or an average is never an additive
// count, a unit the app lacks is kept and said at its cell, and the
// fallback to the name says which unit the name gave.
func TestUnitCellWords(t *testing.T) {
	tests := []struct {
		unitText, name string
		unit           app.Unit
		measure        app.Measure
		warn           string // a fragment of the warning at the Unit cell; "" for none
	}{
		{"Per cent", "Service measure", app.Percent, app.Proportion, ""},
		{"per cent", "Service measure", app.Percent, app.Proportion, ""},
		{"pct", "Service measure", app.Percent, app.Proportion, ""},
		{"% (rolling)", "Service measure", app.Percent, app.Proportion, `the words "(rolling)" after it are not read`},
		{"Median days", "Service measure", app.Days, app.Median, ""},
		{"Days (median)", "Service measure", app.Days, app.Median, ""},
		{"Average days", "Service measure", app.Days, app.Mean, ""},
		{"Average", "Service measure", app.Number, app.Mean, `read as a mean`},
		{"Average", "Time to adoption (days)", app.Days, app.Mean, `unit "days"`},
		{"Rate", "Service measure", app.Percent, app.Other, `names no base`},
		{"Rate", "Children in care per 10,000", app.Per10k, app.Rate, ""},
		{"£000s", "Service measure", "£000s", app.Other, `is money`},
		{"Months", "Service measure", "months", app.Other, `kept in unit "months"`},
		{"Percentage points", "Service measure", ppUnit, app.Other, `percentage points`},
		{"% points", "Service measure", ppUnit, app.Other, `percentage points`},
		{"ppts", "Service measure", ppUnit, app.Other, `percentage points`},
		{"Whatever", "Service measure", app.Number, app.Other, `the name "Service measure" gives none either`},
		{"Whatever", "Re-referrals (%)", app.Percent, app.Proportion, `taken from the indicator's name "Re-referrals (%)" instead: "%"`},
		// Unchanged: the units the app has.
		{"%", "Service measure", app.Percent, app.Proportion, ""},
		{"Percentage", "Service measure", app.Percent, app.Proportion, ""},
		{"No.", "Service measure", app.Number, app.Count, ""},
		{"Days", "Service measure", app.Days, app.Other, ""},
	}
	// A scorecard's Unit column and a tidy table's are read alike.
	layouts := map[string][][]any{
		"scorecard": {{"Ref", "Indicator", "Unit", "Polarity", "Apr-25", "May-25", "Jun-25"}, {"U1", "NAME", "UNIT", "H", 20, 21, 22}},
		"tidy":      {{"Ref", "Indicator", "Unit", "Polarity", "Period", "Area", "Value"}, {"U1", "NAME", "UNIT", "H", "2025-04", "Kent", 20}},
	}
	for _, tt := range tests {
		for layout, rows := range layouts {
			t.Run(layout+"/"+tt.unitText+"/"+tt.name, func(t *testing.T) {
				rows := [][]any{rows[0], slices.Clone(rows[1])}
				rows[1][1], rows[1][2] = tt.name, tt.unitText
				res, err := Read(context.Background(), writeBook(t, "Scorecard", rows), Options{})
				if err != nil {
					t.Fatal(err)
				}
				ind := res.Dataset.Indicators[0]
				if ind.Unit != tt.unit || ind.Measure != tt.measure {
					t.Errorf("unit %q, measure %q; want %q, %q", ind.Unit, ind.Measure, tt.unit, tt.measure)
				}
				var at []string
				for _, w := range res.Warnings {
					if w.Cell == "C2" {
						at = append(at, w.Message)
					}
				}
				switch {
				case tt.warn == "" && len(at) > 0:
					t.Errorf("warnings at C2 %q, want none", at)
				case tt.warn != "" && (len(at) != 1 || !strings.Contains(at[0], tt.warn)):
					t.Errorf("warnings at C2 %q, want one with %q", at, tt.warn)
				}
				if tt.measure != app.Count && tt.measure.Additive() && ind.Unit == app.Number && tt.measure != app.Mean {
					t.Errorf("read as an additive count")
				}
			})
		}
	}
}
