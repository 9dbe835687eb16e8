package childlevel

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
)

// dateLayouts are the ways lists write dates as text; the 903 tables use
// the first.
var dateLayouts = []string{"02/01/2006", "2/1/2006", "2006-01-02", "02-01-2006", "2 Jan 2006",
	"02-Jan-2006", "2-Jan-06", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "02/01/2006 15:04:05"}

// errNotDate is a cell that is not a date. It never quotes the cell: the
// text may be anything typed into a child's record.
var errNotDate = errors.New("is not a date (expected dd/mm/yyyy)")

// parseDate reads a date written as text (dd/mm/yyyy first, as the 903
// and English lists write them) or, in a workbook, as an Excel serial. A
// blank is the zero time.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := ddmmyyyy(s); ok {
		return t, nil
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f < 1 || f > 100000 {
			return time.Time{}, errNotDate
		}
		return app.ExcelDate(f), nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errNotDate
}

// ddmmyyyy reads the commonest form without time.Parse, which a 100,000
// row list would otherwise spend much of its import in.
func ddmmyyyy(s string) (time.Time, bool) {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' {
		return time.Time{}, false
	}
	d, ok1 := digits(s[0:2])
	m, ok2 := digits(s[3:5])
	y, ok3 := digits(s[6:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31/02 and the like
	}
	return t, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// endOfMonth is the last day of t's month.
func endOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC)
}

// later is the later of two dates; the zero time is earlier than any.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// yearBefore is the date a year before d: the same day of the same month,
// except that a month's last day goes to the last day of that month a
// year earlier (28 Feb 2025 to 29 Feb 2024, 29 Feb 2024 to 28 Feb 2023).
// time.AddDate(-1, 0, 0) would move 29 Feb 2024 to 1 Mar 2023, and leave
// 28 Feb 2025 at 28 Feb 2024 though a month end: a day off either way.
func yearBefore(d time.Time) time.Time {
	y, m, day := d.Date()
	if day == endOfMonth(d).Day() {
		return endOfMonth(time.Date(y-1, m, 1, 0, 0, 0, 0, time.UTC))
	}
	// Not a month's last day, so not 29 February: the date exists a
	// year earlier.
	return time.Date(y-1, m, day, 0, 0, 0, 0, time.UTC)
}

// today is the date now, in UTC like every date read; a variable so that
// tests can move it.
var today = func() time.Time {
	y, m, d := time.Now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// extractLabels are the words a title row above a list's header uses to
// give the date the list was extracted.
var extractLabels = []string{"extract", "as at", "as of", "snapshot", "report date", "date of report",
	"run date", "date run", "date produced", "census date"}

// extractDate finds a list's extract date in a title row: a cell with an
// extract label and the date after a colon in it ("Date of extract:
// 05/10/2026") or in the next non-blank cell of the row. j is the index of
// the cell holding the date.
func extractDate(cells []string) (d time.Time, j int, ok bool) {
	for i, c := range cells {
		label := strings.ToLower(c)
		found := false
		for _, l := range extractLabels {
			if strings.Contains(label, l) {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		if k := strings.IndexByte(c, ':'); k >= 0 {
			if d, err := parseDate(c[k+1:]); err == nil && plausible(d) {
				return d, i, true
			}
		}
		for k := i + 1; k < len(cells); k++ {
			if strings.TrimSpace(cells[k]) == "" {
				continue
			}
			if d, err := parseDate(cells[k]); err == nil && plausible(d) {
				return d, k, true
			}
			break
		}
	}
	return time.Time{}, 0, false
}

// plausible reports whether d could date a list of children in care
// today, and not be a year or a count read as an Excel serial.
func plausible(d time.Time) bool { return d.Year() >= 2000 }
