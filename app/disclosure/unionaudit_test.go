package disclosure

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// This file audits releases as a reader holding several exports of one
// store would: it takes every figure any of them shows, and works out
// from those alone, through the row and column equations among them, the
// range each figure none of them shows could have. It is written apart
// from System and buildSystem, so that it checks them rather than
// repeating them.

// cellAt is one count of one figure: comp 0 a proportion's numerator (a
// count's value, a mean's or rate's sum), 1 its denominator, 2 their
// difference.
type cellAt struct {
	area   app.Area
	split  app.Split
	period app.Period
	comp   int
}

// auditParts are the counts of one figure, in cellAt's order; nil when it
// has none a reader can use.
func auditParts(ind app.Indicator, o app.Observation) []float64 {
	num, den := o.Numerator, o.Denominator
	switch ind.Measure {
	case app.Proportion:
		if num == nil || den == nil {
			return nil
		}
		return []float64{*num, *den, *den - *num}
	case app.Rate, app.Mean:
		if num == nil || den == nil {
			return nil
		}
		return []float64{*num, *den}
	case app.Count:
		if num != nil {
			return []float64{*num}
		}
		if o.Value != nil {
			return []float64{*o.Value}
		}
	}
	return nil
}

// export is what one workbook shows of one indicator: each figure's
// counts, shown or withheld, keyed by area, split and month.
type export map[cellAt]bool // true: shown

// exportOf lays out a release's figures of ref as the workbook does: its
// base history's series as they are, and where it excludes a cohort the
// excluding history's All series under that split; its months alone.
func exportOf(ind app.Indicator, base, ex *app.History, excl app.Split) export {
	return exportOver(ind, base, ex, excl, months)
}

// months says a period is a month: the audits of districts and cohorts
// take months alone.
func months(p app.Period) bool { return p.Kind == app.Month }

// exportOver is exportOf of the periods of, months and the quarters
// and years beside them alike.
func exportOver(ind app.Indicator, base, ex *app.History, excl app.Split, of func(app.Period) bool) export {
	out := export{}
	add := func(h *app.History, k app.SeriesKey, split app.Split) {
		for _, o := range h.Series(k) {
			if !of(o.Period) {
				continue
			}
			n := len(auditParts(ind, o))
			if o.Status == app.Suppressed {
				n = map[app.Measure]int{app.Proportion: 3, app.Rate: 2, app.Mean: 2, app.Count: 1}[ind.Measure]
			} else if o.Status != app.OK {
				continue
			}
			for i := range n {
				out[cellAt{k.Area, split, o.Period, i}] = o.Status == app.OK
			}
		}
	}
	for _, k := range base.Keys() {
		if k.Ref == ind.Ref {
			add(base, k, k.Split)
		}
	}
	if excl != app.All {
		for _, k := range ex.Keys() {
			if k.Ref == ind.Ref && k.Split == app.All {
				add(ex, k, excl)
			}
		}
	}
	return out
}

// truthOf is every count of ref's figures as the store holds them (the
// figures excluding UASC as cohort.Exclude works them out), NaN where the
// source withheld it; its months alone.
func truthOf(ind app.Indicator, h *app.History) map[cellAt]float64 {
	return truthOver(ind, h, months)
}

// truthOver is truthOf of the periods of.
func truthOver(ind app.Indicator, h *app.History, of func(app.Period) bool) map[cellAt]float64 {
	_, _, figures, _, _ := ReleaseFigures(h, []app.Cohort{app.UASC}, 0, app.AuthorityOf(h))
	out := map[cellAt]float64{}
	add := func(h *app.History, k app.SeriesKey, split app.Split) {
		for _, o := range h.Series(k) {
			if !of(o.Period) {
				continue
			}
			vs := auditParts(ind, o)
			if o.Status == app.Suppressed {
				vs = []float64{math.NaN(), math.NaN(), math.NaN()}[:map[app.Measure]int{app.Proportion: 3, app.Rate: 2, app.Mean: 2, app.Count: 1}[ind.Measure]]
			} else if o.Status != app.OK {
				continue
			}
			for i, v := range vs {
				out[cellAt{k.Area, split, o.Period, i}] = v
			}
		}
	}
	for _, k := range h.Keys() {
		if k.Ref == ind.Ref {
			add(h, k, k.Split)
		}
	}
	for _, k := range figures.Keys() {
		if k.Ref == ind.Ref && k.Split == app.All {
			add(figures, k, app.Excluding(app.UASC))
		}
	}
	return out
}

// equations are the row and column equations a reader can write among
// the counts of one indicator, each Σ coef·cell = 0, kept where it holds
// on the true figures (one unknown cell, withheld by the source, is
// taken to fit): a county is the sum of every other column, and of every
// column but the UASC Service; all children are a cohort plus the rest;
// a district's figure excluding UASC is its own where the two agree; the
// UASC Service column is the county's UASC figure; and a proportion's
// denominator is its numerator plus the rest.
func equations(truth map[cellAt]float64, county app.Area) [][]auditTerm {
	type fig struct {
		split  app.Split
		period app.Period
		comp   int
	}
	areas := map[fig][]app.Area{}
	for c := range truth {
		f := fig{c.split, c.period, c.comp}
		if !slices.Contains(areas[f], c.area) {
			areas[f] = append(areas[f], c.area)
		}
	}
	var out [][]auditTerm
	holds := func(eq []auditTerm) {
		sum, unknown := 0.0, 0
		for _, t := range eq {
			v, ok := truth[t.cell]
			if !ok {
				return
			}
			if math.IsNaN(v) {
				unknown++
				continue
			}
			sum += t.coef * v
		}
		if unknown > 1 || unknown == 0 && math.Abs(sum) > 1e-6 {
			return
		}
		out = append(out, eq)
	}
	uasc, rest := app.Only(app.UASC), app.Excluding(app.UASC)
	for f, as := range areas {
		if !slices.Contains(as, county) {
			continue
		}
		every := []auditTerm{{cellAt{county, f.split, f.period, f.comp}, -1}}
		noService := []auditTerm{every[0]}
		for _, a := range as {
			if a == county {
				continue
			}
			every = append(every, auditTerm{cellAt{a, f.split, f.period, f.comp}, 1})
			if a != app.UASCService {
				noService = append(noService, auditTerm{cellAt{a, f.split, f.period, f.comp}, 1})
			}
		}
		holds(every)
		holds(noService)
	}
	for c := range truth {
		if c.split != app.All {
			continue
		}
		at := func(a app.Area, s app.Split) cellAt { return cellAt{a, s, c.period, c.comp} }
		holds([]auditTerm{{c, -1}, {at(c.area, uasc), 1}, {at(c.area, rest), 1}})
		if truth[c] == truth[at(c.area, rest)] {
			holds([]auditTerm{{c, -1}, {at(c.area, rest), 1}})
		}
		if c.area == app.UASCService {
			holds([]auditTerm{{c, -1}, {at(county, uasc), 1}})
		}
	}
	for c := range truth {
		if c.comp == 1 {
			at := func(i int) cellAt { return cellAt{c.area, c.split, c.period, i} }
			if _, ok := truth[at(2)]; ok {
				holds([]auditTerm{{c, -1}, {at(0), 1}, {at(2), 1}})
			}
		}
	}
	return out
}

type auditTerm struct {
	cell cellAt
	coef float64
}

// recovered returns the cells no export shows whose range, worked out
// from the cells some export shows through eqs, is narrower than width
// counted from nought; a count is never below nought, and a count printed
// as c that is not nought is at least 1 (noughts are shown), so 1 to 4 is
// as wide as 0 to 4.
func recovered(eqs [][]auditTerm, truth map[cellAt]float64, exports []export, width float64) []cellAt {
	shown := func(c cellAt) bool {
		for _, e := range exports {
			if e[c] {
				return true
			}
		}
		return false
	}
	lo, hi := map[cellAt]float64{}, map[cellAt]float64{}
	floor := map[cellAt]float64{}
	for c, v := range truth {
		// A count alone is printed as c; a proportion's numerator 0 of
		// 3 is c too.
		if _, parts := truth[cellAt{c.area, c.split, c.period, 1}]; v >= 1 && c.comp == 0 && !parts {
			floor[c] = 1
		}
		if shown(c) {
			lo[c], hi[c] = v, v
		} else {
			lo[c], hi[c] = floor[c], math.Inf(1)
		}
	}
	for range 500 {
		changed := false
		for _, eq := range eqs {
			for _, t := range eq {
				if shown(t.cell) {
					continue
				}
				// t.coef·x = -Σ others
				l, h := 0.0, 0.0
				for _, u := range eq {
					if u.cell == t.cell {
						continue
					}
					a, b := -u.coef*lo[u.cell], -u.coef*hi[u.cell]
					if a > b {
						a, b = b, a
					}
					l, h = l+a, h+b
				}
				if math.IsNaN(l) {
					l = math.Inf(-1)
				}
				if math.IsNaN(h) {
					h = math.Inf(1)
				}
				l, h = l/t.coef, h/t.coef
				if l > h {
					l, h = h, l
				}
				if l > lo[t.cell]+1e-9 {
					lo[t.cell], changed = l, true
				}
				if h < hi[t.cell]-1e-9 {
					hi[t.cell], changed = h, true
				}
			}
		}
		if !changed {
			break
		}
	}
	var out []cellAt
	for c := range truth {
		inSome := false
		for _, e := range exports {
			_, ok := e[c]
			inSome = inSome || ok
		}
		if inSome && !shown(c) && hi[c]-lo[c]+floor[c] < width-1e-9 {
			out = append(out, c)
		}
	}
	return out
}

// needless returns the figures e withholds (area, split, month) that the
// exports would stay safe without: shown in every export, with every
// figure of the same area and month equal to it, nothing is recovered.
// A figure withheld for its own small counts or by the source is needed.
func needless(eqs [][]auditTerm, truth map[cellAt]float64, e export, exports []export, width, below float64) []cellAt {
	var out []cellAt
	for c, shown := range e {
		if shown || c.comp != 0 {
			continue
		}
		figure := func(f cellAt) []cellAt {
			var cs []cellAt
			for i := 0; ; i++ {
				x := cellAt{f.area, f.split, f.period, i}
				if _, ok := truth[x]; !ok {
					return cs
				}
				cs = append(cs, x)
			}
		}
		own := figure(c)
		needed := false
		for _, x := range own {
			v := truth[x]
			needed = needed || math.IsNaN(v) || v >= 1 && v < below
		}
		if needed {
			continue
		}
		// The same counts under another split (a district's own beside
		// its figure excluding UASC) are shown with it.
		show := slices.Clone(own)
		for x := range truth {
			if x.area == c.area && x.period == c.period && x.comp == 0 && x.split != c.split {
				twin := figure(x)
				same := len(twin) == len(own)
				for i := range own {
					same = same && truth[own[i]] == truth[twin[i]]
				}
				if same {
					show = append(show, twin...)
				}
			}
		}
		trial := make([]export, len(exports))
		for i, ex := range exports {
			trial[i] = export{}
			for k, v := range ex {
				trial[i][k] = v
			}
			for _, x := range show {
				if _, ok := ex[x]; ok {
					trial[i][x] = true
				}
			}
		}
		if len(recovered(eqs, truth, trial, width)) == 0 {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b cellAt) int {
		if c := a.period.Compare(b.period); c != 0 {
			return c
		}
		if a.area != b.area {
			return map[bool]int{true: -1, false: 1}[a.area < b.area]
		}
		return map[bool]int{true: -1, false: 1}[a.split < b.split]
	})
	return out
}

// demoOnly is the demo's figures of the indicators refs, in the months
// from (all of them when from is zero).
func demoOnly(from app.Period, months int, refs ...string) *app.History {
	d := synth.Demo().Dataset
	var ds app.Dataset
	for _, ind := range d.Indicators {
		if len(refs) == 0 || slices.Contains(refs, ind.Ref) {
			ds.Indicators = append(ds.Indicators, ind)
		}
	}
	for _, o := range d.Observations {
		if len(refs) > 0 && !slices.Contains(refs, o.Ref) {
			continue
		}
		if from != (app.Period{}) && (o.Period.Compare(from) < 0 || o.Period.Compare(from.Add(months-1)) > 0) {
			continue
		}
		ds.Observations = append(ds.Observations, o)
	}
	h := app.NewHistory()
	h.Apply(&ds, "demo")
	return h
}

// TestReleaseUnionMinimal (QA R4): the all-children export, the one
// excluding UASC and those at --suppress 0 circulate together. Taken
// together no figure any withholds for its size, and no figure the
// source withheld, can be worked out from what the others show; and the
// all-children export withholds no figure that, shown, would leave them
// all safe. On the demo's CIC07 of Nov-24 Dover has 4 children without a
// health assessment (116 - 112): Tunbridge Wells' 7 (43 of 50), the
// smallest district, goes with it, 11 pooled. The figures excluding UASC
// once pulled Dartford, Out of County, Sevenoaks and Tonbridge and
// Malling in too, the pattern chosen a figure at a time: 12 figures of
// the all-children export's CIC07 withheld beyond what was needed (in
// Nov-24, Jul-25, Oct-25, May-26 and Jun-26), 17 of which any one could
// have been shown.
func TestReleaseUnionMinimal(t *testing.T) {
	nov24 := app.MonthOf(2024, 11)
	for _, tt := range []struct {
		name string
		h    *app.History
		refs []string
		// withheld: the all-children export's figures withheld, by
		// area, where the case names them (CIC07 Nov-24).
		withheld []app.Area
	}{
		{"CIC07 Nov-24", demoOnly(nov24, 1, "CIC07"), []string{"CIC07"}, []app.Area{"Dover", "Tunbridge Wells"}},
		{"CIC07, every month", demoOnly(app.Period{}, 0, "CIC07"), []string{"CIC07"}, nil},
		{"the demo, but its change, medians and year to date", demoOnly(app.Period{}, 0), []string{"CIC01", "CIC02", "CIC03", "CIC04", "CIC05", "CIC06", "CIC07", "CIC08", "CIC09", "CIC10", "SCS01", "SCS02", "SCS03", "SCS04", "SCS05", "SCS06", "SCS07", "EH01", "EH02", "EH03", "EH04", "SEND01", "SEND02", "SEND04", "ED01", "ED02", "ED04", "ED05"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			plain, _, _, _ := Release(tt.h, nil, DefaultThreshold)
			base, ex, _, _ := Release(tt.h, []app.Cohort{app.UASC}, DefaultThreshold)
			plain0, _, _, _ := Release(tt.h, nil, 0)
			base0, ex0, _, _ := Release(tt.h, []app.Cohort{app.UASC}, 0)
			excl := app.Excluding(app.UASC)
			extra := 0
			for _, ref := range tt.refs {
				ind, ok := tt.h.Indicator(ref)
				if !ok {
					t.Fatalf("no %s in the demo", ref)
				}
				truth := truthOf(ind, tt.h)
				eqs := equations(truth, app.Kent)
				all := exportOf(ind, plain, plain, app.All)
				exports := []export{all, exportOf(ind, base, ex, excl)}
				if got := recovered(eqs, truth, exports, DefaultThreshold-1); len(got) > 0 {
					t.Errorf("%s: the all-children and excluding exports together give %d withheld counts, as %v", ref, len(got), got[0])
				}
				every := append(exports, exportOf(ind, plain0, plain0, app.All), exportOf(ind, base0, ex0, excl))
				if got := recovered(eqs, truth, every, DefaultThreshold-1); len(got) > 0 {
					t.Errorf("%s: with the --suppress 0 exports, %d withheld counts given, as %v", ref, len(got), got[0])
				}
				for _, c := range needless(eqs, truth, all, exports, DefaultThreshold-1, DefaultThreshold) {
					extra++
					t.Errorf("%s %s %s withheld in the all-children export without need", ref, c.area, c.period)
				}
				if tt.withheld != nil {
					var got []app.Area
					for c, shown := range all {
						if !shown && c.comp == 0 && c.split == app.All {
							got = append(got, c.area)
						}
					}
					slices.Sort(got)
					if fmt.Sprint(got) != fmt.Sprint(tt.withheld) {
						t.Errorf("%s: withheld %v, want %v", ref, got, tt.withheld)
					}
				}
			}
			if extra > 0 {
				t.Logf("%d figures withheld without need", extra)
			}
		})
	}
}
