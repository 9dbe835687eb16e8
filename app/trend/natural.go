package trend

import (
	"math"
	"regexp"
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
// Figures below zero show a measure is signed only when there are two or
// more of them and its name does not say it counts or shares out children
// ("Number of ...", "(children)", "(% of children)"): one negative figure
// in a count is far likelier a keying error than a change, and unclipping
// for it would give every later month of a count of children a negative
// lower limit. Left clipped, the figure stands below the lower limit and
// is flagged as special cause, which is where an error should show. A
// figure past 100 (a percentage of a plan, which can exceed it) lifts the
// ceiling.
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
	least, most, negatives := math.Inf(1), math.Inf(-1), 0
	for i, ok := range has {
		if ok {
			least, most = min(least, vals[i]), max(most, vals[i])
			if vals[i] < 0 {
				negatives++
			}
		}
	}
	if signedMeasure(ind) || (negatives >= 2 && !countOfChildren(ind.Name)) {
		if ind.Unit == app.Percent {
			lo = -100
		} else {
			lo = math.Inf(-1)
		}
		// A signed percentage past -100 is not a percentage at all.
		if least < lo {
			lo = math.Inf(-1)
		}
	}
	if most > hi {
		hi = math.Inf(1)
	}
	return bounds{lo, hi}
}

// signedMeasure reports whether an indicator's own definition says its
// figures can fall below zero: its guidance says in as many words that a
// figure can be negative, or its name (unless it counts or shares out
// children) names the quantity measured as a difference: "Change in
// children in care since last year", "Net gain of foster carers",
// "Attainment gap", "Difference between Kent and England", "Variance from
// budget", "Care leavers in education +/-", "Children in care compared
// with last year". A change that is an event children experience ("Change
// of placement in the last 12 months", "Children experiencing a change of
// social worker") is counted, so not signed.
func signedMeasure(ind app.Indicator) bool {
	if guidanceSigned(ind.Guidance) {
		return true
	}
	name := strings.ToLower(strings.TrimSpace(ind.Name))
	if countOfChildren(name) {
		return false
	}
	if strings.Contains(name, "+/-") || strings.Contains(name, "±") || againstLastYear(name) {
		return true
	}
	words := strings.FieldsFunc(name, notWordRune)
	for i, w := range words {
		if slices.Contains(objectWords, w) {
			return false
		}
		if signedWord(ind.Unit, words, i) {
			return true
		}
	}
	return false
}

// countOpeners begin a name that counts or shares out things, however the
// things are named: "Number of children with a change of social worker"
// counts children, and "% of reviews with a gap over 6 months" is a
// share.
var countOpeners = []string{"number of ", "no. of ", "count of ", "# of ", "% of ", "percentage of ", "proportion of "}

// childUnits, in brackets in a name, give it as a count or share of
// children or young people: "Change of social worker in the last 6
// months (children)".
var childUnits = []string{"children", "child", "young people", "number", "no.", "count", "number of children",
	"no. of children", "% of children", "% children", "percentage of children", "% of young people"}

// countOfChildren reports whether a name says it counts or shares out
// children or things, by how it opens or by the unit in its brackets,
// which no change, gap or net figure is.
func countOfChildren(name string) bool {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, o := range countOpeners {
		if strings.HasPrefix(name, o) {
			return true
		}
	}
	for rest := name; ; {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			return false
		}
		rest = rest[open+1:]
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return false
		}
		if slices.Contains(childUnits, strings.TrimSpace(rest[:end])) {
			return true
		}
		rest = rest[end+1:]
	}
}

// objectWords, before a signed word, make it the thing described rather
// than the measure: "Children who had a change of school", "Children
// experiencing a change of placement".
var objectWords = []string{"with", "who", "had", "having", "whose", "without", "experiencing", "experienced",
	"receiving", "received", "undergoing", "needing", "requiring"}

// articles before "change", "difference" or "gap" make it one event or
// thing ("a change of placement", "made a difference"), not the quantity.
var articles = []string{"a", "an", "any", "no", "one", "each", "every"}

// changeLinks follow "change" where it is the quantity measured: "change
// in", "change since", "change from", "change on last year". "Change of"
// is an event (of placement, of social worker), and "change to" (a care
// plan) one too.
var changeLinks = []string{"in", "since", "from", "on", "over", "compared", "against", "vs", "versus", "between"}

// changeSpans, before a "change" that ends a name, make it the quantity:
// "Year-on-year change", "Annual change"; "Placement change" is an event.
var changeSpans = []string{"year", "annual", "yearly", "monthly", "quarterly", "month", "quarter", "net", "%",
	"percentage", "point", "points", "pp"}

// differenceLinks follow "difference" or "gap" where it is the quantity:
// "difference between Kent and England", "gap in attainment".
var differenceLinks = []string{"between", "in", "from", "to", "vs", "versus", "against", "with"}

// signedWord reports whether words[i] names the quantity measured as a
// signed one, read with the words either side of it.
func signedWord(unit app.Unit, words []string, i int) bool {
	var before, after string
	if i > 0 {
		before = words[i-1]
	}
	if i+1 < len(words) {
		after = words[i+1]
	}
	// "(pp)" or "percentage points" after the word gives the unit of a
	// difference, as the end of the name does.
	last := after == "" || after == "pp" || after == "percentage"
	switch words[i] {
	case "net", "variance", "balance", "surplus", "deficit":
		return true
	case "change":
		if slices.Contains(articles, before) {
			return false
		}
		return slices.Contains(changeLinks, after) || (last && (after != "" || slices.Contains(changeSpans, before)))
	case "difference", "gap":
		// A gap of days between visits is a duration, never negative.
		if slices.Contains(articles, before) || after == "of" || (words[i] == "gap" && (unit == app.Days || unit == app.Weeks)) {
			return false
		}
		return last || slices.Contains(differenceLinks, after)
	}
	return false
}

// againstLastYear reports whether a name measures against an earlier
// period: "compared with last year", "on the same month last year", "vs
// previous quarter". A name about last year's plan is not one.
func againstLastYear(name string) bool {
	m := lastYearPattern.FindAllStringSubmatchIndex(name, -1)
	for _, at := range m {
		if end := at[1]; end >= len(name) || name[end] != '\'' {
			return true
		}
	}
	return false
}

var lastYearPattern = regexp.MustCompile(`\b(?:compared (?:with|to)|vs\.?|versus|against|on) (?:the )?(?:last|previous|prior|same (?:month|quarter|period) last) (?:year|month|quarter)\b`)

// guidanceSigned reports whether guidance says in as many words that the
// figures can be negative. Only a statement about the figure counts:
// guidance says a rise or a fall "is negative" (bad) for children, and
// speaks of "negative outcomes", freely.
func guidanceSigned(g string) bool {
	g = strings.ToLower(g)
	for _, p := range []string{"can be negative", "may be negative", "could be negative", "can go negative",
		"can be below zero", "may be below zero", "can fall below zero", "may fall below zero", "can be less than zero",
		"may be less than zero", "negative figure", "negative value", "negative number", "minus sign", "minus figure"} {
		for rest := g; ; {
			at := strings.Index(rest, p)
			if at < 0 {
				break
			}
			rest = rest[at+len(p):]
			// "... can be negative for children" is a judgement, not a sign.
			if !strings.HasPrefix(strings.TrimLeft(rest, " s"), "for ") {
				return true
			}
		}
	}
	return false
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%' }
