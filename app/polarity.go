package app

import (
	"fmt"
	"strings"
	"unicode"
)

// ParsePolarity reads a Polarity column: H/L/T, "High"/"Low", "Higher is
// better", "Lower is worse", "Good = High", "Target", and blank or "-"
// for none. LAIT's dictionary writes High, Low and "-".
//
// The whole phrase is read, not its first word: "Higher is worse" is L,
// and a word the reader does not know ("Higher is not better", "Target not
// set", "Improve") makes the phrase an error rather than a guess, because
// a polarity read the wrong way round turns every RAG and direction of
// travel over without anything looking wrong. A note after the phrase
// ("Higher is better (see note)") is set aside when it names no direction
// of its own.
func ParsePolarity(s string) (Polarity, error) {
	if strings.TrimSpace(s) == "" {
		return PolarityNone, nil
	}
	// A cell of signs alone ("+", "↑") has no words: t is "" and is refused
	// below rather than read as blank.
	t := strings.Join(polarityWords(s), " ")
	switch t {
	case "-", "n/a", "na", "none", "context", "activity", "no polarity":
		return PolarityNone, nil
	}
	if t != "" && nearTargetPhrases[t] {
		return NearTarget, nil
	}
	if p, ok := directionPhrase(polarityWords(s)); ok {
		return p, nil
	}
	if p, ok := polarityBeforeNote(s); ok {
		return p, nil
	}
	return PolarityNone, fmt.Errorf("polarity %q is not H, L, T or blank", s)
}

// noteMarks start a note after a polarity phrase: "Higher is better (see
// note)", "Higher is better - target 85%", "Higher is better/improving".
var noteMarks = []string{"(", "[", " - ", " – ", " — ", "/", ";", ","}

// noteStoppers in a note qualify the phrase before it rather than
// annotate it ("Higher is better, not always"), so the note cannot be
// set aside.
var noteStoppers = map[string]bool{"not": true, "never": true, "unless": true,
	"except": true, "but": true, "sometimes": true}

// PolarityNote returns the note ParsePolarity set aside after the phrase
// it read ("see note" of "Higher is better (see note)"), or "" when the
// whole cell was read, so that a reader can say the note was not used.
func PolarityNote(s string) string {
	if _, err := ParsePolarity(s); err != nil {
		return ""
	}
	if _, ok := directionPhrase(polarityWords(s)); ok {
		return ""
	}
	if _, ok := polarityBeforeNote(s); !ok {
		return ""
	}
	return strings.TrimSpace(s[noteCut(s):])
}

// noteCut is where the first note mark in s starts, or -1.
func noteCut(s string) int {
	cut := -1
	for _, m := range noteMarks {
		if i := strings.Index(s, m); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	return cut
}

// polarityBeforeNote reads a direction or target phrase followed by a
// note, setting the note aside. It is tried only when the whole cell does
// not read: a note that names a direction or a judgement of its own ("H -
// lower is better", "Higher is better (lower for some)") or qualifies the
// phrase is not set aside, since guessing which half is meant could turn
// the RAG over.
func polarityBeforeNote(s string) (Polarity, bool) {
	cut := noteCut(s)
	if cut < 0 {
		return PolarityNone, false
	}
	for _, w := range polarityWords(s[cut:]) {
		if _, ok := directionWords[w]; ok && directionWords[w] != wordFiller || noteStoppers[w] {
			return PolarityNone, false
		}
	}
	lead := polarityWords(s[:cut])
	if len(lead) == 0 {
		return PolarityNone, false
	}
	if nearTargetPhrases[strings.Join(lead, " ")] {
		return NearTarget, true
	}
	return directionPhrase(lead)
}

// nearTargetPhrases are the whole phrases read as T.
var nearTargetPhrases = map[string]bool{
	"t": true, "target": true, "close": true, "close to target": true,
	"closer to target": true, "closest to target": true, "near target": true,
	"near to target": true, "nearer target": true, "on target": true,
	"at target": true, "in line with target": true, "target range": true,
	"within target range": true,
}

// polarityWords splits a polarity cell into lower-case words, dropping the
// punctuation people put between them ("Good = High", "H - higher is
// better", "High (good)"). A lone "-" is kept: it means no polarity.
func polarityWords(s string) []string {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "-" || t == "n/a" {
		return []string{t}
	}
	return strings.FieldsFunc(t, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// The kinds of word a direction phrase is made of.
const (
	wordFiller = iota
	wordHigh
	wordLow
	wordGood
	wordBad
)

// directionWords classifies the words a direction phrase may hold; any
// other word stops the phrase being read.
var directionWords = map[string]int{
	"is": wordFiller, "are": wordFiller, "the": wordFiller, "aim": wordFiller,
	"to": wordFiller, "a": wordFiller, "figure": wordFiller, "value": wordFiller,
	"h": wordHigh, "high": wordHigh, "higher": wordHigh, "highest": wordHigh,
	"big": wordHigh, "bigger": wordHigh, "more": wordHigh, "up": wordHigh,
	"increase": wordHigh, "maximise": wordHigh, "maximize": wordHigh,
	"l": wordLow, "low": wordLow, "lower": wordLow, "lowest": wordLow,
	"small": wordLow, "smaller": wordLow, "less": wordLow, "fewer": wordLow,
	"down": wordLow, "decrease": wordLow, "reduce": wordLow,
	"minimise": wordLow, "minimize": wordLow,
	"good": wordGood, "better": wordGood, "best": wordGood,
	"bad": wordBad, "worse": wordBad, "worst": wordBad, "poor": wordBad,
}

// directionPhrase reads a phrase of directions and judgements: "High",
// "Higher is better", "Lower is worse", "Good = High", "H - higher is
// better". Each direction is paired with the judgement beside it (after
// it, or before it when the phrase starts with the judgement); a bad
// judgement turns the direction over. Every pair must agree, and a
// judgement with no direction ("Better") is not read.
func directionPhrase(words []string) (Polarity, bool) {
	var kinds []int
	for _, w := range words {
		k, ok := directionWords[w]
		if !ok {
			return PolarityNone, false
		}
		if k != wordFiller {
			kinds = append(kinds, k)
		}
	}
	var got Polarity
	vote := func(dir, judge int) bool {
		p := HigherBetter
		if (dir == wordLow) != (judge == wordBad) {
			p = LowerBetter
		}
		if got != PolarityNone && got != p {
			return false
		}
		got = p
		return true
	}
	isDir := func(k int) bool { return k == wordHigh || k == wordLow }
	for i := 0; i < len(kinds); {
		k := kinds[i]
		switch {
		case isDir(k) && i+1 < len(kinds) && !isDir(kinds[i+1]):
			if !vote(k, kinds[i+1]) {
				return PolarityNone, false
			}
			i += 2
		case isDir(k):
			if !vote(k, wordGood) {
				return PolarityNone, false
			}
			i++
		case i == 0 && len(kinds) > 1 && isDir(kinds[1]):
			// "Good = High": the judgement comes first.
			if !vote(kinds[1], k) {
				return PolarityNone, false
			}
			i += 2
		default:
			return PolarityNone, false
		}
	}
	return got, got != PolarityNone
}
