package disclosure

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"scorecard/app"
)

// dentalHistory is a store of a count of children in care (N01) and the
// percentage of them with a dental check (P01, given with its numerator
// and denominator, the count its denominator, though its guidance names
// none), for Kent and its districts, all children and the UASC and OLA
// children apart, over 13 months: the campaign's store (QA s43 B2).
func dentalHistory(refs ...string) *app.History {
	return countBeside(app.Indicator{Ref: "P01", Name: "Children in care with a dental check (%)", Measure: app.Proportion, Unit: app.Percent, Decimals: 1},
		func(n, v float64) float64 { return 100 * n / v }, refs...)
}

// countBeside is dentalHistory with other, given with its numerator and
// the count as its denominator, its value value(numerator, count), in
// place of the percentage.
func countBeside(other app.Indicator, value func(n, v float64) float64, refs ...string) *app.History {
	rng := rand.New(rand.NewPCG(5, 5))
	small := []float64{0, 0, 1, 2, 3, 4, 5, 6, 8, 11}
	inds := []app.Indicator{{Ref: "N01", Name: "Number of children in care", Measure: app.Count, Unit: app.Number}, other}
	splits := []app.Split{app.All, app.Only(app.UASC), app.Only(app.OLA)}
	var obs []app.Observation
	add := func(a app.Area, p app.Period, s app.Split, v, n float64) {
		obs = append(obs, app.Observation{Ref: "N01", Area: a, Period: p, Split: s, Value: &v})
		if v > 0 {
			x := value(n, v)
			obs = append(obs, app.Observation{Ref: other.Ref, Area: a, Period: p, Split: s, Value: &x, Numerator: &n, Denominator: &v})
		}
	}
	for m := range 13 {
		p := app.MonthOf(2025+m/12, time.Month(1+m%12))
		var total [3][2]float64
		for _, a := range kentDistricts {
			u, o, rest := small[rng.IntN(len(small))], small[rng.IntN(len(small))], float64(30+rng.IntN(91))
			nu, no, nr := float64(rng.IntN(int(u)+1)), float64(rng.IntN(int(o)+1)), float64(rng.IntN(int(rest)+1))
			for i, f := range [][2]float64{{u + o + rest, nu + no + nr}, {u, nu}, {o, no}} {
				add(a, p, splits[i], f[0], f[1])
				total[i][0] += f[0]
				total[i][1] += f[1]
			}
		}
		for i, f := range total {
			add(app.Kent, p, splits[i], f[0], f[1])
		}
	}
	if len(refs) > 0 {
		obs = slices.DeleteFunc(obs, func(o app.Observation) bool { return !slices.Contains(refs, o.Ref) })
	}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: inds, Observations: obs}, "I1")
	return h
}

// TestSharesWithheldAlikeAcrossExports (QA s43 B2): the all-children
// workbook and those excluding UASC and OLA, circulated together, withheld
// different cells of a percentage given with counts: tied to the counts
// withheld beside it only in a release excluding a cohort, the
// percentage's complement was taken elsewhere, so that one workbook's
// 57 of 64 beside another's 0 of 6 OLA children told the 1 child without
// a check that a third withheld. Every release withholds the same cells
// of all children's and each cohort's figures, whole or an indicator at
// a time (Beside, as the export streams it).
func TestSharesWithheldAlikeAcrossExports(t *testing.T) {
	h := dentalHistory()
	withheld := func(base *app.History) map[string]bool {
		out := map[string]bool{}
		for _, k := range base.Keys() {
			for _, o := range base.Series(k) {
				if o.Status == app.Suppressed {
					out[fmt.Sprintf("%s %s %s %s", k.Ref, k.Area, k.Split, o.Period)] = true
				}
			}
		}
		return out
	}
	plain, _, _, _ := Release(h, nil, DefaultThreshold)
	want := withheld(plain)
	if len(want) == 0 {
		t.Fatal("nothing withheld: the store has no small numbers to protect")
	}
	for _, cs := range [][]app.Cohort{{app.UASC}, {app.OLA}} {
		base, _, _, _ := Release(h, cs, DefaultThreshold)
		got := withheld(base)
		for k := range want {
			if !got[k] {
				t.Errorf("%s: withheld in the all-children export, shown in the one excluding %s", k, cs[0])
			}
		}
		for k := range got {
			if !want[k] {
				t.Errorf("%s: withheld excluding %s, shown in the all-children export", k, cs[0])
			}
		}
	}
	// The streamed export releases P01 with what Beside reads beside it.
	needs, _ := Beside(dentalHistory("P01"), "P01")
	alone, _, _, _ := Release(dentalHistory(append(needs, "P01")...), nil, DefaultThreshold)
	for k := range withheld(alone) {
		if k[:3] == "P01" && !want[k] {
			t.Errorf("%s: withheld released alone, shown in the whole release", k)
		}
	}
	for k := range want {
		if k[:3] == "P01" && !withheld(alone)[k] {
			t.Errorf("%s: withheld in the whole release, shown released alone", k)
		}
	}
}

// TestAverageBesideItsCount (the export campaign of the forty-third
// session): an average given with its number of children (days over
// children adopted) beside the count of them. Excluding OLA, Swale's
// average showed 7,074 days for 14 children where the count excluding
// OLA, 14, was withheld; with all children's 15 shown, 15 - 14 gave the
// 1 OLA child. An average carrying a count withheld at its place is
// withheld with it, as a percentage is.
func TestAverageBesideItsCount(t *testing.T) {
	avg := app.Indicator{Ref: "A01", Name: "Average days from entering care to adoption", Measure: app.Mean, Unit: app.Days}
	// The days: some 400 for each child.
	h := countBeside(avg, func(n, v float64) float64 { return (400*v + n) / v })
	checked := 0
	for _, cs := range [][]app.Cohort{nil, {app.UASC}, {app.OLA}} {
		base, ex, figures, _, _ := ReleaseFigures(h, cs, DefaultThreshold, app.AuthorityOf(h))
		for _, shown := range []struct{ got, truth *app.History }{{base, h}, {ex, figures}} {
			for _, k := range shown.got.Keys() {
				if k.Ref != "A01" {
					continue
				}
				count := app.SeriesKey{Ref: "N01", Area: k.Area, Split: k.Split}
				for _, o := range shown.got.Series(k) {
					c, ok := shown.got.Observation(count, o.Period)
					if !ok || c.Status != app.Suppressed {
						continue
					}
					checked++ // an average beside a count withheld
					if o.Status == app.Suppressed || o.Denominator == nil {
						continue
					}
					if truth, ok := shown.truth.Observation(count, o.Period); ok && truth.Value != nil && *o.Denominator == *truth.Value {
						t.Errorf("excluding %v: A01 %s %s %s shows the %g children the count withheld", cs, k.Area, k.Split, o.Period, *o.Denominator)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no average beside a count withheld: nothing tested")
	}
}
