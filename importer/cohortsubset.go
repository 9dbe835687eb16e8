package importer

import (
	"fmt"
	"strconv"
	"strings"
)

// A cohort split holds every child of a cohort: "excluding UASC" is all
// children less every UASC. Scorecards also leave out only some of them
// ("excl. UASC over 16", "excluding UASC aged 16-17", "excluding new
// UASC arrivals", "excluding UASC transferred under the NTS"); filed as
// the split, such a figure would pass for all children less every UASC
// and be shown whenever a report excludes UASC. The words below narrow a
// cohort to some of its children, and a label using them of a cohort is
// left in doubt, so its row is kept apart and warned of.

// subsetWords narrow a cohort when written beside its name, before or
// after it. "aged" is not among them: an age after it narrows ("UASC aged
// 16-17"), but "aged 0-17" holds every child in care.
var subsetWords = map[string]bool{
	"new": true, "newly": true, "recent": true, "recently": true,
	"arrived": true, "arriving": true, "arrival": true, "arrivals": true,
	"spontaneous": true, "spontaneously": true, "transferred": true, "transfer": true,
	"transfers": true, "nts": true, "national": true, "since": true, "older": true,
	"younger": true, "male": true, "female": true, "boys": true, "girls": true,
	"entering": true, "entered": true, "dispersed": true,
}

// noteWords narrow a cohort when attached to its name ("new UASC", "UASC
// newly arrived") but not in a bracketed note after it, where they tell
// of the measure: "excluding UASC (new definition)", "[national
// measure]". A note with words of arrival, transfer, age or "since" still
// narrows the cohort: "excluding UASC (new arrivals)".
var noteWords = map[string]bool{"new": true, "newly": true, "recent": true,
	"recently": true, "national": true}

// ageWords narrow a cohort only before an age: "UASC over 16", "UASC
// under 18"; "excluding UASC over the year" keeps them all.
var ageWords = map[string]bool{"over": true, "under": true, "above": true, "below": true,
	"age": true, "ages": true, "aged": true, "to": true}

// ageFillers may stand among the words of an age band: "16-17 year old",
// "16+" (read as "16 and").
var ageFillers = map[string]bool{"year": true, "years": true, "yr": true, "yrs": true, "old": true,
	"olds": true, "and": true, "plus": true, "to": true}

// isAge reports whether w is a child's age: "16", "17s", "sixteen".
func isAge(w string) bool {
	switch w {
	case "sixteen", "seventeen", "eighteen", "fifteen", "fourteen":
		return true
	}
	w = strings.TrimSuffix(w, "s")
	if w == "" || len(w) > 2 || strings.Trim(w, "0123456789") != "" {
		// Asked of every word near a cohort's name: Atoi's error for
		// each that is no number was an allocation.
		return false
	}
	n, _ := strconv.Atoi(w)
	return n <= 25
}

// subsetOf returns the words that narrow the cohort named by ws[from:to]
// to some of its children, or "". It looks back over the words
// immediately before the name ("new UASC", "16+ UASC") and on through
// the clause after it ("UASC aged 16-17", "UASC transferred under the
// NTS"), where an age counts only right after the name or after a word
// such as "over" or "(": "excluding UASC (n=12)" keeps them all.
func subsetOf(ws []cword, from, to int) string {
	start, end := -1, -1
	for j := from - 1; j >= 0 && j >= from-5; j-- {
		w := ws[j].w
		switch {
		case subsetWords[w] || isAge(w):
			start = j
			continue
		case ageFillers[w] || fillers[w] && w != ":" && w != "-":
			continue
		}
		break
	}
	afterName := true // no word yet but fillers since the name
	inAge := false    // in an age band: "16" of "16-17"
	allAges := false  // the band is from birth to 17 or over: "0-17"
	inNote := false   // in a bracket opened after the name
	for j := to; j < len(ws) && j < to+8; j++ {
		w := ws[j].w
		if w == ")" || w == "," || w == ";" || w == "-" && !ws[j].joined {
			break
		}
		switch {
		case w == "(":
			inNote = true
		case subsetWords[w] && !(inNote && noteWords[w]):
			end = j
		case isAge(w) && (afterName || inAge || j > 0 && (ageWords[ws[j-1].w] || ws[j-1].w == "(")):
			if !inAge {
				allAges = fromBirth(ws[j:])
			}
			if !allAges {
				end = j
			}
			inAge, afterName = true, false
			continue
		}
		inAge = inAge && ageFillers[w] // "16-17", "16 and 17", "16 to 17"
		if !fillers[w] && w != "(" {
			afterName = false
		}
	}
	switch {
	case start >= 0 && end >= 0:
		return wordsWritten(ws[start : end+1])
	case start >= 0:
		return wordsWritten(ws[start:to])
	case end >= 0:
		return wordsWritten(ws[from : end+1])
	}
	return ""
}

// fromBirth reports whether the age band at the start of ws runs from 0
// to 17 or over ("0-17", "0 to 18"): every child, so no narrowing.
func fromBirth(ws []cword) bool {
	if len(ws) == 0 || ws[0].w != "0" {
		return false
	}
	for _, w := range ws[1:] {
		switch {
		case isAge(w.w):
			n, err := strconv.Atoi(strings.TrimSuffix(w.w, "s"))
			return err == nil && n >= 17
		case !ageFillers[w.w]:
			return false
		}
	}
	return false
}

// subsetDoubt says why a label naming only some of a cohort's children,
// at words, is not read as the cohort's split.
func subsetDoubt(cohort, words string) string {
	c := strings.ToUpper(cohort)
	return fmt.Sprintf("%q names only some %s, and a cohort split holds them all", words, c)
}

// wordsWritten joins words as a label wrote them near enough to quote:
// "16-17" hyphenated, marks but "(" and ")" dropped.
func wordsWritten(ws []cword) string {
	var b strings.Builder
	for _, w := range ws {
		switch {
		case w.joined:
			b.WriteString("-")
		case w.w == "(" || w.w == ")" || len(wordsOnly([]cword{w})) == 0:
			continue
		case b.Len() > 0:
			b.WriteString(" ")
		}
		b.WriteString(w.w)
	}
	return b.String()
}
