package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// quarterEnds settles the period columns of an indicator sheet headed by
// the last months of consecutive quarters ("31/12/2024", "31/03/2025", or
// "Dec-24", "Mar-25"), which a quarterly scorecard uses for its quarters
// and a monthly one for every third month. Where the title or sheet name
// says quarterly ("Quarter 2 2025/26") or every row's Data Period is Q,
// and no row's is another, they are read as the quarters they end;
// otherwise as the months, as before. Either way the reading is a guess,
// and l.quarterNote says it (warnQuarterEnds): read as months, a
// quarterly scorecard's figures had landed in December, March and June.
func quarterEnds(l *Layout, sheet string, g *grid, h int) {
	var cols []int
	for i, c := range l.Columns {
		if c.Role != RolePeriod || c.Period.IsZero() {
			continue
		}
		if c.Period.Kind != app.Month || c.Period.N%3 != 0 {
			return
		}
		if n := len(cols); n > 0 {
			if d := c.Period.Index() - l.Columns[cols[n-1]].Period.Index(); d != 3 && d != -3 {
				return
			}
		}
		cols = append(cols, i)
	}
	if len(cols) < 2 {
		return
	}
	first, last := l.Columns[cols[0]], l.Columns[cols[len(cols)-1]]
	span := fmt.Sprintf("columns %s to %s are the last months of consecutive quarters (%s to %s)", first.Col, last.Col, first.Period.Label(), last.Period.Label())
	why, quarterly := quarterlyEvidence(l, sheet, g, h)
	if why == "" {
		return // months, as the title says
	}
	if !quarterly {
		if rollingRows(l, g) {
			// A rolling year reported each quarter: its figures are
			// the months', each the year to then, and are analysed a
			// quarter apart (trend's asDataPeriod). Q would file each as
			// the quarter's own figure.
			l.quarterNote = fmt.Sprintf("%s and every row's Data Period is R12M: read as those months, each the twelve months to it, and analysed a quarter apart (compared with the year to the quarter before)", span)
			return
		}
		l.quarterNote = fmt.Sprintf("%s: read as those months, as %s; if each is a quarter's figure, give Q in a Data Period column", span, why)
		return
	}
	for _, i := range cols {
		m := l.Columns[i].Period
		l.Columns[i].Period = app.Period{Kind: app.Quarter, Year: m.Year, N: m.N / 3}
	}
	l.quarterNote = fmt.Sprintf("%s and %s: read as the quarters they end, %s to %s", span, why, l.Columns[cols[0]].Period.Label(), l.Columns[cols[len(cols)-1]].Period.Label())
}

// rollingRows reports whether every row of the sheet that gives a Data
// Period gives R12M, and one does at least.
func rollingRows(l *Layout, g *grid) bool {
	dp, ok := l.column(RoleDataPeriod)
	if !ok {
		return false
	}
	n := 0
	for r := l.FirstRow - 1; r < len(g.rows); r++ {
		d, err := app.ParseDataPeriod(strings.TrimSpace(g.at(r, dp.index)))
		switch {
		case err != nil || d == "":
		case d != app.Rolling12:
			return false
		default:
			n++
		}
	}
	return n > 0
}

// quarterlyEvidence says whether a sheet says it is quarterly, and why or
// why not: its title rows or name name a quarter or say quarterly, or
// its rows' Data Periods are all Q. A row giving another Data Period
// makes it a scorecard of months. A title or name saying monthly, and
// nothing quarterly, settles it as months with nothing to say: why is "".
func quarterlyEvidence(l *Layout, sheet string, g *grid, h int) (string, bool) {
	q, other := 0, ""
	if dp, ok := l.column(RoleDataPeriod); ok {
		for r := l.FirstRow - 1; r < min(len(g.rows), headerSearchRows); r++ {
			t := strings.TrimSpace(g.at(r, dp.index))
			d, err := app.ParseDataPeriod(t)
			switch {
			case err != nil || d == "":
			case d == app.QuarterPeriod:
				q++
			case other == "":
				other = cellName(r, dp.index)
			}
		}
	}
	if other != "" {
		return fmt.Sprintf("the Data Period at %s is not Q", other), false
	}
	if q > 0 {
		return "the Data Period is Q", true
	}
	texts := []string{sheet}
	for r := 0; r < h && r < len(g.rows); r++ {
		texts = append(texts, g.rows[r]...)
	}
	for _, s := range texts {
		if p, ok := findLongerPeriod(s); ok && p.Kind == app.Quarter {
			return fmt.Sprintf("%q names a quarter", strings.TrimSpace(s)), true
		}
		for _, w := range words(s) {
			if w == "quarter" || w == "quarterly" || w == "qtr" {
				return fmt.Sprintf("%q says quarterly", strings.TrimSpace(s)), true
			}
		}
	}
	for _, s := range texts {
		if slices.Contains(words(s), "monthly") {
			return "", false
		}
	}
	return "neither the title nor a Data Period says quarterly", false
}

// warnQuarterEnds says how columns headed by the ends of quarters were
// read (quarterEnds), at the first one's heading.
func (s *sheetReader) warnQuarterEnds() {
	if s.l.quarterNote == "" {
		return
	}
	for _, c := range s.l.Columns {
		if c.Role == RolePeriod && !c.Period.IsZero() {
			s.warn(s.l.HeaderRow-1, c.index, "%s", s.l.quarterNote)
			return
		}
	}
}
