package importer

import (
	"strconv"
	"strings"
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
				if err != nil || f < 32874 || f > 73051 || notAsAt(leftText(row, c)) {
					continue
				}
				t := app.ExcelDate(f)
				add(titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: t.Format("02/01/2006"), cell: cellName(r, c)})
				continue
			}
			eachAsAtDate(s, func() string { return leftText(row, c) }, func(t time.Time, text string) {
				add(titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: text, cell: cellName(r, c)})
			})
		}
	}
	return first, found
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

// notAsAt reports whether a title's words date the report itself, not
// its figures.
func notAsAt(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"produced", "printed", "created", "generated", "run on", "run date", "report run", "extracted", "published", "issued"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// asAtDateIn finds the first date in figures in s not said
// to be the day the report was produced.
func asAtDateIn(s string) (day time.Time, text string, ok bool) {
	eachAsAtDate(s, func() string { return "" }, func(t time.Time, w string) {
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
// come before it in s, say are the day the report was produced or printed are passed over.
func eachAsAtDate(s string, label func() string, f func(t time.Time, text string)) {
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
			before := s[since:i]
			eachMonth(before, func(_ app.Period, at int) bool {
				// The words since a month in words are this date's.
				before = before[at:]
				return true
			})
			if strings.TrimSpace(before) == "" {
				before = label()
			}
			if !notAsAt(before) {
				f(t, word)
			}
			since = j
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
