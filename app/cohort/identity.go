package cohort

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"scorecard/app"
)

// serviceColumns are the pseudo-areas that hold a cohort's children apart
// from the districts: a district sheet's "UASC Service" column counts the
// UASC children, so the districts beside it count the rest.
var serviceColumns = map[app.Cohort]app.Area{
	app.UASC: app.UASCService,
}

// The identity a district sheet can prove, for one indicator and month:
//
//	the districts + the other columns (Out of County / Unknown) =
//	the county's figure excluding the cohorts,
//
// component by component (the count; a proportion's numerator and
// denominator; a rate's count and population; a mean's sum and count).
// Where it holds, the excluded cohorts' children are in their service
// column and in none of the others (counts are never negative, so nothing
// is left over for them), and each district's own figure already leaves
// them out. A month where it fails proves nothing, and a district figure
// excluding the cohorts for that month cannot be given.
//
// A rate's count is often another indicator's count (children in care per
// 10,000 is the number in care over the population), given for the
// districts but not for the columns beside them. Such a count is proven
// when, area by area, it equals the districts' figures of a count already
// proven for the month, and the county's excluding count equals that
// indicator's.

// identityRule is the rule recorded on a district figure proven to
// exclude the cohorts.
func identityRule(auth *app.Authority, split app.Split, cols []app.Area, via string) string {
	names := []string{"the districts"}
	for _, a := range cols {
		if !auth.IsDistrict(a) {
			names = append(names, string(a))
		}
	}
	s := fmt.Sprintf("the district's own figure, %s: in the source %s sum to the county's figure %s this month, so the cohort is counted in none of them",
		phrase(split), strings.Join(names, " + "), phrase(split))
	if via != "" {
		s += "; its count is " + via + "'s district figure, proven the same way"
	}
	return s
}

// areaFigure is an area's figure of a month, as prove lists them.
type areaFigure struct {
	area app.Area
	o    app.Observation
}

// proof is what the identity established for one indicator and month.
type proof struct {
	holds bool
	// counts are the proven count's figures by area (Count indicators
	// only), for rates whose count is the same figure.
	counts map[app.Area]float64
	county float64
}

// identities replaces district figures that cannot exclude the cohorts
// with the district's own figure wherever the source's columns prove the
// identity above for the month, and warns of each month where an identity
// that holds in other months fails.
func (ex *excluder) identities(out *app.History) {
	byRef := map[string][]app.Area{}
	for _, k := range ex.h.Keys() {
		if k.Split == app.All && k.Area != ex.auth.Area() {
			byRef[k.Ref] = append(byRef[k.Ref], k.Area)
		}
	}
	service := map[app.Area]bool{}
	for _, c := range ex.cs {
		if a, ok := serviceColumns[c]; ok {
			service[a] = true
		}
	}
	proven := map[string]map[app.Period]proof{}
	type pending struct {
		ind  app.Indicator
		cols []app.Area
	}
	var rates []pending
	for _, ind := range ex.h.Indicators() {
		var cols []app.Area
		districts := 0
		for _, a := range byRef[ind.Ref] {
			if service[a] {
				continue
			}
			cols = append(cols, a)
			if ex.auth.IsDistrict(a) {
				districts++
			}
		}
		// Whether ind counts the cohorts is asked last: reading its
		// definition's words costs more than the rest, and a history
		// read for one indicator holds every other's definition
		// without district figures.
		if districts == 0 || !ex.affects(ind, ex.auth.Area()) || !ind.Measure.Additive() {
			continue
		}
		if ind.Measure == app.Rate {
			rates = append(rates, pending{ind, cols})
			continue
		}
		proven[ind.Ref] = ex.prove(out, ind, cols, nil)
	}
	for _, r := range rates {
		ex.prove(out, r.ind, r.cols, proven)
	}
}

// prove checks the identity for each month of ind's county figure
// excluding the cohorts, replaces the proven months' district figures in
// out, and returns what it proved. counts, when given, are the proofs of
// count indicators a rate's count may be.
func (ex *excluder) prove(out *app.History, ind app.Indicator, cols []app.Area, counts map[string]map[app.Period]proof) map[app.Period]proof {
	county := out.Series(app.SeriesKey{Ref: ind.Ref, Area: ex.auth.Area()})
	got := map[app.Period]proof{}
	// A month that fails is worded only once some month holds: a
	// history whose columns are no partition of the county fails every
	// month, and says nothing of it.
	type failure struct {
		p          app.Period
		unequal    []int // the components whose columns do not sum to the county's
		sums, want [2]float64
		count      int          // in unequal, a rate's count compared directly; -1 if none
		figs       []areaFigure // a rate's, whose count is compared with a count indicator's
		imp        string
	}
	var failures []failure
	vias := map[string]int{} // months a rate's count was proven as each count indicator's
	// Each column's figures are copied where one is first replaced: a
	// source giving every district's figure excluding the cohorts has
	// none replaced, and copying them all was most of what a release
	// allocated to exclude the cohorts from a long history.
	series := map[app.Area][]app.Observation{}
	changed := false
	// Each month's figures are listed in one slice, kept only by a month
	// that fails, and each month proven is given one of a rule or two:
	// a map of a month's figures and the rule's words made afresh were
	// most of the cost of a long history's proof.
	var figs []areaFigure
	rules := map[string]string{} // by via
	for _, c := range county {
		if c.Status != app.OK || c.Value == nil {
			continue
		}
		want, ok := components(ind.Measure, c)
		if !ok {
			continue
		}
		var sums [2]float64
		complete := true
		figs = figs[:0]
		for _, a := range cols {
			o, ok := ex.h.Observation(app.SeriesKey{Ref: ind.Ref, Area: a}, c.Period)
			if !ok {
				if ex.auth.IsDistrict(a) {
					complete = false
				}
				continue
			}
			comp, ok := components(ind.Measure, o)
			if o.Status != app.OK || !ok {
				complete = false
				break
			}
			figs = append(figs, areaFigure{a, o})
			for n := range sums {
				sums[n] += comp[n]
			}
		}
		if !complete {
			continue
		}
		n := len(componentNames[ind.Measure])
		via := ""
		var unequal []int
		countAt := -1
		for i := range n {
			if same(sums[i], want[i]) {
				continue
			}
			if i == 0 && ind.Measure == app.Rate {
				if ref, ok := sharedCount(figs, want[0], c.Period, counts); ok {
					via = ref
					continue
				}
			}
			if i == 0 && ind.Measure == app.Rate {
				countAt = len(unequal)
			}
			unequal = append(unequal, i)
		}
		if len(unequal) > 0 {
			f := failure{p: c.Period, unequal: unequal, sums: sums, want: want, count: countAt, imp: c.Import}
			if countAt >= 0 {
				f.figs = slices.Clone(figs)
			}
			failures = append(failures, f)
			got[c.Period] = proof{}
			continue
		}
		if via != "" {
			vias[via]++
		}
		pr := proof{holds: true, county: want[0]}
		if ind.Measure == app.Count {
			pr.counts = map[app.Area]float64{}
			for _, f := range figs {
				comp, _ := components(ind.Measure, f.o)
				pr.counts[f.area] = comp[0]
			}
		}
		got[c.Period] = pr
		ex.serviceColumn(out, ind, c.Period, sums, n)
		rule, ok := rules[via]
		if !ok {
			rule = identityRule(ex.auth, ex.split, cols, via)
			rules[via] = rule
		}
		for _, f := range figs {
			a, o := f.area, f.o
			s, copied := series[a]
			if !copied {
				s = out.Series(app.SeriesKey{Ref: ind.Ref, Area: a})
			}
			i, found := slices.BinarySearchFunc(s, c.Period, func(x app.Observation, p app.Period) int { return x.Period.Compare(p) })
			if !found || s[i].Status != app.CannotExclude {
				continue // the source's own or the arithmetic's figure stands
			}
			if !copied {
				s = slices.Clone(s)
				series[a] = s
			}
			o.Rule = rule
			o.Split = app.All
			s[i] = o
			changed = true
		}
	}
	if changed {
		for a, s := range series {
			out.SetSeries(app.SeriesKey{Ref: ind.Ref, Area: a}, s)
		}
	}
	held := 0
	for _, pr := range got {
		if pr.holds {
			held++
		}
	}
	if held == 0 {
		// Never claimed: these columns are not a partition of the county.
		return got
	}
	// A rate whose count was proven in other months as a count
	// indicator's district figures is compared with those in its failing
	// months too; its districts alone never sum to the county's count.
	via := ""
	for ref, n := range vias {
		if n > vias[via] || n == vias[via] && ref < via {
			via = ref
		}
	}
	for _, f := range failures {
		broken := make([]string, len(f.unequal))
		for j, i := range f.unequal {
			broken[j] = fmt.Sprintf("%s: the columns sum to %s, the county's figure %s is %s",
				componentNames[ind.Measure][i], number(f.sums[i]), phrase(ex.split), number(f.want[i]))
		}
		if f.count >= 0 && via != "" {
			broken[f.count] = ex.sharedCountBroken(via, f.figs, f.p, counts)
		}
		why := strings.Join(broken, "; ")
		what := fmt.Sprintf("the districts and the columns beside them do not sum to the county's figure %s (%s), though they do", phrase(ex.split), why)
		if f.count >= 0 && via != "" && len(broken) == 1 {
			what = fmt.Sprintf("its count is not proven as %s's district figures %s (%s), though it is", via, phrase(ex.split), why)
		}
		ex.warnings = append(ex.warnings, app.Warning{Location: app.Location{File: ex.files[f.imp]}, Message: fmt.Sprintf(
			"%s %s: %s in %d other months; its district figures %s cannot be given for %s",
			ind.Ref, f.p.Label(), what, held, phrase(ex.split), f.p.Label())})
		ex.noteBroken(out, ind.Ref, cols, f.p, why)
	}
	return got
}

// noteBroken says in each district figure's reason for period p that the
// identity failed that month, and how.
func (ex *excluder) noteBroken(out *app.History, ref string, cols []app.Area, p app.Period, why string) {
	for _, a := range cols {
		k := app.SeriesKey{Ref: ref, Area: a}
		s := out.Series(k)
		i, found := slices.BinarySearchFunc(s, p, func(x app.Observation, p app.Period) int { return x.Period.Compare(p) })
		if !found || s[i].Status != app.CannotExclude {
			continue
		}
		s = slices.Clone(s)
		s[i].Raw = fmt.Sprintf("in %s the districts do not sum to the county's figure %s (%s)", p.Label(), phrase(ex.split), why)
		out.SetSeries(k, s)
	}
}

// sharedCount reports the count indicator, proven for period p, whose
// figures the rate's counts are, area by area, with the same county
// figure excluding the cohorts.
func sharedCount(figs []areaFigure, county float64, p app.Period, counts map[string]map[app.Period]proof) (string, bool) {
	refs := make([]string, 0, len(counts))
	for ref := range counts {
		refs = append(refs, ref)
	}
	slices.Sort(refs)
next:
	for _, ref := range refs {
		pr := counts[ref][p]
		if !pr.holds || pr.counts == nil || !same(pr.county, county) {
			continue
		}
		for _, f := range figs {
			v, ok := pr.counts[f.area]
			if !ok || f.o.Numerator == nil || !same(*f.o.Numerator, v) {
				continue next
			}
		}
		return ref, true
	}
	return "", false
}

// sharedCountBroken says why a rate's count, for period p, is not proven
// as the count indicator ref's district figures, as it is in other months:
// an area where they differ, or ref's own identity failing that month.
func (ex *excluder) sharedCountBroken(ref string, figs []areaFigure, p app.Period, counts map[string]map[app.Period]proof) string {
	figs = slices.SortedFunc(slices.Values(figs), func(a, b areaFigure) int { return cmp.Compare(a.area, b.area) })
	for _, f := range figs {
		a, o := f.area, f.o
		c, ok := ex.h.Observation(app.SeriesKey{Ref: ref, Area: a}, p)
		if !ok || o.Numerator == nil || c.Value == nil {
			continue
		}
		if !same(*o.Numerator, *c.Value) {
			return fmt.Sprintf("count: %s's count is %s, %s's figure for %s is %s", a, number(*o.Numerator), ref, a, number(*c.Value))
		}
	}
	if pr := counts[ref][p]; pr.holds {
		return fmt.Sprintf("count: it is %s's district figures, whose county figure %s is %s", ref, phrase(ex.split), number(pr.county))
	}
	return fmt.Sprintf("count: it is %s's district figures, and in %s they do not sum to %s's county figure %s", ref, p.Label(), ref, phrase(ex.split))
}

// same reports whether two counts are equal, allowing for float64
// arithmetic on sums of whole numbers.
func same(a, b float64) bool { return math.Abs(a-b) <= 1e-6*max(1, math.Abs(b)) }

// phrase is a split's label within a sentence: "excluding UASC".
func phrase(s app.Split) string {
	l := s.Label()
	if l == "" {
		return l
	}
	return strings.ToLower(l[:1]) + l[1:]
}

// serviceColumn gives the cohorts' service columns (UASC Service) their
// figure excluding the cohorts for period p, where the districts and the
// columns beside them (summing to sums) are proven to exclude them and,
// with the service column, sum to the county's figure for all children:
// then the service column counts the cohort's children and nobody else,
// so excluding them leaves nobody (a count of nought; no proportion).
func (ex *excluder) serviceColumn(out *app.History, ind app.Indicator, p app.Period, sums [2]float64, n int) {
	all, ok := ex.h.Observation(app.SeriesKey{Ref: ind.Ref, Area: ex.auth.Area()}, p)
	if !ok || all.Status != app.OK {
		return
	}
	whole, ok := components(ind.Measure, all)
	if !ok {
		return
	}
	for _, c := range ex.cs {
		a, ok := serviceColumns[c]
		if !ok {
			continue
		}
		k := app.SeriesKey{Ref: ind.Ref, Area: a}
		o, ok := ex.h.Observation(k, p)
		if !ok || o.Status != app.OK {
			continue
		}
		svc, ok := components(ind.Measure, o)
		if !ok {
			continue
		}
		for i := range n {
			if !same(sums[i]+svc[i], whole[i]) {
				return
			}
		}
		s := out.Series(k)
		i, found := slices.BinarySearchFunc(s, p, func(x app.Observation, p app.Period) int { return x.Period.Compare(p) })
		if !found || s[i].Status != app.CannotExclude {
			continue
		}
		s = slices.Clone(s)
		f := app.Observation{Ref: ind.Ref, Area: a, Period: p, Import: o.Import, Revision: o.Revision,
			Rule: "the column counts only " + c.Label() + ": with the districts and the columns beside them it sums to the county's figure for all children, and they exclude them"}
		if ind.Measure == app.Count {
			f.Value = ex.float(0)
			if o.Numerator != nil {
				f.Numerator = f.Value
			}
		} else {
			f.Status, f.Raw = app.NotApplicable, "no children remain outside the excluded cohorts"
		}
		s[i] = f
		out.SetSeries(k, s)
	}
}
