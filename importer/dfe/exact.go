package dfe

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"scorecard/app"
)

// The DfE publishes a percentage rounded, often to a whole number, beside
// the count and the total it is worked from: Kent's 221 of 1,896 children
// with three or more placements is published as 12. Kept as 12, the
// figure would show as "12.0" and its direction of travel would follow the
// rounding ("same" for 12.5% to 13.2%). So a proportion whose published
// figure is its numerator over its denominator, rounded to the places the
// file shows, is kept at full precision (11.66%): it is the published
// figure, less the rounding. One that disagrees beyond rounding is kept as
// published, with a warning at its row. A rate per 10,000 published beside
// its count and population is kept so for the same reasons (Kent's 1,896
// children in care of 355,390, published as 53, is 53.35), and because a
// figure excluding a cohort is worked out exactly from them: beside a
// rounded all-children rate, the difference would mix the rounding into
// the cohort's share.
//
// Only the home authority's own figures are made exact. The DfE rounds
// England's and the regions' counts to the nearest 10 (England's 8,500 of
// 81,770), so their ratios do not give their percentages; and ranks and
// neighbour averages are kept on the published figures, as the DfE's own
// tools (LAIT) work them out.

// exactRatio returns a proportion's numerator over its denominator as a
// percentage, or a rate's per 10,000, and whether the published value is
// that, rounded to the decimal places its text shows. ok is false where
// there is nothing to compare: another measure or unit, a status code, or
// a part missing or zero.
func exactRatio(ind app.Indicator, val, num, den *figure) (exact float64, agrees, ok bool) {
	per := perOf(ind)
	if per == 0 {
		return 0, false, false
	}
	v, okV := val.figure()
	n, okN := num.figure()
	d, okD := den.figure()
	if !okV || !okN || !okD || d == 0 {
		return 0, false, false
	}
	exact = n / d * per
	places := textPlaces(val.Raw)
	if places < 0 {
		return exact, false, true
	}
	tol := 0.5*math.Pow(10, -float64(places)) + 1e-9
	return exact, math.Abs(exact-v) <= tol, true
}

// asFraction reports whether val, which its numerator over its
// denominator (exact, per perOf) does not give, gives them as a fraction
// of one at its places: 0.69 for 321 of 468, 68.59%. A file re-saved
// with its percentages as fractions has every figure of the column so,
// the benchmarks' too, which nothing else checks.
func asFraction(ind app.Indicator, val *figure, exact float64) bool {
	v, ok := val.figure()
	places := textPlaces(val.Raw)
	if !ok || places < 0 || perOf(ind) != 100 || v > 1 {
		return false
	}
	tol := 0.5*math.Pow(10, -float64(places)) + 1e-9
	return math.Abs(exact/100-v) <= tol
}

// perOf is what an indicator's numerator over its denominator is
// multiplied by to give its figure: 100 for a proportion, 10,000 for a
// rate per 10,000; 0 for any other.
func perOf(ind app.Indicator) float64 {
	switch {
	case ind.Measure == app.Proportion:
		return 100
	case ind.Measure == app.Rate && ind.Unit == app.Per10k:
		return 10000
	}
	return 0
}

// ratioText writes an exact figure as its indicator shows it: "11.66%",
// "53.35 per 10,000".
func ratioText(ind app.Indicator, x float64) string {
	if perOf(ind) == 100 {
		return fmt.Sprintf("%.2f%%", x)
	}
	return fmt.Sprintf("%.2f per 10,000", x)
}

// textPlaces counts the decimal places a number's text shows: "12" none,
// "21.6" one. An exponent form gives -1: its precision is not shown.
func textPlaces(s string) int {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "eE") {
		return -1
	}
	_, frac, ok := strings.Cut(s, ".")
	if !ok {
		return 0
	}
	n := 0
	for n < len(frac) && frac[n] >= '0' && frac[n] <= '9' {
		n++
	}
	return n
}

// exactNote gathers, for one file, the indicators whose figures were made
// exact, to say so once.
type exactNote struct {
	refs    []string
	line    int    // the example's row
	example string // "2025 CIC05: 221 / 1896 = 11.66%, published 12"
}

func (e *exactNote) add(ind app.Indicator, p app.Period, line int, val, num, den *figure, exact float64) {
	ref := ind.Ref
	if slices.Contains(e.refs, ref) {
		return
	}
	e.refs = append(e.refs, ref)
	if e.example == "" {
		e.line = line
		e.example = fmt.Sprintf("%s %s: %g / %g = %s, published %s", ref, p.Label(), num.Value, den.Value, ratioText(ind, exact), strings.TrimSpace(val.Raw))
	}
}

// warn says once what was done, naming the refs and an example.
func (e *exactNote) warn(home string, warn func(int, string, ...any)) {
	if len(e.refs) == 0 {
		return
	}
	refs := slices.Sorted(slices.Values(e.refs))
	warn(e.line, "%s's %s figures are kept at full precision, numerator over denominator (%s): the file publishes them rounded",
		home, strings.Join(refs, ", "), e.example)
}
