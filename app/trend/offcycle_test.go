package trend

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// overdueHistory is QA26b's store: a monthly count to Oct-26 beside Q05,
// a quarterly percentage (Data period Q) given, as a scorecard gives it,
// in the months quarters end, Dec-24 to Jun-26 (40% to 58%, target 70%,
// floor 55%): its Jul-Sep 2026 figure never came.
func overdueHistory() *app.History {
	mon := app.Indicator{Ref: "Q02", Name: "Number of children missing from care", Polarity: app.LowerBetter, Unit: app.Number}
	q05 := app.Indicator{Ref: "Q05", Name: "Care leavers in education (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1,
		Measure: app.Proportion, DataPeriod: app.QuarterPeriod}
	h := monthly(mon, app.SeriesKey{Ref: "Q02", Area: app.Kent}, app.MonthOf(2024, time.November),
		40, 41, 42, 43, 44, 45, 46, 40, 41, 42, 43, 44, 45, 46, 40, 41, 42, 43, 44, 45, 46, 40, 41, 42)
	h.AddIndicator(q05)
	nan := math.NaN()
	var vals []float64
	for i := range 7 {
		vals = append(vals, float64(40+3*i), nan, nan)
	}
	addMonths(h, app.SeriesKey{Ref: "Q05", Area: app.Kent}, app.MonthOf(2024, time.December), vals[:19]...)
	for _, y := range []int{2024, 2025, 2026} {
		h.AddTarget(app.Target{Ref: "Q05", Year: fy(y), Target: app.Float(70), Floor: app.Float(55)})
	}
	return h
}

// TestOverdueQuarter: a quarter not in by the month it was due is one
// thing everywhere, read from OffCycle: its cell says "missing", flags
// has a missing flag for it, and no "quarterly:" note says it beside, in
// the month it was due and each month after while it is overdue (flags'
// window, in quarters, from the last figure). Before it is due, and once
// the window has passed, it is "quarterly" with its note, and no flag.
// In the month after it was due flags had nothing and the cell said
// "quarterly" (QA26b S2).
func TestOverdueQuarter(t *testing.T) {
	k := app.SeriesKey{Ref: "Q05", Area: app.Kent}
	q3, q4 := quarter(2026, 3), quarter(2026, 4)
	const last = " (last figure Apr-Jun 2026: 58.0%)"
	for _, tt := range []struct {
		name   string
		month  app.Period
		window int    // Options.Window; 0 for its default, 12
		word   string // the cell's
		flags  []Flag // Q05's
		note   string // OffCycleNotes'; "" for none
	}{
		{"before it is due", app.MonthOf(2026, time.August), 0, "quarterly", nil,
			"Q05 Care leavers in education (%): quarterly: Apr-Jun 2026 = 58.0% AMBER; next due Sep-26, so August 2026 has no figure, rating or direction of it."},
		{"the month it was due", app.MonthOf(2026, time.September), 0, MissingMonth,
			[]Flag{{"Q05", app.Kent, q3, MissingMonth, "no figure for Jul-Sep 2026" + last}}, ""},
		{"the month after", app.MonthOf(2026, time.October), 0, MissingMonth,
			[]Flag{{"Q05", app.Kent, q3, MissingMonth, "no figure for Jul-Sep 2026, due Sep-26" + last}}, ""},
		{"two months after", app.MonthOf(2026, time.November), 0, MissingMonth,
			[]Flag{{"Q05", app.Kent, q3, MissingMonth, "no figure for Jul-Sep 2026, due Sep-26" + last}}, ""},
		{"the next quarter overdue", app.MonthOf(2027, time.January), 0, MissingMonth,
			[]Flag{{"Q05", app.Kent, q4, MissingMonth, "no figure for Oct-Dec 2026, due Dec-26" + last}}, ""},
		{"within a window of two quarters", app.MonthOf(2027, time.February), 2, MissingMonth,
			[]Flag{{"Q05", app.Kent, q4, MissingMonth, "no figure for Oct-Dec 2026, due Dec-26" + last}}, ""},
		{"past a window of two quarters", app.MonthOf(2027, time.April), 2, "quarterly", nil,
			"Q05 Care leavers in education (%): quarterly: Apr-Jun 2026 = 58.0% AMBER; next was due Sep-26, so April 2027 has no figure, rating or direction of it."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := overdueHistory()
			opt := Options{Window: tt.window}
			var got []Flag
			for _, f := range Flags(h, tt.month, opt) {
				if f.Ref == "Q05" {
					got = append(got, f)
				}
			}
			if !reflect.DeepEqual(got, tt.flags) {
				t.Errorf("flags of %s: %q, want %q", tt.month.Label(), flagsOf(got), flagsOf(tt.flags))
			}
			o := opt
			o.Until = h.AnalysedUntil(k, tt.month)
			s := AnalyseSeries(h, k, o)
			oc, ok := s.OffCycleAt(tt.month)
			if !ok {
				t.Fatalf("OffCycleAt(%s): not off-cycle", tt.month.Label())
			}
			if w := oc.Word(tt.month); w != tt.word {
				t.Errorf("its cell in %s says %q, want %q", tt.month.Label(), w, tt.word)
			}
			notes := OffCycleNotes(h, app.Kent, tt.month, opt, nil)
			if want := slices.DeleteFunc([]string{tt.note}, func(s string) bool { return s == "" }); !slices.Equal(notes, want) {
				t.Errorf("notes of %s: %q, want %q", tt.month.Label(), notes, want)
			}
		})
	}
}

// TestOverdueNote: the cell note of a quarter overdue says it missing, as
// its cell does, not "quarterly:", naming the quarter and when it was due.
func TestOverdueNote(t *testing.T) {
	h := overdueHistory()
	k := app.SeriesKey{Ref: "Q05", Area: app.Kent}
	ind, _ := h.Indicator("Q05")
	for _, tt := range []struct {
		month app.Period
		want  string
	}{
		{app.MonthOf(2026, time.October), "Q05 Care leavers in education (%): missing: no figure for Jul-Sep 2026, due Sep-26; latest Apr-Jun 2026 = 58.0% AMBER, so October 2026 has no figure, rating or direction of it."},
		{app.MonthOf(2027, time.January), "Q05 Care leavers in education (%): missing: no figure for Oct-Dec 2026, due Dec-26; latest Apr-Jun 2026 = 58.0% AMBER, so January 2027 has no figure, rating or direction of it."},
	} {
		s := AnalyseSeries(h, k, Options{Until: h.AnalysedUntil(k, tt.month)})
		oc, ok := s.OffCycleAt(tt.month)
		if got := oc.Note(ind, tt.month); !ok || got != tt.want {
			t.Errorf("note of %s: %q, want %q", tt.month.Label(), got, tt.want)
		}
	}
}

// TestOffCycleNoteAs: a note whose OffCycle says which figure it gives
// (As: a measure shown as published excluding UASC) says it after the
// name, as the brief's items do, whether the quarter is between figures
// or overdue.
func TestOffCycleNoteAs(t *testing.T) {
	h := overdueHistory()
	k := app.SeriesKey{Ref: "Q05", Area: app.Kent}
	ind, _ := h.Indicator("Q05")
	const as = "a measure of pupils, shown as published (no UASC split applies)"
	for _, tt := range []struct {
		month app.Period
		want  string
	}{
		{app.MonthOf(2026, time.August), "Q05 Care leavers in education (%): " + as + ": quarterly: Apr-Jun 2026 = 58.0% AMBER; next due Sep-26, so August 2026 has no figure, rating or direction of it."},
		{app.MonthOf(2026, time.October), "Q05 Care leavers in education (%): " + as + ": missing: no figure for Jul-Sep 2026, due Sep-26; latest Apr-Jun 2026 = 58.0% AMBER, so October 2026 has no figure, rating or direction of it."},
	} {
		s := AnalyseSeries(h, k, Options{Until: h.AnalysedUntil(k, tt.month)})
		oc, ok := s.OffCycleAt(tt.month)
		oc.As = as
		if got := oc.Note(ind, tt.month); !ok || got != tt.want {
			t.Errorf("note of %s: %q, want %q", tt.month.Label(), got, tt.want)
		}
	}
	notes := OffCycleNotes(h, app.Kent, app.MonthOf(2026, time.August), Options{}, func(i app.Indicator) string {
		if i.Ref == "Q05" {
			return as
		}
		return ""
	})
	if want := "Q05 Care leavers in education (%): " + as + ": quarterly:"; len(notes) != 1 || !strings.HasPrefix(notes[0], want) {
		t.Errorf("OffCycleNotes: %q, want one beginning %q", notes, want)
	}
}
