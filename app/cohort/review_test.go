package cohort

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"scorecard/app"
)

// TestReview: at import, a series of the file's own figures excluding
// UASC that disagree is one warning at its first cell, naming the periods
// where some disagree; one figure's is its own warning.
func TestReview(t *testing.T) {
	ind := app.Indicator{Ref: "QZ1", Name: "Children seen within 10 days (%)", Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	// Each month: all 30 of 120, UASC 6 of 20, so 24 of 100 excluding
	// UASC; the file says 20 of 100 in the months wrong lists.
	dataset := func(wrong ...int) *app.Dataset {
		d := &app.Dataset{Indicators: []app.Indicator{ind}}
		for m := 1; m <= 12; m++ {
			p := app.MonthOf(2025, time.Month(m))
			at := func(split app.Split, v, n, den float64, col string) app.Observation {
				o := fig("QZ1", split, v, n, den)
				o.Period, o.Cell = p, fmt.Sprintf("CSC!%s%d", col, 4+m)
				return o
			}
			ex := at(app.Excluding(app.UASC), 24, 24, 100, "D")
			for _, w := range wrong {
				if w == m {
					ex = at(app.Excluding(app.UASC), 20, 20, 100, "D")
				}
			}
			d.Observations = append(d.Observations, at(app.All, 25, 30, 120, "B"), at(app.Only(app.UASC), 30, 6, 20, "C"), ex)
		}
		return d
	}
	all := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	cases := []struct {
		name  string
		wrong []int
		cell  string
		want  string // "": no warning
	}{
		{"every month", all, "D5", "QZ1 Kent: the source's own figures excluding UASC cannot be right in all 12 periods given, Jan-25 to Dec-25: Jan-25's has value 20 where all children minus the cohort give 24; numerator 20 where all children minus the cohort give 24"},
		{"two months", []int{3, 7}, "D7", "in 2 of the 12 periods given (Mar-25, Jul-25): Mar-25's has value 20"},
		{"one month", []int{9}, "D13", "QZ1 Kent Sep-25: the source's own figure excluding UASC has value 20 where all children minus the cohort give 24"},
		{"none", nil, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			warns := Review("scorecard.xlsx", dataset(c.wrong...), nil)
			if c.want == "" {
				if len(warns) != 0 {
					t.Errorf("warned %v, want nothing", warns)
				}
				return
			}
			if len(warns) != 1 {
				t.Fatalf("warned %v, want one warning", warns)
			}
			w := warns[0]
			if w.File != "scorecard.xlsx" || w.Sheet != "CSC" || w.Cell != c.cell {
				t.Errorf("warned at %v, want scorecard.xlsx CSC!%s", w.Location, c.cell)
			}
			if !strings.Contains(w.Message, c.want) {
				t.Errorf("warning %q does not say %q", w.Message, c.want)
			}
		})
	}
}

// TestReviewAddsFiguresWithoutCopying: Review's history of the figures it
// checks is all the memory it needs in proportion to them; a copy of
// them made first (a dataset of their own) was a tenth of the large
// scorecard's import's heap.
func TestReviewAddsFiguresWithoutCopying(t *testing.T) {
	areas := []app.Area{app.Kent, "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	d := &app.Dataset{}
	for i := range 10 {
		ref := fmt.Sprintf("CIC%02d", i+1)
		d.Indicators = append(d.Indicators, app.Indicator{Ref: ref, Name: "Children in care placed in 20 miles (%)", Unit: app.Percent, Decimals: 1, Measure: app.Proportion})
		for _, a := range areas {
			for _, split := range []app.Split{app.All, app.Only(app.UASC), app.Excluding(app.UASC)} {
				for m := range 60 {
					o := fig(ref, split, 25, 30, 120)
					o.Area, o.Period, o.Cell = a, app.MonthOf(2021+m/12, time.Month(m%12+1)), fmt.Sprintf("CIC!%c%d", 'B'+m%20, 5+i)
					if split == app.Only(app.UASC) {
						o.Value, o.Numerator, o.Denominator = app.Float(30), app.Float(6), app.Float(20)
					} else if split != app.All {
						o.Value, o.Numerator, o.Denominator = app.Float(24), app.Float(24), app.Float(100)
					}
					d.Observations = append(d.Observations, o)
				}
			}
		}
	}
	allocated := func(f func()) uint64 {
		least := uint64(math.MaxUint64)
		for range 3 {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			f()
			runtime.ReadMemStats(&after)
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least
	}
	var warns []app.Warning
	review := allocated(func() { warns = Review("scorecard.xlsx", d, nil) })
	if len(warns) != 0 {
		t.Fatalf("warned %v of figures that agree", warns)
	}
	// What Review has to do: the history of the figures, and the
	// figures excluding UASC worked out from it.
	work := allocated(func() {
		h := app.NewHistory()
		h.Apply(d, "import")
		h.Imports = []app.Import{{ID: "import", Source: "scorecard.xlsx"}}
		ExcludeNoted(h, []app.Cohort{app.UASC}, app.AuthorityOf(h))
	})
	copied := uint64(len(d.Observations)) * uint64(unsafe.Sizeof(app.Observation{}))
	if review > work+copied/2 {
		t.Errorf("Review of %d figures allocated %d bytes, its work %d: more than half a copy of the figures (%d bytes) beside it", len(d.Observations), review, work, copied)
	}
}
