package export

import (
	"fmt"
	"slices"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
)

// withheldComment stands in a circulated workbook for a comment that
// quotes a figure the release withheld: "Down to 3 children this month"
// beside a c gives the 3 away.
func withheldComment(quote string, p app.Period) string {
	return fmt.Sprintf("Comment withheld: it quotes %s, the %s figure, which is suppressed to protect individuals (c)", quote, p.Label())
}

// withheldCommentWarning is the export's warning for a comment withheld.
func withheldCommentWarning(ref string, at app.Period, quote string, p app.Period) string {
	return fmt.Sprintf("%s %s commentary withheld: it quotes %s, the %s figure, which the export suppresses; reword the comment without it to circulate it", ref, at.Label(), quote, p.Label())
}

// seriesPair is a series before a release and as released.
type seriesPair struct{ before, released []app.Observation }

// quotesWithheld returns the number text quotes that is a figure the
// release withheld from one of the series, for one of the periods shown,
// and that figure's period.
func quotesWithheld(text string, shown []app.Period, pairs ...seriesPair) (quote string, p app.Period, ok bool) {
	for _, sp := range pairs {
		for _, p := range disclosure.Withheld(sp.before, sp.released) {
			if !slices.Contains(shown, p) {
				continue
			}
			i := slices.IndexFunc(sp.before, func(o app.Observation) bool { return o.Period == p })
			if i < 0 {
				continue
			}
			if q, ok := cohort.Quotes(text, sp.before[i]); ok {
				return q, p, true
			}
		}
	}
	return "", app.Period{}, false
}

// withheldQuote is a figure a comment quotes that the release withheld:
// the number as quoted and the figure's period.
type withheldQuote struct {
	quote  string
	period app.Period
}

// commentQuoting finds whether the comment on the series k (all
// children's) for period quotes a figure the release withheld from it
// among the months shown: figures is the history before the release,
// released after.
func commentQuoting(figures, released *app.History, k app.SeriesKey, period app.Period, shown []app.Period) (withheldQuote, bool) {
	c, _, ok := figures.CommentFor(k.Ref, k.Area, k.Split, period)
	if !ok {
		return withheldQuote{}, false
	}
	q, p, ok := quotesWithheld(c.Text, shown, seriesPair{figures.Series(k), released.Series(k)})
	return withheldQuote{q, p}, ok
}

// commentQuotesWithheld reports whether a comment on the series k (of
// the figures exported) quotes a figure the release withheld from it, or
// from all children's series beside it, for one of the periods shown.
func (b *book) commentQuotesWithheld(k app.SeriesKey, text string, shown []app.Period) (quote string, p app.Period, ok bool) {
	if b.quotesWithheld != nil {
		// Read an indicator at a time: all children's figures, the
		// comment's found as they were read.
		q, ok := b.quotesWithheld[k.Ref]
		return q.quote, q.period, ok
	}
	if b.figures == nil || b.all == nil {
		return "", app.Period{}, false
	}
	all := app.SeriesKey{Ref: k.Ref, Area: k.Area}
	return quotesWithheld(text, shown,
		seriesPair{b.figures.Series(k), b.h.Series(k)},
		seriesPair{b.all.Series(all), b.base.Series(all)})
}
