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
}

// monthEnd reports whether the date is the last day of its month, as a
// snapshot "as at" the month's end is; another day still names its
// month, and the import says which date it read.
func (d titleDate) monthEnd() bool { return d.day.AddDate(0, 0, 1).Day() == 1 }

// titleDateIn finds a date in the title rows of a sheet (those above the
// 0-based header row h): a date cell, or one written 31/08/2025,
// 31.08.2025, 31-08-2025 or 2025-08-31 in a title's words. A date said
// to be when the report was produced or printed, rather than what its
// figures are as at, is passed over.
func titleDateIn(g *grid, h int) (titleDate, bool) {
	for r := 0; r < h && r < len(g.rows); r++ {
		row := g.rows[r]
		for c, s := range row {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if g.look(r, c).date {
				f, err := strconv.ParseFloat(s, 64)
				if err != nil || f < 32874 || f > 73051 {
					continue
				}
				if c > 0 && notAsAt(firstText(row[:c])) {
					continue
				}
				t := app.ExcelDate(f)
				return titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: t.Format("02/01/2006"), cell: cellName(r, c)}, true
			}
			if notAsAt(s) {
				continue
			}
			if t, text, ok := dateIn(s); ok {
				return titleDate{month: app.MonthOf(t.Year(), t.Month()), day: t, text: text, cell: cellName(r, c)}, true
			}
		}
	}
	return titleDate{}, false
}

// notAsAt reports whether a title's words date the report itself, not
// its figures.
func notAsAt(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"produced", "printed", "created", "generated", "run on", "run date", "extracted", "published"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// dateIn finds a whole date written in figures in s: day, month and
// year as English titles write them (31/08/2025, 1.9.2025, 31-08-25), or
// ISO year, month and day (2025-08-31). A day-month order that cannot
// be one (08/31/2025) is no date.
func dateIn(s string) (time.Time, string, bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '(' || r == ')' || r == ',' || r == ';' || r == ':' || r == '\u00a0'
	})
	for _, f := range fields {
		f = strings.TrimRight(f, ".")
		if d, _, ok := strings.Cut(f, "T"); ok && len(d) == 10 {
			f = d // an ISO date and time
		}
		if t, ok := numericDate(f); ok {
			return t, f, true
		}
	}
	return time.Time{}, "", false
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
