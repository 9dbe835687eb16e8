package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"scorecard/app"
)

// appliedFilters is the line Power BI's "Export data" writes under a
// table, above the filters its figures were drawn under, one a line:
// "Area is Leeds", "Cohort is not UASC".
var appliedFilters = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^applied filters\s*:?$`)
})

// filterLine parts a Power BI filter line, "Cohort is not UASC", into
// the field and what it is.
var filterLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(.+?)\s+is\s+(not\s+)?(.+)$`)
})

// tidyFooter is a Power BI footer of filters under a tidy table.
type tidyFooter struct {
	row   int       // 0-based row of "Applied filters:", -1 for none
	split app.Split // the cohort a filter draws the figures for
	cell  string    // where that filter is
}

// readTidyFooter finds a footer of filters under a tidy table and says
// each at its cell: they are not indicators, and a filter that changes
// whose figures they are is read or refused, never passed over. A cohort
// filter the app knows ("Cohort is not UASC") files the figures under
// that cohort, said; an area filter naming another area than the
// store's authority, a cohort filter not understood, or a filter on
// anything else that draws some of the children (a team, a gender)
// refuses the table at its cell; a filter of the periods or measures
// shown is said as not read.
func (s *sheetReader) readTidyFooter(hasArea, hasCohort bool) (tidyFooter, error) {
	f := tidyFooter{row: -1, split: app.All}
	only := func(r int) (string, int) {
		text, at := "", -1
		for c, v := range s.g.rows[r] {
			if v = strings.TrimSpace(v); v != "" {
				if at >= 0 {
					return "", -1
				}
				text, at = v, c
			}
		}
		return text, at
	}
	for r := s.l.FirstRow - 1; r >= 0 && r < len(s.g.rows); r++ {
		if t, c := only(r); c >= 0 && appliedFilters().MatchString(t) {
			f.row = r
			s.warn(r, c, "%q: a Power BI export's note of the filters its figures were drawn under, read as such below, not as indicators", t)
			break
		}
	}
	if f.row < 0 {
		return f, nil
	}
	refuse := func(r, c int, format string, args ...any) error {
		return &app.SourceError{Location: app.Location{File: s.out.file, Sheet: s.l.Sheet, Cell: place(s.l.Sheet, r, c)},
			Err: fmt.Errorf(format, args...)}
	}
	auth := s.l.authority()
	for r := f.row + 1; r < len(s.g.rows); r++ {
		t, c := only(r)
		if c < 0 {
			break
		}
		m := filterLine().FindStringSubmatch(t)
		if m == nil {
			s.warn(r, c, "filter %q not read: the figures were drawn under it; check they are the ones to store", t)
			continue
		}
		field, not, what := strings.ToLower(strings.TrimSpace(m[1])), m[2] != "", strings.TrimSpace(m[3])
		switch {
		case filterNames(field, areaFilterWords):
			a, ok := auth.ParseArea(what)
			if !ok || not || a != auth.Area() {
				return f, refuse(r, c, "refused: the figures were drawn under the filter %q, so are not %s's as a whole: export them with an Area column, or unfiltered", t, auth.Name)
			}
			if hasArea {
				s.warn(r, c, "filter %q: the figures were drawn for %s, as the Area column says", t, auth.Name)
			} else {
				s.warn(r, c, "filter %q: the figures were drawn for %s, the store's authority, as they are filed", t, auth.Name)
			}
		case filterNames(field, cohortFilterWords):
			words := what
			if not {
				words = "excluding " + what
			}
			sp, ok, doubt := parseSplit(words)
			if !ok || doubt != "" || hasCohort || f.cell != "" {
				why := "a cohort the importer does not know"
				switch {
				case hasCohort:
					why = "a cohort beside the table's own Cohort column"
				case f.cell != "" && ok:
					why = "a second cohort filter, after the one at " + f.cell
				}
				return f, refuse(r, c, "refused: the figures were drawn under the filter %q, %s, so are not all children's: export them with a Cohort column (All, Excluding UASC, UASC only), or unfiltered", t, why)
			}
			f.split, f.cell = sp, place(s.l.Sheet, r, c)
			s.warn(r, c, "filter %q: every figure of the table is filed under the cohort %q, not as all children's", t, sp.Label())
		case filterNames(field, shownFilterWords):
			s.warn(r, c, "filter %q not read: it chose which periods or measures the table shows, not whose figures they are", t)
		default:
			// A team, a gender, an age band: the figures are some of the
			// children's, and filed as the authority's all children's
			// they would be circulated as its own.
			return f, refuse(r, c, "refused: the figures were drawn under the filter %q, so are those of some of %s's children, not all: export them unfiltered, or with that field as a column", t, auth.Name)
		}
	}
	return f, nil
}

// The words naming a filter's field, by what the filter draws: an area
// (the figures are that area's), a cohort, or the periods and measures
// shown, which leave whose figures they are alone. Power BI's fields are
// the model's columns ("LA Name", "la_name", "Council").
var (
	areaFilterWords   = []string{"area", "authority", "la", "lea", "council", "district", "region", "locality", "ward", "borough", "county"}
	cohortFilterWords = []string{"cohort", "uasc", "group"}
	shownFilterWords  = []string{"period", "month", "year", "quarter", "date", "week", "measure", "indicator", "kpi", "metric", "ref"}
)

// filterNames reports whether a filter's field, as Power BI names it,
// has one of words as a word of its own ("LA Name", "la_name").
func filterNames(field string, words []string) bool {
	for _, w := range strings.FieldsFunc(field, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '.' }) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}
