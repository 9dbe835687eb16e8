package views

import (
	"fmt"
	"math"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/app/store"
)

// fiveYears is a store-sized history: 32 indicators (proportions with
// numerators and denominators, counts, and means) for Kent and its 12
// districts over 60 months, with UASC-only figures for every Kent series
// and targets for each financial year. About 27,000 figures.
func fiveYears() *app.Dataset {
	d := &app.Dataset{}
	sections := []string{"Children in Care", "Social Work", "Early Help", "SEND"}
	first := app.MonthOf(2021, time.April)
	for i := range 32 {
		ref := fmt.Sprintf("%s%02d", []string{"CIC", "SCS", "EH", "SEND"}[i%4], i/4+1)
		ind := app.Indicator{Ref: ref, Name: "Indicator " + ref + " measured monthly across the county", Section: sections[i%4],
			Polarity: []app.Polarity{app.HigherBetter, app.LowerBetter, app.PolarityNone, app.HigherBetter}[i%4],
			Unit:     app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion}
		if i%4 == 2 {
			ind.Unit, ind.Decimals, ind.Measure = app.Number, 0, app.Count
		}
		d.Indicators = append(d.Indicators, ind)
		for y := 2021; y <= 2025; y++ {
			d.Targets = append(d.Targets, app.Target{Ref: ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(50), Floor: app.Float(40)})
		}
		for m := range 60 {
			p := first.Add(m)
			for a, area := range app.Areas {
				den := 1000.0 / float64(1+a)
				num := den * (0.45 + 0.1*math.Sin(float64(m+i+a)/5))
				o := app.Observation{Ref: ref, Area: area, Period: p, Numerator: app.Float(math.Round(num)), Denominator: app.Float(math.Round(den))}
				o.Value = app.Float(*o.Numerator / *o.Denominator * 100)
				if ind.Measure == app.Count {
					o.Value, o.Denominator = o.Numerator, nil
				}
				d.Observations = append(d.Observations, o)
				if area == app.Kent {
					u := o
					u.Split, u.Numerator, u.Rule = app.Only(app.UASC), app.Float(math.Round(num/8)), "UASC on the snapshot date"
					if u.Denominator != nil {
						u.Denominator = app.Float(math.Round(den / 6))
						u.Value = app.Float(*u.Numerator / *u.Denominator * 100)
					} else {
						u.Value = u.Numerator
					}
					d.Observations = append(d.Observations, u)
				}
			}
		}
	}
	return d
}

// fiveYearStore writes fiveYears into a real store, as one import.
func fiveYearStore(b *testing.B) store.Store {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "scorecard.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	if _, err := st.Import(store.Source{Name: "five-years.xlsx", Kind: "workbook", SHA256: "bench"}, fiveYears()); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkFirstFrame measures opening the window on a five-year store:
// reading the store, building every screen and painting the first frame
// (the target is under 1.5 s).
func BenchmarkFirstFrame(b *testing.B) {
	st := fiveYearStore(b)
	a := test.NewTempApp(b)
	for b.Loop() {
		w, err := newMainWindow(a, storeBackend{st}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		w.win.Resize(fyne.NewSize(1280, 800))
		w.win.Canvas().Capture()
		w.win.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/frame")
}

// BenchmarkCohortToggle measures a click on "Exclude UASC" on a five-year
// history: recomputing the exclusion and every figure on screen, and
// updating the widgets (the target is under 100 ms). Each toggle is a
// first toggle: the cache of excluded histories is cleared, so the figure
// is not flattered by it. The repaint is measured apart, below, because
// the test driver paints in software where the real window uses OpenGL.
func BenchmarkCohortToggle(b *testing.B) {
	benchmarkToggle(b, false)
}

// BenchmarkCohortTogglePainted is BenchmarkCohortToggle with a full
// software repaint of the 1280×800 window after each toggle: an upper
// bound on what the user waits for.
func BenchmarkCohortTogglePainted(b *testing.B) {
	benchmarkToggle(b, true)
}

func benchmarkToggle(b *testing.B, paint bool) {
	st := fiveYearStore(b)
	w, err := newMainWindow(test.NewTempApp(b), storeBackend{st}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	w.win.Resize(fyne.NewSize(1280, 800))
	w.win.Canvas().Capture()
	on := false
	cpu0, _ := cpuTime()
	for b.Loop() {
		clear(w.v.excluded)
		on = !on
		w.cohorts[app.UASC].SetChecked(on)
		if paint {
			w.win.Canvas().Capture()
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/toggle")
	// The CPU time is the cost on an idle machine (the garbage collector's
	// share included), which a loaded build machine's wall time overstates.
	if cpu1, ok := cpuTime(); ok {
		b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/toggle")
	}
}
