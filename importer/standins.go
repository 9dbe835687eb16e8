package importer

import (
	"strconv"
	"strings"
)

// italicsMeaning is what a note on italic figures says they are.
type italicsMeaning int

const (
	// italicsUnsaid: no note on italics, or one not saying what they are.
	italicsUnsaid italicsMeaning = iota
	// italicsStandIn: the key saying italic figures are the previous
	// year's outturn standing in for a figure not yet available.
	italicsStandIn
	// italicsOther: a note saying italics mean something else, such as
	// provisional, estimated or unvalidated figures, which are the
	// period's own.
	italicsOther
)

// italicsNote is a note on italic figures: what it says they are and
// where it is.
type italicsNote struct {
	meaning italicsMeaning
	sheet   string
	cell    string
	// says is the note's word for italics of another meaning
	// ("provisional").
	says string
}

// standInPhrases say a figure is the previous year's.
var standInPhrases = []string{
	"previous reporting year", "previous year", "previous financial year", "previous academic year",
	"prior year", "prior reporting year", "last year", "last reporting year", "last financial year",
	"last academic year", "preceding year", "outturn", "year end", "year-end",
}

// otherItalicsPhrases say italic figures are the period's own, of some
// standing other than final.
var otherItalicsPhrases = []string{
	"provisional", "estimate", "unvalidated", "not validated", "not yet validated", "awaiting validation",
	"unverified", "not verified", "draft", "forecast", "projected", "projection", "predicted",
	"subject to change", "subject to revision", "interim", "incomplete", "partial", "to be confirmed",
}

// readItalicsNote reads what text says italic figures are. Only a text
// naming italics counts, and only by the phrase it gives them: the first
// meaning after the word "italic" in its clause (a clause ends at a full
// stop, semicolon, bar or line break), else the last before it. So
// "Figures in italics are the previous reporting year's outturn" and
// "Last year's outturn is shown in italics" are the key, while "Last
// year's outturn is in column D; figures in italics are provisional" is
// not: its italics are provisional.
func readItalicsNote(t string) (italicsMeaning, string) {
	if len(t) <= 6 || t[0] >= '0' && t[0] <= '9' {
		return italicsUnsaid, ""
	}
	// Every text cell of a sheet is asked, so ASCII, nearly all of
	// them, is searched without a lower-case copy.
	if isASCII(t) && !containsFoldASCII(t, "italic") {
		return italicsUnsaid, ""
	}
	low := strings.ToLower(t)
	for from := 0; ; {
		i := strings.Index(low[from:], "italic")
		if i < 0 {
			return italicsUnsaid, ""
		}
		i += from
		start, end := clauseAround(low, i)
		if m, says := meaningNear(low[start:end], i-start); m != italicsUnsaid {
			return m, says
		}
		from = i + len("italic")
	}
}

// clauseAround returns the bounds of the clause of low holding byte i.
func clauseAround(low string, i int) (start, end int) {
	isEnd := func(j int) bool {
		switch low[j] {
		case ';', '\n', '|':
			return true
		case '.':
			return j+1 == len(low) || low[j+1] == ' '
		}
		return false
	}
	start, end = i, i
	for start > 0 && !isEnd(start-1) {
		start--
	}
	for end < len(low) && !isEnd(end) {
		end++
	}
	return start, end
}

// meaningNear returns the meaning clause gives italics, whose word is at
// byte at: the first phrase after it, else the last before it.
func meaningNear(clause string, at int) (italicsMeaning, string) {
	after, before := -1, -1
	var afterM, beforeM italicsMeaning
	var afterSays, beforeSays string
	look := func(phrases []string, m italicsMeaning) {
		for _, p := range phrases {
			if j := strings.Index(clause[at:], p); j >= 0 && (after < 0 || at+j < after) {
				after, afterM, afterSays = at+j, m, p
			}
			if j := strings.LastIndex(clause[:at], p); j >= 0 && j > before {
				before, beforeM, beforeSays = j, m, p
			}
		}
	}
	look(standInPhrases, italicsStandIn)
	look(otherItalicsPhrases, italicsOther)
	switch {
	case after >= 0:
		return afterM, otherWord(afterM, afterSays)
	case before >= 0:
		return beforeM, otherWord(beforeM, beforeSays)
	}
	return italicsUnsaid, ""
}

// otherWord is the word for italics of another meaning, "" for the key.
func otherWord(m italicsMeaning, p string) string {
	switch {
	case m != italicsOther:
		return ""
	case p == "estimate":
		return "estimated"
	case p == "not validated", p == "not yet validated", p == "awaiting validation":
		return "unvalidated"
	case p == "subject to change", p == "subject to revision", p == "to be confirmed":
		return "provisional"
	}
	return p
}

// standInKey finds, in the first rows of every sheet of a workbook, the
// key saying italic figures are the previous reporting year's outturn
// standing in for a period not yet available, and returns its cell
// ("Key!A3"), or "" where no sheet has it; and, where none has it, the
// first note saying italics mean something else. Packs put the key on a
// cover, Key or Notes sheet as often as under the table; it applies to
// every sheet.
func (s *Sample) standInKey() (key string, other italicsNote) {
	for _, h := range s.Heads {
		for r, row := range h.Rows {
			for c, t := range row {
				switch m, says := readItalicsNote(t); m {
				case italicsStandIn:
					return h.Sheet + "!" + cellName(r, c), italicsNote{}
				case italicsOther:
					if other.meaning == italicsUnsaid {
						other = italicsNote{meaning: m, sheet: h.Sheet, cell: cellName(r, c), says: says}
					}
				}
			}
		}
	}
	return "", other
}

// noteItalic remembers the first italic figure of a sheet read without a
// key for italics (see warnItalics).
func (s *sheetReader) noteItalic(r, c int) {
	s.italics.add(r, c)
}

// warnItalics says, once for the sheet, that italic figures were read as
// their periods' own. Where a note says italics mean something else
// (provisional figures, say), the warning is at the note; otherwise, with
// no key on any sheet saying what italics mean, they may be last year's
// outturn standing in, which a figure of the period would not be, and the
// warning is at the first italic figure.
func (s *sheetReader) warnItalics() {
	if s.italics.n == 0 {
		return
	}
	if n := s.italicsNote; n.meaning == italicsOther {
		at := "at " + s.italics.first
		if s.italics.n > 1 {
			at = "the first at " + s.italics.first
		}
		s.out.warn(n.sheet, n.cell, "%d %s in italics on sheet %q (%s) read as %s own (%s) %s, as this note says; it does not say italics are the previous year's outturn standing in", s.italics.n, plural(s.italics.n, "figure", "figures"), s.l.Sheet, at, plural(s.italics.n, "its period's", "their periods'"), n.says, plural(s.italics.n, "figure", "figures"))
		return
	}
	more := ""
	if s.italics.n > 1 {
		more = " (the first of " + strconv.Itoa(s.italics.n) + " italic figures on the sheet)"
	}
	s.out.warn(s.l.Sheet, s.italics.first, "figure in italics%s read as its period's own: no sheet of the workbook has a key saying what italics mean; if italic figures are the previous year's outturn standing in, add the key (\"Figures in italics are the previous reporting year's outturn\") and import again", more)
}
