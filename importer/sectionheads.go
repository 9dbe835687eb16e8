package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"scorecard/app"
)

// A row with no figures and no Ref that reads as one is a section
// heading over the indicators below it. What else such a row states is
// said, not read: a section's data period or kind of year is not given
// to its rows, and a heading standing over a repeat of the header
// ("SEND | Indicator | Polarity | Jan-25") is read as the section's, not
// as an indicator named "Indicator" (QA24a D2, D15).

// saySectionCells warns, at the Ref's cell of row r read as the section
// heading title, of what the row states in the columns of
// definitionRoles: none of it is read, nor given to the indicators below
// the heading, and a one-word Ref with no digit may have been meant as an
// indicator's. Said once a row; nothing for a heading with nothing beside
// it.
func (s *sheetReader) saySectionCells(r, refAt int, title string) {
	var cells []string
	for i := range s.l.Columns {
		c := &s.l.Columns[i]
		if text := strings.TrimSpace(s.at(r, c)); definitionRoles[c.Role] && text != "" {
			cells = append(cells, fmt.Sprintf("%s %q", cellName(r, c.index), text))
		}
	}
	if len(cells) == 0 {
		return
	}
	s.warn(r, refAt, "row read as the heading of a section, %q, not as an indicator: it has no figures, nor a name with a polarity, unit, target or benchmark that reads; what it states (%s) is not read, nor given to the indicators below: state it on each indicator's row, or, if %q is an indicator, give it a name and its polarity, unit or target",
		title, strings.Join(cells, ", "), title)
}

// sectionCohort reads the children a section heading at row r, cell
// column at, says the figures below it count: "Children in Care
// (excluding UASC)" has each figure of the indicators under it, to the
// next heading, read as excluding UASC (sheetSplit), as a sheet's title
// saying so has every figure on the sheet; read as all children's, they
// were filed as the figures the app excludes UASC from (QA probe 6).
// Only an exclusion read with confidence is taken: a heading naming a
// cohort alone ("UASC") heads indicators of their own, and one in doubt
// is said and read as before.
func (s *sheetReader) sectionCohort(r, at int, title string) {
	s.sectionSplit, s.sectionAlone = app.All, sectionAlone{}
	split, ok, doubt := splitOf(title)
	switch {
	case !ok || split == app.All:
	case doubt != "":
		s.warn(r, at, "section heading %q may name a cohort, but cannot tell which children it counts, as %s: its indicators' figures are read as all children's (write e.g. \"Excluding UASC\")", title, doubt)
	case len(split.Excluded()) > 0:
		s.sectionSplit = split
		s.warn(r, at, "section heading %q says its figures count %s: every figure of the indicators below it, to the next heading, is read as %s, not all children's", title, splitWords(split), split.Label())
	case plainlyCohort(title):
		s.sectionAlone = sectionAlone{split: split, title: title, r: r, at: at, explicit: saysAlone(title)}
	}
}

// sectionAlone is a section heading naming one cohort alone, "UASC
// only" or "UASC", and where it is.
type sectionAlone struct {
	split app.Split // Only(cohort); All for no such heading
	title string
	r, at int
	// explicit is set where the heading says the cohort is counted
	// alone ("only", "of which"), not just its name.
	explicit bool
	said     bool
}

// sectionAloneRow reports whether row r, Ref ref named name, under a
// section heading naming a cohort alone, gives that cohort's figures of
// its indicator (split) rather than an indicator's own. A heading saying
// so ("UASC only", "Of which UASC") has each indicator below it whose
// name names no cohort read so. A heading naming the cohort bare
// ("UASC", "Children with disabilities") is a topic's, over indicators
// of their own, but for a Ref the sheet gave above: the same indicator
// again, under its cohort's heading. Read as all children's, such
// figures were filed as the indicator's, or set aside as clashing with
// its row above (QA probe 7). prior is the indicator read above, whose
// cohort row this is; nil where this row is the indicator's first.
func (s *sheetReader) sectionAloneRow(r int, ref, name string) (split app.Split, prior *rowIndicator, ok bool) {
	h := &s.sectionAlone
	if h.split == app.All {
		return app.All, nil, false
	}
	own, named, _ := splitOf(name)
	if named && own != h.split {
		return app.All, nil, false // its own name says whom it counts
	}
	if ind, st := s.definitionOf(ref); st.Defines() && ind.Section != h.title {
		prior = s.rowIndicatorOf(ind)
	}
	switch {
	case prior != nil:
	case h.explicit && !named:
	default:
		return app.All, nil, false
	}
	if !h.said {
		h.said = true
		if h.explicit {
			s.warn(h.r, h.at, "section heading %q says its figures count %s: the figures of each indicator below it whose name names no cohort, to the next heading, are read as %s (%s the first), not all children's", h.title, splitWords(h.split), h.split.Label(), ref)
		} else {
			s.warn(h.r, h.at, "section heading %q names %s alone, and %s below it is given above for all children: its figures here, and those of any other indicator given above, to the next heading, are read as %s, not all children's", h.title, strings.ToUpper(string(h.split)), ref, h.split.Label())
		}
	}
	return h.split, prior, true
}

// saysAlone reports whether text says in words that a cohort is counted
// alone: "UASC only", "Of which UASC", not "UASC".
func saysAlone(text string) bool {
	ws := cohortTokens(text)
	for i := range ws {
		if phraseIn(ws, i, onlyBefore) > 0 || phraseIn(ws, i, onlyAfter) > 0 {
			return true
		}
	}
	return false
}

// titledHeader reports whether row r repeats the header in force with a
// title in its Ref cell, where the header's "Ref" stood: "SEND" |
// "Indicator" | "Polarity" | ... | "Mar-25" | "Target". Every other cell
// the row fills must be its column's heading again, the name's among
// them, and two at least; a row that differs anywhere is left to be read
// as any other. A title with a digit is taken for a Ref.
func (s *sheetReader) titledHeader(r int, ref string, refCol, nameCol *Column) bool {
	// A title has no digit, as most Refs do: their rows are passed
	// over at once.
	if ref == "" || hasDigit(ref) || refCol.index == nameCol.index || s.l.keyedByName() {
		return false
	}
	if normHeader(s.at(r, nameCol)) != normHeader(nameCol.Header) {
		return false
	}
	same := 0
	for i := range s.l.Columns {
		c := &s.l.Columns[i]
		text := strings.TrimSpace(s.at(r, c))
		if c.index == refCol.index || text == "" {
			continue
		}
		if normHeader(text) != normHeader(c.Header) {
			return false
		}
		same++
	}
	return same >= 2
}

// sayTitledHeader warns at the Ref cell of row r, which titledHeader
// found, that it is read as the header again and its title as the
// heading of the section below.
func (s *sheetReader) sayTitledHeader(r, refAt int, title string) {
	s.warn(r, refAt, "row repeats the header with %q in its Ref cell: read as the header again and %q as the heading of the section below, not as an indicator", title, title)
}

// pageNumber and continuedMark are how a report printed over pages
// marks a page's header line: "Performance report - page 2", "Page 3 of
// 7"; "Children in care (continued)", "CIC cont'd".
var (
	pageNumber = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\bpage\s+\d+(\s+of\s+\d+)?\b`)
	})
	continuedMark = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)[\s(\[-]*\b(continued|cont'?d)\.?[)\]]?\s*$`)
	})
)

// pageHeader reports whether a row's text, with no figures beside it, is
// a printed report's page header rather than a new section's heading:
// read as a section, it would file the indicators on the page below
// under new refs, splitting each one's months in two (QA27b 5b). A
// heading marked as continued names the section it continues, returned
// as section; a page's number leaves the section as it was ("").
func pageHeader(text string) (section string, ok bool) {
	if loc := continuedMark().FindStringIndex(text); loc != nil {
		return strings.TrimSpace(text[:loc[0]]), true
	}
	return "", pageNumber().MatchString(text)
}

// captionsAgain reports whether row r, its cells row, repeats the header's
// captions: each cell it fills says what the header's rows say at its
// column, as a report printed over pages repeats the years merged over
// its months ("2024/25") above the header on each page. "2024/25" read
// as a figure had the row warned as one with figures but no Ref.
func (s *sheetReader) captionsAgain(r int, row []string) bool {
	n := 0
	for i, t := range row {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if _, err := strconv.ParseFloat(t, 64); err == nil {
			return false // a figure, though its heading says the same
		}
		c, same := s.span.lo+i, false
		for h := max(s.l.HeaderRow-2, 0); h < s.l.FirstRow-1 && !same; h++ {
			same = strings.TrimSpace(s.g.at(h, c)) == t
		}
		if !same {
			return false
		}
		n++
	}
	return n > 0
}
