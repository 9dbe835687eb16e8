package disclosure

import (
	"maps"
	"math"
	"slices"

	"scorecard/app"
)

// Successive releases are one table to a reader. May's pack showed Kent's
// N01 of May-26, 50, Dover's 5 and seven other districts' 37, so the four
// it withheld make 8; June's revises Kent to 48 and Dover to 3, now c,
// the others standing: Dover is 48 - 37 - 8 = 3. And May showed Kent's
// Apr-26 34 beside Ashford's c; June's Kent 38 beside Ashford's revised 6
// and the same others gives May's Ashford, 2 (QA31 1). Sticky figures
// (sticky.go) keep a figure withheld then withheld now; this keeps what a
// figure shown then tells. For each month a later import revised, the
// release before it is worked out again (circulatedWithheld) and its
// figures of that month kept (shownThen); a release then sets that
// month's identities as they held then beside its own: a figure that
// stands is one unknown in both, a figure revised is two, its earlier
// one known where that release showed it; and a figure that release
// showed is known to a reader whatever this one shows, so it is never
// withheld to protect another (System.Know).

// shownThen is what one release circulated of the months a later import
// revised, by indicator and month: each figure as it was, and whether the
// release showed it.
type shownThen map[refPeriod]map[figKey]thenFigure

type refPeriod struct {
	ref    string
	period app.Period
}

type thenFigure struct {
	o     app.Observation
	shown bool
}

// keep records in then the figures of fs, each as the release r shows
// it: those of the months revised, and those an identity joins to them
// (a quarter's other months), which a reader has from that release.
func (r *release) keep(then shownThen, fs figs) {
	for k, o := range fs {
		rp := refPeriod{k.ref, k.period}
		if then[rp] == nil {
			then[rp] = map[figKey]thenFigure{}
		}
		then[rp][k] = thenFigure{*o, !r.hidden[k] && o.Status == app.OK}
	}
}

// addEarlier adds to sys, the system of a group of figures of ind
// (buildSystem's keys and cells), each earlier release's figures of the
// group's periods and the identities among them as they held then, each
// release set beside the one after it (the latest beside now's): a
// figure as it was in the release after takes that one's cell, known to
// a reader if this release showed it; a figure the release after revised
// takes cells of its own, as it was, known where this release showed it.
// The identities are those of each period revised (a county's districts)
// and the sums over time of each series with a figure revised: May's
// pack showed the quarter's 25 beside April's and June's c, so April and
// June made 13 whatever June's pack shows of them. And of a rolling
// count, the windows of its months' own counts as they were, beside own
// (rollingWindows): an own count the revisions left stands, one cell in
// both, and one they moved is a cell of its own, so each window's
// difference from the release after's joins the revised own counts
// alone. Kent's 43 excluding UASC to May-21 shown in July's pack, and 46
// then and 47 now to Jun-21, told that May's own count had risen by one,
// so that August's withheld 44 beside Dover's revised 1 gave it away. It
// returns the cells of the months' own counts that the earlier years to
// date give (timeIdentities), never shown.
func addEarlier(sys *System, ind app.Indicator, county app.Area, groups map[app.Area][][]app.Area, keys []figKey, cells map[figKey][]int, own *ownCounts, earlier []shownThen, change bool) map[int]bool {
	var periods []app.Period
	for _, k := range keys {
		if !slices.Contains(periods, k.period) {
			periods = append(periods, k.period)
		}
	}
	derived := map[int]bool{}
	// Each release is set beside the one after it, latest first: later
	// holds each figure's cells in the release after (or now's), and
	// laterOwn a rolling count's own counts. Set beside now's, a figure
	// revised and revised back, 95 then 96 then 95, stood one unknown in
	// the first pack and this one, taken as known from the first and
	// never withheld, though the second pack told that it had changed.
	later := cells
	var laterOwn []map[areaSeries][]int
	if own != nil {
		laterOwn = slices.Clone(own.cells)
	}
	for j := len(earlier) - 1; j >= 0; j-- {
		e := earlier[j]
		mark := sys.Len() // the cells from here on are this release's
		// One revision cell for each count the release revised, shared
		// by the differences of every identity it is in.
		revision := map[int]int{}
		all := map[figKey][]int{} // every figure of the release, by its cells
		nowOf := map[int]int{}    // an earlier count's cell to the same figure's in later, -1 for none
		revisedIn := map[areaSeries]bool{}
		widest := 0
		for _, p := range periods {
			then := e[refPeriod{ind.Ref, p}]
			if len(then) == 0 {
				continue
			}
			at := map[figKey][]int{}
			revised, n := false, 0
			for k, f := range then {
				vs, ok := components(ind, f.o)
				if !ok && f.o.Status != app.Suppressed {
					continue
				}
				if !ok {
					vs = slices.Repeat([]float64{math.NaN()}, width(ind))
				}
				now := later[k]
				if ok && sameValues(sys, now, vs) {
					at[k] = now
					if f.shown {
						for _, c := range now {
							sys.Know(c)
						}
					}
				} else {
					revised = true
					revisedIn[areaSeries{k.area, k.split}] = true
					for i, v := range vs {
						c := sys.Add(v, false)
						if ind.Measure == "" || v < 0 || change {
							sys.Signed(c)
						}
						if counted(ind, i) {
							sys.Counted(c)
						}
						if f.shown {
							sys.Know(c)
						}
						nowOf[c] = -1 // no such figure now
						if i := len(at[k]); i < len(now) {
							nowOf[c] = now[i]
						}
						at[k] = append(at[k], c)
					}
					if cs := at[k]; len(cs) == 3 && ind.Measure == app.Proportion {
						sys.Sum(cs[1], cs[0], cs[2])
					}
				}
				n = max(n, len(vs))
				all[k] = at[k]
			}
			widest = max(widest, n)
			if !revised {
				continue // the same identities as later's
			}
			from := len(sys.rels)
			derived = periodIdentities(sys, county, groups, newCellTable(slices.Collect(maps.Keys(at)), at), 0, n, derived)
			subtractNow(sys, sys.rels[from:], nowOf, revision)
		}
		if len(revisedIn) == 0 {
			continue // every figure as in later
		}
		if j > 0 {
			// The release before this one is set beside this one's
			// figures where it gave them, and beside later's elsewhere.
			next := maps.Clone(later)
			maps.Copy(next, all)
			later = next
		}
		// The sums over time of a series none of whose figures was
		// revised are this release's own.
		var revisedKeys []figKey
		for k := range all {
			if revisedIn[areaSeries{k.area, k.split}] {
				revisedKeys = append(revisedKeys, k)
			}
		}
		slices.SortFunc(revisedKeys, compareKeys)
		from := len(sys.rels)
		for c := range timeIdentities(sys, ind, revisedKeys, widest, cellOf(all)) {
			derived[c] = true
		}
		subtractNow(sys, sys.rels[from:], nowOf, revision)
		if own != nil {
			at := cellOf(all)
			from := len(sys.rels)
			for i := range min(widest, len(own.cells)) {
				laterOwn[i] = own.windows(sys, county, func(s areaSeries, m int) (int, bool) {
					return at(figKey{ind.Ref, s.area, s.split, own.month(m)}, i)
				}, laterOwn[i], nowOf, mark)
			}
			subtractNow(sys, sys.rels[from:], nowOf, revision)
		}
	}
	return derived
}

// cellOf looks up count i of a figure among cells.
func cellOf(cells map[figKey][]int) func(figKey, int) (int, bool) {
	return func(k figKey, i int) (int, bool) {
		cs, ok := cells[k]
		if !ok || i >= len(cs) {
			return 0, false
		}
		return cs[i], true
	}
}

// subtractNow records, for each identity of an earlier release's figures
// in then, its difference from the same identity of the figures in the
// release after it (now's, for the latest), where that holds: the
// counts standing cancel, and what is left joins the revised counts
// alone. Interval propagation takes each count of a
// sum on its own, so it cannot see that four c's withheld in both months
// sum to the same 8; the difference says it: Kent's 48 less May's 50 is
// Dover's revision, 3 less May's 5.
//
// The difference is written in each revised count's revision, its count
// then less its count now, a cell of its own (System.Aux) joined to both,
// one for each count whatever identities it is in. Written in the two
// counts, two differences sharing a revised count each held two unknowns
// for interval propagation, which could not take one from the other:
// Dover's 8 then and 7 now beside its c's excluding UASC standing gave
// its UASC children's revision, 1; Kent's UASC standing at 8 gave it as
// Swale's, 0 then, so Swale's UASC now was 1, withheld in both packs
// (QA probe 11).
//
// nowOf maps an earlier count's cell to the same count's in the release
// after, -1 where that gave none; revision maps it to its revision's,
// made here where a count has none yet.
func subtractNow(sys *System, then [][]Term, nowOf map[int]int, revision map[int]int) {
	for _, rel := range slices.Clone(then) {
		coef := map[int]float64{}
		var order []int
		sum, scale, revised := 0.0, 1.0, false
		for _, t := range rel {
			now, ok := nowOf[t.Cell]
			switch {
			case !ok:
				continue // a count standing: the same cell, which cancels
			case now < 0:
				sum = math.NaN() // a figure not given now
				continue
			}
			revised = true
			d, ok := revision[t.Cell]
			if !ok {
				d = sys.Add(sys.Value(t.Cell)-sys.Value(now), false)
				sys.Signed(d)
				sys.Aux(d)
				sys.Relate(Term{t.Cell, 1}, Term{now, -1}, Term{d, -1})
				revision[t.Cell] = d
			}
			v := sys.Value(d)
			sum, scale = sum+t.Coef*v, max(scale, math.Abs(t.Coef*v), math.Abs(t.Coef*sys.Value(t.Cell)))
			if _, ok := coef[d]; !ok {
				order = append(order, d)
			}
			coef[d] += t.Coef
		}
		if !revised || math.IsNaN(sum) || math.Abs(sum) > 1e-9*scale {
			continue // not an identity of the figures now
		}
		var diff []Term
		for _, c := range order {
			if coef[c] != 0 {
				diff = append(diff, Term{c, coef[c]})
			}
		}
		sys.Relate(diff...)
	}
}

// sameValues reports whether cells hold vs, a figure's counts.
func sameValues(sys *System, cells []int, vs []float64) bool {
	if len(cells) != len(vs) {
		return false
	}
	for i, c := range cells {
		if sys.Value(c) != vs[i] {
			return false
		}
	}
	return true
}
