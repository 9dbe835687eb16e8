package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// relative is a heading naming a period by its place from the report's
// own: "Current month", "Previous quarter", "Same month last year".
type relative struct {
	unit     app.PeriodKind // Month or Quarter; 0 for "period", the report's own kind
	back     int            // periods before the report's: 0 or 1
	yearBack bool           // the same period a year before
}

// Words of relative headings (relativeHeading).
var (
	relativeUnits = map[string]app.PeriodKind{
		"month": app.Month, "mth": app.Month, "quarter": app.Quarter, "qtr": app.Quarter, "period": 0,
	}
	relativeNow  = map[string]bool{"current": true, "this": true, "latest": true, "reporting": true}
	relativeLast = map[string]bool{"previous": true, "prev": true, "last": true, "prior": true}
	// relativeYearAgo are the words after "Same month" that put it a
	// year back.
	relativeYearAgo = []string{
		"last year", "previous year", "prior year", "prev year", "last yr", "previous yr", "prev yr",
		"a year ago", "one year ago", "year ago", "a year earlier", "year earlier", "year before",
	}
	// relativeFiller are words a figure's heading may end with that do
	// not change what it is: "Current month figure", "This month (%)".
	relativeFiller = map[string]bool{
		"%": true, "figure": true, "value": true, "actual": true, "actuals": true, "performance": true,
		"outturn": true, "result": true, "data": true, "position": true,
	}
)

// relativeHeading reads a heading naming a period by its place from the
// report's own, and nothing else: "Current month", "This month", "Last
// month", "Previous quarter", "Same month last year", "Same period last
// year".
func relativeHeading(h string) (relative, bool) {
	ws := strings.Fields(normHeader(h))
	for len(ws) > 0 && relativeFiller[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return relative{}, false
	}
	unit, ok := relativeUnits[ws[1]]
	if !ok {
		return relative{}, false
	}
	rest := strings.Join(ws[2:], " ")
	switch {
	case rest == "" && relativeNow[ws[0]]:
		return relative{unit: unit}, true
	case rest == "" && relativeLast[ws[0]]:
		return relative{unit: unit, back: 1}, true
	case (ws[0] == "same" || relativeNow[ws[0]]) && slices.Contains(relativeYearAgo, rest):
		return relative{unit: unit, yearBack: true}, true
	}
	return relative{}, false
}

// reportDate is the month or quarter a sheet's title rows or name date
// the report by (titlePeriod), and where that was read: zero where they
// give none.
type reportDate struct {
	period app.Period // a month, a quarter, or a year that dates no month
	from   string     // where: `the title "March 2025" at A1`, `the sheet's name "Mar-25"`
	// passed is another month the title rows give, passed over for the
	// one a title row says the figures cover: "Apr-25 at A1"; also is a
	// second date, or month said to be the data's, not taken (titleDate);
	// "" for none.
	passed, also string
}

// reportDateOf finds the date a sheet's title rows (above 0-based row h)
// or name date the report by, as a district sheet's period is found
// (titlePeriod), and says where it was read.
func reportDateOf(sheet string, g *grid, h int) reportDate {
	month, longer, date := titlePeriod(sheet, g, h)
	p := month
	if p.IsZero() {
		p = longer
	}
	if p.IsZero() {
		return reportDate{}
	}
	if date.cell != "" {
		return reportDate{p, fmt.Sprintf("the date %s at %s", date.text, date.cell), date.passed, date.also}
	}
	// The cell titlePeriod read it from: the first naming it as
	// titlePeriod reads a title.
	names := func(s, label string) bool {
		if q, ok := findMonthRange(s); ok {
			return q == p
		}
		if m, ok := findAsAtMonth(s, label); ok && m == p {
			return true
		}
		q, ok := findLongerPeriod(s)
		return ok && q == p
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		for c, s := range g.rows[r] {
			if s = strings.TrimSpace(s); s != "" && names(s, leftText(g.rows[r], c)) {
				return reportDate{p, fmt.Sprintf("the title %q at %s", s, cellName(r, c)), date.passed, date.also}
			}
		}
	}
	return reportDate{p, fmt.Sprintf("the sheet's name %q", sheet), "", ""}
}

// date dates a relative heading by the report's date d: the period, how
// it was dated (for the warning at the heading), or why it cannot be.
func (rel relative) date(d reportDate) (p app.Period, note, why string) {
	unit := rel.unit
	if unit == 0 {
		unit = d.period.Kind
	}
	what := map[app.PeriodKind]string{app.Month: "month", app.Quarter: "quarter"}[unit]
	if what == "" {
		what = "period"
	}
	if d.period.IsZero() {
		return p, "", fmt.Sprintf("it names a %s by its place from the report's, and neither the title rows nor the sheet's name give the report's month to date it by: head it with its %s (such as Mar-25), or give the month in the title", what, what)
	}
	at := d.period
	switch {
	case unit == app.Month && at.Kind == app.Month, unit == app.Quarter && at.Kind == app.Quarter:
	case unit == app.Quarter && at.Kind == app.Month && at.N%3 == 0:
		at = app.Period{Kind: app.Quarter, Year: at.Year, N: at.N / 3} // the quarter the month ends
	default:
		return p, "", fmt.Sprintf("it names a %s by its place from the report's, and %s gives %s, which dates no %s: head it with its %s", what, d.from, d.period.Label(), what, what)
	}
	per := map[app.PeriodKind]int{app.Month: 12, app.Quarter: 4}[unit]
	report := fmt.Sprintf("%s, the report's %s as %s gives it", at.Label(), what, d.from)
	if at != d.period {
		report = fmt.Sprintf("%s, the quarter ending %s, the report's month as %s gives it", at.Label(), d.period.Label(), d.from)
	}
	switch {
	case rel.yearBack:
		p = at.Add(-per)
		note = fmt.Sprintf("the same %s a year before %s", what, report)
	case rel.back == 1:
		p = at.Add(-1)
		note = fmt.Sprintf("the %s before %s", what, report)
	default:
		p = at
		note = strings.TrimPrefix(report, at.Label()+", ")
	}
	if d.passed != "" {
		// The title rows named two months; the one not said to be the
		// data's may be the report's issue, as "April 2025 edition" is.
		note += fmt.Sprintf(" (it says what the figures cover; %s, which does not, is passed over)", d.passed)
	}
	if d.also != "" {
		note += fmt.Sprintf(" (the title rows also give %s: the first is taken)", d.also)
	}
	return p, p.Label() + ", " + note, ""
}
