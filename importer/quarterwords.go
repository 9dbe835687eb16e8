package importer

// Quarters and financial years headed in words as councils write them:
// "Quarter 1 2025/26", "Q1 FY25/26", "Q1 (Apr-Jun 25)", "FY 2020/21".
// Unread, a scorecard so headed imported its indicators with no figures
// (each column "not one the importer knows"), or was refused with no
// cell named. Each is read as the form it spells out ("Q1 2025/26",
// "2020/21"), quarters numbered from April as in the financial year, and
// said once at its heading; a heading whose quarter number and months
// disagree, or whose year does not say which, is refused at its cell.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
)

// wordedPeriod reads a heading in one of this file's forms. It returns
// the period, and what reading it took, for the note at its heading; or
// why a heading in such a form cannot be read ("" with ok false for a
// heading in none of them).
func wordedPeriod(s string) (p app.Period, note, refused string, ok bool) {
	p, note, refused, _, ok = wordedForm(s)
	return p, note, refused, ok
}

// The forms wordedForm tells apart, each said once (warnWordedPeriods):
// one note for them all left the reading an officer most needs to check,
// quarters numbered from April, unsaid beside an FY year's (QA24a D6).
const (
	formFY          = "fy"          // FY 2020/21
	formQuarter     = "quarter"     // Quarter 1 2025/26: numbered from April
	formMonths      = "months"      // Q1 (Apr-Jun 25): numbered from April
	formMonthsOfCal = "monthsOfCal" // Q1 (Jan-Mar 25): numbered from January
	formQtr         = "qtr"         // Qtr 2 2024: Power BI's, numbered from January
	formCY          = "cy"          // CY 2024, Jan-Dec 2024: a calendar year
)

// wordedForm is wordedPeriod, also naming the form read (formFY ...).
func wordedForm(s string) (p app.Period, note, refused, form string, ok bool) {
	p, note, refused, form, ok = wordedPeriodOf(s)
	if !ok {
		form = ""
	}
	return p, note, refused, form, ok
}

func wordedPeriodOf(s string) (p app.Period, note, refused, form string, ok bool) {
	fields := rangeFields(strings.ReplaceAll(s, "\u00a0", " "))
	if len(fields) == 1 && len(fields[0]) > 2 && (strings.EqualFold(fields[0][:2], "FY") || strings.EqualFold(fields[0][:2], "CY")) {
		fields = []string{fields[0][:2], fields[0][2:]} // FY2020/21, CY2024
	}
	if len(fields) < 2 {
		return app.Period{}, "", "", "", false
	}
	if p, note, refused, ok := fyYear(fields); ok || refused != "" {
		return p, note, refused, formFY, ok
	}
	if p, ok := calendarYearWords(fields); ok {
		return p, fmt.Sprintf("read as the calendar year %d, January to December", p.Year), "", formCY, true
	}
	q, rest, found := quarterWord(fields)
	if !found {
		return app.Period{}, "", "", "", false
	}
	// A year after the quarter: "Quarter 1 2025/26", "Q1 FY25/26".
	if y, marked, ok := fyYearWord(rest); ok {
		if y.Kind != app.FinancialYear {
			return app.Period{}, "", "", "", false
		}
		p, _ := FinancialQuarter(fmt.Sprintf("Q%d %s", q, y))
		how := "quarter " + strconv.Itoa(q) + " of the financial year " + y.Label()
		if marked {
			how += ", FY marking the financial year"
		}
		return p, fmt.Sprintf("read as %s, %s, quarters numbered from April", p.Label(), how), "", formQuarter, true
	}
	if len(rest) == 1 {
		if y, err := strconv.Atoi(rest[0]); err == nil && len(rest[0]) == 4 {
			fy := app.Period{Kind: app.FinancialYear, Year: y}
			cal := app.Period{Kind: app.Quarter, Year: y, N: q}
			fq, _ := FinancialQuarter(fmt.Sprintf("Q%d %s", q, fy))
			if qtrWord(fields) {
				// Power BI's date hierarchy heads a calendar year's
				// quarters "Qtr 1" to "Qtr 4", and its exports join
				// them to the year so: it has no financial quarters,
				// and refusing them lost every column (QA27b 8).
				return cal, fmt.Sprintf("read as %s, the calendar year's quarter %d, as Power BI numbers its \"Qtr\" quarters from January; a financial year's is written with the year, e.g. Q%d %s (%s)",
					cal.Label(), q, q, fy, fq.Label()), "", formQtr, true
			}
			return app.Period{}, "", fmt.Sprintf("quarter %d of %d could be the calendar year's (%s) or the financial year's (%s for %s): head it with the financial year, such as Q%d %s, or by its months, such as %s",
				q, y, cal.Label(), fy.Label(), fq.Label(), q, fy, fq.Label()), "", false
		}
	}
	// The quarter's months after it: "Q1 (Apr-Jun 25)", "Q1 April to June 2025".
	m, n, ok := monthRange(rest)
	if !ok || n != len(rest) || m.Kind != app.Quarter {
		return app.Period{}, "", "", "", false
	}
	fyN := (m.N+2)%4 + 1 // Apr-Jun, the calendar's 2nd, is the financial year's 1st
	fy := app.Period{Kind: app.FinancialYear, Year: m.Year}
	if m.N == 1 {
		fy.Year--
	}
	if fyN != q && m.N == q {
		// "Q1 (Jan-Mar 25)": numbered as the calendar's quarters, the
		// months saying which; refused, every column was lost (QA24a D8).
		return m, fmt.Sprintf("read as %s, its months, its number Q%d counting quarters from January as the calendar does (it is quarter %d of the financial year %s, numbered from April)", m.Label(), q, fyN, fy), "", formMonthsOfCal, true
	}
	if fyN != q {
		return app.Period{}, "", fmt.Sprintf("its quarter number Q%d and its months, %s, disagree: %s is quarter %d of the financial year %s, numbered from April, and quarter %d of the calendar year; head it Q%d (%s) or by its months alone, %s",
			q, m.Label(), m.Label(), fyN, fy, m.N, fyN, strings.Join(rest, " "), m.Label()), "", false
	}
	return m, fmt.Sprintf("read as %s, its months, which are quarter %d of the financial year %s as its number says", m.Label(), q, fy), "", formMonths, true
}

// quarterWord finds a quarter's number at either end of a heading's
// fields, "Q1", "Quarter 1" or "Qtr 1", returning it and the fields
// left.
func quarterWord(fields []string) (int, []string, bool) {
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 1 && n <= 4 && len(s) == 1
	}
	qword := func(s string) bool {
		switch strings.ToLower(strings.TrimSuffix(s, ".")) {
		case "quarter", "qtr", "qr":
			return true
		}
		return false
	}
	short := func(s string) (int, bool) {
		if len(s) == 2 && (s[0] == 'Q' || s[0] == 'q') {
			return num(s[1:])
		}
		return 0, false
	}
	last := len(fields) - 1
	switch {
	case len(fields) >= 3 && qword(fields[0]):
		if q, ok := num(fields[1]); ok {
			return q, fields[2:], true
		}
	case len(fields) >= 3 && qword(fields[last-1]):
		if q, ok := num(fields[last]); ok {
			return q, fields[:last-1], true
		}
	}
	if q, ok := short(fields[0]); ok {
		return q, fields[1:], true
	}
	if q, ok := short(fields[last]); ok {
		return q, fields[:last], true
	}
	return 0, nil, false
}

// qtrWord reports whether a heading's quarter is marked "Qtr", as Power
// BI writes its calendar quarters ("Qtr 2 2024", "2024 Qtr 2").
func qtrWord(fields []string) bool {
	return slices.ContainsFunc(fields, func(f string) bool { return strings.EqualFold(f, "qtr") })
}

// fyYearWord reads the fields of a financial or academic year, "2025/26",
// "25/26", "FY25/26" or "FY 2025/26", reporting whether FY marked it.
func fyYearWord(fields []string) (app.Period, bool, bool) {
	marked := false
	switch {
	case len(fields) == 2 && strings.EqualFold(fields[0], "FY"):
		fields, marked = fields[1:], true
	case len(fields) != 1:
		return app.Period{}, false, false
	}
	y := fields[0]
	if len(y) > 2 && strings.EqualFold(y[:2], "FY") {
		y, marked = y[2:], true
	}
	p, err := app.ParsePeriod(y)
	if err != nil {
		p, err = shortYear(y)
	}
	if err != nil || !p.IsYear() || p.Kind == app.CalendarYear {
		return app.Period{}, false, false
	}
	return p, marked, true
}

// fyYear reads a financial year marked FY, "FY 2020/21", "FY20/21",
// "2020/21 FY", and refuses one marked FY whose year is a plain one,
// "FY 2021", which does not say whether it ends or starts in 2021.
func fyYear(fields []string) (app.Period, string, string, bool) {
	var rest []string
	switch {
	case strings.EqualFold(fields[0], "FY"):
		rest = fields[1:]
	case strings.EqualFold(fields[len(fields)-1], "FY"):
		rest = fields[:len(fields)-1]
	default:
		return app.Period{}, "", "", false
	}
	if len(rest) != 1 {
		return app.Period{}, "", "", false
	}
	if y, ok := plainYear(rest[0]); ok {
		return app.Period{}, "", fmt.Sprintf("%q does not say which financial year: the year to March %d (%d/%02d) or the year from April %d (%d/%02d); head it with both years, such as FY %d/%02d",
			strings.Join(fields, " "), y, y-1, y%100, y, y, (y+1)%100, y-1, y%100), false
	}
	p, _, ok := fyYearWord(rest)
	if !ok || p.Kind != app.FinancialYear {
		return app.Period{}, "", "", false
	}
	return p, fmt.Sprintf("read as the financial year %s, April %d to March %d", p.Label(), p.Year, p.Year+1), "", true
}

// calendarYearWords reads a calendar year written so: "CY 2024", "2024
// CY", "Jan-Dec 2024", "January to December 2024". Refused as headings
// the importer did not know, they left a calendar-year scorecard nothing
// to import.
func calendarYearWords(fields []string) (app.Period, bool) {
	// Asked of every heading: compared in place, allocating nothing.
	is := func(w string, any ...string) bool {
		for _, a := range any {
			if strings.EqualFold(w, a) {
				return true
			}
		}
		return false
	}
	var y int
	var ok bool
	switch n := len(fields); {
	case n == 2 && is(fields[1], "CY"):
		y, ok = plainYear(fields[0])
	case n == 2 && is(fields[0], "CY", "Jan-Dec", "January-December", "Jan\u2013Dec"):
		y, ok = plainYear(fields[1])
	case n == 4 && is(fields[0], "Jan", "January") && is(fields[1], "to", "-", "\u2013") && is(fields[2], "Dec", "December"):
		y, ok = plainYear(fields[3])
	}
	if !ok {
		return app.Period{}, false
	}
	return app.Period{Kind: app.CalendarYear, Year: y}, true
}

// wordedRefusal says why a heading in one of this file's forms is not
// read; "" for a heading in none of them.
func wordedRefusal(h string) string {
	_, _, why, _ := wordedPeriod(strings.TrimSpace(h))
	return why
}

// warnWordedPeriods says once, at the first period column headed in one
// of this file's forms, how it was read, and how many more are like it.
func (s *sheetReader) warnWordedPeriods() {
	type said struct {
		first int
		note  string
		n     int
	}
	var forms []string
	byForm := map[string]*said{}
	for i, c := range s.l.Columns {
		if c.Role != RolePeriod {
			continue
		}
		h := strings.TrimSpace(c.Header)
		p, why, _, form, ok := wordedForm(h)
		if !ok || p != c.Period || readBefore(h) {
			continue
		}
		if byForm[form] == nil {
			forms = append(forms, form)
			byForm[form] = &said{first: i, note: why}
		}
		byForm[form].n++
	}
	for _, form := range forms {
		f := byForm[form]
		c := s.l.Columns[f.first]
		more := ""
		if f.n > 1 {
			more = fmt.Sprintf(" (and %d more columns like it)", f.n-1)
		}
		s.warn(s.l.HeaderRow-1, c.index, "column %s %q %s%s", c.Col, c.Header, f.note, more)
	}
}

// readBefore reports whether a heading is in a form periodHeading read
// before this file's ("Q1 2025/26", "2025/26"), which says nothing.
func readBefore(h string) bool {
	if _, ok := FinancialQuarter(h); ok {
		return true
	}
	if _, ok := monthRangeHeading(h); ok {
		return true
	}
	_, err := app.ParsePeriod(gluedMonth(h))
	return err == nil
}
