package importer

// Plain years with a mark after them: "2025 (provisional)", "2025 rev",
// "2025 YTD". Beside plain years they were "not one the importer
// knows", where "Jun-25 (provisional)" beside months was read. A
// provisional or revised year is read as the plain year is, its kind of
// figures said at its heading as a month's are; a year to date is a
// span (spancolumns.go): read only for the indicators whose data period
// says their figures are year to date, and else refused at its heading,
// lest a part-year figure be stored as the year's own.

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// plainYearKind is the kind of figures (periodGuess.kind) of a column
// headed by a plain year alone.
const plainYearKind = "dated by a guess at the kind of year"

// yearToDateKind is what rollingHeading calls year-to-date figures,
// which spanDataPeriod reads as the data period YTD.
const yearToDateKind = "year-to-date figures"

// yearHeading reads a heading that is a plain year in figures, alone or
// marked as revised, provisional or year to date, giving the year and
// the kind of the figures under it (plainYearKind for none).
func yearHeading(head string) (int, string, bool) {
	if y, ok := plainYear(head); ok {
		return y, plainYearKind, true
	}
	if !hasDigit(head) {
		return 0, "", false
	}
	// The year-to-date forms of the rolling headings, with a year where
	// they have a month: "2025 YTD", "YTD 2025", "2025 (year to date)".
	// Each says "ytd" or "year", which most headings (a month's date
	// serial, "Jun-25") do not: their expressions are not tried on them.
	for _, f := range rollingForms() {
		if f.what != yearToDateKind || !containsFoldASCII(head, "ytd") && !containsFoldASCII(head, "year") {
			continue
		}
		if m := f.re.FindStringSubmatch(head); m != nil {
			if y, ok := plainYear(strings.TrimSpace(m[1])); ok {
				return y, yearToDateKind, true
			}
		}
	}
	var rest, word string
	if strings.HasSuffix(head, ")") {
		i := strings.LastIndex(head, "(")
		if i < 0 {
			return 0, "", false
		}
		rest, word = head[:i], head[i+1:len(head)-1]
	} else {
		i := strings.LastIndexAny(head, " \u00a0")
		if i < 0 {
			return 0, "", false
		}
		rest, word = head[:i], head[i+1:]
		if len(word) < 2 { // "(P)" and "(R)" only in brackets, as for months
			return 0, "", false
		}
	}
	kind, ok := revisionWords[strings.ToLower(strings.Trim(strings.TrimSpace(word), "."))]
	if !ok {
		return 0, "", false
	}
	y, ok := plainYear(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(rest), "-–:,")))
	return y, kind, ok
}

// markedYearNote is what is said at the heading of a plain year marked
// as revised, provisional or year to date, read as year p.
func markedYearNote(c int, head, kind string, p app.Period) string {
	col := fmt.Sprintf("column %s %q", xlsx.ColumnName(c), head)
	switch kind {
	case yearToDateKind:
		return fmt.Sprintf("%s read as %s: its figures are year-to-date figures within %s, filed under that year, not the whole year's own figures; compare them only with figures of the same kind", col, p.Label(), p.Label())
	case provisionalKind:
		return fmt.Sprintf("%s read as %s's %s, no other column giving the year's; they may be revised", col, p.Label(), kind)
	}
	return fmt.Sprintf("%s read as %s's %s", col, p.Label(), kind)
}
