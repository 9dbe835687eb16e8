package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
)

// yearOrMonth reports whether s, such as "2009-10", reads both as a month
// (October 2009, as ISO 8601 and the command line write months) and as a
// financial year (2009/10, as the DfE and many councils write years), and
// returns the month. With two digits after the year only 2000-01 to
// 2011-12 can be both; with one, the shorthand "2021/2" for 2021/22 is
// also February 2021, in any year.
func yearOrMonth(s string) (app.Period, bool) {
	if len(s) != 6 && len(s) != 7 || s[4] != '-' && s[4] != '/' {
		return app.Period{}, false
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	next := (y + 1) % 100
	if len(s) == 6 {
		next = (y + 1) % 10
	}
	if err1 != nil || err2 != nil || s[5] == '+' || s[5] == '-' || m < 1 || m > 12 || m != next {
		return app.Period{}, false
	}
	return app.MonthOf(y, time.Month(m)), true
}

// numericMonth reports whether s writes a month only as numbers, as
// 2009-11 or 2021/3 do, and not also a year: the evidence that a
// producer writes months so, and that a heading or period such as
// "2009-10" among them is one. A month written Oct-09 says nothing of
// how the producer writes years, and beside "2009-10" usually heads the
// months of that year.
func numericMonth(s string) bool {
	if _, both := yearOrMonth(s); both || len(s) < 6 || len(s) > 7 || s[4] != '-' && s[4] != '/' {
		return false
	}
	p, err := app.ParsePeriod(s)
	return err == nil && p.Kind == app.Month
}

// periodReading is how a tidy table reads the periods in its column that
// are both a month and a year (yearOrMonth).
type periodReading struct {
	months bool   // read as months, not financial years
	first  int    // the row of the first, -1 for none
	text   string // the first's text
	n      int    // how many rows hold one
	// witness is another period of the column, read one way only, that
	// decided the reading; "" where none did.
	witness string
}

// readPeriodsOf decides how the period column c reads its periods that
// are both a month and a year: as months when the column's other periods
// are months written as numbers (numericMonth) and none is a year,
// otherwise as years. Either way the reading is said, as a guess must be.
func (s *sheetReader) readPeriodsOf(c Column) periodReading {
	pr := periodReading{first: -1}
	var month, year string // the first of each kind read one way only
	kinds := map[string]app.PeriodKind{}
	for r := s.l.FirstRow - 1; r < len(s.g.rows); r++ {
		t := strings.TrimSpace(s.at(r, &c))
		if t == "" {
			continue
		}
		if _, ok := yearOrMonth(t); ok {
			if pr.n == 0 {
				pr.first, pr.text = r, t
			}
			pr.n++
			continue
		}
		k, ok := kinds[t]
		if !ok {
			if p, err := app.ParsePeriod(t); err == nil {
				k = p.Kind
			}
			kinds[t] = k
		}
		switch {
		case k == app.Month && month == "" && numericMonth(t):
			month = t
		case k == app.FinancialYear && year == "":
			year = t
		}
	}
	if month != "" && year == "" {
		pr.months, pr.witness = true, month
	} else {
		pr.witness = year
	}
	return pr
}

// warn says how the periods that are both a month and a year were read.
func (pr periodReading) warn(s *sheetReader, col int) {
	if pr.n == 0 {
		return
	}
	m, _ := yearOrMonth(pr.text)
	y := app.Period{Kind: app.FinancialYear, Year: m.Year}
	read, other := "the month "+m.Label(), "the financial year "+y.Label()
	if !pr.months {
		read, other = other, read
	}
	why := "as the column's other periods are (" + pr.witness + ")"
	if pr.witness == "" {
		why = "as no other period in the column says which"
	}
	more := ""
	if pr.n > 1 {
		more = " and " + strconv.Itoa(pr.n-1) + " more periods like it"
	}
	s.warn(pr.first, col, "%q%s could be a month or a financial year: read as %s, %s, not %s; write months as e.g. Oct-2009 and years as 2009/10 to say which", pr.text, more, read, why, other)
}

// warnYearOrMonth says, at its heading, how each period column headed
// by a period that is both a month and a financial year ("2009-10") was
// read: as the month among columns of months written as numbers, else as
// the year.
func (s *sheetReader) warnYearOrMonth() {
	for _, c := range s.l.Columns {
		m, both := yearOrMonth(c.Header)
		if !both || c.Role != RolePeriod {
			continue
		}
		y := app.Period{Kind: app.FinancialYear, Year: m.Year}
		read, why, other := "the month "+m.Label(), "as the sheet's other month columns are written so", "the financial year "+y.Label()
		if c.Period != m {
			read, why, other = other, "as no other column is a month written so", "the month "+m.Label()
		}
		s.warn(s.l.HeaderRow-1, c.index, "column %s %q could be a month or a financial year: read as %s, %s, not %s", c.Col, c.Header, read, why, other)
	}
}

// FinancialQuarter reads a quarter of a financial year as a scorecard
// heads its column, "Q1 2024/25", "2024/25 Q1" or "Q1 24/25" (Q1 is
// April to June 2024), as the calendar quarter the app keeps. The CLI's
// --period reads it too, so that an officer can name the quarter as
// their scorecard heads it.
func FinancialQuarter(s string) (app.Period, bool) {
	f := strings.Fields(s)
	if len(f) != 2 {
		return app.Period{}, false
	}
	q, y := f[0], f[1]
	if len(y) == 2 && (y[0] == 'Q' || y[0] == 'q') {
		q, y = y, q
	}
	if len(q) != 2 || q[0] != 'Q' && q[0] != 'q' || q[1] < '1' || q[1] > '4' {
		return app.Period{}, false
	}
	year, err := app.ParsePeriod(y)
	if err != nil {
		year, err = shortYear(y) // Q1 25/26
	}
	if err != nil || year.Kind != app.FinancialYear {
		return app.Period{}, false
	}
	// The financial year's quarters are the calendar's second to fourth
	// of its first year and the first of its second.
	n := int(q[1]-'0') + 1
	if n == 5 {
		return app.Period{Kind: app.Quarter, Year: year.Year + 1, N: 1}, true
	}
	return app.Period{Kind: app.Quarter, Year: year.Year, N: n}, true
}

// calendarQuarter reports whether s writes a quarter as "Q3 2024" or
// "Q3-24": the app keeps it as the calendar year's third quarter (July
// to September), but a council numbering quarters by the financial year
// means October to December by it. It returns the quarter read. The
// contract's 2024-Q3, a financial year's Q3 2024/25 and a quarter named
// by its months say which and are not asked about.
func calendarQuarter(s string) (app.Period, bool) {
	t := strings.TrimSpace(s)
	if len(t) < 5 || t[0] != 'Q' && t[0] != 'q' {
		return app.Period{}, false
	}
	p, err := app.ParsePeriod(t)
	return p, err == nil && p.Kind == app.Quarter
}

// calendarQuarterWords says how a quarter calendarQuarter found was
// read, and how a financial year's quarter is written.
func calendarQuarterWords(text string, p app.Period) string {
	fy := app.Period{Kind: app.FinancialYear, Year: p.Year}
	fq, _ := FinancialQuarter(fmt.Sprintf("Q%d %s", p.N, fy))
	return fmt.Sprintf("%q read as %s, the calendar year's quarter %d; a financial year's is written with the year, e.g. Q%d %s (%s)",
		text, p.Label(), p.N, p.N, fy, fq.Label())
}

// warnCalendarQuarters says once, at the first, how period columns
// headed by quarters written as "Q1 2025" were read (calendarQuarter).
func (s *sheetReader) warnCalendarQuarters() {
	n, first := 0, -1
	for i, c := range s.l.Columns {
		if _, ok := calendarQuarter(c.Header); ok && c.Role == RolePeriod && c.Period.Kind == app.Quarter {
			if n == 0 {
				first = i
			}
			n++
		}
	}
	if n == 0 {
		return
	}
	c := s.l.Columns[first]
	more := ""
	if n > 1 {
		more = fmt.Sprintf(" (and %d more columns like it)", n-1)
	}
	s.warn(s.l.HeaderRow-1, c.index, "column %s %s%s", c.Col, calendarQuarterWords(c.Header, c.Period), more)
}
