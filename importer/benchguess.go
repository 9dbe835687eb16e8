package importer

import (
	"fmt"
	"strings"
	"time"

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

// latestPublished is the latest year, of the kind an indicator's years
// run (financial, academic, calendar), whose benchmarks DfE has published
// by month: it publishes a year's figures in the autumn after the year
// ends (children looked after and in need for the year to March in the
// October or November after), so from April to September a financial
// year just ended is not yet out and the year before it is the latest
// (QA27a 1c: April 2026's unchanged England column was read as 2025/26, a
// year published in November 2026). October is taken as the autumn: the
// month from which the year before that of the month is the latest.
func latestPublished(kind app.PeriodKind, month app.Period) app.Period {
	y := targetYear(kind, month)
	for i := 0; i < 3 && !y.IsZero() && publishedIn(y).Compare(month) > 0; i++ {
		y = y.Add(-1)
	}
	return y
}

// datesBenchmark reports whether a column of the sheet with role names
// year in its heading ("England 2023/24" beside "England").
func (s *sheetReader) datesBenchmark(role Role, year app.Period) bool {
	for _, c := range s.l.Columns {
		if c.Role == role && c.Period == year {
			return true
		}
	}
	return false
}

// publishedIn is the month a year's benchmarks are taken to be out: the
// first October after the year ends.
func publishedIn(year app.Period) app.Period {
	end := year.End()
	oct := app.MonthOf(end.Year(), time.October)
	if end.Month() >= time.October {
		oct = app.MonthOf(end.Year()+1, time.October)
	}
	return oct
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
		// behind: every year taken is the one before that of its month,
		// said as it always was; from April to September the latest
		// published is the year before that, and the warning says why.
		behind := true
		for _, year := range u.years {
			behind = behind && year == targetYear(year.Kind, u.byYear[year].month).Add(-1)
		}
		var read string
		if len(u.years) == 1 {
			y := u.byYear[u.years[0]]
			// A sheet of localities dated by a quarter dates it so too.
			taken := "the year before that of"
			if !behind {
				taken = "the latest year published by"
			}
			read = fmt.Sprintf("read as %s for %s, %s the latest %s, %s", what, u.years[0].Label(), taken, y.month.Kind.Word(), y.month.Label())
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
			taken := "the year before that of"
			if !behind {
				taken = "the latest year published by"
			}
			read = fmt.Sprintf("read as %s for %s each row's latest month: %s", what, taken, strings.Join(parts, "; "))
		}
		why := "as the latest published benchmark usually runs a year behind"
		if !behind {
			why = "as DfE publishes a year's figures in the autumn after it ends"
		}
		s.warn(u.heading, c.index, "column %s %q names no year: %s, %s; head it with its year (such as %s) if it is for another",
			c.Col, c.Header, read, why, u.years[0].Label())
	}
	s.undated, s.undatedOrder = nil, nil
}
