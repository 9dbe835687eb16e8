package disclosure

import (
	"math"
	"slices"
	"strings"

	"scorecard/app"
)

// A percentage or rate given without its numerator and denominator
// carries no count for the primary rule to judge, yet beside a count the
// release shows it gives one away: 2.2% of the 90 children in care shown
// for a district is 2 children, and a rate per 10,000 times the area's
// public population is its count. Where the definitions tie such an
// indicator to a count the store holds, the figure is withheld with that
// count's protection (impliesSmall); where nothing does, the export says
// the indicator is unprotected (Unprotected).

// A percentage or rate given with its counts is judged by them, but
// they may be another indicator's: a rate's numerator is the count of
// children in care that N01 shows, a percentage's denominator the same
// N01. Where N01 is withheld (as a complement, say) and the rate is
// shown, its numerator gives N01 back, and with it the figure N01 was
// withheld to protect. Where the definitions say so (its guidance names
// N01), such an indicator is withheld wherever a count it names is
// (countsNamed); the counts' own releases are worked out first.

// impliedLink ties an indicator to the indicators whose figures, for the
// same area, cohorts and period, give its count away or are its counts.
type impliedLink struct {
	// also are its numerator's count, or its twin given with counts and
	// the twin's numerator's: it is withheld wherever one of theirs is.
	also []string
	// denominator is the count that is a percentage's denominator: its
	// count is value × that / 100.
	denominator string
	// carried marks an indicator given with counts, which also are: it
	// gives one of them back only where it carries it, its numerator
	// or denominator the same number (a count revised since, its
	// percentage not, gives nothing back).
	carried bool
	// anyCount marks a percentage or rate given with counts that no
	// guidance ties to a count: it is
	// withheld wherever it carries the figure of any count withheld at
	// its place (withheldCountAt). The rate excluding a cohort the app
	// works out from a count (cohort's rateOnDay) carries that count's
	// figure as its numerator: CIC02's 32 of 6,000 beside CIC01's 32
	// withheld told it, and 36 less it the 4 UASC children.
	anyCount bool
}

// tieSharesToAnyCount ties each percentage and rate given with counts
// that impliedLinks ties to nothing to any count (anyCount).
func (r *release) tieSharesToAnyCount() {
	for ref := range withCounts(r.h) {
		if _, ok := r.implied[ref]; !ok {
			r.implied[ref] = impliedLink{anyCount: true, carried: true}
		}
	}
}

// withheldCountAt reports whether a count's figure withheld at k's area,
// cohorts and period is one o carries as its numerator or denominator.
// The counts are released before the shares tied to them (releaseOrder),
// so their figures withheld are indexed by place once, on first asking.
func (r *release) withheldCountAt(k figKey, o app.Observation) bool {
	if r.withheldCounts == nil {
		r.withheldCounts = map[figKey][]float64{}
		for at := range r.hidden {
			ind, ok := r.h.Indicator(at.ref)
			if !ok || !isCount(ind) || isShare(ind) || r.change[at.ref] {
				continue
			}
			if c, ok := r.figureAt(at); ok && c.Value != nil {
				place := figKey{area: at.area, split: at.split, period: at.period}
				r.withheldCounts[place] = append(r.withheldCounts[place], *c.Value)
			}
		}
	}
	for _, v := range r.withheldCounts[figKey{area: k.area, split: k.split, period: k.period}] {
		if carries(o, v) {
			return true
		}
	}
	return false
}

// withoutCounts returns the percentages and rates of h none of whose
// figures carries a numerator or denominator.
func withoutCounts(h *app.History) map[string]bool {
	held, counted := map[string]bool{}, map[string]bool{}
	for _, k := range h.Keys() {
		for _, o := range h.Series(k) {
			held[k.Ref] = true
			if hasCounts(o) {
				counted[k.Ref] = true
				break
			}
		}
	}
	out := map[string]bool{}
	for _, ind := range h.Indicators() {
		if held[ind.Ref] && !counted[ind.Ref] && isShare(ind) {
			out[ind.Ref] = true
		}
	}
	return out
}

// isCount reports whether ind counts children (or cases) as a total.
func isCount(ind app.Indicator) bool {
	return ind.Measure == app.Count || ind.Unit == app.Number
}

// denominatorWords, the last of them or "numerator" before a count's
// ref in a percentage's guidance, say whether the count is its
// denominator: "as a percentage of all children in care (N02)".
var denominatorWords = []string{"denominator", "percentage of", "proportion of", "% of", "out of", "share of"}

// namedCount returns the count ind's guidance names ("Denominator: all
// children in care (N02)"), as its numerator's (also) or its
// denominator. A guidance naming no count, or more than one, ties ind to
// none.
func namedCount(ind app.Indicator, inds []app.Indicator, change map[string]bool) (impliedLink, bool) {
	named := countsNamedAt(ind, inds, change)
	if len(named) != 1 {
		return impliedLink{}, false
	}
	before := strings.ToLower(ind.Guidance[:named[0].at])
	den := -1
	for _, w := range denominatorWords {
		den = max(den, strings.LastIndex(before, w))
	}
	// A rate's denominator is a population, never a count of children.
	if ind.Unit == app.Percent && den > strings.LastIndex(before, "numerator") {
		return impliedLink{denominator: named[0].ref}, true
	}
	return impliedLink{also: []string{named[0].ref}}, true
}

// countsNamed returns every count ind's guidance names ("Numerator:
// ... (N05). Denominator: ... (N01)", namedAt): each is one of the
// counts a percentage or rate given with its counts shows.
func countsNamed(ind app.Indicator, inds []app.Indicator, change map[string]bool) []string {
	var refs []string
	for _, n := range countsNamedAt(ind, inds, change) {
		refs = append(refs, n.ref)
	}
	return refs
}

// naming is a count a guidance names, and where.
type naming struct {
	ref string
	at  int // where in the guidance
}

// countsNamedAt is countsNamed, with where each is named.
func countsNamedAt(ind app.Indicator, inds []app.Indicator, change map[string]bool) []naming {
	var named []naming
	for _, other := range inds {
		if other.Ref == ind.Ref || change[other.Ref] || !isCount(other) {
			continue
		}
		if at, ok := namedAt(ind, other); ok {
			named = append(named, naming{other.Ref, at})
		}
	}
	return named
}

// namedAt returns where ind's guidance names the count other: by its
// ref, or as its denominator by its name ("as a percentage of all
// children in care" names "Number of children in care"; countWords).
// A child-level list's 3+ placements, and the scorecards whose
// definition it repeats word for word, describe their denominator so,
// and showed it as their own beside the count withheld (the export
// campaign's F1: 159 of Kent's 162 children in care not UASC told the 3
// UASC children the count withheld).
func namedAt(ind, other app.Indicator) (int, bool) {
	if hasWord(ind.Guidance, other.Ref) {
		return strings.Index(ind.Guidance, other.Ref), true
	}
	name := countWords(other.Name)
	if name == "" {
		return 0, false
	}
	lower := strings.ToLower(ind.Guidance)
	for _, w := range denominatorWords {
		for i := 0; ; {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			at := i + j + len(w)
			phrase, _, _ := strings.Cut(lower[at:], ".")
			if cut := strings.IndexAny(phrase, ";,("); cut >= 0 {
				phrase = phrase[:cut]
			}
			if countWords(phrase) == name {
				return at, true
			}
			i = at
		}
	}
	return 0, false
}

// countWords is what a count's name or a guidance's description of it
// says is counted, for namedAt to compare: lower case, its spaces
// single, without a leading "number of", "all" or "the", a trailing unit
// in brackets, or punctuation around it.
func countWords(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	s = strings.Trim(s, " :-–.")
	for _, w := range []string{"the number of ", "number of ", "all ", "the "} {
		s = strings.TrimPrefix(s, w)
	}
	return s
}

// withCounts returns the percentages, rates and averages of h some of
// whose figures carry a numerator or denominator. An average's
// denominator is a number of children, as a percentage's is: 7,074 days
// for 14 children excluding OLA beside a count of 15 gave the 1 OLA child
// the count withheld.
func withCounts(h *app.History) map[string]bool {
	out := map[string]bool{}
	for _, k := range h.Keys() {
		if out[k.Ref] {
			continue
		}
		if ind, ok := h.Indicator(k.Ref); ok && (isShare(ind) || isAverage(ind)) && slices.ContainsFunc(h.Series(k), hasCounts) {
			out[k.Ref] = true
		}
	}
	return out
}

// isAverage reports whether ind is a mean or median.
func isAverage(ind app.Indicator) bool {
	return ind.Measure == app.Mean || ind.Measure == app.Median
}

// isShare reports whether ind is a percentage or rate.
func isShare(ind app.Indicator) bool {
	return ind.Measure == app.Proportion || ind.Measure == app.Rate || ind.Unit == app.Percent || ind.Unit == app.Per10k
}

// twinOf returns the first of ind's twin candidates (twinCandidates)
// that is its twin (isTwin), h holding the figures of both.
func twinOf(h *app.History, keys []app.SeriesKey, ind app.Indicator, inds []app.Indicator) (string, bool) {
	for _, other := range twinCandidates(ind, inds) {
		if isTwin(h, keys, ind, h, other.Ref) {
			return other.Ref, true
		}
	}
	return "", false
}

// isTwin reports whether other, whose figures th holds, is ind's twin:
// its figures are ind's (whose series keys and figures h holds) given with
// their counts: with a numerator or denominator, and equal to every one
// of ind's figures both hold at ind's places (three at least, so that a
// coincidence ties nothing).
func isTwin(h *app.History, keys []app.SeriesKey, ind app.Indicator, th *app.History, other string) bool {
	same, counted := 0, false
	for _, k := range keys {
		// Both series are in period order: the twin's figure of each
		// period is found walking on from the last, as
		// History.Observation finds it (the first not before it, if it
		// is of its time), not searched for afresh.
		ts := th.Series(app.SeriesKey{Ref: other, Area: k.Area, Split: k.Split})
		j := 0
		s := h.Series(k)
		for i := range s {
			o := &s[i]
			if o.Value == nil {
				continue
			}
			for j < len(ts) && ts[j].Period.Compare(o.Period) < 0 {
				j++
			}
			if j == len(ts) || ts[j].Period.Compare(o.Period) != 0 || ts[j].Value == nil {
				continue
			}
			t := &ts[j]
			if app.RoundTo(*t.Value, ind.Decimals) != app.RoundTo(*o.Value, ind.Decimals) {
				return false
			}
			counted = counted || hasCounts(*t)
			same++
		}
	}
	return counted && same >= 3
}

// hasCounts reports whether o is given with a numerator or denominator.
func hasCounts(o app.Observation) bool {
	return o.Numerator != nil || o.Denominator != nil
}

// CarriesCounts reports whether any of ref's figures in h is given with a
// numerator or denominator: one that carries none is no indicator's twin
// (isTwin), and a release worked out an indicator at a time need not read
// it again to ask.
func CarriesCounts(h *app.History, ref string) bool {
	for _, k := range h.Keys() {
		if k.Ref == ref && slices.ContainsFunc(h.Series(k), hasCounts) {
			return true
		}
	}
	return false
}

// twinCandidates are the indicators that may be ind's twin (twinOf): of
// its unit and section. A release of ind alone loads them (Beside).
func twinCandidates(ind app.Indicator, inds []app.Indicator) []app.Indicator {
	var out []app.Indicator
	for _, other := range inds {
		if other.Ref != ind.Ref && other.Unit == ind.Unit && other.Section == ind.Section {
			out = append(out, other)
		}
	}
	return out
}

// impliedLinks ties each indicator of h given without counts to the
// count, or twin, that gives its count away, and each percentage or rate
// given with counts to the counts its guidance names.
func impliedLinks(h *app.History, change map[string]bool) map[string]impliedLink {
	inds := h.Indicators()
	links := map[string]impliedLink{}
	with := withCounts(h)
	for _, ind := range inds {
		if !with[ind.Ref] {
			continue
		}
		if named := countsNamed(ind, inds, change); len(named) > 0 {
			links[ind.Ref] = impliedLink{also: named, carried: true}
		}
	}
	without := withoutCounts(h)
	// Each indicator's series are listed once: listing them for every
	// candidate twin sorted the history's every key each time, and made
	// the large export's release of an indicator at a time take seconds.
	var keys map[string][]app.SeriesKey
	for _, ind := range inds {
		if !without[ind.Ref] {
			continue
		}
		if keys == nil {
			keys = map[string][]app.SeriesKey{}
			for _, k := range h.Keys() {
				keys[k.Ref] = append(keys[k.Ref], k)
			}
		}
		if l, ok := namedCount(ind, inds, change); ok {
			links[ind.Ref] = l
		} else if t, ok := twinOf(h, keys[ind.Ref], ind, inds); ok {
			// The twin's own release may show a figure whose count
			// another indicator withholds (R02 5 in 29,500 beside N01's
			// c): this one follows both.
			l := impliedLink{also: []string{t}}
			tind, _ := h.Indicator(t)
			if tl, ok := namedCount(tind, inds, change); ok {
				l.also = append(l.also, tl.also...)
			}
			links[ind.Ref] = l
		}
	}
	return links
}

// figureAt is the figure k of the release, as given.
func (r *release) figureAt(k figKey) (app.Observation, bool) {
	for _, e := range r.exs {
		if e.split == k.split {
			return e.h.Observation(app.SeriesKey{Ref: k.ref, Area: k.area}, k.period)
		}
	}
	return r.h.Observation(app.SeriesKey{Ref: k.ref, Area: k.area, Split: k.split}, k.period)
}

// impliesSmall reports whether o, figure k of an indicator tied to
// counts (impliedLinks), is to be withheld with them: wherever one of
// those counts (or its twin) is withheld; for one given without counts,
// wherever its denominator is withheld (a percentage built on a
// withheld count goes with it: 66.7% of Dover's withheld children in
// care is 2 of 3, and its full precision tells the fraction) and,
// beside its denominator shown, wherever value × denominator / 100 or
// its complement is a count from 1 to below-1. The count's release is
// worked out first (releaseOrder).
func (r *release) impliesSmall(k figKey, o app.Observation) bool {
	l, ok := r.implied[k.ref]
	if !ok || o.Status != app.OK || o.Value == nil {
		return false
	}
	if l.anyCount {
		return r.withheldCountAt(k, o)
	}
	for _, ref := range l.also {
		at := figKey{ref, k.area, k.split, k.period}
		if !r.hidden[at] {
			continue
		}
		// A count the source withheld is no number to match: o may
		// carry it.
		if c, ok := r.figureAt(at); !l.carried || !ok || c.Value == nil || carries(o, *c.Value) {
			return true
		}
	}
	if l.denominator == "" {
		return false
	}
	at := figKey{l.denominator, k.area, k.split, k.period}
	if r.hidden[at] {
		return true
	}
	// With no denominator held here, nothing judges the figure; the
	// export says so (UnprotectedIn).
	den, ok := r.figureAt(at)
	if !ok || den.Value == nil {
		return false
	}
	// A percentage shown to its places is any true one that rounds to
	// it, and a reader takes every count that allows: 99.7% of 1,587 is
	// 1,582 or 1,583, so 4 or 5 children outside it, where the nearest,
	// 1,582, made 5 and the figure was shown (QA probe 11).
	ind, _ := r.h.Indicator(k.ref)
	half := 0.5 * math.Pow(10, -float64(max(ind.Decimals, 0)))
	d := *den.Value
	lo := max(math.Ceil((*o.Value-half)*d/100-1e-9), 0)
	hi := min(math.Floor((*o.Value+half)*d/100+1e-9), d)
	// Some count from lo to hi, or the rest from d-hi to d-lo, is from 1
	// to below-1.
	smallIn := func(a, b float64) bool { return a <= b && a < r.below && b >= 1 }
	return smallIn(lo, hi) || smallIn(d-hi, d-lo)
}

// carries reports whether o's numerator or denominator is v.
func carries(o app.Observation, v float64) bool {
	return o.Numerator != nil && *o.Numerator == v || o.Denominator != nil && *o.Denominator == v
}

// releaseOrder places an indicator after every indicator it is tied to
// (its counts, its months), and so after what those are tied to in turn
// (a year after the quarters it sums, themselves sums of months), and a
// change after every count (changeShown). Placed only one step after
// any count, a year was worked out before the quarters it summed, whose
// withholding was not yet known, and the year less the quarters shown
// told the one withheld.
func (r *release) releaseOrder(ref string) int {
	if r.change[ref] {
		return math.MaxInt32
	}
	if d, ok := r.order[ref]; ok {
		return d
	}
	if r.order == nil {
		r.order = map[string]int{}
	}
	r.order[ref] = 0 // a tie back to ref adds nothing
	l := r.implied[ref]
	deps := slices.Concat(r.months[ref], l.also)
	if l.denominator != "" {
		deps = append(deps, l.denominator)
	}
	if l.anyCount {
		for _, ind := range r.h.Indicators() {
			if ind.Ref != ref && isCount(ind) && !isShare(ind) && !r.change[ind.Ref] {
				deps = append(deps, ind.Ref)
			}
		}
	}
	d := 0
	for _, dep := range deps {
		if dep != ref && !r.change[dep] {
			d = max(d, r.releaseOrder(dep)+1)
		}
	}
	r.order[ref] = d
	return d
}

// Beside returns the indicators whose figures the release of ref depends
// on, beyond its own, for a release of ref alone: needs, which it must
// hold: the count a change is the difference of (CountOf), the count a
// percentage's or rate's guidance names, or, for one given with counts,
// every count it names (countsNamed), every count where it names none
// (everyCount, which its release follows: anyCount); and, for a percentage or rate
// given without counts and naming none, the candidates for its twin, in
// the order they are tried: each is read and tested in turn (Twin), and
// the first that is ref's twin is held with what it needs. h holds every
// definition and ref's figures.
func Beside(h *app.History, ref string) (needs, candidates []string) {
	if c, ok := CountOf(h, ref); ok {
		return []string{c}, nil
	}
	months, summed := MonthsSummed(h, ref)
	if summed {
		needs = []string{months}
	}
	ind, ok := h.Indicator(ref)
	if !ok {
		return needs, nil
	}
	inds := h.Indicators()
	change, _ := changesOf(inds)
	if summed && !withCounts(h)[ref] {
		return needs, nil
	}
	if withCounts(h)[ref] {
		if named := countsNamed(ind, inds, change); len(named) > 0 {
			return append(needs, named...), nil
		}
		// Tied to any count withheld at its place (anyCount): every
		// count is beside it.
		return append(needs, everyCount(ref, inds, change)...), nil
	}
	if !withoutCounts(h)[ref] {
		return nil, nil
	}
	if l, ok := namedCount(ind, inds, change); ok {
		if l.denominator != "" {
			return []string{l.denominator}, nil
		}
		return l.also, nil
	}
	for _, t := range twinCandidates(ind, inds) {
		if !change[t.Ref] {
			candidates = append(candidates, t.Ref)
		}
	}
	return nil, candidates
}

// everyCount lists the counts of inds but ref, changes and shares left
// out: those whose figures withheld a share tied to any count follows
// (withheldCountAt).
func everyCount(ref string, inds []app.Indicator, change map[string]bool) []string {
	var out []string
	for _, ind := range inds {
		if ind.Ref != ref && !change[ind.Ref] && isCount(ind) && !isShare(ind) {
			out = append(out, ind.Ref)
		}
	}
	return out
}

// Twin reports whether other, one of ref's twin candidates (Beside)
// whose figures th holds, is ref's twin, h holding every definition and
// ref's figures; if it is, needs are what a release of ref alone must
// hold beside ref's: other's figures, and the counts other's guidance
// names, whose withholding withholds other's (impliedLinks).
func Twin(h *app.History, ref string, th *app.History, other string) (needs []string, ok bool) {
	ind, ok := h.Indicator(ref)
	if !ok {
		return nil, false
	}
	if !isTwin(h, seriesKeysOf(h, ref), ind, th, other) {
		return nil, false
	}
	needs = []string{other}
	inds := h.Indicators()
	change, _ := changesOf(inds)
	if tind, ok := h.Indicator(other); ok {
		if tl, ok := namedCount(tind, inds, change); ok {
			needs = append(needs, tl.also...)
		}
	}
	return needs, true
}
