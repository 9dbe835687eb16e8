package benchmark

import (
	"errors"
	"fmt"
	"strconv"

	"scorecard/app"
)

// YearTarget is one line of an indicator's targets table: a financial or
// academic year with its target and floor, if any.
type YearTarget struct {
	Year   app.Period
	Target app.Target // Ref and Year are always set; Target and Floor may be nil
	// Set reports whether a target or milestone is recorded for the year;
	// an unset line is a blank for the user to fill in.
	Set bool
	// InForce is set for the year containing the reference month: the
	// target RAG is judged against.
	InForce bool
	// Milestone is set for a year after the one in force: a planned
	// level, not yet a target.
	Milestone bool
}

// Plan lists an indicator's targets year by year, in its own year type
// (financial or academic), from the year of from (zero: the earliest
// recorded) to the year of to (zero: the year in force) and beyond to any
// later year with a recorded milestone, blank years included so a table
// can be edited in place. now is the reference month
// (usually the latest month on the scorecard) that decides which year is
// in force. A milestone whose year has begun is the target in force:
// app.History.TargetFor returns it and RAG uses it.
func Plan(h *app.History, ind app.Indicator, from, to, now app.Period) []YearTarget {
	if now.IsZero() {
		return nil
	}
	current := ind.TargetYear(now)
	first, last := current, current
	if !from.IsZero() {
		first = ind.TargetYear(from)
	}
	if !to.IsZero() {
		last = ind.TargetYear(to)
	}
	recorded := map[app.Period]app.Target{}
	for _, t := range h.Targets(ind.Ref) {
		if t.Year.Kind != current.Kind {
			continue
		}
		recorded[t.Year] = t
		if t.Year.Compare(last) > 0 {
			last = t.Year
		}
		if from.IsZero() && t.Year.Compare(first) < 0 {
			first = t.Year
		}
	}
	var rows []YearTarget
	for y := first; y.Compare(last) <= 0; y = y.Add(1) {
		t, ok := recorded[y]
		if !ok {
			t = app.Target{Ref: ind.Ref, Year: y}
		}
		future := y.Compare(current) > 0
		if future {
			t.Milestone = true
		}
		rows = append(rows, YearTarget{
			Year:      y,
			Target:    t,
			Set:       ok,
			InForce:   y == current,
			Milestone: future,
		})
	}
	return rows
}

// Mismatched returns an indicator's recorded targets whose year is of the
// wrong type (a financial year for an indicator set by academic year, or
// the reverse). TargetFor never finds them, so RAG silently ignores them:
// the views should list them for correction.
func Mismatched(h *app.History, ind app.Indicator) []app.Target {
	want := yearKind(ind)
	var out []app.Target
	for _, t := range h.Targets(ind.Ref) {
		if t.Year.Kind != want {
			out = append(out, t)
		}
	}
	return out
}

// ErrNoPolarity is returned for a target on an activity indicator, which
// is never rated.
var ErrNoPolarity = errors.New("an activity indicator (no polarity) has no RAG, so no target")

// Edit checks a target a user has typed for indicator ind and returns the
// dataset to save as an import of Kind "edit", with a note for the import
// history saying what changed from prev (nil when the year had none). The
// year must be of the indicator's year type; the floor must not be better
// than the target; a percentage must lie within 0-100; a NearTarget
// indicator needs a tolerance rather than a floor.
func Edit(ind app.Indicator, prev *app.Target, t app.Target) (*app.Dataset, string, error) {
	t.Ref = ind.Ref
	t.Import = ""
	want := yearKind(ind)
	if t.Year.Kind != want {
		return nil, "", fmt.Errorf("%s: %s is not a %s; targets for this indicator are set per %s",
			ind.Ref, t.Year, yearKindName(t.Year.Kind), yearKindName(want))
	}
	if ind.Polarity == app.PolarityNone && (t.Target != nil || t.Floor != nil) {
		return nil, "", fmt.Errorf("%s %s: %w", ind.Ref, t.Year, ErrNoPolarity)
	}
	for _, v := range []*float64{t.Target, t.Floor} {
		if v != nil && ind.Unit == app.Percent && (*v < 0 || *v > 100) {
			return nil, "", fmt.Errorf("%s %s: %v is not a percentage between 0 and 100", ind.Ref, t.Year, *v)
		}
	}
	if t.Target != nil && t.Floor != nil {
		switch {
		case ind.Polarity == app.HigherBetter && *t.Floor > *t.Target:
			return nil, "", fmt.Errorf("%s %s: floor %v is above target %v, but higher is better", ind.Ref, t.Year, *t.Floor, *t.Target)
		case ind.Polarity == app.LowerBetter && *t.Floor < *t.Target:
			return nil, "", fmt.Errorf("%s %s: floor %v is below target %v, but lower is better", ind.Ref, t.Year, *t.Floor, *t.Target)
		}
	}
	if ind.Polarity == app.NearTarget && t.Target != nil && (t.Tolerance == nil || *t.Tolerance < 0) {
		return nil, "", fmt.Errorf("%s %s: a stay-close-to-target indicator needs a tolerance of 0 or more", ind.Ref, t.Year)
	}
	note := fmt.Sprintf("%s %s: target %s, floor %s", ind.Ref, t.Year, change(prev, t, func(t app.Target) *float64 { return t.Target }),
		change(prev, t, func(t app.Target) *float64 { return t.Floor }))
	if t.Milestone {
		note += " (milestone)"
	}
	return &app.Dataset{Targets: []app.Target{t}}, note, nil
}

// change writes "10 -> 9.5", or just "9.5" for a new value, "none" for
// none.
func change(prev *app.Target, t app.Target, field func(app.Target) *float64) string {
	now := "none"
	if v := field(t); v != nil {
		now = strconv.FormatFloat(*v, 'f', -1, 64)
	}
	if prev == nil {
		return now
	}
	before := "none"
	if v := field(*prev); v != nil {
		before = strconv.FormatFloat(*v, 'f', -1, 64)
	}
	if before == now {
		return now
	}
	return before + " -> " + now
}

// yearKind is the kind of year ind's targets are set for, as
// app.Indicator.TargetYear reads YearType.
func yearKind(ind app.Indicator) app.PeriodKind {
	if ind.YearType == app.AcademicYear {
		return app.AcademicYear
	}
	return app.FinancialYear
}

func yearKindName(k app.PeriodKind) string {
	switch k {
	case app.FinancialYear:
		return "financial year"
	case app.AcademicYear:
		return "academic year"
	}
	return "year"
}
