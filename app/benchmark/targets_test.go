package benchmark

import (
	"errors"
	"strings"
	"testing"

	"scorecard/app"
)

func fy(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
func ay(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }

var (
	placements = app.Indicator{Ref: "CIC05", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1}
	send       = app.Indicator{Ref: "SEND01", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, YearType: app.AcademicYear}
)

func TestPlan(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(placements)
	h.AddIndicator(send)
	h.Apply(&app.Dataset{Targets: []app.Target{
		{Ref: "CIC05", Year: fy(2024), Target: app.Float(10), Floor: app.Float(12)},
		{Ref: "CIC05", Year: fy(2025), Target: app.Float(9.5), Floor: app.Float(11)},
		{Ref: "CIC05", Year: fy(2027), Target: app.Float(8), Floor: app.Float(10), Milestone: true},
		{Ref: "SEND01", Year: ay(2025), Target: app.Float(60), Floor: app.Float(55)},
		{Ref: "SEND01", Year: fy(2025), Target: app.Float(70), Floor: app.Float(65)}, // wrong year type
	}}, "I0001")
	now := app.MonthOf(2025, 10)

	type row struct {
		year                    app.Period
		set, inForce, milestone bool
		target                  float64 // 0: none
	}
	tests := []struct {
		name     string
		ind      app.Indicator
		from, to app.Period
		want     []row
	}{
		{"financial years with a gap before a milestone", placements, app.MonthOf(2024, 4), app.Period{}, []row{
			{fy(2024), true, false, false, 10},
			{fy(2025), true, true, false, 9.5},
			{fy(2026), false, false, true, 0},
			{fy(2027), true, false, true, 8},
		}},
		{"from the earliest recorded when from is zero", placements, app.Period{}, app.MonthOf(2025, 4), []row{
			{fy(2024), true, false, false, 10},
			{fy(2025), true, true, false, 9.5},
			{fy(2026), false, false, true, 0},
			{fy(2027), true, false, true, 8},
		}},
		{"academic years: October 2025 is in 2025/26 AY", send, app.MonthOf(2024, 9), app.MonthOf(2026, 9), []row{
			{ay(2024), false, false, false, 0},
			{ay(2025), true, true, false, 60},
			{ay(2026), false, false, true, 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Plan(h, tt.ind, tt.from, tt.to, now)
			if len(got) != len(tt.want) {
				t.Fatalf("%d rows, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				var target float64
				if g.Target.Target != nil {
					target = *g.Target.Target
				}
				if g.Year != w.year || g.Set != w.set || g.InForce != w.inForce || g.Milestone != w.milestone || target != w.target || g.Target.Ref != tt.ind.Ref {
					t.Errorf("row %d = %s set %v in force %v milestone %v target %v; want %s %v %v %v %v",
						i, g.Year, g.Set, g.InForce, g.Milestone, target, w.year, w.set, w.inForce, w.milestone, w.target)
				}
			}
		})
	}

	// RAG uses the target in force: October 2025 is judged against 2025/26.
	tgt, ok := h.TargetFor(placements, now)
	if !ok || app.Rating(placements.Polarity, 10.2, tgt, 1) != app.Amber {
		t.Errorf("October 2025 at 10.2%% against %+v: want AMBER", tgt)
	}
	if m := Mismatched(h, send); len(m) != 1 || m[0].Year != fy(2025) {
		t.Errorf("Mismatched(SEND01) = %+v, want the 2025/26 financial-year target", m)
	}
	if m := Mismatched(h, placements); len(m) != 0 {
		t.Errorf("Mismatched(CIC05) = %+v, want none", m)
	}
	if got := Plan(h, placements, app.MonthOf(2024, 4), app.Period{}, app.Period{}); got != nil {
		t.Errorf("plan without a reference month: %+v", got)
	}
}

func TestEdit(t *testing.T) {
	nearTarget := app.Indicator{Ref: "CIC20", Polarity: app.NearTarget, Unit: app.Percent}
	activity := app.Indicator{Ref: "CIC01", Unit: app.Number}
	prev := &app.Target{Ref: "CIC05", Year: fy(2025), Target: app.Float(9.5), Floor: app.Float(11)}
	tests := []struct {
		name    string
		ind     app.Indicator
		prev    *app.Target
		t       app.Target
		note    string
		wantErr string
	}{
		{"lower target for this year", placements, prev, app.Target{Year: fy(2025), Target: app.Float(9), Floor: app.Float(11)},
			"CIC05 2025/26: target 9.5 -> 9, floor 11", ""},
		{"new milestone", placements, nil, app.Target{Year: fy(2027), Target: app.Float(8), Floor: app.Float(10), Milestone: true},
			"CIC05 2027/28: target 8, floor 10 (milestone)", ""},
		{"academic year for an academic indicator", send, nil, app.Target{Year: ay(2025), Target: app.Float(60), Floor: app.Float(55)},
			"SEND01 2025/26AY: target 60, floor 55", ""},
		{"financial year for an academic indicator", send, nil, app.Target{Year: fy(2025), Target: app.Float(60), Floor: app.Float(55)},
			"", "targets for this indicator are set per academic year"},
		{"floor better than target, lower is better", placements, nil, app.Target{Year: fy(2025), Target: app.Float(11), Floor: app.Float(9)},
			"", "floor 9 is below target 11"},
		{"floor better than target, higher is better", send, nil, app.Target{Year: ay(2025), Target: app.Float(55), Floor: app.Float(60)},
			"", "floor 60 is above target 55"},
		{"percentage over 100", placements, nil, app.Target{Year: fy(2025), Target: app.Float(110), Floor: app.Float(120)},
			"", "not a percentage"},
		{"near target without tolerance", nearTarget, nil, app.Target{Year: fy(2025), Target: app.Float(50)},
			"", "needs a tolerance"},
		{"activity indicator", activity, nil, app.Target{Year: fy(2025), Target: app.Float(1800)},
			"", ErrNoPolarity.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, note, err := Edit(tt.ind, tt.prev, tt.t)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if note != tt.note {
				t.Errorf("note %q, want %q", note, tt.note)
			}
			if len(d.Targets) != 1 || d.Targets[0].Ref != tt.ind.Ref || d.Targets[0].Year != tt.t.Year {
				t.Errorf("dataset %+v", d.Targets)
			}
		})
	}
	_, _, err := Edit(activity, nil, app.Target{Year: fy(2025), Target: app.Float(1)})
	if !errors.Is(err, ErrNoPolarity) {
		t.Errorf("err %v does not wrap ErrNoPolarity", err)
	}
}
