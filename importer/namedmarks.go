package importer

import (
	"strings"
)

// A footnote mark on a name ("Number of children looked after*") points
// at a note that may say the figures count other children ("* excluding
// UASC"). On a sheet with Refs the Ref keeps such a row apart; on a sheet
// keyed by names, dropping the mark would file its figures under the
// plain name's indicator, and next month's figures of one would silently
// revise the other's. So a marked name keeps its mark in its key and ref,
// said at its cell: two indicators where the mark meant nothing is seen
// in the list and mended by writing the name alike; one where it meant
// other children cannot be seen at all.

// markedKey is the key the ref of an Indicator cell holding raw is made
// from, and the footnote mark set aside from it ("*", " (1)", "¹", with
// any space before it); name is raw with the mark set aside
// (stripFootnote).
func markedKey(raw, name string) (key, mark string) {
	key = nameKey(name)
	norm := strings.Join(strings.Fields(strings.ReplaceAll(raw, "\u00a0", " ")), " ")
	if name == "" || !strings.HasPrefix(norm, name) {
		return key, ""
	}
	mark = norm[len(name):]
	if strings.TrimSpace(mark) == "" {
		return key, ""
	}
	return key + " " + strings.TrimSpace(mark), mark
}

// warnMark says at an Indicator cell that its name's footnote mark keeps
// its figures under a ref of their own, naming the note the mark points
// at where the sheet has one.
func (s *sheetReader) warnMark(r, c int, name, spaced, ref, section string) {
	mark := strings.TrimSpace(spaced)
	plain := nameRef(name)
	if section != "" {
		plain = keyRef(nameKey(name) + " / " + nameKey(section))
	}
	note := "no note on the sheet says what it marks"
	if at, text, ok := s.noteOf(r, mark); ok {
		note = "the note at " + at + " says " + quote(text)
	}
	s.warn(r, c, "the mark %q on %q keeps its figures apart from the name without it: filed under %s, not %s, as %s and it may mean they count other children; if they are the same measure, write the name without the mark", mark, name+spaced, ref, plain, note)
}

// noteOf finds the note below row r that mark points at: a cell whose
// text starts with the mark and says more ("* excluding UASC").
func (s *sheetReader) noteOf(r int, mark string) (at, text string, ok bool) {
	bare := strings.Trim(mark, "()[]")
	for i := r + 1; i < len(s.g.rows); i++ {
		for c, t := range s.g.rows[i] {
			t = strings.TrimSpace(t)
			for _, m := range []string{mark, bare} {
				rest, found := strings.CutPrefix(t, m)
				if found && m != "" && strings.TrimSpace(strings.TrimLeft(rest, "*.:)] ")) != "" && (m == mark || !startsDigit(rest)) {
					return cellName(i, c), t, true
				}
			}
		}
	}
	return "", "", false
}

// startsDigit reports whether s starts with a digit: "1" is not the mark
// of the note "12 months".
func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// quote puts a note's text in quotes, cut to a readable length.
func quote(s string) string {
	if r := []rune(s); len(r) > 80 {
		s = string(r[:77]) + "..."
	}
	return `"` + s + `"`
}
