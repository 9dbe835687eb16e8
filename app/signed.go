package app

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Signed reports whether the indicator's own definition says its figures
// can fall below zero, as a change, net figure, gap or difference does:
// its guidance says in as many words that a figure can be negative, or its
// name (unless it counts or shares out children, NamedAsCount) names the
// quantity measured as a difference: "Change in children in care since
// last year", "Net gain of foster carers",
// "Attainment gap", "Difference between Kent and England", "Variance from
// budget", "Care leavers in education +/-", "Children in care compared
// with last year". A change that is an event children experience ("Change
// of placement in the last 12 months", "Children experiencing a change of
// social worker") is counted, so not signed.
//
// It is the one rule for what is a change: SPC leaves a signed measure's
// lower limit uncut (package trend), and disclosure control takes a
// signed count for a change, which counts no children (package
// disclosure). The sign of the figures never makes a measure signed
// here: a negative figure in a count is a keying error.
func (ind Indicator) Signed() bool {
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
func signedWord(unit Unit, words []string, i int) bool {
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
		if slices.Contains(articles, before) || after == "of" || (words[i] == "gap" && (unit == Days || unit == Weeks)) {
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
	m := lastYearPattern().FindAllStringSubmatchIndex(name, -1)
	for _, at := range m {
		if end := at[1]; end >= len(name) || name[end] != '\'' {
			return true
		}
	}
	return false
}

var lastYearPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:compared (?:with|to)|vs\.?|versus|against|on) (?:the )?(?:last|previous|prior|same (?:month|quarter|period) last) (?:year|month|quarter)\b`)
})

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

// NamedAsCount reports whether the indicator's name says it counts or
// shares out children or things, by how it opens ("Number of", "% of")
// or by the unit in its brackets ("(children)", "(% of children)"), which
// no change, gap or net figure does. Such a measure is never Signed, and
// negative figures in it are errors, not a sign.
func (ind Indicator) NamedAsCount() bool { return countOfChildren(ind.Name) }
