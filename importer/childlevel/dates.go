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
