package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/trend"
)

// leftFlags is what flags excluding cohorts could not assess: a series
// whose figure for the period cannot be worked out without them has no
// flags excluding them, so all children's flags for it are given as one
// flag of kind trend.CannotExclude, and the authority's indicators that
// cannot be assessed are counted, so that "No flags." is never said of
// figures nobody could flag.
type leftFlags struct {
	flags []trend.Flag
	// refs are the indicators whose authority-wide figure cannot be
	// assessed, in scorecard order; quiet those with no flag for all
	// children either.
	refs, quiet []string
	who         string // the cohorts, in words: "UASC and OLA"
}

// cannotExcludeFlags works out leftFlags for v, flagged as trend.Flags
// flags v.h (opt, v.period).
func cannotExcludeFlags(v *view, opt trend.Options) leftFlags {
	var left leftFlags
	if len(v.excluded) == 0 {
		return left
	}
	p := v.period
	if p.IsZero() {
		p = v.h.Latest()
	}
	who := cohortWords(v.excluded)
	left.who = who
	byKey := map[app.SeriesKey][]string{}
	var keys []app.SeriesKey
	var period = map[app.SeriesKey]app.Period{}
	for _, f := range trend.Flags(v.all, v.period, opt) {
		k := app.SeriesKey{Ref: f.Ref, Area: f.Area}
		if !cannotExclude(v.h, k, f.Period) {
			continue
		}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
			period[k] = f.Period
		}
		said := f.Detail
		if w := kindWords(f.Kind); !strings.HasPrefix(said, w) {
			said = w + ": " + said // "RAG change: AMBER to GREEN", but not "special cause: special cause, ..."
		}
		byKey[k] = append(byKey[k], said)
	}
	for _, k := range keys {
		left.flags = append(left.flags, trend.Flag{Ref: k.Ref, Area: k.Area, Period: period[k], Kind: trend.CannotExclude,
			Detail: "cannot be worked out excluding " + who + "; for all children, " + who + " counted: " + strings.Join(byKey[k], "; ")})
	}
	area := v.auth.Area()
	for _, ind := range v.h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: area}
		if !cannotExclude(v.h, k, p) {
			continue
		}
		left.refs = append(left.refs, ind.Ref)
		if _, flagged := byKey[k]; !flagged {
			left.quiet = append(left.quiet, ind.Ref)
		}
	}
	return left
}

// cannotExclude reports whether series k's figure reported in period p
// (its own, or a longer period's ending with it) cannot be worked out
// without the cohorts h excludes.
func cannotExclude(h *app.History, k app.SeriesKey, p app.Period) bool {
	s := h.Series(k)
	for i := len(s) - 1; i >= 0; i-- {
		if app.ReportedIn(s[i].Period, p) {
			return s[i].Status == app.CannotExclude
		}
	}
	return false
}

// mergeFlags puts the flags of more among flags in scorecard order:
// indicator, then the authority before its districts.
func mergeFlags(h *app.History, flags, more []trend.Flag) []trend.Flag {
	if len(more) == 0 {
		return flags
	}
	order := map[string]int{}
	for i, ind := range h.Indicators() {
		order[ind.Ref] = i
	}
	area := func(a app.Area) int {
		if i, ok := app.AreaOrder(a); ok {
			return i
		}
		return len(app.Areas) + 1
	}
	out := append(slices.Clip(flags), more...)
	slices.SortStableFunc(out, func(a, b trend.Flag) int {
		return cmp.Or(cmp.Compare(order[a.Ref], order[b.Ref]), cmp.Compare(area(a.Area), area(b.Area)))
	})
	return out
}

// printLeft says, after the ranked flags, which indicators could not be
// assessed excluding the cohorts, so the list is not read as complete.
func printLeft(e *env, v *view, left leftFlags) error {
	if len(left.refs) == 0 || e.json {
		return nil
	}
	s := fmt.Sprintf("\nNot assessed excluding %s (cannot exclude): %s", left.who, strings.Join(left.refs, ", "))
	if len(left.quiet) < len(left.refs) {
		s += fmt.Sprintf("; their flags above, of kind cannot-exclude, are all children's, %s counted", left.who)
	}
	if len(left.quiet) > 0 {
		s += fmt.Sprintf("; for all children, %s counted, nothing is flagged in %s", left.who, strings.Join(left.quiet, ", "))
	}
	_, err := fmt.Fprintln(e.out, s+". This is not an all-clear for them.")
	return err
}

// cohortWords names cohorts for a sentence: "UASC and OLA".
func cohortWords(cs []app.Cohort) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = strings.ToUpper(string(c))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
