package importer

import (
	"slices"
	"strings"

	"scorecard/app"
)

// A note under a scorecard's table may say whose figures it gives: "Note:
// all figures exclude UASC", "Figures are for Ashford district only",
// "Source: Medway Council". Said in a title, each is read (sheetCohort,
// titleArea, titles); said in a note, none was, and the sheet's figures
// were stored as all children's, and Kent's, with nothing said (QA probe
// 11). A note's words are not read as the sheet's: a note may speak of
// one indicator, or of a change since, and nothing tells which. But one
// saying something the figures were not read as is said at its cell.

// trailingLine is a line of words read as a section's heading, and how
// many figures the sheet had when it was: one the table ends under is a
// note on the table, not a heading.
type trailingLine struct {
	r, c int
	text string
	figs int
}

// sayNote warns of the note text at row r, column c of a table, where it
// names a cohort, a district or another council that no figure of the
// sheet was read as.
func (s *sheetReader) sayNote(r, c int, text string) {
	t := strings.TrimSpace(text)
	if t == "" {
		return
	}
	if rs := cohortReadings(t, ""); len(rs) == 1 && rs[0].doubt == "" && rs[0].split != app.All && !s.readSplit(rs[0].split) {
		s.warn(r, c, "the note %q speaks of %s, but no figure on the sheet was read as such: they are read as %s, as its title, name and rows say; if the note is of the figures here, say so in the title (e.g. %q) or the rows' labels, and import again",
			t, splitWords(rs[0].split), splitWords(s.l.split), titleExample(rs[0].split))
		return
	}
	auth := s.l.authority()
	if a, ok := auth.DistrictIn(t); ok && !s.readArea(a) {
		s.warn(r, c, "the note %q names %s, but no figure on the sheet was read as %s's: they are read as %s's; if they are %s's, name the sheet %q and import again",
			t, a, a, s.l.Area, a, string(a))
		return
	}
	// A note names another council as such ("Source: Medway Council",
	// "London Borough of Bexley"): the check is costly, and most notes
	// name none.
	if low := strings.ToLower(t); !strings.Contains(low, "council") && !strings.Contains(low, "borough") {
		return
	}
	if _, other, name := councilsNamed(t, auth); other != nil {
		s.warn(r, c, "the note %q names %s (%q), but the figures are read as %s's, the store's council; if they are %s's, import them into a store of its own",
			t, other.CommonName(), name, s.l.Area, other.CommonName())
	}
}

// readSplit reports whether any figure of the sheet so far was read as
// counting sp.
func (s *sheetReader) readSplit(sp app.Split) bool {
	return s.l.split == sp || slices.ContainsFunc(s.out.keys, func(k app.SeriesKey) bool { return k.Split == sp })
}

// readArea reports whether any figure of the sheet so far was read as
// a's.
func (s *sheetReader) readArea(a app.Area) bool {
	return s.l.Area == a || slices.ContainsFunc(s.out.keys, func(k app.SeriesKey) bool { return k.Area == a })
}

// titleExample is a title's words saying its figures count sp: "...
// excluding UASC", "... UASC only".
func titleExample(sp app.Split) string {
	if c, ok := sp.Cohort(); ok {
		return "... " + strings.ToUpper(string(c)) + " only"
	}
	l := sp.Label()
	return "... " + strings.ToLower(l[:1]) + l[1:]
}
