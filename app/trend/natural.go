package trend

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"scorecard/app"
)

// bounds is the range a measure's figures can take, which an XmR chart's
// process limits are cut to: a limit past it would promise a signal no
// figure can give. NHSRplotthedots cuts nothing unless told a floor; the
// app cuts where the measure itself cannot go.
type bounds struct{ lo, hi float64 }

// natural returns the range the figures of indicator ind can take, given
// the figures its series holds (vals where has): 0 to 100 for a
// percentage, nothing below 0 for a count, rate or duration, no bound for
// anything else. A measure that can fall below zero (a change, a
// difference, a gap, a net figure) has no floor, and a signed percentage
// (a change in percentage points) only -100. Without this, the demo's
// change in children in care since last year, its figures -35 to 0 and
// its mean -16, had its lower limit cut to 0, above its own mean, and 23
// of its 24 months were flagged below the lower limit.
//
// A figure the series holds is never outside the range: one past 100 (a
// percentage of a plan, which can exceed it) lifts the ceiling, and a
// negative figure shows the measure is signed, whatever its name.
func natural(ind app.Indicator, vals []float64, has []bool) bounds {
	lo, hi := math.Inf(-1), math.Inf(1)
	switch u := ind.Unit; {
	case u == app.Percent:
		lo, hi = 0, 100
	case u == app.Number, u == app.Per10k, u == app.Days, u == app.Weeks, u.OtherRate():
		lo = 0
	}
	if math.IsInf(lo, -1) && math.IsInf(hi, 1) {
		return bounds{lo, hi}
	}
	least, most := math.Inf(1), math.Inf(-1)
	for i, ok := range has {
		if ok {
			least, most = min(least, vals[i]), max(most, vals[i])
		}
	}
	if least < 0 || signedMeasure(ind) {
		if ind.Unit == app.Percent {
			lo = -100
		} else {
			lo = math.Inf(-1)
		}
	}
	// A figure past a bound shows the measure is not what its unit says:
	// it keeps no bound on that side.
	if least < lo {
		lo = math.Inf(-1)
	}
	if most > hi {
		hi = math.Inf(1)
	}
	return bounds{lo, hi}
}

// signedWords are the words of an indicator's name that make it a
// measure that can fall below zero: "Change in children in care since
// last year", "Net gain of foster carers", "Attainment gap", "Variance
// from budget". Plurals are left out on purpose: "placement changes" are
// counted, not signed.
var signedWords = []string{"change", "difference", "net", "gap", "variance", "variation", "balance", "surplus", "deficit"}

// countOpeners begin a name that counts or shares out things, however the
// things are named: "Number of children with a change of social worker"
// counts children, and "% of reviews with a gap over 6 months" is a
// share.
var countOpeners = []string{"number of ", "no. of ", "count of ", "# of ", "% of ", "percentage of ", "proportion of "}

// objectWords, before a signed word, make it the thing described rather
// than the measure: "Children who had a change of school".
var objectWords = []string{"with", "who", "had", "having", "whose", "without"}

// signedMeasure reports whether an indicator's own definition says its
// figures can fall below zero: its name is a change, a difference, a gap
// or a net figure, or its guidance says a figure can be negative ("...;
// negative when numbers have fallen"). The name's words are matched whole.
func signedMeasure(ind app.Indicator) bool {
	if guidanceSigned(ind.Guidance) {
		return true
	}
	name := strings.ToLower(strings.TrimSpace(ind.Name))
	for _, o := range countOpeners {
		if strings.HasPrefix(name, o) {
			return false
		}
	}
	for _, w := range strings.FieldsFunc(name, notWordRune) {
		switch {
		case slices.Contains(objectWords, w):
			return false
		case slices.Contains(signedWords, w):
			return true
		}
	}
	return false
}

// guidanceSigned reports whether guidance says the figures can be
// negative. Only a statement about the figure counts: guidance mentions
// "negative" outcomes and "changes" in circumstance freely.
func guidanceSigned(g string) bool {
	g = strings.ToLower(g)
	for _, p := range []string{"negative when", "negative if", "negative where", "can be negative", "may be negative",
		"is negative", "are negative", "negative figure", "negative value", "negative number", "positive or negative",
		"negative or positive", "minus sign"} {
		if strings.Contains(g, p) {
			return true
		}
	}
	return false
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' }
