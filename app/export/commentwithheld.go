package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

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
func commentQuoting(figures, released *app.History, k app.SeriesKey, period app.Period, shown []app.Period, auth *app.Authority) (withheldQuote, bool) {
	c, _, ok := figures.CommentFor(k.Ref, k.Area, k.Split, period)
	if !ok {
		return withheldQuote{}, false
	}
	q, p, ok := quotesWithheld(c.Text, shown, seriesPair{figures.Series(k), released.Series(k)})
	if !ok {
		q, p, ok = quotesNamedWithheld(c.Text, k, shown, auth, figures, released)
	}
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
	if q, p, ok := quotesWithheld(text, shown,
		seriesPair{b.figures.Series(k), b.h.Series(k)},
		seriesPair{b.all.Series(all), b.base.Series(all)}); ok {
		return q, p, true
	}
	if q, p, ok := quotesNamedWithheld(text, k, shown, b.opt.authority(), b.figures, b.h); ok {
		return q, p, true
	}
	return quotesNamedWithheld(text, all, shown, b.opt.authority(), b.all, b.base)
}

// clauseEnd ends a clause of a comment: a full stop, semicolon, question
// or exclamation mark before a space or the end (not a decimal point), or
// a line break.
var clauseEnd = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`[.;!?](?:\s|$)|\n`)
})

// quotesNamedWithheld returns the number a clause of text quotes that is
// the figure, withheld by the release, of another series of own's
// indicator the clause names: another area ("Dover had 3 starts and
// Ashford 2" on the county's row while Ashford's 2 is c) or a cohort
// ("2 of them UASC"). A county's narrative names its districts; the
// check on the row's own figures alone let theirs out (QA31 finding 7).
// figures are the history before the release, released after.
func quotesNamedWithheld(text string, own app.SeriesKey, shown []app.Period, auth *app.Authority, figures, released *app.History) (quote string, p app.Period, ok bool) {
	for _, clause := range clauseEnd().Split(text, -1) {
		areas := auth.AreasIn(clause)
		for _, k := range figures.Keys() {
			if k.Ref != own.Ref || k == own {
				continue
			}
			c, cohort := k.Split.Cohort()
			switch {
			case k.Area != own.Area && !slices.Contains(areas, k.Area),
				cohort && !cohortNamed(clause, c),
				k.Area == own.Area && !cohort: // the row's own: quotesWithheld's
				continue
			}
			if q, p, ok := quotesWithheld(clause, shown, seriesPair{figures.Series(k), released.Series(k)}); ok {
				return strings.TrimRight(q, ",") + " for " + whoseFigure(k), p, true
			}
		}
	}
	return "", app.Period{}, false
}

// whoseFigure names a series' children in a withheld comment's line:
// "Ashford", "Kent (UASC only)".
func whoseFigure(k app.SeriesKey) string {
	if k.Split == app.All {
		return string(k.Area)
	}
	return string(k.Area) + " (" + k.Split.Label() + ")"
}

// cohortNamed reports whether clause names cohort c by its words as
// whole words ("uasc", "ola", "former uasc"), UASC also as "asylum".
func cohortNamed(clause string, c app.Cohort) bool {
	words := strings.FieldsFunc(strings.ToLower(clause), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if c == app.UASC && slices.Contains(words, "asylum") {
		return true
	}
	for _, w := range strings.Split(string(c), "-") {
		if !slices.Contains(words, w) {
			return false
		}
	}
	return true
}
