package main

import (
	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// publishedAs returns, for the flags of v, which figure a flag gives
// where it is the one published rather than one worked out without the
// cohorts v excludes: "a measure of social workers, shown as published
// (no UASC split applies)" (cohort.Published), as the brief and the pack
// label the same measure. "" for any other flag, and for every flag
// where no cohort is excluded. A cannot-exclude flag of such a measure
// gives its figures as published too (brief.AllLabel says so in its
// detail).
func publishedAs(v *view) func(trend.Flag) string {
	return func(f trend.Flag) string {
		if len(v.excluded) == 0 {
			return ""
		}
		ind, ok := v.h.Indicator(f.Ref)
		if !ok {
			return ""
		}
		if w := cohort.Published(v.h, ind, f.Area, v.excluded); w != "" {
			return w
		}
		if c := ind.Counts(); f.Kind == trend.CannotExclude && c.NotChildren {
			return cohort.AsPublished(c, v.excluded)
		}
		return ""
	}
}

// publishedNotes is publishedAs for the notes of indicators off the
// period's cycle (trend.OffCycleNotes): of v's own area.
func publishedNotes(v *view) func(app.Indicator) string {
	return func(ind app.Indicator) string {
		return cohort.Published(v.h, ind, v.area, v.excluded)
	}
}

// labelledDetail is f's detail as the text of flags gives it: after
// textLabel's words.
func labelledDetail(f trend.Flag, as func(trend.Flag) string) string {
	if w := textLabel(f, as); w != "" {
		return w + ": " + f.Detail
	}
	return f.Detail
}

// textLabel is what the text of flags says before f's detail
// (publishedAs), "" where the detail says it already, as a
// cannot-exclude flag's does.
func textLabel(f trend.Flag, as func(trend.Flag) string) string {
	if f.Kind == trend.CannotExclude {
		return ""
	}
	return as(f)
}

// groupLabel is what the ranked text of flags says after the name of g's
// indicator: the textLabel every flag of g shares, so that the flags it
// counts rather than lists are said to be of the published figure too.
// "" where they do not all share one; each line listed then says its own.
func groupLabel(g trend.FlagGroup, as func(trend.Flag) string) string {
	var label string
	for i, f := range g.Flags {
		w := textLabel(f.Flag, as)
		if w == "" || i > 0 && w != label {
			return ""
		}
		label = w
	}
	return label
}

// noLabel is publishedAs for lines whose heading has said it.
func noLabel(trend.Flag) string { return "" }
