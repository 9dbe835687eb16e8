package trend

import (
	"math"
	"strconv"
	"strings"

	"scorecard/app"
)

// formatValue writes v as the scorecard shows it: "11.7%", "1,896",
// "53 per 10k", "23 days".
func formatValue(ind app.Indicator, v float64) string {
	s := formatNumber(v, ind.Decimals)
	switch ind.Unit {
	case app.Percent:
		return s + "%"
	case app.Per10k:
		return s + " per 10k"
	case app.Days, app.Weeks:
		return s + " " + string(ind.Unit)
	}
	return s
}

// formatChange writes the size of a change, unsigned, in the unit's own
// terms: percentage points for a percentage, never "%".
func formatChange(ind app.Indicator, d float64) string {
	s := formatNumber(math.Abs(d), ind.Decimals)
	switch ind.Unit {
	case app.Percent:
		return s + " pp"
	case app.Per10k:
		return s + " per 10k"
	case app.Days, app.Weeks:
		return s + " " + string(ind.Unit)
	}
	return s
}

// formatNumber rounds v as Excel does and groups thousands with commas.
func formatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(app.RoundTo(v, decimals), 'f', max(decimals, 0), 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// formatPerChild writes what one child is worth with two significant
// figures at least, so that 0.053 pp does not print as 0.1 pp.
func formatPerChild(ind app.Indicator, step float64) string {
	d := 1
	if step > 0 && step < 1 {
		d = int(math.Ceil(-math.Log10(step))) + 1
	}
	return formatChange(app.Indicator{Unit: ind.Unit, Decimals: d}, step)
}

// unitWord names the unit a change is counted in: "pp" for a percentage.
func unitWord(u app.Unit) string {
	if u == app.Percent {
		return "pp"
	}
	return string(u)
}

// periodWord names n periods of kind k: "month", "4 months", "quarter".
func periodWord(k app.PeriodKind, n int) string {
	w := "year"
	switch k {
	case app.Month:
		w = "month"
	case app.Quarter:
		w = "quarter"
	}
	if n == 1 {
		return w
	}
	return strconv.Itoa(n) + " " + w + "s"
}
