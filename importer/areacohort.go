package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// areaCohortOf reads a district sheet's column heading that names one of
// the authority's areas and a cohort, "Kent excl UASC" or "Ashford (UASC
// only)": the area, and the split its figures count. Read as a heading
// alone, it was an unknown area of its own, and Kent's figures excluding
// UASC never met Kent's. The area is a leading run of the heading's
// words, and the rest must name the same cohort as the whole, so a
// heading whose cohort words fall inside an area's name is not cut. ok
// is false for a heading naming no cohort, or none with confidence.
func areaCohortOf(auth *app.Authority, heading string) (area app.Area, split app.Split, ok bool) {
	split, named, doubt := splitOf(heading)
	if !named || doubt != "" {
		return "", app.All, false
	}
	words := strings.Fields(heading)
	for i := len(words) - 1; i >= 1; i-- {
		lead := strings.TrimRight(strings.Join(words[:i], " "), " -–:,(")
		a, own := auth.ParseArea(lead)
		if !own {
			continue
		}
		if rest, named, doubt := splitOf(strings.Join(words[i:], " ")); named && doubt == "" && rest == split {
			return a, split, true
		}
	}
	return "", app.All, false
}

// nestedSplit is the cohort a figure counts that its row says is inner
// and its sheet or column says is outer: the one where the other says
// nothing or the same, both exclusions where both exclude. ok is false
// where they say different things of it ("UASC only" in a column
// "excluding UASC").
func nestedSplit(outer, inner app.Split) (app.Split, bool) {
	switch {
	case outer == app.All || inner == outer:
		return inner, true
	case inner == app.All:
		return outer, true
	case len(inner.Excluded()) > 0 && len(outer.Excluded()) > 0:
		return app.Excluding(append(outer.Excluded(), inner.Excluded()...)...), true
	}
	return inner, false
}

// columnSplit is the cohort a district sheet's figure counts: its row's,
// within its column's (areaCohortOf). A row and column that say
// different things of it leave the figure unread, warned at its cell,
// since either reading would file it under a cohort one of them denies.
func (s *sheetReader) columnSplit(r int, c *Column, ref string, row app.Split) (app.Split, bool) {
	sp, ok := nestedSplit(c.Split, row)
	if !ok {
		s.warn(r, c.index, "%s: cell skipped: the row counts %s, though column %s's heading %q says %s", ref, splitWords(row), c.Col, c.Header, splitWords(c.Split))
	}
	return sp, ok
}

// areaCohortNote is the warning a column read by areaCohortOf gives.
func areaCohortNote(c Column) string {
	return fmt.Sprintf("column %s %q: read as %s's figures, counting %s", c.Col, c.Header, c.Area, splitWords(c.Split))
}
