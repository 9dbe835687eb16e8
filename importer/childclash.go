package importer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/refclash"
)

// childJudge judges a child-level list's definitions against the store's.
// A list states each figure's polarity (fewer children with 3 or more
// placements is better), so opposite polarities are a clash as well as
// another unit, measure or subject.
var childJudge = refclash.Judge{Polarity: true}

// childClashAdvice says what an officer can do about a clash.
const childClashAdvice = "--accept-definitions does not apply (it would change what the store's own figures mean), " +
	"and a child-level list's figures cannot be filed under another ref: to keep them, import the list into a store of its own (scorecard --db OTHER.db import FILE)"

// leaveOutClashes takes out of d every figure a child-level list files
// under a ref the store defines (defined) as another measure: a council
// whose own CIC01 is "% of children in care in foster placements" does
// not have its published figures replaced by a count of children in
// care. Each such ref gets a warning at at (the list's file and sheet)
// naming the stored definition, the list's and the figures left out.
// When nothing is left to import, the list is refused with the same
// words.
func leaveOutClashes(d *app.Dataset, at app.Location, county app.Area, defined func(ref string) (app.Indicator, bool)) ([]app.Warning, error) {
	if d == nil || defined == nil {
		return nil, nil
	}
	var warns []app.Warning
	var refused []string
	clashed := map[string]bool{}
	for _, ind := range d.Indicators {
		c, ok := childJudge.Of(ind, defined)
		if !ok {
			continue
		}
		clashed[ind.Ref] = true
		if !slices.ContainsFunc(d.Observations, func(o app.Observation) bool { return o.Ref == ind.Ref }) {
			// Nothing filed under it (no reason ceased column, no CIC12):
			// only the definition, which the store's outranks.
			continue
		}
		what := fmt.Sprintf("%s: this list files its %q (%s) under %s, but the store defines %s as %q (%s): %s",
			ind.Ref, ind.Name, refclash.UnitWords(ind), ind.Ref, ind.Ref, c.Stored.Name, refclash.UnitWords(c.Stored), c.Differences())
		refused = append(refused, what)
		warns = append(warns, app.Warning{Location: at, Message: fmt.Sprintf("%s; %s not imported, and %s stays as it was. %s",
			what, leftOut(d, ind, county), ind.Ref, childClashAdvice)})
	}
	if len(clashed) == 0 {
		return nil, nil
	}
	d.Indicators = slices.DeleteFunc(d.Indicators, func(ind app.Indicator) bool { return clashed[ind.Ref] })
	d.Observations = slices.DeleteFunc(d.Observations, func(o app.Observation) bool { return clashed[o.Ref] })
	d.Targets = slices.DeleteFunc(d.Targets, func(t app.Target) bool { return clashed[t.Ref] })
	d.Benchmarks = slices.DeleteFunc(d.Benchmarks, func(b app.Benchmark) bool { return clashed[b.Ref] })
	d.Comments = slices.DeleteFunc(d.Comments, func(c app.Comment) bool { return clashed[c.Ref] })
	if d.Empty() {
		return warns, &app.SourceError{Location: at, Err: errors.New("not imported: nothing the list gives fits this store's definitions: " +
			strings.Join(refused, "; ") + ". " + childClashAdvice)}
	}
	return warns, nil
}

// leftOut says which of d's figures of ind would have been filed, as
// the subject of "not imported": how many, for which months, and the
// authority's (county's) figure for all children, so that the officer sees what the
// list would have put in place of the store's.
func leftOut(d *app.Dataset, ind app.Indicator, county app.Area) string {
	var n int
	var months []string
	var whole *app.Observation
	for i, o := range d.Observations {
		if o.Ref != ind.Ref {
			continue
		}
		n++
		if m := o.Period.Label(); !slices.Contains(months, m) {
			months = append(months, m)
		}
		if o.Area == county && o.Split == app.All && o.Value != nil {
			whole = &d.Observations[i]
		}
	}
	s := fmt.Sprintf("its %d figures for %s", n, strings.Join(months, ", "))
	if n == 1 {
		s = "its 1 figure for " + months[0]
	}
	if whole != nil {
		v := app.FormatValue(ind, *whole.Value)
		if whole.Numerator != nil && whole.Denominator != nil {
			v += fmt.Sprintf(", %s of %s", app.FormatNumber(*whole.Numerator, 0), app.FormatNumber(*whole.Denominator, 0))
		}
		s += fmt.Sprintf(" (%s, all children: %s)", whole.Area, v)
	}
	if n == 1 {
		return s + " was"
	}
	return s + " were"
}
