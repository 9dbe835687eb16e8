// Package refclash judges whether a file that files its figures under
// fixed refs (a DfE statistics file through its mapping, a child-level
// list's CIC01, CIC05 and CIC12) would file them under a ref the store
// already defines as another measure: a council's own CIC01 "% of
// children in care in foster placements" where a list files a count of
// children in care. Such figures would replace the council's published
// ones as "revisions" of a different measure, so the readers leave them
// out and say why.
package refclash

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"scorecard/app"
)

// A Clash is an indicator a file would file figures under, whose ref the
// store already defines as another measure.
type Clash struct {
	// Ind is the indicator as the file would file it; Stored is the
	// store's definition of its ref.
	Ind, Stored app.Indicator
	// Differs says how the definitions disagree: `unit "count", not "%"`.
	Differs []string
}

// A Judge says which differences between two definitions of a ref make
// them different measures. The zero Judge looks at unit, measure and
// name only: polarity, data period, places and the rest may differ, as
// the DfE's annual figure of the council's monthly measure does.
type Judge struct {
	// Polarity also counts as a clash two definitions one of which has
	// higher as better and the other lower: figures that read the other
	// way round ("% with 3 or more placements" against "% with fewer
	// than 3"), which the name's words alone may not show.
	Polarity bool
}

// Of compares ind with the store's definition of its ref, as an import
// reviews any file's definitions (app.ReviewDefinitions), and reports a
// clash where they measure different things: another unit or measure, a
// name that shares no word saying what is counted, or, where the judge
// asks, opposite polarities. A nil defined, or a ref it does not hold,
// is no clash.
func (j Judge) Of(ind app.Indicator, defined func(ref string) (app.Indicator, bool)) (Clash, bool) {
	if defined == nil {
		return Clash{}, false
	}
	stored, ok := defined(ind.Ref)
	if !ok {
		return Clash{}, false
	}
	c := Clash{Ind: ind, Stored: stored}
	review := app.ReviewDefinitions(&app.Dataset{Indicators: []app.Indicator{ind}}, func(string) (app.Indicator, bool) { return stored, true })
	for _, ch := range review.Changes {
		switch {
		case ch.Field == "unit" || ch.Field == "measure":
			c.Differs = append(c.Differs, fmt.Sprintf("%s %q, not %q", ch.Field, ch.New, ch.Old))
		case ch.Field == "name" && !SameSubject(ch.New, ch.Old):
			c.Differs = append(c.Differs, "names that share no word saying what is counted")
		case ch.Field == "polarity" && j.Polarity && opposed(ind.Polarity, stored.Polarity):
			c.Differs = append(c.Differs, fmt.Sprintf("polarity %q, not %q: one is better higher, the other lower", ch.New, ch.Old))
		}
	}
	return c, len(c.Differs) > 0
}

// opposed reports whether one polarity is higher-is-better and the other
// lower-is-better.
func opposed(a, b app.Polarity) bool {
	return a == app.HigherBetter && b == app.LowerBetter || a == app.LowerBetter && b == app.HigherBetter
}

// Differences is how the two definitions disagree, in words.
func (c Clash) Differences() string { return strings.Join(c.Differs, "; ") }

// UnitWords is an indicator's unit in words for a clash's message.
func UnitWords(ind app.Indicator) string {
	if ind.Unit == "" {
		return "no unit"
	}
	return string(ind.Unit)
}

// SameSubject reports whether two indicator names may name the same
// measure: unless both have words saying what is counted and they share
// none, they may. A name of generic words alone ("Number of children in
// care", "Rate per 10,000") says nothing against the other.
func SameSubject(a, b string) bool {
	wa, wb := SubjectWords(a), SubjectWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return true
	}
	for w := range wa {
		if wb[w] {
			return true
		}
	}
	return false
}

// genericWords say how a figure is counted or of whom, not what: every
// children's services measure has some.
var genericWords = map[string]bool{
	"and": true, "are": true, "for": true, "from": true, "into": true, "the": true, "than": true, "that": true,
	"their": true, "was": true, "were": true, "who": true, "with": true, "within": true, "more": true, "less": true,
	"all": true, "per": true, "number": true, "percentage": true, "percent": true, "proportion": true, "rate": true,
	"average": true, "total": true, "children": true, "child": true, "young": true, "people": true, "person": true,
	"care": true, "looked": true, "after": true, "year": true, "month": true, "last": true, "day": true,
	"week": true, "fte": true, "aged": true, "age": true, "under": true, "over": true, "excluding": true,
	"including": true, "uasc": true,
}

// SubjectWords are the words of a name saying what is counted, folded to
// lower case without a plural s; words with digits and short words are
// left out.
func SubjectWords(name string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(w) < 3 || strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			w = strings.TrimSuffix(w, "s")
		}
		if !genericWords[w] {
			words[w] = true
		}
	}
	return words
}

// Respellings are the refs ref may be another way of writing, as an
// officer types a ref by hand: in capitals ("cic05" for CIC05), without
// spaces or punctuation ("SCS 01", "SCS-01" for SCS01), and with its
// number's leading 0 added or dropped ("CIC5" for CIC05). Ref itself is
// not among them. A ref the store holds among them is likely the one
// meant, and a new indicator under ref its duplicate.
func Respellings(ref string) []string {
	var out []string
	add := func(s string) {
		if s != "" && s != ref && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	up := strings.ToUpper(strings.TrimSpace(ref))
	bare := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-_./", r) {
			return -1
		}
		return r
	}, up)
	add(up)
	add(bare)
	// The number at the end, with a leading 0 added or dropped.
	i := strings.LastIndexFunc(bare, func(r rune) bool { return !unicode.IsDigit(r) }) + 1
	if i > 0 && i < len(bare) {
		head, num := bare[:i], bare[i:]
		if len(num) == 1 {
			add(head + "0" + num)
		}
		if len(num) > 1 && num[0] == '0' {
			add(head + num[1:])
		}
	}
	return out
}
