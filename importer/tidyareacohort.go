package importer

// A tidy table's Area naming children, not an area: "UASC only",
// "Excluding UASC", "Kent excl UASC", as a warehouse's extract that has no
// Cohort column writes its cohorts' rows. Kept as an area of its own
// (d35235c), Kent's figures excluding UASC never met Kent's, and the
// exclusions the app works out could not use them. Where the words are
// nothing but an area of the authority (none: the authority) and one
// cohort the app holds, they say what an Area and a Cohort column would,
// and are read so, said once a name. A name that says which children it
// counts in words the app cannot read as one cohort ("Excluding UASC
// over 16", "Kent excl 16+") is refused at its first row: kept apart, it
// invited a mapping that would file part of an area's children as all.

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// tidyAreaCohorts are the Area names read or refused as children, by
// their lower-case name, in the order first named.
type tidyAreaCohorts struct {
	order []string
	by    map[string]*tidyAreaCohort
}

type tidyAreaCohort struct {
	name, ref string
	area      app.Area
	split     app.Split
	refused   string // why its rows are not read; "" where read
	note      string // more to say of it where read: a mapping's use
	r, c, n   int    // its first row's cell, and how many rows name it
}

// read reads a tidy row's Area name at 0-based row r, column c, that the
// authority does not have as an area: the area and cohort its words
// name. handled is false for a name that says nothing of children, or
// that the officer mapped to itself or a pseudo-area, left to
// unknownArea; skip is set for a name refused.
func (tc *tidyAreaCohorts) read(s *sheetReader, r, c int, ref, name string) (area app.Area, split app.Split, skip, handled bool) {
	k := strings.ToLower(strings.TrimSpace(name))
	if t, ok := tc.by[k]; ok {
		t.n++
		return t.area, t.split, t.refused != "", true
	}
	auth := s.l.authority()
	t := &tidyAreaCohort{name: strings.TrimSpace(name), ref: ref, r: r, c: c, n: 1}
	sp, areaName, _, ok := cohortNamed(auth, name)
	if !ok {
		if t.refused = areaCohortDoubt(auth, name); t.refused == "" {
			return "", app.All, false, false
		}
	} else {
		t.area, t.split = app.Area(areaName), sp
		for _, names := range []map[string]app.Area{s.l.AreaNames, s.l.optNames} {
			to, ok := lookupName(names, name)
			if !ok {
				continue
			}
			a, own := auth.ParseArea(string(to))
			switch {
			case strings.EqualFold(strings.TrimSpace(string(to)), t.name), strings.EqualFold(string(to), PseudoArea),
				own && a != auth.Area() && !auth.IsDistrict(a):
				// The officer keeps it apart, or files it under a
				// pseudo-area such as the UASC Service.
				return "", app.All, false, false
			case !own:
				t.note = fmt.Sprintf("; its mapping to %q is not used, as %q is not %s, one of its districts or a pseudo-area", to, to, auth.Name)
			case onlyCohortWords(name):
				// "UASC only" mapped to Ashford: Ashford's UASC, the
				// mapping saying whose, the words which children.
				t.area = a
				t.note = fmt.Sprintf(", %s's as the mapping to %q says", a, to)
			case a != t.area:
				t.note = fmt.Sprintf("; its mapping to %q is not used, as its words name %s", to, t.area)
			}
			break
		}
	}
	if tc.by == nil {
		tc.by = map[string]*tidyAreaCohort{}
	}
	tc.by[k] = t
	tc.order = append(tc.order, k)
	return t.area, t.split, t.refused != "", true
}

// areaCohortDoubt says why an Area name that says which children its
// figures count is not read as an area and a cohort: its words name only
// some of a cohort, none the app holds, or others besides; "" for a name
// that says nothing of children ("Disabled Children's Service", a team,
// is an area to map).
func areaCohortDoubt(auth *app.Authority, name string) string {
	if _, named, doubt := splitOf(name); named && doubt != "" {
		return "cannot tell which children it counts, as " + doubt
	}
	for a, rest := range leadingAreas(auth, name) {
		if claimsCohort(rest, true) {
			return fmt.Sprintf("it names %s, then which children it counts (%q), %s", a, strings.Trim(rest, " ()"), cohortDoubt(rest))
		}
	}
	ws := cohortTokens(name)
	if len(wordsOnly(ws)) < 2 {
		return ""
	}
	i := 0
	for i < len(ws) && (ws[i].w == "(" || ws[i].w == "-" || ws[i].w == ":") {
		i++
	}
	for _, ps := range [][]string{negBefore, inclBefore, onlyBefore} {
		if i < len(ws) && phraseIn(ws, i, ps) > 0 {
			return fmt.Sprintf("it says which children it counts (%q), %s", strings.TrimSpace(name), cohortDoubt(name))
		}
	}
	return ""
}

// warn says once a name how its rows were read, or that they were not.
func (tc *tidyAreaCohorts) warn(s *sheetReader) {
	for _, k := range tc.order {
		t := tc.by[k]
		rows := "this row"
		if t.n > 1 {
			rows = fmt.Sprintf("this row and %d more naming it", t.n-1)
		}
		if t.refused != "" {
			s.warn(t.r, t.c, "%s: area %q names which children its figures count, not an area: %s not read: %s; give the area and the children apart, in an Area column (such as %q) and a Cohort column (such as \"Excluding UASC\" or \"UASC only\")",
				t.ref, t.name, rows, t.refused, s.l.authority().Name)
			continue
		}
		s.warn(t.r, t.c, "%s: area %q read as %s's figures counting %s, as an Area %q and a Cohort %q would give them (%s)%s; if it is an area apart, such as a team, say so (import --area %q)",
			t.ref, t.name, t.area, splitWords(t.split), string(t.area), t.split.Label(), rows, t.note, t.name+"="+PseudoArea)
	}
}

// cohortNamesTeam says why a tidy table's Cohort naming a pseudo-area of
// the authority, "UASC Service", is not read as the cohort sp its words
// give: the UASC Service is the team, whose caseload need not be the
// authority's UASC, and read as UASC only its figures would be
// subtracted from all children's to make those excluding UASC. "" for a
// Cohort naming no such area ("UASC" alone is the cohort).
func cohortNamesTeam(auth *app.Authority, cohort string, sp app.Split) string {
	a, own := auth.ParseArea(cohort)
	if !own || a == auth.Area() || auth.IsDistrict(a) || onlyCohortWords(cohort) {
		return ""
	}
	return fmt.Sprintf("cohort %q names %s, a pseudo-area of %s (a team), not only children: whether its figures are the team's or %s's for %s is unsaid; for the team's, write Area %q and no Cohort; for %s's, write Area %q and Cohort %q",
		cohort, a, auth.Name, auth.Name, sp.Label(), string(a), auth.Name, auth.Name, sp.Label())
}
