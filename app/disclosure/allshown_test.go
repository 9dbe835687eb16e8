package disclosure

import (
	"cmp"
	"maps"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/assets/synth"
)

// revisedDemo is the demo with a later import revising its last three
// months of every count and proportion in some areas, some to small
// numbers: the releases before it are worked out again (sticky.go,
// earlier.go).
func revisedDemo() *app.History {
	h := app.NewHistory()
	d := synth.Demo().Dataset
	h.Apply(&d, "I0001")
	var last app.Period
	for _, o := range d.Observations {
		if o.Period.Kind == app.Month && last.Compare(o.Period) < 0 {
			last = o.Period
		}
	}
	rev := app.Dataset{Indicators: d.Indicators}
	for i, o := range d.Observations {
		if o.Period.Kind != app.Month || o.Period.Compare(last.Add(-2)) < 0 || i%3 != 0 || o.Value == nil {
			continue
		}
		o.Value = app.Float(float64(2 + i%5))
		if o.Numerator != nil && o.Denominator != nil {
			o.Numerator, o.Denominator = app.Float(*o.Numerator+1), app.Float(*o.Denominator+1)
			o.Value = app.Float(100 * *o.Numerator / *o.Denominator)
		}
		rev.Observations = append(rev.Observations, o)
	}
	h.Apply(&rev, "I0002")
	return h
}

// TestAllShownDecidesNothing: a group of figures protect passes over
// (allShown) is one whose system, built and worked through, withholds
// nothing more. Each group of a release is worked through as the
// release does; before it, where allShown holds, the system is built
// anyway (withholdUntilSafe) and must leave every figure as it was. On
// the demo (quarters, years to date, rolling counts, changes, cohorts),
// the demo with figures the source withheld, the demo revised by a
// later import (the releases before it: addEarlier), and a long
// history; all children's and excluding UASC.
func TestAllShownDecidesNothing(t *testing.T) {
	for name, h := range map[string]*app.History{"demo": demoHistory(), "demo with two withheld": withTwoSourceWithheld(),
		"demo revised": revisedDemo(), "small counts revised": smallCountsRevised(),
		"a year to date's own month": overTime(app.YearToDate, 10, 12, 20), "a rolling count from nought": overTime(app.Rolling12, 0, 6, 8), "40 years": gridHistory(8)} {
		for _, cs := range [][]app.Cohort{nil, {app.UASC}} {
			skipped, built := 0, 0
			r := releaseBeforeSecondary(h, cs)
			for _, keys := range r.byRefInOrder() {
				fs := r.collect(keys)
				r.primary(fs)
				for _, g := range r.groups(keys) {
					group := keysOf(g)
					ind, _ := r.h.Indicator(group[0].ref)
					if !r.allShown(ind, group, fs) {
						built++
						r.protect(group, fs, r.change[ind.Ref])
						continue
					}
					skipped++
					was := maps.Clone(r.hidden)
					r.withholdUntilSafe(ind, group, fs, r.change[ind.Ref])
					if !maps.Equal(was, r.hidden) {
						t.Fatalf("%s excluding %v: %s's group of %s passed over, yet its system withholds more", name, cs, ind.Ref, group[0].period)
					}
				}
			}
			if skipped == 0 || built == 0 {
				t.Errorf("%s excluding %v: %d groups passed over, %d built; the case should have both", name, cs, skipped, built)
			}
		}
	}
}

// smallCountsRevised is May's Ashford 1 and Canterbury 1, withheld in
// May's pack, revised in June's file to 6 and 8 beside the same other
// districts: June's release withholds nothing of May for its size, but
// May's pack and June's together tell that Ashford and Canterbury made
// 2 in May, each 1 (TestWithheldOnceStaysWithheld's s1).
func smallCountsRevised() *app.History {
	apr, may, jun := app.MonthOf(2025, 4), app.MonthOf(2025, 5), app.MonthOf(2025, 6)
	pf01 := app.Indicator{Ref: "PF01", Name: "Number of private fostering arrangements", Measure: app.Count, Unit: app.Number}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: []app.Indicator{pf01}, Observations: slices.Concat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 1, 1))}, "I0001")
	h.Apply(&app.Dataset{Indicators: []app.Indicator{pf01}, Observations: slices.Concat(kentMonth("PF01", apr, 9, 9), kentMonth("PF01", may, 6, 8), kentMonth("PF01", jun, 9, 9))}, "I0002")
	return h
}

// overTime is Kent's count of children starting care, counted as
// period says, for April to June 2025: none small, but a year to date
// of 10 then 12, or a rolling count of 6 after 0 then 8, tells a
// month's own 2 (timeIdentities, rollingIdentities). Dover's April
// 2027, a month alone, has nothing to protect.
func overTime(period app.DataPeriod, vs ...float64) *app.History {
	ind := app.Indicator{Ref: "CL03", Name: "Number of children starting to be looked after", Measure: app.Count, Unit: app.Number, DataPeriod: period}
	h := app.NewHistory()
	h.AddIndicator(ind)
	for i, v := range vs {
		p := app.MonthOf(2025, 4).Add(i)
		h.Add(app.Observation{Ref: "CL03", Area: app.Kent, Period: p, Value: app.Float(v)})
	}
	h.Add(app.Observation{Ref: "CL03", Area: "Dover", Period: app.MonthOf(2027, 4), Value: app.Float(vs[0] + 20)})
	return h
}

func demoHistory() *app.History {
	h := app.NewHistory()
	h.Apply(&synth.Demo().Dataset, "demo")
	return h
}

// releaseBeforeSecondary is a release of h excluding cs at the default
// threshold, as releaseFigures sets it up before any indicator's figures
// are worked out.
func releaseBeforeSecondary(h *app.History, cs []app.Cohort) *release {
	auth := app.AuthorityOf(h)
	prior, _ := circulatedWithheld(h, cs, DefaultThreshold, auth, "")
	ex := h
	if len(cs) > 0 {
		ex, _ = cohort.ExcludeIn(h, cs, auth)
	}
	h, _ = withOutturns(h, auth.Area())
	r := &release{h: h, ex: ex, county: auth.Area(), excl: app.Excluding(cs...), hasEx: len(cs) > 0, below: DefaultThreshold,
		guard: DefaultThreshold, hidden: map[figKey]bool{}, earlier: prior.earlier}
	r.exs = r.complements(cs, auth)
	if len(cs) > 0 {
		r.exs = append([]exclusion{{r.excl, ex}}, r.exs...)
	}
	r.changes(h)
	r.implied = impliedLinks(h, r.change)
	return r
}

// byRefInOrder is byRef in the order the release works through it.
func (r *release) byRefInOrder() []refKeys {
	byRef := r.byRef()
	slices.SortStableFunc(byRef, func(a, b refKeys) int {
		return cmp.Compare(r.releaseOrder(refOf(a)), r.releaseOrder(refOf(b)))
	})
	return byRef
}

// keysOf returns the keys of figures g.
func keysOf(g []figure) []figKey {
	keys := make([]figKey, len(g))
	for i, f := range g {
		keys[i] = f.key()
	}
	return keys
}
