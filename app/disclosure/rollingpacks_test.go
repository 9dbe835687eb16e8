package disclosure

import (
	"fmt"
	"math/rand"
	"testing"

	"scorecard/app"
)

// TestRollingAcrossPacks (probe C, CS03): a count over a rolling 12
// months is imported a month at a time, each file restating the months
// before, and each month's pack circulated. A reader keeps every pack.
// Each pack alone gave no month's own count away, but the next pack,
// with one more month in the run from a nought, chose other complements:
// it showed rolling counts the pack before withheld, and beside what that
// pack showed they told Dover's 1 child starting in Jul-25 (x(k) = R(k) -
// R(k-1) + x(k-12), the reader's arithmetic of TestRollingMonthsOwnCounts).
// The pack before each month's is worked out again on the whole run, and
// what it withheld stays withheld. Each scenario's own counts are drawn
// at random (seeded): Ashford's never small, Dover's none for a year and
// more (a nought), Swale's and Thanet's sparse.
func TestRollingAcrossPacks(t *testing.T) {
	cs03 := app.Indicator{Ref: "CS03", Name: "Number of children starting to be looked after (rolling 12 months)",
		Measure: app.Count, Unit: app.Number, DataPeriod: app.Rolling12}
	areas := []app.Area{"Ashford", "Dover", "Swale", "Thanet"}
	const months = 24 // Jan-24 to Dec-25
	first := month(2024, 1)
	var all []app.Period
	for m := range months {
		all = append(all, first.Add(m))
	}
	for seed := range 40 {
		rng := rand.New(rand.NewSource(int64(seed)))
		// own[a][i] is the area's own count of month i-11: the eleven
		// months before Jan-24 make up its first rolling count.
		own := map[app.Area][]float64{}
		for _, a := range areas {
			xs := make([]float64, months+11)
			for i := range xs {
				switch {
				case a == "Ashford":
					xs[i] = float64(3 + rng.Intn(6))
				case a == "Dover" && i < 14:
				case rng.Intn(3) == 0:
					xs[i] = float64(rng.Intn(3))
				}
			}
			own[a] = xs
		}
		rolling := func(a app.Area, m int) float64 {
			s := 0.0
			for _, x := range own[a][m : m+12] {
				s += x
			}
			return s
		}
		// The packs from the first file, to the month firstPack, to the
		// last, each of the imports so far.
		firstPack := 12 + rng.Intn(months-13)
		h := app.NewHistory()
		h.Apply(&app.Dataset{Indicators: []app.Indicator{cs03}}, "I0001")
		shown := map[app.SeriesKey]map[app.Period]float64{}
		var before *app.History
		for last := firstPack; last < months; last++ {
			id := fmt.Sprintf("I%04d", len(h.Imports)+1)
			h.Imports = append(h.Imports, app.Import{ID: id})
			for m := 0; m <= last; m++ {
				kent := 0.0
				for _, a := range areas {
					kent += rolling(a, m)
					h.Add(app.Observation{Ref: "CS03", Area: a, Period: first.Add(m), Value: app.Float(rolling(a, m)), Import: id})
				}
				h.Add(app.Observation{Ref: "CS03", Area: app.Kent, Period: first.Add(m), Value: app.Float(kent), Import: id})
			}
			pack, _ := Suppress(h, DefaultThreshold)
			for _, k := range pack.Keys() {
				for _, o := range pack.Series(k) {
					if o.Status != app.OK {
						continue
					}
					if shown[k] == nil {
						shown[k] = map[app.Period]float64{}
					}
					shown[k][o.Period] = *o.Value
					if before == nil {
						continue
					}
					if was, ok := before.Observation(k, o.Period); ok && was.Status == app.Suppressed {
						t.Errorf("seed %d, pack to %s: %s's %s is shown, %v, where the pack before withheld it",
							seed, first.Add(last).Label(), k.Area, o.Period.Label(), *o.Value)
					}
				}
			}
			before = pack
		}
		for k, s := range shown {
			for p, x := range ownCountsWorkedOut(all, s) {
				if x >= 1 && x < DefaultThreshold {
					t.Errorf("seed %d: %s's own count of %s, %v, is worked out from the packs' rolling counts", seed, k.Area, p.Label(), x)
				}
			}
		}
	}
}
