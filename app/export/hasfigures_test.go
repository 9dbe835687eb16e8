package export

import (
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
