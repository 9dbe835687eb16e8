package importer

// A rolling 12-month or year-to-date column ("YTD to Mar-25") is filed
// under its month, where a monthly indicator keeps the month's own
// figure: read as that indicator's, 4900 to the year's end would
// replace (or, in a later file, revise) March's own 410. Such a column
// is read only for the indicators whose data period says their figures
// are of its kind; the others' cells are left, said at its heading.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// spanRow is a row a span column was not read for.
type spanRow struct {
	ref string
	row int // 0-based
	dp  app.DataPeriod
}

// spanDataPeriod is the data period of a rolling heading's figures, by
// what rollingHeading says they are.
func spanDataPeriod(what string) app.DataPeriod {
	if strings.HasPrefix(what, "year-to-date") {
		return app.YearToDate
	}
	return app.Rolling12
}

// refuseSpan reports whether column c, a span column, is not to be read
// on row r for ind: its data period, as the row gives it or else the
// store's definition, is not the column's kind. The row is kept for the
// column's warning.
func (s *sheetReader) refuseSpan(r int, ind *rowIndicator, c *Column) bool {
	g, ok := s.l.guesses.read[c.index]
	if !ok || !g.span || s.l.Kind != IndicatorSheet {
		return false
	}
	dp := ind.dataPeriod
	if dp == "" && s.l.defined != nil {
		if def, ok := s.l.defined(ind.ref); ok {
			dp = def.DataPeriod
		}
	}
	if dp == g.dp {
		if s.spanRead == nil {
			s.spanRead = map[int]bool{}
		}
		s.spanRead[c.index] = true
		return false
	}
	if s.spanRefused == nil {
		s.spanRefused = map[int][]spanRow{}
	}
	s.spanRefused[c.index] = append(s.spanRefused[c.index], spanRow{ref: ind.ref, row: r, dp: dp})
	return true
}

// warnSpanRefused says, at each span column's heading, how it is read
// where some row reads it (or none gives it a figure), and the rows it
// was not read for, why, and how to have them read.
func (s *sheetReader) warnSpanRefused() {
	for _, c := range s.spanNotes {
		if g := s.l.guesses.read[c]; s.spanRead[c] || len(s.spanRefused[c]) == 0 {
			s.warn(g.row, c, "%s", g.note)
		}
	}
	for _, c := range slices.Sorted(maps.Keys(s.spanRefused)) {
		rows, g := s.spanRefused[c], s.l.guesses.read[c]
		var which []string
		for i, sr := range rows {
			if i == 8 {
				which = append(which, fmt.Sprintf("and %d more", len(rows)-i))
				break
			}
			dp := "none given"
			if sr.dp != "" {
				dp = string(sr.dp)
			}
			which = append(which, fmt.Sprintf("%s (row %d, data period %s)", sr.ref, sr.row+1, dp))
		}
		head := strings.TrimSpace(s.g.at(g.row, c))
		s.warn(g.row, c, "column %s %q not read for %s: its figures are %s to %s, and those indicators' data period is not %s, so they would be taken as %s's own figure; to read them, give the data period %s (a Data period column on the sheet, or the indicator's definition)",
			xlsx.ColumnName(c), head, strings.Join(which, ", "), g.kind, g.period.Label(), g.dp, g.period.Label(), g.dp)
	}
	s.spanRefused, s.spanRead, s.spanNotes = nil, nil, nil
}
