package disclosure

import (
	"slices"

	"scorecard/app"
)

// A release is worked out afresh from the figures held, but the releases
// before a revision were circulated with the figures as they were then:
// May's pack withheld Ashford's 3 and, as its complement, Canterbury's 7.
// Once June's file revises Ashford to 5, a release of the figures now
// held withholds neither, and a reader with May's pack takes June's 7
// from May's total and the other districts: Ashford was 3 (QA29 1, 2).
// So a figure a circulated release withheld stays withheld: before each
// import that revised a figure, the release of the indicators it revised
// is worked out on the figures as they were (asBefore), itself holding
// what the releases before it withheld, and every figure it withheld
// that any count of stands as it was then (stillHeld) is withheld by
// every later release; the identities then add the complements needed
// around it now. A count revised is another unknown: last month's
// identities hold of the earlier one, this month's of the new, and
// showing the new tells nothing of the earlier (the earlier itself is
// not given: RevisedFromShown). A count that stands is one unknown in
// both, and the two months' identities together could pin it. An
// import is taken to have been followed by a release.

// revising is an import that revised figures of the refs, for the
// periods of each.
type revising struct {
	id      string
	refs    []string
	periods map[string][]app.Period
}

// revisingImports returns every import that gave a new version of a
// figure of h's indicators in only (all where only is empty), or that
// joined a figure to those an earlier import gave (joiningImports),
// oldest first, each with the indicators whose figures it revised or
// joined.
func revisingImports(h *app.History, only string) []revising {
	refs := joiningImports(h, only)
	for _, k := range h.Keys() {
		if only != "" && k.Ref != only {
			continue
		}
		s := h.Series(k)
		for j := range s {
			o := &s[j] // not copied: a long history's every figure is read
			revs := h.Revisions(k, o.Period)
			for i := range revs {
				id := o.Import
				if i+1 < len(revs) {
					id = revs[i+1].Import
				}
				if id == "" {
					continue // no order to place it in
				}
				if refs[id] == nil {
					refs[id] = map[string][]app.Period{}
				}
				if !slices.Contains(refs[id][k.Ref], o.Period) {
					refs[id][k.Ref] = append(refs[id][k.Ref], o.Period)
				}
			}
		}
	}
	out := make([]revising, 0, len(refs))
	for id, rs := range refs {
		r := revising{id: id, periods: rs}
		for ref := range rs {
			r.refs = append(r.refs, ref)
		}
		slices.Sort(r.refs)
		out = append(out, r)
	}
	order := h.ImportOrder()
	slices.SortFunc(out, func(a, b revising) int { return order.Compare(a.id, b.id) })
	return out
}

// joiningImports returns, by import, the periods of each of h's
// indicators in only (all where only is empty) it first gave a figure of
// that an identity joins to a figure an earlier import gave: the quarter
// after its months, a year to date after the month before it, a
// district's figure after the county's, a rolling count after the month
// before it (periodGroups). Nothing was
// revised, but the release before it showed figures a reader keeps
// beside this one's:
// May's pack showed April's 10 and May's 12, and June's, giving June's 3
// and the quarter's 25, cannot withhold April's 10 to protect the 3.
func joiningImports(h *app.History, only string) map[string]map[string][]app.Period {
	order := h.ImportOrder()
	type given struct {
		period app.Period
		first  string // the import that first gave the figure
	}
	// Each period's first import once, as first met: every area and
	// split of a period is mostly given by one import, and listing
	// every figure was most of the cost of a long history's release.
	byRef := map[string][]given{}
	met := map[string]map[app.Period][]string{}
	for _, k := range h.Keys() {
		if only != "" && k.Ref != only {
			continue
		}
		s := h.Series(k)
		for i := range s {
			o := &s[i]
			first := o.Import
			for _, id := range h.Restated(k, o.Period) {
				if order.Compare(id, first) < 0 {
					first = id
				}
			}
			if revs := h.Revisions(k, o.Period); len(revs) > 0 && revs[0].Import != "" {
				first = revs[0].Import // versions are kept oldest first
			}
			if first == "" {
				continue
			}
			if met[k.Ref] == nil {
				met[k.Ref] = map[app.Period][]string{}
			}
			if firsts := met[k.Ref][o.Period]; !slices.Contains(firsts, first) {
				met[k.Ref][o.Period] = append(firsts, first)
				byRef[k.Ref] = append(byRef[k.Ref], given{o.Period, first})
			}
		}
	}
	out := map[string]map[string][]app.Period{}
	for ref, gs := range byRef {
		ind, _ := h.Indicator(ref)
		// A period given first by more than one import (in different
		// areas) is listed once: a set, since a list searched for each
		// made a long history's release quadratic in its periods.
		held := map[app.Period]bool{}
		var periods []app.Period
		for _, g := range gs {
			if !held[g.period] {
				held[g.period] = true
				periods = append(periods, g.period)
			}
		}
		groupOf := map[app.Period]int{}
		for i, ps := range periodGroups(ind, periods) {
			for _, p := range ps {
				groupOf[p] = i
			}
		}
		earliest := map[int]string{}
		for _, g := range gs {
			if e, ok := earliest[groupOf[g.period]]; !ok || order.Compare(g.first, e) < 0 {
				earliest[groupOf[g.period]] = g.first
			}
		}
		for _, g := range gs {
			if g.first == earliest[groupOf[g.period]] {
				continue
			}
			if out[g.first] == nil {
				out[g.first] = map[string][]app.Period{}
			}
			if !slices.Contains(out[g.first][ref], g.period) {
				out[g.first][ref] = append(out[g.first][ref], g.period)
			}
		}
	}
	return out
}

// asBefore returns the figures of rv's indicators as they were before
// its import: each at the last version an earlier import gave; a figure
// first given by it or later is absent. Only the periods within a year
// of one it revised are kept, with every period an identity over time
// joins to them (periodGroups), so that the release is quick to work out
// again and worked out as it was: cut at a year from July, 2024/25 kept
// its quarters from July but lost April to June, and the release worked
// out again withheld other complements in its months and quarters than
// the one circulated had; held as sticky, they let the next pack show
// what the last withheld (QA probe 11).
func asBefore(h *app.History, order app.ImportOrder, rv revising) *app.History {
	refs, id := rv.refs, rv.id
	before := func(a string) bool { return order.Compare(a, id) < 0 }
	out := app.NewHistory()
	kept := map[string]map[app.Period]bool{}
	for _, ref := range refs {
		if ind, ok := h.Indicator(ref); ok {
			out.AddIndicator(ind)
			kept[ref] = keptPeriods(h, ind, rv.periods[ref])
		}
	}
	for _, k := range h.Keys() {
		if !slices.Contains(refs, k.Ref) {
			continue
		}
		var s []app.Observation
		for _, o := range h.Series(k) {
			if !kept[k.Ref][o.Period] {
				continue
			}
			revs := h.Revisions(k, o.Period)
			// A later file restating the figure may be credited with it
			// (History.Add); an earlier one that stated it had it first.
			v, ok := o, before(o.Import) || slices.ContainsFunc(h.Restated(k, o.Period), before)
			for i := len(revs) - 1; !ok && i >= 0; i-- {
				v, ok = revs[i], before(revs[i].Import)
			}
			if ok {
				v.Ref, v.Area, v.Split, v.Period = k.Ref, k.Area, k.Split, o.Period
				s = append(s, v)
			}
		}
		out.SetSeries(k, s)
	}
	return out
}

// circulatedWithheld returns what the releases circulated before each
// import revising figures of h's indicators in only (all where only is
// empty) tell a reader: the figures they withheld, and what each showed
// of the months the import revised (earlier.go); and, by import, what
// the release just before it withheld. cs and below are the release's.
func circulatedWithheld(h *app.History, cs []app.Cohort, below int, auth *app.Authority, only string) (prior circulated, withheld map[string]map[figKey]app.Observation) {
	prior.sticky = map[figKey]app.Observation{}
	withheld = map[string]map[figKey]app.Observation{}
	order := h.ImportOrder()
	for _, rv := range revisingImports(h, only) {
		was := asBefore(h, order, rv)
		then := shownThen{}
		// What it withheld, not the histories it released (apply).
		_, _, _, hidden := withhold(was, nil, cs, below, auth, prior, then)
		withheld[rv.id] = hidden
		prior.earlier = append(prior.earlier, then)
		for k, o := range hidden {
			if o.Status != app.Suppressed || !alone(k, hidden) {
				prior.sticky[k] = o
			}
		}
	}
	return prior, withheld
}

// keptPeriods are the periods of ind's figures in h that asBefore keeps
// of an import revising the periods revised: those within a year of one,
// and every period a sum over time or a rolling count's months
// (periodGroups) joins to them.
func keptPeriods(h *app.History, ind app.Indicator, revised []app.Period) map[app.Period]bool {
	seen := map[app.Period]bool{}
	var ps []app.Period
	for _, k := range h.Keys() {
		if k.Ref != ind.Ref {
			continue
		}
		for _, o := range h.Series(k) {
			if !seen[o.Period] {
				seen[o.Period] = true
				ps = append(ps, o.Period)
			}
		}
	}
	kept := map[app.Period]bool{}
	for _, g := range periodGroups(ind, ps) {
		if slices.ContainsFunc(g, func(q app.Period) bool { return nearAny(q, revised) }) {
			for _, q := range g {
				kept[q] = true
			}
		}
	}
	return kept
}

// nearAny reports whether q overlaps the year either side of any of rs
// (or is a period with no dates, which is kept whatever it is).
func nearAny(q app.Period, rs []app.Period) bool {
	if q.Months() == 0 {
		return true
	}
	for _, r := range rs {
		if r.Months() == 0 || q.Start().Before(r.Start().AddDate(1, 0, 0)) && q.End().After(r.End().AddDate(-1, 0, 0)) {
			return true
		}
	}
	return false
}

// alone reports whether k is the only figure of its indicator hidden
// withholds within a year of its period: a figure the source withheld,
// which the release withheld beside nothing, was no complement of
// another, and what the source gives of it later is the source's to
// give.
func alone(k figKey, hidden map[figKey]app.Observation) bool {
	for f := range hidden {
		if f != k && f.ref == k.ref && nearAny(f.period, []app.Period{k.period}) {
			return false
		}
	}
	return true
}

// stillHeld reports whether now, a figure of ref an earlier release
// withheld as then, is to be withheld still: some count of it stands as
// it was (a proportion's numerator, say, where only its denominator was
// revised), or the source withheld it then beside other figures withheld
// (circulatedWithheld), so that what it is now may be what nobody was
// told and, with May's figures, tell them.
func stillHeld(h *app.History, ref string, then, now app.Observation) bool {
	if then.Status == app.Suppressed {
		return true
	}
	ind, _ := h.Indicator(ref)
	was, ok1 := components(ind, then)
	is, ok2 := components(ind, now)
	if !ok1 || !ok2 {
		// No counts to set side by side: withheld whole, as it was.
		return then.SameFigures(now) || !ok1 && !ok2
	}
	for i := range min(len(was), len(is)) {
		if was[i] == is[i] {
			return true
		}
	}
	return false
}
