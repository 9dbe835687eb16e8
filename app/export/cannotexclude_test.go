package export

import (
	"strings"
	"testing"

	"scorecard/app"

	"github.com/xuri/excelize/v2"
)

// TestScorecardSaysCannotExclude: in the demo exported excluding UASC, a
// month whose figure cannot exclude the cohort says "cannot exclude" on
// the Scorecard sheet, with the reason in a note, as the Guidance sheet
// promises, including for an indicator begun mid-year whose first
// months have no figure: the row's merged cell once spanned those empty
// months and its words sat in the first of them, which the sheet then
// blanked (QA19 D5). A month with no figure is not said to be one that
// cannot exclude.
func TestScorecardSaysCannotExclude(t *testing.T) {
	h, m := demoHistory(t)
	shown := m.Months[len(m.Months)-12:]
	tests := []struct {
		ref  string
		with []int // indexes into the months shown that have a figure
	}{
		{"NEWA", []int{9, 10, 11}},    // begun mid-year, as QA19's w14 CX01
		{"NEWB", []int{0, 1, 2}},      // stopped, later months empty
		{"NEWC", []int{4, 5, 10, 11}}, // a gap between figures
		{"NEWD", []int{11}},           // the latest month alone
		{"NEWE", []int{3, 4, 5, 6, 7}},
	}
	var d app.Dataset
	for _, tt := range tests {
		d.Indicators = append(d.Indicators, app.Indicator{Ref: tt.ref, Name: "New measure " + tt.ref + " (%)",
			Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter, Decimals: 1, Section: "New measures"})
		for _, i := range tt.with {
			// No numerator, denominator or UASC figure: it cannot exclude.
			d.Observations = append(d.Observations, app.Observation{Ref: tt.ref, Area: app.Kent, Period: shown[i], Value: app.Float(50 + float64(i))})
		}
	}
	h.Apply(&d, "I0002")
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	merges, err := f.GetMergeCells(ScorecardSheet)
	if err != nil {
		t.Fatal(err)
	}
	// shownAt is the text a reader sees at ref, and the cell holding it
	// (the first of its merged range).
	shownAt := func(ref string) (string, string) {
		for _, mc := range merges {
			if inRange(t, ref, mc.GetStartAxis(), mc.GetEndAxis()) {
				return mc.GetCellValue(), mc.GetStartAxis()
			}
		}
		v, _ := f.GetCellValue(ScorecardSheet, ref)
		return v, ref
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			r := sheetRow(t, f, ScorecardSheet, tt.ref)
			for i, mo := range shown {
				at := cell(headerCol(t, f, mo.Label()), r)
				text, holder := shownAt(at)
				has := false
				for _, j := range tt.with {
					has = has || j == i
				}
				if !has {
					if text != "" {
						t.Errorf("%s %s (no figure) shows %q", at, mo.Label(), text)
					}
					continue
				}
				if !strings.HasPrefix(text, app.CannotExclude.String()) {
					t.Errorf("%s %s shows %q, want %q", at, mo.Label(), text, app.CannotExclude)
				}
				if !hasComment(f, ScorecardSheet, holder, "Cannot exclude: the source gives no figure for unaccompanied asylum-seeking children (UASC)") {
					t.Errorf("%s %s: its cell %s has no note saying why", at, mo.Label(), holder)
				}
			}
		})
	}
}

// inRange reports whether cell ref lies in the range from:to.
func inRange(t testing.TB, ref, from, to string) bool {
	t.Helper()
	c, r, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		t.Fatal(err)
	}
	c1, r1, _ := excelize.CellNameToCoordinates(from)
	c2, r2, _ := excelize.CellNameToCoordinates(to)
	return c >= c1 && c <= c2 && r >= r1 && r <= r2
}
