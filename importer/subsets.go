package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// More sets of sub-columns under each month than "Num | Den | %" and
// "Value | RAG" (QA21 M5, C2), read by periodSubColumns as those are:
//
//	Value | Target | RAG         the month's figure, its own target, its RAG
//	Actual | Target | Variance   the same; the variance is worked out, not read
//	No. | % | RAG                the count or the percentage, by the row's unit
//	Leeds | England | SN         the area's figure and that month's benchmarks
//
// Before, none of them stored a figure: "Value" was "a scorecard sheet's
// value column", the targets had "no year in its heading" under their
// month, and the areas under months were refused or, worse, read as a
// district sheet dated by the title, January's figure stored as March's.

// subKindOf reads a sub-heading: a word of subWords, else an England or
// statistical neighbours' heading, else an area's name (which area it
// is, too).
func subKindOf(s string) (subKind, app.Area) {
	if k := subWordOf(s); k != subNone {
		return k, ""
	}
	switch role, _, area, guessed := headerRoleGuessed(s); {
	case guessed:
	case role == RoleEngland:
		return subEngland, ""
	case role == RoleNeighbours:
		return subNeighbours, ""
	case role == RoleArea && area != "":
		return subArea, area
	}
	return subNone, ""
}

// comparesAreas reports whether sub-columns headed by head include an
// area's or a benchmark's: a set whose every sub-column must then be
// one, lest a figure be filed under the wrong area.
func comparesAreas(cols []int, head func(int) string) bool {
	return slices.ContainsFunc(cols, func(c int) bool {
		k, _ := subKindOf(head(c))
		return k == subArea || k == subEngland || k == subNeighbours
	})
}

// areaSetHelp says how to lay out an area's figures beside benchmarks.
const areaSetHelp = `under each month give one column of the authority's figures (headed by its name) and columns headed "England" or "Stat neighbours"; give other areas' figures on a sheet of their own`

// unknownSubColumn refuses a sub-column under period, beside an area's
// or benchmark's, that is neither.
func unknownSubColumn(cell, head string, period app.Period) error {
	return &layoutRefusal{cell: cell, msg: fmt.Sprintf(
		"%q under %s is neither the area's own figure nor an England or statistical neighbours' benchmark: not read, lest a figure be filed under the wrong area or month; %s",
		head, period.Label(), areaSetHelp)}
}

// ownArea records the area named under period at cell as the one whose
// figures the sheet gives; a second area, under this period or another,
// is refused at its cell.
func (sc *subColumns) ownArea(a app.Area, cell string, period app.Period) error {
	if sc.area == "" {
		sc.area, sc.areaCell = a, cell
		return nil
	}
	if sc.area == a {
		return nil
	}
	return &layoutRefusal{cell: cell, msg: fmt.Sprintf(
		"%q under %s is a second area beside %q at %s: two areas' figures under one month are not read, lest one be filed as the other's; %s",
		a, period.Label(), sc.area, sc.areaCell, areaSetHelp)}
}

// settleSet checks a period's set of sub-columns, by kind, beyond what
// periodSubColumns checks of figures and their parts. It reports false
// to leave the layout as detection made it, for subColumnsUnderPeriods
// and areasUnderPeriods to refuse what is ambiguous.
func settleSet(byKind map[subKind][]int) bool {
	areas, val := byKind[subArea], byKind[subValue]
	eng, sn := byKind[subEngland], byKind[subNeighbours]
	switch {
	case len(areas) > 1:
		return false // refused by ownArea where they differ
	case len(areas) == 1 && len(val) > 0, len(eng) > 1, len(sn) > 1:
		return false // which column is the figure is not plain
	case len(eng)+len(sn) > 0 && len(areas)+len(val) == 0:
		return false // benchmarks with no figure of the area's
	case len(byKind[subTarget]) > 1:
		return false
	case len(byKind[subVariance]) > 0 && (len(byKind[subTarget]) != 1 || len(areas)+len(val) != 1):
		return false // a variance of what from what
	}
	return true
}

// unreadVariance says why a variance column under period is not read:
// it is the figure less the target, which the app works out itself.
func (sc *subColumns) unreadVariance(c int, period app.Period, head, value, target string) {
	if sc.unread == nil {
		sc.unread = map[int]string{}
	}
	sc.unread[c] = fmt.Sprintf("under %s it is the %q column less the %q column, which the app works out from them (and rates against the target) rather than store",
		period.Label(), value, target)
}

// unreadWhy is why column c, a sub-column under a period, is not read;
// "" where it is read or no such sub-column.
func (sc *subColumns) unreadWhy(c int) string {
	if sc == nil {
		return ""
	}
	return sc.unread[c]
}

// setNote says what the set's other sub-columns (of the first period's,
// cols) were read as, for the note at the first period heading.
func setNote(sc subColumns, cols []int, head func(int) string) []string {
	var parts, bench []string
	for _, c := range cols {
		switch s := sc.cols[c]; s.kind {
		case subTarget:
			parts = append(parts, fmt.Sprintf("its %q column as that period's own target, stored as its milestone within its financial (or academic) year", head(c)))
		case subEngland, subNeighbours:
			bench = append(bench, fmt.Sprintf("%q", head(c)))
		case subCount:
			v := sc.cols[s.value].head
			parts = append(parts, fmt.Sprintf("the %q as a percentage's or rate's figure, with the %q as a percentage's numerator, and the %q as a count's figure, the %q then not read; each row's unit (its Unit column, name or stored definition) decides, and a row whose unit none of these says is not read, said at its cells",
				v, head(c), head(c), v))
		}
	}
	if len(bench) > 0 {
		parts = append(parts, fmt.Sprintf("its %s as that period's benchmarks, stored, as benchmarks are, for the year the period falls in: where the periods of one year differ, the latest one's stands for the year and the others are said at their cells",
			strings.Join(bench, " and ")))
	}
	if len(sc.unread) > 0 {
		parts = append(parts, "its variance column not read, said at each heading")
	}
	return parts
}

// settleSubArea makes the area named over each month's figures ("Leeds |
// England") the sheet's area, which the import reads as the authority
// (or refuses as another's, areaCheck.settle); a title naming another
// area is refused at the sub-heading.
func settleSubArea(l *Layout) error {
	if l.subs == nil || l.subs.area == "" {
		return nil
	}
	if l.Area != "" && l.Area != l.subs.area {
		return &layoutRefusal{cell: l.subs.areaCell, msg: fmt.Sprintf(
			"%q heads the figures under each month, but the sheet's title or name gives the area %q: not read, lest one area's figures be filed as the other's; head the figures with the area the sheet reports",
			l.subs.area, l.Area)}
	}
	l.Area = l.subs.area
	return nil
}

// statedUnit is the unit an indicator's row states: its Unit column's,
// else the store's definition's, else one its name says outright (a
// percentage, a rate, "Number of ..."); "" where none says.
func (s *sheetReader) statedUnit(ind app.Indicator) app.Unit {
	if ind.Unit != "" {
		return ind.Unit
	}
	if s.l.defined != nil {
		if def, ok := s.l.defined(ind.Ref); ok && def.Unit != "" {
			return def.Unit
		}
	}
	u, word := nameUnit(ind.Name, false)
	switch {
	case word != "":
		return "" // a unit taken from a word that may not be one
	case u == app.Number && !countsByName(nameWords(strings.ToLower(ind.Name))):
		return "" // the default, not said
	}
	return u
}

// subChoice is the column of row r to read the figure of figure column
// c's period from, where c is paired with a "No." column (subColumns.
// choice): a count reads the "No.", any other unit c. A row whose unit
// is not stated reads neither, said at c's cell.
func (s *sheetReader) subChoice(r int, ind *rowIndicator, c *Column) (*Column, bool) {
	sc := s.l.subs
	if sc == nil {
		return c, true
	}
	i := slices.IndexFunc(sc.choice, func(p [2]int) bool { return p[0] == c.index })
	if i < 0 {
		return c, true
	}
	cnt := sc.choice[i][1]
	switch ind.unit {
	case app.Number:
		if !s.countSaid[c.index] && strings.TrimSpace(s.at(r, c)) != "" {
			if s.countSaid == nil {
				s.countSaid = map[int]bool{}
			}
			s.countSaid[c.index] = true
			s.warn(s.l.HeaderRow, c.index, "column %s %q under %s not read for %s, a count, nor for any other count's row: a count's figure is the %q column beside it",
				c.Col, sc.cols[c.index].head, c.Period.Label(), ind.ref, sc.cols[cnt].head)
		}
		n := *c
		n.index, n.Col, n.Header, n.Hidden = cnt, xlsx.ColumnName(cnt), c.Period.Label()+" / "+sc.cols[cnt].head, s.g.isHidden(cnt)
		return &n, true
	case "":
		if strings.TrimSpace(s.at(r, c)) == "" && strings.TrimSpace(s.g.at(r, cnt)) == "" {
			return c, false
		}
		s.warn(r, c.index, "%s: %s's %q and %q columns not read: the indicator's Unit column, name and stored definition do not say whether it is a count (the %q column's figure) or a percentage (the %q column's); give a Unit column (\"Number\" or \"%%\"), or name it \"Number of ...\" or \"%% of ...\"",
			ind.ref, c.Period.Label(), sc.cols[cnt].head, sc.cols[c.index].head, sc.cols[cnt].head, sc.cols[c.index].head)
		return c, false
	}
	return c, true
}

// countRead reports whether the "No." column c (subColumns.choice) of a
// row of unit u is its percentage's numerator; where it is not, and
// not the row's figure either, it is said at its cell.
func (s *sheetReader) countRead(r int, ind *rowIndicator, c Column, text string) bool {
	sc := s.l.subs
	if sc == nil || sc.cols[c.index].kind != subCount {
		return true
	}
	switch ind.unit {
	case app.Percent:
		return true
	case app.Number, "":
		return false // the figure itself, or said with its figure (subChoice)
	}
	s.warn(r, c.index, "%s: %s %q %s not read: the indicator is a %s, so the %q column is its figure and a count beside it is no numerator of it",
		ind.ref, c.Period.Label(), sc.cols[c.index].head, strings.TrimSpace(text), ind.unit, sc.cols[sc.cols[c.index].value].head)
	return false
}

// readSubTarget reads the target under period c of row r as the month's
// (or quarter's) milestone of the year it falls in, as the indicator
// runs: the app rates that period's figure against it (app.Target.For).
// A row other than the indicator's own (not own) gives none, said at
// its cell, or with a breakdown's other such cells (notOwn).
func (s *sheetReader) readSubTarget(r int, ind *rowIndicator, c Column, text string, own bool) {
	if !own {
		if s.breakdown {
			s.notOwn(r, c.index) // said once for the sheet
		} else {
			s.warn(r, c.index, "%s: %s target %s on a row of a district or cohort not read: an indicator's targets are read from the row of %s, all children",
				ind.ref, c.Period.Label(), strings.TrimSpace(text), s.l.Area)
		}
		return
	}
	rd, err := readTargetFigure(text, s.look(r, &c), &s.floats)
	if err != nil || rd.value == nil {
		if err == nil && rd.status != app.OK {
			return
		}
		if err == nil {
			err = errNotANumber
		}
		s.warn(r, c.index, "%s: %s target skipped: %v", ind.ref, c.Period.Label(), err)
		return
	}
	s.sayAccountingTarget(r, &c, ind.ref, text, rd)
	s.sayExponent(r, c.index, ind.ref, text, rd)
	s.out.target(cellName(r, c.index), app.Target{Ref: ind.ref, Year: targetYear(ind.yearType, c.Period),
		Levels: []app.Level{{Period: c.Period, Target: rd.value}}})
}

// periodBenchmark settles two benchmark sub-columns of one group under
// periods of one year (from, already stored as had, and c giving b):
// benchmarks are stored a year at a time, so the later period's stands.
// It reports the column now standing, and the one set aside with its
// benchmark, which sayEarlierBenchmark says once the row's are all read.
func periodBenchmark(had *app.Benchmark, from *Column, b app.Benchmark, c *Column) (keep, drop *Column, dropped app.Benchmark) {
	if later(c.Period, from.Period) > 0 {
		dropped = *had
		*had = b
		return c, from, dropped
	}
	return from, c, b
}

// sayEarlierBenchmark says, at its cell in row r, a benchmark under an
// earlier period set aside for the year's latest (periodBenchmark) where
// it differs from kept, which column keep gave.
func (s *sheetReader) sayEarlierBenchmark(r int, ref string, drop *Column, dropped app.Benchmark, keep *Column, kept app.Benchmark) {
	if sameValue(kept.Value, dropped.Value) && kept.Status == dropped.Status {
		return
	}
	s.warn(r, drop.index, "%s: %s %s under %s not stored: benchmarks are stored a year at a time, and %s's %s in column %s stands for %s",
		ref, benchmarkGroups[drop.Role], strings.TrimSpace(s.at(r, drop)), drop.Period.Label(), keep.Period.Label(), strings.TrimSpace(s.at(r, keep)), keep.Col, kept.Period.Label())
}

// savedChoice finds, in a saved layout (a profile, which keeps no
// subColumns), each period's "No." column beside its figure with no
// denominator, as periodSubColumns paired them: the row's unit is
// still to pick which is the figure (subChoice), lest a count's row
// read the percentage as its figure.
func (s *sheetReader) savedChoice() {
	if s.l.subs != nil {
		return
	}
	var sc *subColumns
	for _, c := range s.l.Columns {
		_, head, _ := strings.Cut(c.Header, " / ")
		if c.Role != RoleNumerator || !isSubPart(c) || subWordOf(head) != subCount {
			continue
		}
		if _, ok := s.l.columnWhere(func(d *Column) bool { return d.Role == RoleDenominator && d.Period == c.Period }); ok {
			continue
		}
		v, ok := s.l.columnWhere(func(d *Column) bool { return d.Role == RolePeriod && d.Period == c.Period })
		if !ok {
			continue
		}
		if sc == nil {
			sc = &subColumns{cols: map[int]subCol{}}
		}
		_, vhead, _ := strings.Cut(v.Header, " / ")
		sc.cols[c.index] = subCol{kind: subCount, period: c.Period, value: v.index, head: head}
		sc.cols[v.index] = subCol{kind: subValue, period: c.Period, value: v.index, head: vhead}
		sc.choice = append(sc.choice, [2]int{v.index, c.index})
	}
	s.l.subs = sc
}
