package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"scorecard/app"
)

// monthJumpsBack refuses, at their headings, the month columns of a row
// of months running forward that go back to a month before one the row
// has already passed: Jan-24 | Feb-24 | Mar-24 after Dec-24, left over
// from last year's sheet, or typed as "Jan 24" for Jan-25. Read as
// written their figures were filed a year back, over last year's or as
// their revision, and their own months left empty, without a word; which
// year they are for the row cannot say, once two or more of them agree
// with each other (monthsInTurn places a single heading by the two either
// side). A row that runs backward, newest first, is read alike the other
// way. Headings monthsInTurn kept as written are already said and left
// out, as are months the row heads twice, headings read by a guess
// ("Jun-25 (rev)"), and last year's same months beside this year's
// (Oct-24 ... Dec-24 | Oct-23 ... Dec-23: the month a year on is
// headed, as a copied heading's is not); the months of each area or
// cohort that headings name beside their month run on their own. It runs
// on the month columns in 0-based row label, or in row caption where
// label is blank beneath it, after monthsInTurn.
func monthJumpsBack(l *Layout, g *grid, label, caption int) {
	type key struct {
		area  app.Area
		split app.Split
	}
	runs := map[key][]int{} // indexes into l.Columns, left to right
	var keys []key
	for i, c := range l.Columns {
		if c.Role != RolePeriod || c.Period.Kind != app.Month || c.turn != nil && c.turn.kept {
			continue
		}
		if _, guessed := l.guesses.period(c.index); guessed {
			continue // "Jun-25 (rev)" before Apr-25: said where guesses are
		}
		k := key{c.Area, c.Split}
		if _, ok := runs[k]; !ok {
			keys = append(keys, k)
		}
		runs[k] = append(runs[k], i)
	}
	var refused []int
	for _, k := range keys {
		// A month headed twice is left to what reads the row's blocks:
		// a block of targets under a caption, a table beside, a revised
		// month's column; the figures given twice for one month are
		// said where they differ.
		n := make(map[app.Period]int, len(runs[k]))
		for _, i := range runs[k] {
			n[l.Columns[i].Period]++
		}
		var once []int
		for _, i := range runs[k] {
			if n[l.Columns[i].Period] == 1 {
				once = append(once, i)
			}
		}
		refused = append(refused, jumpsBack(l, g, once, label, caption)...)
	}
	slices.Sort(refused)
	for _, i := range slices.Backward(refused) {
		l.Columns = slices.Delete(l.Columns, i, i+1)
	}
}

// jumpsBack refuses the columns of one run of month columns (indexes
// into l.Columns) that go against the way the run goes, and returns
// them. The way is the one most of its steps go, a step of one month
// counting double: Dec-24 | Jan-24 | Feb-24 runs forward.
func jumpsBack(l *Layout, g *grid, at []int, label, caption int) []int {
	if len(at) < 3 {
		return nil
	}
	score := 0
	for j := 1; j < len(at); j++ {
		d := l.Columns[at[j]].Period.Index() - l.Columns[at[j-1]].Period.Index()
		w := 1
		if d == 1 || d == -1 {
			w = 2
		}
		switch {
		case d > 0:
			score += w
		case d < 0:
			score -= w
		}
	}
	if score == 0 {
		return nil
	}
	way := 1 // forward: each month after the latest so far
	if score < 0 {
		way = -1
	}
	headed := make(map[app.Period]bool, len(at))
	for _, i := range at {
		headed[l.Columns[i].Period] = true
	}
	var refused []int
	reached := at[0] // the column of the furthest month so far
	jump := -1       // the first column of the current run going back
	for j := 1; j < len(at); j++ {
		c := l.Columns[at[j]]
		far := l.Columns[reached]
		if (c.Period.Index()-far.Period.Index())*way > 0 {
			reached, jump = at[j], -1
			continue
		}
		if headed[c.Period.Add(12*way)] {
			// This year's months, then last year's same months beside
			// them (Apr-25 ... Sep-25 | Apr-24 ... Sep-24), each year
			// right: a copied heading's month a year on is not headed.
			continue
		}
		var why string
		if jump < 0 {
			jump = at[j]
			order, next := "after", "later"
			if way < 0 {
				order, next = "before", "earlier"
			}
			why = fmt.Sprintf("its heading, %s, goes back to a month the row has passed, %s %s in column %s in a row of months running %s: its figures may be another year's, left over from last year's headings or typed with the wrong year, and would be filed as that month's, over any already held; head each column with the month its figures are for, each %s than the one before, or give last year's figures on a sheet of their own",
				headingMonth(g, label, caption, c), order, far.Period.Label(), far.Col, map[int]string{1: "forward", -1: "newest first"}[way], next)
		} else {
			j0 := l.Columns[jump]
			why = fmt.Sprintf("its heading, %s, is in the run of months from %s in column %s going back from %s in column %s; head each column with the month its figures are for",
				headingMonth(g, label, caption, c), j0.Period.Label(), j0.Col, far.Period.Label(), far.Col)
		}
		l.refuseColumn(c.index, why)
		refused = append(refused, at[j])
	}
	return refused
}

// headingMonth is how a month column's heading is named in a warning:
// the month, and a date cell's date.
func headingMonth(g *grid, label, caption int, c Column) string {
	if d, ok := monthHeadingDate(g, label, caption, c); ok {
		return fmt.Sprintf("%s (a date cell, %s)", c.Period.Label(), d.Format("2-Jan-2006"))
	}
	return c.Period.Label()
}

// headingRow is the 0-based row a month column's heading is in: label,
// or caption where label is blank beneath it.
func headingRow(g *grid, label, caption int, c Column) int {
	if strings.TrimSpace(g.at(label, c.index)) == "" {
		return caption
	}
	return label
}

// monthHeadingDate is the date of a month column's heading that is a date
// cell, whose text is its serial.
func monthHeadingDate(g *grid, label, caption int, c Column) (time.Time, bool) {
	r := headingRow(g, label, caption, c)
	f, err := strconv.ParseFloat(strings.TrimSpace(g.at(r, c.index)), 64)
	if err != nil {
		return time.Time{}, false
	}
	f += g.serialShift(r, c.index)
	if f < 32874 || f > 73051 {
		return time.Time{}, false
	}
	d := app.ExcelDate(f)
	if app.MonthOf(d.Year(), d.Month()) != c.Period {
		return time.Time{}, false
	}
	return d, true
}

// typedDates refuses the month columns headed by date cells on neither
// the first nor the last day of their month where a day is the last two
// figures of its date's year, or of the year either side: the heading was
// typed as a month and a two-figure year, which Excel stores as that day
// of the year it was typed ("Apr 24" typed in 2024 is 24-Apr-2024, shown
// "24-Apr"; "Jan 25" beside it is 25-Jan-2024), so the year each names is
// lost. Other such days (all on the 15th; one 2nd of a month among 1sts)
// are read, each as the month it falls in, and said once at the first
// (oddDays), naming them. Real scorecards date months by their first or
// last day, read as ever.
func typedDates(l *Layout, g *grid, label, caption int) {
	type dated struct {
		i int
		d time.Time
	}
	var odd []dated
	days := map[int]bool{}
	for i, c := range l.Columns {
		if c.Role != RolePeriod || c.Period.Kind != app.Month {
			continue
		}
		d, ok := monthHeadingDate(g, label, caption, c)
		if !ok {
			continue
		}
		last := time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if d.Day() == 1 || d.Day() == last {
			continue
		}
		odd = append(odd, dated{i, d})
		days[d.Day()] = true
	}
	if len(odd) == 0 {
		return
	}
	yearish := false
	for _, o := range odd {
		yy := o.d.Year() % 100
		if o.d.Day() >= yy-1 && o.d.Day() <= yy+1 {
			yearish = true
		}
	}
	if !yearish {
		c := l.Columns[odd[0].i]
		od := &oddDays{row: headingRow(g, label, caption, c), col: c.index}
		for _, o := range odd {
			od.cells = append(od.cells, fmt.Sprintf("%s %s", l.Columns[o.i].Col, o.d.Format("2-Jan-2006")))
		}
		l.oddDays = od
		return
	}
	var ds []int
	for d := range days {
		ds = append(ds, d)
	}
	slices.Sort(ds)
	var names []string
	for _, d := range ds {
		names = append(names, ordinal(d))
	}
	var refused []int
	for _, o := range odd {
		c := l.Columns[o.i]
		typed := fmt.Sprintf("%s %02d", o.d.Format("Jan"), o.d.Day())
		l.refuseColumn(c.index, fmt.Sprintf("its heading is a date cell, %s, on neither the first nor the last day of its month, and the row's such days (the %s) are the last two figures of a year: a heading typed %q is stored as the %s of %s of the year it was typed, so which year it names is lost; head the column as text, such as %q, or with a date on the month's first day",
			o.d.Format("2-Jan-2006"), strings.Join(names, ", "), typed, ordinal(o.d.Day()), o.d.Format("January"), o.d.Format("Jan-")+fmt.Sprintf("%02d", o.d.Day())))
		refused = append(refused, o.i)
	}
	for _, i := range slices.Backward(refused) {
		l.Columns = slices.Delete(l.Columns, i, i+1)
	}
}

// oddDays is a row's month headings that are date cells on neither the
// first nor the last day of their months, read as the months they are in
// (typedDates); said at the first.
type oddDays struct {
	row, col int      // 0-based, the first's
	cells    []string // each column and its date
}

// ordinal is a day of the month as written in words: 1st, 22nd, 24th.
func ordinal(d int) string {
	switch {
	case d%100 >= 11 && d%100 <= 13:
		return strconv.Itoa(d) + "th"
	case d%10 == 1:
		return strconv.Itoa(d) + "st"
	case d%10 == 2:
		return strconv.Itoa(d) + "nd"
	case d%10 == 3:
		return strconv.Itoa(d) + "rd"
	}
	return strconv.Itoa(d) + "th"
}

// warnOddDays says, at the first, the month headings read from dates on
// neither the first nor the last day of their months.
func (s *sheetReader) warnOddDays() {
	o := s.l.oddDays
	if o == nil {
		return
	}
	s.warn(o.row, o.col, "month headings that are date cells on neither the first nor the last day of their months (%s): each read as the month it falls in; if a heading was typed as a month and a year, head it as text, such as \"Apr-25\", or with a date on the month's first day",
		strings.Join(o.cells, ", "))
}
