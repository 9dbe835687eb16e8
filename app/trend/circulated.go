package trend

import (
	"scorecard/app"
)

// What changed since figures were last circulated, where the store
// records each output circulated (app.History.Circulations): a figure is
// said revised against the figure members last had, as the last output
// that showed it gave it, and not against an earlier import, so that a
// corrected copy of a month's file imported before anything of that month
// went out is no revision of anything members saw. A store with no
// record at all (one from before outputs were recorded, or whose
// officers circulate their own files) goes by the order of the imports
// (flagsNoting).

// revisedSinceCirculated returns the revisions a report of period p
// says: each figure of a period up to p whose figure, as the imports in
// force for p's report leave it, differs from the one the last earlier
// circulation that showed it gave, in series order (the month's own
// figure first, then the targets and definitions flagged, then earlier
// months). flagged are the flags' revisions, whose targets and
// definitions are kept as they are. A retired indicator's figures from
// before it was retired are said too, marked so.
//
// ok is false when no circulation was recorded before this report (the
// records are of this report, run again with nothing imported since, or
// of later ones): the report is then the first the store records, and
// goes by the imports' order as a store with no record does, so that the
// first brief and the pack after it say the same.
func revisedSinceCirculated(h *app.History, p app.Period, flagged []Revision) (_ []Revision, ok bool) {
	if p.IsZero() {
		p = latest(h)
	}
	if p.IsZero() {
		return nil, false
	}
	st := circulatedState{h: h, order: h.ImportOrder(), cut: importsCut(h.Imports, p), authority: app.AuthorityOf(h).Area()}
	for _, c := range h.Circulations {
		if st.before(c) {
			st.earlier = append(st.earlier, newShowing(c))
		}
	}
	if len(st.earlier) == 0 {
		return nil, false
	}
	said := map[app.SeriesKey][]Revision{}
	for _, r := range flagged {
		if r.Target != nil || r.Definition != nil {
			said[r.Key] = append(said[r.Key], r)
		}
	}
	var out []Revision
	for _, k := range seriesInOrder(h) {
		ind, _ := h.Indicator(k.Ref)
		var retired app.Period
		if !h.InCirculation(k.Ref, p) {
			r, _ := h.Retirement(k.Ref)
			retired = r.From
		}
		var own, earlier []Revision
		for _, o := range h.Series(k) {
			q := o.Period
			if q.End().After(p.End()) || !retired.IsZero() && !q.Start().Before(retired.Start()) {
				continue
			}
			r, ok := st.revision(k, ind, q)
			if !ok {
				continue
			}
			r.RetiredFrom = retired
			if q.End().Equal(p.End()) {
				own = append(own, r)
			} else {
				earlier = append(earlier, r)
			}
		}
		out = append(append(append(out, own...), said[k]...), earlier...)
	}
	return out, true
}

// LastCirculated returns the output a report of period p (zero: the
// latest) says what changed since: the last of h's circulations recorded
// before the report, as revisedSinceCirculated reads them. ok is false
// when there is none, and what changed goes by the imports' order. A
// report of figures excluding cohorts asks it of the outputs that
// excluded the same (app.History.CirculatedExcluding).
func LastCirculated(h *app.History, p app.Period) (_ app.Circulation, ok bool) {
	if p.IsZero() {
		p = latest(h)
	}
	if p.IsZero() {
		return app.Circulation{}, false
	}
	st := circulatedState{h: h, order: h.ImportOrder(), cut: importsCut(h.Imports, p)}
	for i := len(h.Circulations) - 1; i >= 0; i-- {
		if c := h.Circulations[i]; st.before(c) {
			return c, true
		}
	}
	return app.Circulation{}, false
}

// circulatedState is the store's circulations as a report of one period
// reads them: the imports in force for it are the live ones placed
// before cut, and earlier are the circulations made before it, oldest
// first (lastShowing).
type circulatedState struct {
	h         *app.History
	order     app.ImportOrder
	cut       int
	authority app.Area
	earlier   []showing
}

// showing is a circulation with the imports it reflected as a set, asked
// of every version of every figure.
type showing struct {
	app.Circulation
	reflected map[string]bool
}

func newShowing(c app.Circulation) showing {
	s := showing{Circulation: c, reflected: make(map[string]bool, len(c.Imports))}
	for _, id := range c.Imports {
		s.reflected[id] = true
	}
	return s
}

// reflects reports whether import id was in force when s was written.
func (s showing) reflects(id string) bool { return s.reflected[id] }

// revision says the figure of series k for q if it changed since the
// last circulation before this report that showed it: revised (Was to
// Now), or given late where that circulation showed the series with no
// figure for q. ok is false when nothing circulated showed it (it is
// new to members, not revised) or it is as they had it.
func (st circulatedState) revision(k app.SeriesKey, ind app.Indicator, q app.Period) (Revision, bool) {
	now := st.version(k, q, st.inForce)
	if now == nil {
		return Revision{}, false
	}
	c, ok := st.lastShowing(k, q)
	if !ok {
		return Revision{}, false
	}
	was := st.version(k, q, c.reflects)
	r := Revision{Key: k, Period: q, Now: *now, Import: now.Import}
	switch {
	case was == nil && st.heldBefore(k, q, c):
		r.Late = true
		r.Detail = q.Label() + " " + lateText(ind, Point{Period: q, Value: now.Value, Status: now.Status})
	case was == nil, was.Import == now.Import && was.Revision == now.Revision, now.Restates(*was), countsAdded(*was, *now):
		return Revision{}, false
	default:
		r.Was = *was
		r.Detail = q.Label() + " " + versionsText(ind, was, now)
	}
	return r, true
}

// inForce reports whether import id is in force for the report: placed
// before its cut, or not among the live imports at all (a history built
// without them).
func (st circulatedState) inForce(id string) bool {
	at, ok := st.order[id]
	return !ok || at < st.cut
}

// version returns the latest version of the figure of k for q that an
// import in gave, nil for none.
func (st circulatedState) version(k app.SeriesKey, q app.Period, in func(id string) bool) *app.Observation {
	cur, ok := st.h.Observation(k, q)
	if !ok {
		return nil
	}
	revs := st.h.Revisions(k, q)
	versions := append(revs[:len(revs):len(revs)], cur)
	for i := len(versions) - 1; i >= 0; i-- {
		if in(versions[i].Import) {
			return &versions[i]
		}
	}
	return nil
}

// lastShowing returns the latest circulation that showed the figure of
// k for q and came before this report: every live import it reflected
// is in force for the report, and the report has a file imported since
// (an edit changes no figure). A report run again with nothing imported
// since is not compared with itself, so it says what it said.
func (st circulatedState) lastShowing(k app.SeriesKey, q app.Period) (showing, bool) {
	for i := len(st.earlier) - 1; i >= 0; i-- {
		if c := st.earlier[i]; c.Showed(k.Area, q, st.authority) {
			return c, true
		}
	}
	return showing{}, false
}

// before reports whether c was written before the report's imports were
// all in: see lastShowing.
func (st circulatedState) before(c app.Circulation) bool {
	for _, id := range c.Imports {
		if at, ok := st.order[id]; ok && at >= st.cut {
			return false // written after the report's period was overtaken
		}
	}
	s := newShowing(c)
	for _, im := range st.h.Imports[:st.cut] {
		if im.Kind != "edit" && !s.reflects(im.ID) {
			return true
		}
	}
	return false
}

// heldBefore reports whether, when c was written, series k held a
// figure for a period before q: the series ran, and c showed its blank
// at q, so a figure for q now is given late, not the start of a series
// new to members.
func (st circulatedState) heldBefore(k app.SeriesKey, q app.Period, c showing) bool {
	for _, o := range st.h.Series(k) {
		if o.Period.Kind == q.Kind && o.Period.Compare(q) < 0 && st.version(k, o.Period, c.reflects) != nil {
			return true
		}
	}
	return false
}

// importsCut returns the place among the live imports where period p
// stopped being the latest: the first import, after one that gave
// figures for p or past it, that gave figures past p (its Reach); all of
// them when none has.
func importsCut(imports []app.Import, p app.Period) int {
	reached := false
	for i, im := range imports {
		for _, r := range im.Reach {
			if r.Kind != p.Kind {
				continue
			}
			if reached && r.Compare(p) > 0 {
				return i
			}
			if r.Compare(p) >= 0 {
				reached = true
			}
		}
	}
	return len(imports)
}
