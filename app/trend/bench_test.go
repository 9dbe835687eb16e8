package trend

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"scorecard/app"
)

// benchHistory builds a directorate's worth of history: 100 indicators
// (percentages with their numerators and denominators, rates and counts,
// of each polarity, with yearly targets) × 13 areas × 3 splits × 60
// months of noisy figures.
func benchHistory() *app.History {
	r := rand.New(rand.NewPCG(1, 2))
	h := app.NewHistory()
	splits := []app.Split{app.All, app.Only(app.UASC), app.Excluding(app.UASC)}
	start := app.MonthOf(2020, 4)
	for i := range 100 {
		ind := app.Indicator{Ref: fmt.Sprintf("IND%03d", i), Name: "Indicator", Decimals: 1}
		switch i % 4 {
		case 0, 1:
			ind.Unit, ind.Measure = app.Percent, app.Proportion
		case 2:
			ind.Unit, ind.Measure = app.Per10k, app.Rate
		case 3:
			ind.Unit, ind.Measure, ind.Decimals = app.Number, app.Count, 0
		}
		ind.Polarity = []app.Polarity{app.HigherBetter, app.LowerBetter, app.PolarityNone, app.NearTarget}[i%7%4]
		h.AddIndicator(ind)
		level := 5 + r.Float64()*80
		for y := 2020; y <= 2025; y++ {
			t := app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y},
				Target: app.Float(level), Floor: app.Float(level * 0.9), Tolerance: app.Float(level * 0.05)}
			if ind.Polarity == app.LowerBetter {
				t.Floor = app.Float(level * 1.1)
			}
			h.AddTarget(t)
		}
		for _, area := range app.Areas {
			for _, split := range splits {
				den := 150 + r.Float64()*150
				if area == app.Kent {
					den *= 12
				}
				if _, ok := split.Cohort(); ok {
					den /= 8
				}
				den = math.Round(den)
				for m := range 60 {
					o := app.Observation{Ref: ind.Ref, Area: area, Split: split, Period: start.Add(m), Import: "I1"}
					if m == 30 && area == "Dover" {
						continue // a missing month
					}
					v := max(level*(1+0.1*r.NormFloat64()), 0)
					switch ind.Unit {
					case app.Percent:
						num := math.Round(min(v, 100) * den / 100)
						o.Value, o.Numerator, o.Denominator = app.Float(num/den*100), app.Float(num), app.Float(den)
					case app.Per10k:
						pop := den * 200
						num := math.Round(v * pop / 10000)
						o.Value, o.Numerator, o.Denominator = app.Float(num/pop*10000), app.Float(num), app.Float(pop)
					default:
						o.Value = app.Float(math.Round(v))
					}
					h.Add(o)
				}
			}
		}
	}
	return h
}

// BenchmarkAnalyseAll recomputes every series, as the GUI does on each
// toggle: every point's rating, direction, changes, trend, SPC signal,
// assurance, children and flags, held as Series. Issue 4's target is
// under 50 ms at Go's default GOGC.
func BenchmarkAnalyseAll(b *testing.B) {
	h := benchHistory()
	b.ReportAllocs()
	for b.Loop() {
		if all := AnalyseAll(h, Options{}); len(all) != 100*13*3 || all[kentBench].Len() != 60 {
			b.Fatalf("%d series, %d points in %s", len(all), all[kentBench].Len(), kentBench)
		}
	}
}

var kentBench = app.SeriesKey{Ref: "IND000", Area: app.Kent}

// BenchmarkAnalyseEach is BenchmarkAnalyseAll on one processor.
func BenchmarkAnalyseEach(b *testing.B) {
	h := benchHistory()
	keys := h.Keys()
	if len(keys) != 100*13*3 {
		b.Fatalf("%d series", len(keys))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range keys {
			if pts := Analyse(h, k, Options{}); len(pts) != 60 {
				b.Fatalf("%s: %d points", k, len(pts))
			}
		}
	}
}

// BenchmarkAnalyseSplit recomputes the series of one split, as a view
// showing all children (or all excluding a cohort) needs on a toggle.
func BenchmarkAnalyseSplit(b *testing.B) {
	h := benchHistory()
	var keys []app.SeriesKey
	for _, k := range h.Keys() {
		if k.Split == app.All {
			keys = append(keys, k)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if pts := AnalyseKeys(h, keys, Options{}); len(pts) != 1300 {
			b.Fatalf("%d series", len(pts))
		}
	}
}

// BenchmarkFlags finds the latest month's flags across the All split.
func BenchmarkFlags(b *testing.B) {
	h := benchHistory()
	b.ReportAllocs()
	for b.Loop() {
		if len(Flags(h, app.Period{}, Options{})) == 0 {
			b.Fatal("no flags")
		}
	}
}
