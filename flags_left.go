package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/brief"
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
	// counted says what each of refs counts: a measure of schools or
	// pupils has its figures as published, not all children's with the
	// cohorts counted (brief.AllLabel).
	counted map[string]app.Counted
	who     string // the cohorts, in words: "UASC and OLA"
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
		ind, _ := v.h.Indicator(k.Ref)
		left.flags = append(left.flags, trend.Flag{Ref: k.Ref, Area: k.Area, Period: period[k], Kind: trend.CannotExclude,
			Detail: "cannot be worked out excluding " + who + "; " + brief.AllLabel(ind, v.excluded) + ": " + strings.Join(byKey[k], "; ")})
	}
	area := v.auth.Area()
	left.counted = map[string]app.Counted{}
	for _, ind := range v.h.Indicators() {
		k := app.SeriesKey{Ref: ind.Ref, Area: area}
		if !cannotExclude(v.h, k, p) {
			continue
		}
		left.refs = append(left.refs, ind.Ref)
		left.counted[ind.Ref] = ind.Counts()
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
// assessed excluding the cohorts, so the list is not read as complete,
// and which figures their flags are of: all children's, the cohorts
// counted, or for a measure of schools or pupils, as published.
func printLeft(e *env, v *view, left leftFlags) error {
	if len(left.refs) == 0 || e.json {
		return nil
	}
	var flagged, published, quiet, quietPublished []string
	for _, r := range left.refs {
		q := slices.Contains(left.quiet, r)
		switch c := left.counted[r]; {
		case q && c.NotChildren:
			quietPublished = append(quietPublished, r)
		case q:
			quiet = append(quiet, r)
		case c.NotChildren:
			published = append(published, r)
		default:
			flagged = append(flagged, r)
		}
	}
	s := fmt.Sprintf("\nNot assessed excluding %s (cannot exclude): %s", left.who, strings.Join(left.refs, ", "))
	switch {
	case len(flagged) > 0 && len(published) > 0:
		s += fmt.Sprintf("; their flags above, of kind cannot-exclude, are all children's, %s counted, but %s's are as published (%s)",
			left.who, andRefs(published), measuresOf(published, left))
	case len(flagged) > 0:
		s += fmt.Sprintf("; their flags above, of kind cannot-exclude, are all children's, %s counted", left.who)
	case len(published) > 0:
		s += fmt.Sprintf("; their flags above, of kind cannot-exclude, are as published (%s)", measuresOf(published, left))
	}
	if len(quiet) > 0 {
		s += fmt.Sprintf("; for all children, %s counted, nothing is flagged in %s", left.who, strings.Join(quiet, ", "))
	}
	if len(quietPublished) > 0 {
		s += fmt.Sprintf("; as published, nothing is flagged in %s (%s)", strings.Join(quietPublished, ", "), measuresOf(quietPublished, left))
	}
	_, err := fmt.Fprintln(e.out, s+". This is not an all-clear for them.")
	return err
}

// measuresOf says what refs count, to which no split of left's cohorts
// applies: "a measure of pupils, to which no UASC split applies",
// "measures of schools and pupils, ...".
func measuresOf(refs []string, left leftFlags) string {
	var nouns []string
	for _, r := range refs {
		if n := left.counted[r].Noun; !slices.Contains(nouns, n) {
			nouns = append(nouns, n)
		}
	}
	what := "a measure of "
	if len(refs) > 1 {
		what = "measures of "
	}
	return what + andRefs(nouns) + ", to which no " + left.who + " split applies"
}

// andRefs joins words as a list in English: "ED01, ED03 and ED04".
func andRefs(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
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
