package xlsx

import (
	"strconv"
	"strings"
	"time"
)

// date1904Offset is the days from 1900's day zero to 1904's (1 January
// 1904 is serial 1462 in the 1900 system, 0 in the 1904 one).
const date1904Offset = 1462

// shiftSerial moves a date serial by days; text that is not a number is
// left as it is.
func shiftSerial(s string, days float64) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return s
	}
	return strconv.FormatFloat(f+days, 'f', -1, 64)
}

// isoLayouts are the forms of an ISO 8601 date cell (t="d").
var isoLayouts = []string{"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02", "15:04:05.999999999", "15:04:05"}

// excelEpoch is day zero of the 1900 date system, two days early so
// that serials after Excel's phantom 29 February 1900 land right.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// isoSerial gives an ISO 8601 date cell's value as the serial Excel
// stores for that date and time (of the 1904 system where date1904), so
// that it reads like any other date; text not in ISO form is kept.
func isoSerial(s string, date1904 bool) string {
	s = strings.TrimSpace(s)
	for _, l := range isoLayouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if t.Year() == 0 {
			// A time alone: a fraction of a day.
			t = t.AddDate(1899, 11, 29)
		}
		_, off := t.Zone()
		t = t.Add(time.Duration(off) * time.Second).UTC()
		serial := float64(t.Sub(excelEpoch)) / float64(24*time.Hour)
		if date1904 {
			serial -= date1904Offset
		}
		return strconv.FormatFloat(serial, 'f', -1, 64)
	}
	return s
}
