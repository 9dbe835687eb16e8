package dfe

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
)

// errNoKind marks a time_identifier the app has no period for (a term,
// a week, a tax year): its rows are skipped, never stored as a year.
var errNoKind = errors.New("the app has no period of this kind")

// unsupported is a time_identifier the app keeps no period for, with why.
type unsupported struct {
	identifier, why string
}

func (u *unsupported) Error() string {
	return fmt.Sprintf("time_identifier %q: %s", u.identifier, u.why)
}

func (u *unsupported) Unwrap() error { return errNoKind }

// periodOf reads a row's time_period with its time_identifier, as
// explore-education-statistics defines them: a four-digit calendar year
// (2024) for calendar years, their quarters, months and weeks, and a
// six-digit span (202425) for financial and academic years, their
// quarters and terms.
//
//   - "Calendar year" is the calendar year. "Reporting year" is given as
//     the calendar year of its number, which Rule.filed then reads as the
//     year the publication means (reportingYear).
//   - "Financial year" and "Academic year" are those years.
//   - "Calendar year Q3" of 2024 is 2024-Q3. "Financial year Q2" of
//     202425 is July to September 2024, the calendar quarter 2024-Q3;
//     its Q4 is 2025-Q1 (as a scorecard's "Q1 2024/25" is read).
//   - A month ("January") of 2024 is 2024-01. Of a span such as 202425
//     (which the DfE's own screener refuses for months) it is the month in
//     that span when the financial and academic readings agree: September
//     to December of the first year, January to March of the second. April
//     to August fall in 2024 for a financial year and 2025 for an academic
//     one, so they are refused rather than guessed.
//
// Terms, weeks, half terms, tax years, the halves of a financial year and
// the quarters of an academic year (which begin in August or September,
// not with a calendar quarter) have no app period: the error wraps
// errNoKind. A time_period that does not fit its identifier is an error
// too.
func periodOf(timePeriod, identifier string) (app.Period, error) {
	id := strings.Join(strings.Fields(strings.ToLower(identifier)), " ")
	tp := strings.TrimSpace(timePeriod)
	none := func(why string) (app.Period, error) {
		return app.Period{}, &unsupported{identifier: strings.TrimSpace(identifier), why: why}
	}
	year, span := 0, false
	switch {
	case len(tp) == 4 && digits(tp):
		year, _ = strconv.Atoi(tp)
	case len(tp) == 6 && digits(tp):
		year, _ = strconv.Atoi(tp[:4])
		next, _ := strconv.Atoi(tp[4:])
		if next != (year+1)%100 {
			return app.Period{}, fmt.Errorf("time_period %q is not a year and the one after it (such as 202425)", tp)
		}
		span = true
	default:
		return app.Period{}, fmt.Errorf("time_period %q is neither a year (2024) nor a span of two (202425)", tp)
	}
	wrongLength := func() (app.Period, error) {
		want := "a four-digit year such as 2024"
		if !span {
			want = "a six-digit span such as 202425"
		}
		return app.Period{}, fmt.Errorf("time_period %q does not fit time_identifier %q, which takes %s", tp, strings.TrimSpace(identifier), want)
	}
	needSpan := func(p app.Period) (app.Period, error) {
		if !span {
			return wrongLength()
		}
		return p, nil
	}
	needYear := func(p app.Period) (app.Period, error) {
		if span {
			return wrongLength()
		}
		return p, nil
	}

	switch id {
	case "calendar year", "reporting year":
		return needYear(app.Period{Kind: app.CalendarYear, Year: year})
	case "financial year":
		return needSpan(app.Period{Kind: app.FinancialYear, Year: year})
	case "academic year":
		return needSpan(app.Period{Kind: app.AcademicYear, Year: year})
	}
	if n, ok := quarterOf(id, "calendar year"); ok {
		return needYear(app.Period{Kind: app.Quarter, Year: year, N: n})
	}
	if n, ok := quarterOf(id, "financial year"); ok {
		// Q1 is April to June: the calendar's second quarter.
		q := app.Period{Kind: app.Quarter, Year: year, N: n + 1}
		if n == 4 {
			q = app.Period{Kind: app.Quarter, Year: year + 1, N: 1}
		}
		return needSpan(q)
	}
	if _, ok := quarterOf(id, "academic year"); ok {
		return none("an academic year's quarter is not a calendar quarter")
	}
	if m, ok := monthOf(id); ok {
		if !span {
			return app.MonthOf(year, m), nil
		}
		switch {
		case m >= time.September:
			return app.MonthOf(year, m), nil
		case m <= time.March:
			return app.MonthOf(year+1, m), nil
		}
		return none(fmt.Sprintf("a month of the span %s: %s is %d in a financial year and %d in an academic one", tp, m, year, year+1))
	}
	switch {
	case strings.HasSuffix(id, "term") || strings.HasSuffix(id, "terms") || strings.Contains(id, "half term"):
		return none("the app keeps no school terms")
	case strings.HasPrefix(id, "week"):
		return none("the app keeps no weeks")
	case strings.HasPrefix(id, "tax year"):
		return none("a tax year runs from 6 April, not a financial year")
	case strings.HasPrefix(id, "part "):
		return none("the app keeps no half years")
	case id == "":
		return none("blank, so the period is unknown")
	}
	return none("not a time identifier the app knows")
}

// isReportingYear reports whether a time_identifier is "Reporting year",
// whose year is each publication's own: periodOf gives it as the calendar
// year of its number, for Rule.filed to read.
func isReportingYear(identifier string) bool {
	return strings.Join(strings.Fields(strings.ToLower(identifier)), " ") == "reporting year"
}

// filed returns the period a figure of the rule's for year p (as periodOf
// reads it) is filed under: for a reporting year, the year the
// publication means by it, ending in p's year (reporting year 2025 of a
// collection to 31 March is 2024/25); p itself for any other identifier,
// and for a reporting year whose meaning the rule does not give (known
// is then false, for a warning).
func (r Rule) filed(p app.Period, reporting bool) (filed app.Period, known bool) {
	if !reporting || p.Kind != app.CalendarYear {
		return p, true
	}
	switch r.ReportingYear {
	case app.FinancialYear, app.AcademicYear:
		return app.Period{Kind: r.ReportingYear, Year: p.Year - 1}, true
	case app.CalendarYear:
		return p, true
	}
	return p, false
}

// unknownYears gathers, by rule, the reporting years filed as calendar
// years for want of the rule saying what they cover, for one warning
// each.
type unknownYears struct {
	order []int
	by    map[int]*yearSpan
}

type yearSpan struct{ first, last, line int }

func (u *unknownYears) add(rule int, year, line int) {
	if u.by == nil {
		u.by = map[int]*yearSpan{}
	}
	s, ok := u.by[rule]
	if !ok {
		u.by[rule] = &yearSpan{year, year, line}
		u.order = append(u.order, rule)
		return
	}
	s.first, s.last = min(s.first, year), max(s.last, year)
}

// warn says, once for the rules of each note, that their reporting years
// were filed as calendar years and why: a figure shown in December that
// may be of March or September must not pass without a word.
func (u *unknownYears) warn(rules []Rule, warn func(int, string, ...any)) {
	type group struct {
		refs              []string
		first, last, line int
	}
	var notes []string
	groups := map[string]*group{}
	for _, ri := range u.order {
		r, s := rules[ri], u.by[ri]
		g, ok := groups[r.YearNote]
		if !ok {
			g = &group{first: s.first, last: s.last, line: s.line}
			groups[r.YearNote] = g
			notes = append(notes, r.YearNote)
		}
		if !slices.Contains(g.refs, r.Indicator.Ref) {
			g.refs = append(g.refs, r.Indicator.Ref)
		}
		g.first, g.last, g.line = min(g.first, s.first), max(g.last, s.last), min(g.line, s.line)
	}
	for _, n := range notes {
		g := groups[n]
		years := strconv.Itoa(g.first)
		if g.last != g.first {
			years += " to " + strconv.Itoa(g.last)
		}
		why := "the mapping does not say which year it covers (set the rule's reporting_year: financial for a year to 31 March, academic, or calendar)"
		if n != "" {
			why = n
		}
		warn(g.line, "time_identifier \"Reporting year\" of %s: %s; %s filed as calendar years, each shown in its December",
			strings.Join(g.refs, ", "), why, years)
	}
}

// quarterOf reads "financial year q2" as 2 for the prefix "financial year".
func quarterOf(id, prefix string) (int, bool) {
	rest, ok := strings.CutPrefix(id, prefix+" q")
	if !ok || len(rest) != 1 || rest[0] < '1' || rest[0] > '4' {
		return 0, false
	}
	return int(rest[0] - '0'), true
}

// monthOf reads a month's full English name, as EES writes it.
func monthOf(id string) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		if id == strings.ToLower(m.String()) {
			return m, true
		}
	}
	return 0, false
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// yearKinds gathers, by rule, the rows whose time_identifier files a
// rule's figures as another kind of year than the rule reports them by
// ("Academic year" for children looked after at 31 March): filed as the
// file says, beside any held by the rule's own kind, so that the same
// figures stood twice, under 2024/25 and 2024/25AY, with nothing said
// (QA probe 10). One warning for each rule and kind.
type yearKinds struct {
	order []yearKindClash
	seen  map[yearKindClash]bool
}

type yearKindClash struct {
	rule int
	kind app.PeriodKind
	line int // the first row so filed
	id   string
}

func (y *yearKinds) add(rule int, r Rule, filed app.Period, identifier string, line int) {
	want := r.ReportingYear
	if want == 0 || filed.Kind == want || !yearKind(filed.Kind) || !yearKind(want) {
		return
	}
	key := yearKindClash{rule: rule, kind: filed.Kind}
	if y.seen[key] {
		return
	}
	if y.seen == nil {
		y.seen = map[yearKindClash]bool{}
	}
	y.seen[key] = true
	key.line, key.id = line, strings.TrimSpace(identifier)
	y.order = append(y.order, key)
}

func (y *yearKinds) warn(rules []Rule, warn func(int, string, ...any)) {
	type group struct {
		id        string
		kind, own app.PeriodKind
	}
	var order []group
	refs, lines := map[group][]string{}, map[group]int{}
	for _, c := range y.order {
		r := rules[c.rule]
		g := group{c.id, c.kind, r.ReportingYear}
		if _, ok := lines[g]; !ok {
			order = append(order, g)
			lines[g] = c.line
		}
		if !slices.Contains(refs[g], r.Indicator.Ref) {
			refs[g] = append(refs[g], r.Indicator.Ref)
		}
		lines[g] = min(lines[g], c.line)
	}
	for _, g := range order {
		warn(lines[g], "time_identifier %q files %s as %s, though the DfE reports them by %s: read as the file says, apart from any figures held by %s; if the file's years are %s, correct its time_identifier",
			g.id, strings.Join(refs[g], ", "), yearWord(g.kind), yearWord(g.own), yearWord(g.own), yearWord(g.own))
	}
}

func yearKind(k app.PeriodKind) bool {
	return k == app.FinancialYear || k == app.AcademicYear || k == app.CalendarYear
}

// yearWord names a kind of year in the plural, with its months where
// they are not January to December: "financial years (April to March)".
func yearWord(k app.PeriodKind) string {
	span := map[app.PeriodKind]string{app.FinancialYear: " (April to March)", app.AcademicYear: " (September to August)"}[k]
	return k.Noun() + "s" + span
}
