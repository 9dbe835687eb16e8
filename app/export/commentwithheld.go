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

// commentQuotesWithheld reports whether a comment on the series k (of
// the figures exported) quotes a figure the release withheld from it, or
// from all children's series beside it, for one of the periods shown.
func (b *book) commentQuotesWithheld(k app.SeriesKey, text string, shown []app.Period) (quote string, p app.Period, ok bool) {
	before, beforeAll := b.figures, b.all
	if b.unreleased != nil {
		before, beforeAll = b.unreleased, b.unreleased
	}
	if before == nil || beforeAll == nil {
		return "", app.Period{}, false
	}
	all := app.SeriesKey{Ref: k.Ref, Area: k.Area}
	return quotesWithheld(text, shown,
		seriesPair{before.Series(k), b.h.Series(k)},
		seriesPair{beforeAll.Series(all), b.base.Series(all)})
}
