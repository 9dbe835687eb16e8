package cohort

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"scorecard/app"
)

// quoted finds the numbers a comment quotes: "1,930", "45.2%", "-3".
var quoted = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`-?\d[\d,]*(?:\.\d+)?`)
})

// Misquoted reviews a comment shown beside figure shown (the row's figure
// for its cohort set) when the comment also quotes other, a figure of the
// same indicator, area and month for another cohort set (all children's,
// beside figures excluding UASC): it returns a warning naming both when
// the comment quotes other's value, numerator or denominator at the
// indicator's displayed precision and that is not shown's, else "". A
// comment on all children's figures that says "1,930 children in care"
// beside the figure excluding UASC, 1,468, would otherwise be read as
// being about it.
func Misquoted(ind app.Indicator, text string, shown, other app.Observation) string {
	if other.Status != app.OK {
		return ""
	}
	for _, q := range quotes(text) {
		if q.of(other) && !(shown.Status == app.OK && q.of(shown)) {
			got := shown.Status.String()
			if v, ok := shown.Figure(); ok {
				got = app.FormatValue(ind, v)
			}
			return fmt.Sprintf("the comment quotes %s, the figure for %s; the figure it is shown beside is %s",
				q.text, strings.ToLower(other.Split.Label()), got)
		}
	}
	return ""
}

// Quotes returns the number text quotes that is o's value (to the places
// it is quoted to), numerator or denominator, if it quotes one: a comment
// saying "down to 3 children" gives away a figure of 3 withheld beside it.
func Quotes(text string, o app.Observation) (string, bool) {
	if o.Status != app.OK {
		return "", false
	}
	for _, q := range quotes(text) {
		if q.of(o) {
			return q.text, true
		}
	}
	return "", false
}

// quote is a number a comment quotes, with the places it is quoted to.
type quote struct {
	text     string
	v        float64
	decimals int
}

// quotes are the numbers text quotes.
func quotes(text string) []quote {
	var qs []quote
	for _, m := range quoted().FindAllString(text, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64)
		if err != nil {
			continue
		}
		decimals := 0
		if _, frac, ok := strings.Cut(m, "."); ok {
			decimals = len(frac)
		}
		qs = append(qs, quote{m, v, decimals})
	}
	return qs
}

// of reports whether q is o's value at q's places, or o's numerator or
// denominator.
func (q quote) of(o app.Observation) bool {
	same := func(a *float64, decimals int) bool {
		return a != nil && app.RoundTo(*a, decimals) == app.RoundTo(q.v, decimals)
	}
	return same(o.Value, q.decimals) || same(o.Numerator, 0) || same(o.Denominator, 0)
}
