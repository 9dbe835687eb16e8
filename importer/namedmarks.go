package importer

import (
	"strings"
	"unicode/utf8"

	"scorecard/app"
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

// markedSplit is the children the figures of row r, indicator ref's on
// a sheet with Refs, count by the note its Ref's or name's footnote mark
// points at: "CIC01*" over "* excluding UASC" at the foot. The Ref keeps
// the row's figures under CIC01 whatever the mark, so a note saying they
// exclude a cohort has them read as excluding it, and said; read as all
// children's, they were filed as the figures UASC are excluded from, and
// next month's all children's figures beside them read as a fall (QA
// probe 6). A note naming children in another way is said, the figures
// read as all children's. A mark with no such note is set aside unsaid.
func (s *sheetReader) markedSplit(r int, refCol, nameCol *Column, hasName bool, ref string) app.Split {
	cells := []*Column{refCol}
	if hasName {
		cells = append(cells, nameCol)
	}
	for _, c := range cells {
		raw := s.at(r, c)
		if plainText(raw) {
			// No mark: most rows, passed over without a string made.
			continue
		}
		plain := stripFootnote(raw)
		if strings.HasSuffix(strings.TrimRight(raw, " \u00a0"), plain) {
			continue // "Rate (%)": no mark, and no string made
		}
		raw = strings.Join(strings.Fields(strings.ReplaceAll(raw, "\u00a0", " ")), " ")
		mark := strings.TrimSpace(strings.TrimPrefix(raw, plain))
		if mark == "" || !strings.HasPrefix(raw, plain) {
			continue
		}
		at, text, ok := s.noteOf(r, mark)
		if !ok {
			continue
		}
		says := strings.TrimLeft(strings.TrimPrefix(text, mark), "*.:)] ")
		split, named, doubt := splitOf(says)
		switch {
		case !named || doubt == "" && split == app.All:
			continue
		case doubt == "" && len(split.Excluded()) > 0:
			s.warn(r, c.index, "%s: the mark %q on %q points at the note at %s, %s: its figures are read as %s, not all children's", ref, mark, raw, at, quote(text), split.Label())
			return split
		default:
			s.warn(r, c.index, "%s: the mark %q on %q points at the note at %s, %s, which may say its figures count other children: read as all children's; if they exclude a cohort, write e.g. \"Excluding UASC\" in the note", ref, mark, raw, at, quote(text))
			return app.All
		}
	}
	return app.All
}

// noteOf finds the note below row r that mark points at: a cell whose
// text starts with the mark and says more ("* excluding UASC").
func (s *sheetReader) noteOf(r int, mark string) (at, text string, ok bool) {
	if f, seen := s.notesFound[mark]; seen && f.below <= r && (!f.ok || f.row > r) {
		// The first note below an earlier row, and below this one, is
		// the first below this one too: a sheet whose every row is
		// marked has its foot searched once, not once a row.
		return f.at, f.text, f.ok
	}
	f := s.findNote(r, mark)
	if s.notesFound == nil {
		s.notesFound = make(map[string]foundNote)
	}
	s.notesFound[mark] = f
	return f.at, f.text, f.ok
}

// foundNote is where noteOf found the note a mark points at, searching
// below row below.
type foundNote struct {
	below, row int
	at, text   string
	ok         bool
}

// findNote searches the rows below r for the note mark points at.
func (s *sheetReader) findNote(r int, mark string) foundNote {
	bare := strings.Trim(mark, "()[]")
	if mark == "" {
		return foundNote{below: r}
	}
	for i := r + 1; i < len(s.g.rows); i++ {
		for c, t := range s.g.rows[i] {
			if !mayBegin(t, mark[0]) && (bare == "" || !mayBegin(t, bare[0])) {
				continue // most cells: figures
			}
			t = strings.TrimSpace(t)
			for _, m := range []string{mark, bare} {
				rest, found := strings.CutPrefix(t, m)
				if found && m != "" && strings.TrimSpace(strings.TrimLeft(rest, "*.:)] ")) != "" && (m == mark || !startsDigit(rest)) {
					return foundNote{below: r, row: i, at: cellName(i, c), text: t, ok: true}
				}
			}
		}
	}
	return foundNote{below: r}
}

// mayBegin reports whether text, spaces trimmed, may begin with the byte
// b: whether its first byte that is not an ASCII space is b or starts a
// character (or space) outside ASCII.
func mayBegin(text string, b byte) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case ' ', '\t', '\n', '\r', '\v', '\f':
		default:
			return c == b || c >= utf8.RuneSelf
		}
	}
	return false
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
