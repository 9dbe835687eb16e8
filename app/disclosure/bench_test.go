package disclosure

import (
	"fmt"
	"math/rand"
	"slices"
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
	load := aloneFrom(whole)
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

// BenchmarkReleaseRollingUASC releases a count over a rolling 12 months
// for Kent's districts and their UASC children, 24 months of sparse
// counts with noughts, whose runs join the months into one group of
// hundreds of cells (rolling.go): probe C's CS03 export took minutes a
// pack at 36 months.
func BenchmarkReleaseRollingUASC(b *testing.B) {
	h := rollingUASCHistory(24, 1)
	b.ResetTimer()
	for b.Loop() {
		Suppress(h, DefaultThreshold)
	}
}

// rollingUASCHistory is a rolling count of children starting to be
// looked after over months months, for Kent, its districts and the UASC
// among them, drawn from sparse monthly counts seeded by seed, Dover's
// none for its first 14 months.
func rollingUASCHistory(months int, seed int64) *app.History {
	own, uasc := sparseCounts(months, seed)
	return rollingHistory(months, own, uasc)
}

// sparseCounts draws each district's own counts of each month, all
// children's and UASC children's, from eleven months before the first of
// months: up to two children start in about one month in three (none in
// Dover's first 14 months), and a UASC child besides in about one in
// eight.
func sparseCounts(months int, seed int64) (own, uasc map[app.Area][]float64) {
	rng := rand.New(rand.NewSource(seed))
	own, uasc = map[app.Area][]float64{}, map[app.Area][]float64{}
	for _, a := range kentDistricts {
		xs, us := make([]float64, months+11), make([]float64, months+11)
		for i := range xs {
			if rng.Intn(3) == 0 && (a != "Dover" || i >= 14) {
				xs[i] = float64(rng.Intn(3))
			}
			if rng.Intn(4) == 0 {
				us[i] = float64(rng.Intn(2))
			}
			xs[i] += us[i]
		}
		own[a], uasc[a] = xs, us
	}
	return own, uasc
}

// rollingNeverNoughtHistory is rollingUASCHistory's count drawn so that
// no rolling count is ever nought (neverNoughtCounts).
func rollingNeverNoughtHistory(months int, seed int64) *app.History {
	own, uasc := neverNoughtCounts(months, seed)
	return rollingHistory(months, own, uasc)
}

// neverNoughtCounts draws each district's own counts of each month, all
// children's and UASC children's, from eleven months before the first of
// months, so that no rolling count is ever nought: a child starts some
// one month in three, a UASC child one in six, and any twelve months
// with none of either have one put in. Its small counts are never tied
// to one another by a run from a nought.
func neverNoughtCounts(months int, seed int64) (own, uasc map[app.Area][]float64) {
	rng := rand.New(rand.NewSource(seed))
	own, uasc = map[app.Area][]float64{}, map[app.Area][]float64{}
	for _, a := range kentDistricts {
		rest, us := make([]float64, months+11), make([]float64, months+11)
		for i := range rest {
			if rng.Intn(3) == 0 {
				rest[i] = float64(1 + rng.Intn(2)*rng.Intn(2))
			}
			if rng.Intn(6) == 0 {
				us[i] = 1
			}
		}
		for _, xs := range [][]float64{rest, us} {
			for m := 0; m+12 <= len(xs); m++ {
				if !slices.ContainsFunc(xs[m:m+12], func(x float64) bool { return x > 0 }) {
					xs[m+rng.Intn(12)] = 1
				}
			}
		}
		xs := make([]float64, len(rest))
		for i := range xs {
			xs[i] = rest[i] + us[i]
		}
		own[a], uasc[a] = xs, us
	}
	return own, uasc
}

// rollingHistory is a rolling count of children starting to be looked
// after over months months from Jan-20, for Kent, its districts and the
// UASC among them, from each district's own counts of each month, all
// children's and UASC children's, from eleven months before the first.
func rollingHistory(months int, own, uasc map[app.Area][]float64) *app.History {
	h := newRollingHistory()
	addRollingMonths(h, own, uasc, months, "I0001")
	return h
}

// newRollingHistory is a history defining CS03, a count of children
// starting to be looked after over a rolling 12 months, by import I0001.
func newRollingHistory() *app.History {
	cs03 := app.Indicator{Ref: "CS03", Name: "Number of children starting to be looked after (rolling 12 months)",
		Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12}
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I0001"}}
	h.Apply(&app.Dataset{Indicators: []app.Indicator{cs03}}, "I0001")
	return h
}

// addRollingMonths adds to h, as given by import id, CS03's figures of
// the first months months from Jan-20 (rollingHistory).
func addRollingMonths(h *app.History, own, uasc map[app.Area][]float64, months int, id string) {
	rolling := func(xs []float64, m int) float64 {
		s := 0.0
		for _, x := range xs[m : m+12] {
			s += x
		}
		return s
	}
	for m := range months {
		p := app.MonthOf(2020, 1).Add(m)
		kent, kentUASC := 0.0, 0.0
		for _, a := range kentDistricts {
			kent, kentUASC = kent+rolling(own[a], m), kentUASC+rolling(uasc[a], m)
			h.Add(app.Observation{Ref: "CS03", Area: a, Period: p, Value: app.Float(rolling(own[a], m)), Import: id})
			h.Add(app.Observation{Ref: "CS03", Area: a, Split: app.Only(app.UASC), Period: p, Value: app.Float(rolling(uasc[a], m)), Import: id})
		}
		h.Add(app.Observation{Ref: "CS03", Area: app.Kent, Period: p, Value: app.Float(kent), Import: id})
		h.Add(app.Observation{Ref: "CS03", Area: app.Kent, Split: app.Only(app.UASC), Period: p, Value: app.Float(kentUASC), Import: id})
	}
}
