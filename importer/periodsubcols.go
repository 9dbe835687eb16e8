package importer

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// Many producers head each month over three sub-columns, "Num | Den |
// %" (the month merged across them, or written once at the left). Read
// as columns of their own, the months were lost under their sub-headings:
// no figure at all, the "%" columns "not read" and every numerator and
// denominator "skipped". Each month's sub-columns are one observation:
// its figure from the "%" (or "Rate", "Value") column, with the
// numerator and denominator beside it, checked against each other.

// subKind is what a sub-column under a period heading holds.
type subKind int

const (
	subNone  subKind = iota
	subNum           // "Num", "Numerator", "N"
	subDen           // "Den", "Denominator", "D"
	subValue         // "%", "Rate", "Percent", "Value"
	subCount         // "No.", "Count", "Number": a numerator only beside a denominator
	subRAG           // "RAG": the source's rating of the period's figure
	subDoT           // "DoT", "Direction": the source's direction of travel
	// The sets read since QA21 (subsets.go): "Value | Target | RAG",
	// "Actual | Target | Variance" and "<area> | England | Stat
	// neighbours".
	subTarget     // "Target": the period's own target
	subVariance   // "Variance": the figure less its target, not read
	subEngland    // "England": the period's England benchmark
	subNeighbours // "Stat neighbours": the period's neighbours' benchmark
	subArea       // an area's name: the area's figure for the period
)

// subWords are the sub-headings recognised, normalised to lower case
// without spaces or a trailing full stop.
var subWords = map[string]subKind{
	"num": subNum, "numerator": subNum, "n": subNum, "numer": subNum,
	"den": subDen, "denom": subDen, "denominator": subDen, "d": subDen,
	"%": subValue, "(%)": subValue, "rate": subValue, "percent": subValue, "percentage": subValue,
	"percent(%)": subValue, "percentage(%)": subValue, "percent%": subValue, "value": subValue,
	"actual": subValue, "target": subTarget, "variance": subVariance, "var": subVariance,
	"no": subCount, "count": subCount, "number": subCount,
	"rag": subRAG, "ragrating": subRAG, "ragstatus": subRAG,
	"dot": subDoT, "direction": subDoT, "directionoftravel": subDoT,
}

// subRoles are the roles a group's sub-columns take in the layout.
var subRoles = map[subKind]Role{
	subValue: RolePeriod, subNum: RoleNumerator, subDen: RoleDenominator, subRAG: RoleRAG, subDoT: RoleDoT,
	subTarget: RoleTarget, subEngland: RoleEngland, subNeighbours: RoleNeighbours,
	subCount: RoleNumerator, // or the figure, by the row's unit (subChoice)
}

// subWordOf reads a sub-heading, ignoring case, spaces and a full stop
// after it ("No.").
func subWordOf(s string) subKind {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	return subWords[strings.TrimSuffix(s, ".")]
}

// subCol is one sub-column of a period read as part of its observation.
type subCol struct {
	kind   subKind
	period app.Period
	value  int    // the index of the period's figure column
	head   string // the sub-heading as written
}

// subColumns are the period sub-columns of a sheet, by column index, and
// the note saying how they were read.
type subColumns struct {
	cols map[int]subCol
	note string
	cell string // the first period heading, where the note is said
	// unread says, by column, why a sub-column is not read ("Variance").
	unread map[int]string
	// choice pairs each period's figure column with a "No." beside it
	// and no denominator: which is the figure is the row's unit's to say
	// (subChoice).
	choice [][2]int
	// area is the one area whose figures stand beside the benchmarks
	// ("Leeds | England"), where its heading is at areaCell; "" for none.
	area     app.Area
	areaCell string
}

// periodSubColumns finds month or quarter headings in the header row h
// each over sub-columns in the row below (whose Ref cell is blank) that
// name a figure and its numerator or denominator, and makes each
// period's figure column a period column and the others its numerator and
// denominator, or its RAG, direction, target, or benchmarks beside one
// area's figure (subsets.go). Every period heading of the row must be
// so: any heading over sub-columns that are not plainly these leaves the
// layout as it was, for subColumnsUnderPeriods and areasUnderPeriods to
// refuse; a sub-column beside an area's or a benchmark's that is neither
// is refused at its cell, as is a second area. A "No." or "Count" column
// is the numerator beside a denominator; beside a figure alone, the
// row's unit says which of the two is the figure (subChoice).
func periodSubColumns(l *Layout, g *grid, h, refCol, width int) error {
	if refCol < 0 {
		return nil
	}
	// The Ref cell's own text: a "Ref" heading merged down over both
	// rows, as Kent's own scorecard merges it, leaves the row below as
	// blank there as one written without merges (hA F3).
	if sub := h + 1; sub < len(g.rows) && (refCol >= len(g.rows[sub]) || strings.TrimSpace(g.rows[sub][refCol]) == "") {
		if err := periodSubColumnsAt(l, g, h, sub, refCol, width); err != nil || l.subs != nil {
			return err
		}
	}
	if h < 1 || l.subs != nil {
		return nil
	}
	// The months may stand in the row above the header, each merged (or
	// written once) over its sub-columns named in the header itself:
	// "Apr-24" over "Actual | Target" beside "Ref | Indicator". Read as
	// captions, every figure was lost (QA27b 8). What such a row leaves
	// ambiguous is left as before, not refused here.
	top := *l
	top.Columns = slices.Clone(l.Columns) // periodSubColumnsAt rewrites them in place
	if periodSubColumnsAt(&top, g, h-1, h, refCol, width) == nil && top.subs != nil {
		*l = top
		l.captionsAbove = true // the months' row, not a title naming one
		return nil
	}
	return periodBlocks(l, g, h, width)
}

// periodSubColumnsAt is periodSubColumns for period headings in row h
// over sub-headings in row sub.
func periodSubColumnsAt(l *Layout, g *grid, h, sub, refCol, width int) error {
	raw := func(r, c int) string {
		if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
			return ""
		}
		return strings.TrimSpace(g.rows[r][c])
	}
	width = max(width, len(g.rows[h]), len(g.rows[sub]))
	asDates, _ := dateHeadings(g.rows[h], h)
	// Months in figures ("202404", "04/24") are read by the company
	// they keep, as the header's are (figuredMonths): a month merged
	// over its sub-columns is met once, not at each cell it spans.
	once := make([]string, width)
	for c := range once {
		if head := raw(h, c); c == 0 || head != raw(h, c-1) {
			once[c] = head
		}
	}
	figured, figuredReads := figuredMonths(once, h)
	var groups []periodGroup
	for c := 0; c < width; c++ {
		head := raw(h, c)
		if head == "" {
			continue
		}
		role, period, _, _ := headerRoleGuessed(head)
		if p, ok := asDates[c]; ok && role == "" {
			role, period = RolePeriod, p
		}
		if p, ok := figured[c]; ok && (role == "" || role == RolePeriod) {
			role, period = RolePeriod, p
		}
		if role != RolePeriod || period.Kind != app.Month && period.Kind != app.Quarter || early(period) {
			continue
		}
		period = g.headingSerial(h, c, head, period)
		gr := periodGroup{period: period, from: c, unknown: -1}
		for e := c; e < width; e++ {
			if e > c && raw(h, e) != "" && raw(h, e) != head {
				break
			}
			if k, _ := subKindOf(raw(sub, e)); k == subNone {
				if raw(sub, e) != "" && (e == c || raw(h, e) == "") {
					gr.unknown = e
				}
				break
			}
			gr.cols = append(gr.cols, e)
		}
		if gr.unknown >= 0 && comparesAreas(gr.cols, func(c int) string { return raw(sub, c) }) {
			return unknownSubColumn(cellName(sub, gr.unknown), raw(sub, gr.unknown), period)
		}
		if len(gr.cols) < 2 {
			return nil // a period heading over no sub-columns, or unknown ones
		}
		groups = append(groups, gr)
		c = gr.cols[len(gr.cols)-1]
	}
	if len(groups) == 0 {
		return nil
	}
	head := func(c int) string { return raw(sub, c) }
	where := fmt.Sprintf("headed over sub-columns (%%s, %s:%s)", cellName(sub, groups[0].from), cellName(sub, groups[len(groups)-1].cols[len(groups[len(groups)-1].cols)-1]))
	return periodGroups(l, g, groups, head, where, cellName(h, groups[0].from), sub, figuredGroupsNote(figuredReads, once))
}

// periodGroup is a period's columns: its heading's, at from, and the
// sub-columns read with it.
type periodGroup struct {
	period  app.Period
	from    int
	cols    []int
	unknown int // a sub-column under the heading that is none of these; -1 for none
}

// periodGroups makes each group's columns one observation of its
// period (periodSubColumns), each column's kind read from its
// sub-heading (head). where says, for the note, how the groups are
// headed, a %s standing for the first group's sub-headings, and the note
// is said at cell; figuredNote ends it. The figures begin below row sub
// (0-based).
func periodGroups(l *Layout, g *grid, groups []periodGroup, head func(c int) string, where, cell string, sub int, figuredNote string) error {
	sc := subColumns{cols: map[int]subCol{}, unread: map[int]string{}}
	var kinds []string // of the first group, for the note
	counted := ""
	for gi, gr := range groups {
		byKind := map[subKind][]int{}
		for _, c := range gr.cols {
			k, a := subKindOf(head(c))
			if k == subArea {
				if err := sc.ownArea(a, cellName(sub, c), gr.period); err != nil {
					return err
				}
			}
			byKind[k] = append(byKind[k], c)
		}
		num, den, val, cnt := byKind[subNum], byKind[subDen], byKind[subValue], byKind[subCount]
		rag, dot := byKind[subRAG], byKind[subDoT]
		if !settleSet(byKind) {
			return nil
		}
		if len(byKind[subArea]) == 1 {
			val = byKind[subArea] // the authority's (or the sheet's area's) own figure
		}
		choice := len(cnt) == 1 && len(den) == 0 && len(num) == 0 && len(val) == 1
		switch {
		case len(val) != 1, len(num) > 1, len(den) > 1, len(cnt) > 1, len(num)+len(cnt) > 1, len(rag) > 1, len(dot) > 1:
			return nil // not one figure with its parts
		case len(num)+len(cnt)+len(den)+len(rag)+len(dot)+len(byKind[subTarget])+len(byKind[subEngland])+len(byKind[subNeighbours]) == 0:
			return nil
		}
		v := val[0]
		if choice {
			// Which is the figure depends on each row's unit (subChoice).
			sc.cols[cnt[0]] = subCol{kind: subCount, period: gr.period, value: v, head: head(cnt[0])}
			sc.choice = append(sc.choice, [2]int{v, cnt[0]})
		} else if len(cnt) == 1 {
			num = cnt
			counted = head(cnt[0])
		}
		sc.cols[v] = subCol{kind: subValue, period: gr.period, value: v, head: head(v)}
		for _, c := range num {
			sc.cols[c] = subCol{kind: subNum, period: gr.period, value: v, head: head(c)}
		}
		for _, c := range den {
			sc.cols[c] = subCol{kind: subDen, period: gr.period, value: v, head: head(c)}
		}
		for _, c := range rag {
			sc.cols[c] = subCol{kind: subRAG, period: gr.period, value: v, head: head(c)}
		}
		for _, c := range dot {
			sc.cols[c] = subCol{kind: subDoT, period: gr.period, value: v, head: head(c)}
		}
		for _, k := range []subKind{subTarget, subEngland, subNeighbours} {
			for _, c := range byKind[k] {
				sc.cols[c] = subCol{kind: k, period: gr.period, value: v, head: head(c)}
			}
		}
		for _, c := range byKind[subVariance] {
			sc.unreadVariance(c, gr.period, head(c), head(v), head(byKind[subTarget][0]))
		}
		if gi == 0 {
			for _, c := range gr.cols {
				kinds = append(kinds, head(c))
			}
		}
	}
	// Replace what detection made of the group's columns (the
	// sub-headings' roles, or the period heading over them).
	l.Columns = slices.DeleteFunc(l.Columns, func(c Column) bool {
		_, ok := sc.cols[c.index]
		return ok || sc.unread[c.index] != "" || slices.ContainsFunc(groups, func(gr periodGroup) bool { return c.index == gr.from })
	})
	for c, s := range sc.cols {
		col := Column{Col: xlsx.ColumnName(c), Header: s.period.Label() + " / " + s.head, Period: s.period, Hidden: g.isHidden(c), index: c}
		col.Role = subRoles[s.kind]
		l.Columns = append(l.Columns, col)
	}
	slices.SortStableFunc(l.Columns, func(a, b Column) int { return a.index - b.index })
	l.FirstRow = max(l.FirstRow, sub+2)
	first, last := groups[0], groups[len(groups)-1]
	sc.cell = cell
	periods := first.period.Label() + " to " + last.period.Label() + " are each"
	if len(groups) == 1 {
		periods = first.period.Label() + " is"
	}
	beside := setNote(sc, first.cols, head)
	if b := besideNote(sc); b != "" {
		beside = append([]string{b}, beside...)
	}
	lead := fmt.Sprintf("each period's %q column read as its figure", sc.cols[firstValue(sc, first.cols)].head)
	if len(sc.choice) > 0 {
		lead = "each period's figure read from one of its columns by the row's unit"
	}
	sc.note = fmt.Sprintf("%s "+where+": %s, %s",
		periods, strings.Join(kinds, " | "), lead, strings.Join(beside, "; "))
	if counted != "" {
		sc.note += fmt.Sprintf("; %q is read as the numerator, as it stands beside a denominator", counted)
	}
	sc.note += figuredNote
	l.subs = &sc
	return nil
}

// besideNote says what the sub-columns beside each figure were read as.
func besideNote(sc subColumns) string {
	has := map[subKind]bool{}
	for _, s := range sc.cols {
		has[s.kind] = true
	}
	var parts []string
	if has[subNum] || has[subDen] {
		parts = append(parts, "with its numerator and denominator beside it, and the three checked against each other by the indicator's unit")
	}
	if has[subRAG] {
		parts = append(parts, "its RAG column as the source's rating of that figure (not of the latest)")
	}
	if has[subDoT] {
		parts = append(parts, "its direction column as the source's direction of travel to that figure")
	}
	return strings.Join(parts, "; ")
}

// firstValue is the figure column among cols.
func firstValue(sc subColumns, cols []int) int {
	for _, c := range cols {
		if sc.cols[c].kind == subValue {
			return c
		}
	}
	return cols[0]
}

// isSubPart reports whether column c is a numerator or denominator of
// one period (periodSubColumns), read with that period's figure, not with
// the row's latest. Its role and period say so, as a saved profile keeps
// them.
func isSubPart(c Column) bool {
	part := c.Role == RoleNumerator || c.Role == RoleDenominator || c.Role == RoleRAG || c.Role == RoleDoT ||
		c.Role == RoleTarget || c.Role == RoleEngland || c.Role == RoleNeighbours
	return part && (c.Period.Kind == app.Month || c.Period.Kind == app.Quarter)
}

// warnSubColumns says once, at the first period heading, how sub-columns
// under period headings were read.
func (s *sheetReader) warnSubColumns() {
	sc := s.l.subs
	if sc == nil || sc.note == "" {
		return
	}
	s.out.warn(s.l.Sheet, sc.cell, "%s", sc.note)
}

// readSubParts gives each figure of row r the numerator and denominator
// of its period's sub-columns (isSubPart); cols are the columns obs were
// read from. A part with no figure to attach to, or not a number, is said
// at its cell. own is set on the indicator's own row, not a district's
// or a cohort's, which has no targets of its own (readSubTarget).
// Whether the three agree is checked, by the indicator's
// unit once it is known, with every figure's parts
// (collector.checkRanges), and said at the figure's cell.
func (s *sheetReader) readSubParts(r int, ind *rowIndicator, obs []app.Observation, cols []int, own bool) {
	if s.l.Kind != IndicatorSheet {
		return
	}
	ref := ind.ref
	for _, c := range s.l.Columns {
		if !isSubPart(c) || s.l.shadowed(c) {
			continue
		}
		text := strings.TrimSpace(s.at(r, &c))
		if c.Role == RoleRAG || c.Role == RoleDoT {
			s.readSubMark(r, ind, c, text, obs)
			continue
		}
		if text == "" || c.Role == RoleEngland || c.Role == RoleNeighbours {
			continue // a benchmark is read with the row's (readRowExtras)
		}
		if c.Role == RoleTarget {
			s.readSubTarget(r, ind, c, text, own)
			continue
		}
		if !s.countRead(r, ind, c, text) {
			continue
		}
		what := string(c.Role)
		i := slices.IndexFunc(obs, func(o app.Observation) bool { return o.Period == c.Period })
		if i < 0 || obs[i].Value == nil {
			figure := "no figure"
			if v, ok := s.l.columnWhere(func(v *Column) bool { return v.Role == RolePeriod && v.Period == c.Period }); ok {
				figure += " in column " + v.Col
			}
			s.warn(r, c.index, "%s: %s skipped: %s has %s to attach it to", ref, what, c.Period.Label(), figure)
			continue
		}
		rd, err := readFigure(text, s.look(r, &c), &s.floats)
		if err != nil || rd.value == nil {
			if err == nil {
				err = errNotANumber
			}
			s.warn(r, c.index, "%s: %s skipped: %v", ref, what, err)
			continue
		}
		s.sayExponent(r, c.index, ref, text, rd)
		field := &obs[i].Numerator
		if c.Role == RoleDenominator {
			field = &obs[i].Denominator
		}
		if *field != nil && **field != *rd.value {
			// A fraction in the figure's own cell ("30/300") gives its
			// parts too.
			s.warn(r, c.index, "%s: %s %s differs from %s that the figure in column %s gives; the figure's own is kept",
				ref, what, fmtFloat(*rd.value), fmtFloat(**field), xlsx.ColumnName(cols[i]))
			continue
		}
		*field = rd.value
	}
}

// fmtFloat writes a figure as briefly as it reads.
func fmtFloat(f float64) string { return fmt.Sprint(f) }

// readSubMark gives the figure of c's period in row r the RAG or
// direction of travel written (or, for a RAG, filled) in c's cell under
// it. A mark with no figure to attach to, or one not read as a mark, is
// said at its cell rather than dropped unsaid.
func (s *sheetReader) readSubMark(r int, ind *rowIndicator, c Column, text string, obs []app.Observation) {
	lk := s.look(r, &c)
	var rag app.RAG
	var arrow app.Arrow
	if c.Role == RoleRAG {
		rag = ragOf(text, lk)
		if text == "" && rag == app.NoRAG {
			return
		}
	} else {
		if text == "" {
			return
		}
		arrow = arrowOf(text, lk, ind.polarity)
	}
	i := slices.IndexFunc(obs, func(o app.Observation) bool { return o.Period == c.Period })
	if i < 0 || obs[i].Value == nil {
		s.warn(r, c.index, "%s: %s %q skipped: %s has no figure to attach it to", ind.ref, c.Role, text, c.Period.Label())
		return
	}
	if c.Role == RoleRAG {
		if rag == app.NoRAG {
			s.warn(r, c.index, "%s: %s %q skipped: not a RAG rating", ind.ref, c.Role, text)
			return
		}
		obs[i].SourceRAG = rag
		return
	}
	if arrow == app.NoArrow {
		s.warn(r, c.index, "%s: %s %q skipped: not a direction of travel", ind.ref, c.Role, text)
		return
	}
	obs[i].SourceArrow = arrow
}

// figuredGroupsNote says, for the period sub-columns' note, how months
// headed in figures over them were read ("202404", "04/24"): "" where
// none were.
func figuredGroupsNote(reads []figuredRead, heads []string) string {
	var out string
	for _, f := range reads {
		if len(f.cols) == 0 {
			continue
		}
		first, last := f.cols[0], f.cols[len(f.cols)-1]
		what := fmt.Sprintf("the months headed %q to %q, read as %s to %s", heads[first], heads[last], f.ps[0].Label(), f.ps[len(f.ps)-1].Label())
		if len(f.cols) == 1 {
			what = fmt.Sprintf("the month headed %q, read as %s", heads[first], f.ps[0].Label())
		}
		switch f.form {
		case formYYYYMM:
			out += fmt.Sprintf("; %s, written year then month (YYYYMM), as every such heading in the row is one and they run a month apart", what)
		case formMMYY:
			out += fmt.Sprintf("; %s, written month/year (MM/YY), as every such heading in the row is one and they run a month apart", what)
			if len(f.years) > 0 {
				out += " (" + strings.Join(f.years, ", ") + ")"
			}
		default:
			out += fmt.Sprintf("; %s, by the first or last day each names", what)
		}
	}
	return out
}
