package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
)

// undatedBench is what the England or statistical-neighbour column whose
// heading names no year was read as: each year its figures were filed
// under, in the order first met, with the rows and latest month that
// gave it. The year is a guess, so it is said at the heading once the
// sheet is read (warnUndatedBenchmarks), not at every row.
type undatedBench struct {
	heading int // 0-based row of the column's heading
	col     Column
	years   []app.Period
	byYear  map[app.Period]*benchYear
}

// benchYear is one year an undated benchmark column's figures were read
// as: the rows so read and the latest month that dated the first of them.
type benchYear struct {
	rows  int
	first int // 0-based row
	month app.Period
}

// noteUndatedBenchmark records that row r's benchmark in column c, whose
// heading names no year, was read as the year, the one before that of
// month, the row's latest.
func (s *sheetReader) noteUndatedBenchmark(r int, c *Column, year, month app.Period) {
	h := s.l.HeaderRow - 1
	key := [2]int{h, c.index}
	if s.undated == nil {
		s.undated = map[[2]int]*undatedBench{}
	}
	u := s.undated[key]
	if u == nil {
		u = &undatedBench{heading: h, col: *c, byYear: map[app.Period]*benchYear{}}
		s.undated[key] = u
		s.undatedOrder = append(s.undatedOrder, key)
	}
	y := u.byYear[year]
	if y == nil {
		y = &benchYear{first: r, month: month}
		u.byYear[year] = y
		u.years = append(u.years, year)
	}
	y.rows++
}

// warnUndatedBenchmarks says at the heading of each England or
// statistical-neighbour column that names no year which year its figures
// were taken to be, and why: the year before that of each row's latest
// month, as the latest published benchmark usually is (DfE publishes a
// year's figures in the autumn or winter after it ends). Read so without
// a word, a figure for another year was compared with this year's
// months with nothing to show the year was the importer's.
func (s *sheetReader) warnUndatedBenchmarks() {
	for _, key := range s.undatedOrder {
		u := s.undated[key]
		c := u.col
		what := guessedAs[c.Role]
		var read string
		if len(u.years) == 1 {
			y := u.byYear[u.years[0]]
			// A sheet of localities dated by a quarter dates it so too.
			read = fmt.Sprintf("read as %s for %s, the year before that of the latest %s, %s", what, u.years[0].Label(), y.month.Kind.Word(), y.month.Label())
		} else {
			parts := make([]string, len(u.years))
			for i, year := range u.years {
				y := u.byYear[year]
				rows := "row"
				if y.rows > 1 {
					rows = fmt.Sprintf("%d rows from row", y.rows)
				}
				parts[i] = fmt.Sprintf("%s on %s %d (latest month %s)", year.Label(), rows, y.first+1, y.month.Label())
			}
			read = fmt.Sprintf("read as %s for the year before that of each row's latest month: %s", what, strings.Join(parts, "; "))
		}
		s.warn(u.heading, c.index, "column %s %q names no year: %s, as the latest published benchmark usually runs a year behind; head it with its year (such as %s) if it is for another",
			c.Col, c.Header, read, u.years[0].Label())
	}
	s.undated, s.undatedOrder = nil, nil
}
