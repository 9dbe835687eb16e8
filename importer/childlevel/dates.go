package childlevel

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
)

// dateLayouts are the ways lists write dates as text; the 903 tables use
// the first. A list opened in Excel and saved again as CSV writes its
// dates as Excel shows them: with the time after a date-time ("01/04/2024
// 00:00"), and with two figures of the year where the computer's short
// date has them ("01/04/24"); a child whose dates were so written was
// left out of the counts, each row refused (QA probe 10). A list saved
// where the short date is written with dots (dd.mm.yyyy, as in German)
// is read as dd/mm/yyyy is, its order checked by dateOrder alike: a
// return so written was refused as having no episodes (QA hB F12).
// Month names are read in full ("15 March 2025") as well as short:
// monthAbbrev shortens them first.
var dateLayouts = []string{"02/01/2006", "2/1/2006", "2006-01-02", "02-01-2006", "2 Jan 2006",
	"02-Jan-2006", "2-Jan-06", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "02/01/2006 15:04:05",
	"2/1/2006 15:04:05", "02/01/2006 15:04", "2/1/2006 15:04", "02/01/06", "2/1/06",
	"2.1.2006", "2.1.06"}

// errNotDate is a cell that is not a date. It never quotes the cell: the
// text may be anything typed into a child's record.
var errNotDate = errors.New("is not a date in any form read (such as dd/mm/yyyy, yyyy-mm-dd or 15 March 2025)")

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
	s = monthAbbrev(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errNotDate
}

// monthAbbrev shortens a month's full name in s to the three letters
// time.Parse reads as "Jan": Excel's "d mmmm yyyy" writes "15 March
// 2025", which was no date while "15 Mar 2025" and "1 May 2024" were, so
// that an adoption ending so dated was read as a child still in care (QA
// hB F11). "Sept", as some British short dates write September, is
// shortened too. Any other word is left as it is, and is no date.
func monthAbbrev(s string) string {
	for i := 0; i < len(s); {
		if !isLetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		if w := strings.ToLower(s[i:j]); j-i > 3 && (w == "sept" || slices.Contains(monthNames, w)) {
			s = s[:i+3] + s[j:]
			j = i + 3
		}
		i = j
	}
	return s
}

// monthNames are the months' full names, in lower case.
var monthNames = func() []string {
	names := make([]string, 12)
	for m := time.January; m <= time.December; m++ {
		names[m-1] = strings.ToLower(m.String())
	}
	return names
}()

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// dateOrder gathers what a list's dates written n/n/yyyy (or n.n.yyyy)
// say of their order: a first number over 12 can only be a day, a second
// over 12 only a day written after its month. Each is where the first
// date proving it was. A list of American dates (02/28/2010) had each
// date whose day was over 12 refused and every other read as another
// date, unsaid.
type dateOrder struct{ dayFirst, monthFirst *app.Location }

// note reads s for the order of its numbers; at says where it was, asked
// only of a proof, since most dates prove nothing.
func (o *dateOrder) note(s string, at func() app.Location) {
	if o.dayFirst != nil && o.monthFirst != nil {
		return
	}
	s = strings.TrimSpace(s)
	sep := "/"
	if !strings.Contains(s, sep) {
		sep = "."
	}
	a, rest, ok := strings.Cut(s, sep)
	if !ok {
		return
	}
	b, _, ok := strings.Cut(rest, sep)
	if !ok {
		return
	}
	first, ok1 := digits(a)
	second, ok2 := digits(b)
	switch {
	case !ok1 || !ok2 || len(a) > 2 || len(b) > 2:
		// A year first (2024/03/01) proves nothing of day and month.
	case first > 12 && o.dayFirst == nil:
		l := at()
		o.dayFirst = &l
	case second > 12 && first <= 12 && o.monthFirst == nil:
		l := at()
		o.monthFirst = &l
	}
}

// refusal is the error refusing a list whose dates are written month
// first, and only so: read day first, each would be another date. The
// cell is named, its text never quoted (a child's date of birth).
func (o dateOrder) refusal() error {
	if o.monthFirst == nil || o.dayFirst != nil {
		return nil
	}
	return &app.SourceError{Location: *o.monthFirst, Err: errors.New(
		"its dates are written month first (mm/dd/yyyy: this one's second number is over 12), and no date day first; read as dd/mm/yyyy, every date whose day is 12 or less would be another: save its dates as dd/mm/yyyy, or as dates in a workbook, and import it again")}
}

// mixed says where a list writes dates both ways: those that read either
// way are read day first. Its warning is at file: a place in another
// (one of a 903 return's tables) is named with its file.
func (o dateOrder) mixed(file string) (string, bool) {
	if o.monthFirst == nil || o.dayFirst == nil {
		return "", false
	}
	where := func(l *app.Location) string {
		if l.File != file {
			return filepath.Base(l.File) + " " + l.Cell
		}
		return l.Cell
	}
	day, month := where(o.dayFirst), where(o.monthFirst)
	return fmt.Sprintf("dates are written day first (as at %s) and month first (as at %s): a date that reads either way (03/04/2024) is read day first, and one only month first (02/28/2024) is not a date", day, month), true
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
