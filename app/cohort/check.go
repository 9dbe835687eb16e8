package cohort

import (
	"fmt"
	"math"
	"strings"

	"scorecard/app"
)

// Disagreement is a source's own figure excluding cohorts that cannot be
// right as given: the figures for all children minus the cohorts' give
// another, or it counts more children than the figure for all children.
// The figure stands as the source gave it; wherever it is shown, the
// disagreement is said beside it (Note).
type Disagreement struct {
	Ref    string
	Area   app.Area
	Period app.Period
	Split  app.Split    // the source's excluding split
	At     app.Location // the source's own figure
	// Differences each say what disagrees, giving both figures: "value
	// 20 where all children minus the cohort give 24".
	Differences []string
}

// countBounds returns the least and the most a count excluding cohorts
// that may overlap can be, from all children's count a and the cohorts'
// counts parts: every cohort's children apart, or all within the largest.
// bounded is false for another measure or where a count is missing.
func countBounds(m app.Measure, a app.Observation, parts []app.Observation) (lo, hi float64, bounded bool) {
	if m != app.Count || len(parts) < 2 {
		return 0, 0, false
	}
	all, ok := components(m, a)
	if !ok || a.Status != app.OK {
		return 0, 0, false
	}
	sum, largest := 0.0, 0.0
	for _, p := range parts {
		c, ok := components(m, p)
		if !ok || p.Status != app.OK {
			return 0, 0, false
		}
		sum += c[0]
		largest = max(largest, c[0])
	}
	return all[0] - sum, all[0] - largest, true
}

// Note says what is wrong with the figure, giving both figures: "the
// source's own figure excluding UASC has value 20 where all children
// minus the cohort give 24".
func (d Disagreement) Note() string {
	return "the source's own figure " + phrase(d.Split) + " has " + strings.Join(d.Differences, "; ")
}

// Warning is the disagreement as a warning at the source's cell.
func (d Disagreement) Warning() app.Warning {
	return app.Warning{Location: d.At, Message: fmt.Sprintf("%s %s %s: %s", d.Ref, d.Area, d.Period.Label(), d.Note())}
}

// check compares the source's excluding figure s with the arithmetic
// worked (nil where it cannot be done) and, without it, with the figure
// for all children a (nil where there is none), and notes a disagreement:
// components exactly, the value beyond the half unit of the indicator's
// displayed precision that rounding allows, and a count, numerator or
// denominator above all children's. Where the arithmetic cannot be done
// because cohorts may overlap, a count is still bounded by the cohorts'
// counts parts (nil where one has none): it is at least all children's
// less every cohort's, and at most all children's less the largest.
func (ex *excluder) check(ind app.Indicator, s app.Observation, a, worked *app.Observation, parts []app.Observation) {
	if s.Status != app.OK {
		return
	}
	var diffs []string
	// A figure of one year is no check on another's: the source's own
	// figure as the previous year's outturn standing in, beside this
	// period's own figures (or the other way round), would be said to
	// disagree where both are right.
	if worked != nil && worked.StandIn != s.StandIn || worked == nil && a != nil && a.StandIn != s.StandIn {
		return
	}
	for _, p := range parts {
		if p.StandIn != s.StandIn {
			parts = nil // the cohorts' counts bound nothing
			break
		}
	}
	if worked != nil {
		for _, c := range []struct {
			name     string
			src, got *float64
		}{{"value", s.Value, worked.Value}, {"numerator", s.Numerator, worked.Numerator}, {"denominator", s.Denominator, worked.Denominator}} {
			if c.src == nil || c.got == nil {
				continue
			}
			tol := 1e-9
			if c.name == "value" {
				tol = 0.5*math.Pow(10, -float64(max(ind.Decimals, 0))) + 1e-9
			}
			if math.Abs(*c.src-*c.got) > tol {
				diffs = append(diffs, fmt.Sprintf("%s %s where all children minus the cohort give %s", c.name, number(*c.src), number(*c.got)))
			}
		}
	} else if a != nil && a.Status == app.OK && ind.Measure.Additive() {
		// With the arithmetic, a figure above all children's disagrees
		// with it already; without, the comparison is all there is.
		src, ok := components(ind.Measure, s)
		all, okAll := components(ind.Measure, *a)
		for n, name := range componentNames[ind.Measure] {
			if ok && okAll && src[n] > all[n]+1e-9 {
				diffs = append(diffs, fmt.Sprintf("%s %s above all children's %s", name, number(src[n]), number(all[n])))
			}
		}
		if lo, hi, bounded := countBounds(ind.Measure, *a, parts); ok && bounded && len(diffs) == 0 {
			switch {
			case src[0] < lo-1e-9:
				diffs = append(diffs, fmt.Sprintf("count %s below all children's less every cohort's, %s", number(src[0]), number(lo)))
			case src[0] > hi+1e-9:
				diffs = append(diffs, fmt.Sprintf("count %s above all children's less the largest cohort's, %s", number(src[0]), number(hi)))
			}
		}
	}
	if len(diffs) == 0 {
		return
	}
	loc := app.Location{File: ex.files[s.Import]}
	loc.Sheet, loc.Cell, _ = strings.Cut(s.Cell, "!")
	if loc.Cell == "" {
		loc.Sheet, loc.Cell = "", s.Cell
	}
	d := Disagreement{Ref: s.Ref, Area: s.Area, Period: s.Period, Split: ex.split, At: loc, Differences: diffs}
	ex.disagreements = append(ex.disagreements, d)
	ex.warnings = append(ex.warnings, d.Warning())
}
