package app

import (
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes v rounded to decimals places as Excel rounds, with
// thousands grouped by commas: "1,896", "11.7", "-0.4".
func FormatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(RoundTo(v, decimals), 'f', max(decimals, 0), 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
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

// FormatValue writes a figure as the scorecard shows it, with its unit:
// "11.7%", "1,896", "53.3 per 10k", "23 days", "1 day".
func FormatValue(ind Indicator, v float64) string {
	return withUnit(FormatNumber(v, ind.Decimals), ind.Unit, "%")
}

// FormatChange writes the size of a change, unsigned, in the unit's own
// terms: "0.4 pp" for a percentage, never "0.4%", which would read as a
// relative change; "3 days"; "1 week".
func FormatChange(ind Indicator, d float64) string {
	return withUnit(FormatNumber(math.Abs(d), ind.Decimals), ind.Unit, " pp")
}

// FormatPerChild writes how far one child moves a figure, unsigned, with
// at least two significant figures: one child in 1,896 is "0.053 pp", not
// "0.1 pp".
func FormatPerChild(ind Indicator, step float64) string {
	d := 1
	if step > 0 && step < 1 {
		d = int(math.Ceil(-math.Log10(step))) + 1
	}
	return FormatChange(Indicator{Unit: ind.Unit, Decimals: d}, step)
}

// ChangeUnit names what a change is counted in: "pp" for a percentage,
// else the unit itself.
func ChangeUnit(u Unit) string {
	if u == Percent {
		return "pp"
	}
	return string(u)
}

// withUnit appends the unit's words to a formatted number, singular for
// exactly one ("1 day"); percent is the given suffix ("%" for a figure,
// " pp" for a change).
func withUnit(n string, u Unit, percent string) string {
	switch u {
	case Percent:
		return n + percent
	case Per10k:
		return n + " per 10k"
	case Days, Weeks:
		word := string(u)
		if n == "1" {
			word = strings.TrimSuffix(word, "s")
		}
		return n + " " + word
	}
	if u.OtherRate() {
		return n + " " + string(u)
	}
	return n
}
