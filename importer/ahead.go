package importer

import (
	"cmp"
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// ahead is what a scorecard sheet gives after the period its title names
// ("CYPE Scorecard - September 2025"). A workbook is often laid out for
// the whole year, its later months filled with 0 or "-" until their
// figures come: read as figures, they would make the latest month one
// not yet reported, and "0% (RED)" its headline.
type ahead struct {
	// stated is the period the title names; zero for none.
	stated app.Period
	// empty marks the columns after stated holding nothing but 0 and
	// marks such as "-": months laid out ahead, whose cells are not read.
	empty map[int]bool
	// skipped counts the cells not read, and read the figures read, by
	// column, of the columns after stated.
	skipped, read map[int]int
}

// lookAhead finds the columns of an indicator sheet after the period its
// title names, and which of them hold no figures but 0 and marks.
func (s *sheetReader) lookAhead() {
	l := &s.l
	if l.Kind != IndicatorSheet || l.HeaderRow < 1 {
		return
	}
	title := l.HeaderRow - 1 // the rows above the header
	if l.captionsAbove {
		title-- // the last of them captions the months
	}
	month, longer, _ := titlePeriod(l.Sheet, s.g, title)
	stated := cmp.Or(month, longer)
	if stated.IsZero() {
		return
	}
	a := &s.ahead
	a.stated, a.empty, a.skipped, a.read = stated, map[int]bool{}, map[int]int{}, map[int]int{}
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Role != RolePeriod || c.Period.IsZero() || !a.after(c.Period) {
			continue
		}
		empty := true
		for r := l.FirstRow - 1; r < len(s.g.rows) && empty; r++ {
			empty = placeholder(s.at(r, c), s.look(r, c))
		}
		a.empty[c.index] = empty
	}
}

// after reports whether period p begins after the stated period ends.
func (a *ahead) after(p app.Period) bool {
	return !a.stated.IsZero() && p.Start().After(a.stated.End())
}

// skip reports whether the cell in column c is not to be
// read: a column laid out ahead. It counts what it sees for warnAhead.
func (a *ahead) skip(c int) bool {
	// lookAhead put every column after the stated period in empty: the
	// lookup spares working out dates for each cell of a large sheet.
	empty, after := a.empty[c]
	if !after {
		return false
	}
	if empty {
		a.skipped[c]++
		return true
	}
	a.read[c]++
	return false
}

// placeholder reports whether a cell's text is blank, 0, or a mark such
// as "-" or "n/a": what a month laid out ahead of its figures holds.
func placeholder(text string, lk look) bool {
	if strings.TrimSpace(text) == "" {
		return true
	}
	rd, err := readFigure(text, lk, nil)
	if err != nil || rd.num != nil {
		return false
	}
	return rd.value == nil || *rd.value == 0
}

// warnAhead says which columns after the title's period were not read,
// and which were read though after it.
func (s *sheetReader) warnAhead() {
	a := &s.ahead
	if a.empty == nil {
		return
	}
	h := s.l.HeaderRow - 1
	var cols, periods []string
	first, n := -1, 0
	for _, c := range s.l.Columns {
		if k := a.skipped[c.index]; k > 0 {
			if first < 0 {
				first = c.index
			}
			cols = append(cols, xlsx.ColumnName(c.index))
			periods = append(periods, c.Period.Label())
			n += k
		}
	}
	if first >= 0 {
		span := periods[0]
		if len(periods) > 1 {
			span += " to " + periods[len(periods)-1]
		}
		s.warn(h, first, "the title names %s; the %s after it (%s, %s %s) hold only 0 or marks such as \"-\": their %d cells are not read as figures, taken for periods laid out ahead of their figures",
			a.stated.Label(), plural(len(cols), "period", "periods"), span, plural(len(cols), "column", "columns"), strings.Join(cols, ", "), n)
	}
	for _, c := range s.l.Columns {
		if k := a.read[c.index]; k > 0 {
			s.warn(h, c.index, "%s (column %s) comes after %s, the period the title names: its %s read as given; if the title is out of date, correct it",
				c.Period.Label(), xlsx.ColumnName(c.index), a.stated.Label(), plural(k, "figure is", fmt.Sprintf("%d figures are", k)))
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
