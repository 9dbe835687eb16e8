package export

import (
	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// figureAt is one figure of a series.
type figureAt struct {
	key    app.SeriesKey
	period app.Period
}

// disagreement returns the note for a figure excluding the cohorts that
// is the source's own and disagrees with all children's figures minus
// the cohorts' (cohort.Disagreement), naming both figures and which one
// is shown; "" for any other figure. The export's warnings and its
// Provenance sheet say it, but the figure is circulated on the
// Scorecard, where it is read. The disagreements are worked out once,
// and only where the exclusion warned of anything: each is among its
// warnings. They are worked out from the figures as circulated, so that
// a note never gives a figure suppression withheld.
func (b *book) disagreement(k app.SeriesKey, p app.Period) string {
	if len(b.opt.Exclude) == 0 {
		return ""
	}
	if b.disagreements == nil {
		b.disagreements = map[figureAt]string{}
		if len(b.sum.Warnings) > 0 {
			_, _, ds := cohort.ExcludeNoted(b.base, b.opt.Exclude, b.opt.authority())
			for _, d := range ds {
				at := figureAt{app.SeriesKey{Ref: d.Ref, Area: d.Area, Split: app.All}, d.Period}
				b.disagreements[at] = "Check this figure: " + d.Note() + ". The figure shown is the source's own; the app's, worked out from the figures for all children and the cohort, differs."
			}
		}
	}
	return b.disagreements[figureAt{k, p}]
}

// clashNote is the note on a quarter's or year's figure shown in the
// column of the month that ends it where the store gives the period
// itself another figure (trend.Clash: DfE's published year beside the
// scorecard's March figure): the sheet shows the month's figure, and
// the other must not go unsaid (QA24a D11). "" where there is none, or
// the two agree.
func clashNote(h *app.History, k app.SeriesKey, ind app.Indicator, p app.Period) string {
	for _, c := range trend.Clashes(h, k) {
		if c.Kept.Period == p && !c.Agree(ind) {
			return "Check this figure: " + c.Text(ind) + "."
		}
	}
	return ""
}
