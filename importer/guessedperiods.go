package importer

// Period columns whose headings are not periods as written but name one
// by a guess: a period relative to the report's date ("Previous month"),
// a plain year in figures ("2024"), or a rolling or year-to-date figure
// to a month ("12 months to Jan-25"). Each guess is said at its heading,
// and a heading that would be guessed but cannot be is refused there.

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// periodGuess is one column's heading read as a period by a guess.
type periodGuess struct {
	period app.Period
	row    int    // 0-based row of the heading
	note   string // said at the heading; "" where another column says it for the row
	// kind says, for a clash with another column of the same period, what
	// the column's figures are: "rolling 12-month figures".
	kind string
	// relative marks a heading naming a period before the report's by
	// its place from it ("Same month last year", "Last month"): beside
	// areas, it does not make a district sheet a sheet of months
	// (kindOf). "Current month" does: the sheet's figures are by it.
	relative bool
	// span marks figures over a span to the month (rolling, year to
	// date), which a series of other figures should not mix with.
	span bool
	// dp is the data period a span's figures have (R12M, YTD): only an
	// indicator of that data period reads them (spancolumns.go).
	dp app.DataPeriod
	// plain is the year a plain-year heading gives in figures ("2025"),
	// which a row naming another kind of year reads as that kind
	// (rowYearKind); 0 for other headings.
	plain int
}

// headingGuesses are a header row's period headings read by a guess
// (read), and those of the kinds guessed that were refused, with why
// (refused, by 0-based column; said by warnUnused). The zero value, as a
// saved profile's layout has, guesses nothing.
type headingGuesses struct {
	read    map[int]periodGuess
	refused map[int]string
	unsure  []string // for Layout.Unsure
	// dropped are the guesses settleGuessedPeriods refused, whose note
	// for the row (keepRowNote) another column may carry.
	dropped []periodGuess
	// plainYears is set where some column is read as a plain year;
	// lastMonth is the latest month headed beside them (zero for none),
	// after which no row's year may end (rowYearKind).
	plainYears bool
	lastMonth  app.Period
}

// guessPeriodHeadings reads the headings of a header row (heads, by
// 0-based column, as layoutFrom reads them: row label, or row h above it
// where a second header row leaves it blank) that name a period only by
// a guess. Headings another reading knows are left alone, as is a sheet
// of targets, whose period columns are not figures.
func guessPeriodHeadings(sheet string, g *grid, h, label int, heads []string, targets bool) headingGuesses {
	gs := headingGuesses{read: map[int]periodGuess{}, refused: map[int]string{}}
	if targets {
		return gs
	}
	rowOf := func(c int) int {
		if strings.TrimSpace(g.at(label, c)) == "" {
			return h
		}
		return label
	}
	yearHeadings(&gs, sheet, g, h, heads, rowOf)
	var anchor *reportDate
	for c, head := range heads {
		head = strings.TrimSpace(head)
		if _, done := gs.read[c]; done || head == "" {
			continue
		}
		if _, refused := gs.refused[c]; refused {
			continue
		}
		if role, _, _ := headerRole(head); role != "" {
			continue
		}
		col := fmt.Sprintf("column %s %q", xlsx.ColumnName(c), head)
		if rel, ok := relativeHeading(head); ok {
			if anchor == nil {
				d := reportDateOf(sheet, g, h)
				anchor = &d
			}
			p, note, why := rel.date(*anchor)
			if why != "" {
				gs.refused[c] = why
				gs.unsure = append(gs.unsure, col+" not read: "+why)
				continue
			}
			gs.read[c] = periodGuess{period: p, row: rowOf(c), note: col + " read as " + note, kind: "dated only by the report's date", relative: rel.yearBack || rel.back > 0}
			gs.unsure = append(gs.unsure, fmt.Sprintf("%s read as %s, dated from the report's date", col, p.Label()))
			continue
		}
		if g, ok := revisionGuess(c, rowOf(c), head); ok { // "Jun-25 (revised)"
			gs.read[c] = g
			gs.unsure = append(gs.unsure, g.note)
			continue
		}
		if m, what, ok := rollingHeading(head); ok {
			gs.read[c] = periodGuess{period: m, row: rowOf(c), kind: what, span: true, dp: spanDataPeriod(what),
				note: fmt.Sprintf("%s read as %s: its figures are %s to %s, filed under that month, not the month's own figures; compare them only with figures of the same kind", col, m.Label(), what, m.Label())}
			gs.unsure = append(gs.unsure, fmt.Sprintf("%s read as %s, %s", col, m.Label(), what))
			continue
		}
		if why, ok := otherSpan(head); ok { // "3 months to Mar-25"
			gs.refused[c] = why
			gs.unsure = append(gs.unsure, col+" not read: "+why)
		}
	}
	return gs
}

// period is the period a guess reads column c's heading as.
func (gs headingGuesses) period(c int) (app.Period, bool) {
	p, ok := gs.read[c]
	return p.period, ok
}

// settleGuessedPeriods keeps a guessed period column from standing in
// for a column whose heading names the same period as written: "YTD to
// Mar-25" beside "Mar-25" is not the month's figure, and read as it, one
// would have overwritten the other. The guessed column is left unread,
// and said so at its heading; of two guesses of one period, the first is
// read. A guessed column detection left out (a period before
// EarliestYear) is said to be unread too.
func settleGuessedPeriods(l *Layout, gs *headingGuesses) {
	if len(gs.read) == 0 {
		return
	}
	settleRevisions(l, gs)
	plain := map[app.Period]Column{}
	guessed := map[app.Period]Column{}
	for _, c := range l.Columns {
		if _, ok := gs.read[c.index]; c.Role == RolePeriod && !ok {
			if _, seen := plain[c.Period]; !seen {
				plain[c.Period] = c
			}
		}
	}
	l.Columns = slices.DeleteFunc(l.Columns, func(c Column) bool {
		g, ok := gs.read[c.index]
		if !ok || c.Role != RolePeriod {
			return false
		}
		other, clash := plain[c.Period]
		if !clash {
			other, clash = guessed[c.Period]
		} else {
			gs.refused[c.index] = fmt.Sprintf("its heading reads as %s, but its figures are %s, and column %s %q gives %s's own: that is kept", c.Period.Label(), g.kind, other.Col, other.Header, c.Period.Label())
		}
		if !clash {
			guessed[c.Period] = c
			return false
		}
		if gs.refused[c.index] == "" {
			gs.refused[c.index] = fmt.Sprintf("its heading reads as %s, as column %s %q's does, which is read", c.Period.Label(), other.Col, other.Header)
		}
		gs.dropped = append(gs.dropped, g)
		delete(gs.read, c.index)
		return true
	})
	keepRowNote(l, gs)
	mixedSpans(l, gs)
	for c, g := range gs.read {
		if !slices.ContainsFunc(l.Columns, func(col Column) bool { return col.index == c }) {
			gs.refused[c] = fmt.Sprintf("its heading reads as %s, and periods before %d are not read", g.period.Label(), EarliestYear)
			delete(gs.read, c)
		}
	}
}

// warnGuessedHeading says, at its heading, how column c's heading was
// read as a period by a guess, where the sheet's reader reads it (one
// it leaves unread says so instead).
func (s *sheetReader) warnGuessedHeading(c int) {
	g, ok := s.l.guesses.read[c]
	if !ok || g.note == "" {
		return
	}
	if i := slices.IndexFunc(s.l.Columns, func(col Column) bool { return col.index == c }); i < 0 || s.l.unread(s.l.Columns[i]) != "" {
		return
	}
	if g.span {
		// Said once the rows are read, and only if some row's data
		// period lets it be read (warnSpanRefused).
		s.spanNotes = append(s.spanNotes, c)
		return
	}
	s.warn(g.row, c, "%s", g.note)
}

// notReadWhy says why the column c headed head, which no column of the
// layout reads, is not read: a guess refused says its own reason.
func (gs headingGuesses) notReadWhy(c int, head string) string {
	if why, ok := gs.refused[c]; ok {
		return why
	}
	return unknownWhy(head)
}

// mixedSpans says, at the first column of each kind of figures over a
// span (rolling 12 months, year to date), where the row's series mixes
// them with figures of another kind: the month's own, or the other
// span's. A direction of travel or chart across them compares unlike
// figures, so it is said, not settled.
func mixedSpans(l *Layout, gs *headingGuesses) {
	firsts := map[string]Column{} // by kind: "" for a month's own figures
	var kinds []string
	for _, c := range l.Columns {
		if c.Role != RolePeriod || c.Period.Kind != app.Month {
			continue
		}
		kind := ""
		if g, ok := gs.read[c.index]; ok {
			if !g.span {
				continue
			}
			kind = g.kind
		}
		if _, seen := firsts[kind]; !seen {
			firsts[kind] = c
			kinds = append(kinds, kind)
		}
	}
	if len(kinds) < 2 {
		return
	}
	for _, kind := range kinds {
		if kind == "" {
			continue
		}
		c := firsts[kind]
		var others []string
		for _, k := range kinds {
			if k == kind {
				continue
			}
			what := k
			if k == "" {
				what = "the month's own figures"
			}
			others = append(others, fmt.Sprintf("%s (column %s %q)", what, firsts[k].Col, firsts[k].Header))
		}
		g := gs.read[c.index]
		g.note += "; each row's series mixes them with " + strings.Join(others, " and ") + ", so its direction of travel and chart compare unlike figures"
		gs.read[c.index] = g
	}
}

// keepRowNote moves the note said once for a row of guesses (the plain
// years' kind) from a column refused beside the period's own to the
// first of its kind still read, so that it is still said.
func keepRowNote(l *Layout, gs *headingGuesses) {
	for _, d := range gs.dropped {
		if d.note == "" || d.span {
			continue
		}
		for _, c := range l.Columns {
			if g, ok := gs.read[c.index]; ok && g.kind == d.kind && g.note == "" {
				g.note = d.note
				gs.read[c.index] = g
				break
			}
		}
	}
	gs.dropped = nil
}
