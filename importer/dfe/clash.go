package dfe

import (
	"fmt"
	"strings"
	"unicode"

	"scorecard/app"
)

// clash is a mapping rule whose ref the store already defines as
// another measure: the council's own CIC01 a percentage where the
// mapping files a count under CIC01. Its figures and benchmarks are not
// read into the dataset, and a warning at line 1 says why.
type clash struct {
	rule   Rule
	stored app.Indicator
	// differs says how the definitions disagree: `unit "count", not "%"`.
	differs []string
}

// clashOf compares the indicator rule feeds with the store's definition
// of its ref, as an import reviews any file's definitions
// (app.ReviewDefinitions), and reports a clash where they measure
// different things: another unit or measure, or a name that shares no
// word saying what is counted. Polarity, data period, places and the
// rest may differ: the DfE's annual figure of the council's monthly
// measure is the benchmark the mapping is for.
func clashOf(rule Rule, defined func(ref string) (app.Indicator, bool)) (clash, bool) {
	if defined == nil {
		return clash{}, false
	}
	stored, ok := defined(rule.Indicator.Ref)
	if !ok {
		return clash{}, false
	}
	c := clash{rule: rule, stored: stored}
	review := app.ReviewDefinitions(&app.Dataset{Indicators: []app.Indicator{rule.Indicator}}, func(string) (app.Indicator, bool) { return stored, true })
	for _, ch := range review.Changes {
		switch {
		case ch.Field == "unit" || ch.Field == "measure":
			c.differs = append(c.differs, fmt.Sprintf("%s %q, not %q", ch.Field, ch.New, ch.Old))
		case ch.Field == "name" && !sameSubject(ch.New, ch.Old):
			c.differs = append(c.differs, "names that share no word saying what is counted")
		}
	}
	return c, len(c.differs) > 0
}

// String is the clash in words: both definitions and how they differ.
func (c clash) String() string {
	in := c.rule.Indicator
	return fmt.Sprintf("%s: the DfE mapping files this file's %s under %s as %q (%s), but the store defines %s as %q (%s): %s",
		in.Ref, c.rule.Value, in.Ref, in.Name, unitWords(in), in.Ref, c.stored.Name, unitWords(c.stored), strings.Join(c.differs, "; "))
}

// clashAdvice says what an officer can do about a clash.
const clashAdvice = "--accept-definitions does not apply (it would change what the store's own figures mean), " +
	"and a DfE measure cannot be mapped to another ref: to keep these figures, import the file into a store of its own (scorecard --db OTHER.db import FILE)"

// warning is the clash as a line of the validation report, at line 1 of
// the file: both definitions, what was left out (what) and what to do.
func (c clash) warning(what string) string {
	ref := c.rule.Indicator.Ref
	return fmt.Sprintf("%s; %s not imported, and %s stays as it was. %s", c, what, ref, clashAdvice)
}

func unitWords(ind app.Indicator) string {
	if ind.Unit == "" {
		return "no unit"
	}
	return string(ind.Unit)
}

// sameSubject reports whether two indicator names may name the same
// measure: unless both have words saying what is counted and they share
// none, they may. A name of generic words alone ("Number of children in
// care", "Rate per 10,000") says nothing against the other.
func sameSubject(a, b string) bool {
	wa, wb := subjectWords(a), subjectWords(b)
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

// subjectWords are the words of a name saying what is counted, folded to
// lower case without a plural s; words with digits and short words are
// left out.
func subjectWords(name string) map[string]bool {
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

// counted writes "1 figure" or "5 figures".
func counted(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
