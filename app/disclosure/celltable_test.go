package disclosure

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// groupsOf returns every group of figures a release of h, all children's,
// works out (withholdOf): each indicator's figures with each cohort's
// complement, a group of linked periods at a time, its keys in the
// order protect is given them.
func groupsOf(h *app.History) (inds []app.Indicator, groups [][]figKey, fs []figs) {
	auth := app.AuthorityOf(h)
	r := release{h: h, county: auth.Area(), hidden: map[figKey]bool{}}
	r.exs = r.complements(nil, auth)
	for _, keys := range r.byRef() {
		all := r.collect(keys)
		ind, _ := h.Indicator(refOf(keys))
		byPeriod := map[app.Period][]figKey{}
		for k := range all {
			byPeriod[k.period] = append(byPeriod[k.period], k)
		}
		for _, ps := range periodGroups(ind, slices.Collect(maps.Keys(byPeriod))) {
			var group []figKey
			for _, p := range ps {
				group = append(group, byPeriod[p]...)
			}
			slices.SortFunc(group, compareKeys)
			inds, groups, fs = append(inds, ind), append(groups, group), append(fs, all)
		}
	}
	return inds, groups, fs
}

// withTwoSourceWithheld is the demo with two more figures the source
// withheld in a month, one of them Kent's all children's, which the
// identities give a value to.
func withTwoSourceWithheld() *app.History {
	h := app.NewHistory()
	h.Apply(&synth.Demo().Dataset, "demo")
	for _, k := range []app.SeriesKey{{Ref: "CIC01", Area: app.Kent}, {Ref: "CIC01", Area: app.UASCService}} {
		s := slices.Clone(h.Series(k))
		s[len(s)-1].Value, s[len(s)-1].Numerator, s[len(s)-1].Denominator = nil, nil, nil
		s[len(s)-1].Status = app.Suppressed
		h.SetSeries(k, s)
	}
	return h
}

// TestCellTableAt checks the table of a group's cells against the map it
// indexes, for every period, area and split the group holds and for
// areas and splits it does not: the same cell, or none.
func TestCellTableAt(t *testing.T) {
	h := app.NewHistory()
	h.Apply(&synth.Demo().Dataset, "demo")
	inds, groups, fss := groupsOf(h)
	checked := 0
	for g, keys := range groups {
		room := &systemRoom{}
		room.empty()
		n := room.addFigures(inds[g], keys, fss[g], nil, false)
		cells := room.cells
		tab := newCellTable(keys, cells)
		areas := append(slices.Clone(tab.areas), "Nowhere")
		splits := append(slices.Clone(tab.splits), app.Only("ola"))
		for p, period := range tab.periods {
			for _, area := range areas {
				for _, split := range splits {
					a, s := tab.areaIndex(area), slices.Index(tab.splits, split)
					for i := range n + 1 {
						got, gotOK := tab.at(p, a, s, i)
						want, wantOK := cellOf(cells)(figKey{inds[g].Ref, area, split, period}, i)
						if got != want || gotOK != wantOK {
							t.Fatalf("%s %s %s %s count %d: table gives %d %v, cells %d %v", inds[g].Ref, area, split, period, i, got, gotOK, want, wantOK)
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 10000 {
		t.Errorf("checked %d lookups; the demo's groups should give more", checked)
	}
}

// TestPeriodIdentitiesByTable checks that the identities found through
// the cell table are those the lookups by figure found, on every group
// of the demo (districts, the UASC Service column, UASC's own figures
// and their complements, quarters and years to date), of the demo with
// two figures more the source withheld, and of a year of synth.Large:
// the same identities, and the same values given to the figures the
// source withheld. The order they are found in is not compared: the
// lookups by figure took areas and splits in map order.
func TestPeriodIdentitiesByTable(t *testing.T) {
	demo := app.NewHistory()
	demo.Apply(&synth.Demo().Dataset, "demo")
	large := lastYearOfLarge()
	for name, h := range map[string]*app.History{"demo": demo, "demo with two withheld": withTwoSourceWithheld(), "large": large} {
		inds, groups, fss := groupsOf(h)
		county := app.AuthorityOf(h).Area()
		relations := 0
		for g, keys := range groups {
			ind := inds[g]
			tableRoom, mapRoom := &systemRoom{}, &systemRoom{}
			tableRoom.empty()
			mapRoom.empty()
			n := tableRoom.addFigures(ind, keys, fss[g], nil, false)
			mapRoom.addFigures(ind, keys, fss[g], nil, false)
			byTable, byMap, cells := &tableRoom.sys, &mapRoom.sys, tableRoom.cells
			tab := newCellTable(keys, cells)
			for p := range tab.periods {
				periodIdentities(byTable, county, nil, tab, p, n, nil)
				periodIdentitiesByFigure(byMap, ind, county, tab.periods[p], n, keys, cellOf(cells))
			}
			got, want := canonical(byTable), canonical(byMap)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s's group of %s: the table finds %d identities, the lookups by figure %d:\n%s\nwant\n%s",
					name, ind.Ref, keys[0].period, len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
				continue
			}
			for c := range byTable.Len() {
				if a, b := byTable.Value(c), byMap.Value(c); a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
					t.Errorf("%s: %s's group of %s: cell %d is %v through the table, %v by figure", name, ind.Ref, keys[0].period, c, a, b)
				}
			}
			relations += len(got)
		}
		if relations < 100 {
			t.Errorf("%s: %d identities in all; the groups should give more", name, relations)
		}
	}
}

// canonical writes each of sys's identities with its terms sorted, the
// identities sorted.
func canonical(sys *System) []string {
	var out []string
	for _, rel := range sys.rels {
		terms := slices.Clone(rel)
		slices.SortFunc(terms, func(a, b Term) int { return cmp.Or(cmp.Compare(a.Cell, b.Cell), cmp.Compare(a.Coef, b.Coef)) })
		out = append(out, fmt.Sprint(terms))
	}
	slices.Sort(out)
	return out
}

// periodIdentitiesByFigure is periodIdentities as it was before the cell
// table, looking each figure up by its key, the reference the table's is
// checked against.
func periodIdentitiesByFigure(sys *System, ind app.Indicator, county app.Area, p app.Period, n int, keys []figKey, cell func(figKey, int) (int, bool)) {
	areas := map[app.Area]bool{}
	splits := map[app.Split]bool{}
	for _, k := range keys {
		areas[k.area], splits[k.split] = true, true
	}
	same := func(a, b figKey) bool {
		for i := range n {
			ca, ok1 := cell(a, i)
			cb, ok2 := cell(b, i)
			if ok1 != ok2 || ok1 && sys.Value(ca) != sys.Value(cb) {
				return false
			}
		}
		return true
	}
	for i := range n {
		for s := range splits {
			total, ok := cell(figKey{ind.Ref, county, s, p}, i)
			if !ok {
				continue
			}
			var every, noService []int
			for a := range areas {
				c, ok := cell(figKey{ind.Ref, a, s, p}, i)
				if a == county || !ok {
					continue
				}
				every = append(every, c)
				if a != app.UASCService {
					noService = append(noService, c)
				}
			}
			slices.Sort(every)
			slices.Sort(noService)
			sys.Sum(total, every...)
			if len(noService) != len(every) {
				sys.Sum(total, noService...)
			}
		}
		// In order, as the table's: a cohort's own count worked out is
		// a cell added as it is met.
		for _, a := range slices.Sorted(maps.Keys(areas)) {
			all, ok := cell(figKey{ind.Ref, a, app.All, p}, i)
			if !ok {
				continue
			}
			for s := range splits {
				c, ok := s.Cohort()
				if !ok {
					continue
				}
				only, ok1 := cell(figKey{ind.Ref, a, s, p}, i)
				rest, ok2 := cell(figKey{ind.Ref, a, app.Excluding(c), p}, i)
				if ok1 && ok2 {
					sys.Sum(all, only, rest)
				}
				if svc, ok := cell(figKey{ind.Ref, app.UASCService, app.All, p}, i); ok1 && ok && a == county && c == app.UASC {
					sys.Sum(svc, only)
				}
			}
			for _, s := range slices.Sorted(maps.Keys(splits)) {
				if len(s.Excluded()) == 0 {
					continue
				}
				rest, ok := cell(figKey{ind.Ref, a, s, p}, i)
				if ok && same(figKey{ind.Ref, a, app.All, p}, figKey{ind.Ref, a, s, p}) {
					sys.Sum(all, rest)
				}
				if cs := s.Excluded(); ok && len(cs) == 1 {
					if _, held := cell(figKey{ind.Ref, a, app.Only(cs[0]), p}, i); !held {
						if own := sys.Value(all) - sys.Value(rest); !math.IsNaN(own) && own >= 0 {
							sys.Sum(all, sys.Add(own, false), rest)
						}
					}
				}
			}
		}
	}
}
