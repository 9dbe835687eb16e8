package importer

import (
	"fmt"
	"iter"
	"slices"
	"strings"

	"scorecard/app"
)

// areaCohortOf reads a district sheet's column heading that names one of
// the authority's areas and a cohort, "Kent excl UASC" or "Ashford (UASC
// only)": the area, and the split its figures count. Read as a heading
// alone, it was an unknown area of its own, and Kent's figures excluding
// UASC never met Kent's. The area is a leading run of the heading's
// words, and the rest must name the same cohort as the whole, so a
// heading whose cohort words fall inside an area's name is not cut. The
// rest may say all children outright ("Kent (all children)", "Kent incl
// UASC"): beside "Kent excl UASC", that is Kent's own figure, which a
// heading no profile knows had left unread. ok is false for a heading
// naming no cohort, or none with confidence.
func areaCohortOf(auth *app.Authority, heading string) (area app.Area, split app.Split, ok bool) {
	split, named, doubt := splitOf(heading)
	if named && doubt != "" {
		return "", app.All, false
	}
	for a, text := range leadingAreas(auth, heading) {
		rest, restNamed, restDoubt := splitOf(text)
		all := !named && allChildrenWords(text)
		// Only words of children: "Kent excl UASC YTD" or "Kent previous
		// year excl UASC" is some other figure of theirs.
		if restNamed && restDoubt == "" && (rest == split && named || all) && onlyCohortWords(text) {
			return a, rest, true
		}
	}
	return "", app.All, false
}

// leadingAreas yields each of the authority's areas the heading's words
// begin with, the longest lead first, with the words after it: "Kent
// excl UASC" gives Kent and "excl UASC".
func leadingAreas(auth *app.Authority, heading string) iter.Seq2[app.Area, string] {
	return func(yield func(app.Area, string) bool) {
		words := strings.Fields(heading)
		for i := len(words) - 1; i >= 1; i-- {
			lead := strings.TrimRight(strings.Join(words[:i], " "), " -–:,(")
			if a, own := auth.ParseArea(lead); own && !yield(a, strings.Join(words[i:], " ")) {
				return
			}
		}
	}
}

// areaCohortRefused says why a district sheet's column heading that
// names one of the authority's areas and then which children it counts
// ("Kent excl 16+", "Kent excl UASC over 16") is not read: its words name
// no cohort the app holds, or only some of one. Kept as an area of its
// own, as an unknown heading is, it invited a mapping to the area that
// would file a part of its children as all of them. "" for a heading
// areaCohortOf reads, or that names no area of the authority first.
func areaCohortRefused(auth *app.Authority, heading string) string {
	return monthCohortRefused(auth, heading, app.Period{})
}

// monthCohortRefused is areaCohortRefused for a sheet of months' heading
// naming month beside the area ("Mar-25 Kent excl 16+"), heading being
// its words less the month's: its advice names the month. month is zero
// for a district sheet's heading.
func monthCohortRefused(auth *app.Authority, heading string, month app.Period) string {
	for a, rest := range leadingAreas(auth, heading) {
		if !claimsCohort(rest, true) {
			return ""
		}
		advice := cohortAdvice(a)
		if !month.IsZero() {
			m := month.Label() + " "
			advice = fmt.Sprintf("head a column of %s's figures for %s by the month, the area and, if any, one cohort the app holds, alone, such as %q or %q", a, month.Label(), m+string(a), m+string(a)+" excl UASC")
		}
		return fmt.Sprintf("it names %s, then which children it counts (%q), %s; %s",
			a, strings.Trim(rest, " ()"), cohortDoubt(rest), advice)
	}
	return ""
}

// cohortDoubt says why words claiming a cohort (claimsCohort) were not
// read as one.
func cohortDoubt(words string) string {
	_, named, doubt := splitOf(words)
	switch {
	case named && doubt != "":
		return "which cannot be read as one cohort: " + doubt
	case named && !onlyCohortWords(words):
		return "with other words besides, which may make it another figure than theirs"
	}
	return "which is no cohort the app holds (UASC, OLA, children with a disability, former UASC)"
}

// cohortAdvice says how to head a column of area a's figures so that it
// is read.
func cohortAdvice(a app.Area) string {
	return fmt.Sprintf("head a column of %s's figures by the area and, if any, one cohort the app holds, alone, such as %q or %q", a, string(a), string(a)+" excl UASC")
}

// claimsCohort reports whether words say which children a figure counts:
// they open with a word of sense ("excl", "only", "including", "without"),
// in brackets or not, name a cohort, or, where trailing is set, end with
// one written after ("16+ only", "UASC removed"). Words that are a whole
// heading are not read so by their end: "Ashford only" is Ashford's.
func claimsCohort(words string, trailing bool) bool {
	ws := cohortTokens(words)
	if len(wordsOnly(ws)) < 2 {
		return false // "Ashford only" is Ashford's figure, said nothing of its children
	}
	i := 0
	for i < len(ws) && (ws[i].w == "(" || ws[i].w == "-" || ws[i].w == ":") {
		i++
	}
	if i == len(ws) {
		return false
	}
	for _, ps := range [][]string{negBefore, inclBefore, onlyBefore} {
		if n := phraseIn(ws, i, ps); n > 0 {
			return !namesArea(ws[i+n:])
		}
	}
	j := len(ws) - 1
	for j > i && ws[j].w == ")" {
		j--
	}
	for _, ps := range [][]string{negAfter, onlyAfter} {
		if trailing && phraseIn(ws, j, ps) == 1 {
			return !namesArea(ws[i:j])
		}
	}
	for k := i; k < len(ws); k++ {
		if _, n := cohortAt(ws, k); n > 0 {
			return true
		}
	}
	return false
}

// namesArea reports whether words name an area or an authority, not
// children: "Medway" in "Kent (inc Medway)", an area of its own.
func namesArea(ws []cword) bool {
	for k := range ws {
		if _, n := cohortAt(ws, k); n > 0 {
			return false // "UASC" is the UASC Service's heading, but here a cohort
		}
	}
	s := strings.Join(wordsOnly(ws), " ")
	if _, ok := app.AnyArea(s); ok {
		return true
	}
	_, ok := app.LookupAuthority(s)
	return ok
}

// allChildrenWords reports whether words after an area's name say all
// children outright ("(all children)", "all CLA"); "Kent - all" or
// "Kent total" may be all of something else, and is not read so.
func allChildrenWords(words string) bool {
	sp, named, doubt := splitOf(words)
	ws := wordsOnly(cohortTokens(words))
	return named && doubt == "" && sp == app.All && len(ws) >= 2 && ws[0] == "all"
}

// areaCohortHeading reports whether a heading names an area, any
// authority's, then which children it counts ("Kent incl UASC", "Kent
// excl 16+"), so that a district sheet's column left of its first known
// area is taken as an area column (unknownAreaColumns) and read or
// refused at its heading by areaCohortOf and areaCohortRefused, not
// said unknown.
func areaCohortHeading(heading string) bool {
	words := strings.Fields(heading)
	for i := len(words) - 1; i >= 1; i-- {
		lead := strings.TrimRight(strings.Join(words[:i], " "), " -–:,(")
		if _, ok := app.AnyArea(lead); ok {
			rest := strings.Join(words[i:], " ")
			return claimsCohort(rest, true) || allChildrenWords(rest)
		}
	}
	return false
}

// besideAuthority reads a district sheet's column l.Columns[i] headed by
// a cohort alone ("UASC only", "Excl UASC") that stands just right of the
// authority's own column ("Leeds | UASC only | East | West"): the
// authority's figures for the cohort, and that column. Kept as an area of
// its own, its figures could be mapped only to an area, as all its
// children's. why is set, and ok false, for such a heading that says
// which children it counts but names no cohort the app holds, or not
// plainly ("Excl 16+", "Only care leavers"), and for a cohort's heading
// anywhere else, beside a district, a locality or the sheet's first
// area: whose children it counts is unsaid, and kept as an area of its
// own it was advised to be mapped to a district, as all that district's
// children (QA27b). "UASC" alone never comes here: it is the UASC
// Service's column.
func besideAuthority(auth *app.Authority, l *Layout, i int, heading string) (split app.Split, left Column, why string, ok bool) {
	c := l.Columns[i]
	sp, named, doubt := splitOf(heading)
	plain := named && doubt == "" && sp != app.All && onlyCohortWords(heading)
	at := slices.IndexFunc(l.Columns, func(o Column) bool { return o.index == c.index-1 })
	if at < 0 || l.Columns[at].Role != RoleArea || l.Columns[at].Area != auth.Area() || l.Columns[at].Split != app.All {
		if !plain {
			return app.All, Column{}, "", false
		}
		beside := "no area's column"
		if at >= 0 && l.Columns[at].Role == RoleArea {
			o := l.Columns[at]
			beside = fmt.Sprintf("%s's column %s", o.Area, o.Col)
			if o.Split != app.All {
				beside = fmt.Sprintf("%s's column %s of %s", o.Area, o.Col, splitWords(o.Split))
			}
		}
		return app.All, Column{}, fmt.Sprintf("it counts %s but names no area, and stands beside %s, not %s's own: whose children it counts is unsaid, and read as an area's it would pass for all of that area's children; head it by the area and the cohort, such as %q, or put it just right of %s's column",
			splitWords(sp), beside, auth.Name, string(auth.Area())+" "+strings.TrimSpace(heading), auth.Name), false
	}
	left = l.Columns[at]
	if named && doubt == "" && sp != app.All && onlyCohortWords(heading) {
		return sp, left, "", true
	}
	if !claimsCohort(heading, false) {
		return app.All, Column{}, "", false
	}
	return app.All, left, fmt.Sprintf("it names no area and stands beside %s's column %s, and says which children it counts (%q), %s; %s",
		left.Area, left.Col, heading, cohortDoubt(heading), cohortAdvice(left.Area)), false
}

// onlyCohortWords reports whether a heading holds nothing but cohorts'
// names, words of sense and fillers ("UASC only", "Excluding UASC"): no
// other word that could be an area's name ("East UASC only").
func onlyCohortWords(heading string) bool {
	ws := cohortTokens(heading)
	for i := 0; i < len(ws); {
		if _, n := cohortAt(ws, i); n > 0 {
			i += n
			continue
		}
		n := 0
		for _, ps := range [][]string{negBefore, inclBefore, onlyBefore, negAfter, inclAfter, onlyAfter} {
			n = max(n, phraseIn(ws, i, ps))
		}
		switch w := ws[i].w; {
		case n > 0:
			i += n
		case fillers[w], conjunctions[w], w == "(", w == ")":
			i++
		default:
			return false
		}
	}
	return true
}

// besideAuthorityNote is the warning a column read by besideAuthority
// gives, left being the authority's column beside it.
func besideAuthorityNote(c, left Column) string {
	return fmt.Sprintf("column %s %q: read as %s's figures, counting %s: it names no area, and stands beside %s's own column %s; head it %q to say so",
		c.Col, c.Header, c.Area, splitWords(c.Split), left.Area, left.Col, string(left.Area)+" "+lastPart(c.Header))
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
