package cohort

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"scorecard/app"
)

// quoted finds the numbers a comment quotes: "1,930", "45.2%", "-3".
var quoted = regexp.MustCompile(`-?\d[\d,]*(?:\.\d+)?`)

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
	same := func(a *float64, v float64, decimals int) bool {
		return a != nil && app.RoundTo(*a, decimals) == app.RoundTo(v, decimals)
	}
	for _, m := range quoted.FindAllString(text, -1) {
		v, err := strconv.ParseFloat(strings.ReplaceAll(m, ",", ""), 64)
		if err != nil {
			continue
		}
		decimals := 0
		if _, frac, ok := strings.Cut(m, "."); ok {
			decimals = len(frac)
		}
		quotesOther := same(other.Value, v, decimals) || same(other.Numerator, v, 0) || same(other.Denominator, v, 0)
		quotesShown := shown.Status == app.OK && (same(shown.Value, v, decimals) || same(shown.Numerator, v, 0) || same(shown.Denominator, v, 0))
		if quotesOther && !quotesShown {
			got := string(shown.Status)
			if v, ok := shown.Figure(); ok {
				got = app.FormatValue(ind, v)
			}
			return fmt.Sprintf("the comment quotes %s, the figure for %s; the figure it is shown beside is %s",
				m, strings.ToLower(other.Split.Label()), got)
		}
	}
	return ""
}
