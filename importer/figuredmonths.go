package importer

// Month headings as producers write them in figures other than a whole
// date in figures (dateheadings.go): a warehouse's period key "202404"
// (YYYYMM), a month and a short year "04/24" (MM/YY), and a month's first
// day with its month named, "01-Apr-24" (Excel's dd-mmm-yy saved as
// text). Each was "not one the importer knows" and its scorecard
// imported no figures (QA27b 8), while "30/04/2024" was read.
//
// "202404" and "04/24" are months only by the company they keep: alone,
// "202404" may be a code and "11/12" is the year 2011/12. So they are read
// only in a row where every heading written so is a month and together
// they run a month apart, as no row of codes or years does (years
// 10/11, 11/12 are thirteen months apart as MM/YY); any other such
// heading is refused at its cell, saying how to head it. A named month's
// first or last day says its month alone. Each reading is said once at
// the row's first heading read so (warnFiguredMonths).

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"scorecard/app"
)

// The forms figuredMonths reads.
const (
	formYYYYMM = "yyyymm" // 202404
	formMMYY   = "mmyy"   // 04/24
	formDayMon = "daymon" // 01-Apr-24
)

// figuredRead is a row's headings read in one form of figuredMonths.
type figuredRead struct {
	form string
	cols []int
	ps   []app.Period
	// years are the headings that alone read as financial years
	// ("11/12"), read as months among the row's.
	years []string
	// yearCols are the MM/YY-shaped headings that can be no month, and
	// are years ("24/25", 24 being no month), by column, with the years
	// they name (yearPs); read by the year reader, said at their cells.
	yearCols []int
	yearPs   []app.Period
	// refused says, by column, why such a year is not read: it ends
	// after the months' latest.
	refused map[int]string
}

// yearsBeside settles the years among a run of MM/YY months ("24/25"
// beside "04/25", "05/25"): a year ended by the latest month is read, as
// the year's figure (an outturn, or a full year to date), into out; one
// ending after it could be a year to date, a forecast or a target, and
// is refused, saying how to head it. With no months beside, they are
// left as they were.
func (f *figuredRead) yearsBeside(out map[int]app.Period, heads []string) {
	if len(f.ps) == 0 {
		f.yearCols, f.yearPs = nil, nil
		return
	}
	latest := slices.MaxFunc(f.ps, app.Period.Compare)
	cols, ps := f.yearCols[:0:0], f.yearPs[:0:0]
	for i, c := range f.yearCols {
		y := f.yearPs[i]
		if y.End().After(latest.End()) {
			if f.refused == nil {
				f.refused = map[int]string{}
			}
			f.refused[c] = fmt.Sprintf("%q is the year %s (%s being no month), which ends after %s, the latest month beside it: its figure could be a year to date, a forecast or a target, which its heading does not tell apart; head it Target %s if it is the year's target (a year to date is not read beside the months that give it)",
				strings.TrimSpace(heads[c]), y.Label(), strings.SplitN(strings.TrimSpace(heads[c]), "/", 2)[0], latest.Label(), y.Label())
			continue
		}
		out[c] = y
		cols, ps = append(cols, c), append(ps, y)
	}
	f.yearCols, f.yearPs = cols, ps
}

var dayMonth = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{1,2})[-/. ]([A-Za-z]{3,9})[-/. ](\d{2}|\d{4})$`)
})

// yyyymm parts a heading of six figures, a year from 1990 to 2100 and
// then a month.
func yyyymm(s string) (app.Period, bool) {
	if len(s) != 6 || !allDigits(s) {
		return app.Period{}, false
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[4:])
	if y < 1990 || y > 2100 || m < 1 || m > 12 {
		return app.Period{}, false
	}
	return app.MonthOf(y, time.Month(m)), true
}

// mmyy parts a heading of a month's number and a two-figure year, "04/24"
// or "4/24", as the month of 20YY; shaped reports the form whatever the
// figures.
func mmyy(s string) (p app.Period, shaped, ok bool) {
	a, b, cut := strings.Cut(s, "/")
	if !cut || len(a) < 1 || len(a) > 2 || len(b) != 2 || !allDigits(a) || !allDigits(b) {
		return app.Period{}, false, false
	}
	m, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	if m < 1 || m > 12 {
		return app.Period{}, true, false
	}
	return app.MonthOf(2000+y, time.Month(m)), true, true
}

// namedMonthDay parts a day, a month's name and a year, "01-Apr-24" or
// "1 April 2024", as its month, ok where the day is the month's first
// or last; shaped reports the form whatever the day.
func namedMonthDay(s string) (p app.Period, shaped, ok bool) {
	m := dayMonth().FindStringSubmatch(s)
	if m == nil {
		return app.Period{}, false, false
	}
	month, err := app.ParsePeriod(m[2] + " " + m[3])
	if err != nil || month.Kind != app.Month {
		return app.Period{}, false, false
	}
	d, _ := strconv.Atoi(m[1])
	_, ok = monthOfDay(month.Year, month.N, d)
	return month, true, ok
}

// figuredMonths reads the month headings of a row in this file's forms,
// by column, with how each form was read for the note at the row.
func figuredMonths(heads []string, row int) (map[int]app.Period, []figuredRead) {
	out := map[int]app.Period{}
	var reads []figuredRead
	// inRun keeps a form's headings where all of them are months that
	// run a month apart.
	inRun := func(form string, parse func(string) (app.Period, bool, bool)) {
		f := figuredRead{form: form}
		for c, h := range heads {
			p, shaped, ok := parse(strings.TrimSpace(h))
			if !shaped {
				continue
			}
			if !ok && form == formMMYY {
				if y, err := shortYear(strings.TrimSpace(h)); err == nil {
					// "24/25" beside "04/25": 24 is no month, so the
					// year 2024/25, read or refused by yearsBeside
					// and said (warnFiguredMonths, warnUnused).
					f.yearCols, f.yearPs = append(f.yearCols, c), append(f.yearPs, y)
					continue
				}
			}
			if !ok {
				return
			}
			f.cols, f.ps = append(f.cols, c), append(f.ps, p)
		}
		if !consecutive(f.ps) {
			return
		}
		f.yearsBeside(out, heads)
		for i, c := range f.cols {
			out[c] = f.ps[i]
			if y, err := shortYear(strings.TrimSpace(heads[c])); err == nil {
				f.years = append(f.years, fmt.Sprintf("%q is not the year %s", strings.TrimSpace(heads[c]), y.Label()))
			}
		}
		reads = append(reads, f)
	}
	inRun(formYYYYMM, func(s string) (app.Period, bool, bool) {
		p, ok := yyyymm(s)
		return p, ok, ok
	})
	inRun(formMMYY, mmyy)
	days := figuredRead{form: formDayMon}
	for c, h := range heads {
		if p, _, ok := namedMonthDay(strings.TrimSpace(h)); ok {
			out[c] = p
			days.cols, days.ps = append(days.cols, c), append(days.ps, p)
		}
	}
	if len(days.cols) > 0 {
		reads = append(reads, days)
	}
	return out, reads
}

// figuredRefusal says why a heading in one of this file's forms was not
// read as a month, and how to head it; "" for a heading in none.
func figuredRefusal(h string) string {
	t := strings.TrimSpace(h)
	if p, ok := yyyymm(t); ok {
		return fmt.Sprintf("%q could be %s written year then month (YYYYMM), but is read so only in a row of such headings that run a month apart: head it %s, or head every month's column so", t, p.Label(), p.Label())
	}
	if p, shaped, ok := mmyy(t); shaped {
		if !ok {
			return "" // "24/25": no month, left to what reads years
		}
		if y, err := shortYear(t); err == nil {
			return fmt.Sprintf("%q could be the year %s or %s written month/year (MM/YY), and is read as a month only in a row where every heading so written is a month and they run a month apart: head a year such as %s, a month such as %s or %02d/%d", t, y.Label(), p.Label(), y.Label(), p.Label(), p.N, p.Year)
		}
		return fmt.Sprintf("%q could be %s written month/year (MM/YY), but is read so only in a row where every heading so written is a month and they run a month apart: head it %s or %02d/%d", t, p.Label(), p.Label(), p.N, p.Year)
	}
	if p, shaped, ok := namedMonthDay(t); shaped && !ok {
		return fmt.Sprintf("%q is a day, not a month's first or last day: head the column by its month, such as %s", t, p.Label())
	}
	return ""
}

// warnFiguredMonths says once, at the first heading of each form read,
// how the row's headings in it were read (figuredMonths).
func (s *sheetReader) warnFiguredMonths() {
	for _, f := range s.l.figured {
		var cols []Column
		for i, c := range f.cols {
			for _, col := range s.l.Columns {
				if col.index == c && col.Role == RolePeriod && col.Period == f.ps[i] {
					cols = append(cols, col)
				}
			}
		}
		if len(cols) == 0 {
			continue
		}
		for i, c := range f.yearCols {
			for _, col := range s.l.Columns {
				if col.index == c && col.Role == RolePeriod && col.Period == f.yearPs[i] {
					s.warn(s.l.HeaderRow-1, c, "column %s %q read as the year %s, its outturn, not a month written month/year (MM/YY) as the months beside it are: %s is no month, and the year ended by %s, the latest month beside it",
						col.Col, col.Header, col.Period.Label(), strings.SplitN(col.Header, "/", 2)[0], slices.MaxFunc(f.ps, app.Period.Compare).Label())
				}
			}
		}
		first, last := cols[0], cols[len(cols)-1]
		what := fmt.Sprintf("column %s %q read as %s", first.Col, first.Header, first.Period.Label())
		if len(cols) > 1 {
			what = fmt.Sprintf("columns %s to %s, headed %q to %q, read as %s to %s", first.Col, last.Col, first.Header, last.Header, first.Period.Label(), last.Period.Label())
		}
		var how string
		switch f.form {
		case formYYYYMM:
			how = "months written year then month (YYYYMM), as every such heading in the row is one and they run a month apart"
		case formMMYY:
			how = "months written month/year (MM/YY), as every such heading in the row is one and they run a month apart"
			if len(f.years) > 0 {
				how += " (" + strings.Join(f.years, ", ") + ")"
			}
		default:
			how = "the months whose first or last day each names"
			if len(cols) == 1 {
				how = "the month whose first or last day it names"
			}
		}
		s.warn(s.l.HeaderRow-1, first.index, "%s, %s", what, how)
	}
}

// footnotedPeriod reads a period heading with a footnote's mark after it,
// "Oct-24*" or "Oct-24 (1)", as the period; the mark comes back for the
// note at the heading (warnFootnotedPeriods). A heading spaced otherwise
// than stripFootnote spaces it ("Sep\n2024") is read too, its mark "".
func footnotedPeriod(h string) (app.Period, string, bool) {
	t := strings.TrimSpace(h)
	bare := strings.TrimSpace(stripFootnote(t))
	if bare == t || bare == "" {
		return app.Period{}, "", false
	}
	p, ok := periodHeading(bare)
	return p, strings.TrimSpace(t[len(bare):]), ok
}

// warnFootnotedPeriods says at each period heading read past its
// footnote's mark that the note it marks was not read.
func (s *sheetReader) warnFootnotedPeriods() {
	for _, c := range s.l.Columns {
		p, mark, ok := footnotedPeriod(c.Header)
		if !ok || mark == "" || c.Role != RolePeriod || c.Period != p {
			// No mark: "Sep\n2024", spaced otherwise (stripFootnote).
			continue
		}
		s.warn(s.l.HeaderRow-1, c.index, "column %s %q read as %s, its footnote's mark %q set aside: the note it marks is not read; check it does not qualify the column's figures", c.Col, c.Header, p.Label(), mark)
	}
}
