package export

import (
	"testing"

	"scorecard/app"
)

// TestCannotExcludeRun: the Districts sheet says "cannot exclude" once
// across the areas with a figure, never over an area with none (QA19
// D5's kind, on that sheet), and month by month where they do not stand
// together or differ.
func TestCannotExcludeRun(t *testing.T) {
	areas := []app.Area{"Ashford", "Canterbury", "Dartford", "Dover"}
	p := app.MonthOf(2025, 3)
	const why = "no UASC split in the source"
	const none = app.Status(-1) // no figure for the area
	tests := []struct {
		name     string
		statuses []app.Status // by area
		reasons  []string
		from, to int
		ok       bool
	}{
		{"every area", []app.Status{app.CannotExclude, app.CannotExclude, app.CannotExclude, app.CannotExclude}, nil, 0, 3, true},
		{"the last with none", []app.Status{app.CannotExclude, app.CannotExclude, app.CannotExclude, none}, nil, 0, 2, true},
		{"the first with none", []app.Status{none, app.CannotExclude, app.CannotExclude, app.CannotExclude}, nil, 1, 3, true},
		{"one between with none", []app.Status{app.CannotExclude, none, app.CannotExclude, app.CannotExclude}, nil, 0, 0, false},
		{"one a figure", []app.Status{app.CannotExclude, app.OK, app.CannotExclude, app.CannotExclude}, nil, 0, 0, false},
		{"one only", []app.Status{none, app.CannotExclude, none, none}, nil, 0, 0, false},
		{"two reasons", []app.Status{app.CannotExclude, app.CannotExclude, app.CannotExclude, app.CannotExclude},
			[]string{why, why, "another", why}, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			for i, st := range tt.statuses {
				if st == none {
					continue
				}
				o := app.Observation{Ref: "CIC07", Area: areas[i], Period: p, Status: st, Raw: why}
				if tt.reasons != nil {
					o.Raw = tt.reasons[i]
				}
				if st == app.OK {
					o.Raw, o.Value = "", app.Float(4)
				}
				h.Add(o)
			}
			reason, from, to, ok := cannotExcludeRun(h, "CIC07", areas, p)
			if ok != tt.ok || ok && (from != tt.from || to != tt.to || reason != why) {
				t.Errorf("cannotExcludeRun = %q, %d..%d, %v; want %d..%d, %v", reason, from, to, ok, tt.from, tt.to, tt.ok)
			}
		})
	}
}
