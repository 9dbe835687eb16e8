package app

import (
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestCalendar gathers a calendar an indicator at a time and checks it
// answers as the whole history does: cadence, periods, latest, the
// shortfall of a latest period few indicators have reached, and periods
// asked as another kind of year.
func TestCalendar(t *testing.T) {
	month := func(y int, m time.Month) Period { return MonthOf(y, m) }
	fy := func(y int) Period { return Period{Kind: FinancialYear, Year: y} }
	ay := func(y int) Period { return Period{Kind: AcademicYear, Year: y} }
	cy := func(y int) Period { return Period{Kind: CalendarYear, Year: y} }
	q := func(y, n int) Period { return Period{Kind: Quarter, Year: y, N: n} }
	type fig struct {
		ref   string
		area  Area
		split Split
		ps    []Period
	}
	run := func(ps ...Period) []Period { return ps }
	months := func(from Period, n int) []Period {
		var out []Period
		for i := range n {
			out = append(out, from.Add(i))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		figs []fig
	}{
		{"monthly, districts and splits", []fig{
			{"A", Kent, All, months(month(2024, 1), 24)},
			{"A", "Maidstone", All, months(month(2024, 1), 24)},
			{"A", Kent, Only(UASC), months(month(2024, 6), 19)},
			{"B", Kent, All, months(month(2023, 4), 30)},
			{"B", Kent, All, run(fy(2023), fy(2024))},
			{"C", "Dover", All, run(q(2025, 1), q(2025, 2))},
		}},
		{"a month ahead for one indicator of four", []fig{
			{"A", Kent, All, months(month(2025, 1), 10)},
			{"B", Kent, All, months(month(2025, 1), 9)},
			{"C", Kent, All, months(month(2025, 1), 9)},
			{"D", "Dover", All, months(month(2025, 1), 9)},
			{"D", Kent, Only(UASC), months(month(2025, 1), 9)},
		}},
		{"quarterly and annual indicators between their months", []fig{
			{"A", Kent, All, months(month(2025, 1), 22)},
			{"Q", Kent, All, run(month(2025, 3), month(2025, 6), month(2025, 9), month(2025, 12), month(2026, 3), month(2026, 6), month(2026, 9))},
			{"Q", "Dover", All, run(month(2026, 6), month(2026, 9))},
			{"Y", Kent, All, run(month(2025, 9), month(2026, 9))},
		}},
		{"the month before held by a district alone", []fig{
			{"A", Kent, All, run(month(2025, 1), month(2025, 3))},
			{"A", "Dover", All, run(month(2025, 2))},
			{"B", Kent, All, run(month(2025, 2))},
			{"C", Kent, All, run(month(2025, 2))},
		}},
		{"quarters and years", []fig{
			{"A", Kent, All, run(q(2024, 1), q(2024, 2), q(2024, 3), fy(2023))},
			{"B", Kent, All, run(q(2024, 1), ay(2023))},
		}},
		{"reporting years of three kinds", []fig{
			{"A", Kent, All, run(fy(2021), fy(2022), fy(2023))},
			{"B", Kent, All, run(ay(2021), ay(2022), ay(2023), ay(2024))},
			{"C", Kent, All, run(cy(2022), cy(2023), cy(2024))},
			{"C", "Dover", All, run(cy(2022), cy(2023), cy(2024))},
		}},
		// QA23b D2: 2024/25 AY is in 2024/25's column, not after it.
		{"academic years beside financial years", []fig{
			{"A", Kent, All, run(fy(2022), fy(2023), fy(2024))},
			{"B", Kent, All, run(ay(2022), ay(2023), ay(2024))},
			{"C", Kent, All, run(ay(2023), ay(2024), ay(2025))},
		}},
		// A quarter after the latest month, of indicators defined in an
		// order that is not their refs' (below): the note names them
		// in scorecard order, whichever reader read them.
		{"quarters after the latest month", []fig{
			{"A", Kent, All, run(month(2025, 1), month(2025, 3), q(2025, 1))},
			{"B", Kent, All, run(month(2025, 1), month(2025, 3), q(2025, 1))},
			{"C", Kent, All, run(month(2025, 1), month(2025, 3), q(2025, 1))},
			{"D", Kent, All, run(month(2025, 1), month(2025, 3), q(2025, 1))},
		}},
		{"empty", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole := NewHistory()
			byRef := map[string]*History{}
			for _, f := range tc.figs {
				if byRef[f.ref] == nil {
					byRef[f.ref] = NewHistory()
				}
				for _, p := range f.ps {
					o := Observation{Ref: f.ref, Area: f.area, Split: f.split, Period: p, Value: Float(1)}
					whole.Add(o)
					byRef[f.ref].Add(o)
				}
			}
			// Defined last ref first, in two sections, so that the
			// scorecard's order is neither the refs' nor the reverse;
			// the first ref is left undefined, as an undo can leave a
			// figure's indicator.
			refs := slices.Sorted(maps.Keys(byRef))
			var inds []Indicator
			for i, ref := range slices.Backward(refs) {
				if i > 0 || len(refs) == 1 {
					inds = append(inds, Indicator{Ref: ref, Section: []string{"Care", "Help"}[i%2]})
				}
			}
			whole.AddIndicators(inds)
			var c Calendar
			c.AddIndicators(inds)
			for _, h := range byRef {
				c.Add(h)
			}
			if got, want := c.Cadence(), whole.Cadence(); got != want {
				t.Errorf("Cadence %v, the whole history's %v", got, want)
			}
			if got, want := c.Periods(), whole.Periods(); !reflect.DeepEqual(got, want) {
				t.Errorf("Periods %v, the whole history's %v", got, want)
			}
			if got, want := c.Latest(), whole.Latest(); got != want {
				t.Errorf("Latest %v, the whole history's %v", got, want)
			}
			// The export asks the shortfall of the latest period; any
			// period of the cadence gives the same.
			for _, p := range append(whole.Periods(), whole.Latest().Add(1), Period{}) {
				b1, n1 := c.Shortfall(p)
				b2, n2 := whole.Shortfall(p)
				if b1 != b2 || n1 != n2 {
					t.Errorf("Shortfall(%v): %v %q, the whole history's %v %q", p, b1, n1, b2, n2)
				}
			}
			// The export notes what is after its latest period, as flags
			// and brief do.
			for _, p := range append(whole.Periods(), Period{}) {
				if got, want := c.After(p), whole.After(p); !reflect.DeepEqual(got, want) {
					t.Errorf("After(%v): %v, the whole history's %v", p, got, want)
				}
			}
			asked := slices.Concat(whole.Periods(), run(month(2025, 10), q(2025, 3), fy(2024), ay(2024), cy(2024), cy(2025), Period{}))
			for _, p := range asked {
				p1, r1 := c.ReportingPeriod(p)
				p2, r2 := whole.ReportingPeriod(p)
				if p1 != p2 || r1 != r2 {
					t.Errorf("ReportingPeriod(%v): %v %v, the whole history's %v %v", p, p1, r1, p2, r2)
				}
			}
		})
	}
}
