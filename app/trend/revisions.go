package trend

import (
	"scorecard/app"
)

// Definition is the kind of Flag for an indicator whose definition
// (polarity, unit, decimals, ...) an accepted import changed since the
// month's figure came: every earlier figure is rated or shown anew, so
// last month's circulated ratings may no longer be this month's.
const Definition = "definition"

// Revision is what a Revised or Definition flag of a month says, for
// the brief and the pack to list what changed in figures already
// circulated: a figure revised (Was to Now), a figure given late for a
// month earlier files ran past (Late), a year's target restated
// differently (Target), or a definition changed (Definition).
type Revision struct {
	Key    app.SeriesKey
	Period app.Period // the figure's period; for a target or definition, the month flagged
	// Was is the figure before the revision and Now the figure now; for
	// a figure given late, Was is zero.
	Was, Now   app.Observation
	Late       bool
	Target     *app.Target
	Definition *app.DefinitionMade
	Import     string // the import that made the change
	Detail     string // the flag's words
	// Standing marks a year's target restated before the month's figure
	// came: flagged while the target is in force, but said already in
	// what was circulated since.
	Standing bool
	// RetiredFrom is, for an indicator retired since its figure was
	// circulated, the period it is retired from: its figures are left
	// out of what is circulated now, but a revision of one members had
	// is still said, marked so.
	RetiredFrom app.Period
}

// Revisions returns what changed in figures already circulated, for the
// report of period p (as Flags takes it). Where the store records what
// was circulated before this report (app.History.Circulations), each
// figure is compared with the one the last output that showed it gave
// (revisedSinceCirculated).
// Otherwise it is what the Revised and Definition flags of p say, in
// the flags' order: the figures, targets and definitions changed by the
// import that brought each series' figure for p, or later. Either way a
// figure of an indicator retired since is said too, marked RetiredFrom,
// though the flags leave the indicator out.
func Revisions(h *app.History, p app.Period, opt Options) []Revision {
	_, revs := flagsNoting(h, p, opt, nil)
	if since, ok := revisedSinceCirculated(h, p, revs); ok {
		return since
	}
	return append(revs, retiredRevisions(h, p)...)
}

// retiredRevisions is, for a store that records no circulations, the
// revisions of the figures of indicators retired by period p (flagsNoting
// passes over them) that the imports bringing p's figures made: from the
// first import that gave figures for p or past it up to the first after
// it that gave figures past p (importsCut), of the figures for periods
// before each was retired, which were circulated.
func retiredRevisions(h *app.History, p app.Period) []Revision {
	if p.IsZero() {
		p = latest(h)
	}
	late := newLateFills(h)
	circ := circulation{from: -1, to: importsCut(h.Imports, p)}
	for i, im := range h.Imports {
		for _, r := range im.Reach {
			if circ.from < 0 && r.Kind == p.Kind && r.Compare(p) >= 0 {
				circ.from = i
			}
		}
	}
	if p.IsZero() || circ.from < 0 {
		return nil // no import says how far it reached: nothing to go by
	}
	var out []Revision
	for _, k := range seriesInOrder(h) {
		if h.InCirculation(k.Ref, p) {
			continue
		}
		ind, _ := h.Indicator(k.Ref)
		ret, _ := h.Retirement(k.Ref)
		for _, o := range h.Series(k) {
			if !o.Period.Start().Before(ret.From.Start()) {
				continue
			}
			now, was, ok := circ.gave(late, h, k, &o)
			if !ok || was == nil || countsAdded(*was, *now) {
				continue
			}
			out = append(out, Revision{Key: k, Period: o.Period, Was: *was, Now: *now, Import: now.Import,
				Detail: o.Period.Label() + " " + versionsText(ind, was, now), RetiredFrom: ret.From})
		}
	}
	return out
}

// countsAdded reports whether now, a later version of the figure was,
// gives the same figure with only the counts behind it added: the
// numerator or denominator was lacked (a child-level list's 387 children
// beside the scorecard's 387). That is not a revision of the figure, and
// "revised from 387 to 387" would say one; nothing is said of it.
func countsAdded(was, now app.Observation) bool {
	if was.Numerator != nil && was.Denominator != nil {
		return false
	}
	if was.Numerator == nil {
		was.Numerator = now.Numerator
	}
	if was.Denominator == nil {
		was.Denominator = now.Denominator
	}
	return now.Restates(was)
}

// FigureRevised reports whether the figure of series k for p in force is
// a revision of the one before it: not where it only added the counts
// behind it (countsAdded). Flags, the brief and the export's notes say a
// revision only where it holds.
func FigureRevised(h *app.History, k app.SeriesKey, p app.Period) bool {
	revs := h.Revisions(k, p)
	if len(revs) == 0 {
		return false
	}
	now, ok := h.Observation(k, p)
	return !ok || !countsAdded(revs[len(revs)-1], now)
}

// figureRevision is the Revision of series k's figure o for period p,
// against the version it replaced.
func figureRevision(h *app.History, k app.SeriesKey, p app.Period, o *app.Observation, detail string) Revision {
	r := Revision{Key: k, Period: p, Detail: detail}
	if o != nil {
		r.Now, r.Import = *o, o.Import
	}
	if revs := h.Revisions(k, p); len(revs) > 0 {
		r.Was = revs[len(revs)-1]
	}
	return r
}

// lateFills tells a figure given late: first given by the import that
// brought the series' latest figure, for a month an earlier import that
// gave the series figures ran past without one (a blank cell then, so a
// blank in the pack circulated from it).
type lateFills struct {
	order map[string]int          // each live import's place
	reach map[string][]app.Period // each live import's reach
}

func newLateFills(h *app.History) lateFills {
	l := lateFills{order: map[string]int{}, reach: map[string][]app.Period{}}
	for i, im := range h.Imports {
		l.order[im.ID] = i
		l.reach[im.ID] = im.Reach
	}
	return l
}

// filled reports whether the figure at point i of series k (s), given
// by the import of the series' latest figure and never revised, is given
// late: the figure before it came from an earlier import, and that
// import, or one after it and before this one, gave figures to its
// period or past it. A figure a later import restated is its first
// import's in a store, but the latest's in a History built by Add, which
// keeps the earlier ones as restatements: either is read.
//
// o is the version of the figure to judge: the one in force now, or the
// one a month's circulation gave (circulation.gave), which a later
// import may since have revised.
func (l lateFills) filled(h *app.History, k app.SeriesKey, s *Series, i int, o *app.Observation) bool {
	if o == nil || o.Revision > 0 {
		return false
	}
	this, ok := l.order[o.Import]
	if !ok {
		return false
	}
	for _, id := range h.Restated(k, o.Period) {
		if at, ok := l.order[id]; ok && at < this {
			return false // an earlier import gave it: not late
		}
	}
	from := -1
	for j := i - 1; j >= 0 && from < 0; j-- {
		e := s.observation(j)
		if e == nil || e.Period.Kind != o.Period.Kind {
			continue
		}
		ids := append([]string{e.Import}, h.Restated(k, e.Period)...)
		for _, v := range h.Revisions(k, e.Period) {
			ids = append(ids, v.Import) // revised since: its first version came first
		}
		for _, id := range ids {
			if at, ok := l.order[id]; ok && at < this && (from < 0 || at < from) {
				from = at
			}
		}
	}
	if from < 0 {
		return false
	}
	for id, at := range l.order {
		if at < from || at >= this {
			continue
		}
		for _, r := range l.reach[id] {
			if r.Kind == o.Period.Kind && r.Compare(o.Period) >= 0 {
				return true
			}
		}
	}
	return false
}

// circulation is the imports in force when a series' figure for a month
// (q) was circulated: from the import that first gave it up to, not
// including, the first later import that gave figures past q (its
// Reach), when q stopped being the latest. What those imports changed in
// earlier figures is q's news, whichever import owns q's figure now: a
// later import revising q must not take its late fills and revisions
// out of q's flags, nor put its own in.
type circulation struct {
	from, to int    // places among the live imports, to exclusive
	only     string // an import not among the live ones (an edit): it alone
}

// circulation returns the circulation of series k's figure for q, cur
// being the figure in force now.
func (l lateFills) circulation(h *app.History, k app.SeriesKey, q app.Period, cur *app.Observation) circulation {
	first := cur.Import
	if revs := h.Revisions(k, q); len(revs) > 0 {
		first = revs[0].Import
	}
	from, ok := l.order[first]
	if !ok {
		return circulation{only: cur.Import}
	}
	c := circulation{from: from, to: len(l.order)}
	for id, at := range l.order {
		if at <= from || at >= c.to {
			continue
		}
		for _, r := range l.reach[id] {
			if r.Kind == q.Kind && r.Compare(q) > 0 {
				c.to = at
				break
			}
		}
	}
	return c
}

// has reports whether import id is one of c's.
func (c circulation) has(l lateFills, id string) bool {
	if c.only != "" || id == "" {
		return id != "" && id == c.only
	}
	at, ok := l.order[id]
	return ok && at >= c.from && at < c.to
}

// gave returns the version of the figure o (the one in force now) that
// c's imports left, and the version their first revision of it replaced
// (nil when they only gave it, first: a figure given late, if at all);
// ok is false when they neither gave nor revised it. A figure given
// first by the month's own import (with its month, circulated with it)
// and corrected while the month was the latest is revised from that.
func (c circulation) gave(l lateFills, h *app.History, k app.SeriesKey, o *app.Observation) (now, was *app.Observation, ok bool) {
	revs := h.Revisions(k, o.Period)
	versions := append(revs[:len(revs):len(revs)], *o)
	first, last := -1, -1
	for j, v := range versions {
		if !c.has(l, v.Import) {
			continue
		}
		if first < 0 && j > 0 {
			first = j
		}
		last = j
	}
	switch {
	case last < 0:
		return nil, nil, false
	case last == 0:
		return &versions[0], nil, true
	}
	return &versions[last], &versions[first-1], true
}

// lateText says a figure was given late: "given late: 6.5, where an
// earlier file that ran to Oct-25 gave no figure".
func lateText(ind app.Indicator, p Point) string {
	return "given late: " + pointText(ind, p) + ", where an earlier file that ran to " + p.Period.Label() + " gave no figure"
}

// definitions holds the definition changes the live imports made, by
// ref, and each import's place.
type definitions struct {
	byRef map[string][]app.DefinitionMade
	order map[string]int
}

func definitionsByRef(h *app.History) definitions {
	d := definitions{byRef: map[string][]app.DefinitionMade{}, order: map[string]int{}}
	for i, im := range h.Imports {
		d.order[im.ID] = i
	}
	for _, c := range app.DefinitionsMade(h.Imports) {
		if c.Circulated() {
			d.byRef[c.Ref] = append(d.byRef[c.Ref], c)
		}
	}
	return d
}

// madeSince reports whether import made is id or a later one; an
// import not among the live ones (an edit, or none) counts as later.
func (d definitions) madeSince(made, id string) bool {
	m, ok := d.order[made]
	if !ok {
		return true
	}
	return m >= d.order[id]
}

// since returns ref's definition changes made by import id or a later
// one: made since the figure id brought, so not in what was circulated
// before it.
func (d definitions) since(ref, id string) []app.DefinitionMade {
	at, ok := d.order[id]
	if !ok {
		return nil
	}
	var out []app.DefinitionMade
	for _, c := range d.byRef[ref] {
		if d.order[c.Import.ID] >= at {
			out = append(out, c)
		}
	}
	return out
}

// InArea is r, a year's target restated, as it bears on area's figures:
// the restatement is said once, on the authority's series (Flags), but
// rates every district's figures too, so a district's brief says which
// of the district's own ratings it changes, not the authority's. Any
// other revision is returned as it is.
func (r Revision) InArea(h *app.History, area app.Area) Revision {
	if r.Target == nil || r.Key.Area == area {
		return r
	}
	ind, ok := h.Indicator(r.Key.Ref)
	if !ok {
		return r
	}
	r.Key.Area = area
	r.Detail = targetRevisionText(h, r.Key, ind, *r.Target, h.Series(r.Key), r.Period)
	return r
}
