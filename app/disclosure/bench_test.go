package disclosure

import (
	"fmt"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// BenchmarkReleaseLarge suppresses synth.Large (124 indicators, Kent and
// 12 districts, 60 months) excluding UASC, as an export does.
func BenchmarkReleaseLarge(b *testing.B) {
	m := synth.Large(1)
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	b.ResetTimer()
	for b.Loop() {
		Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
	}
}

// BenchmarkReleaseLargeAllChildren is BenchmarkReleaseLarge for the
// all-children export, which protects each cohort's complement too.
func BenchmarkReleaseLargeAllChildren(b *testing.B) {
	m := synth.Large(1)
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	b.ResetTimer()
	for b.Loop() {
		Release(h, nil, DefaultThreshold)
	}
}

// BenchmarkReleaseByIndicator releases synth.Large an indicator at a
// time, each beside what its release depends on (Reader), all children's
// figures, and asks which are unprotected: what a large export's
// export.WriteFrom and show's release of one indicator do.
func BenchmarkReleaseByIndicator(b *testing.B) {
	m := synth.Large(1)
	whole := app.NewHistory()
	whole.Apply(&m.Dataset, "I0001")
	auth := app.AuthorityOf(whole)
	load := func(ref string) (*app.History, error) {
		h := app.NewHistory()
		h.AddIndicators(whole.Indicators())
		h.Gather(whole, ref, func(app.Observation) bool { return true })
		return h, nil
	}
	var refs []string
	for _, ind := range whole.Indicators() {
		refs = append(refs, ind.Ref)
	}
	b.ResetTimer()
	for b.Loop() {
		rd := NewReader(load)
		for _, ref := range refs {
			h, err := rd.Load(ref)
			if err != nil {
				b.Fatal(err)
			}
			both, err := rd.WithBeside(ref, h)
			if err != nil {
				b.Fatal(err)
			}
			ReleaseFigures(both, nil, DefaultThreshold, auth)
			UnprotectedIn(both, DefaultThreshold, auth.Area())
		}
	}
}

// gridHistory is one proportion's history as the store's benchmarks
// write it (store.TestWriteHistoryStores): Kent and its districts, all
// children, UASC and excluding UASC, files of five years of months each
// ending five years before the last, files of them, as a store's 40
// years of history with files 8.
func gridHistory(files int) *app.History {
	h := app.NewHistory()
	splits := []app.Split{app.All, app.Excluding(app.UASC), app.Only(app.UASC)}
	first := app.MonthOf(2025, 3).Add(-59).Index()
	for f := range files {
		last := app.MonthOf(2025, 3).Add(-60 * f)
		ds := &app.Dataset{Indicators: []app.Indicator{{Ref: "KPI001", Name: "Indicator KPI001", Section: "Section 0",
			Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}}}
		for a, area := range app.Areas {
			for s, split := range splits {
				for m := range 60 {
					p := last.Add(m - 59)
					at := p.Index() - first
					den := float64(200 + 10*a + 50*s + (at%400+400)%400)
					num := float64((a*3 + s + at%150 + 150) % 150)
					ds.Observations = append(ds.Observations, app.Observation{Ref: "KPI001", Area: area, Split: split, Period: p,
						Value: app.Float(100 * num / den), Numerator: app.Float(num), Denominator: app.Float(den)})
				}
			}
		}
		h.Apply(ds, fmt.Sprintf("I%04d", f+1))
	}
	return h
}

// BenchmarkReleaseHistory releases one indicator's history of 5 and 40
// years (gridHistory), all children's as show marks it, and excluding
// UASC as show, flags and brief do with --exclude uasc: a release's cost
// is to grow no faster than the figures it protects.
func BenchmarkReleaseHistory(b *testing.B) {
	for _, files := range []int{1, 8} {
		h := gridHistory(files)
		auth := app.AuthorityOf(h)
		for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
			name := fmt.Sprintf("years=%d/all", 5*files)
			if len(cs) > 0 {
				name = fmt.Sprintf("years=%d/excluding=uasc", 5*files)
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					ReleaseFigures(h, cs, DefaultThreshold, auth)
				}
			})
		}
	}
}
