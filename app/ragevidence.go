package app

import (
	"fmt"
	"strconv"
	"strings"
)

// A workbook's own RAG column is evidence of the rule its council rates
// by. Where it agrees on every figure it rates with a rule other than the
// store's, and the store's rule rates some of them otherwise, the import
// says so and how to set it: a suggestion, never a silent change of how
// figures already reported are rated (QA30 finding 5: Southwark rates on
// the target alone, and its reds got no RAG of the app's).

// bandTolerances are the bands a council's RAG column is tried against,
// the roundest first: the one suggested is the first that fits.
var bandTolerances = []RAGRule{
	{Kind: RuleBand, Tolerance: 5, Percent: true}, {Kind: RuleBand, Tolerance: 10, Percent: true},
	{Kind: RuleBand, Tolerance: 2, Percent: true}, {Kind: RuleBand, Tolerance: 1, Percent: true},
	{Kind: RuleBand, Tolerance: 3, Percent: true}, {Kind: RuleBand, Tolerance: 15, Percent: true},
	{Kind: RuleBand, Tolerance: 20, Percent: true}, {Kind: RuleBand, Tolerance: 25, Percent: true},
	{Kind: RuleBand, Tolerance: 1}, {Kind: RuleBand, Tolerance: 2}, {Kind: RuleBand, Tolerance: 5},
	{Kind: RuleBand, Tolerance: 0.5}, {Kind: RuleBand, Tolerance: 3}, {Kind: RuleBand, Tolerance: 10},
}

// sourceRated is a figure of a file the file rates, with the target that
// applies to it.
type sourceRated struct {
	o   *Observation // in the dataset: a copy was 168 bytes a figure rated
	ind Indicator
	t   Target
}

// ReviewRAGRule says, in one warning at the first figure ds's source
// rates, when those ratings are all the target-alone rule's, or all one
// tolerance band's, and the store's rule (rule) rates some of them
// otherwise or not at all: "Southwark's RAG column rates on the target
// alone in all 8 figures it rates (Scorecard!H8:H16) ...; set `scorecard
// rag --rule target` to rate that way". Each figure is rated against the
// target ds gives for its year, else the one held (stored), for its area
// and period (Target.For); only higher- and lower-is-better figures are
// evidence, a stay-close-to-target one being rated by its tolerance
// under every rule. authority names the council.
func ReviewRAGRule(ds *Dataset, file, authority string, rule RAGRule, stored func(ref string) []Target, defined func(ref string) (Indicator, bool)) []Warning {
	rated := sourceRatings(ds, stored, defined)
	if len(rated) == 0 {
		return nil
	}
	agrees := func(r RAGRule) (n int) {
		for _, f := range rated {
			t := f.t
			t.Rule = r
			if Rating(f.ind.Polarity, *f.o.Value, t, f.ind.Decimals) == f.o.SourceRAG {
				n++
			}
		}
		return n
	}
	held := agrees(rule)
	if held == len(rated) {
		return nil
	}
	// The target alone first: a column with no AMBER in it fits it, and
	// fits a band too where no figure falls within the band.
	var fit []RAGRule
	for _, r := range append([]RAGRule{{Kind: RuleTarget}}, bandTolerances...) {
		if r.Kind != rule.Kind && agrees(r) == len(rated) {
			if fit = append(fit, r); len(fit) == 2 {
				break
			}
		}
	}
	if len(fit) == 0 {
		return nil
	}
	first := rated[0].o
	l := cellLocation(first.Cell)
	l.File = file
	msg := fmt.Sprintf("%s's RAG column rates on %s in all %d %s it rates (%s), where the store's rule, %s, rates %d of them otherwise or not at all; set `scorecard rag %s` to rate that way (a suggestion: nothing was changed)",
		authority, fit[0].Title(), len(rated), plural(len(rated), "figure", "figures"), cellSpan(rated), rule.Title(), len(rated)-held, fit[0].flags())
	if len(fit) == 2 && fit[0].Kind == RuleTarget {
		msg += fmt.Sprintf("; no figure here is rated AMBER or falls short of its target by %s or less, so if the council's AMBER is such a band, set `scorecard rag %s` instead",
			fit[1].toleranceWords(), fit[1].flags())
	}
	return []Warning{{Location: l, Message: msg}}
}

// flags are the rag command's flags that set r.
func (r RAGRule) flags() string {
	if r.Kind == RuleBand {
		return "--rule band --tolerance " + r.ToleranceText()
	}
	return "--rule " + r.Name()
}

// sourceRatings are the figures of ds its source rates whose indicator is
// higher- or lower-is-better and has a target for them.
func sourceRatings(ds *Dataset, stored func(ref string) []Target, defined func(ref string) (Indicator, bool)) []sourceRated {
	// Room is made at once for every figure the source rates: grown by
	// appending, the slice allocated several times its size.
	n := 0
	for i := range ds.Observations {
		if ratedBySource(&ds.Observations[i]) {
			n++
		}
	}
	out := make([]sourceRated, 0, n)
	// Each figure's indicator and target are found by a search of the
	// file's indicators and targets, once for each indicator and year
	// rather than for each figure rated: a sheet of districts rates each
	// indicator in turn, district after district, on the one processor
	// the import then waits on.
	type refYear struct {
		ref  string
		year Period
	}
	type found struct {
		t  Target
		ok bool
	}
	inds := map[string]*Indicator{}
	targets := map[refYear]found{}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if !ratedBySource(o) {
			continue
		}
		ind, seen := inds[o.Ref]
		if !seen {
			def := indicatorOf(ds, o.Ref, defined)
			ind = &def
			inds[o.Ref] = ind
		}
		if ind.Polarity != HigherBetter && ind.Polarity != LowerBetter {
			continue
		}
		key := refYear{o.Ref, ind.TargetYear(o.Period)}
		f, seen := targets[key]
		if !seen {
			f.t, f.ok = targetOf(ds, stored, key.ref, key.year)
			targets[key] = f
		}
		if !f.ok {
			continue
		}
		t, _ := f.t.For(o.Area, o.Period)
		if t.Target == nil {
			continue
		}
		out = append(out, sourceRated{o, *ind, t})
	}
	return out
}

// ratedBySource reports whether o is a figure its source rates that can be
// evidence of a rule: a value of all children, not a stand-in.
func ratedBySource(o *Observation) bool {
	return o.SourceRAG != NoRAG && o.Value != nil && !o.StandIn && o.Split == All
}

// targetOf is ref's target for year as ds gives it, else as held.
func targetOf(ds *Dataset, stored func(ref string) []Target, ref string, year Period) (Target, bool) {
	for _, t := range ds.Targets {
		if t.Ref == ref && t.Year == year {
			return t, true
		}
	}
	for _, t := range stored(ref) {
		if t.Year == year {
			return t, true
		}
	}
	return Target{}, false
}

// cellSpan names the figures' cells: a column's span ("Scorecard!H8:H16")
// where they are one column of one sheet, else the first and the last.
func cellSpan(rated []sourceRated) string {
	first := cellLocation(rated[0].o.Cell)
	col, lo := splitColumn(first.Cell)
	hi := lo
	for _, f := range rated[1:] {
		l := cellLocation(f.o.Cell)
		c, row := splitColumn(l.Cell)
		if l.Sheet != first.Sheet || c != col || row == 0 {
			return rated[0].o.Cell + " to " + rated[len(rated)-1].o.Cell
		}
		lo, hi = min(lo, row), max(hi, row)
	}
	span := col + strconv.Itoa(lo)
	if hi != lo {
		span += ":" + col + strconv.Itoa(hi)
	}
	if first.Sheet != "" {
		span = first.Sheet + "!" + span
	}
	return span
}

// splitColumn splits a cell reference ("H13") into its column and row; a
// row of 0 when it is not one.
func splitColumn(cell string) (string, int) {
	i := strings.IndexFunc(cell, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 {
		return cell, 0
	}
	row, err := strconv.Atoi(cell[i:])
	if err != nil {
		return cell, 0
	}
	return cell[:i], row
}
