package importer

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"scorecard/app"
)

// titleDate is a date a district sheet's title gives its figures
// ("data as at 31/08/2025", or a date cell beside "Data as at:"), read
// as the month it falls in.
type titleDate struct {
	month app.Period
	day   time.Time
	text  string // as written: "31/08/2025"
	cell  string // where: "A1"
	// also is another date the title rows give, not said to be the
	// report's own, as written and where ("30/09/2025 at C2"); "" for
	// none. The first is taken, with a warning naming both.
	also string
	// dataAt is where a title row says the figures cover this month
	// ("Data to end of March 2025" at A2, dataPeriodIn), and passed the
	// other month the title rows give there, not said to date the
	// report ("Apr-25 at A1"); "" for none.
	dataAt, passed string
	// worded is how a quarter or year in words in the title or sheet's
	// name was read, or why not (titleWorded); zero for none.
	worded titleWording
}

// monthEnd reports whether the date is the last day of its month, as a
// snapshot "as at" the month's end is; another day still names its
// month, and the import says which date it read.
func (d titleDate) monthEnd() bool { return d.day.AddDate(0, 0, 1).Day() == 1 }

// titleDateIn finds a date in the title rows of a sheet (those above the
// 0-based header row h): a date cell, or one written 31/08/2025,
// 31.08.2025, 31-08-2025 or 2025-08-31 in a title's words. A date said
// to be when the report was produced or printed, rather than what its
// figures are as at, is passed over, whether the words saying so are
// just before it in the same text ("data as at 31/08/2025 (produced
// 03/09/2025)") or in the cell to its left ("Produced:"). Where two
// dates remain, the first is taken and the other kept in also.
func titleDateIn(g *grid, h int) (titleDate, bool) {
	var first titleDate
	found := false
	add := func(d titleDate) {
		switch {
		case !found:
			first, found = d, true
		case first.also == "" && !d.day.Equal(first.day):
			first.also = d.text + " at " + d.cell
		}
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		row := g.rows[r]
		for c, s := range row {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if g.look(r, c).date {
				f, err := strconv.ParseFloat(s, 64)
				if err != nil || f < 32874 || f > 73051 || notAsAt(leftText(row, c)) || notAsAtAfter(rightText(row, c)) {
					continue
				}
				t := app.ExcelDate(f)
				add(titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: t.Format("02/01/2006"), cell: cellName(r, c)})
				continue
			}
			eachAsAtDate(s, func() string { return leftText(row, c) }, func(t time.Time, text string, _ bool) {
				add(titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: text, cell: cellName(r, c)})
			})
		}
	}
	return first, found
}

// rightText is the text of the nearest filled cell right of column c:
// what a date cell is ("edition").
func rightText(row []string, c int) string {
	for c++; c < len(row); c++ {
		if t := strings.TrimSpace(row[c]); t != "" {
			return t
		}
	}
	return ""
}

// leftText is the text of the nearest filled cell left of column c: a
// date cell's label.
func leftText(row []string, c int) string {
	for c--; c >= 0; c-- {
		if t := strings.TrimSpace(row[c]); t != "" {
			return t
		}
	}
	return ""
}

// notAsAt reports whether a title's words before a date date the
// report itself, not its figures: "Produced 07/04/2025", "Edition:
// April 2025", "Last updated 7 April 2025".
func notAsAt(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"produced", "printed", "created", "generated", "run on", "run date", "report run", "extracted", "published", "issued",
		"edition", "updated", "report date"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// notAsAtAfter is notAsAt for the words after a date (after, from the
// end of the date's first word): its first word that is not a year or
// day says the date is the report's own, "April 2025 edition". Only
// such a noun counts there: in "data as at 31/08/2025 (produced
// 03/09/2025)" the word after the first date is the second's.
func notAsAtAfter(after string) bool {
	_, ok := reportWordAfter(after)
	return ok
}

// reportWordAfter finds the word notAsAtAfter reads, and where in after
// it ends: the words before the next date begin there, so that in
// "April 2025 edition - data to March 2025" March's are not the
// edition's.
func reportWordAfter(after string) (end int, ok bool) {
	for i := 0; i < len(after); {
		sep := func(b byte) bool { return isDateSep(b) || b == '-' || b == '.' }
		if sep(after[i]) {
			i++
			continue
		}
		j := i
		for j < len(after) && !sep(after[j]) {
			j++
		}
		w := after[i:j]
		if hasDigit(w) {
			i = j
			continue // the year of "April 2025 edition"
		}
		switch strings.ToLower(w) {
		case "edition", "issue":
			return j, true
		}
		return 0, false
	}
	return 0, false
}

// dataWords are the words before a date or month that say it is what
// the figures cover: "Data to end of March 2025", "data as at
// 31/03/2025", "Figures for March 2025", "Reporting period: March 2025".
var dataWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:data|figures)\s+(?:(?:up\s+)?to|as\s+(?:at|of)|at|for|ending|until|period|month)\b|\breporting\s+(?:period|month)\b`)
})

// dataAsAt reports whether the words before a date say the figures
// cover it, and do not say it dates the report.
func dataAsAt(before string) bool { return dataWords().MatchString(before) && !notAsAt(before) }

// dataPeriodIn finds the month a title row (above 0-based row h) says
// the figures cover: a month ("Data to end of March 2025") or date
// ("data as at 31/03/2025", a date cell beside "Data as at:") the words
// before it say is the data's. It outranks any other date the title
// rows give, wherever it is among them: "Leeds Scorecard - April 2025"
// in A1 may be when the report was issued. The first other month they
// give, where it differs, is kept in passed for the warning. The date
// and cell of a date in figures are kept as titleDateIn keeps them; a
// month in words leaves them to be found (reportDateOf), its text the
// month's label. Of two dates or months said to be the data's, the
// first stands, the other kept in also, as titleDateIn keeps a second
// date, for the warning naming both.
func dataPeriodIn(g *grid, h int) (d titleDate, ok bool) {
	var other titleDate
	note := func(t titleDate, data bool) {
		differs := t.month != d.month || !t.day.IsZero() && !d.day.IsZero() && !t.day.Equal(d.day)
		switch {
		case data && !ok:
			d, ok = t, true
		case data && d.also == "" && differs:
			d.also = t.text + " at " + t.dataAt // warned as titleDateIn's are
		case !data && other.month.IsZero():
			other = t
		}
	}
	for r := 0; r < h && r < len(g.rows); r++ {
		row := g.rows[r]
		for c, s := range row {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			at, label := cellName(r, c), leftText(row, c)
			if g.look(r, c).date {
				f, err := strconv.ParseFloat(s, 64)
				if err != nil || f < 32874 || f > 73051 || notAsAt(label) || notAsAtAfter(rightText(row, c)) {
					continue
				}
				t := app.ExcelDate(f)
				note(titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: t.Format("02/01/2006"), cell: at, dataAt: at}, dataAsAt(label))
				continue
			}
			first, data := asAtMonths(s, label)
			if !data.IsZero() {
				note(titleDate{month: data, text: data.Label(), dataAt: at}, true)
			}
			if !first.IsZero() && first != data {
				note(titleDate{month: first, text: first.Label(), dataAt: at}, false)
			}
			eachAsAtDate(s, func() string { return label }, func(t time.Time, text string, data bool) {
				note(titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: text, cell: at, dataAt: at}, data)
			})
		}
	}
	if ok && !other.month.IsZero() && other.month != d.month {
		d.passed = other.month.Label() + " at " + other.dataAt
	}
	return d, ok
}

// asAtDateIn finds the first date in figures in s not said
// to be the day the report was produced.
func asAtDateIn(s string) (day time.Time, text string, ok bool) {
	eachAsAtDate(s, func() string { return "" }, func(t time.Time, w string, _ bool) {
		if !ok {
			day, text, ok = t, w, true
		}
	})
	return day, text, ok
}

// eachAsAtDate calls f with each whole date written in figures in s:
// day, month and year as English titles write them (31/08/2025,
// 1.9.2025, 31-08-25), or ISO year, month and day (2025-08-31); a
// day-month order that cannot be one (08/31/2025) is no date. Those the
// words since the date (or month in words) before, or label where none
// come before it in s, say are the day the report was produced or printed are passed over,
// as is one the word after it says is (notAsAtAfter). data says the
// words before it say the figures cover it (dataAsAt).
func eachAsAtDate(s string, label func() string, f func(t time.Time, text string, data bool)) {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	since := 0 // where the words before the next date begin
	for i := 0; i < len(s); {
		if isDateSep(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isDateSep(s[j]) {
			j++
		}
		word := strings.TrimRight(s[i:j], ".")
		if d, _, ok := strings.Cut(word, "T"); ok && len(d) == 10 {
			word = d // an ISO date and time
		}
		if t, ok := numericDate(word); ok {
			before := s[min(since, i):i]
			eachMonth(before, func(_ app.Period, at int) bool {
				// The words since a month in words are this date's.
				before = before[at:]
				return true
			})
			if strings.TrimSpace(before) == "" {
				before = label()
			}
			end, report := reportWordAfter(s[j:])
			if !notAsAt(before) && !report {
				f(t, word, dataAsAt(before))
			}
			since = j + end
		}
		i = j
	}
}

// isDateSep reports whether byte b parts the words of a title around a
// date.
func isDateSep(b byte) bool {
	switch b {
	case ' ', '(', ')', ',', ';', ':', '\t', '\n':
		return true
	}
	return false
}

// numericDate reads one word as a date in figures (see dateIn).
func numericDate(f string) (time.Time, bool) {
	if len(f) < 6 || len(f) > 10 {
		return time.Time{}, false
	}
	sep := strings.IndexAny(f, "/.-")
	if sep < 0 {
		return time.Time{}, false
	}
	parts := strings.Split(f, f[sep:sep+1])
	if len(parts) != 3 {
		return time.Time{}, false
	}
	n := [3]int{}
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return time.Time{}, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, m, d = n[0], n[1], n[2]
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4:
		d, m, y = n[0], n[1], n[2]
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 2 && f[sep] == '/':
		d, m, y = n[0], n[1], 2000+n[2]
	default:
		return time.Time{}, false
	}
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31/02/2025
	}
	return t, true
}

// titlePeriod finds the period a district sheet reports, in its title
// rows or its name: the month the title names ("March 2025"), else the
// month of a date the title gives ("data as at 31/08/2025", or a date
// cell), else the month the sheet's name names, else the quarter ("Q1
// 2024/25", "2024-Q3") or year ("2024/25") named, as the scorecard's own
// columns may be. A title's date in figures counts as its month in words
// does, before the sheet's name. A month the title says the report was
// produced or printed in is passed over, as such a date is; one a title
// row says the figures cover ("Data to end of March 2025") comes before
// any other (dataPeriodIn). date is the date read, where the month is a
// date's or the data's.
func titlePeriod(sheet string, g *grid, h int) (month, longer app.Period, date titleDate) {
	var texts []string
	for r := 0; r < h; r++ {
		texts = append(texts, g.rows[r]...)
	}
	texts = append(texts, sheet)
	for _, s := range texts {
		if p, ok := findMonthRange(s); ok {
			return app.Period{}, p, titleDate{}
		}
	}
	if d, ok := dataPeriodIn(g, h); ok {
		return d.month, app.Period{}, d
	}
	for r := 0; r < h; r++ {
		for c, s := range g.rows[r] {
			if p, ok := findAsAtMonth(s, leftText(g.rows[r], c)); ok {
				return p, app.Period{}, titleDate{}
			}
		}
	}
	if d, ok := titleDateIn(g, h); ok {
		return d.month, app.Period{}, d
	}
	if p, ok := findMonth(sheet); ok {
		return p, app.Period{}, titleDate{}
	}
	// A quarter or year in words is said at the title's cell, or refuses
	// the sheet there (titleWorded): read for its year alone, "Quarter 1
	// 2025/26" filed a quarter's figures as the year's.
	at := func(i int) string {
		for r, n := 0, 0; r < h; r++ {
			if i < n+len(g.rows[r]) {
				return cellName(r, i-n)
			}
			n += len(g.rows[r])
		}
		return ""
	}
	for i, s := range texts {
		if p, note, refused, ok := titleWorded(s); ok || refused != "" {
			return app.Period{}, p, titleDate{worded: titleWording{cell: at(i), text: strings.TrimSpace(s), note: note, refused: refused}}
		}
		if p, ok := findLongerPeriod(s); ok {
			return app.Period{}, p, titleDate{}
		}
	}
	return app.Period{}, app.Period{}, titleDate{}
}
