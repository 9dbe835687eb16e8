package export

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestHasFiguresNotStandIns: a month whose figures are all last year's
// outturns standing in has no figures of its own, and the brief and pack
// refuse it saying so rather than give the all-clear (QA24b D7); one real
// figure beside them is the month's.
func TestHasFiguresNotStandIns(t *testing.T) {
	mar := app.MonthOf(2025, 3)
	for _, tc := range []struct {
		name    string
		standIn []bool // March's figure of each indicator stands in
		has     bool
		says    string // NoFigures, where it has none
	}{
		{"every figure a stand-in", []bool{true, true}, false, "Kent has no figures for Mar-25: every figure given for it is last year's outturn standing in"},
		{"one of two a stand-in", []bool{true, false}, true, ""},
		{"none", nil, false, "Kent has no figures for Mar-25"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := app.NewHistory()
			for i, ref := range []string{"CIC05", "EH02"} {
				h.Add(app.Observation{Ref: ref, Area: app.Kent, Period: app.MonthOf(2025, 2), Value: app.Float(80)})
				if i < len(tc.standIn) {
					h.Add(app.Observation{Ref: ref, Area: app.Kent, Period: mar, Value: app.Float(85), StandIn: tc.standIn[i]})
				}
			}
			if got := HasFigures(h, app.Kent, mar); got != tc.has {
				t.Errorf("HasFigures = %v, want %v", got, tc.has)
			}
			if tc.says != "" {
				if got := NoFigures(h, app.Kent, mar); !strings.HasPrefix(got, tc.says) {
					t.Errorf("NoFigures = %q, want %q", got, tc.says)
				}
			}
		})
	}
}

// TestWorkbookSaysNoFigures: the authority's workbook of a month whose
// every figure is last year's outturn standing in is written, as it
// carries the history held, but its summary says it is no report of the
// month in the words the pack's refusal gives; the pack refuses it. A
// month with one figure of its own is a report, and says nothing of it
// (QA26b L3: the workbook said "(2 flagged)" and nothing else).
func TestWorkbookSaysNoFigures(t *testing.T) {
	mar := app.MonthOf(2025, 3)
	const reason = "Kent has no figures for Mar-25: every figure given for it is last year's outturn standing in (import the month's own figures)"
	for _, tc := range []struct {
		name    string
		standIn [2]bool // March's figure of CIC05 and EH02 stands in
		says    string  // in the workbook's summary and the pack's refusal; "" for a report
	}{
		{"every figure a stand-in", [2]bool{true, true}, "Kent, Mar-25: 2 indicators (2 flagged), 9 sheets, 6 data rows; not a report of Mar-25: " + reason},
		{"one of two a stand-in", [2]bool{true, false}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := app.NewHistory()
			ds := &app.Dataset{Indicators: []app.Indicator{
				{Ref: "CIC05", Name: "Children in care with 3 or more placements (%)", Unit: app.Percent, Decimals: 1, Polarity: app.LowerBetter, Section: "Care"},
				{Ref: "EH02", Name: "Early help cases closed with outcomes achieved (%)", Unit: app.Percent, Decimals: 1, Polarity: app.HigherBetter, Section: "Early help"},
			}}
			for i, ref := range []string{"CIC05", "EH02"} {
				for m, v := range []float64{10.2, 10.8, 11.1} {
					ds.Observations = append(ds.Observations, app.Observation{Ref: ref, Area: app.Kent, Period: app.MonthOf(2025, 1).Add(m), Value: app.Float(v),
						StandIn: m == 2 && tc.standIn[i]})
				}
			}
			h.Apply(ds, "I0001")
			dir := t.TempDir()
			sum, err := Write(context.Background(), filepath.Join(dir, "k.xlsx"), h, Options{Produced: produced})
			if err != nil {
				t.Fatalf("the workbook: %v, want it written", err)
			}
			if sum.Period != mar || sum.DataRows != 6 {
				t.Errorf("the workbook is of %s with %d data rows, want Mar-25's with all 6 figures", sum.Period.Label(), sum.DataRows)
			}
			_, perr := Write(context.Background(), filepath.Join(dir, "k.pdf"), h, Options{Produced: produced})
			if tc.says == "" {
				if strings.Contains(sum.String(), "not a report") || perr != nil {
					t.Errorf("a month with a figure of its own: summary %q, pack %v; want a report", sum, perr)
				}
				return
			}
			if sum.String() != tc.says {
				t.Errorf("the workbook's summary:\n%s\nwant\n%s", sum, tc.says)
			}
			if !errors.Is(perr, ErrNoData) || !strings.HasSuffix(perr.Error(), reason) {
				t.Errorf("the pack: %v, want refused saying %q", perr, reason)
			}
		})
	}
}
